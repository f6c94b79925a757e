"""Signed heads (decision 0024): someone who can write the database and the file store, but does not hold
the signing key, cannot change the audit log unseen. Each test is one way of trying, and failed to be
caught before heads were signed: `verify_audit_log` passed."""

import base64
import datetime
import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from core import audit_keys, files
from core.audit import ANCHOR_DIRECTORY, LATEST_HEAD, Anchor, heads_every, read_anchors, record_event, write_anchor
from core.models import AuditEvent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def raw_sql(sql: str, params=()):
    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(sql.format(table=table), params)


def verify(*args) -> tuple[int, str]:
    out = StringIO()
    try:
        call_command("verify_audit_log", *args, stdout=out)
    except CommandError as error:
        return error.returncode, str(error)
    return 0, out.getvalue()


def rehash_from(first_id: int, change=lambda event: None) -> None:
    """What a database editor without the key can do: change entries and recompute every hash after them."""
    previous = AuditEvent.objects.filter(id__lt=first_id).order_by("-id").values_list("event_hash", flat=True).first()
    for event in AuditEvent.objects.filter(id__gte=first_id).order_by("id"):
        change(event)
        event.previous_hash = previous or ""
        event.event_hash = event.compute_hash()
        raw_sql(
            "UPDATE {table} SET occurred_at = %s, data = %s, previous_hash = %s, event_hash = %s WHERE id = %s",
            [event.occurred_at, json.dumps(event.data), event.previous_hash, event.event_hash, event.pk],
        )
        previous = event.event_hash


@pytest.fixture
def signed(walked_plan, dorset_clerk, django_capture_on_commit_callbacks):
    """Dorset's walked plan, then three changes each committed in its own transaction, each signing a head."""
    write_anchor(reason="daily")
    for n in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            with transaction.atomic():
                record_event(
                    action="DecisionRecorded",
                    actor=dorset_clerk,
                    subject=walked_plan.council,
                    council_code="E06000059",
                    data={"n": n},
                )
    status, printed = verify()
    assert status == 0, printed
    return walked_plan


def test_every_committed_change_signs_a_head_naming_the_one_before(signed):
    heads = sorted((a for a in read_anchors()[0] if a.reason == "change"), key=lambda a: a.last_event_id)
    newest = AuditEvent.objects.order_by("-id").first()
    assert [a.last_event_id for a in heads][-1] == newest.pk
    assert len(heads) == 3
    assert heads[1].previous_head_id == heads[0].last_event_id
    assert all(audit_keys.signature_holds(a.signed_bytes(), a.signature, audit_keys.public_key()) for a in heads)


def test_a_transaction_rolled_back_signs_no_head(signed, dorset_clerk, django_capture_on_commit_callbacks):
    before = files.read(LATEST_HEAD)
    with django_capture_on_commit_callbacks(execute=True) as hooks:
        with pytest.raises(RuntimeError), transaction.atomic():
            record_event(action="DecisionRecorded", actor=dorset_clerk, subject=signed.council)
            raise RuntimeError
    assert hooks == [] and files.read(LATEST_HEAD) == before


def test_deleting_the_entries_after_the_newest_head_is_found(signed):
    """Weakness: cutting entries off after the newest daily anchor passed. Now the newest head names the
    newest entry, so nothing comes after it to cut unseen."""
    newest = AuditEvent.objects.order_by("-id").first()
    raw_sql("DELETE FROM {table} WHERE id > %s", [newest.pk - 2])
    status, printed = verify()
    assert status == 1
    assert f"entry {newest.pk} is no longer in the log" in printed


def test_entries_added_after_the_newest_head_are_reported(signed, dorset_clerk):
    """An entry with no signed head after it (written behind the service's back, or its head lost) is named."""
    event = record_event(action="DecisionRecorded", actor=dorset_clerk, subject=signed.council)  # never commits
    status, printed = verify()
    assert status == 1
    assert f"1 entry after the newest signed head (entry {event.pk - 1}), from entry {event.pk}" in printed


def test_deleting_the_last_entries_and_their_heads_is_found_by_a_copy_kept_elsewhere(signed, tmp_path):
    """Someone deletes the last entries and every head naming them: the store alone cannot tell, and the
    heads the public feed gave out (kept by anyone) can."""
    copies = tmp_path / "heads"
    copies.mkdir()
    for name in files.names_in(ANCHOR_DIRECTORY):
        (copies / name).write_bytes(files.read(f"{ANCHOR_DIRECTORY}/{name}"))
    newest = AuditEvent.objects.order_by("-id").first()
    raw_sql("DELETE FROM {table} WHERE id = %s", [newest.pk])
    for anchor in read_anchors()[0]:
        if anchor.last_event_id == newest.pk:
            files.delete(anchor.name)
    files.delete(LATEST_HEAD)
    assert verify()[0] == 0, "the store alone cannot tell: what is left is consistent and signed"
    status, printed = verify("--heads", str(copies))
    assert status == 1
    assert f"entry {newest.pk} is no longer in the log" in printed


def test_rehashing_the_whole_log_and_rewriting_the_heads_without_the_key_is_found(signed):
    """Weakness: rewriting the log with fresh hashes and rewriting the anchor files to match passed."""
    rehash_from(
        AuditEvent.objects.order_by("id").first().pk,
        lambda event: event.data.update(outcome="rejected") if event.action == "DecisionRecorded" else None,
    )
    forger = Ed25519PrivateKey.generate()
    for anchor in read_anchors()[0]:
        if anchor.last_event_id is None:
            continue
        event = AuditEvent.objects.get(pk=anchor.last_event_id)
        forged = Anchor(**{**anchor.__dict__, "last_event_hash": event.event_hash})
        # Kept signature (now wrong) on some, a signature by the forger's own key on the others.
        if anchor.last_event_id % 2:
            signature = base64.b64encode(forger.sign(forged.signed_bytes())).decode()
            forged = Anchor(**{**forged.__dict__, "signature": signature})
        files.replace(anchor.name, json.dumps(forged.as_json()).encode())
    status, printed = verify()
    assert status == 1
    assert "its signature does not hold with the audit signing key" in printed
    assert "no signed head covers the log" in printed


def test_stripping_the_signatures_from_rewritten_heads_is_found(signed):
    rehash_from(AuditEvent.objects.order_by("id").first().pk)
    for anchor in read_anchors()[0]:
        if anchor.last_event_id is not None:
            event = AuditEvent.objects.get(pk=anchor.last_event_id)
            unsigned = {**anchor.as_json(), "last_event_hash": event.event_hash, "signature": ""}
            files.replace(anchor.name, json.dumps(unsigned).encode())
    status, printed = verify()
    assert status == 1
    assert "no signed head covers the log" in printed


def test_deleting_the_anchor_folder_is_found(signed, settings):
    """Weakness: with no anchor files at all the log was reported intact."""
    shutil.rmtree(Path(settings.MEDIA_ROOT) / ANCHOR_DIRECTORY)
    status, printed = verify()
    assert status == 1
    assert f"no signed head covers the log: {AuditEvent.objects.count():,} entries and no signed head" in printed


def test_a_head_deleted_from_the_middle_leaves_a_gap(signed):
    heads = sorted((a for a in read_anchors()[0] if a.reason == "change"), key=lambda a: a.last_event_id)
    middle = heads[1]
    for anchor in read_anchors()[0]:
        if anchor.last_event_id == middle.last_event_id:
            files.delete(anchor.name)
    status, printed = verify()
    assert status == 1
    assert f"follows a signed head for entry {middle.last_event_id}, which is missing" in printed


def test_a_correctly_chained_entry_back_dated_before_its_predecessor_is_found(signed, settings):
    """Weakness: an entry re-dated before the one it follows, with the chain recomputed, passed. The
    signed heads are rewritten with the key too, so the date check alone is what finds it."""
    target = AuditEvent.objects.filter(action="PlanSubmitted").order_by("id").first()
    before = AuditEvent.objects.filter(id__lt=target.pk).order_by("-id").first()

    def back_date(event):
        if event.pk == target.pk:
            event.occurred_at = before.occurred_at - datetime.timedelta(days=3)

    rehash_from(target.pk, back_date)
    shutil.rmtree(Path(settings.MEDIA_ROOT) / ANCHOR_DIRECTORY)
    write_anchor()
    status, printed = verify()
    assert status == 1
    assert f"broken at entry {target.pk} (PlanSubmitted" in printed
    assert f"it is dated before the entry before it (entry {before.pk}): the time goes backwards" in printed


def test_a_verifier_checks_with_a_public_key_kept_elsewhere(signed, tmp_path):
    published = tmp_path / "audit-signing-key.pem"
    published.write_text(audit_keys.public_key_pem())
    assert verify("--public-key", str(published))[0] == 0
    other = tmp_path / "other.pem"
    other.write_text(audit_keys.public_key_pem(Ed25519PrivateKey.generate().public_key()))
    status, printed = verify("--public-key", str(other))
    assert status == 1 and "its signature does not hold" in printed


def test_a_laptop_without_a_key_gets_one_made_once_outside_the_store(settings, tmp_path):
    settings.AUDIT_SIGNING_KEY = ""
    settings.AUDIT_SIGNING_KEY_FILE = str(tmp_path / ".local" / "audit-signing-key.pem")
    settings.AUDIT_SIGNING_KEY_GENERATE = True
    first = audit_keys.key_id()
    made = Path(settings.AUDIT_SIGNING_KEY_FILE)
    assert made.read_text().startswith("-----BEGIN PRIVATE KEY-----")
    assert made.stat().st_mode & 0o777 == 0o600
    audit_keys._load.cache_clear()
    assert audit_keys.key_id() == first, "the file made is the key used from then on"


def test_a_deployment_without_a_key_is_refused_rather_than_given_a_new_one(settings, tmp_path):
    settings.AUDIT_SIGNING_KEY = ""
    settings.AUDIT_SIGNING_KEY_FILE = str(tmp_path / "missing.pem")
    settings.AUDIT_SIGNING_KEY_GENERATE = False
    with pytest.raises(audit_keys.SigningKeyMissing):
        write_anchor()
    assert not (tmp_path / "missing.pem").exists()


def test_a_key_given_as_pem_in_the_environment_signs(settings):
    key = Ed25519PrivateKey.generate()
    settings.AUDIT_SIGNING_KEY = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()).decode()
    assert audit_keys.key_id() == audit_keys.key_id(key.public_key())
    anchor = write_anchor()
    assert audit_keys.signature_holds(anchor.signed_bytes(), anchor.signature, key.public_key())


def test_the_public_page_and_feed_give_the_heads_and_the_key_and_nothing_of_any_entry(client, signed, tmp_path):
    page = client.get("/audit/")
    assert page.status_code == 200
    text = page.content.decode()
    assert audit_keys.key_id() in text and "BEGIN PUBLIC KEY" in text
    newest = AuditEvent.objects.order_by("-id").first()
    assert newest.event_hash[:16] in text
    feed = client.get("/audit/heads.json")
    document = feed.json()
    assert document["key_id"] == audit_keys.key_id() and document["heads"][0]["last_event_id"] == newest.pk
    assert all(set(head) == {*Anchor.from_json("", head).as_json()} for head in document["heads"])
    assert '"n": 2' not in feed.content.decode(), "no entry's data is in the feed"
    key = client.get("/audit/public-key.pem")
    assert key.content.decode() == audit_keys.public_key_pem()
    # What anyone saves checks the log, with the key they saved.
    (tmp_path / "heads.json").write_bytes(feed.content)
    (tmp_path / "key.pem").write_bytes(key.content)
    assert verify("--heads", str(tmp_path / "heads.json"), "--public-key", str(tmp_path / "key.pem"))[0] == 0
    raw_sql("DELETE FROM {table} WHERE id = %s", [newest.pk])
    for anchor in read_anchors()[0]:
        if anchor.last_event_id == newest.pk:
            files.delete(anchor.name)
    files.delete(LATEST_HEAD)
    status, printed = verify("--heads", str(tmp_path / "heads.json"), "--public-key", str(tmp_path / "key.pem"))
    assert status == 1 and f"entry {newest.pk} is no longer in the log" in printed


def test_a_deployment_check_names_a_missing_or_laptop_made_key(settings, tmp_path):
    from django.core.management import call_command as run_command
    from django.core.management.base import SystemCheckError

    settings.AUDIT_SIGNING_KEY = ""
    settings.AUDIT_SIGNING_KEY_FILE = str(tmp_path / "missing.pem")
    settings.AUDIT_SIGNING_KEY_GENERATE = False
    with pytest.raises(SystemCheckError, match="audit.E001"):
        run_command("check", "--deploy", "--fail-level", "ERROR", "--tag", "security")
    settings.AUDIT_SIGNING_KEY_GENERATE = True
    with pytest.raises(SystemCheckError, match="audit.W001"):
        run_command("check", "--deploy", "--fail-level", "WARNING", "--tag", "security")


def change_heads() -> list[Anchor]:
    return sorted((a for a in read_anchors()[0] if a.reason == "change"), key=lambda a: a.last_event_id)


@pytest.fixture
def decide(dorset_clerk, signed, django_capture_on_commit_callbacks):
    """One change committed in its own transaction, its on-commit hooks run as a real commit runs them."""

    def one(n: int) -> None:
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            record_event(action="DecisionRecorded", actor=dorset_clerk, subject=signed.council, data={"n": n})

    return one


def test_bulk_work_signs_one_head_at_its_end_naming_its_last_entry(decide, django_capture_on_commit_callbacks):
    """A folder import commits once per file: inside `heads_every` the head is signed every few seconds and as the
    block ends, not after each of hundreds of commits, and the log then verifies as before."""
    before = len(change_heads())
    with django_capture_on_commit_callbacks(execute=True), heads_every(60):
        for n in range(4):
            decide(n)
        assert len(change_heads()) == before, "no head within the interval"
        status, printed = verify()
        assert status == 1 and "4 entries after the newest signed head" in printed
    heads = change_heads()
    assert len(heads) == before + 1
    assert heads[-1].last_event_id == AuditEvent.objects.order_by("-id").first().pk
    assert verify()[0] == 0


def test_bulk_work_that_fails_still_signs_the_head_of_what_it_committed(decide, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), heads_every(60):
        decide(1)
        raise RuntimeError("the fifth file could not be stored")
    assert change_heads()[-1].last_event_id == AuditEvent.objects.order_by("-id").first().pk
    assert verify()[0] == 0


def test_bulk_work_signs_again_once_its_interval_has_passed(decide, django_capture_on_commit_callbacks):
    before = len(change_heads())
    with django_capture_on_commit_callbacks(execute=True), heads_every(0):
        for n in range(3):
            decide(n)
        assert len(change_heads()) == before + 3
    assert len(change_heads()) == before + 3, "nothing new to sign at the end"
