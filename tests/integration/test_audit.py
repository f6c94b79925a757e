"""The audit log: every step writes a hash-chained event; tampering is found; records are append-only."""

import pytest
from django.db import connection
from django.utils import timezone

from core.audit import verify_audit_chain
from core.models import AppendOnlyError, AuditEvent
from governance.models import Decision
from plans.models import PlanVersion
from submissions.models import Publication, Submission
from tests.integration.test_submission_certification import certified_submission_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def walk_through_the_views(client, plan_return, author, clerk, director, theme_text) -> dict:
    """Draft -> save -> freeze -> decide -> submit -> publish, each by the person whose job it is."""
    client.force_login(author)
    edit_url = client.post(f"/plans/returns/{plan_return.slug}/start/")["Location"]
    draft_url = client.post(edit_url, {"revision": "1", **{f"theme_{n}": t for n, t in theme_text.items()}})["Location"]
    version_url = client.post(draft_url + "freeze/")["Location"]
    version = PlanVersion.objects.get(pk=int(version_url.rstrip("/").rsplit("/", 1)[-1]))
    client.force_login(clerk)
    today = timezone.localdate()
    response = client.post(
        f"/governance/versions/{version.pk}/decision/",
        {
            "outcome": "approved",
            "decision_maker": "Cabinet",
            "decided_on-day": today.day,
            "decided_on-month": today.month,
            "decided_on-year": today.year,
        },
    )
    assert response.status_code == 302
    client.force_login(director)
    submit_url = f"/your-plans/versions/{version.pk}/submit/"
    assert client.post(submit_url, certified_submission_data(client, version)).status_code == 302
    client.force_login(clerk)
    assert client.post(f"/your-plans/versions/{version.pk}/publish/").status_code == 302
    return {"version": version, "draft_url": draft_url}


@pytest.fixture
def walked(client, plan_return, dorset_author, dorset_clerk, dorset_chief_executive, theme_text):
    return walk_through_the_views(client, plan_return, dorset_author, dorset_clerk, dorset_chief_executive, theme_text)


def test_each_step_writes_an_event_with_its_actor_action_and_content_hash(
    walked, dorset_author, dorset_clerk, dorset_chief_executive
):
    """Walking the route through the views writes, in order, one event per step naming who did it,
    the council, the object, and (from freezing on) the version's content hash."""
    version = walked["version"]
    decision, submission, publication = Decision.objects.get(), Submission.objects.get(), Publication.objects.get()
    steps = list(
        AuditEvent.objects.filter(council_code="E06000059")
        .exclude(action="CouncilRoleGranted")
        .order_by("id")
        .values_list("action", "actor_id", "actor_name", "subject_type", "subject_id", "content_hash")
    )
    expected = [
        ("DraftStarted", dorset_author, "plans.Draft", version.draft_id, ""),
        ("DraftSaved", dorset_author, "plans.Draft", version.draft_id, ""),
        ("VersionFrozen", dorset_author, "plans.PlanVersion", version.pk, version.content_hash),
        ("DecisionRecorded", dorset_clerk, "governance.Decision", decision.pk, version.content_hash),
        ("PlanSubmitted", dorset_chief_executive, "submissions.Submission", submission.pk, version.content_hash),
        ("PlanPublished", dorset_clerk, "submissions.Publication", publication.pk, version.content_hash),
    ]
    assert [step[0] for step in steps] == [e[0] for e in expected]
    for (action, actor_id, actor_name, subject_type, subject_id, content_hash), (_, actor, s_type, s_id, c_hash) in zip(
        steps, expected, strict=True
    ):
        assert actor_id == actor.pk, action
        assert actor_name == actor.get_full_name(), action
        assert (subject_type, subject_id) == (s_type, str(s_id)), action
        assert content_hash == c_hash, action
    assert len(version.content_hash) == 64
    for record in (decision, submission, publication):
        assert record.content_hash == version.content_hash


def test_events_carry_what_each_step_decided(walked):
    data = {e.action: e.data for e in AuditEvent.objects.filter(council_code="E06000059")}
    assert data["DraftSaved"] == {"revision": 2, "themes_changed": [1, 2, 3, 4]}
    assert data["VersionFrozen"] == {"number": 1}
    assert data["DecisionRecorded"]["outcome"] == "approved"
    assert data["DecisionRecorded"]["decision_maker"] == "Cabinet"
    assert data["PlanSubmitted"]["reference"] == Submission.objects.get().reference
    assert data["PlanSubmitted"]["on_time"] is False


def test_refused_steps_write_no_event(client, frozen_version, dorset_director, dorset_clerk):
    """A refused submit (not endorsed) and a refused publish (not submitted) leave the log as it was."""
    before = AuditEvent.objects.count()
    client.force_login(dorset_director)
    assert client.post(f"/your-plans/versions/{frozen_version.pk}/submit/").status_code == 400
    client.force_login(dorset_clerk)
    assert client.post(f"/your-plans/versions/{frozen_version.pk}/publish/").status_code == 400
    assert AuditEvent.objects.count() == before


def test_the_chain_is_intact_after_the_whole_route(walked):
    check = verify_audit_chain()
    assert check.intact
    assert check.first_broken_id is None
    assert check.events_checked == AuditEvent.objects.count() >= 6


def test_every_event_links_to_the_one_before(walked):
    events = list(AuditEvent.objects.order_by("id"))
    assert events[0].previous_hash == ""
    for earlier, later in zip(events, events[1:], strict=False):
        assert later.previous_hash == earlier.event_hash
    assert all(e.event_hash == e.compute_hash() for e in events)


def raw_sql(sql: str, params=()):
    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(sql.format(table=table), params)


TAMPERING = [
    ("actor_name", "Somebody Else"),
    ("content_hash", "0" * 64),
    ("data", '{"outcome": "rejected"}'),
    ("occurred_at", "2024-07-01 09:00:00"),
    ("action", "DecisionWithdrawn"),
]


def test_tampering_with_one_event_is_reported_at_that_event(walked):
    """Change one column of the DecisionRecorded event behind the model's back (raw SQL UPDATE, since
    AuditEvent.save refuses updates): the check reports that event as the first broken one. Each
    column in turn, putting the original back in between (which makes the chain intact again)."""
    target = AuditEvent.objects.get(action="DecisionRecorded")
    for column, value in TAMPERING:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {column} FROM {connection.ops.quote_name(AuditEvent._meta.db_table)} WHERE id = %s",
                [target.pk],
            )
            (original,) = cursor.fetchone()
        raw_sql(f"UPDATE {{table}} SET {column} = %s WHERE id = %s", [value, target.pk])
        check = verify_audit_chain()
        assert not check.intact, column
        assert check.first_broken_id == target.pk, column
        assert check.events_checked == AuditEvent.objects.filter(id__lte=target.pk).count(), column
        raw_sql(f"UPDATE {{table}} SET {column} = %s WHERE id = %s", [original, target.pk])
        assert verify_audit_chain().intact, f"putting {column} back should mend the chain"


def test_rehashing_a_tampered_event_is_still_found_at_the_next_link(walked):
    """Even with its own hash recomputed, an altered event breaks the link from the event after it."""
    target = AuditEvent.objects.get(action="DecisionRecorded")
    target.actor_name = "Somebody Else"
    raw_sql(
        "UPDATE {table} SET actor_name = %s, event_hash = %s WHERE id = %s",
        [target.actor_name, target.compute_hash(), target.pk],
    )
    check = verify_audit_chain()
    following = AuditEvent.objects.filter(id__gt=target.pk).order_by("id").first()
    assert check.first_broken_id == following.pk


def test_deleting_an_event_from_the_middle_is_found(walked):
    target = AuditEvent.objects.get(action="VersionFrozen")
    following = AuditEvent.objects.filter(id__gt=target.pk).order_by("id").first()
    raw_sql("DELETE FROM {table} WHERE id = %s", [target.pk])
    assert verify_audit_chain().first_broken_id == following.pk


# --- Append-only records -------------------------------------------------------------------


def records(walked) -> dict:
    return {
        "PlanVersion": walked["version"],
        "Decision": Decision.objects.get(),
        "Submission": Submission.objects.get(),
        "Publication": Publication.objects.get(),
        "AuditEvent": AuditEvent.objects.order_by("id").last(),
    }


def test_records_refuse_save_after_creation_and_delete(walked):
    """For a PlanVersion, Decision, Submission, Publication and AuditEvent: fetch the record fresh,
    change a field and save: AppendOnlyError, and the stored row is unchanged. Delete: AppendOnlyError,
    and the row is still there. The audit chain stays intact throughout."""
    for model, record in records(walked).items():
        fresh = type(record).objects.get(pk=record.pk)
        fresh.content_hash = "f" * 64
        with pytest.raises(AppendOnlyError):
            fresh.save()
        with pytest.raises(AppendOnlyError):
            fresh.save(update_fields=["content_hash"])
        assert type(record).objects.get(pk=record.pk).content_hash == record.content_hash, model
        with pytest.raises(AppendOnlyError):
            fresh.delete()
        assert type(record).objects.filter(pk=record.pk).exists(), model
    assert verify_audit_chain().intact
