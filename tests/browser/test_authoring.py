"""Writing a plan in a real browser: theme by theme, evidence, the guidance checks, the PDF,
a Word import and comparing frozen versions, with axe-core run on every page on the way.
"""

import io
import re

import pypdfium2
from playwright.sync_api import expect

from tests.browser.helpers import follow, open_from_menu

NEEDS_ATTENTION = "Needs attention"
DONE = "Done"

# At least the 40 words per theme the return's checks ask for.
THEME_1 = (
    "We merged three back-office teams into one shared service and moved every enquiry to a single customer "
    "contact centre. Residents now reach the right officer first time, repeat calls have fallen by a fifth, and "
    "the council saves about two million pounds each year that it spends on early help instead."
)
THEME_2 = (
    "Our data strategy brings housing, benefits and social care records together so that managers can see demand "
    "early. Automated reminders have cut missed appointments, and a shared dashboard shows each service how it is "
    "doing against its budget, week by week, so problems are found and fixed before they grow."
)
THEME_3 = (
    "We publish what we spend on agency staff and consultants every quarter, and every request for a consultant "
    "or interim manager now needs a director's approval. Our EDI training is limited to what the Public Sector "
    "Equality Duty requires, and we have stopped paying for external diversity awards and memberships."
)
THEME_4 = (
    "One-year settlements stop us planning beyond the next budget, and competitive grants take officer time that "
    "would be better spent on services. We ask the government for multi-year funding, fewer ring-fenced pots, and "
    "simpler reporting so that the council can invest in prevention with confidence."
)


def check_status(page, check_id: str):
    return page.locator(f"#check-{check_id}-status")


def check_hint(page, check_id: str):
    return page.locator(f"#check-{check_id}-hint")


def expect_draft_page(page):
    expect(page.get_by_role("heading", level=1)).to_have_text("Productivity plan 2024: draft", ignore_case=True)


def save_draft_text(page, check_page, texts: dict[int, str], *, screenshot: str) -> None:
    """From the draft page: Edit the draft, type the given themes, save, and land on the draft page."""
    follow(page.get_by_role("link", name="Edit the draft"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit the draft")
    check_page(page, screenshot)
    for number, text in texts.items():
        page.get_by_label(f"Theme {number}:").fill(text)
    follow(page.get_by_role("button", name="Save the draft"))
    expect_draft_page(page)


def long_text(words: int, *, seed: str) -> str:
    """About `words` words of plausible plan text, in paragraphs of 100 words."""
    vocabulary = (
        f"the council {seed} reviewed services budgets residents demand staff costs savings partners prevention "
        "housing care waste contracts data systems teams outcomes performance targets investment"
    ).split()
    paragraphs = []
    for start in range(0, words, 100):
        paragraph = " ".join(vocabulary[(start + i) * 7 % len(vocabulary)] for i in range(100))
        paragraphs.append(paragraph.capitalize() + ".")
    return "\n\n".join(paragraphs)


def test_an_author_drafts_the_plan_theme_by_theme_and_downloads_the_pdf(
    page, check_page, sign_in, plan_return, dorset, dorset_author
):
    sign_in(dorset_author)
    check_page(page, "waiting-for-you-author-nothing")
    open_from_menu(page, "Your council's plans")
    check_page(page, "council-dashboard-not-started")
    follow(page.get_by_role("button", name="Start your draft"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit the draft")
    check_page(page, "draft-edit")
    follow(page.get_by_role("link", name="Back to the draft"))
    expect_draft_page(page)
    check_page(page, "authoring-draft-empty")
    expect(page.get_by_role("heading", name="What the guidance still needs")).to_be_visible()
    for number in range(1, 5):
        expect(check_status(page, f"theme-{number}")).to_have_text(NEEDS_ATTENTION)
    expect(check_hint(page, "theme-1")).to_have_text("Nothing is written for this theme yet.")

    # Theme 1 only: its check passes, the others still need attention.
    save_draft_text(page, check_page, {1: THEME_1}, screenshot="draft-edit")  # the same empty form as above
    expect(page.get_by_text("Your draft has been saved")).to_be_visible()
    check_page(page, "authoring-draft-theme-1")
    expect(check_status(page, "theme-1")).to_have_text(DONE)
    for number in (2, 3, 4):
        expect(check_status(page, f"theme-{number}")).to_have_text(NEEDS_ATTENTION)
    for check_id in ("consultants", "agency", "edi", "barriers"):
        expect(check_status(page, check_id)).to_have_text(NEEDS_ATTENTION)

    # The other three themes, theme 3 covering consultants, agency staff and EDI.
    save_draft_text(page, check_page, {2: THEME_2, 3: THEME_3, 4: THEME_4}, screenshot="authoring-draft-edit-theme-1")
    check_page(page, "authoring-draft-all-themes")
    for check_id in ("theme-1", "theme-2", "theme-3", "theme-4", "consultants", "agency", "edi"):
        expect(check_status(page, check_id)).to_have_text(DONE)
    expect(check_hint(page, "consultants")).to_have_text("Theme 3 covers spend on consultants.")
    expect(check_status(page, "barriers")).to_have_text(NEEDS_ATTENTION)

    # Spend figures: a negative amount once, then the real figures.
    follow(page.get_by_role("link", name="Add spend figures for theme 3"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Spend figures for theme 3")
    check_page(page, "spend-evidence")
    page.get_by_label("Financial year").fill("2023/24")
    # The amounts are <input type="number">, which will not take "180,000,000" (see the report).
    page.get_by_label("Total staff budget").fill("180000000")
    page.get_by_label("Spend on agency workers").fill("-630000")
    page.get_by_label("Spend on consultants").fill("1728000")
    follow(page.get_by_role("button", name="Save the figures"))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Error: Spend figures for theme 3"))
    check_page(page, "spend-evidence-errors")
    page.get_by_label("Spend on agency workers").fill("630000")
    follow(page.get_by_role("button", name="Save the figures"))
    expect_draft_page(page)
    expect(page.get_by_text("The spend figures have been saved and added to theme 3")).to_be_visible()
    check_page(page, "authoring-draft-spend")
    spend_table = page.get_by_role("table").filter(has_text="Consultants")
    expect(spend_table.get_by_role("row", name=re.compile("Agency workers"))).to_contain_text("0.35%")
    expect(spend_table.get_by_role("row", name=re.compile("Consultants"))).to_contain_text("0.96%")
    expect(check_hint(page, "consultants")).to_have_text("Consultants are 0.96% of the staff budget (2023/24).")
    expect(check_hint(page, "agency")).to_have_text("Agency staff are 0.35% of the staff budget (2023/24).")

    # A barrier: empty once, then with an ask.
    follow(page.get_by_role("link", name="Add a barrier"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a barrier")
    check_page(page, "add-barrier")
    follow(page.get_by_role("button", name="Add the barrier"))
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Error: Add a barrier"))
    check_page(page, "add-barrier-errors")
    page.get_by_role("group", name="What kind of barrier is it?").get_by_role("radio").first.check()
    page.get_by_label("Describe the barrier").fill("One-year settlements stop us planning beyond April.")
    page.get_by_label("What do you ask the government to do?").fill("Give councils multi-year settlements.")
    follow(page.get_by_role("button", name="Add the barrier"))
    expect_draft_page(page)
    expect(page.get_by_text("The barrier has been added to theme 4")).to_be_visible()
    check_page(page, "authoring-draft-barrier")
    expect(check_status(page, "barriers")).to_have_text(DONE)
    expect(check_hint(page, "barriers")).to_have_text("1 barrier names an ask.")

    # A commitment.
    follow(page.get_by_role("link", name="Add a commitment"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a commitment")
    check_page(page, "add-commitment")
    page.get_by_label("What will the council do?").fill("Close the two remaining satellite offices.")
    page.get_by_label("Who owns it").fill("Director of Place")
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("3")
    page.get_by_label("Year").fill("2025")
    page.get_by_label("How will progress be measured?").fill("Annual running cost of offices")
    page.get_by_label("Target").fill("£400,000 saved")
    follow(page.get_by_role("button", name="Add the commitment"))
    expect_draft_page(page)
    expect(page.get_by_text("The commitment has been added")).to_be_visible()
    check_page(page, "authoring-draft-commitment")

    # The figures, barrier and commitment changed the plan after its last PDF, so make it again.
    pdf_link = page.get_by_role("link", name=re.compile(r"^Download the draft as a PDF"))
    if pdf_link.count() == 0:
        follow(page.get_by_role("link", name="See progress"))
        check_page(page, "render-progress-not-made")
        follow(page.get_by_role("button", name=re.compile(r"^Make the PDF")))
        expect(page.get_by_role("heading", name="The PDF is ready")).to_be_visible()
        check_page(page, "render-progress-done")
        follow(page.get_by_role("link", name="Back to the draft"))
        expect_draft_page(page)
        check_page(page, "authoring-draft-rendered")
    expect(pdf_link).to_be_visible()
    pdf_link_text = pdf_link.inner_text()
    pages_shown = int(re.fullmatch(r"Download the draft as a PDF \((\d+) pages?\)", pdf_link_text).group(1))
    expect(check_status(page, "page-limit")).to_have_text(DONE)
    page_word = "page" if pages_shown == 1 else "pages"
    expect(check_hint(page, "page-limit")).to_have_text(
        f"The plan is {pages_shown} {page_word}, within the suggested 4."
    )

    # The PDF itself has that many pages.
    response = page.context.request.get(pdf_link.get_attribute("href"))
    assert response.ok
    assert response.headers["content-type"] == "application/pdf"
    assert len(pypdfium2.PdfDocument(response.body())) == pages_shown

    # The full checks page agrees: nothing needs attention but the endorsement still to come.
    page.goto(page.url.rstrip("/") + "/checks/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the plan against the guidance")
    check_page(page, "draft-checks")
    expect(check_status(page, "page-limit")).to_have_text(DONE)
    open_pdf = pdf_link_text.replace("Download the draft as a PDF", "Open the PDF of the draft")
    expect(page.get_by_role("link", name=open_pdf)).to_be_visible()


def test_a_plan_far_over_four_pages_needs_attention_with_its_real_page_count(
    page, check_page, sign_in, plan_return, dorset, dorset_author
):
    from plans.services import save_draft, start_draft

    draft = start_draft(council=dorset, return_definition=plan_return, actor=dorset_author)
    bodies = {number: long_text(2_000, seed=f"theme{number}") for number in range(1, 5)}
    save_draft(draft=draft, bodies=bodies, based_on_revision=draft.revision, actor=dorset_author)

    sign_in(dorset_author)
    check_page(page, "council-dashboard-drafting")
    # Straight to the PDF's progress page: a full-page screenshot of ~8,000 words of draft page is slow.
    # Saving the text queued its PDF (tasks run at once here), so it is ready without asking.
    page.goto(f"/plans/drafts/{draft.pk}/pdf/progress/")
    expect(page.get_by_role("heading", name="The PDF is ready")).to_be_visible()
    check_page(page, "render-progress-done-over-limit")
    pages_shown = int(re.search(r"\d+", page.locator(".govuk-panel__body").inner_text()).group())
    assert pages_shown > 4 * 3, f"~8,000 words should run far past four pages, not {pages_shown}"
    expect(page.locator(".govuk-warning-text")).to_contain_text(
        f"The plan is {pages_shown} pages; the guidance suggests no more than 4."
    )

    follow(page.get_by_role("link", name="See what the guidance still needs"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the plan against the guidance")
    check_page(page, "draft-checks-over-limit")
    expect(check_status(page, "page-limit")).to_have_text(NEEDS_ATTENTION)
    expect(check_hint(page, "page-limit")).to_have_text(
        f"The plan is {pages_shown} pages; the guidance suggests no more than 4."
    )
    pdf_link = page.get_by_role("link", name=f"Open the PDF of the draft ({pages_shown} pages)")
    response = page.context.request.get(pdf_link.get_attribute("href"))
    assert len(pypdfium2.PdfDocument(response.body())) == pages_shown


def marked_words(marks, prefix: str) -> str:
    """The words in a diff's <ins> or <del> marks, without their visually hidden "[added: ...]"."""
    return " ".join(" ".join(text.replace(prefix, "").rstrip("]").split()) for text in marks.all_inner_texts())


def word_document(paragraphs: dict[int, str]) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Dorset Council productivity plan", level=1)
    for number, text in paragraphs.items():
        document.add_heading(f"Theme {number}", level=2)
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_an_author_imports_a_word_draft_after_a_file_that_is_not_one(
    page, check_page, sign_in, plan_return, dorset, dorset_author
):
    from plans.services import start_draft

    draft = start_draft(council=dorset, return_definition=plan_return, actor=dorset_author)
    sign_in(dorset_author)
    check_page(page, "council-dashboard-drafting")
    page.goto(f"/plans/drafts/{draft.pk}/import/")  # test 1 follows the draft page's links
    expect(page.get_by_role("heading", level=1)).to_have_text("Import a Word or OpenDocument draft")
    check_page(page, "import-docx")
    upload = page.get_by_label("Upload a Word or OpenDocument file")

    # A text file renamed to .docx.
    upload.set_input_files(
        files=[{"name": "plan.docx", "mimeType": "text/plain", "buffer": b"Theme 1\nWe merged back-office teams.\n"}]
    )
    follow(page.get_by_role("button", name="Upload and preview"))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Error: Import a Word or OpenDocument draft"))
    check_page(page, "import-docx-errors")
    summary.get_by_role("link").first.click()
    expect(upload).to_be_focused()

    texts = {1: THEME_1, 2: THEME_2, 3: THEME_3, 4: THEME_4}
    upload.set_input_files(
        files=[
            {
                "name": "dorset-plan.docx",
                "mimeType": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "buffer": word_document(texts),
            }
        ]
    )
    follow(page.get_by_role("button", name="Upload and preview"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the imported text")
    check_page(page, "import-preview")
    expect(page.get_by_text("dorset-plan.docx")).to_be_visible()
    main = page.locator("main")
    for number, text in texts.items():
        expect(main.get_by_role("heading", name=re.compile(rf"^Theme {number}: "))).to_be_visible()
        expect(main.get_by_text(text)).to_be_visible()
    expect(main.get_by_text("Nothing found")).to_have_count(0)

    follow(page.get_by_role("button", name="Save this text to the draft"))
    expect_draft_page(page)
    expect(page.get_by_text("The text from dorset-plan.docx has been saved to the draft")).to_be_visible()
    check_page(page, "authoring-draft-imported")
    for number, text in texts.items():
        expect(page.get_by_text(text)).to_be_visible()
        expect(check_status(page, f"theme-{number}")).to_have_text(DONE)


def test_an_author_imports_a_draft_saved_by_libreoffice_from_the_draft_page(
    page, check_page, sign_in, plan_return, dorset, dorset_author
):
    from plans.services import start_draft
    from tests.unit.test_docx_import import _odt

    start_draft(council=dorset, return_definition=plan_return, actor=dorset_author)
    sign_in(dorset_author)
    check_page(page, "waiting-for-you-author-drafting")
    open_from_menu(page, "Your council's plans")
    check_page(page, "council-dashboard-drafting")
    follow(page.get_by_role("link", name=re.compile(r"^Read the draft")).first)
    expect_draft_page(page)
    check_page(page, "authoring-draft-started")
    follow(page.get_by_role("link", name="Import a Word or OpenDocument draft"))
    check_page(page, "import-docx")
    page.get_by_label("Upload a Word or OpenDocument file").set_input_files(
        files=[{"name": "plan.odt", "mimeType": "application/vnd.oasis.opendocument.text", "buffer": _odt()}]
    )
    follow(page.get_by_role("button", name="Upload and preview"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the imported text")
    check_page(page, "import-preview-odt")
    main = page.locator("main")
    expect(main.get_by_text("We merged three customer contact teams into one.")).to_be_visible()
    expect(main.get_by_role("cell", name="Agency staff")).to_be_visible()
    follow(page.get_by_role("button", name="Save this text to the draft"))
    expect(page.get_by_text("The text from plan.odt has been saved to the draft")).to_be_visible()
    check_page(page, "authoring-draft-imported-odt")


def test_an_author_compares_two_frozen_versions(page, check_page, sign_in, written_draft, dorset_author):
    sign_in(dorset_author)
    check_page(page, "council-dashboard-drafting")
    page.goto(f"/plans/drafts/{written_draft.pk}/")
    expect_draft_page(page)
    check_page(page, "authoring-draft-written")
    expect(page.get_by_role("link", name="Compare versions")).to_have_count(0)

    follow(page.get_by_role("button", name="Freeze as a version for decision"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Version 1")
    check_page(page, "version-detail")
    page.goto(f"/plans/drafts/{written_draft.pk}/edit/")
    check_page(page, "authoring-draft-edit-written")
    theme_1 = page.get_by_label("Theme 1:")
    theme_1.fill(theme_1.input_value().replace("one customer contact centre", "a single digital front door"))
    follow(page.get_by_role("button", name="Save the draft"))
    expect_draft_page(page)
    check_page(page, "authoring-draft-changed")

    follow(page.get_by_role("button", name="Freeze as a version for decision"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Version 2")
    check_page(page, "version-detail-2")
    page.goto(f"/plans/drafts/{written_draft.pk}/")
    check_page(page, "authoring-draft-version-2")

    follow(page.get_by_role("link", name="Compare versions"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Compare versions")
    check_page(page, "compare-versions")
    expect(page.get_by_label("Compare version")).to_have_value("1")
    expect(page.get_by_label("with version")).to_have_value("2")
    changed = page.locator(".app-diff")
    expect(changed).to_have_count(1)
    added, removed = changed.locator("ins"), changed.locator("del")
    expect(added.first).to_contain_text("[added: ")
    expect(removed.first).to_contain_text("[removed: ")
    assert "single digital front door" in marked_words(added, "[added:")
    assert "customer contact centre" in marked_words(removed, "[removed:")
    expect(page.get_by_text("No change.")).to_have_count(3)
