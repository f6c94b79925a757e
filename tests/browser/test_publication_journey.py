"""Publication day in a real browser: democratic services publish a submitted plan; a resident finds it
by name and by type and region, reads the published page (a file written once), downloads the PDF, JSON
and CSV, reads the Atom feed, subscribes by email (double opt-in through the emailed link); then a
correction is published and both versions are listed, the earlier one still available.
"""

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pypdfium2
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.helpers import follow, open_from_menu

DORSET = "E06000059"
SLUG = "productivity-plan-2024"
ATOM = "{http://www.w3.org/2005/Atom}"


def href_of(locator) -> str:
    return locator.get_attribute("href")


def make_a_correction(version, author, clerk, chief_executive):
    """Version 2: one theme corrected, endorsed and submitted through the services."""
    from governance.services.decisions import record_decision
    from plans.services import freeze_draft, save_draft
    from submissions.services import submit_version

    draft = version.draft
    draft.refresh_from_db()
    draft = save_draft(
        draft=draft,
        bodies={2: "Our data strategy brings service data together; corrected to name the shared data platform."},
        based_on_revision=draft.revision,
        actor=author,
    )
    corrected = freeze_draft(draft=draft, actor=author)
    record_decision(
        version=corrected, outcome="approved", decision_maker="Cabinet", decided_on=timezone.localdate(), actor=clerk
    )
    submit_version(version=corrected, actor=chief_executive, certifier_role="chief_executive", send_receipt=False)
    return corrected


def test_a_plan_is_published_found_downloaded_followed_and_corrected(
    page,
    check_page,
    browser_problems,
    sign_in,
    sign_out,
    submitted_version,
    dorset_author,
    dorset_clerk,
    dorset_chief_executive,
):
    browser_problems.expect(f"/councils/{DORSET}/subscribe/", 400)  # the empty address, refused
    # Democratic services publish the submitted plan.
    sign_in(dorset_clerk)
    check_page(page, "waiting-for-you-clerk-submitted")
    open_from_menu(page, "Your council's plans")
    check_page(page, "council-dashboard-submitted")
    follow(page.get_by_role("link", name="Publish version 1"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Publish version 1")
    check_page(page, "publish")
    follow(page.get_by_role("button", name="Publish the plan"))
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("The plan has been published")
    check_page(page, "council-dashboard-published")
    sign_out()

    # A resident finds Dorset by name...
    follow(page.get_by_role("button", name="Find your council"))
    check_page(page, "council-list")
    page.get_by_label("Council name or ONS code").fill("Dorset")
    follow(page.get_by_role("button", name="Search"))
    dorset_row = page.locator("tbody tr", has=page.get_by_role("link", name="Dorset", exact=True))
    expect(dorset_row).to_contain_text("Published")
    check_page(page, "council-list-search-dorset")
    # ...and by type and region.
    page.get_by_label("Council name or ONS code").fill("")
    page.get_by_label("Council type").select_option(label="Unitary authority")
    page.get_by_label("Region").select_option(label="South West")
    follow(page.get_by_role("button", name="Search"))
    expect(dorset_row).to_contain_text("Published")
    check_page(page, "council-list-unitary-south-west")
    follow(page.get_by_role("link", name="Dorset", exact=True))
    expect(page.get_by_role("heading", level=1)).to_have_text("Dorset")
    expect(page.locator(".govuk-summary-card")).to_contain_text("Endorsed by Cabinet on")
    expect(page.locator(".govuk-summary-card")).to_contain_text("Sent to the department")
    check_page(page, "council-detail-published-plan")

    # The published page is the file written at publication, with the version's hash.
    follow(page.locator(".govuk-summary-card__title").get_by_role("link", name="Productivity plan 2024"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Productivity plan 2024")
    expect(page.locator(".govuk-summary-list__value.app-hash")).to_have_text(submitted_version.content_hash)
    check_page(page, "published-plan-file")
    assert page.url.endswith(f"/councils/{DORSET}/plans/{SLUG}/")

    pdf = page.request.get(href_of(page.get_by_role("link", name=re.compile("Download the plan as a PDF"))))
    assert pdf.headers["content-type"] == "application/pdf"
    assert len(pypdfium2.PdfDocument(pdf.body())) >= 1
    document = page.request.get(href_of(page.get_by_role("link", name="The plan as open data (JSON)"))).json()
    assert document["content_hash"] == submitted_version.content_hash
    assert document["licence"]["name"] == "Open Government Licence v3.0"

    follow(page.get_by_role("link", name="Back to Dorset"))
    check_page(page, "council-detail-published-plan")
    card = page.locator(".govuk-summary-card")
    table = page.request.get(href_of(card.get_by_role("link", name=re.compile("^CSV")))).text()
    parts = [row["part"] for row in csv.DictReader(io.StringIO(table))]
    assert parts[:4] == ["theme"] * 4
    feed = ET.fromstring(page.request.get(href_of(page.get_by_role("link", name=re.compile("Atom feed")))).body())
    assert [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")] == ["Dorset: Productivity plan 2024"]

    # The resident subscribes; nothing is confirmed until the emailed link is used.
    mail.outbox.clear()  # the submission receipt
    follow(page.get_by_role("link", name=re.compile("Get emails when Dorset publishes")))
    check_page(page, "subscribe")
    follow(page.get_by_role("button", name="Subscribe"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your email address")
    check_page(page, "subscribe-error")
    page.get_by_label("Email address").fill("resident@example.com")
    follow(page.get_by_role("button", name="Subscribe"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    check_page(page, "subscribe-check-your-email")
    (confirmation,) = mail.outbox
    confirm_path = re.search(r"/subscriptions/confirm/\S+/", confirmation.body).group(0)
    page.goto(confirm_path)
    check_page(page, "subscription-confirm")
    follow(page.get_by_role("button", name="Confirm"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Subscription confirmed")
    check_page(page, "subscription-confirmed")

    # A correction is made, endorsed and submitted, then published in the browser.
    corrected = make_a_correction(submitted_version, dorset_author, dorset_clerk, dorset_chief_executive)
    mail.outbox.clear()
    sign_in(dorset_clerk)
    check_page(page, "waiting-for-you-clerk-correction-submitted")
    open_from_menu(page, "Your council's plans")
    check_page(page, "council-dashboard-correction-submitted")
    follow(page.get_by_role("link", name="Publish version 2"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Publish a correction: version 2")
    check_page(page, "publish-correction")
    page.get_by_label("What does this correction change?").fill("Names the shared data platform in theme 2.")
    follow(page.get_by_role("button", name="Publish the correction"))
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("The correction has been published")
    check_page(page, "council-dashboard-corrected")
    sign_out()
    (notice,) = mail.outbox
    assert notice.to == ["resident@example.com"] and "correction" in notice.subject

    # Both versions are listed; the earlier one is still there to read.
    page.goto(f"/councils/{DORSET}/")
    cards = page.locator(".govuk-summary-card")
    expect(cards).to_have_count(2)
    expect(cards.nth(0)).to_contain_text("Current")
    expect(cards.nth(0)).to_contain_text("Correction of")
    expect(cards.nth(1)).to_contain_text("Replaced by a correction")
    check_page(page, "council-detail-corrected")
    follow(cards.nth(1).get_by_role("link", name=re.compile("Productivity plan 2024, version 1")))
    expect(page.locator(".govuk-summary-list__value.app-hash")).to_have_text(submitted_version.content_hash)
    check_page(page, "published-plan-earlier-version")
    page.goto(f"/councils/{DORSET}/plans/{SLUG}/")
    expect(page.locator(".govuk-inset-text")).to_contain_text("This is a correction")
    expect(page.locator(".govuk-summary-list__value.app-hash")).to_have_text(corrected.content_hash)
    check_page(page, "published-plan-correction")
    entries = ET.fromstring(page.request.get("/publications.atom").body()).findall(f"{ATOM}entry")
    assert len(entries) == 2
    assert json.loads(page.request.get("/api/v1/publications").body())["count"] == 2
