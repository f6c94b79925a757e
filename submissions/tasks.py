"""Background work for submissions, run by the task workers (`manage.py run_worker`)."""

import datetime

from django.utils import timezone

from core.dates import LONDON
from core.tasks import task
from submissions.notifications import send_certification_request, send_chase, send_submission_receipt

# Automatic reminders are sent each morning, UK time, before the working day starts.
REMINDER_HOUR = 7


@task()
def email_submission_receipt(submission_id: int) -> int:
    """Email the receipt to the council (who submitted, who certified, its named contacts), copied to
    the department's returns team."""
    return send_submission_receipt(submission_id=submission_id)


@task()
def email_chase(chase_id: int) -> int:
    """Email a reminder (the department's chase, or an automatic one) to the council's named contacts."""
    return send_chase(chase_id=chase_id)


@task()
def email_certification_request(version_id: int, requested_by_id: int, link: str, recipients: list[str]) -> int:
    """Ask the council's chief executive and s151 officer to certify and submit a prepared return."""
    return send_certification_request(
        version_id=version_id, requested_by_id=requested_by_id, link=link, recipients=recipients
    )


def next_reminder_run(after: datetime.datetime) -> datetime.datetime:
    """The next REMINDER_HOUR o'clock in London after `after`."""
    local = after.astimezone(LONDON)
    day = local.date() if local.hour < REMINDER_HOUR else local.date() + datetime.timedelta(days=1)
    return datetime.datetime.combine(day, datetime.time(REMINDER_HOUR), tzinfo=LONDON)


def _already_scheduled(now: datetime.datetime) -> bool:
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # pragma: no cover - another backend: it keeps its own queue
        return False
    return DBTaskResult.objects.filter(
        task_path=send_return_reminders_daily.module_path, status="READY", run_after__gt=now
    ).exists()


def schedule_daily_reminders(*, now: datetime.datetime | None = None):
    """Queue the next daily reminder run, unless one is already queued or the backend cannot wait.

    Returns the queued result, or None.
    """
    now = now or timezone.now()
    if not send_return_reminders_daily.get_backend().supports_defer or _already_scheduled(now):
        return None
    return send_return_reminders_daily.using(run_after=next_reminder_run(now)).enqueue()


@task()
def send_return_reminders_daily() -> int:
    """Bring every stored status up to date, send the automatic reminders due today for every open
    return, then queue tomorrow's run.

    Statuses are recomputed first because time alone changes some: a decision whose call-in period
    ended overnight now endorses its version.
    """
    from plans.selectors import open_returns
    from submissions.services import recompute_all_statuses, send_due_reminders

    recompute_all_statuses()
    sent = sum(len(send_due_reminders(return_definition=r)) for r in open_returns())
    schedule_daily_reminders()
    return sent
