"""The agenda pack: one PDF with a front sheet, the agenda with each item's page range, then the reports.

The page ranges in the agenda are laid out by WeasyPrint itself (`target-counter` to the anchors that
open and close each item), so they are the pages the PDF really has. After printing, the same anchors
are looked up in the PDF's named destinations to record each item's first and last page, which is
how the service shows the ranges on the meeting page without reading the PDF again.
"""

import datetime
from dataclasses import dataclass

import pypdfium2
import pypdfium2.raw as pdfium_c
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from core.dates import time_of_day
from core.pdf import render_pdf
from meetings.models import AgendaItem, Meeting, Supplement


@dataclass(frozen=True)
class PackEntry:
    item: AgendaItem
    start: str
    end: str
    body: str
    single_page: bool = False  # printed as "9" rather than "9 - 9"


@dataclass(frozen=True)
class AgendaPack:
    pdf: bytes
    page_count: int
    page_ranges: dict[int, tuple[int, int]]  # agenda item id -> (first page, last page)


def time_text(moment: datetime.time) -> str:
    """'6:30pm', 'midday', '10am', as GOV.UK style writes times (core.dates.time_of_day)."""
    return time_of_day(moment)


def _report_body(item: AgendaItem) -> str:
    if item.report_id:
        from governance.rendering import report_fragment

        return report_fragment(item.report)
    return render_to_string("meetings/paper_fragment.html", {"paper": item.paper})


def _report_css(items) -> str:
    if any(item.report_id for item in items):
        from governance.rendering import REPORT_PRINT_CSS

        return REPORT_PRINT_CSS
    return ""


def pack_html(
    meeting: Meeting,
    items: list[AgendaItem],
    *,
    published_on: datetime.date,
    single_pages: frozenset[int] = frozenset(),
    supplement: Supplement | None = None,
    urgency_reason: str = "",
) -> str:
    entries = [
        PackEntry(
            item=item,
            start=f"agenda-item-{item.pk}",
            end=f"agenda-item-{item.pk}-end",
            body=mark_safe(_report_body(item)),  # report fragments are built from sanitised Markdown  # nosec B308 B703
            single_page=item.pk in single_pages,
        )
        for item in items
    ]
    return render_to_string(
        "meetings/agenda_pack.html",
        {
            "meeting": meeting,
            "entries": entries,
            "time_text": time_text(meeting.starts_at),
            "published_on": published_on,
            "supplement": supplement,
            "urgency_reason": urgency_reason,
            "report_css": mark_safe(_report_css(items)),  # the service's own CSS for the pack's PDF  # nosec B308 B703
        },
    )


def named_destination_pages(pdf: bytes, names: list[str]) -> dict[str, int]:
    """The 1-based page each named destination (an HTML id WeasyPrint anchored) points at."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        pages = {}
        for name in names:
            destination = pdfium_c.FPDF_GetNamedDestByName(document.raw, name.encode("utf-8"))
            if destination:
                index = pdfium_c.FPDFDest_GetDestPageIndex(document.raw, destination)
                if index >= 0:
                    pages[name] = index + 1
        return pages
    finally:
        document.close()


def _page_ranges(pdf: bytes, items: list[AgendaItem]) -> dict[int, tuple[int, int]]:
    names = [name for item in items for name in (f"agenda-item-{item.pk}", f"agenda-item-{item.pk}-end")]
    pages = named_destination_pages(pdf, names)
    ranges = {}
    for item in items:
        first, last = pages.get(f"agenda-item-{item.pk}"), pages.get(f"agenda-item-{item.pk}-end")
        if first is None or last is None:
            raise RuntimeError(f"The agenda pack has no anchor for item {item.number}")
        ranges[item.pk] = (first, last)
    return ranges


def render_agenda_pack(
    meeting: Meeting, *, published_on: datetime.date, supplement: Supplement | None = None, urgency_reason: str = ""
) -> AgendaPack:
    """Print the main agenda's pack, or `supplement`'s (its own front sheet, agenda and reports,
    numbered from 1). Which items fit on one page is only known once it is laid out, so when any
    does, the pack is printed a second time with those items' ranges as a single page number; the
    second printing is kept only if every item stayed on the same pages."""
    items = list(meeting.items.filter(supplement=supplement).select_related("report", "paper").order_by("number"))
    words = {"published_on": published_on, "supplement": supplement, "urgency_reason": urgency_reason}
    rendered = render_pdf(pack_html(meeting, items, **words))
    ranges = _page_ranges(rendered.pdf, items)
    single_pages = frozenset(pk for pk, (first, last) in ranges.items() if first == last)
    if single_pages:
        again = render_pdf(pack_html(meeting, items, single_pages=single_pages, **words))
        if _page_ranges(again.pdf, items) == ranges:
            rendered = again
    return AgendaPack(pdf=rendered.pdf, page_count=rendered.page_count, page_ranges=ranges)
