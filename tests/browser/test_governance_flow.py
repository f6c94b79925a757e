"""From a frozen version to a submitted, amended version, in a real browser with axe on every page:
report -> checklist (one line not applicable, with a reason) -> decision with call-in and delegation
-> published record -> minor amendment under the delegation -> submission of the amended version.

The version was frozen three weeks ago (made through the services), so the executive decision and its
published record can carry real past dates and the call-in period has already run; the agenda is the
meetings pages' business and is not walked here.
"""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core.dates import add_working_days
from governance.models import DecisionReport
from tests.browser.helpers import follow, open_from_menu


@pytest.fixture
def cast(make_person, dorset, dorset_author, dorset_clerk, dorset_director, dorset_monitoring_officer):
    return {
        "author": dorset_author,
        "clerk": dorset_clerk,
        "director": dorset_director,
        "mo": dorset_monitoring_officer,
        "s151": make_person("dorset-s151-officer", council=dorset, roles=["section_151_officer"]),
        "workforce": make_person("dorset-workforce-lead", council=dorset, roles=["workforce_lead"]),
        "member": make_person("dorset-lead-member", council=dorset, roles=["lead_member"]),
    }


@pytest.fixture
def version_frozen_three_weeks_ago(written_draft, cast, dorset):
    from governance.services.configuration import configure_governance
    from plans.services import freeze_draft

    configure_governance(
        council=dorset,
        report_template="cabinet_report",
        decision_maker="Cabinet",
        call_in_working_days=5,
        checklist_lines=["legal", "finance", "workforce", "lead_member", "opposition"],
        actor=cast["clerk"],
    )
    return freeze_draft(draft=written_draft, actor=cast["author"], at=timezone.now() - datetime.timedelta(days=21))


def fill_date(page, legend: str, day: datetime.date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def sign_own_line(page, check_page, sign_in, sign_out, person, report_url, line_label, name, reason=""):
    sign_in(person)
    check_page(page, f"home-{name}")
    page.goto(report_url)
    check_page(page, f"report-{name}")
    follow(page.get_by_role("link", name=f"Sign off {line_label}"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Sign off: {line_label}")
    check_page(page, f"sign-line-{name}")
    if reason:
        page.get_by_label("Not applicable: the proposal has no such implications").check()
        page.get_by_label("Reason the line is not applicable").fill(reason)
    else:
        page.get_by_label("I have cleared this report").check()
    follow(page.get_by_role("button", name="Confirm"))
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    check_page(page, f"report-signed-{name}")
    sign_out()


def test_report_checklist_decision_amendment_and_submission(
    page, check_page, sign_in, sign_out, cast, version_frozen_three_weeks_ago
):
    version = version_frozen_three_weeks_ago
    today = timezone.localdate()

    # The author writes the decision report from the frozen version.
    sign_in(cast["author"])
    check_page(page, "home-author")
    page.goto("/governance/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Reports and decisions")
    check_page(page, "governance-reports-empty")
    follow(page.get_by_role("button", name="Write the decision report for version 1"))
    check_page(page, "report-new")
    report_url = page.url
    expect(page.locator("#agenda-blockers")).to_contain_text("Legal and governance (monitoring officer)")
    follow(page.get_by_role("link", name="Edit the report's text"))
    check_page(page, "report-edit")
    page.get_by_label("Brief summary").fill("The government asked every council for a productivity plan.")
    page.get_by_label("Recommendation", exact=True).fill("That Cabinet agrees the plan and its publication.")
    page.get_by_label("Reason for the recommendation").fill("Members must endorse the plan before it is returned.")
    follow(page.get_by_role("button", name="Save the report"))
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("The report is saved")
    check_page(page, "report-saved")
    follow(page.get_by_role("link", name="Read the report"))
    expect(page.get_by_role("heading", name=re.compile("Appendix A"))).to_be_visible()
    check_page(page, "report-read")
    sign_out()

    # Each named person signs their own line; the workforce line is not applicable, with a reason.
    sign_own_line(
        page,
        check_page,
        sign_in,
        sign_out,
        cast["mo"],
        report_url,
        "Legal and governance (monitoring officer)",
        "legal",
    )
    sign_own_line(
        page, check_page, sign_in, sign_out, cast["s151"], report_url, "Finance (section 151 officer)", "finance"
    )
    sign_own_line(
        page,
        check_page,
        sign_in,
        sign_out,
        cast["workforce"],
        report_url,
        "Workforce",
        "workforce",
        reason="The plan makes no change to staff or structures.",
    )
    sign_own_line(
        page, check_page, sign_in, sign_out, cast["member"], report_url, "Lead member (portfolio holder)", "lead-member"
    )

    # Democratic services record the consultee, and the page then says the report is ready.
    sign_in(cast["clerk"])
    check_page(page, "home-clerk")
    page.goto(report_url)
    expect(page.locator("#agenda-blockers")).to_contain_text("Opposition spokesperson informed")
    check_page(page, "report-clerk")
    follow(page.get_by_role("link", name="Record Opposition spokesperson informed"))
    check_page(page, "consultee")
    page.get_by_label("Yes, informed").check()
    page.get_by_label("Who was informed").fill("Cllr Ann Other, opposition spokesperson")
    fill_date(page, "Date", today - datetime.timedelta(days=18))
    follow(page.get_by_role("button", name="Save"))
    expect(page.locator("#agenda-ready")).to_be_visible()
    expect(page.locator(".govuk-summary-list").get_by_text("Reason: The plan makes no change to staff")).to_be_visible()
    check_page(page, "report-ready")

    # The report goes on the agenda of the Cabinet meeting that decided it; that meeting has
    # happened, so its agenda is recorded with the day it was published, before the meeting.
    decided_on = today - datetime.timedelta(days=14)
    report_title = DecisionReport.objects.get(version=version).title
    page.goto("/meetings/")
    check_page(page, "meetings-for-the-report")
    follow(page.get_by_role("button", name="Add a meeting"))
    check_page(page, "meeting-new-for-the-report")
    page.get_by_label("Committee", exact=True).fill("Cabinet")
    page.get_by_label("Cabinet", exact=True).check()
    page.get_by_label("Day", exact=True).fill(str(decided_on.day))
    page.get_by_label("Month", exact=True).fill(str(decided_on.month))
    page.get_by_label("Year", exact=True).fill(str(decided_on.year))
    page.get_by_label("Start time").fill("6.30pm")
    page.get_by_label("Venue").fill("Council Chamber, County Hall")
    follow(page.get_by_role("button", name="Add the meeting"))
    check_page(page, "meeting-for-the-report")
    follow(page.get_by_role("button", name="Add an agenda item"))
    check_page(page, "agenda-item-for-the-report")
    page.get_by_label(re.compile(re.escape(report_title))).check()
    follow(page.get_by_role("button", name="Add the item"))
    check_page(page, "meeting-with-the-report-added")
    follow(page.get_by_role("button", name="Record the agenda of this past meeting"))
    agenda_published = decided_on - datetime.timedelta(days=8)
    page.get_by_label("Day", exact=True).fill(str(agenda_published.day))
    page.get_by_label("Month", exact=True).fill(str(agenda_published.month))
    page.get_by_label("Year", exact=True).fill(str(agenda_published.year))
    check_page(page, "record-agenda-for-the-report")
    follow(page.get_by_role("button", name="Record the agenda"))
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Agenda published")
    check_page(page, "agenda-published-with-the-report")
    page.goto(report_url)
    check_page(page, "report-on-the-agenda")

    # The decision: an executive decision with a call-in period of minus one day is refused first.
    follow(page.get_by_role("link", name="Record the decision"))
    check_page(page, "record-decision-with-report")
    page.get_by_label("Endorsed", exact=True).check()
    fill_date(page, "Date of the decision", decided_on)
    page.get_by_label("This is an executive decision, subject to call-in").check()
    page.get_by_label("Call-in period, in working days").fill("-1")
    page.get_by_label("Reasons for the decision (optional)").fill("Members must endorse the plan.")
    page.get_by_label("Officer given delegated authority for minor amendments (optional)").select_option(
        value=str(cast["director"].pk)
    )
    page.get_by_label("In consultation with (member)").select_option(value=str(cast["member"].pk))
    follow(page.get_by_role("button", name="Record the decision"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("The call-in period must be 0 working days or more")
    check_page(page, "record-decision-call-in-refused")
    page.get_by_label("Call-in period, in working days").fill("5")
    follow(page.get_by_role("button", name="Record the decision"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Decision on version 1")
    expect(page.get_by_text("Record to be published: the call-in period starts when it is")).to_be_visible()
    check_page(page, "decision-unpublished")

    # The record was published the day after the meeting; the call-in period has run since.
    published_on = decided_on + datetime.timedelta(days=1)
    fill_date(page, "Date the record was published", published_on)
    follow(page.get_by_role("button", name="Publish the decision record"))
    ends_on = add_working_days(published_on, 5)
    expect(page.locator(".govuk-summary-list").get_by_text(f"{ends_on.day} {ends_on:%B %Y}")).to_be_visible()
    expect(page.get_by_text("In effect from")).to_be_visible()
    check_page(page, "decision-published")
    follow(page.get_by_role("link", name="Read the public decision record"))
    check_page(page, "decision-record-council-view")
    sign_out()
    page.goto(f"/governance/decisions/{version.decisions.get().pk}/record/")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Decision record"))
    expect(page.get_by_text("Members must endorse the plan.")).to_be_visible()
    check_page(page, "decision-record-public")

    # The executive director edits the draft and makes a minor amendment under the delegation.
    sign_in(cast["director"])
    check_page(page, "home-director")
    page.goto(f"/plans/drafts/{version.draft_id}/edit/")
    check_page(page, "draft-edit-after-endorsement")
    page.get_by_label("Theme 1:").fill(
        "We merged back-office teams and moved to one customer contact centre, saving £2m each year."
    )
    # Theme 2 is rewritten too: with theme 1, more than a tenth of the plan's words.
    page.get_by_label("Theme 2:").fill("A single data platform now shows managers demand for each service weekly.")
    follow(page.get_by_role("button", name="Save the draft"))
    check_page(page, "draft-after-edit")
    page.goto("/governance/")
    check_page(page, "governance-reports-director")
    follow(page.get_by_role("link", name=re.compile("^Endorsed by Cabinet")))
    check_page(page, "decision-for-officer")
    follow(page.get_by_role("link", name="Make a minor amendment"))
    expect(page.locator("ins").first).to_contain_text("£2m")
    check_page(page, "amend")
    page.get_by_label("What changed, and why it is minor").fill("Added the yearly saving to theme 1.")
    fill_date(page, "Date you consulted the member", today)
    # The page shows the scale of the change; theme 1 rewritten is more than Dorset's 10% of the words,
    # so the officer must say why it is minor before the version is frozen.
    expect(page.locator("#scale-of-change")).to_contain_text("Theme 1")
    follow(page.get_by_role("button", name="Freeze the amended version"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Confirm the amendment is minor and say why")
    check_page(page, "amend-needs-a-reason")
    page.get_by_label("Why is this amendment minor?").fill("It adds a saving members were told of in the report.")
    follow(page.get_by_role("button", name="Freeze the amended version"))
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Version 2 is frozen as a minor amendment under delegated authority"
    )
    expect(page.get_by_text("Added the yearly saving to theme 1.")).to_be_visible()
    check_page(page, "decision-with-amendment")
    sign_out()
    page.goto(f"/governance/decisions/{version.decisions.get().pk}/record/")
    expect(page.get_by_text("Added the yearly saving to theme 1.")).to_be_visible()
    check_page(page, "decision-record-public-with-amendment")

    # The section 151 officer certifies and submits the amended version, endorsed through the delegation.
    amended = version.draft.versions.get(number=2)
    sign_in(cast["s151"])
    check_page(page, "home-s151")
    page.goto(f"/your-plans/versions/{amended.pk}/submit/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Certify and submit version 2")
    described = (
        f"version 1 as endorsed by Cabinet on {decided_on.day} {decided_on:%B %Y}, with minor amendments made on"
    )
    expect(page.locator(".govuk-summary-list").first).to_contain_text(described)
    # What members endorsed was version 1: the statement says so, never that version 2 is it.
    statement = page.locator("#certification-statement")
    expect(statement).to_contain_text(f"version 2 of the productivity plan 2024 is {described}")
    expect(statement).not_to_contain_text("is the version members endorsed")
    check_page(page, "submit-amended")
    page.get_by_label("I confirm the statement above").check()
    follow(page.get_by_role("button", name="Certify and submit to the department"))
    expect(page.locator(".govuk-panel--confirmation")).to_contain_text("Plan submitted")
    check_page(page, "receipt-amended")
    expect(page.locator("#submission-summary")).to_contain_text(described)
    sign_out()

    # Democratic services publish it; the public page and the published JSON say what it is.
    sign_in(cast["clerk"])
    check_page(page, "home-clerk-to-publish")
    open_from_menu(page, "Your council's plans")
    check_page(page, "council-plans-to-publish")
    follow(page.get_by_role("link", name="Publish version 2"))
    check_page(page, "publish-amended")
    follow(page.get_by_role("button", name="Publish the plan"))
    check_page(page, "published-amended")
    sign_out()
    page.goto(f"/councils/{version.council.gss_code}/")
    expect(page.get_by_text(f"Version 2: {described}")).to_be_visible()
    expect(page.get_by_text("Why the amendments are minor: It adds a saving members were told of")).to_be_visible()
    check_page(page, "council-page-amended")
    document = page.request.get(f"/published/{amended.content_hash}/plan.json").json()
    assert document["endorsement"]["endorsed_version"] == 1
    assert document["endorsement"]["description"].startswith(described)
    assert document["endorsement"]["amendment"]["confirmed_minor_reason"].startswith("It adds a saving")

    # After the return, the delegation ("minor amendments before submission") no longer applies.
    sign_in(cast["director"])
    check_page(page, "home-director-after-the-return")
    page.goto(f"/plans/drafts/{version.draft_id}/edit/")
    check_page(page, "draft-edit-after-the-return")
    page.get_by_label("Theme 4:").fill("We ask for multi-year settlements and an end to competitive bidding.")
    follow(page.get_by_role("button", name="Save the draft"))
    check_page(page, "draft-after-the-return")
    page.goto("/governance/")
    check_page(page, "governance-after-the-return")
    follow(page.get_by_role("link", name=re.compile("^Endorsed by Cabinet")))
    check_page(page, "decision-after-the-return")
    follow(page.get_by_role("link", name="Make a minor amendment"))
    expect(page.locator("#why-not")).to_contain_text("Any further change needs a new decision of members")
    expect(page.get_by_role("button", name="Freeze the amended version")).to_have_count(0)
    check_page(page, "amend-after-the-return")
