"""Writes for meetings: committees, meetings, agenda items, committee papers and agenda publication.

Every function takes keyword arguments, runs in one transaction and writes one audit event.
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from core import files
from core.audit import record_event, write_anchor
from core.dates import LONDON, time_of_day, uk_date
from meetings.exceptions import AgendaBlocked, MeetingRefused
from meetings.models import AgendaItem, Committee, CommitteeKind, Meeting, Paper, Supplement
from meetings.notice import clear_working_days
from meetings.selectors import (
    blockers_for_agenda,
    open_supplement_of,
    published_meeting_of_paper,
    supplement_number_for_new_item,
)

PACK_DIRECTORY = "agenda-packs"


def create_committee(*, council, name: str, kind: str, actor, at: datetime.datetime | None = None) -> Committee:
    """A committee of the council; asking again for one that exists returns it unchanged."""
    name = name.strip()
    if kind not in CommitteeKind.values:
        raise MeetingRefused("Select what kind of committee it is", field="kind")
    with transaction.atomic():
        existing = Committee.objects.filter(council=council, name__iexact=name).first()
        if existing:
            return existing
        committee = Committee.objects.create(council=council, name=name, kind=kind)
        record_event(
            action="CommitteeCreated",
            actor=actor,
            subject=committee,
            council_code=council.gss_code,
            data={"name": name, "kind": kind},
        )
    return committee


def schedule_meeting(
    *,
    committee: Committee,
    date: datetime.date,
    starts_at: datetime.time,
    venue: str,
    contact: str = "",
    actor,
    at: datetime.datetime | None = None,
) -> Meeting:
    """A meeting of a committee. Past dates are allowed, so past meetings can be recorded."""
    moment = at or timezone.now()
    if not venue.strip():
        raise MeetingRefused("Enter where the meeting takes place", field="venue")
    try:
        with transaction.atomic():
            meeting = Meeting.objects.create(
                committee=committee,
                council=committee.council,
                date=date,
                starts_at=starts_at,
                venue=venue.strip(),
                contact=contact.strip(),
                created_by=actor,
                created_at=moment,
            )
            record_event(
                action="MeetingScheduled",
                actor=actor,
                subject=meeting,
                council_code=committee.council.gss_code,
                data={
                    "committee": committee.name,
                    "date": date.isoformat(),
                    "time": starts_at.strftime("%H:%M"),
                    "venue": meeting.venue,
                },
            )
    except IntegrityError:
        raise MeetingRefused(
            f"{committee.name} already has a meeting at that time on {date:%-d %B %Y}", field="date"
        ) from None
    return meeting


def write_paper(
    *,
    council,
    title: str,
    report_of: str,
    author_names: str,
    summary: str,
    recommendation: str,
    body: str,
    cleared_by: str = "",
    cleared_on: datetime.date | None = None,
    actor,
    at: datetime.datetime | None = None,
) -> Paper:
    """A committee paper for other business than a plan decision (which has its own decision report).

    It can go on a published agenda once it has text and says who cleared it, and when."""
    moment = at or timezone.now()
    if cleared_on is not None and cleared_on > uk_date(moment):
        raise MeetingRefused("The date the report was cleared cannot be in the future", field="cleared_on")
    with transaction.atomic():
        paper = Paper.objects.create(
            council=council,
            title=title.strip(),
            report_of=report_of.strip(),
            author_names=author_names.strip(),
            summary=summary.strip(),
            recommendation=recommendation.strip(),
            body=body.strip(),
            cleared_by=cleared_by.strip(),
            cleared_on=cleared_on,
            created_by=actor,
            created_at=moment,
        )
        record_event(
            action="PaperWritten",
            actor=actor,
            subject=paper,
            council_code=council.gss_code,
            data={"title": paper.title},
        )
    return paper


PAPER_FIELDS = (
    "title",
    "report_of",
    "author_names",
    "summary",
    "recommendation",
    "body",
    "cleared_by",
    "cleared_on",
)


def edit_paper(*, paper: Paper, actor, at: datetime.datetime | None = None, **fields) -> list[str]:
    """Change a committee paper's text or clearance; returns the names of the fields that changed.

    Refused once the paper is in a published agenda pack: the pack is the record of what members
    were sent, so a changed paper would no longer be the one they read. Each change is audited
    with the field's value before and after."""
    moment = at or timezone.now()
    unknown = set(fields) - set(PAPER_FIELDS)
    if unknown:
        raise TypeError(f"edit_paper() got unexpected fields {sorted(unknown)}")
    cleared_on = fields.get("cleared_on", paper.cleared_on)
    if cleared_on is not None and cleared_on > uk_date(moment):
        raise MeetingRefused("The date the report was cleared cannot be in the future", field="cleared_on")
    with transaction.atomic():
        locked = Paper.objects.select_for_update().select_related("council").get(pk=paper.pk)
        published = published_meeting_of_paper(locked)
        if published is not None:
            raise MeetingRefused(
                f"This paper is in the agenda pack for {_meeting_words(published)}, published on "
                f"{published.agenda_published_on:%-d %B %Y}, so it can no longer change. Write a new paper "
                "for a later meeting instead."
            )
        changes = {}
        for name, value in fields.items():
            value = value.strip() if isinstance(value, str) else value
            before = getattr(locked, name)
            if value != before:
                changes[name] = {"before": _audit_value(before), "after": _audit_value(value)}
                setattr(locked, name, value)
        if not changes:
            return []
        locked.save(update_fields=list(changes))
        record_event(
            action="PaperEdited",
            actor=actor,
            subject=locked,
            council_code=locked.council.gss_code,
            data={"title": locked.title, "changes": changes},
        )
    paper.refresh_from_db()
    return list(changes)


def _audit_value(value):
    return value.isoformat() if isinstance(value, datetime.date) else value


def _meeting_words(meeting: Meeting) -> str:
    return f"{meeting.committee.name}, {meeting.date.day} {meeting.date:%B %Y}"


def _lock(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update().select_related("committee", "council").get(pk=meeting.pk)


def _refuse_if_published(meeting: Meeting) -> None:
    if meeting.agenda_published:
        raise MeetingRefused(
            f"The agenda for {meeting} was published on {meeting.agenda_published_on:%-d %B %Y} "
            "and cannot be changed. Publish a supplementary agenda for anything new."
        )


def _refuse_if_taken_place(meeting: Meeting, moment: datetime.datetime) -> None:
    if meeting.starts <= moment.astimezone(LONDON):
        raise MeetingRefused(f"{meeting} has taken place: nothing more can be put on its agenda.")


def _supplement_for_new_item(meeting: Meeting, actor, moment: datetime.datetime) -> Supplement:
    """The supplementary agenda being prepared, or a new one numbered after those published."""
    supplement = open_supplement_of(meeting)
    if supplement is None:
        number = supplement_number_for_new_item(meeting)
        supplement = Supplement.objects.create(meeting=meeting, number=number, created_by=actor, created_at=moment)
    return supplement


def add_agenda_item(
    *,
    meeting: Meeting,
    report=None,
    paper: Paper | None = None,
    title: str = "",
    description: str = "",
    number: int | None = None,
    actor,
    at: datetime.datetime | None = None,
) -> AgendaItem:
    """Put one report on the agenda. Every item needs a report (a decision report or a paper) of the
    meeting's council, once per meeting. Once the agenda is published, the item goes on the
    supplementary agenda being prepared (a new one if none is), until the meeting takes place."""
    moment = at or timezone.now()
    source = report if report is not None else paper
    if source is None:
        raise MeetingRefused("Choose the report members will consider: an agenda item needs a report", field="report")
    if report is not None and paper is not None:
        raise MeetingRefused("Choose one report for the item", field="report")
    with transaction.atomic():
        locked = _lock(meeting)
        if locked.agenda_published:
            _refuse_if_taken_place(locked, moment)
        if source.council_id != locked.council_id:
            raise MeetingRefused("Choose a report of your own council", field="report")
        duplicate = locked.items.filter(report=report) if report is not None else locked.items.filter(paper=paper)
        if duplicate.exists():
            raise MeetingRefused(f"“{source.title}” is already on this agenda", field="report")
        if number is None:
            number = (locked.items.aggregate(top=Max("number"))["top"] or 0) + 1
        elif number < 1:
            raise MeetingRefused("The item number must be 1 or more", field="number")
        elif locked.items.filter(number=number).exists():
            raise MeetingRefused(f"Item {number} is already on this agenda: choose another number", field="number")
        supplement = _supplement_for_new_item(locked, actor, moment) if locked.agenda_published else None
        item = AgendaItem.objects.create(
            meeting=locked,
            number=number,
            title=(title or source.title).strip(),
            description=description.strip(),
            report=report,
            paper=paper,
            supplement=supplement,
        )
        # About the report (so its own history says which agenda it went on); the meeting's page
        # finds it by the meeting's id in the data.
        record_event(
            action="AgendaItemAdded",
            actor=actor,
            subject=source,
            council_code=locked.council.gss_code,
            content_hash=getattr(report, "content_hash", "") or "",
            data={
                "meeting": locked.pk,
                "committee": _meeting_words(locked),
                "item": number,
                "title": item.title,
                **({"supplement": supplement.number} if supplement else {}),
            },
        )
    return item


def remove_agenda_item(*, item: AgendaItem, actor) -> Meeting:
    """Take an item off an agenda that has not gone out: the main agenda before it is published, or
    a supplementary agenda before it is."""
    with transaction.atomic():
        locked = _lock(item.meeting)
        item = AgendaItem.objects.select_related("supplement").get(pk=item.pk)
        if item.supplement is None:
            _refuse_if_published(locked)
        elif item.supplement.published:
            raise MeetingRefused(
                f"{item.supplement} for {locked} was published on {item.supplement.published_on:%-d %B %Y} "
                "and cannot be changed."
            )
        number, title, source = item.number, item.title, item.report or item.paper
        AgendaItem.objects.filter(pk=item.pk).delete()
        if item.supplement is not None and not item.supplement.items.exists():
            item.supplement.delete()  # a supplementary agenda exists only while it has items
        record_event(
            action="AgendaItemRemoved",
            actor=actor,
            subject=source,
            council_code=locked.council.gss_code,
            data={"meeting": locked.pk, "committee": _meeting_words(locked), "item": number, "title": title},
        )
    return locked


def _pack_name(meeting: Meeting, digest: str, supplement: Supplement | None = None) -> str:
    which = "" if supplement is None else f"-supplement-{supplement.number}"
    return f"{PACK_DIRECTORY}/{meeting.council.gss_code}/{meeting.pk}{which}-{digest[:16]}.pdf"


def _store_pack(
    meeting: Meeting, items: list[AgendaItem], pack, supplement: Supplement | None = None
) -> tuple[str, str]:
    """Save a printed pack under a name holding the meeting and the pack's hash, and record each
    item's pages in it. Returns (storage name, SHA-256)."""
    stored = files.store(_pack_name(meeting, files.sha256_of(pack.pdf), supplement), pack.pdf)
    for item in items:
        item.first_page, item.last_page = pack.page_ranges[item.pk]
        item.save(update_fields=["first_page", "last_page"])
    return stored.name, stored.sha256


def _record_reports_on_agenda(
    meeting: Meeting, items: list[AgendaItem], digest: str, actor, supplement: Supplement | None = None
) -> None:
    """Each decision report's own history says which published agenda it went on, and where in the pack."""
    for item in sorted(items, key=lambda i: i.number):
        report = item.report
        if report is not None:
            record_event(
                action="ReportOnPublishedAgenda",
                actor=actor,
                subject=report,
                council_code=meeting.council.gss_code,
                content_hash=report.content_hash,  # the report as it went on the agenda
                data={
                    "pack_hash": digest,
                    "committee": meeting.committee.name,
                    "meeting_date": meeting.date.isoformat(),
                    **({"supplement": supplement.number} if supplement else {}),
                    "item": item.number,
                    "pages": [item.first_page, item.last_page],
                },
            )


def publish_agenda(
    *,
    meeting: Meeting,
    actor,
    published_on: datetime.date | None = None,
    at: datetime.datetime | None = None,
) -> Meeting:
    """Publish the agenda and print its pack, once.

    Without `published_on` the agenda is published now, which only a meeting still to come can have.
    With it, a past meeting's agenda is recorded as published on that date (for meetings held before
    the service was used); that date cannot be in the future or after the meeting.

    Refused: an agenda already published, an empty agenda, and any item whose report is not ready
    (its checklist incomplete: `AgendaBlocked` lists what each still needs). Short notice (fewer than
    five clear working days) is allowed and stored, so the page can warn about it.
    """
    from meetings.pack import render_agenda_pack

    moment = at or timezone.now()
    today = uk_date(moment)
    with transaction.atomic():
        locked = _lock(meeting)
        _refuse_if_published(locked)
        meeting_label = f"{locked.committee.name} met on {locked.date:%-d %B %Y} at {time_of_day(locked.starts_at)}"
        if published_on is None:
            if locked.starts <= moment.astimezone(LONDON):
                raise MeetingRefused(
                    f"{meeting_label}: an agenda cannot be published after its meeting has taken place. "
                    "To keep a record of a past meeting, record its agenda with the date it was published."
                )
            published_on = today
            recorded_after = False
        else:
            if locked.starts > moment.astimezone(LONDON):
                raise MeetingRefused(
                    "This meeting has not taken place yet: publish its agenda now instead of recording a past one",
                    field="published_on",
                )
            if published_on > today:
                raise MeetingRefused("The date the agenda was published cannot be in the future", field="published_on")
            if published_on > locked.date:
                raise MeetingRefused(
                    f"The agenda must have been published before the meeting on {locked.date:%-d %B %Y}",
                    field="published_on",
                )
            recorded_after = True
        items = list(locked.items.select_related("report", "paper"))
        if not items:
            raise MeetingRefused("Add at least one item, with its report, before publishing the agenda")
        blockers = blockers_for_agenda(locked)
        if blockers:
            raise AgendaBlocked([(f"item {item.number}, {item.title}", problems) for item, problems in blockers])

        pack = render_agenda_pack(locked, published_on=published_on)
        name, digest = _store_pack(locked, items, pack)
        locked.agenda_published_on = published_on
        locked.agenda_recorded_at = moment
        locked.agenda_recorded_by = actor
        locked.recorded_after_the_meeting = recorded_after
        locked.clear_working_days = clear_working_days(published_on, locked.date)
        locked.pack_path = name
        locked.pack_hash = digest
        locked.pack_pages = pack.page_count
        locked.save()
        _record_reports_on_agenda(locked, items, digest, actor)
        record_event(
            action="PastAgendaRecorded" if recorded_after else "AgendaPublished",
            actor=actor,
            subject=locked,
            council_code=locked.council.gss_code,
            content_hash=digest,
            data={
                "committee": locked.committee.name,
                "meeting_date": locked.date.isoformat(),
                "published_on": published_on.isoformat(),
                "clear_working_days": locked.clear_working_days,
                "pages": pack.page_count,
                "items": [
                    {"item": item.number, "title": item.title, "pages": [item.first_page, item.last_page]}
                    for item in sorted(items, key=lambda i: i.number)
                ],
            },
        )
        # The head of the audit chain goes outside the database with every publication, once the
        # publication is committed (an anchor must never name an entry that was rolled back).
        reason = f"agenda {locked.council.gss_code} meeting {locked.pk}"
        transaction.on_commit(lambda: write_anchor(reason=reason), robust=True)  # a failed head is reported, not raised
    return locked


def publish_supplement(*, meeting: Meeting, actor, urgency_reason: str = "", at: datetime.datetime | None = None):
    """Publish the supplementary agenda being prepared and print its pack, once.

    Refused: a meeting whose main agenda is not published yet (the items belong on it), a meeting
    that has taken place, no supplementary agenda with items, and any item whose report is not ready
    (`AgendaBlocked`). With fewer than five clear working days' notice, the special circumstances
    that make the items urgent (as the chair agreed) must be given; they are printed on the front
    sheet and shown with the agenda.
    """
    from meetings.notice import MINIMUM_CLEAR_WORKING_DAYS
    from meetings.pack import render_agenda_pack

    moment = at or timezone.now()
    today = uk_date(moment)
    urgency_reason = urgency_reason.strip()
    with transaction.atomic():
        locked = _lock(meeting)
        if not locked.agenda_published:
            raise MeetingRefused("Publish the agenda first: a supplementary agenda adds to a published one.")
        _refuse_if_taken_place(locked, moment)
        supplement = locked.supplements.select_for_update().filter(published_on__isnull=True).first()
        items = list(supplement.items.select_related("report", "paper").order_by("number")) if supplement else []
        if supplement is None or not items:
            raise MeetingRefused(
                "Add at least one late item, with its report, before publishing a supplementary agenda"
            )
        blockers = blockers_for_agenda(locked, supplement)
        if blockers:
            raise AgendaBlocked([(f"item {item.number}, {item.title}", problems) for item, problems in blockers])
        days = clear_working_days(today, locked.date)
        if days < MINIMUM_CLEAR_WORKING_DAYS and not urgency_reason:
            raise MeetingRefused(
                f"This supplementary agenda would be published {days} clear working day{'s' if days != 1 else ''} "
                "before the meeting, fewer than five: give the special circumstances that make its items urgent, "
                "as the chair agreed",
                field="urgency_reason",
            )

        pack = render_agenda_pack(locked, published_on=today, supplement=supplement, urgency_reason=urgency_reason)
        name, digest = _store_pack(locked, items, pack, supplement)
        supplement.published_on = today
        supplement.published_at = moment
        supplement.published_by = actor
        supplement.clear_working_days = days
        supplement.urgency_reason = urgency_reason
        supplement.pack_path = name
        supplement.pack_hash = digest
        supplement.pack_pages = pack.page_count
        supplement.save()
        _record_reports_on_agenda(locked, items, digest, actor, supplement)
        record_event(
            action="SupplementaryAgendaPublished",
            actor=actor,
            subject=locked,
            council_code=locked.council.gss_code,
            content_hash=digest,
            data={
                "committee": locked.committee.name,
                "meeting_date": locked.date.isoformat(),
                "supplement": supplement.number,
                "published_on": today.isoformat(),
                "clear_working_days": days,
                "urgency_reason": urgency_reason,
                "pages": pack.page_count,
                "items": [
                    {"item": item.number, "title": item.title, "pages": [item.first_page, item.last_page]}
                    for item in items
                ],
            },
        )
        reason = f"agenda {locked.council.gss_code} meeting {locked.pk} supplement {supplement.number}"
        transaction.on_commit(lambda: write_anchor(reason=reason), robust=True)  # a failed head is reported, not raised
    return supplement
