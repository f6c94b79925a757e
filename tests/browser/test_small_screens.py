"""The public pages with tables fit a 375 px phone screen: a table wider than the screen scrolls
sideways in its own labelled box, which a keyboard can reach (GOV.UK's advice for tables on small
screens), and the page itself never scrolls sideways."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.conftest import publish_through_the_route
from tests.integration.test_meetings_pack import cleared_paper

PHONE = {"width": 375, "height": 812}


@pytest.fixture
def published_plan_with_tables(written_draft, dorset_author, dorset_clerk, dorset_chief_executive):
    """Dorset's plan published with each of its tables: spend, barriers (theme 4) and commitments."""

    from plans.models import BarrierCategory
    from plans.services import add_barrier, add_commitment, save_spend_evidence

    draft = written_draft
    save_spend_evidence(
        draft=draft,
        year="2023-24",
        staff_budget="250000000",
        agency_spend="875000",
        consultant_spend="2400000",
        edi_statement="",
        actor=dorset_author,
    )
    add_barrier(
        draft=draft,
        category=BarrierCategory.objects.get(slug="funding-certainty"),
        description="One-year settlements stop us planning beyond the next budget round.",
        ask="Multi-year settlements for local government.",
        actor=dorset_author,
    )
    add_commitment(
        draft=draft,
        action="Close two depots and move the crews to the shared depot at Dorchester.",
        owner="Corporate Director for Place",
        due_on=datetime.date(2026, 3, 31),
        measure="Depots open",
        baseline="5",
        target="3",
        actor=dorset_author,
    )
    return publish_through_the_route(
        draft, author=dorset_author, clerk=dorset_clerk, chief_executive=dorset_chief_executive
    )


@pytest.fixture
def published_agenda(dorset, dorset_clerk):
    from meetings import services

    committee = services.create_committee(council=dorset, name="Cabinet", kind="cabinet", actor=dorset_clerk)
    meeting = services.schedule_meeting(
        committee=committee,
        date=datetime.date(2024, 7, 9),
        starts_at=datetime.time(18, 30),
        venue="Council Chamber, County Hall, Dorchester",
        contact="Democratic Services, 01305 000000",
        actor=dorset_clerk,
    )
    paper = cleared_paper(dorset, dorset_clerk, "Productivity plan 2024")
    services.add_agenda_item(meeting=meeting, paper=paper, actor=dorset_clerk)
    return services.publish_agenda(meeting=meeting, actor=dorset_clerk, published_on=datetime.date(2024, 7, 1))


def test_public_pages_with_tables_fit_a_375_pixel_screen(
    page, check_page, published_plan_with_tables, published_agenda
):
    page.set_viewport_size(PHONE)
    pages = {
        "phone-council-list": "/councils/",
        "phone-council-page": "/councils/E06000059/",
        "phone-published-plan": "/councils/E06000059/plans/productivity-plan-2024/",
        "phone-open-data": "/open-data/",
        "phone-agendas": "/meetings/agendas/",
        "phone-agenda": f"/meetings/agendas/{published_agenda.pk}/",
    }
    tables = 0
    for name, path in pages.items():
        page.goto(path)
        check_page(page, name)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width} px wide at 375 px"
        tables += page.locator("table").count()
        for box in page.locator(".app-table-container").all():
            # A box whose table is wider than the screen scrolls, and the keyboard can reach it.
            expect(box).to_have_attribute("tabindex", "0")
            expect(box).to_have_attribute("role", "region")
    assert tables >= 6  # councils, downloads, agendas, and the plan's spend, barriers and commitments

    # The council list's table is wider than the phone: it scrolls inside its box, by keyboard too.
    page.goto("/councils/")
    check_page(page, "phone-council-list")
    councils = page.get_by_role("region", name="Councils")
    assert councils.evaluate("box => box.scrollWidth > box.clientWidth")
    councils.focus()
    page.keyboard.press("ArrowRight")
    expect(councils).not_to_have_js_property("scrollLeft", 0)
