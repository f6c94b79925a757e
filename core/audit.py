"""Writing and checking the audit log. Only domain services call `record_event`.

The log is a hash chain: each event stores the hash of the one before it, so changing or deleting an
event inside the log breaks the chain at that point (`verify_audit_chain`), and each event is dated no
earlier than the one before it. Someone able to rewrite the whole table could recompute every hash, so
the head of the chain (the newest event's id, hash, time and the number of events) is signed with the
service's Ed25519 key (`core.audit_keys`, held outside the database and the file store) and written as
a *signed head* file in the file store (`write_anchor`): after every transaction that adds events (an
on-commit hook; bulk work signs one every few seconds instead, `heads_every`), once a day by a background task,
and with every publication. Each head names the head
before it, so a head deleted from the middle leaves a gap. `verify_anchors` checks every signature, that
the log still holds each signed event with the signed hash and count, that no head is missing and that
no entry comes after the newest signed head; copies of the heads kept elsewhere (the public feed at
/audit/heads.json) are checked the same way. `manage.py verify_audit_log` runs both checks (decision 0024).
"""

import datetime
import json
import logging
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import NamedTuple

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.db import transaction
from django.utils import timezone

from core import audit_keys, files
from core.dates import LONDON, uk_date
from core.models import AuditEvent
from core.tasks import task

logger = logging.getLogger(__name__)

ANCHOR_DIRECTORY = "audit-anchors"


def _actor_name(actor) -> str:
    if actor is None:
        return "System"
    full_name = actor.get_full_name() if hasattr(actor, "get_full_name") else ""
    return full_name or actor.get_username()


def record_event(
    *,
    action: str,
    actor,
    subject,
    council_code: str = "",
    content_hash: str = "",
    data: dict | None = None,
) -> AuditEvent:
    """Append one event to the chain. Call inside the service's own transaction."""
    with transaction.atomic():
        _lock_the_chain()
        # Only what the new event takes from the one before it.
        last = AuditEvent.objects.order_by("-id").values_list("occurred_at", "event_hash", named=True).first()
        now = timezone.now()
        event = AuditEvent(
            # Never dated before the entry it follows, even if the clock steps back: the check reads a
            # later entry dated earlier as a back-dated one.
            occurred_at=max(now, last.occurred_at) if last else now,
            actor=actor if getattr(actor, "pk", None) else None,
            actor_name=_actor_name(actor),
            action=action,
            council_code=council_code,
            subject_type=subject._meta.label,
            subject_id=str(subject.pk),
            content_hash=content_hash,
            data=data or {},
            previous_hash=last.event_hash if last else "",
        )
        event.event_hash = event.compute_hash()
        event.save()
    _sign_head_after_commit()
    return event


# Any fixed number: the PostgreSQL advisory lock every writer of the chain takes.
CHAIN_LOCK_KEY = 74_012_024


def _lock_the_chain() -> None:
    """Hold the chain until this transaction ends, so two writers (on any app server or worker) cannot both link
    to the same event. The tail is read only after the lock is held: a lock on the tail row itself is not enough,
    because a writer that waited for it would still read the old tail and fork the chain. SQLite needs none:
    its write transactions already run one at a time (transaction_mode IMMEDIATE)."""
    connection = transaction.get_connection()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK_KEY])


def _sign_head_after_commit() -> None:
    """When the transaction commits, sign the new head: one head per transaction, however many events it adds.

    On commit rather than inside the transaction, so a head never names an event that was rolled back;
    robust, so a store or key that fails does not fail the change already committed (the next change,
    or the daily task, signs a head covering it, and `verify_audit_log` reports entries after the
    newest signed head meanwhile). Each event registers the hook; the first to run signs the head and
    the others find it signed already."""
    transaction.on_commit(_write_head_on_commit, robust=True)


_BULK = threading.local()  # `heads_every`'s interval and when it last signed, for this thread


@contextmanager
def heads_every(seconds: float) -> Iterator[None]:
    """Bulk work of hundreds of transactions in one thread (a folder of plans imported): inside the block, a commit
    signs the head only when `seconds` have passed since the block last signed one, and the block signs one as it
    ends, whether it succeeds or fails. Outside, every transaction that adds events signs its own. Meanwhile
    `verify_audit_log` reports the entries after the newest signed head, as it does after a signing that failed."""
    outer = getattr(_BULK, "every", None), getattr(_BULK, "signed_at", 0.0)
    _BULK.every, _BULK.signed_at = seconds, time.monotonic()
    try:
        yield
    finally:
        _BULK.every, _BULK.signed_at = outer
        # After the commit of any transaction still open around the block, or at once.
        transaction.on_commit(_write_head_on_commit, robust=True)


def _write_head_on_commit() -> None:
    every = getattr(_BULK, "every", None)
    if every is not None:
        if time.monotonic() - _BULK.signed_at < every:
            return
        _BULK.signed_at = time.monotonic()
    newest = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first()
    if newest is not None and newest == _previous_head_id():
        return
    try:
        write_anchor(reason="change")
    except audit_keys.SigningKeyMissing:
        logger.exception("The audit log's head was not signed: no usable signing key (AUDIT_SIGNING_KEY).")


def events_for(subject) -> "list[AuditEvent]":
    return list(AuditEvent.objects.filter(subject_type=subject._meta.label, subject_id=str(subject.pk)).order_by("id"))


def events_of(*, action: str, subjects) -> "list[AuditEvent]":
    """Events of one kind about any of `subjects` (objects of one model), oldest first."""
    subjects = list(subjects)
    if not subjects:
        return []
    return list(
        AuditEvent.objects.filter(
            action=action,
            subject_type=subjects[0]._meta.label,
            subject_id__in=[str(subject.pk) for subject in subjects],
        ).order_by("id")
    )


def events_of_any(*, actions: list[str], subjects) -> "list[AuditEvent]":
    """Events of any of the given kinds about any of `subjects` (objects of one model), oldest first."""
    subjects = list(subjects)
    if not subjects:
        return []
    return list(
        AuditEvent.objects.filter(
            action__in=actions,
            subject_type=subjects[0]._meta.label,
            subject_id__in=[str(subject.pk) for subject in subjects],
        ).order_by("id")
    )


def events_naming(*, key: str, value, actions: list[str]) -> "list[AuditEvent]":
    """Events of the given kinds whose data holds `key: value` (e.g. agenda items naming a meeting)."""
    return list(AuditEvent.objects.filter(action__in=actions, **{f"data__{key}": value}).order_by("id"))


# --- Checking the chain ----------------------------------------------------------------------


@dataclass(frozen=True)
class BrokenEntry:
    """The first event at which the chain does not hold, and why."""

    id: int
    occurred_at: datetime.datetime
    action: str
    reason: str

    def describe(self) -> str:
        moment = self.occurred_at.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        return f"entry {self.id} ({self.action}, {moment}): {self.reason}"


@dataclass(frozen=True)
class ChainCheck:
    events_checked: int
    first_broken_id: int | None
    first_broken: BrokenEntry | None = None
    head: "ChainHead | None" = None

    @property
    def intact(self) -> bool:
        return self.first_broken_id is None


def verify_audit_chain() -> ChainCheck:
    """Recompute every event's hash and link, oldest first; report the first event that does not match.

    An event whose stored fields no longer give its stored hash was changed; an event whose
    `previous_hash` is not the hash of the event before it follows an event that was changed and
    re-hashed, or deleted. `events_checked` counts the events read, the broken one included.
    """
    previous_hash = ""
    count = 0
    last = None
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        count += 1
        reason = ""
        if event.compute_hash() != event.event_hash:
            reason = "its contents no longer match its hash (the entry was changed)"
        elif event.previous_hash != previous_hash:
            reason = (
                "it does not link to the entry before it (an earlier entry was changed and re-hashed, or deleted)"
                if count > 1 or previous_hash
                else "the first entry of the log links to an entry that is not there (earlier entries were deleted)"
            )
        elif last is not None and event.occurred_at < last.occurred_at:
            reason = f"it is dated before the entry before it (entry {last.id}): the time goes backwards"
        if reason:
            broken = BrokenEntry(id=event.id, occurred_at=event.occurred_at, action=event.action, reason=reason)
            return ChainCheck(events_checked=count, first_broken_id=event.id, first_broken=broken)
        previous_hash = event.event_hash
        last = event
    head = ChainHead(last.id, last.event_hash) if last else ChainHead(None, "")
    return ChainCheck(events_checked=count, first_broken_id=None, head=head)


class ChainHead(NamedTuple):
    """The newest event of the log: its id (the sequence number) and its hash. (None, "") when empty."""

    event_id: int | None
    event_hash: str


def chain_head() -> ChainHead:
    """The id and hash of the newest event in the log, to publish outside the database."""
    last = AuditEvent.objects.order_by("-id").values_list("id", "event_hash").first()
    return ChainHead(*last) if last else ChainHead(None, "")


# --- Signed heads: the head of the chain, signed, written outside the database ----------------

LATEST_HEAD = f"{ANCHOR_DIRECTORY}/latest.json"
HEAD_FORMAT = "audit-head/1"


@dataclass(frozen=True)
class Anchor:
    """One signed head (an anchor file): at `written_at` the log held `events` events, the newest being
    `last_event_id` with hash `last_event_hash` dated `last_event_at`; the head written before it covered
    entry `previous_head_id`. `signature` is the Ed25519 signature of `signed_bytes()` by key `key_id`;
    anchors written before heads were signed have none."""

    name: str
    written_at: datetime.datetime
    last_event_id: int | None
    last_event_hash: str
    events: int
    reason: str = "daily"
    last_event_at: str = ""
    previous_head_id: int | None = None
    key_id: str = ""
    signature: str = ""

    def head(self) -> dict:
        """What is signed: every field but the file's name and the signature."""
        return {
            "format": HEAD_FORMAT,
            "written_at": self.written_at.isoformat(),
            "last_event_id": self.last_event_id,
            "last_event_hash": self.last_event_hash,
            "last_event_at": self.last_event_at,
            "events": self.events,
            "reason": self.reason,
            "previous_head_id": self.previous_head_id,
            "key_id": self.key_id,
        }

    def signed_bytes(self) -> bytes:
        return json.dumps(self.head(), sort_keys=True, separators=(",", ":")).encode("utf-8")

    def as_json(self) -> dict:
        return {**self.head(), "signature": self.signature}

    @classmethod
    def from_json(cls, name: str, raw: dict) -> "Anchor":
        return cls(
            name=name,
            written_at=datetime.datetime.fromisoformat(raw["written_at"]),
            last_event_id=raw["last_event_id"],
            last_event_hash=raw["last_event_hash"],
            events=int(raw["events"]),
            reason=raw.get("reason", ""),
            last_event_at=raw.get("last_event_at", ""),
            previous_head_id=raw.get("previous_head_id"),
            key_id=raw.get("key_id", ""),
            signature=raw.get("signature", ""),
        )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "anchor"


def anchor_name(*, at: datetime.datetime, reason: str) -> str:
    """`audit-anchors/2024-07-19.json` for the daily anchor;
    `audit-anchors/2024-07-19-101500-123456-publication-e06000059.json` for any other reason (a change,
    a publication, a second daily head the same day). No head is ever overwritten."""
    day = uk_date(at).isoformat()
    if reason == "daily":
        return f"{ANCHOR_DIRECTORY}/{day}.json"
    return f"{ANCHOR_DIRECTORY}/{day}-{at.astimezone(datetime.UTC):%H%M%S-%f}-{_slug(reason)}.json"


def _previous_head_id() -> int | None:
    """The entry the newest head so far covers, read from `latest.json` (no check needed: a wrong value
    only makes the next check report a gap)."""
    try:
        return json.loads((files.read(LATEST_HEAD) or b"{}").decode("utf-8")).get("last_event_id")
    except (ValueError, AttributeError):
        return None


def write_anchor(*, reason: str = "daily", at: datetime.datetime | None = None) -> Anchor:
    """Sign the current head of the audit chain, write it to a file outside the database, and return it.

    Called after every transaction that adds events (`record_event`'s on-commit hook, reason "change"),
    by the daily task (reason "daily"), and by publication writers (e.g. `reason=f"publication
    {council_code}"`), which may copy `anchor.as_json()` into the files they publish.

    The file is JSON: the head (`written_at`, `last_event_id`, `last_event_hash`, `last_event_at`,
    `events`, `reason`, `previous_head_id`, `key_id`) and its Ed25519 `signature` in base64, stored once
    through core.files under `audit-anchors/` (see `anchor_name`), and copied to
    `audit-anchors/latest.json`. Raises `core.audit_keys.SigningKeyMissing` when no key is configured.
    """
    moment = at or timezone.now()
    with transaction.atomic():
        last = AuditEvent.objects.order_by("-id").values_list("id", "event_hash", "occurred_at").first()
        count = AuditEvent.objects.filter(id__lte=last[0]).count() if last else 0
    name = anchor_name(at=moment, reason=reason)
    if files.exists(name):  # a head is never replaced (removing one leaves a gap): a second daily one gets its own
        name = anchor_name(at=moment, reason=f"{reason} again")
    unsigned = Anchor(
        name=name,
        written_at=moment,
        last_event_id=last[0] if last else None,
        last_event_hash=last[1] if last else "",
        last_event_at=last[2].isoformat() if last else "",
        events=count,
        reason=reason,
        previous_head_id=_previous_head_id(),
        key_id=audit_keys.key_id(),
    )
    anchor = Anchor(**{**unsigned.__dict__, "signature": audit_keys.sign(unsigned.signed_bytes())})
    content = json.dumps(anchor.as_json(), indent=2).encode("utf-8")
    files.store(anchor.name, content)
    files.replace(LATEST_HEAD, content)
    return anchor


def read_anchors(copies: "list[tuple[str, bytes]] | None" = None) -> "tuple[list[Anchor], list[str]]":
    """Every anchor file in storage (and any `copies` given as (name, bytes), e.g. heads kept elsewhere),
    oldest name first, and a problem line for each unreadable one."""
    found = [
        (f"{ANCHOR_DIRECTORY}/{filename}", None)
        for filename in sorted(files.names_in(ANCHOR_DIRECTORY))
        if filename.endswith(".json") and f"{ANCHOR_DIRECTORY}/{filename}" != LATEST_HEAD
    ]
    anchors, problems = [], []
    for name, content in [*found, *(copies or [])]:
        try:
            # A file gone since the listing reads as empty, and so is reported below as unreadable.
            raw = json.loads(((files.read(name) if content is None else content) or b"").decode("utf-8"))
            anchors.append(Anchor.from_json(name, raw))
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            problems.append(f"anchor {name} cannot be read: {error}")
    return anchors, problems


def read_anchors_from(copies: "list[tuple[str, bytes]]") -> "tuple[list[Anchor], list[str]]":
    """Anchors from (name, bytes) pairs only, not the store (a backup's copies)."""
    anchors, problems = [], []
    for name, content in copies:
        try:
            anchors.append(Anchor.from_json(name, json.loads(content.decode("utf-8"))))
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            problems.append(f"anchor {name} cannot be read: {error}")
    return anchors, problems


def signed_heads(*, limit: int = 50) -> list[Anchor]:
    """The newest signed heads, newest first, for the public page and feed. Names begin with the UK date and
    time, so only the newest names are read (a day's daily head sorts before that day's others, hence twice
    as many), however many heads the store holds."""
    names = sorted(n for n in files.names_in(ANCHOR_DIRECTORY) if n.endswith(".json") and n != "latest.json")
    newest = [(f"{ANCHOR_DIRECTORY}/{name}", files.read(f"{ANCHOR_DIRECTORY}/{name}")) for name in names[-2 * limit :]]
    anchors = []
    for name, content in newest:
        try:
            anchors.append(Anchor.from_json(name, json.loads((content or b"").decode("utf-8"))))
        except (ValueError, KeyError, TypeError, AttributeError):
            continue  # verify_audit_log reports it
    return sorted(
        (a for a in anchors if a.signature), key=lambda a: (a.last_event_id or 0, a.written_at), reverse=True
    )[:limit]


@dataclass(frozen=True)
class AnchorCheck:
    anchors_checked: int
    problems: list[str] = field(default_factory=list)
    signed: int = 0
    newest_signed_id: int | None = None

    @property
    def intact(self) -> bool:
        return not self.problems


def verify_anchors(*, public_key: Ed25519PublicKey | None = None, copies=None) -> AnchorCheck:
    """Check the log against every signed head (in the store, and any `copies` kept elsewhere):

    - each head's signature holds with the service's public key (or `public_key`, a copy a verifier
      keeps), so a head rewritten without the private key is found;
    - the signed entry is still in the log, with the signed hash, and as many entries up to it;
    - every head the heads name as their predecessor is there (no gap where heads were deleted);
    - there is a signed head at all when the log has entries (an anchor folder deleted, or a database
      restored without its files), and no entry comes after the newest signed head (entries added
      behind the service's back, or kept when the head was not written).

    Anchors written before heads were signed are still held to their entry, hash and count, but cover
    nothing."""
    anchors, problems = read_anchors(copies)
    try:
        key = public_key or audit_keys.public_key()
    except audit_keys.SigningKeyMissing as error:
        return AnchorCheck(len(anchors), [*problems, f"no key to check signed heads with: {error}"])
    signed: list[Anchor] = []
    for anchor in anchors:
        written = anchor.written_at.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
        where = f"anchor {anchor.name} (written {written}, {anchor.events} entries)"
        if anchor.signature and not audit_keys.signature_holds(anchor.signed_bytes(), anchor.signature, key):
            problems.append(
                f"{where}: its signature does not hold with the audit signing key {audit_keys.key_id(key)} "
                "(the head was written or changed without the key)"
            )
            continue
        if anchor.last_event_id is None:
            if anchor.signature:
                signed.append(anchor)
            continue  # written when the log was empty: nothing to hold the log to
        event = AuditEvent.objects.filter(id=anchor.last_event_id).values_list("event_hash", flat=True).first()
        if event is None:
            problems.append(
                f"{where}: entry {anchor.last_event_id} is no longer in the log "
                "(entries were deleted from the end, or the log was rewritten)"
            )
        elif event != anchor.last_event_hash:
            problems.append(f"{where}: entry {anchor.last_event_id} no longer has the hash anchored for it")
        else:
            count = AuditEvent.objects.filter(id__lte=anchor.last_event_id).count()
            if count != anchor.events:
                problems.append(
                    f"{where}: the log now holds {count} entries up to entry {anchor.last_event_id}, "
                    f"not {anchor.events}"
                )
            elif anchor.signature:
                signed.append(anchor)
    covered = {anchor.last_event_id for anchor in signed}
    for anchor in signed:
        if anchor.previous_head_id is not None and anchor.previous_head_id not in covered:
            problems.append(
                f"anchor {anchor.name} follows a signed head for entry {anchor.previous_head_id}, which is missing "
                "(signed heads were deleted)"
            )
    newest = AuditEvent.objects.order_by("-id").values_list("id", "action", "occurred_at").first()
    newest_signed = max((a.last_event_id for a in signed if a.last_event_id is not None), default=None)
    if newest is not None and newest_signed is None:
        total = AuditEvent.objects.count()
        problems.append(
            f"no signed head covers the log: {total:,} entries and no signed head "
            "(the anchor folder is missing or empty, or the database was restored without its files)"
        )
    elif newest is not None and newest_signed < newest[0]:
        after = AuditEvent.objects.filter(id__gt=newest_signed).count()
        first = AuditEvent.objects.filter(id__gt=newest_signed).order_by("id").first()
        assert first is not None
        moment = first.occurred_at.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        problems.append(
            f"{after:,} entr{'y' if after == 1 else 'ies'} after the newest signed head (entry {newest_signed}), "
            f"from entry {first.pk} ({first.action}, {moment}): added without a signed head"
        )
    return AnchorCheck(
        anchors_checked=len(anchors), problems=problems, signed=len(signed), newest_signed_id=newest_signed
    )


# --- The daily anchor ----------------------------------------------------------------------

DAILY_ANCHOR_HOUR = 1  # 1am UK time, after the day's work


def next_daily_run(now: datetime.datetime) -> datetime.datetime:
    """1am UK time on the day after `now` (aware)."""

    tomorrow = uk_date(now) + datetime.timedelta(days=1)
    return datetime.datetime.combine(tomorrow, datetime.time(DAILY_ANCHOR_HOUR), tzinfo=LONDON)


@task()
def write_daily_audit_anchor(reschedule: bool = True) -> dict:
    """Write today's anchor, then enqueue itself for 1am tomorrow, so one anchor is written every day.

    Started by `manage.py write_audit_anchor --schedule` (and by the demo loader). A backend that
    cannot run tasks later (the immediate backend used in tests) writes the anchor and stops there.
    """
    anchor = write_anchor(reason="daily")
    if reschedule:
        schedule_daily_anchor(after_writing=True)
    return anchor.as_json()


def schedule_daily_anchor(*, after_writing: bool = False) -> datetime.datetime | None:
    """Enqueue the daily anchor task for 1am tomorrow, unless one is already waiting.

    Returns when it will run, or None when the task backend cannot defer tasks (then the anchor is
    written at once instead, unless this call comes from the task itself).
    """
    backend = write_daily_audit_anchor.get_backend()
    if not backend.supports_defer:
        if not after_writing:
            write_daily_audit_anchor.call(reschedule=False)
        return None
    run_after = next_daily_run(timezone.now())
    if _daily_anchor_waiting():
        return run_after
    write_daily_audit_anchor.using(run_after=run_after).enqueue()
    logger.info("Daily audit anchor scheduled for %s", run_after.isoformat())
    return run_after


def _daily_anchor_waiting() -> bool:
    """True when the database queue already holds a daily anchor task that has not run yet."""
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # another backend: it keeps its own queue
        return False
    path = f"{write_daily_audit_anchor.module_path}"
    return DBTaskResult.objects.filter(task_path=path, status="READY").exists()


# --- Reading the log -------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditPage:
    count: int
    pages: int
    events: list


def audit_events_page(
    *,
    page: int = 1,
    page_size: int = 100,
    council_code: str = "",
    action: str = "",
    within_councils: "list[str] | None" = None,
) -> AuditPage:
    """One page of the log, oldest first, optionally for one council or one kind of event. `within_councils`
    limits it to those councils' entries (a council's people read only theirs); None means every entry."""
    events = AuditEvent.objects.order_by("id")
    if within_councils is not None:
        events = events.filter(council_code__in=within_councils)
    if council_code:
        events = events.filter(council_code=council_code.upper())
    if action:
        events = events.filter(action=action)
    count = events.count()
    start = (page - 1) * page_size
    return AuditPage(count=count, pages=max(1, -(-count // page_size)), events=list(events[start : start + page_size]))
