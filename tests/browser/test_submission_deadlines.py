"""Deadlines in a real browser: the department extends one council's deadline, that council submits
after the original deadline but within its extension and is on time; another council submits on time
before the deadline; the department chases a missing council and the register shows when.

Time passes in the test by moving the return's deadline: first it is three days away (Somerset
submits), then it was yesterday (Dorset, with its extension, submits; Wiltshire is missing).
"""

import datetime
import re

from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.helpers import follow, open_from_menu

SLUG = "productivity-plan-2024"
DORSET, SOMERSET, WILTSHIRE = "E06000059", "E06000066", "E06000054"


def short(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def long(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def endorse(council, author, clerk, theme_text):
    from governance.services.decisions import record_decision
    from plans.services import freeze_draft, save_draft, start_draft

    draft = start_draft(council=council, return_definition=council_return(), actor=author)
    draft = save_draft(draft=draft, bodies=theme_text, based_on_revision=draft.revision, actor=author)
    version = freeze_draft(draft=draft, actor=author)
    record_decision(
        version=version, outcome="approved", decision_maker="Cabinet", decided_on=timezone.localdate(), actor=clerk
    )
    return version


def council_return():
    from plans.selectors import return_by_slug

    return return_by_slug(SLUG)


def set_deadline(day: datetime.date) -> None:
    from plans.models import Return

    Return.objects.filter(slug=SLUG).update(deadline=day)


def register_row(page, name: str):
    return page.locator("table.govuk-table tbody tr").filter(has=page.get_by_role("link", name=name, exact=True))


def certify_and_submit(page, check_page, name: str) -> None:
    follow(page.get_by_role("link", name=re.compile("Certify and submit")))
    expect(page.get_by_role("heading", level=1)).to_have_text("Certify and submit version 1")
    check_page(page, f"submit-certify-{name}")
    page.get_by_label("I confirm the statement above").check()
    follow(page.get_by_role("button", name="Certify and submit to the department"))
    expect(page.locator(".govuk-panel__title")).to_have_text("Plan submitted")


def test_an_extension_keeps_a_late_council_on_time_and_the_department_chases_a_missing_one(
    page,
    browser_problems,
    check_page,
    sign_in,
    sign_out,
    dorset,
    somerset,
    make_person,
    dorset_author,
    dorset_clerk,
    somerset_author,
    somerset_clerk,
    dorset_chief_executive,
    somerset_chief_executive,
    analyst,
    theme_text,
):
    from councils.selectors import council_by_code

    # The register and the late and missing list are long pages: give their screenshots time.
    page.set_default_timeout(15_000)
    today = timezone.localdate()
    dorset_version = endorse(dorset, dorset_author, dorset_clerk, theme_text)
    endorse(somerset, somerset_author, somerset_clerk, theme_text)
    wiltshire = council_by_code(WILTSHIRE)
    wiltshire_s151 = make_person("wiltshire-s151", council=wiltshire, roles=["section_151_officer"])
    wiltshire_s151.email = "s151@wiltshire.example.gov.uk"
    wiltshire_s151.save()

    # Three days before the deadline, Somerset's chief executive certifies and submits: on time.
    set_deadline(today + datetime.timedelta(days=3))
    sign_in(somerset_chief_executive)
    check_page(page, "waiting-for-you-somerset-chief-executive")
    open_from_menu(page, "Your council's plans")
    check_page(page, "council-dashboard-chief-executive")
    certify_and_submit(page, check_page, "somerset")
    expect(page.locator("#timeliness")).to_contain_text("On time deadline " + long(today + datetime.timedelta(days=3)))
    expect(page.locator("#timeliness")).not_to_contain_text("Extension")
    check_page(page, "receipt-on-time")
    sign_out()

    # The deadline passed yesterday. The department extends Dorset's deadline by a week.
    set_deadline(today - datetime.timedelta(days=1))
    extended_to = today + datetime.timedelta(days=7)
    sign_in(analyst)
    check_page(page, "waiting-for-you-analyst-nothing")
    open_from_menu(page, "Returns register")
    check_page(page, "department-home-deadlines")
    follow(page.get_by_role("link", name="Productivity plan 2024", exact=True))
    check_page(page, "register-before-extension")
    page.get_by_label("Region").select_option("South West")
    follow(page.get_by_role("button", name="Apply filters"))
    check_page(page, "register-south-west")
    follow(register_row(page, "Dorset").get_by_role("link", name=re.compile("^Extend")))
    expect(page.get_by_role("heading", level=1)).to_have_text("Grant an extension")
    check_page(page, "grant-extension")
    browser_problems.expect(f"/department/returns/{SLUG}/councils/{DORSET}/extension/", 400)  # the refusal
    follow(page.get_by_role("button", name="Grant the extension"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the new deadline")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the reason for the extension")
    expect(page).to_have_title(re.compile("^Error: Grant an extension"))
    check_page(page, "grant-extension-errors")
    page.get_by_label("Day").fill(str(extended_to.day))
    page.get_by_label("Month").fill(str(extended_to.month))
    page.get_by_label("Year").fill(str(extended_to.year))
    page.get_by_label("Reason for the extension").fill("The cabinet meeting moved after a by-election.")
    follow(page.get_by_role("button", name="Grant the extension"))
    expect(page.locator(".govuk-notification-banner")).to_contain_text(f"Dorset's deadline is now {long(extended_to)}")
    expect(register_row(page, "Dorset").locator("td").nth(4)).to_contain_text(
        re.compile(rf"^{short(extended_to)}\s*Extended from {short(today - datetime.timedelta(days=1))}")
    )
    check_page(page, "register-after-extension")
    sign_out()

    # After the original deadline but within its extension, Dorset's chief executive submits: on time.
    sign_in(dorset_chief_executive)
    check_page(page, "waiting-for-you-dorset-chief-executive")
    open_from_menu(page, "Your council's plans")
    expect(page.locator("main")).to_contain_text(re.compile(rf"{long(extended_to)}\s*Extended by the department"))
    check_page(page, "council-dashboard-extended")
    certify_and_submit(page, check_page, "dorset")
    timeliness = page.locator("#timeliness")
    expect(timeliness).to_contain_text(f"On time deadline {long(extended_to)}")
    expect(timeliness).to_contain_text(f"the return's deadline was {long(today - datetime.timedelta(days=1))}")
    expect(timeliness).to_contain_text("The cabinet meeting moved after a by-election.")
    expect(page.locator("#submission-summary")).to_contain_text(dorset_version.content_hash)
    expect(page.locator("#submission-summary")).to_contain_text(
        re.compile(r"Certified by\s*Dorset Tester, chief executive\s*I, Dorset Tester, chief executive of Dorset")
    )
    check_page(page, "receipt-on-time-with-extension")
    sign_out()

    # The department: both on time in the register; Wiltshire is missing and is chased.
    sign_in(analyst)
    check_page(page, "waiting-for-you-analyst-nothing")
    open_from_menu(page, "Returns register")
    check_page(page, "department-home-after-submissions")
    page.goto(f"/department/returns/{SLUG}/")
    check_page(page, "register-after-submissions")
    expect(register_row(page, "Dorset")).to_contain_text("Submitted On time")
    expect(register_row(page, "Dorset")).to_contain_text("Extended from")
    expect(register_row(page, "Somerset")).to_contain_text("Submitted On time")
    expect(page.locator("#timeliness-counts")).to_contain_text("2 on time")
    expect(page.locator("#timeliness-counts")).to_contain_text("315 missing")
    follow(page.get_by_role("link", name=re.compile("^Late and missing councils")))
    expect(page.get_by_role("heading", level=1)).to_have_text("Late and missing councils")
    check_page(page, "late-and-missing-all")
    page.get_by_label("Region").select_option("South West")
    follow(page.get_by_role("button", name="Apply filters"))
    wiltshire_row = page.locator(f"#council-{WILTSHIRE}")
    expect(wiltshire_row).to_contain_text("Never")
    expect(page.locator(f"#council-{DORSET}")).to_have_count(0)
    check_page(page, "late-and-missing")
    follow(wiltshire_row.get_by_role("button", name="Chase Wiltshire"))
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Wiltshire chased: a reminder went to 1 named contact"
    )
    expect(page.locator(f"#council-{WILTSHIRE}")).to_contain_text(short(today))
    check_page(page, "late-and-missing-after-chase")
    page.goto(f"/department/returns/{SLUG}/?q={WILTSHIRE}")
    expect(page.locator("table.govuk-table tbody tr")).to_contain_text(short(today))
    check_page(page, "register-last-chased")

    chases = [m for m in mail.outbox if "waiting for Wiltshire" in m.subject]
    assert len(chases) == 1 and chases[0].to == ["s151@wiltshire.example.gov.uk"]
    receipts = [m for m in mail.outbox if m.subject.startswith("Receipt ")]
    assert sorted(m.subject.split(": ")[1] for m in receipts) == [
        "Dorset Productivity plan 2024",
        "Somerset Productivity plan 2024",
    ]
