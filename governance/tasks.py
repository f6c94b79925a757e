"""Background work for governance, run by the task workers (`manage.py run_worker`)."""

from core.tasks import task


@task()
def email_line_assigned(line_id: int, person_id: int) -> int:
    """Tell the person named on a checklist line that their sign-off is waiting, with a link to it."""
    from governance.notifications import send_line_assigned

    return send_line_assigned(line_id=line_id, person_id=person_id)
