"""A department analyst imports a council's plan in a real browser: upload, preview, confirm; reads what the
analysis found; refuses a bad file; runs the analysis and watches it finish; imports a second document for a
council that already has one, told so at the preview, and adds it as another. axe-core checks every page."""

from playwright.sync_api import expect

from devdata.analysis_demo import generate_plan, html_bytes, pdf_bytes, text_bytes
from tests.browser.helpers import follow


def test_an_analyst_imports_a_plan_checks_it_and_runs_the_analysis(page, check_page, sign_in, analyst, tmp_path):
    plan = generate_plan("Dorset", seed=11, long=True)
    plan_file = tmp_path / "dorset-productivity-plan.pdf"
    plan_file.write_bytes(pdf_bytes(plan))
    bad_file = tmp_path / "renamed.pdf"
    bad_file.write_bytes(b"These words were saved as text and renamed to .pdf.\n")

    sign_in(analyst)
    check_page(page, "department-home")
    page.goto("/analysis/import/")
    check_page(page, "analysis-import")

    # A text file named .pdf is refused with the reason, tied to the file field.
    page.get_by_label("Council", exact=True).fill("E06000059")
    page.get_by_label("Plan document").set_input_files(str(bad_file))
    follow(page.get_by_role("button", name="Upload and preview"))
    check_page(page, "analysis-import-refused")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("The file is named as a PDF but is not a PDF")
    expect(summary.get_by_role("link")).to_have_attribute("href", "#id_document")

    # The real plan: previewed passage by passage, nothing added until confirmed.
    page.get_by_label("Council", exact=True).fill("E06000059")
    page.get_by_label("Plan document").set_input_files(str(plan_file))
    follow(page.get_by_role("button", name="Upload and preview"))
    check_page(page, "analysis-import-preview")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the plan document")
    expect(page.locator("table").first).to_contain_text("3. Reducing wasteful spend")
    # The commitments table printed in the PDF is one passage, shown as a table with its headings.
    commitments = page.locator(".app-passage-table table")
    expect(commitments.locator("thead th")).to_have_text(list(plan.table[0]))
    expect(commitments.locator("tbody tr")).to_have_count(len(plan.table) - 1)
    follow(page.get_by_role("button", name="Add to the corpus"))

    check_page(page, "analysis-document")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("was added to the corpus for Dorset")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dorset productivity plan 2024")
    expect(page.locator("main")).to_contain_text("Theme 1, Theme 2, Theme 3, Theme 4")
    expect(page.locator(".app-passage-table tbody tr").first).to_contain_text(plan.table[1][0])
    follow(page.get_by_role("link", name="All plan documents"))
    check_page(page, "analysis-documents")
    expect(page.locator("table")).to_contain_text("Dorset")

    follow(page.get_by_role("navigation", name="Analysis").get_by_role("link", name="Analysis runs"))
    check_page(page, "analysis-runs")
    follow(page.get_by_role("button", name="Run the analysis over every document"))
    check_page(page, "analysis-run")
    expect(page.get_by_role("heading", level=1)).to_contain_text("has finished")


def test_an_analyst_told_the_council_has_a_document_adds_another(page, check_page, sign_in, analyst, tmp_path):
    """Dorset already has its plan in the corpus; the analyst imports an annex, typing the council's name. The
    preview names the plan already there; confirming without a choice is refused; choosing "Add this one as
    another document" adds it beside the plan, and both are listed."""
    from analysis import services
    from councils.selectors import council_by_code
    from plans.selectors import return_by_slug

    plan = services.import_document(
        council=council_by_code("E06000059"),
        return_definition=return_by_slug("productivity-plan-2024"),
        filename="dorset-plan.txt",
        data=text_bytes(generate_plan("Dorset", seed=3)),
        actor=analyst,
        analyse=False,
    )
    annex = tmp_path / "dorset-annex.html"
    annex.write_bytes(html_bytes(generate_plan("Dorset", seed=4)))

    sign_in(analyst)
    check_page(page, "department-home")
    page.goto("/analysis/import/")
    check_page(page, "analysis-import")
    page.get_by_label("Council", exact=True).fill("dorset council")
    page.get_by_label("Plan document").set_input_files(str(annex))
    follow(page.get_by_role("button", name="Upload and preview"))
    check_page(page, "analysis-import-preview-existing")
    expect(page.locator(".govuk-warning-text")).to_contain_text("Dorset already has a document for")
    expect(page.get_by_role("table").first).to_contain_text(plan.title)

    follow(page.get_by_role("button", name="Add to the corpus"))
    check_page(page, "analysis-import-preview-choose")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select whether to replace it or add this one as another document")
    summary.get_by_role("link").click()  # the summary's link takes the person to the choice
    expect(page.get_by_label("Replace it with this one")).to_be_focused()
    page.get_by_label("Add this one as another document").check()
    follow(page.get_by_role("button", name="Add to the corpus"))

    check_page(page, "analysis-document-added-beside")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        f"was added to the corpus for Dorset as another document, beside “{plan.title}”"
    )
    follow(page.get_by_role("link", name="All plan documents"))
    check_page(page, "analysis-documents-two-for-dorset")
    expect(page.locator("tbody tr", has_text="Dorset")).to_have_count(2)
    expect(page.locator("main")).not_to_contain_text("Replaced")


def test_an_analyst_sees_the_kind_and_the_passages_of_a_web_page_a_text_plan_and_a_fire_plan(
    page, check_page, sign_in, analyst, tmp_path
):
    """A saved web page with navigation, cookie banner and footer; a plan saved as text with single line breaks;
    and a fire and rescue service's plan: each previewed with its kind and the passages a person would read."""
    from tests.integration.test_analysis_document_kind import FIRE_PLAN
    from tests.unit.test_analysis_reading import PLAIN_PLAN, SAVED_PAGE

    files = {
        "brackenford-plan.html": SAVED_PAGE.encode(),
        "ashbury-plan.txt": PLAIN_PLAN.encode(),
        "northshire-fire.txt": FIRE_PLAN.encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    sign_in(analyst)
    check_page(page, "department-home")

    def preview(name: str, council: str, label: str):
        page.goto("/analysis/import/")
        check_page(page, "analysis-import")
        page.get_by_label("Council", exact=True).fill(council)
        page.get_by_label("Plan document").set_input_files(str(tmp_path / name))
        follow(page.get_by_role("button", name="Upload and preview"))
        check_page(page, f"analysis-import-preview-{label}")
        expect(page.get_by_role("heading", level=1)).to_have_text("Check the plan document")
        return page.locator("table").last

    passages = preview("brackenford-plan.html", "E06000059", "web-page")
    expect(page.locator("#document-kind")).to_contain_text("Productivity plan")
    expect(passages.locator("tbody tr").first).to_contain_text("Productivity plan 2024")
    expect(passages.locator("tbody tr")).to_have_count(8)
    for chrome in ("Skip to main content", "cookies", "Bins and recycling", "Share this page", "Privacy"):
        expect(passages).not_to_contain_text(chrome)
    follow(page.get_by_role("button", name="Cancel"))
    check_page(page, "analysis-import-cancelled")

    passages = preview("ashbury-plan.txt", "E06000066", "plain-text")
    expect(page.locator("#document-kind")).to_contain_text("Productivity plan")
    headings = passages.locator("tbody tr", has=page.locator("td", has_text="Heading"))
    expect(headings).to_have_count(6)
    expect(passages).to_contain_text("3. Reducing wasteful spend")
    follow(page.get_by_role("button", name="Add to the corpus"))
    check_page(page, "analysis-document-plain-text")
    expect(page.locator("#document-kind")).to_contain_text("Productivity plan")
    expect(page.locator("main")).to_contain_text("Theme 3")

    preview("northshire-fire.txt", "E10000016", "fire-plan")
    expect(page.locator("#document-kind")).to_contain_text("Another regime's plan")
    expect(page.locator("#document-kind")).to_contain_text("fire and rescue service")
    expect(page.get_by_label("Another regime's plan")).to_be_checked()
    follow(page.get_by_role("button", name="Add to the corpus"))
    check_page(page, "analysis-document-fire-plan")
    expect(page.locator("#document-kind")).to_contain_text("Another regime's plan")
