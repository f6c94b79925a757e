"""The audit log checked end to end: `verify_audit_log` finds an entry altered or deleted behind the
service's back, and the anchor files written outside the database catch what the chain alone cannot
(entries deleted from the end, or the whole log rewritten with fresh hashes)."""

import datetime
import json

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection, models
from django.utils import timezone

from core.audit import (
    ANCHOR_DIRECTORY,
    chain_head,
    schedule_daily_anchor,
    verify_anchors,
    verify_audit_chain,
    write_anchor,
    write_daily_audit_anchor,
)
from core.audit_keys import key_id, public_key, signature_holds
from core.dates import uk_date
from core.models import AuditEvent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def raw_sql(sql: str, params=()):
    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(sql.format(table=table), params)


def verify() -> tuple[int, str]:
    """Run the command as an operator would: (exit status, everything it printed)."""
    from io import StringIO

    out = StringIO()
    try:
        call_command("verify_audit_log", stdout=out)
    except CommandError as error:
        return error.returncode, str(error)
    return 0, out.getvalue()


@pytest.fixture
def logged(walked_plan):
    """Dorset's plan walked through every stage: a few dozen events in the log."""
    assert AuditEvent.objects.count() >= 15
    return walked_plan


def test_an_intact_log_passes_and_says_how_many_entries_were_checked(logged):
    write_anchor()
    status, printed = verify()
    assert status == 0
    total = AuditEvent.objects.count()
    assert f"{total:,} entries checked" in printed
    assert "1 anchor file match" in printed


def test_an_entry_altered_by_raw_sql_is_found_and_named(logged):
    """A database editor changes the outcome recorded in a DecisionRecorded event with a raw UPDATE
    (the model refuses updates): the command fails, naming that entry's id, time and action."""
    target = AuditEvent.objects.filter(action="DecisionRecorded").order_by("id")[1]
    raw_sql("UPDATE {table} SET data = %s WHERE id = %s", ['{"outcome": "rejected"}', target.pk])
    status, printed = verify()
    assert status == 1
    moment = target.occurred_at.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    assert f"broken at entry {target.pk} (DecisionRecorded, {moment})" in printed
    assert "no longer match its hash" in printed
    # Only the first broken entry is named; the events after it are not blamed.
    assert printed.count("broken at") == 1


def test_an_entry_altered_and_rehashed_is_found_at_the_next_entry(logged):
    target = AuditEvent.objects.filter(action="VersionFrozen").order_by("id").first()
    target.actor_name = "Somebody Else"
    raw_sql(
        "UPDATE {table} SET actor_name = %s, event_hash = %s WHERE id = %s",
        [target.actor_name, target.compute_hash(), target.pk],
    )
    following = AuditEvent.objects.filter(id__gt=target.pk).order_by("id").first()
    status, printed = verify()
    assert status == 1
    assert f"broken at entry {following.pk} ({following.action}," in printed
    assert "does not link to the entry before it" in printed


def test_deleting_the_last_entries_is_caught_through_the_anchor(logged):
    """The chain alone cannot see the end cut off: what is left still links up. The anchor written
    before the deletion names the entry that is gone."""
    anchor = write_anchor()
    last_three = list(AuditEvent.objects.order_by("-id").values_list("id", flat=True)[:3])
    assert verify_audit_chain().intact
    raw_sql("DELETE FROM {table} WHERE id >= %s", [min(last_three)])
    assert verify_audit_chain().intact, "the shortened chain still links up; only the anchor can tell"
    status, printed = verify()
    assert status == 1
    assert f"anchor {anchor.name}" in printed
    assert f"entry {anchor.last_event_id} is no longer in the log" in printed


def test_rewriting_the_whole_log_with_fresh_hashes_is_caught_through_the_anchor(logged):
    """Someone rewrites a decision and recomputes every hash after it, so the chain is consistent
    again: the anchor still holds the old head's hash."""
    anchor = write_anchor()
    events = list(AuditEvent.objects.order_by("id"))
    previous = ""
    for event in events:
        if event.action == "DecisionRecorded":
            event.data = {**event.data, "outcome": "rejected"}
        event.previous_hash = previous
        event.event_hash = event.compute_hash()
        raw_sql(
            "UPDATE {table} SET data = %s, previous_hash = %s, event_hash = %s WHERE id = %s",
            [json.dumps(event.data), event.previous_hash, event.event_hash, event.pk],
        )
        previous = event.event_hash
    assert verify_audit_chain().intact
    status, printed = verify()
    assert status == 1
    assert f"entry {anchor.last_event_id} no longer has the hash anchored for it" in printed


def test_an_entry_deleted_before_the_anchored_one_and_the_chain_relinked_is_caught_by_the_count(logged):
    anchor = write_anchor()
    victim = AuditEvent.objects.filter(action="PlanSubmitted").order_by("id").first()
    models.QuerySet.delete(AuditEvent.objects.filter(pk=victim.pk))
    previous = ""
    for event in AuditEvent.objects.order_by("id"):
        if event.previous_hash != previous:
            event.previous_hash = previous
            event.event_hash = event.compute_hash()
            raw_sql(
                "UPDATE {table} SET previous_hash = %s, event_hash = %s WHERE id = %s",
                [event.previous_hash, event.event_hash, event.pk],
            )
        previous = event.event_hash
    assert verify_audit_chain().intact
    check = verify_anchors()
    assert not check.intact
    assert any(f"entry {anchor.last_event_id}" in problem for problem in check.problems)


def test_new_entries_after_an_anchor_are_fine_once_their_transaction_signs_the_head(
    logged, dorset_clerk, django_capture_on_commit_callbacks
):
    write_anchor()
    from core.audit import record_event

    with django_capture_on_commit_callbacks(execute=True):
        record_event(action="DecisionRecorded", actor=dorset_clerk, subject=logged.council, council_code="E06000059")
    status, printed = verify()
    assert status == 0, printed


def test_an_anchor_file_holds_time_last_entry_hash_and_count_and_is_named_by_date(logged):
    head = chain_head()
    moment = datetime.datetime(2024, 7, 19, 23, 30, tzinfo=datetime.UTC)  # 20 July in the UK (BST)
    anchor = write_anchor(at=moment)
    assert anchor.name == f"{ANCHOR_DIRECTORY}/2024-07-20.json"
    with default_storage.open(anchor.name) as handle:
        stored = json.loads(handle.read())
    newest = AuditEvent.objects.get(pk=head.event_id)
    assert stored == {
        "format": "audit-head/1",
        "written_at": "2024-07-19T23:30:00+00:00",
        "last_event_id": head.event_id,
        "last_event_hash": head.event_hash,
        "last_event_at": newest.occurred_at.isoformat(),
        "events": AuditEvent.objects.count(),
        "reason": "daily",
        "previous_head_id": None,
        "key_id": key_id(),
        "signature": anchor.signature,
    }
    assert signature_holds(anchor.signed_bytes(), stored["signature"], public_key())
    # No head is overwritten: a second daily write on the same day, and a publication's, have files of their own.
    again = write_anchor(at=moment + datetime.timedelta(minutes=5))
    publication = write_anchor(at=moment, reason="publication E06000059")
    _, files = default_storage.listdir(ANCHOR_DIRECTORY)
    assert sorted(files) == sorted(
        ["2024-07-20.json", "latest.json", again.name.rsplit("/", 1)[1], publication.name.rsplit("/", 1)[1]]
    )
    assert again.name.endswith("-233500-000000-daily-again.json")
    assert "publication-e06000059" in publication.name


def test_chain_head_is_the_newest_entry_or_nothing():
    assert AuditEvent.objects.count() == 0 or chain_head().event_id == AuditEvent.objects.order_by("id").last().pk


def test_an_unreadable_anchor_file_is_reported(logged):
    from django.core.files.base import ContentFile

    default_storage.save(f"{ANCHOR_DIRECTORY}/2024-07-01.json", ContentFile(b"not json"))
    status, printed = verify()
    assert status == 1
    assert "2024-07-01.json cannot be read" in printed


def test_the_write_command_writes_todays_anchor(logged, capsys):
    call_command("write_audit_anchor")
    printed = capsys.readouterr().out
    head = chain_head()
    assert f"newest {head.event_id}" in printed
    anchors = default_storage.listdir(ANCHOR_DIRECTORY)[1]
    assert sorted(anchors) == sorted([f"{uk_date(timezone.now()).isoformat()}.json", "latest.json"])


def test_the_daily_task_writes_the_anchor_and_reschedules_itself_on_a_queue_that_can_wait(logged, settings):
    """With the database queue, the task writes today's anchor and enqueues itself for 1am tomorrow,
    once: scheduling again while one is waiting adds nothing."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    result = write_daily_audit_anchor.call()
    assert result["last_event_id"] == chain_head().event_id
    waiting = DBTaskResult.objects.filter(task_path="core.audit.write_daily_audit_anchor", status="READY")
    assert waiting.count() == 1
    run_after = waiting.get().run_after
    assert run_after > datetime.datetime.now(datetime.UTC)
    assert run_after - datetime.datetime.now(datetime.UTC) < datetime.timedelta(hours=26)
    schedule_daily_anchor()
    schedule_daily_anchor()
    assert waiting.count() == 1


def test_scheduling_on_a_queue_that_cannot_wait_writes_the_anchor_at_once(logged):
    assert schedule_daily_anchor() is None
    assert len(default_storage.listdir(ANCHOR_DIRECTORY)[1]) == 2  # the day's anchor, and latest.json


def test_the_write_command_schedules_the_daily_anchor_when_the_queue_can_wait(logged, settings, capsys):
    from django_tasks_db.models import DBTaskResult

    call_command("write_audit_anchor", "--schedule")
    assert "cannot run tasks later; no daily anchor was scheduled" in capsys.readouterr().out
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    call_command("write_audit_anchor", "--schedule")
    assert "The next daily anchor is due at" in capsys.readouterr().out
    assert DBTaskResult.objects.filter(task_path="core.audit.write_daily_audit_anchor", status="READY").count() == 1


def test_an_anchor_written_when_the_log_was_empty_holds_nothing_to_check():
    from django.core.files.base import ContentFile

    empty = {"written_at": "2024-06-01T00:00:00+00:00", "last_event_id": None, "last_event_hash": "", "events": 0}
    default_storage.save(f"{ANCHOR_DIRECTORY}/2024-06-01.json", ContentFile(json.dumps(empty).encode()))
    write_anchor()  # the register loaded for the tests is in the log: a signed head covers it
    check = verify_anchors()
    assert check.intact and check.anchors_checked == 2
