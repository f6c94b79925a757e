"""The explorer in a real browser: a department analyst goes from the returns register to the
explorer, opens the passages behind a count, corrects a passage's tags and sees the count change,
compares a figure across council types, searches, and downloads the panel summary. axe-core runs on
every page."""

import re

import pypdfium2
from playwright.sync_api import expect

from tests.browser.helpers import follow, open_from_menu


def test_an_analyst_explores_reviews_a_tag_and_exports_the_panel_summary(
    page, check_page, sign_in, explorer_corpus, analyst, tmp_path, browser_problems
):
    sign_in(analyst)
    check_page(page, "waiting-for-you-analyst-nothing")
    open_from_menu(page, "Returns register")
    check_page(page, "department-home")
    follow(page.get_by_role("link", name="Explore every plan"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Explore every plan")
    expect(page.locator("#councils-in-scope")).to_have_text("3")
    expect(page.locator("#responsible-use")).to_contain_text("do not build league tables")
    check_page(page, "explorer-overview")

    follow(page.get_by_role("navigation", name="Explorer").get_by_role("link", name="Barriers"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Barriers councils name")
    table = page.get_by_role("table", name="Councils by council type")
    funding = table.get_by_role("row", name=re.compile("^Funding certainty"))
    expect(funding.get_by_role("cell").nth(0)).to_have_text(re.compile(r"^2"))
    check_page(page, "explorer-barriers")

    # The county cell: Kent's passage, with the barrier's words and the ask highlighted.
    follow(funding.get_by_role("link", name=re.compile("County council: Funding certainty")))
    expect(page.get_by_role("heading", level=1)).to_have_text("Barrier: Funding certainty")
    expect(page.locator("#evidence-count")).to_have_text(
        "1 passage from 1 council. Councils are listed alphabetically."
    )
    expect(page.locator(".app-evidence mark")).to_have_text(["Funding certainty", "three-year settlements"])
    check_page(page, "explorer-passages")

    # The analyst says this passage does not name funding certainty after all.
    follow(page.get_by_role("link", name=re.compile("Review this passage's tags")))
    expect(page.get_by_role("heading", level=1)).to_have_text("Review passage 2")
    check_page(page, "review-passage")
    page.get_by_role("checkbox", name="Funding certainty").uncheck()
    follow(page.get_by_role("button", name="Save barriers"))
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Review saved. Removed “Funding certainty”.")
    expect(page.locator("#barrier-tags")).to_contain_text("Removed by a person")
    expect(page.locator("#review-history")).to_contain_text("Removed: “Funding certainty”")
    check_page(page, "review-saved")

    # A correction with no value is refused with a clear message.
    figure_passage = explorer_corpus.passages["kent3"]
    figure = figure_passage.figures.get()
    browser_problems.expect(f"/analysis/review/passages/{figure_passage.pk}/figures/{figure.pk}/", 400)
    page.goto(page.url.rsplit("/analysis/", 1)[0] + f"/analysis/review/passages/{figure_passage.pk}/")
    check_page(page, "review-passage-with-figure")
    page.get_by_role("radio", name="No, correct it").check()
    page.get_by_label("Value", exact=True).fill("")
    follow(page.get_by_role("button", name="Save this figure"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the corrected value")
    check_page(page, "review-figure-error")

    # The plan also states its consultant share, which the analysis missed: the analyst adds it.
    page.get_by_label("What the missing figure measures").select_option("consultant_share_of_staff_budget")
    page.get_by_label("Value of the missing figure").fill("0.8")
    follow(page.get_by_role("button", name="Add this figure"))
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Added consultant spend as a share of the staff budget 0.8"
    )
    expect(page.locator(".govuk-summary-card__title")).to_contain_text(
        ["Agency staff spend as a share of the staff budget", "Consultant spend as a share of the staff budget: 0.8%"]
    )
    check_page(page, "review-figure-added")

    follow(page.get_by_role("link", name="Back to the explorer"))
    check_page(page, "explorer-after-review")
    follow(page.get_by_role("navigation", name="Explorer").get_by_role("link", name="Barriers"))
    check_page(page, "explorer-barriers-after-review")
    funding = page.get_by_role("table", name="Councils by council type").get_by_role(
        "row", name=re.compile("^Funding certainty")
    )
    expect(funding.get_by_role("cell").nth(0)).to_have_text(re.compile(r"^1"))  # Dorset only, now

    follow(page.get_by_role("navigation", name="Explorer").get_by_role("link", name="Figures"))
    expect(
        page.get_by_role("heading", level=2, name="Agency staff spend as a share of the staff budget")
    ).to_be_visible()
    expect(page.locator("#distribution")).to_contain_text("Median")
    check_page(page, "explorer-figures")
    page.get_by_label("Compare by").select_option("region")
    follow(page.get_by_role("button", name="Show the figure"))
    expect(page.locator("#distribution-caption")).to_have_text("Distribution by region")
    check_page(page, "explorer-figures-by-region")

    follow(page.get_by_role("navigation", name="Explorer").get_by_role("link", name="Search passages"))
    check_page(page, "explorer-search-empty")
    page.get_by_label("Search the passages of every plan").fill("settlements")
    follow(page.get_by_role("button", name="Search"))
    expect(page.locator("#search-count")).to_have_text("2 passages found")
    expect(page.locator(".app-search mark").first).to_have_text(re.compile("settlements", re.I))
    check_page(page, "explorer-search")

    follow(page.get_by_role("navigation", name="Explorer").get_by_role("link", name="Themes"))
    check_page(page, "explorer-themes")

    follow(page.get_by_role("navigation", name="Explorer").get_by_role("link", name="Panel summary"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Panel summary")
    check_page(page, "panel-summary")
    with page.expect_download() as download:
        page.locator("#download-pdf").click()
    pdf = tmp_path / "summary.pdf"
    download.value.save_as(pdf)
    document = pypdfium2.PdfDocument(str(pdf))
    assert len(document) >= 1
    text = document[0].get_textpage().get_text_range()
    document.close()
    assert "Responsible use" in text
    with page.expect_download() as download:
        page.locator("#download-csv").click()
    csv_file = tmp_path / "summary.csv"
    download.value.save_as(csv_file)
    csv_text = csv_file.read_text(encoding="utf-8")
    assert csv_text.startswith("section,item,label,")  # the header row first
    assert 'about,note_on_responsible_use,"Responsible use:' in csv_text
