"""Writing and checking the audit log. Only domain services call `record_event`.

The log is a hash chain: each event stores the hash of the one before it, so changing or deleting an
event inside the log breaks the chain at that point (`verify_audit_chain`). Someone able to rewrite
the whole table could recompute every hash, so the head of the chain (the last event's id and hash)
is also written outside the database, as an *anchor* file in Django's storage (`write_anchor`): once
a day by a background task, and with every publication. `verify_anchors` then checks the log still
holds each anchored event with the anchored hash, which also catches events deleted from the end.
`manage.py verify_audit_log` runs both checks.
"""

import datetime
import json
import logging
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import transaction
from django.utils import timezone

from core import files
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
        # Lock the tail of the chain so two writers cannot both link to the same event.
        last = AuditEvent.objects.select_for_update().order_by("-id").first()
        event = AuditEvent(
            occurred_at=timezone.now(),
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
    return event


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


# --- Anchors: the head of the chain written outside the database -------------------------------


@dataclass(frozen=True)
class Anchor:
    """One anchor file's contents: at `written_at` the log held `events` events, the newest being
    `last_event_id` with hash `last_event_hash`."""

    name: str
    written_at: datetime.datetime
    last_event_id: int | None
    last_event_hash: str
    events: int
    reason: str = "daily"

    def as_json(self) -> dict:
        return {
            "written_at": self.written_at.isoformat(),
            "last_event_id": self.last_event_id,
            "last_event_hash": self.last_event_hash,
            "events": self.events,
            "reason": self.reason,
        }


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "anchor"


def anchor_name(*, at: datetime.datetime, reason: str) -> str:
    """`audit-anchors/2024-07-19.json` for the daily anchor (one a day, the day's latest head);
    `audit-anchors/2024-07-19-101500-123456-publication-e06000059.json` for any other reason, so a
    publication's anchor is never overwritten."""
    day = uk_date(at).isoformat()
    if reason == "daily":
        return f"{ANCHOR_DIRECTORY}/{day}.json"
    return f"{ANCHOR_DIRECTORY}/{day}-{at.astimezone(datetime.UTC):%H%M%S-%f}-{_slug(reason)}.json"


def write_anchor(*, reason: str = "daily", at: datetime.datetime | None = None) -> Anchor:
    """Write the current head of the audit chain to an anchor file outside the database, and return it.

    Call it whenever the head should be fixed somewhere a database editor cannot reach: the daily
    task (`write_daily_audit_anchor`) calls it with reason "daily"; a publication writer should call
    it with e.g. `reason=f"publication {council_code}"` right after recording its own audit event,
    and may copy `anchor.as_json()` into the files it publishes, so the head is also public.

    The file is JSON, `{"written_at", "last_event_id", "last_event_hash", "events", "reason"}`,
    stored through core.files (object storage in production) under `audit-anchors/`, named
    by the UK date (see `anchor_name`). The daily file of a day is replaced by a later write on the
    same day; every other anchor gets a file of its own. `manage.py verify_audit_log` checks the
    log against every anchor file it finds.
    """
    moment = at or timezone.now()
    with transaction.atomic():
        head = chain_head()
        count = AuditEvent.objects.filter(id__lte=head.event_id).count() if head.event_id else 0
    name = anchor_name(at=moment, reason=reason)
    anchor = Anchor(
        name=name,
        written_at=moment,
        last_event_id=head.event_id,
        last_event_hash=head.event_hash,
        events=count,
        reason=reason,
    )
    files.replace(name, json.dumps(anchor.as_json(), indent=2).encode("utf-8"))
    return anchor


def read_anchors() -> "tuple[list[Anchor], list[str]]":
    """Every anchor file in storage, oldest name first, and a problem line for each unreadable one."""
    anchors, problems = [], []
    for filename in sorted(f for f in files.names_in(ANCHOR_DIRECTORY) if f.endswith(".json")):
        name = f"{ANCHOR_DIRECTORY}/{filename}"
        try:
            # A file gone since the listing reads as empty, and so is reported below as unreadable.
            raw = json.loads((files.read(name) or b"").decode("utf-8"))
            anchors.append(
                Anchor(
                    name=name,
                    written_at=datetime.datetime.fromisoformat(raw["written_at"]),
                    last_event_id=raw["last_event_id"],
                    last_event_hash=raw["last_event_hash"],
                    events=int(raw["events"]),
                    reason=raw.get("reason", ""),
                )
            )
        except (ValueError, KeyError, TypeError) as error:
            problems.append(f"anchor {name} cannot be read: {error}")
    return anchors, problems


@dataclass(frozen=True)
class AnchorCheck:
    anchors_checked: int
    problems: list[str] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.problems


def verify_anchors() -> AnchorCheck:
    """Check the log against each anchor file: the anchored event is still there, with the anchored
    hash, and the log holds as many events up to it as it did then. Deleting events from the end of
    the log, or rewriting the whole log with fresh hashes, fails this check for any anchor written
    before the deletion or rewrite."""
    anchors, problems = read_anchors()
    for anchor in anchors:
        if anchor.last_event_id is None:
            continue  # written when the log was empty: nothing to hold the log to
        event = AuditEvent.objects.filter(id=anchor.last_event_id).values_list("event_hash", flat=True).first()
        written = anchor.written_at.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
        where = f"anchor {anchor.name} (written {written}, {anchor.events} entries)"
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
    return AnchorCheck(anchors_checked=len(anchors), problems=problems)


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


def audit_events_page(*, page: int = 1, page_size: int = 100, council_code: str = "", action: str = "") -> AuditPage:
    """One page of the log, oldest first, optionally for one council or one kind of event."""
    events = AuditEvent.objects.order_by("id")
    if council_code:
        events = events.filter(council_code=council_code.upper())
    if action:
        events = events.filter(action=action)
    count = events.count()
    start = (page - 1) * page_size
    return AuditPage(count=count, pages=max(1, -(-count // page_size)), events=list(events[start : start + page_size]))
