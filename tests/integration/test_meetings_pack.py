"""The agenda pack: one PDF, front sheet and agenda first, each item's report after, numbered
throughout; the page ranges printed in the agenda are the pages the PDF really has (read back)."""

import datetime
import re
from pathlib import Path

import pypdfium2
import pytest
from django.core.files.storage import default_storage

from meetings import services
from meetings.models import Meeting

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "pdf"

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

LONG_BODY = "\n\n".join(
    f"## {n}. Section {n}\n\n" + " ".join(["The council will keep this budget line under review each quarter."] * 40)
    for n in range(1, 9)
)


def cleared_paper(council, actor, title, body="## 1. Background\n\nA short report."):
    return services.write_paper(
        council=council,
        title=title,
        report_of="the Executive Director for Corporate Development",
        author_names="A. Officer, Finance Manager",
        summary=f"This report sets out {title.lower()}.",
        recommendation="That Cabinet notes the report.",
        body=body,
        cleared_by="the Monitoring Officer and the Section 151 Officer",
        cleared_on=datetime.date(2024, 6, 28),
        actor=actor,
    )


def page_texts(pdf: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [" ".join(page.get_textpage().get_text_range().split()) for page in document]
    finally:
        document.close()


@pytest.fixture
def past_cabinet(dorset, dorset_clerk):
    committee = services.create_committee(council=dorset, name="Cabinet", kind="cabinet", actor=dorset_clerk)
    meeting = services.schedule_meeting(
        committee=committee,
        date=datetime.date(2024, 7, 9),
        starts_at=datetime.time(18, 30),
        venue="Council Chamber, County Hall, Dorchester",
        contact="Democratic Services, 01305 000000",
        actor=dorset_clerk,
    )
    long_one = cleared_paper(dorset, dorset_clerk, "Quarter 1 financial management report", body=LONG_BODY)
    short_one = cleared_paper(dorset, dorset_clerk, "Appointments to outside bodies")
    third = cleared_paper(dorset, dorset_clerk, "Forward plan", body=LONG_BODY[: len(LONG_BODY) // 3])
    services.add_agenda_item(meeting=meeting, paper=long_one, number=16, actor=dorset_clerk)
    services.add_agenda_item(
        meeting=meeting, paper=short_one, description="To consider a report of the Leader.", actor=dorset_clerk
    )
    services.add_agenda_item(meeting=meeting, paper=third, actor=dorset_clerk)
    return meeting


def test_each_items_page_range_in_the_agenda_is_where_its_report_really_is(past_cabinet, dorset_clerk):
    meeting = services.publish_agenda(meeting=past_cabinet, actor=dorset_clerk, published_on=datetime.date(2024, 7, 1))
    with default_storage.open(meeting.pack_path) as handle:
        pdf = handle.read()
    pages = page_texts(pdf)
    assert len(pages) == meeting.pack_pages
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "agenda-pack.pdf").write_bytes(pdf)  # to look at: pdftoppm -png agenda-pack.pdf page
    agenda = pages[0]
    assert "Cabinet" in agenda and "Tuesday 9 July 2024" in agenda and "6:30pm" in agenda
    items = list(meeting.items.order_by("number"))
    assert [item.number for item in items] == [16, 17, 18]
    previous_last = 1
    for index, item in enumerate(items):
        # The range as printed in the agenda, read back from the PDF's text.
        match = re.search(rf"{item.number} {re.escape(item.title.upper())}\D*?(\d+)(?: - (\d+))?", agenda)
        assert match, f"item {item.number} has no page range in: {agenda}"
        first, last = int(match.group(1)), int(match.group(2) or match.group(1))
        assert (match.group(2) is None) == (first == last), "one page is printed as one number, not '9 - 9'"
        assert (first, last) == (item.first_page, item.last_page), "the stored range is the printed one"
        assert first > previous_last, "reports follow the agenda and each other in order"
        assert first % 2 == 1, "each report starts on a right-hand (odd) page"
        assert item.title in pages[first - 1], f"{item.title} is not on page {first}"
        assert f"item {item.number}: {item.title}" in pages[first - 1]
        assert "Report clearance" in pages[last - 1], f"page {last} is not the end of {item.title}"
        if last < len(pages):  # the page after the range is blank or the next item's first page
            after = pages[last]
            following = items[index + 1] if index + 1 < len(items) else None
            assert "intentionally left blank" in after or (following and f"item {following.number}:" in after)
        previous_last = last
    assert items[0].last_page - items[0].first_page >= 2, "the long report runs over several pages"
    assert f"Page {len(pages)}" in pages[-1], "pages are numbered throughout"
    blank = [n for n, text in enumerate(pages, start=1) if "This page is intentionally left blank" in text]
    assert 2 in blank, "the back of the front sheet is left blank so the first report starts on page 3"
    assert items[0].first_page == 3


def test_the_pack_is_stored_once_with_its_hash_and_the_event_names_the_pages(past_cabinet, dorset_clerk):
    import hashlib

    from core.audit import events_for

    meeting = services.publish_agenda(meeting=past_cabinet, actor=dorset_clerk, published_on=datetime.date(2024, 7, 1))
    with default_storage.open(meeting.pack_path) as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == meeting.pack_hash
    event = events_for(meeting)[-1]
    assert event.action == "PastAgendaRecorded"
    assert event.content_hash == meeting.pack_hash
    assert event.data["clear_working_days"] == 5
    assert [entry["pages"] for entry in event.data["items"]] == [
        [item.first_page, item.last_page] for item in meeting.items.order_by("number")
    ]
    assert Meeting.objects.get(pk=meeting.pk).recorded_after_the_meeting is True
