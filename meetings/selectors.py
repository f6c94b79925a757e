"""Reads for meetings, with related rows fetched and a fixed order."""

from django.db.models import Count, Max, Q, QuerySet

from core import files
from core.audit import events_for, events_naming
from governance.selectors import agenda_blockers, reports_of
from meetings.models import AgendaItem, Committee, Meeting, Paper, Supplement

# Items in a pack that has gone out: the main agenda once published, or a published supplement.
IN_A_PUBLISHED_PACK = Q(supplement__isnull=True, meeting__agenda_published_on__isnull=False) | Q(
    supplement__published_on__isnull=False
)


def _meetings() -> QuerySet[Meeting]:
    return Meeting.objects.select_related("committee", "council", "agenda_recorded_by").order_by(
        "-date", "-starts_at", "-pk"
    )


def committees_of(council) -> list[Committee]:
    return list(Committee.objects.filter(council=council).order_by("name"))


def meetings_of(council) -> list[Meeting]:
    return list(_meetings().filter(council=council))


def published_meetings(*, council=None) -> QuerySet[Meeting]:
    """Meetings whose agenda is published, newest first, each with how many supplementary agendas
    have been published for it; anyone may read these."""
    published_supplements = Count("supplements", filter=Q(supplements__published_on__isnull=False))
    meetings = (
        _meetings().filter(agenda_published_on__isnull=False).annotate(supplements_published=published_supplements)
    )
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
    """The first meeting whose published agenda pack (or supplementary pack) carries the paper; the
    pack fixes its text."""
    item = (
        AgendaItem.objects.filter(IN_A_PUBLISHED_PACK, paper=paper)
        .select_related("meeting__committee", "meeting__council")
        .order_by("meeting__date", "meeting__pk")
        .first()
    )
    return item.meeting if item is not None else None


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
            # In the form's order: PostgreSQL's jsonb does not keep the order the keys were written in.
            event.detail = ", ".join(words for name, words in PAPER_FIELD_WORDS.items() if name in changed)
    return events


def _items(meeting: Meeting) -> QuerySet[AgendaItem]:
    return meeting.items.select_related("report__version", "paper", "supplement").order_by("number")


def items_of(meeting: Meeting) -> list[AgendaItem]:
    """Every item, including those of a supplementary agenda still being prepared (for the council)."""
    return list(_items(meeting))


def public_items_of(meeting: Meeting) -> list[AgendaItem]:
    """The items in packs that have gone out: what anyone may see."""
    return list(_items(meeting).filter(IN_A_PUBLISHED_PACK))


def items_of_meetings(meetings: list[Meeting], *, every_item_of=None) -> dict[int, list[AgendaItem]]:
    """Each meeting's items in a published pack, and every item of `every_item_of`'s meetings (a council,
    or None): one query for any number of meetings."""
    visible = IN_A_PUBLISHED_PACK
    if every_item_of is not None:
        visible |= Q(meeting__council=every_item_of)
    found: dict[int, list[AgendaItem]] = {meeting.pk: [] for meeting in meetings}
    items = (
        AgendaItem.objects.filter(visible, meeting__in=[meeting.pk for meeting in meetings])
        .select_related("report__version", "paper", "supplement")
        .order_by("meeting_id", "number")
    )
    for item in items:
        found[item.meeting_id].append(item)
    return found


def published_supplements_of_meetings(meetings: list[Meeting]) -> dict[int, list[Supplement]]:
    """Each meeting's published supplementary agendas: one query for any number of meetings."""
    found: dict[int, list[Supplement]] = {meeting.pk: [] for meeting in meetings}
    supplements = Supplement.objects.filter(
        meeting__in=[meeting.pk for meeting in meetings], published_on__isnull=False
    ).order_by("meeting_id", "number")
    for supplement in supplements:
        found[supplement.meeting_id].append(supplement)
    return found


def main_items_of(meeting: Meeting) -> list[AgendaItem]:
    return list(_items(meeting).filter(supplement__isnull=True))


def supplement_items_of(supplement: Supplement) -> list[AgendaItem]:
    return list(_items(supplement.meeting).filter(supplement=supplement))


def published_supplements_of(meeting: Meeting) -> list[Supplement]:
    return list(meeting.supplements.filter(published_on__isnull=False).order_by("number"))


def open_supplement_of(meeting: Meeting) -> Supplement | None:
    """The supplementary agenda being prepared, if there is one."""
    return meeting.supplements.filter(published_on__isnull=True).order_by("number").first()


def supplement_number_for_new_item(meeting: Meeting) -> int:
    """The supplementary agenda a late item goes on: the one being prepared, or the next number."""
    open_supplement = open_supplement_of(meeting)
    if open_supplement is not None:
        return open_supplement.number
    return (meeting.supplements.aggregate(top=Max("number"))["top"] or 0) + 1


def published_supplement(meeting: Meeting, number: int) -> Supplement | None:
    if not 0 < number <= 1000:
        return None
    return meeting.supplements.filter(number=number, published_on__isnull=False).first()


def in_a_published_pack(item: AgendaItem) -> bool:
    if item.supplement is not None:
        return item.supplement.published
    return item.meeting.agenda_published


def paper_blockers(paper: Paper) -> list[str]:
    """What a committee paper still needs before it can go on a published agenda."""
    reasons = []
    if not paper.body.strip():
        reasons.append("The report has no text")
    if not paper.cleared_by.strip() or paper.cleared_on is None:
        reasons.append("Report clearance: record who cleared the report, and when")
    return reasons


def item_blockers(item: AgendaItem) -> list[str]:
    """An item has a decision report or a committee paper, never both (AgendaItem's constraint)."""
    if item.report is not None:
        return agenda_blockers(item.report)
    return paper_blockers(item.paper) if item.paper is not None else []


def blockers_for_agenda(meeting: Meeting, supplement: Supplement | None = None) -> list[tuple[AgendaItem, list[str]]]:
    """Each item of the main agenda (or of `supplement`) whose report is not ready to publish, with
    what it still needs (empty when all are ready)."""
    found = []
    for item in main_items_of(meeting) if supplement is None else supplement_items_of(supplement):
        reasons = item_blockers(item)
        if reasons:
            found.append((item, reasons))
    return found


def _day(value) -> str:
    return f"{value.day} {value:%B %Y}"


def item_date_warnings(meeting: Meeting, supplement: Supplement | None = None) -> list[tuple[AgendaItem, str]]:
    """Items of the main agenda (or of `supplement`) whose report is dated after the meeting: a decision report
    whose own meeting date is later, or a committee paper cleared later. The pack prints the report as it is,
    so the officer is told before it is printed; it does not stop publishing (a scrutiny committee may
    rightly see, before the decision meeting, a report dated for that later meeting)."""
    found = []
    for item in main_items_of(meeting) if supplement is None else supplement_items_of(supplement):
        report, paper = item.report, item.paper
        if report is not None and report.meeting_date and report.meeting_date > meeting.date:
            found.append(
                (
                    item,
                    f"The report is dated for a meeting on {_day(report.meeting_date)}, after this meeting on "
                    f"{_day(meeting.date)}. Check it is the right report, or correct its meeting date, before you "
                    "publish: the pack prints the report as it is.",
                )
            )
        elif paper is not None and paper.cleared_on and paper.cleared_on > meeting.date:
            found.append(
                (
                    item,
                    f"The report was cleared on {_day(paper.cleared_on)}, after this meeting on "
                    f"{_day(meeting.date)}. Check the date it was cleared before you publish: the pack prints the "
                    "report as it is.",
                )
            )
    return found


def reports_for_agenda(meeting: Meeting) -> list:
    """The council's decision reports not yet on this meeting's agenda."""
    taken = set(meeting.items.exclude(report=None).values_list("report_id", flat=True))
    return [report for report in reports_of(meeting.council) if report.pk not in taken]


def papers_for_agenda(meeting: Meeting) -> list[Paper]:
    taken = set(meeting.items.exclude(paper=None).values_list("paper_id", flat=True))
    return [paper for paper in Paper.objects.filter(council=meeting.council).order_by("title") if paper.pk not in taken]


def pack_file(meeting: Meeting, supplement: Supplement | None = None) -> bytes | None:
    """The stored agenda pack of a published meeting, or of one of its published supplements."""
    return files.read(meeting.pack_path if supplement is None else supplement.pack_path)


def pack_filename(meeting: Meeting, supplement: Supplement | None = None) -> str:
    committee = meeting.committee.name.lower().replace(" ", "-")
    which = "agenda-pack" if supplement is None else f"supplementary-agenda-{supplement.number}"
    return f"{meeting.council.gss_code}-{committee}-{meeting.date.isoformat()}-{which}.pdf"


def all_meetings() -> QuerySet[Meeting]:
    return _meetings()


def meeting_history(meeting: Meeting) -> list:
    """The meeting's own events and those of the items put on (or taken off) its agenda, oldest first."""
    items = events_naming(key="meeting", value=meeting.pk, actions=["AgendaItemAdded", "AgendaItemRemoved"])
    events = sorted(events_for(meeting) + items, key=lambda event: event.pk)
    for event in events:
        data = event.data or {}
        supplement = f"supplementary agenda {data['supplement']}" if data.get("supplement") else ""
        if data.get("item") and data.get("title"):
            event.detail = f"item {data['item']}, {data['title']}" + (f" ({supplement})" if supplement else "")
        elif supplement:
            event.detail = supplement
    return events
