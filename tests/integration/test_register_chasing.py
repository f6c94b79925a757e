"""The department's late and missing list, the chase action, and the automatic reminders."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from core.dates import LONDON
from submissions.models import Chase, ReturnStatus
from tests.integration.pages import banners, error_summary_text, is_sign_in_redirect, soup, table_rows, text_of
from tests.integration.state import describe_change, snapshot

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

SLUG = "productivity-plan-2024"
REGISTER = f"/department/returns/{SLUG}/"
LATE = f"{REGISTER}late-and-missing/"


def chase_url(code: str) -> str:
    return f"{REGISTER}councils/{code}/chase/"


def at(day: int, month: int = 7, hour: int = 12) -> datetime.datetime:
    return datetime.datetime(2024, month, day, hour, tzinfo=LONDON)


@pytest.fixture
def dorset_contacts(make_person, dorset):
    """Dorset's named contacts (and one colleague who is not one)."""
    people = {}
    for role in ("executive_director", "chief_executive", "section_151_officer", "democratic_services", "plan_author"):
        person = make_person(f"dorset-contact-{role.replace('_', '-')}", council=dorset, roles=[role])
        person.email = f"{role}@dorset.example.gov.uk"
        person.save()
        people[role] = person
    return people


def missing_row(response, code: str):
    return next(tr for tr in table_rows(response, "#missing tbody tr") if tr.get("id") == f"council-{code}")


def test_the_department_chases_a_missing_council_and_the_register_shows_when(
    client, analyst, dorset, dorset_contacts, django_capture_on_commit_callbacks
):
    """Past the deadline with nothing submitted, Dorset is missing. The analyst chases it: a reminder
    (text and HTML) goes to its executive director, chief executive, s151 officer and democratic
    services, not to its plan author; the chase is recorded and shown as the date last chased."""
    client.force_login(analyst)
    page = client.get(LATE)
    assert text_of(missing_row(page, dorset.gss_code).select("td")[2]) == "Never"
    assert "317 missing" in text_of(soup(page).select_one("#missing caption"))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(chase_url(dorset.gss_code), {"next": LATE})
    assert response.status_code == 302 and response["Location"] == LATE
    chase = Chase.objects.get()
    assert (chase.council, chase.kind, chase.sent_by) == (dorset, "manual", analyst)
    expected = sorted(f"{r}@dorset.example.gov.uk" for r in dorset_contacts if r != "plan_author")
    assert chase.recipients.splitlines() == expected

    (email,) = mail.outbox
    assert sorted(email.to) == expected
    assert "The department is waiting for Dorset's productivity plan 2024" == email.subject
    assert "It was due by 19 July 2024" in email.body
    html, mimetype = email.alternatives[0]
    assert mimetype == "text/html" and "due by <strong>19 July 2024</strong>" in html

    after = client.get(LATE)
    assert "Dorset chased: a reminder went to 4 named contacts" in banners(after)
    today = chase.sent_at.astimezone(LONDON)
    assert text_of(missing_row(after, dorset.gss_code).select("td")[2]) == f"{today.day} {today:%B %Y}"
    (row,) = table_rows(client.get(f"{REGISTER}?q={dorset.gss_code}"))
    assert text_of(row.select("td")[5]) == f"{today.day} {today:%B %Y}"
    assert ReturnStatus.objects.get(council=dorset).last_chased_at == chase.sent_at


def test_the_register_csv_carries_deadline_certification_and_last_chased(
    client, analyst, dorset, dorset_contacts, endorsed_version
):
    from submissions.services import chase_council, grant_extension, submit_version

    somerset_code = "E06000066"
    from councils.selectors import council_by_code

    somerset = council_by_code(somerset_code)
    chase_council(council=dorset, return_definition=endorsed_version.return_definition, actor=analyst, at=at(20))
    grant_extension(
        council=dorset,
        return_definition=endorsed_version.return_definition,
        deadline=datetime.date(2024, 7, 26),
        reason="Moved meeting.",
        actor=analyst,
    )
    submission = submit_version(
        version=endorsed_version,
        actor=dorset_contacts["section_151_officer"],
        certifier_role="section_151_officer",
        at=at(25),
    )
    client.force_login(analyst)
    import csv
    import io

    response = client.get(f"{REGISTER}?format=csv")
    rows = {row["ons_code"]: row for row in csv.DictReader(io.StringIO(response.content.decode()))}
    dorset_row = rows[dorset.gss_code]
    assert dorset_row["deadline"] == "2024-07-26" and dorset_row["extended"] == "yes"
    assert dorset_row["on_time"] == "yes" and dorset_row["reference"] == submission.reference
    assert dorset_row["content_hash"] == endorsed_version.content_hash
    assert dorset_row["certified_by"] == "Dorset Tester" and dorset_row["certifier_role"] == "section_151_officer"
    assert dorset_row["last_chased_at"].startswith("2024-07-20T11:00:00")
    somerset_row = rows[somerset.gss_code]
    assert (somerset_row["deadline"], somerset_row["extended"], somerset_row["last_chased_at"]) == (
        "2024-07-19",
        "no",
        "",
    )
    missing = {
        r["ons_code"]
        for r in csv.DictReader(io.StringIO(client.get(f"{REGISTER}?timeliness=missing&format=csv").content.decode()))
    }
    assert dorset.gss_code not in missing and somerset.gss_code in missing and len(missing) == 316


def test_chasing_is_post_only_and_for_department_analysts_and_administrators(
    client, dorset, dorset_contacts, panel_member, analyst
):
    """GET is refused (405); a panel member and Dorset's own chief executive get 404; someone not
    signed in is sent to sign in; none of them records a chase or sends an email."""
    before = snapshot()
    for person in (None, analyst):
        client.logout() if person is None else client.force_login(person)
        assert client.get(chase_url(dorset.gss_code)).status_code == 405
    client.logout()
    assert is_sign_in_redirect(client.post(chase_url(dorset.gss_code)))
    for person in (panel_member, dorset_contacts["chief_executive"]):
        client.force_login(person)
        assert client.post(chase_url(dorset.gss_code)).status_code == 404
    assert snapshot() == before, describe_change(before, snapshot())
    assert not Chase.objects.exists() and mail.outbox == []


def test_a_council_that_has_submitted_or_has_no_contacts_is_not_chased(
    client, analyst, dorset, somerset, endorsed_version, dorset_chief_executive
):
    from submissions.services import submit_version

    submit_version(version=endorsed_version, actor=dorset_chief_executive, certifier_role="chief_executive")
    client.force_login(analyst)
    for council, message in [
        (dorset, "Dorset has already submitted; there is nothing to chase"),
        (somerset, "Somerset has no named contact with an email address"),
    ]:
        response = client.post(chase_url(council.gss_code), {"next": "https://elsewhere.example/"})
        assert response["Location"] == LATE, "an outside address is never followed"
        assert message in error_summary_text(client.get(LATE))
    assert not Chase.objects.exists()


def test_automatic_reminders_go_once_per_council_per_schedule_day(
    dorset,
    somerset,
    dorset_contacts,
    somerset_chief_executive,
    plan_return,
    analyst,
    django_capture_on_commit_callbacks,
):
    """Schedule 14, 7 and 1 days before the deadline. Somerset has an extension to 2 August. Runs on
    5, 5 (again), 12, 13 and 18 July: Dorset gets the 14-, 7- and 1-day reminders once each; Somerset
    its 14-day reminder only when its own deadline comes within 14 days."""
    from submissions.services import grant_extension, send_due_reminders

    grant_extension(
        council=somerset, return_definition=plan_return, deadline=datetime.date(2024, 8, 2), reason="x", actor=analyst
    )

    def run(day):
        with django_capture_on_commit_callbacks(execute=True):
            sent = send_due_reminders(
                return_definition=plan_return,
                today=datetime.date(2024, 7, day),
                schedule=[14, 7, 1],
                at=at(day, hour=7),
            )
        return sorted((c.council.name, c.days_before_deadline) for c in sent)

    assert run(4) == []
    assert run(5) == [("Dorset", 14)]
    assert run(5) == [], "the same day again sends nothing"
    assert run(12) == [("Dorset", 7)]
    assert run(13) == []
    assert run(19) == [("Dorset", 1), ("Somerset", 14)], "a missed day-1 run is made up on the deadline day"
    assert run(20) == [], "after the deadline, reminders stop (chasing is the department's)"
    assert Chase.objects.filter(kind="automatic").count() == 4
    subjects = [m.subject for m in mail.outbox]
    assert subjects.count("Reminder: Dorset's productivity plan 2024 is due 19 July 2024") == 3
    assert subjects.count("Reminder: Somerset's productivity plan 2024 is due 2 August 2024") == 1
    somerset_email = next(m for m in mail.outbox if "Somerset" in m.subject)
    assert "extended your deadline from 19 July 2024 to 2 August 2024" in somerset_email.body


def test_councils_that_submitted_get_no_reminder(
    dorset_contacts, plan_return, endorsed_version, dorset_chief_executive
):
    from submissions.services import send_due_reminders, submit_version

    submit_version(version=endorsed_version, actor=dorset_chief_executive, certifier_role="chief_executive", at=at(1))
    assert send_due_reminders(return_definition=plan_return, today=datetime.date(2024, 7, 18), schedule=[1]) == []


def test_the_command_sends_due_reminders(dorset_contacts, plan_return, settings, capsys, monkeypatch):
    """The command uses settings.RETURN_REMINDER_DAYS and today's date; here the deadline is moved to
    tomorrow so the one-day reminder is due."""
    from django.utils import timezone

    from plans.models import Return

    Return.objects.filter(pk=plan_return.pk).update(deadline=timezone.localdate() + datetime.timedelta(days=1))
    settings.RETURN_REMINDER_DAYS = [1]
    call_command("send_return_reminders", "--return", SLUG)
    out = capsys.readouterr().out
    assert "Productivity plan 2024: 1 reminder sent" in out and "Dorset (1 day before the deadline)" in out
    call_command("send_return_reminders")
    assert "Productivity plan 2024: 0 reminders sent" in capsys.readouterr().out
    assert Chase.objects.filter(kind="automatic").count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_daily_task_sends_reminders_and_queues_the_next_run(settings, dorset_contacts, plan_return):
    """Through the database queue and the real worker: `--daily` queues a run; the run sends what is due
    and queues the next day's run at 07:00 UK time; queuing again while one waits adds nothing."""
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from plans.models import Return
    from submissions.tasks import schedule_daily_reminders, send_return_reminders_daily

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    settings.RETURN_REMINDER_DAYS = [1]
    Return.objects.filter(pk=plan_return.pk).update(deadline=timezone.localdate() + datetime.timedelta(days=1))
    call_command("send_return_reminders", "--daily", verbosity=0)
    assert schedule_daily_reminders() is None, "one queued run at a time"
    queued = DBTaskResult.objects.get(task_path=send_return_reminders_daily.module_path)
    assert queued.run_after.astimezone(LONDON).hour == 7
    # Run it now rather than wait for 07:00.
    DBTaskResult.objects.filter(pk=queued.pk).update(run_after=timezone.now())
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"
    assert Chase.objects.filter(kind="automatic", council__gss_code="E06000059").count() == 1
    assert any("Reminder: Dorset's" in m.subject for m in mail.outbox)
    waiting = DBTaskResult.objects.filter(task_path=send_return_reminders_daily.module_path, status="READY").get()
    assert waiting.run_after > timezone.now() and waiting.run_after.astimezone(LONDON).hour == 7


def test_the_register_reads_317_councils_in_a_fixed_handful_of_queries(
    client, analyst, dorset, dorset_contacts, plan_return, django_assert_max_num_queries
):
    """Extensions, chases and submissions do not add a query per council: the page and the CSV cost the
    same with one council extended and chased as with none."""
    from submissions.services import chase_council, grant_extension

    client.force_login(analyst)
    client.get(REGISTER)  # warm the session and the return
    grant_extension(
        council=dorset, return_definition=plan_return, deadline=datetime.date(2024, 8, 2), reason="x", actor=analyst
    )
    chase_council(council=dorset, return_definition=plan_return, actor=analyst)
    # The first read after the change: session + user, the return, the cache's token, councils + statuses,
    # and storing the rows and counts, and the rendered table, for every reader after it (decision 0027).
    with django_assert_max_num_queries(24):
        page = client.get(REGISTER)
    assert len(table_rows(page)) == 317
    # Every read after it, on any app server: session + user, the return, the token, the stored rows and table,
    # and the department's waiting requests for the navigation.
    with django_assert_max_num_queries(9):
        assert len(table_rows(client.get(REGISTER))) == 317
    with django_assert_max_num_queries(9):
        client.get(f"{REGISTER}?format=csv")
    # Its own filter: read and stored once, as the register's rows, with its rendered tables (the chase buttons
    # carry no token of the reader's own: one form outside the tables does); then read from the cache.
    with django_assert_max_num_queries(24):
        client.get(LATE)
    with django_assert_max_num_queries(9):
        late = client.get(LATE)
    assert late.status_code == 200 and b'form="chase"' in late.content
    assert "formaction" not in text_of(soup(late).select_one("main")), "no template comment shown as text"


def test_recomputing_statuses_keeps_extensions_and_chases(analyst, dorset, dorset_contacts, plan_return):
    from submissions.services import chase_council, grant_extension, recompute_all_statuses

    grant_extension(
        council=dorset, return_definition=plan_return, deadline=datetime.date(2024, 8, 2), reason="x", actor=analyst
    )
    chase = chase_council(council=dorset, return_definition=plan_return, actor=analyst)
    ReturnStatus.objects.all().delete()
    assert recompute_all_statuses() == 1
    status = ReturnStatus.objects.get(council=dorset)
    assert (status.stage, status.deadline, status.last_chased_at) == (
        "not_started",
        datetime.date(2024, 8, 2),
        chase.sent_at,
    )
