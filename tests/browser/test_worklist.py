""" "Waiting for you" in a real browser, with axe on every page: each role signs in, lands on the work
waiting for it, and reaches every item by clicking its link (no typed addresses after sign-in)."""

import datetime
import re

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.helpers import follow
from tests.conftest import THEME_TEXT


@pytest.fixture
def cast(make_person, dorset, dorset_author, dorset_clerk, dorset_monitoring_officer, dorset_chief_executive):
    return {
        "author": dorset_author,
        "clerk": dorset_clerk,
        "mo": dorset_monitoring_officer,
        "s151": make_person("dorset-s151", council=dorset, roles=["section_151_officer"]),
        "chief": dorset_chief_executive,
        "member": make_person("dorset-member", council=dorset, roles=["lead_member"]),
    }


@pytest.fixture
def work(cast, dorset, plan_return, analyst):
    """Dorset's plan, made through the services: version 1 submitted, version 2 endorsed, version 3
    reported on with its checklist lines named; a cleared paper on a coming meeting's agenda; and an
    upload the analyst checked but did not confirm."""
    from analysis.services import stage_upload
    from governance.services.decisions import record_decision
    from governance.services.reports import create_report
    from meetings import services as meetings
    from plans.services import freeze_draft, save_draft, start_draft
    from submissions.services import submit_version

    author, clerk, today = cast["author"], cast["clerk"], timezone.localdate()
    draft = start_draft(council=dorset, return_definition=plan_return, actor=author)
    versions = []
    for number in (1, 2, 3):
        bodies = {n: f"{text} (Version {number}.)" for n, text in THEME_TEXT.items()}
        draft = save_draft(draft=draft, bodies=bodies, based_on_revision=draft.revision, actor=author)
        versions.append(freeze_draft(draft=draft, actor=author))
        if number < 3:
            record_decision(
                version=versions[-1], outcome="approved", decision_maker="Cabinet", decided_on=today, actor=clerk
            )
        if number == 1:
            submit_version(version=versions[0], actor=cast["chief"], certifier_role="chief_executive")
    create_report(version=versions[2], actor=author)
    committee = meetings.create_committee(council=dorset, name="Cabinet", kind="cabinet", actor=clerk)
    meeting = meetings.schedule_meeting(
        committee=committee,
        date=today + datetime.timedelta(days=21),
        starts_at=datetime.time(18, 30),
        venue="Council Chamber",
        actor=clerk,
    )
    paper = meetings.write_paper(
        council=dorset,
        title="Quarter 1 finance report",
        report_of="the Chief Executive",
        author_names="A. Officer",
        summary="Summary.",
        recommendation="To note.",
        body="## Background\n\nText.",
        cleared_by="the Monitoring Officer",
        cleared_on=today,
        actor=clerk,
    )
    meetings.add_agenda_item(meeting=meeting, paper=paper, actor=clerk)
    stage_upload(
        council=dorset,
        return_definition=plan_return,
        filename="dorset-plan.txt",
        data=b"Dorset productivity plan\n\nWe merged two contact centres.\n",
        actor=analyst,
    )


# Each role, and each item waiting for it: the link's text and the heading of the page it leads to.
WAITING = {
    "author": [
        ("Publish version 1", "Publish version 1"),
        ("Finish the decision report", "Edit the decision report"),
    ],
    "clerk": [
        ("Publish version 1", "Publish version 1"),
        ("Finish the decision report", "Edit the decision report"),
        ("Complete the checklist", "Dorset: Productivity plan 2024"),
        ("Record the decision on version 3", "Record the members' decision"),
        ("Publish the agenda", "Publish the agenda"),
    ],
    "mo": [("Sign off: Legal and governance (monitoring officer)", "Sign off")],
    "s151": [
        ("Sign off: Finance (section 151 officer)", "Sign off"),
        ("Certify and submit version 2", "Certify and submit version 2"),
    ],
    "chief": [("Certify and submit version 2", "Certify and submit version 2")],
    "member": [("Sign off: Lead member (portfolio holder)", "Sign off")],
    "analyst": [("Confirm or cancel the import of dorset-plan.txt", "Check the plan document")],
}


def test_each_role_reaches_every_item_waiting_for_it_by_clicking(
    page, check_page, sign_in, sign_out, cast, work, analyst, panel_member
):
    people = {**cast, "analyst": analyst}
    for role, items in WAITING.items():
        sign_in(people[role])
        expect(page.get_by_role("heading", level=1)).to_have_text("Waiting for you")
        menu = page.get_by_role("navigation", name="Menu")
        expect(menu.get_by_role("link", name=re.compile(r"^Waiting for you"))).to_contain_text(
            f"({len(items)} waiting)"
        )
        check_page(page, f"waiting-for-you-{role}")
        for text, heading in items:
            follow(page.locator("main").get_by_role("link", name=re.compile("^" + re.escape(text))))
            expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
            check_page(page, f"waiting-{role}-" + re.sub(r"[^a-z0-9]+", "-", heading.lower()).strip("-")[:40])
            follow(page.get_by_role("link", name=settings.SERVICE_NAME, exact=True))  # back to the first page
            expect(page.get_by_role("heading", level=1)).to_have_text("Waiting for you")
            check_page(page, f"waiting-for-you-{role}")
        sign_out()

    # The panel has nothing waiting: the page says so and links to the areas the panel may use.
    sign_in(panel_member)
    expect(page.locator("main")).to_contain_text("Nothing is waiting for you.")
    check_page(page, "waiting-for-you-nothing")
    follow(page.locator("main").get_by_role("link", name="Explore plans"))
    check_page(page, "waiting-explorer")
