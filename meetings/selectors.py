"""Reads for meetings, with related rows fetched and a fixed order."""

from django.db.models import QuerySet

from core.audit import events_for, events_naming
from governance.selectors import agenda_blockers, reports_of
from meetings.models import AgendaItem, Committee, Meeting, Paper


def _meetings() -> QuerySet[Meeting]:
    return Meeting.objects.select_related("committee", "council", "agenda_recorded_by").order_by(
        "-date", "-starts_at", "-pk"
    )


def committees_of(council) -> list[Committee]:
    return list(Committee.objects.filter(council=council).order_by("name"))


def meetings_of(council) -> list[Meeting]:
    return list(_meetings().filter(council=council))


def published_meetings(*, council=None) -> QuerySet[Meeting]:
    """Meetings whose agenda is published, newest first; anyone may read these."""
    meetings = _meetings().filter(agenda_published_on__isnull=False)
    return meetings.filter(council=council) if council is not None else meetings


def meeting_by_id(meeting_id: int) -> Meeting | None:
    if not 0 < meeting_id <= 2**31 - 1:
        return None
    return _meetings().filter(pk=meeting_id).first()


def item_by_id(item_id: int) -> AgendaItem | None:
    if not 0 < item_id <= 2**31 - 1:
        return None
    return AgendaItem.objects.select_related("meeting__council", "meeting__committee").filter(pk=item_id).first()


def paper_by_id(paper_id: int) -> Paper | None:
    if not 0 < paper_id <= 2**31 - 1:
        return None
    return Paper.objects.select_related("council").filter(pk=paper_id).first()


def published_meeting_of_paper(paper: Paper) -> Meeting | None:
    """The first meeting whose published agenda pack carries the paper; the pack fixes its text."""
    return _meetings().filter(items__paper=paper, agenda_published_on__isnull=False).last()


def papers_of(council) -> list[dict]:
    """The council's committee papers, each with what it still needs and the meetings it is on."""
    papers = Paper.objects.filter(council=council).prefetch_related("agenda_items__meeting__committee")
    rows = []
    for paper in papers.order_by("title", "pk"):
        meetings = _by_date({item.meeting for item in paper.agenda_items.all()})
        rows.append(
            {
                "paper": paper,
                "blockers": paper_blockers(paper),
                "meetings": meetings,
                "published": any(meeting.agenda_published for meeting in meetings),
            }
        )
    return rows


PAPER_FIELD_WORDS = {
    "title": "title",
    "report_of": "whose report it is",
    "author_names": "authors",
    "summary": "summary",
    "recommendation": "recommendation",
    "body": "text",
    "cleared_by": "who cleared it",
    "cleared_on": "date cleared",
}


def _by_date(meetings) -> list[Meeting]:
    return sorted(meetings, key=lambda meeting: (meeting.date, meeting.pk))


def meetings_of_paper(paper: Paper) -> list[Meeting]:
    """The meetings whose agendas carry the paper, earliest first."""
    return _by_date(_meetings().filter(items__paper=paper).distinct())


def paper_history(paper: Paper) -> list:
    """The paper's events, oldest first; a change says which parts of the paper it changed."""
    events = events_for(paper)
    for event in events:
        changed = (event.data or {}).get("changes")
        if event.action == "PaperEdited" and changed:
            event.detail = ", ".join(PAPER_FIELD_WORDS.get(name, name) for name in changed)
    return events


def items_of(meeting: Meeting) -> list[AgendaItem]:
    return list(meeting.items.select_related("report__version", "paper").order_by("number"))


def paper_blockers(paper: Paper) -> list[str]:
    """What a committee paper still needs before it can go on a published agenda."""
    reasons = []
    if not paper.body.strip():
        reasons.append("The report has no text")
    if not paper.cleared_by.strip() or paper.cleared_on is None:
        reasons.append("Report clearance: record who cleared the report, and when")
    return reasons


def item_blockers(item: AgendaItem) -> list[str]:
    return agenda_blockers(item.report) if item.report_id else paper_blockers(item.paper)


def blockers_for_agenda(meeting: Meeting) -> list[tuple[AgendaItem, list[str]]]:
    """Each item whose report is not ready to publish, with what it still needs (empty when all are ready)."""
    found = []
    for item in items_of(meeting):
        reasons = item_blockers(item)
        if reasons:
            found.append((item, reasons))
    return found


def reports_for_agenda(meeting: Meeting) -> list:
    """The council's decision reports not yet on this meeting's agenda."""
    taken = set(meeting.items.exclude(report=None).values_list("report_id", flat=True))
    return [report for report in reports_of(meeting.council) if report.pk not in taken]


def papers_for_agenda(meeting: Meeting) -> list[Paper]:
    taken = set(meeting.items.exclude(paper=None).values_list("paper_id", flat=True))
    return [paper for paper in Paper.objects.filter(council=meeting.council).order_by("title") if paper.pk not in taken]


def pack_file(meeting: Meeting) -> bytes | None:
    """The stored agenda pack of a published meeting."""
    from django.core.files.storage import default_storage

    if not meeting.pack_path or not default_storage.exists(meeting.pack_path):
        return None
    with default_storage.open(meeting.pack_path) as handle:
        return handle.read()


def pack_filename(meeting: Meeting) -> str:
    committee = meeting.committee.name.lower().replace(" ", "-")
    return f"{meeting.council.gss_code}-{committee}-{meeting.date.isoformat()}-agenda-pack.pdf"


def all_meetings() -> QuerySet[Meeting]:
    return _meetings()


def meeting_history(meeting: Meeting) -> list:
    """The meeting's own events and those of the items put on (or taken off) its agenda, oldest first."""
    items = events_naming(key="meeting", value=meeting.pk, actions=["AgendaItemAdded", "AgendaItemRemoved"])
    return sorted(events_for(meeting) + items, key=lambda event: event.pk)
