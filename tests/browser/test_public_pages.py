"""Pages anyone can read without signing in, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import follow


def table_column(page, index: int) -> list[str]:
    """The text of one column of the first table body, top to bottom (0 is the row header)."""
    return page.locator("tbody tr").evaluate_all("(rows, i) => rows.map(r => r.cells[i].innerText.trim())", index)


def test_home_page_has_govuk_styles_fonts_crest_and_icons(page, check_page):
    fonts = []
    page.on("response", lambda r: fonts.append((r.status, r.url)) if "/assets/fonts/" in r.url else None)
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Council productivity plans")
    expect(page.get_by_role("heading", name="Productivity plan 2024")).to_be_visible()
    expect(page.get_by_role("button", name="Find your council")).to_be_visible()
    check_page(page, "home")

    # GOV.UK Frontend's CSS applied, and the GDS Transport files it asks for under /assets/fonts/ loaded.
    assert "GDS Transport" in page.get_by_role("heading", level=1).evaluate("e => getComputedStyle(e).fontFamily")
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('19px \"GDS Transport\"')")
    assert fonts and all(status == 200 for status, _ in fonts), fonts
    assert page.evaluate("document.body.classList.contains('govuk-frontend-supported')")  # the JS module ran
    expect(page.get_by_role("img", name="GOV.UK")).to_be_visible()
    assert page.locator(".govuk-header").evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"

    # Every icon the head links to exists (browsers fetch them lazily, so ask for each).
    for href in page.locator("head link[rel*=icon]").evaluate_all("links => links.map(l => l.href)"):
        assert page.request.get(href).status == 200, href


def test_find_a_council_by_name_type_and_region_across_pages(page, check_page):
    page.goto("/")
    check_page(page, "home")
    follow(page.get_by_role("button", name="Find your council"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Find a council")
    expect(page.locator("caption")).to_have_text("317 councils")
    pagination = page.get_by_role("navigation", name="Pages of councils")
    expect(pagination.locator(".govuk-pagination__item")).to_have_count(7)  # 50 a page
    expect(page.locator("tbody tr")).to_have_count(50)
    check_page(page, "council-list")

    search_box = page.get_by_label("Council name or ONS code")
    search_box.fill("somerset")
    follow(page.get_by_role("button", name="Search"))
    expect(page.locator("caption")).to_have_text("3 councils")
    assert table_column(page, 0) == ["Bath and North East Somerset", "North Somerset", "Somerset"]
    expect(search_box).to_have_value("somerset")
    expect(pagination).to_have_count(0)
    check_page(page, "council-list-search")

    search_box.fill("")
    page.get_by_label("Council type").select_option(label="County council")
    page.get_by_label("Region").select_option(label="South West")
    follow(page.get_by_role("button", name="Search"))
    expect(page.locator("caption")).to_have_text("2 councils")
    assert table_column(page, 0) == ["Devon", "Gloucestershire"]
    expect(page.get_by_label("Council type")).to_have_value("county")
    expect(page.get_by_label("Region")).to_have_value("South West")
    check_page(page, "council-list-filtered")

    # Filters survive paging: 164 district councils over 4 pages.
    page.get_by_label("Council type").select_option(label="District council")
    page.get_by_label("Region").select_option(label="All regions")
    follow(page.get_by_role("button", name="Search"))
    expect(page.locator("caption")).to_have_text("164 councils")
    expect(pagination.locator(".govuk-pagination__item")).to_have_count(4)
    first_page = table_column(page, 0)
    check_page(page, "council-list-filtered-districts")
    follow(pagination.get_by_role("link", name="Next page"))
    expect(pagination.get_by_role("link", name="Page 2")).to_have_attribute("aria-current", "page")
    expect(pagination.get_by_role("link", name="Previous page")).to_be_visible()
    expect(page.get_by_label("Council type")).to_have_value("district")
    second_page = table_column(page, 0)
    assert second_page[0] > first_page[-1]
    assert set(table_column(page, 2)) == {"District council"}
    check_page(page, "council-list-filtered-page-2")
    follow(pagination.get_by_role("link", name="Page 4"))
    expect(page).to_have_url(re.compile(r"\?q=&type=district&region=&page=4$"))
    expect(page.locator("tbody tr")).to_have_count(14)
    assert set(table_column(page, 2)) == {"District council"}
    check_page(page, "council-list-filtered-page-4")

    search_box.fill("Atlantis")
    page.get_by_label("Council type").select_option(label="All types")
    follow(page.get_by_role("button", name="Search"))
    expect(page.locator("caption")).to_have_text("0 councils")
    expect(page.get_by_text("No council matches your search")).to_be_visible()
    check_page(page, "council-list-no-match")
    follow(page.get_by_role("link", name="Clear search"))
    expect(page.locator("caption")).to_have_text("317 councils")
    expect(search_box).to_have_value("")
    check_page(page, "council-list")


def test_a_county_page_lists_its_districts_and_a_district_links_back(page, check_page):
    page.goto("/councils/E10000008/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Devon")
    expect(page.locator(".govuk-caption-l")).to_have_text("County council")
    expect(page.get_by_text("Devon has not published a plan here yet.")).to_be_visible()
    heading = page.get_by_role("heading", name="District councils in this county")
    districts = heading.locator("xpath=following-sibling::ul[1]")
    expect(districts.get_by_role("listitem")).to_have_count(8)
    check_page(page, "council-detail")

    follow(districts.get_by_role("link", name="East Devon"))
    expect(page.get_by_role("heading", level=1)).to_have_text("East Devon")
    check_page(page, "council-detail-district")
    follow(page.get_by_role("link", name="Devon", exact=True))
    expect(page.get_by_role("heading", level=1)).to_have_text("Devon")
    check_page(page, "council-detail")
    follow(page.get_by_role("link", name="Back to all councils"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Find a council")
    check_page(page, "council-list")


def test_accessibility_statement_and_open_data_from_the_footer(page, check_page):
    page.goto("/")
    check_page(page, "home")
    footer = page.locator("footer")
    follow(footer.get_by_role("link", name="Accessibility statement"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Accessibility statement")
    expect(page.get_by_role("heading", name="Enforcement procedure")).to_be_visible()
    check_page(page, "accessibility-statement")

    follow(footer.get_by_role("link", name="Open data"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Open data")
    check_page(page, "open-data")
    # The downloads it offers answer (fetched, not opened: they are JSON, not pages).
    main = page.locator("main")
    for href in main.get_by_role("link").evaluate_all("links => links.map(l => l.href)"):
        response = page.request.get(href)
        assert response.status == 200, f"{href} answered {response.status}"
    # The audit log's signed heads, linked from open data: a public page of numbers and hashes.
    follow(page.locator("main").get_by_role("link", name="Read about the signed heads"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Audit log: signed heads")
    expect(page.get_by_role("table")).to_contain_text("Newest entry")
    check_page(page, "audit-heads")


@pytest.mark.parametrize(
    "path",
    [
        "/councils/E99999999/",  # no such council
        "/councils/E06000059/plans/productivity-plan-2024/",  # a council that has published nothing
        "/no-such-page/",
    ],
)
def test_unknown_addresses_answer_the_govuk_page_not_found(page, check_page, browser_problems, path):
    browser_problems.expect(path, 404)
    response = page.goto(path)
    assert response.status == 404
    expect(page).to_have_title("Page not found – Productivity plans – GOV.UK")
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.get_by_role("link", name="Find a council").last).to_be_visible()
    check_page(page, "not-found")
