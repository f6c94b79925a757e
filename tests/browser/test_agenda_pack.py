"""Democratic services build a meeting's agenda in Chromium and publish its pack; the public reads it.

axe-core runs on every page on the way (check_page).
"""

import re

import pypdfium2
from playwright.sync_api import expect

from governance.services import reports
from tests.browser.helpers import follow
from tests.integration.test_meetings import ROLES, complete_checklist, working_days_ahead
from tests.integration.test_meetings_pack import cleared_paper


def test_an_agenda_is_refused_while_a_report_is_not_cleared_then_published_and_read_by_the_public(
    page, check_page, sign_in, sign_out, make_person, dorset, dorset_clerk, dorset_author, frozen_version
):
    for key, role in ROLES.items():
        make_person(f"dorset-officer-{key}", council=dorset, roles=[role])
    report = reports.create_report(version=frozen_version, actor=dorset_author)
    day = working_days_ahead(3)  # short notice: two clear working days

    sign_in(dorset_clerk)
    check_page(page, "council-dashboard-democratic-services")
    page.goto("/meetings/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Meetings")
    check_page(page, "meetings-list-empty")
    follow(page.get_by_role("button", name="Add a meeting"))
    check_page(page, "meeting-new")
    follow(page.get_by_role("button", name="Add the meeting"))
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Error: Add a meeting"))
    check_page(page, "meeting-new-errors")
    page.get_by_label("Committee", exact=True).fill("Cabinet")
    page.get_by_label("Cabinet", exact=True).check()
    page.get_by_label("Day").fill(str(day.day))
    page.get_by_label("Month").fill(str(day.month))
    page.get_by_label("Year").fill(str(day.year))
    page.get_by_label("Start time").fill("6.30pm")
    page.get_by_label("Venue").fill("Council Chamber, County Hall")
    follow(page.get_by_role("button", name="Add the meeting"))
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Cabinet, "))
    check_page(page, "meeting-detail-empty")

    follow(page.get_by_role("button", name="Add an agenda item"))
    check_page(page, "agenda-item-add")
    follow(page.get_by_role("button", name="Add the item"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("an agenda item needs a report")
    check_page(page, "agenda-item-add-errors")
    page.get_by_label(re.compile(re.escape(report.title))).check()
    page.get_by_label("Item number (optional)").fill("16")
    page.get_by_label("Description (optional)").fill("To consider a report of the Leader of the Council.")
    follow(page.get_by_role("button", name="Add the item"))
    expect(page.locator("table")).to_contain_text("Not ready")
    check_page(page, "meeting-detail-item-not-ready")

    follow(page.get_by_role("button", name="Publish the agenda"))
    expect(page.locator(".govuk-warning-text")).to_contain_text("2 clear working days")
    expect(page.locator("#what-is-missing")).to_contain_text("waiting for")
    check_page(page, "publish-agenda-blocked")
    follow(page.get_by_role("button", name="Publish the agenda and its pack"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("until every report is ready")
    check_page(page, "publish-agenda-refused")

    complete_checklist(report, dorset_clerk)  # the officers sign off their lines
    page.goto(page.url)  # a fresh GET of the publish page (a reload would send the refused POST again)
    expect(page.locator("#what-is-missing")).to_have_count(0)
    check_page(page, "publish-agenda-ready")
    follow(page.get_by_role("button", name="Publish the agenda and its pack"))
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Agenda published")
    expect(page.locator(".govuk-warning-text")).to_contain_text("fewer than the five required")
    check_page(page, "meeting-detail-published")
    pages_cell = page.locator("table tbody tr td").nth(2).inner_text().strip()
    first, last = (int(n) for n in re.fullmatch(r"(\d+) to (\d+)", pages_cell).groups())

    # Late business: a paper that cannot wait goes on a supplementary agenda with a pack of its own.
    cleared_paper(dorset, dorset_clerk, "Waste collection contract")
    follow(page.get_by_role("button", name="Add a late item"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a late item")
    check_page(page, "agenda-item-add-late")
    page.get_by_label("Waste collection contract (committee paper)").check()
    follow(page.get_by_role("button", name="Add the item"))
    expect(page.locator("table")).to_contain_text("For supplementary agenda 1")
    check_page(page, "meeting-detail-late-item")
    follow(page.get_by_role("button", name="Publish supplementary agenda 1"))
    expect(page.locator(".govuk-warning-text")).to_contain_text("Short notice")
    check_page(page, "publish-supplement")
    follow(page.get_by_role("button", name="Publish supplementary agenda 1 and its pack"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("special circumstances that make its items urgent")
    check_page(page, "publish-supplement-errors")
    page.get_by_label("Why can these items not wait for the next meeting?").fill(
        "The current contract ends before the next meeting; the chair agreed the item is urgent."
    )
    follow(page.get_by_role("button", name="Publish supplementary agenda 1 and its pack"))
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Supplementary agenda 1 published")
    expect(page.locator("table tbody tr").nth(1)).to_contain_text("of supplementary agenda 1")
    check_page(page, "meeting-detail-supplement-published")
    sign_out()

    # A resident finds the agenda and reads the pack.
    page.goto("/meetings/agendas/")
    check_page(page, "public-agendas")
    follow(page.get_by_role("link", name=re.compile(r"^Cabinet, ")))
    expect(page.get_by_text(f"Pages {first} to {last} of the pack")).to_be_visible()
    check_page(page, "public-agenda")
    href = page.get_by_role("link", name=re.compile("Download the agenda pack")).get_attribute("href")
    pdf = page.request.get(href)
    assert pdf.headers["content-type"] == "application/pdf"
    document = pypdfium2.PdfDocument(pdf.body())
    try:
        assert report.title in document[first - 1].get_textpage().get_text_range()
        agenda = " ".join(document[0].get_textpage().get_text_range().split())
        assert f"{first} - {last}" in agenda
    finally:
        document.close()
    expect(page.locator(".govuk-inset-text")).to_contain_text("the chair agreed the item is urgent")
    supplement = page.request.get(
        page.get_by_role("link", name=re.compile("Download supplementary agenda 1")).get_attribute("href")
    )
    assert supplement.headers["content-type"] == "application/pdf"
    document = pypdfium2.PdfDocument(supplement.body())
    try:
        assert "Supplementary agenda 1" in document[0].get_textpage().get_text_range()
    finally:
        document.close()


def test_a_past_meeting_is_recorded_with_a_committee_paper(page, check_page, sign_in, dorset_clerk):
    sign_in(dorset_clerk)
    check_page(page, "council-dashboard-democratic-services")
    page.goto("/meetings/")
    check_page(page, "meetings-list-empty-manager")
    follow(page.get_by_role("link", name="Write a committee paper"))
    check_page(page, "paper-new")
    follow(page.get_by_role("button", name="Save the paper"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the paper's title")
    check_page(page, "paper-new-errors")
    page.get_by_label("Title", exact=True).fill("Forward plan")
    page.get_by_label("Whose report is it?").fill("the Leader of the Council")
    page.get_by_label("Report authors").fill("A. Officer, Democratic Services Manager")
    page.get_by_label("Summary", exact=True).fill("The key decisions expected in the next four months.")
    page.get_by_label("Recommendation", exact=True).fill("That Cabinet notes the forward plan.")
    page.get_by_label("Text of the report").fill("## 1. Background\n\nThe forward plan lists key decisions.")
    page.get_by_label("Who cleared the report?").fill("the Monitoring Officer")
    page.get_by_label("Day").fill("28")
    page.get_by_label("Month").fill("6")
    page.get_by_label("Year").fill("2024")
    follow(page.get_by_role("button", name="Save the paper"))
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Paper written")
    check_page(page, "meetings-list-after-paper")

    follow(page.get_by_role("button", name="Add a meeting"))
    check_page(page, "meeting-new-past")
    page.get_by_label("Committee", exact=True).fill("Cabinet")
    page.get_by_label("Cabinet", exact=True).check()
    page.get_by_label("Day").fill("9")
    page.get_by_label("Month").fill("7")
    page.get_by_label("Year").fill("2024")
    page.get_by_label("Start time").fill("6.30pm")
    page.get_by_label("Venue").fill("Council Chamber, County Hall, Dorchester")
    follow(page.get_by_role("button", name="Add the meeting"))
    check_page(page, "meeting-detail-past-empty")
    follow(page.get_by_role("button", name="Add an agenda item"))
    check_page(page, "agenda-item-add-paper")
    page.get_by_label("Forward plan (committee paper)").check()
    follow(page.get_by_role("button", name="Add the item"))
    check_page(page, "meeting-detail-past-with-item")

    # A mistake found before the agenda goes out: the paper is corrected from its agenda item.
    follow(page.get_by_role("link", name="Change the paper for item 1"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Change a committee paper")
    expect(page.get_by_label("Title", exact=True)).to_have_value("Forward plan")
    check_page(page, "paper-edit")
    page.get_by_label("Text of the report").fill("")
    follow(page.get_by_role("button", name="Save the paper"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the report's text")
    check_page(page, "paper-edit-errors")
    page.get_by_label("Text of the report").fill(
        "## 1. Background\n\nThe forward plan lists the key decisions due by October."
    )
    follow(page.get_by_role("button", name="Save the paper"))
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Paper saved: Forward plan")
    check_page(page, "meeting-detail-past-paper-changed")

    follow(page.get_by_role("button", name="Record the agenda of this past meeting"))
    check_page(page, "record-past-agenda")
    page.get_by_label("Day").fill("10")
    page.get_by_label("Month").fill("7")
    page.get_by_label("Year").fill("2024")
    follow(page.get_by_role("button", name="Record the agenda"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("must have been published before the meeting")
    check_page(page, "record-past-agenda-refused")
    page.get_by_label("Day").fill("1")
    follow(page.get_by_role("button", name="Record the agenda"))
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Agenda published")
    expect(page.get_by_text("Recorded after the meeting")).to_be_visible()
    expect(page.locator("table tbody tr td").nth(2)).to_have_text("3")  # a one-page paper after the front sheet
    check_page(page, "meeting-detail-past-recorded")
    follow(page.get_by_role("link", name="Back to meetings"))
    expect(page.locator("table").first).to_contain_text("Published 1 July 2024")
    check_page(page, "meetings-list")

    # Once the pack is out, the paper is read as members were sent it, with its history.
    follow(page.get_by_role("link", name="Forward plan", exact=True))
    expect(page.get_by_role("heading", level=1)).to_have_text("Forward plan")
    expect(page.locator(".govuk-inset-text")).to_contain_text("can no longer change")
    expect(page.get_by_text("The forward plan lists the key decisions due by October.")).to_be_visible()
    expect(page.get_by_role("link", name="Change the paper")).to_have_count(0)
    expect(page.locator(".app-timeline")).to_contain_text("Committee paper changed: text")
    check_page(page, "paper-detail-published")
