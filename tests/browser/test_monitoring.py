"""Monitoring in a real browser, with axe on every page: Dorset's performance lead starts on "Waiting for
you", follows a commitment with a metric, loads a file with a bad row (refused: nothing changes), loads the
corrected file and sees the commitment move from "No data yet" to "On track"; a resident reads the public
progress page, its chart and the table of the same numbers; the department reaches its view from the menu."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import follow, open_from_menu
from tests.conftest import THEME_TEXT, publish_through_the_route

ONLINE = "corporate-contacts-online"


@pytest.fixture
def published_plan(dorset, plan_return, dorset_author, dorset_clerk, dorset_chief_executive):
    """Dorset's plan with one commitment, published, made through the services."""
    from monitoring.services import define_metrics
    from plans.services import add_commitment, save_draft, start_draft

    define_metrics()
    draft = start_draft(council=dorset, return_definition=plan_return, actor=dorset_author)
    draft = save_draft(draft=draft, bodies=dict(THEME_TEXT), based_on_revision=draft.revision, actor=dorset_author)
    add_commitment(
        draft=draft,
        action="Move more customer contact to digital self-service",
        owner="Director of Customer Services",
        due_on=datetime.date(2026, 3, 31),
        measure="Share of contacts handled online",
        baseline="48%",
        target="60%",
        actor=dorset_author,
    )
    return publish_through_the_route(
        draft, author=dorset_author, clerk=dorset_clerk, chief_executive=dorset_chief_executive
    ).version


def _csv(*rows) -> dict:
    text = "ons_code,metric,period,value,note\n" + "".join(",".join(row) + "\n" for row in rows)
    return {"name": "dorset-figures.csv", "mimeType": "text/csv", "buffer": text.encode("utf-8")}


def test_a_commitment_moves_from_no_data_yet_to_on_track_and_the_public_sees_it(
    page, check_page, sign_in, sign_out, browser_problems, make_person, dorset, published_plan, analyst
):
    from monitoring.models import MetricValue, TrackedCommitment

    browser_problems.expect("/monitoring/figures/load/", 400)  # the file with a bad row, refused

    lead = make_person("dorset-performance-lead", council=dorset, roles=["performance_lead"])
    sign_in(lead)
    expect(page.get_by_role("heading", level=1)).to_have_text("Waiting for you")
    check_page(page, "monitoring-waiting-lead")
    follow(page.locator("main").get_by_role("link", name="Follow 1 commitment in your plan with a metric"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Performance against your plan")
    check_page(page, "monitoring-council-home")

    follow(page.get_by_role("link", name=re.compile("^Follow with a metric")))
    expect(page.get_by_role("heading", level=1)).to_have_text("Follow a commitment with a metric")
    check_page(page, "monitoring-track")
    page.get_by_label("Which metric shows progress on this commitment?").select_option(ONLINE)
    page.get_by_label("Baseline figure").fill("48")
    page.get_by_label("Baseline period").fill("2023-24")
    page.get_by_label("Target figure").fill("60")
    follow(page.get_by_role("button", name="Follow this commitment"))
    expect(page.locator("main .govuk-tag").first).to_have_text("No data yet")
    check_page(page, "monitoring-tracked-no-data")

    open_from_menu(page, "Performance")
    check_page(page, "monitoring-council-home-tracked")
    follow(page.get_by_role("link", name="Load figures from a CSV file"))
    check_page(page, "monitoring-load")
    page.get_by_label("Upload a file of figures").set_input_files(
        _csv(("E06000059", ONLINE, "2023-24", "48", ""), ("E06000059", ONLINE, "2024/25", "54.5", ""))
    )
    follow(page.get_by_role("button", name="Load the figures"))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("1 of the file's 2 rows has a problem, so nothing was imported")
    expect(page.locator("#row-problems")).to_contain_text("Row 3: period '2024/25' is not written like 2023-24")
    check_page(page, "monitoring-load-errors")
    assert MetricValue.objects.count() == 0  # nothing half-imported
    assert TrackedCommitment.objects.get().status == "no_data"

    page.get_by_label("Upload a file of figures").set_input_files(
        _csv(("E06000059", ONLINE, "2023-24", "48", ""), ("E06000059", ONLINE, "2024-25", "54.5", "New online forms"))
    )
    follow(page.get_by_role("button", name="Load the figures"))
    expect(page.get_by_role("heading", level=1)).to_have_text("dorset-figures.csv")
    check_page(page, "monitoring-import-detail")
    open_from_menu(page, "Performance")
    row = page.locator("tr", has_text="Move more customer contact to digital self-service")
    expect(row.locator(".govuk-tag")).to_have_text("On track")
    check_page(page, "monitoring-council-home-on-track")
    follow(row.get_by_role("link", name=re.compile("^Progress")))
    expect(page.locator("main .govuk-tag").first).to_have_text("On track")
    expect(page.locator("main")).to_contain_text("The latest figure is 54.5%")
    check_page(page, "monitoring-tracked-on-track")
    sign_out()

    # A resident: the council's public page, then its progress, the chart and the same numbers in a table.
    page.goto("/councils/E06000059/")
    check_page(page, "portal-council-dorset")
    follow(page.get_by_role("link", name=re.compile("^Dorset's progress")))
    expect(page.get_by_role("heading", level=1)).to_have_text("Dorset: progress against its plan")
    card = page.locator(".govuk-summary-card", has_text="Move more customer contact")
    expect(card.locator(".govuk-tag")).to_have_text("On track")
    chart = card.get_by_role("img", name=re.compile("^Customer contacts handled online: Dorset's progress"))
    expect(chart).to_be_visible()
    table = card.get_by_role("table")
    expect(table).to_contain_text("54.5")
    expect(table).to_contain_text("New online forms")
    check_page(page, "portal-progress")
    follow(page.get_by_role("link", name=re.compile("^More about this metric.*Customer contacts handled online")))
    expect(page.get_by_role("heading", level=1)).to_have_text("Customer contacts handled online")
    check_page(page, "portal-progress-metric")

    # The department reaches its view from the menu.
    sign_in(analyst)
    check_page(page, "monitoring-waiting-analyst")
    open_from_menu(page, "Progress against plans")
    expect(page.get_by_role("heading", level=1)).to_have_text("Progress against the plans")
    check_page(page, "monitoring-department")
    follow(page.get_by_role("link", name="1 on track, Unitary authority"))
    expect(page.locator("main")).to_contain_text("Dorset (E06000059)")
    check_page(page, "monitoring-department-commitments")
    open_from_menu(page, "Progress against plans")
    check_page(page, "monitoring-department")
    follow(page.get_by_role("link", name="Customer contacts handled online"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Customer contacts handled online")
    check_page(page, "monitoring-department-metric")


def test_a_director_reaches_a_held_figure_from_waiting_for_you_and_sets_it_aside_with_a_reason(
    page, check_page, sign_in, dorset, dorset_director, make_person
):
    """A held figure loaded with a typo: the director clicks through from "Waiting for you" to the approvals,
    sets it aside with a reason, and the approvals page says nothing waits; axe on every page."""
    from monitoring.services import define_metrics, import_metric_values, set_hold_for_approval
    from tests.integration.monitoring_setup import figures_csv

    define_metrics()
    lead = make_person("dorset-performance-lead", council=dorset, roles=["performance_lead"])
    set_hold_for_approval(council=dorset, hold=True, actor=dorset_director)
    import_metric_values(
        data=figures_csv(("E06000059", ONLINE, "2024-25", "5.45")), file_name="typo.csv", actor=lead, council=dorset
    )
    sign_in(dorset_director)
    check_page(page, "waiting-for-you-director-figures")
    follow(page.get_by_role("link", name=re.compile("Approve 1 figure")))
    check_page(page, "monitoring-approvals")
    page.get_by_label(re.compile("5.45")).check()
    page.get_by_label("Why they are set aside (only when setting figures aside)").fill("The decimal point is wrong.")
    follow(page.get_by_role("button", name="Set the selected figures aside"))
    check_page(page, "monitoring-approvals-set-aside")
    expect(page.get_by_text("1 figure set aside; they will not be published")).to_be_visible()
    expect(page.locator("#why-not")).to_have_text("No figures are waiting for approval.")
