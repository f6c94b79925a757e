"""The whole route in a real browser: draft -> freeze -> decide -> submit -> publish -> register.

The same route as tests/integration/test_thin_path.py, but typed and clicked by people in
Chromium, with axe-core run on every page on the way.
"""

import re

from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.helpers import follow, open_from_menu

RETURN_SLUG = "productivity-plan-2024"
DORSET = "E06000059"


def error_summary_links(page) -> list[tuple[str, str]]:
    links = page.locator(".govuk-error-summary__list a")
    return [(links.nth(i).inner_text(), links.nth(i).get_attribute("href")) for i in range(links.count())]


def test_a_council_takes_its_plan_from_draft_to_publication_and_the_department_sees_it(
    page,
    check_page,
    sign_in,
    sign_out,
    plan_return,
    dorset,
    dorset_author,
    dorset_clerk,
    dorset_chief_executive,
    analyst,
    theme_text,
):
    # The plan author starts and writes the draft.
    sign_in(dorset_author)
    check_page(page, "waiting-for-you-author-nothing")
    open_from_menu(page, "Your council's plans")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your council's plans")
    check_page(page, "council-dashboard-not-started")
    follow(page.get_by_role("button", name="Start your draft"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit the draft")
    check_page(page, "draft-edit")
    for number, text in theme_text.items():
        page.get_by_label(f"Theme {number}:").fill(text)
    follow(page.get_by_role("button", name="Save the draft"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Productivity plan 2024: draft", ignore_case=True)
    expect(page.get_by_text(theme_text[3])).to_be_visible()
    assert ".." not in page.locator("main").inner_text()  # "9:34a.m.." once ended a sentence
    check_page(page, "draft-detail")

    follow(page.get_by_role("button", name="Freeze as a version for decision"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Version 1")
    frozen_hash = page.locator(".govuk-summary-list__value.app-hash").inner_text().strip()
    assert len(frozen_hash) == 64
    check_page(page, "version-detail")
    sign_out()

    # Democratic services record the members' decision; an empty form first.
    sign_in(dorset_clerk)
    check_page(page, "waiting-for-you-clerk-frozen")
    open_from_menu(page, "Your council's plans")
    check_page(page, "council-dashboard-frozen")
    follow(page.get_by_role("link", name="Record the decision"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Record the members' decision")
    check_page(page, "record-decision")
    follow(page.get_by_role("button", name="Record the decision"))

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()  # GOV.UK Frontend moves focus to the summary on load
    expect(page).to_have_title(re.compile(r"^Error: Record the members' decision"))
    check_page(page, "record-decision-errors")
    links = error_summary_links(page)
    # Who decided is filled in from the council's settings; the rest is for the clerk to give.
    assert [text for text, _ in links] == ["Select what members decided", "Enter the date of the decision"]
    for _, href in links:
        assert page.locator(href).count() == 1, f"the error summary links to {href}, which is not on the page"
    # Each link takes keyboard focus to its field.
    page.get_by_role("link", name="Enter the date of the decision").click()
    expect(page.get_by_label("Day", exact=True)).to_be_focused()
    page.get_by_role("link", name="Select what members decided").click()
    expect(page.locator("#id_outcome_0")).to_be_focused()

    today = timezone.localdate()
    page.get_by_label("Endorsed", exact=True).check()
    page.get_by_label("Who made the decision").fill("Cabinet")
    # Dorset's settings make executive decisions subject to call-in, so the box starts ticked; this
    # decision was taken as urgent, exempt from call-in, so it takes effect today.
    expect(page.get_by_label("This is an executive decision, subject to call-in")).to_be_checked()
    page.get_by_label("This is an executive decision, subject to call-in").uncheck()
    page.get_by_label("Day", exact=True).fill(str(today.day))
    page.get_by_label("Month", exact=True).fill(str(today.month))
    page.get_by_label("Year", exact=True).fill(str(today.year))
    follow(page.get_by_role("button", name="Record the decision"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your council's plans")
    expect(page.get_by_role("cell", name="Endorsed by Cabinet")).to_be_visible()
    check_page(page, "council-dashboard-endorsed")
    sign_out()

    # The chief executive certifies that this is the version members endorsed, and submits it.
    sign_in(dorset_chief_executive)
    check_page(page, "waiting-for-you-chief-executive")
    open_from_menu(page, "Your council's plans")
    check_page(page, "council-dashboard-chief-executive")
    follow(page.get_by_role("link", name=re.compile("Certify and submit")))
    expect(page.get_by_role("heading", level=1)).to_have_text("Certify and submit version 1")
    check_page(page, "submit")
    page.get_by_label("I confirm the statement above").check()
    follow(page.get_by_role("button", name="Certify and submit to the department"))
    panel = page.locator(".govuk-panel--confirmation")
    expect(panel).to_be_visible()
    expect(panel.get_by_role("heading", level=1)).to_have_text("Plan submitted")
    reference = panel.locator("strong").inner_text().strip()
    assert reference
    receipt_hash = page.locator(".govuk-summary-list__value.app-hash").inner_text().strip()
    assert receipt_hash == frozen_hash
    check_page(page, "receipt")
    sign_out()

    # Democratic services publish it.
    sign_in(dorset_clerk)
    check_page(page, "waiting-for-you-clerk-submitted")
    open_from_menu(page, "Your council's plans")
    check_page(page, "council-dashboard-submitted")
    follow(page.get_by_role("link", name="Publish"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Publish version 1")
    expect(page.get_by_text(reference)).to_be_visible()
    check_page(page, "publish")
    follow(page.get_by_role("button", name="Publish the plan"))
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("The plan has been published")
    check_page(page, "published-plan-with-banner")
    sign_out()

    # A resident, not signed in, finds the plan from the council's page.
    page.goto(f"/councils/{DORSET}/")
    check_page(page, "council-detail-published")
    follow(page.get_by_role("link", name="Productivity plan 2024"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Productivity plan 2024", ignore_case=True)
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
    public_hash = page.locator(".govuk-summary-list__value.app-hash").inner_text().strip()
    assert public_hash == receipt_hash
    expect(page.get_by_text(theme_text[1])).to_be_visible()
    expect(page.get_by_text("By Cabinet on")).to_be_visible()
    check_page(page, "published-plan")
    page.get_by_text("What is the content hash?").click()
    expect(page.get_by_text("A fingerprint of the plan's text")).to_be_visible()

    # The department's analyst sees Dorset as published in the register, and can filter it.
    sign_in(analyst)
    check_page(page, "waiting-for-you-analyst-nothing")
    open_from_menu(page, "Returns register")
    expect(page.get_by_role("heading", level=1)).to_have_text("Returns register")
    check_page(page, "department-home")
    follow(page.get_by_role("link", name="Productivity plan 2024"))
    expect(page).to_have_url(re.compile(f"/department/returns/{RETURN_SLUG}/$"))
    check_page(page, "register")
    expect(page.locator("caption")).to_have_text("317 councils shown")
    dorset_row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Dorset E06000059"))
    expect(dorset_row.locator(".govuk-tag").first).to_have_text("Published")

    page.get_by_label("Council type").select_option(label="Unitary authority")
    page.get_by_label("Region").select_option(label="South West")
    follow(page.get_by_role("button", name="Apply filters"))
    expect(page.get_by_label("Council type")).to_have_value("unitary")
    rows = page.locator("tbody tr")
    assert rows.count() > 1
    for cells in rows.evaluate_all("rows => rows.map(r => [...r.cells].map(c => c.innerText.trim()))"):
        assert cells[1:3] == ["Unitary authority", "South West"], cells
    expect(page.locator("tbody")).to_contain_text("Dorset")
    check_page(page, "register-filtered-type-region")

    page.get_by_label("Status").select_option(label="Published")
    follow(page.get_by_role("button", name="Apply filters"))
    expect(page.locator("caption")).to_have_text("1 council shown")
    expect(page.locator("tbody tr")).to_have_count(1)
    expect(page.locator("tbody th")).to_contain_text("Dorset")
    check_page(page, "register-filtered-published")

    page.get_by_label("Council type").select_option(label="County council")
    follow(page.get_by_role("button", name="Apply filters"))
    expect(page.locator("caption")).to_have_text("0 councils shown")
    check_page(page, "register-filtered-empty")
    follow(page.get_by_role("link", name="Clear filters"))
    expect(page.locator("caption")).to_have_text("317 councils shown")
    check_page(page, "register")
