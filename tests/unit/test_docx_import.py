"""Word drafts are sorted into the plan's sections by their headings."""

import io
import zipfile

import docx
import pytest

from plans.docx_import import DocxImportError, read_draft, theme_for_heading

TITLES = {
    1: "Transformation of services to make better use of resources",
    2: "Using technology and data to improve decisions, service design and use of resources",
    3: "Reducing wasteful spend within the organisation and wider systems",
    4: "Barriers preventing progress that the government can help to reduce or remove",
}


@pytest.mark.parametrize(
    ("heading", "theme"),
    [
        ("Theme 1: Transformation", 1),
        ("2. Technology and data", 2),
        ("(iii) ways to reduce wasteful spend", 3),
        ("Barriers preventing progress", 4),
        ("Reducing wasteful spend within the organisation and wider systems", 3),
        ("Introduction", "intro"),
        ("Our use of digital tools", 2),
        ("Annex: glossary", None),
    ],
)
def test_headings_are_matched_to_themes_by_number_or_words(heading, theme):
    assert theme_for_heading(heading, TITLES) == theme


def _docx(build) -> bytes:
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_word_draft_fills_the_introduction_and_the_four_themes_with_tables_and_lists():
    def build(d):
        d.add_paragraph("Our county has 380,000 residents.")
        d.add_heading("Theme 1: Transformation", level=1)
        d.add_paragraph("We merged two contact centres.")
        d.add_paragraph("Saved £1m", style="List Bullet")
        d.add_paragraph("Faster answers", style="List Bullet")
        d.add_heading("Technology and data", level=1)
        d.add_paragraph("A data strategy.")
        d.add_heading("3. Wasteful spend", level=1)
        table = d.add_table(rows=2, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "Spend", "Share"
        table.cell(1, 0).text, table.cell(1, 1).text = "Agency", "0.35%"
        d.add_heading("Barriers", level=1)
        d.add_paragraph("One-year settlements.")

    result = read_draft(_docx(build), theme_titles=TITLES)
    assert result.introduction == "Our county has 380,000 residents."
    assert result.bodies[1] == "We merged two contact centres.\n\n- Saved £1m\n- Faster answers"
    assert result.bodies[2] == "A data strategy."
    assert "| Agency | 0.35% |" in result.bodies[3]
    assert result.bodies[4] == "One-year settlements."
    assert result.themes_found == [1, 2, 3, 4]


def test_a_draft_from_a_report_template_keeps_its_content_controls_and_tracked_changes_and_drops_its_contents():
    from docx.oxml import parse_xml

    namespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def build(d):
        d.add_paragraph("Contents", style="TOC Heading")  # Word's own style above a table of contents
        d.add_heading("Theme 1: Transformation", level=1)
        body = d.element.body
        control = parse_xml(
            f"<w:sdt {namespace}><w:sdtPr><w:alias w:val='Theme 1 text'/></w:sdtPr><w:sdtContent><w:p><w:r>"
            "<w:t>We merged two contact centres.</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        )
        changed = parse_xml(
            f"<w:p {namespace}><w:r><w:t xml:space='preserve'>Agency staff cost </w:t></w:r><w:ins w:id='1' "
            "w:author='A'><w:r><w:t>0.35% of the staff budget</w:t></w:r></w:ins><w:del w:id='2' w:author='A'><w:r>"
            "<w:delText>an unknown sum</w:delText></w:r></w:del><w:r><w:t>.</w:t></w:r></w:p>"
        )
        body[-1].addprevious(control)
        body[-1].addprevious(changed)

    result = read_draft(_docx(build), theme_titles=TITLES)
    assert result.bodies[1] == "We merged two contact centres.\n\nAgency staff cost 0.35% of the staff budget."
    assert "Contents" not in result.introduction and "unknown" not in result.bodies[1]


def test_a_draft_with_headings_in_its_templates_styles_or_typed_in_bold_is_sorted_into_themes():
    from docx.enum.style import WD_STYLE_TYPE

    def build(d):
        own = d.styles.add_style("Council Heading", WD_STYLE_TYPE.PARAGRAPH)
        own.base_style = d.styles["Heading 1"]
        d.add_paragraph("Theme 1: Transformation", style="Council Heading")
        d.add_paragraph("We merged two contact centres.")
        d.add_paragraph().add_run("3. Wasteful spend").bold = True
        d.add_paragraph().add_run("Agency spend fell by a third.").bold = True

    result = read_draft(_docx(build), theme_titles=TITLES)
    assert result.bodies[1] == "We merged two contact centres."
    assert result.bodies[3] == "Agency spend fell by a third.", "a bold sentence is text, not a heading"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7 not a word file", "must be a Word document"),
        (b"PK\x03\x04broken zip", "must be a Word document"),
        (b"x" * (5 * 1024 * 1024 + 1), "smaller than 5 MB"),
    ],
)
def test_files_that_are_not_word_documents_are_refused_with_a_reason(data, message):
    with pytest.raises(DocxImportError, match=message):
        read_draft(data, theme_titles=TITLES)


def test_a_zip_that_is_not_a_word_document_is_refused():
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a document")
    with pytest.raises(DocxImportError, match="could not be read"):
        read_draft(buffer.getvalue(), theme_titles=TITLES)


# --- OpenDocument text (.odt), as LibreOffice saves a draft ------------------------------------------------------

DRAFT_BODY = """
<text:p text:style-name="Title">Productivity plan 2024</text:p>
<text:table-of-content text:name="Contents"><text:index-body><text:p>Theme 1<text:tab/>2</text:p></text:index-body>
</text:table-of-content>
<text:p>Mid Wealdshire is a rural district of 95,000 residents.</text:p>
<text:h text:outline-level="1">Theme 1: Transformation</text:h>
<text:p>We merged three customer<text:s/>contact teams into one.<text:note text:note-class="footnote">
 <text:note-citation>1</text:note-citation><text:note-body><text:p>Cabinet, March 2024.</text:p></text:note-body>
 </text:note></text:p>
<text:list><text:list-item><text:p>One phone number</text:p></text:list-item>
 <text:list-item><text:p>One website</text:p></text:list-item></text:list>
<text:h text:outline-level="2">How we did it</text:h>
<text:p>Staff chose the new rota themselves.</text:p>
<text:h text:outline-level="1">Theme 3: Reducing wasteful spend</text:h>
<table:table table:name="Spend">
 <table:table-row><table:table-cell><text:p>Spend</text:p></table:table-cell>
  <table:table-cell><text:p>2023/24</text:p></table:table-cell></table:table-row>
 <table:table-row><table:table-cell><text:p>Agency staff</text:p></table:table-cell>
  <table:table-cell><text:p>£0.4m</text:p></table:table-cell></table:table-row>
</table:table>
<text:p><text:span text:style-name="T1">Theme 4 – Barriers</text:span></text:p>
<text:p>One-year settlements stop us planning.</text:p>
"""
DRAFT_STYLES = """<style:style style:name="T1" style:family="text">
<style:text-properties fo:font-weight="bold"/></style:style>"""


def _odt(body: str = DRAFT_BODY, mimetype: str = "application/vnd.oasis.opendocument.text") -> bytes:
    from tests.unit.test_analysis_opendocument import STYLES, content, meta

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype)
        archive.writestr("content.xml", content(body, DRAFT_STYLES), zipfile.ZIP_DEFLATED)
        archive.writestr("styles.xml", STYLES.replace("</office:styles>", TITLE_STYLE + "</office:styles>"))
        archive.writestr("meta.xml", meta())
    return buffer.getvalue()


TITLE_STYLE = '<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading"/>'


def test_an_opendocument_draft_is_sorted_into_the_sections_as_a_word_draft_is():
    result = read_draft(_odt(), theme_titles=TITLES)
    # The title, the contents page and the footnote are left out; the text before Theme 1 is the introduction.
    assert result.introduction == "Mid Wealdshire is a rural district of 95,000 residents."
    assert result.bodies[1] == (
        "We merged three customer contact teams into one.\n\n- One phone number\n- One website\n\n"
        "## How we did it\n\nStaff chose the new rota themselves."
    )
    assert result.bodies[2] == ""
    assert result.bodies[3] == "| Spend | 2023/24 |\n|---|---|\n| Agency staff | £0.4m |"
    assert result.bodies[4] == "One-year settlements stop us planning."  # under a heading typed in bold
    assert result.unmatched_headings == ["How we did it"]
    assert result.themes_found == [1, 3, 4]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_odt(mimetype="application/vnd.oasis.opendocument.spreadsheet"), "OpenDocument spreadsheet"),
        (_odt(body="<text:p>Broken <text:span>paragraph</text:p>"), "damaged"),
        (_odt(body="<text:p>" + " ".join(str(n) for n in range(200_000)) + "</text:p>"), "far more text than a plan"),
    ],
)
def test_an_opendocument_file_that_is_no_draft_is_refused_with_its_reason(data, message):
    with pytest.raises(DocxImportError, match=message):
        read_draft(data, theme_titles=TITLES)


def test_an_opendocument_zip_bomb_is_refused_before_it_is_read():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", b"<a>" + b" " * (80 * 1024 * 1024) + b"</a>", zipfile.ZIP_DEFLATED)
    with pytest.raises(DocxImportError, match="expand"):
        read_draft(buffer.getvalue(), theme_titles=TITLES)
