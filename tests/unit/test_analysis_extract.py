"""Splitting a plan's text into passages: headings, paragraphs and whole tables, with page numbers."""

import random

import pytest

from analysis.reading.extract import (
    Block,
    ExtractionRefused,
    check_kind,
    clean,
    extract,
    extract_html,
    extract_text,
    sniff,
    split_lines,
    split_plain_text,
)
from analysis.reading.sandbox import kind_for_filename

WIDE = "x" * 80


def test_laid_out_lines_become_headings_and_paragraphs_on_their_page():
    lines = [
        "Theme 1: Transformation of services",
        "We merged three customer contact teams into one service that answers most calls at the first point",
        "of contact.",
        "Our early help service works with families before problems become crises, and referrals have",
        "fallen by a fifth since 2022.",
        "Page 2",
    ]
    blocks = split_lines(lines, page=2)
    assert [b.kind for b in blocks] == ["heading", "paragraph", "paragraph"]
    assert blocks[1].text.endswith("first point of contact.")
    assert all(b.page == 2 for b in blocks)
    assert "Page 2" not in " ".join(b.text for b in blocks), "running footers are not passages"


def test_a_bullet_starts_a_new_paragraph():
    blocks = split_lines(["• First commitment is made here " + WIDE, "• Second commitment " + WIDE], page=1)
    assert [b.text[:20] for b in blocks] == ["• First commitment i", "• Second commitment "]


def test_plain_text_keeps_markdown_headings_tables_whole_and_form_feed_pages():
    text = (
        "# Barriers\n\nOne-year settlements stop us planning.\n\f| Action | Target |\n|---|---|\n| Close depots | 3 |\n"
    )
    blocks = split_plain_text(text)
    assert blocks == [
        Block("heading", "Barriers", 1),
        Block("paragraph", "One-year settlements stop us planning.", 1),
        Block("table", "| Action | Target |\n| Close depots | 3 |", 2),
    ]


def test_a_text_file_written_in_markdown_reads_as_its_words_without_the_marks():
    text = (
        "# Productivity Plan 2024\n\n"
        "## Transforming our services\n\n"
        "We merged customer services and revenues into **one contact team** in 2023; see "
        "[the review](https://example.gov.uk/review) for how.\n\n"
        "## Barriers\n\n"
        "> Funding arrives year by year, which stops us planning ahead.\n\n"
        "Sign here: ______ (a blank line to fill, kept); 2**3 and snake__case__words are not marks.\n"
    )
    blocks = extract_text(text.encode()).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Productivity Plan 2024"),
        ("heading", "Transforming our services"),
        (
            "paragraph",
            "We merged customer services and revenues into one contact team in 2023; see the review for how.",
        ),
        ("heading", "Barriers"),
        ("paragraph", "Funding arrives year by year, which stops us planning ahead."),
        ("paragraph", "Sign here: ______ (a blank line to fill, kept); 2**3 and snake__case__words are not marks."),
    ]


# A page saved by a browser as a single file (.mhtml): MIME headers, the page in quoted-printable (soft line
# breaks, "=3D" for "="), then its images.
WEB_ARCHIVE = (
    b"From: <Saved by Blink>\r\n"
    b"Snapshot-Content-Location: https://www.fenwick.gov.uk/plan\r\n"
    b"Subject: Productivity plan | Fenwick District Council\r\n"
    b"MIME-Version: 1.0\r\n"
    b'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----MultipartBoundary--x1----"\r\n'
    b"\r\n"
    b"------MultipartBoundary--x1----\r\n"
    b"Content-Type: text/html\r\n"
    b"Content-Transfer-Encoding: quoted-printable\r\n"
    b"Content-Location: https://www.fenwick.gov.uk/plan\r\n"
    b"\r\n"
    b'<!DOCTYPE html><html><head><meta charset=3D"utf-8"><title>Productivity plan | Fenwick Dis=\r\n'
    b'trict Council</title></head><body><a href=3D"#main">Skip to main content</a>=\r\n'
    b'<nav><a href=3D"/">Home</a> <a href=3D"/council">Council</a></nav><main id=3D"main">=\r\n'
    b"<h1>Fenwick's productivity plan 2024</h1><h2>Transforming our services</h2><p>We merged our custom=\r\n"
    b"er services and revenues teams in 2023 =E2=80=93 residents now speak to one team.</p></main>=\r\n"
    b"<footer><p>Cookies on this site</p></footer></body></html>\r\n"
    b"------MultipartBoundary--x1----\r\n"
    b"Content-Type: image/png\r\n"
    b"Content-Transfer-Encoding: base64\r\n"
    b"Content-Location: https://www.fenwick.gov.uk/logo.png\r\n"
    b"\r\n"
    b"iVBORw0KGgo=\r\n"
    b"------MultipartBoundary--x1------\r\n"
)


def test_a_page_saved_as_a_web_archive_is_read_as_the_page_it_holds():
    extracted = extract("html", WEB_ARCHIVE)
    assert extracted.title == "Fenwick's productivity plan 2024"
    assert [(b.kind, b.text) for b in extracted.blocks] == [
        ("heading", "Fenwick's productivity plan 2024"),
        ("heading", "Transforming our services"),
        (
            "paragraph",
            "We merged our customer services and revenues teams in 2023 \u2013 residents now speak to one team.",
        ),
    ]
    assert kind_for_filename("plan.mhtml") == kind_for_filename("Plan.MHT") == "html"
    long_headers = WEB_ARCHIVE.replace(b"Subject: Productivity plan", b"Subject: " + b"Productivity plan " * 200)
    assert extract("html", long_headers).blocks == extracted.blocks, "headers longer than 2 KB are still headers"


OLD_SITE = b"""<html><head><title>Productivity Plan - Oldtown Borough Council</title></head><body>
<table width="100%" border="0"><tr><td colspan="2"><img src="logo.gif" alt="Oldtown Borough Council">
<a href="/">Home</a> | <a href="/az">A-Z</a></td></tr>
<tr><td width="180" valign="top"><a href="/council">Council</a><br><a href="/bins">Bins</a><br>
<a href="/tax">Council tax</a></td>
<td valign="top"><h1>Our productivity plan 2024</h1><h2>Transforming our services</h2>
<p>We merged the customer services and revenues teams in 2023, so residents now speak to one team about council
tax, benefits and bins.</p><h2>Reducing wasteful spend</h2>
<p>Agency staff cost 2.1% of our pay budget last year; consultants 0.4%.</p>
<table border="1"><tr><th>Measure</th><th>2023-24</th></tr><tr><td>Agency spend</td><td>&pound;1.9m</td></tr></table>
</td></tr><tr><td colspan="2"><font size="1">&copy; Oldtown Borough Council | <a href="/privacy">Privacy</a></font>
</td></tr></table></body></html>"""


def test_a_page_laid_out_in_a_table_is_read_as_its_content_and_its_data_table_kept_whole():
    """Older council sites set out every page in a table: its cells are the page's regions, not a table's data."""
    extracted = extract("html", OLD_SITE)
    assert extracted.title == "Our productivity plan 2024"
    assert [(b.kind, b.text) for b in extracted.blocks] == [
        ("heading", "Our productivity plan 2024"),
        ("heading", "Transforming our services"),
        (
            "paragraph",
            "We merged the customer services and revenues teams in 2023, so residents now speak to one team about "
            "council tax, benefits and bins.",
        ),
        ("heading", "Reducing wasteful spend"),
        ("paragraph", "Agency staff cost 2.1% of our pay budget last year; consultants 0.4%."),
        ("table", "Measure | 2023-24\nAgency spend | \u00a31.9m"),
    ]
    presentation = b"<html><body><table role='presentation'><tr><td><p>First paragraph of the plan, long enough.</p>"
    presentation += b"<p>Second paragraph of the plan, long enough too.</p></td></tr></table></body></html>"
    assert [b.kind for b in extract("html", presentation).blocks] == ["paragraph", "paragraph"]
    data = b"<html><body><table><tr><td><p>Agency spend</p></td><td><p>\xc2\xa31.9m</p></td></tr></table></body></html>"
    assert [(b.kind, b.text) for b in extract("html", data).blocks] == [("table", "Agency spend | \u00a31.9m")]


def test_a_bold_line_and_typed_list_items_ended_by_a_line_break_are_a_heading_and_items():
    """Older sites' editors, and pages pasted from email, set a heading in bold and end it with <br>; list items are
    typed with their marker, a line each. A person reads a heading and items, not one run-on paragraph."""
    page = (
        b"<html><body><div><b>Transforming our services</b><br>We merged the customer services and revenues teams "
        b"in 2023.<br><br><strong>Barriers</strong><br>- Single-year settlements stop us planning.<br>- Competitive "
        b"bidding wastes officer time.<br></div></body></html>"
    )
    assert [(b.kind, b.text) for b in extract("html", page).blocks] == [
        ("heading", "Transforming our services"),
        ("paragraph", "We merged the customer services and revenues teams in 2023."),
        ("heading", "Barriers"),
        ("paragraph", "- Single-year settlements stop us planning."),
        ("paragraph", "- Competitive bidding wastes officer time."),
    ]
    wrapped = b"<html><body><p>A sentence the author broke<br>over two lines stays one paragraph.</p></body></html>"
    assert [b.text for b in extract("html", wrapped).blocks] == [
        "A sentence the author broke over two lines stays one paragraph."
    ]


def test_a_web_archive_without_a_page_or_named_as_text_is_refused():
    only_images = WEB_ARCHIVE.replace(b"Content-Type: text/html", b"Content-Type: text/css")
    with pytest.raises(ExtractionRefused, match="web archive .* holds no web page"):
        extract("html", only_images)
    with pytest.raises(ExtractionRefused, match="named as plain text but is a web page"):
        extract("text", WEB_ARCHIVE)


def test_a_table_of_contents_is_no_passage_and_tags_no_theme():
    text = (
        "Productivity Plan 2024\n\n"
        "Contents\n\n"
        "1. Transforming our services ........ 3\n"
        "2. Reducing wasteful spend ........ 5\n"
        "3. Barriers to progress . . . . . . . 7\n\n"
        "Transforming our services\n\n"
        "We merged customer services and revenues into one contact team in 2023.\n\n"
        "Costs rose.... 4 services were affected.\n"
    )
    blocks = extract("text", text.encode()).blocks
    assert [b.text for b in blocks] == [
        "Productivity Plan 2024",
        "Transforming our services",
        "We merged customer services and revenues into one contact team in 2023.",
        "Costs rose.... 4 services were affected.",
    ]


def test_dotted_text_that_is_not_a_table_of_contents_is_kept_and_read_promptly():
    # A run of dotted entries that ends in prose (and in a number) once took exponential time to rule out.
    prose = "a .... 1 " * 400 + "and the prose ends in 2024"
    assert [b.text for b in extract("text", prose.encode()).blocks] == [prose.strip()]


def test_plain_text_without_form_feeds_has_no_page_numbers():
    assert {b.page for b in split_plain_text("Heading\n\nA paragraph of text.")} == {None}


def test_a_web_page_gives_headings_paragraphs_and_tables_and_skips_scripts_and_navigation():
    page = (
        b"<html><head><title>Our plan</title><script>var secret = 1;</script></head><body>"
        b"<nav><a href='/'>Home</a></nav><h2>Theme 4</h2><p>We ask for <b>multi-year</b> funding.</p>"
        b"<ul><li>First</li><li>Second</li></ul>"
        b"<table><tr><th>Action</th><th>Target</th></tr><tr><td>Close depots</td><td>3</td></tr></table></body></html>"
    )
    extracted = extract_html(page)
    assert extracted.title == "Theme 4", "a content heading comes before the page's <title>"
    assert [(b.kind, b.text) for b in extracted.blocks] == [
        ("heading", "Theme 4"),
        ("paragraph", "We ask for multi-year funding."),
        ("paragraph", "First"),
        ("paragraph", "Second"),
        ("table", "Action | Target\nClose depots | 3"),
    ]


def test_a_web_page_wrapped_in_its_source_reads_as_a_browser_shows_it():
    """Saved pages often break long lines in their HTML source; a browser shows each paragraph, heading and
    table cell as one run of words. Kept as lines, a wrapped ask would be cut into two sentences and a wrapped
    cell would add a row to its table."""
    page = """<html><head><title>Our productivity
    plan - Anytown Council</title></head><body><main>
    <h2>Theme 4:
      Barriers</h2>
    <p>We ask the government to end
    competitive bidding for small pots of funding.</p>
    <table><tr><th>Measure</th><th>Share of the
    pay budget</th></tr><tr><td>Agency
      spend</td><td>0.4%</td></tr></table>
    <pre>Preformatted lines
      stay lines</pre>
    </main></body></html>"""
    extracted = extract_html(page.encode())
    assert [(b.kind, b.text) for b in extracted.blocks] == [
        ("heading", "Theme 4: Barriers"),
        ("paragraph", "We ask the government to end competitive bidding for small pots of funding."),
        ("table", "Measure | Share of the pay budget\nAgency spend | 0.4%"),
        ("paragraph", "Preformatted lines\nstay lines"),
    ]
    assert extracted.title == "Theme 4: Barriers"


def test_a_paragraph_set_wholly_in_bold_that_reads_as_a_heading_is_one():
    """Many sites' editors make headings by setting a paragraph in bold; a person reads it as the heading of what
    follows. A bold sentence, a bold list item or a bold lead-in to a sentence stays what it is."""
    page = b"""<html><body><main>
    <p><strong>Theme 3: Reducing wasteful spend</strong></p>
    <p>Agency staff cost us 3.5% of our pay budget last year.</p>
    <p><b>We stopped using consultants for routine reviews.</b></p>
    <ul><li><strong>Shared legal services</strong></li></ul>
    <p><strong>Theme 4:</strong> the barriers we face are set out below.</p>
    </main></body></html>"""
    assert [(b.kind, b.text) for b in extract_html(page).blocks] == [
        ("heading", "Theme 3: Reducing wasteful spend"),
        ("paragraph", "Agency staff cost us 3.5% of our pay budget last year."),
        ("paragraph", "We stopped using consultants for routine reviews."),
        ("paragraph", "Shared legal services"),
        ("paragraph", "Theme 4: the barriers we face are set out below."),
    ]


def test_two_line_breaks_in_a_row_end_a_paragraph_and_one_does_not():
    page = b"""<html><body><main><div>Agency spend fell by a fifth.<br><br>
    Consultants cost 0.9% of the pay budget.<br/>Both figures are for 2023-24.</div>
    <h2>Theme 1:<br><br>Transformation</h2></main></body></html>"""
    assert [(b.kind, b.text) for b in extract_html(page).blocks] == [
        ("paragraph", "Agency spend fell by a fifth."),
        ("paragraph", "Consultants cost 0.9% of the pay budget. Both figures are for 2023-24."),
        ("heading", "Theme 1: Transformation"),
    ]


def test_links_and_bold_type_in_a_table_do_not_change_how_the_text_after_it_is_read():
    """A link in a table cell once counted every later paragraph as link text, and short paragraphs after the table
    were dropped as if they were a list of links; bold type in a cell made them headings."""
    page = b"""<html><body><main><h2>Our figures</h2>
    <table><tr><th>Measure</th><th>Source</th></tr>
    <tr><td><b>Agency spend</b></td><td><a href="/data">Open data</a></td></tr></table>
    <p>We cut agency spend by a fifth</p>
    <p>Our consultants now work only on projects the cabinet has agreed.</p>
    </main></body></html>"""
    assert [(b.kind, b.text) for b in extract_html(page).blocks] == [
        ("heading", "Our figures"),
        ("table", "Measure | Source\nAgency spend | Open data"),
        ("paragraph", "We cut agency spend by a fifth"),
        ("paragraph", "Our consultants now work only on projects the cabinet has agreed."),
    ]


def test_a_word_document_saved_as_a_web_page_takes_its_title_from_the_title_style():
    page = (
        b"<html><head><meta charset=windows-1252></head><body>\r\n<p class=MsoTitle>Our productivity\r\nplan</p>\r\n"
        b"<p class=MsoNormal><b><span>Foreword</span></b></p>\r\n<p class=MsoNormal>We kept this plan short.</p>"
        b"</body></html>"
    )
    extracted = extract_html(page)
    assert extracted.title == "Our productivity plan"
    assert [(b.kind, b.text) for b in extracted.blocks] == [
        ("heading", "Our productivity plan"),
        ("heading", "Foreword"),
        ("paragraph", "We kept this plan short."),
    ]


def test_a_page_title_wrapped_in_the_source_is_one_line():
    page = b"<html><head><title>Our productivity\n  plan - Anytown Council</title></head><body><p>Text.</p></body>"
    assert extract_html(page).title == "Our productivity plan"


def test_text_in_windows_1252_is_read():
    assert extract_text("Spend of £5m – agreed.".encode("cp1252")).blocks[0].text == "Spend of £5m – agreed."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_text_and_web_pages_saved_as_utf_16_or_32_are_read(encoding):
    """Windows editors save "Unicode" text as UTF-16 with a byte order mark; every other byte of English is zero,
    which once made such a file look binary and refused."""
    mark = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    text = "Theme 3: Reducing wasteful spend\r\nAgency spend fell to £1.2m – 0.4% of the pay budget.\r\n"
    data = mark + text.encode(encoding)
    check_kind("text", data)
    assert [(b.kind, b.text) for b in extract_text(data).blocks] == [
        ("heading", "Theme 3: Reducing wasteful spend"),
        ("paragraph", "Agency spend fell to £1.2m – 0.4% of the pay budget."),
    ]
    page = mark + "<html><body><h1>Our plan</h1><p>Agency spend fell.</p></body></html>".encode(encoding)
    check_kind("html", page)
    assert [b.text for b in extract_html(page).blocks] == ["Our plan", "Agency spend fell."]


@pytest.mark.parametrize("reader", [extract_text, extract_html])
def test_a_binary_file_that_starts_like_utf_16_is_still_refused(reader):
    data = b"\xff\xfe" + random.Random(12).randbytes(4000)
    with pytest.raises(ExtractionRefused, match="not readable text"):
        reader(data)


def test_binary_named_as_text_is_refused():
    with pytest.raises(ExtractionRefused):
        extract_text(bytes(range(1, 32)) * 50)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7", "pdf"),
        (b"PK\x03\x04rest", "docx"),
        (b"<!DOCTYPE html><p>", "html"),
        (b"Plain words", "text"),
        (b"\x00\x01\x02", None),
    ],
)
def test_files_are_recognised_by_their_content_not_their_name(data, kind):
    assert sniff(data) == kind


def test_an_empty_file_is_refused_whatever_its_name():
    for kind in ("pdf", "docx", "html", "text"):
        with pytest.raises(ExtractionRefused, match="empty"):
            check_kind(kind, b"")


# In this process, for files known to be safe: the same code the limited child runs.


def test_a_word_document_keeps_headings_lists_tables_and_its_page_breaks():
    import io

    import docx
    from docx.enum.text import WD_BREAK

    from analysis.reading.extract import extract

    document = docx.Document()
    document.core_properties.title = "Our plan"
    document.add_heading("Theme 1", level=1)
    document.add_paragraph("We merged three teams.")
    document.add_paragraph("First action", style="List Bullet")
    document.add_paragraph("Second action", style="List Bullet")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_heading("Theme 2", level=1)
    table = document.add_table(rows=2, cols=2)
    for row, values in zip(table.rows, [("Action", "Target"), ("Close depots", "3")], strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    out = io.BytesIO()
    document.save(out)
    extracted = extract("docx", out.getvalue())
    assert extracted.title == "Our plan" and extracted.page_count is None
    assert [(b.kind, b.text, b.page) for b in extracted.blocks] == [
        ("heading", "Theme 1", 1),
        ("paragraph", "We merged three teams.", 1),
        ("paragraph", "- First action", 1),
        ("paragraph", "- Second action", 1),
        ("heading", "Theme 2", 2),
        ("table", "Action | Target\nClose depots | 3", 2),
    ]


def _word_xml(document, xml: str):
    """An element of a Word document's body written as WordprocessingML (namespaces declared here)."""
    from docx.oxml import parse_xml

    return parse_xml(
        '<w:root xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml">' + xml + "</w:root>"
    )[0]


def test_a_word_report_template_with_content_controls_tracked_changes_and_a_text_box_is_read_whole():
    """Council report templates are built of content controls; drafts carry tracked changes; key figures sit in text
    boxes. Each is read as Word shows it with the changes accepted; a table of contents is not a passage."""
    import io

    import docx

    from analysis.reading.extract import extract

    document = docx.Document()
    document.add_heading("Productivity plan 2024", level=0)
    body = document.element.body
    parts = [
        # a table of contents, in its own content control
        '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>'
        "<w:sdtContent><w:p><w:r><w:t>Contents</w:t></w:r></w:p><w:p><w:r><w:t>1. Transforming services 2</w:t>"
        "</w:r></w:p></w:sdtContent></w:sdt>",
        # the report's summary, in a content control of the template
        '<w:sdt><w:sdtPr><w:alias w:val="Summary"/></w:sdtPr><w:sdtContent>'
        "<w:p><w:r><w:t>We merged three contact centres into one.</w:t></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Measure</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2023-24</w:t></w:r>"
        "</w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:sdt><w:sdtContent><w:r><w:t>Agency share</w:t></w:r></w:sdtContent>"
        "</w:sdt></w:p></w:tc><w:tc><w:p><w:r><w:t>2.1%</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "</w:sdtContent></w:sdt>",
        # a tracked insertion and a tracked deletion
        '<w:p><w:r><w:t xml:space="preserve">Consultants cost </w:t></w:r><w:ins w:id="1" w:author="A"><w:r>'
        '<w:t>0.4% of the pay budget</w:t></w:r></w:ins><w:del w:id="2" w:author="A"><w:r><w:delText> and more'
        '</w:delText></w:r></w:del><w:r><w:t xml:space="preserve"> last year.</w:t></w:r></w:p>',
        # a text box anchored in a paragraph, kept twice in the file (the drawing and its older copy)
        '<w:p><w:r><w:t>Our savings are set out below.</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps">'
        "<w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Key figure: £4.2m saved since 2022.</w:t></w:r></w:p>"
        "</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p>"
        "<w:r><w:t>Key figure: £4.2m saved since 2022.</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r></w:p>",
    ]
    section = body[-1]
    for xml in parts:
        section.addprevious(_word_xml(document, xml))
    out = io.BytesIO()
    document.save(out)
    extracted = extract("docx", out.getvalue())
    assert [(b.kind, b.text) for b in extracted.blocks] == [
        ("heading", "Productivity plan 2024"),
        ("paragraph", "We merged three contact centres into one."),
        ("table", "Measure | 2023-24\nAgency share | 2.1%"),
        ("paragraph", "Consultants cost 0.4% of the pay budget last year."),
        ("paragraph", "Our savings are set out below."),
        ("paragraph", "Key figure: £4.2m saved since 2022."),
    ]


def test_word_headings_in_a_templates_own_styles_or_typed_in_bold_are_headings():
    """Council templates name their own heading styles ("Report Heading 1"), set with an outline level or based on
    a Heading style; many plans are typed with headings in bold body text. A bold sentence or list item is not one."""
    import io

    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from analysis.reading.extract import extract

    document = docx.Document()
    with_level = document.styles.add_style("Report Heading 1", WD_STYLE_TYPE.PARAGRAPH)
    level = OxmlElement("w:outlineLvl")
    level.set(qn("w:val"), "0")
    with_level.element.get_or_add_pPr().append(level)
    based = document.styles.add_style("Cabinet Subhead", WD_STYLE_TYPE.PARAGRAPH)
    based.base_style = document.styles["Heading 2"]
    document.add_paragraph("Transforming our services", style="Report Heading 1")
    document.add_paragraph("We merged three contact centres into one.")
    document.add_paragraph("Customer contact", style="Cabinet Subhead")
    document.add_paragraph().add_run("Reducing wasteful spend").bold = True
    document.add_paragraph().add_run("Agency staff cost 2.1% of the pay budget.").bold = True
    document.add_paragraph(style="List Bullet").add_run("Fewer agency staff").bold = True
    mixed = document.add_paragraph()
    mixed.add_run("Savings").bold = True
    mixed.add_run(" of £2m")
    out = io.BytesIO()
    document.save(out)
    assert [(b.kind, b.text) for b in extract("docx", out.getvalue()).blocks] == [
        ("heading", "Transforming our services"),
        ("paragraph", "We merged three contact centres into one."),
        ("heading", "Customer contact"),
        ("heading", "Reducing wasteful spend"),
        ("paragraph", "Agency staff cost 2.1% of the pay budget."),
        ("paragraph", "- Fewer agency staff"),
        ("paragraph", "Savings of £2m"),
    ]


def test_a_zip_that_is_not_a_word_document_is_refused():
    import io
    import zipfile

    from analysis.reading.extract import extract

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("photo.jpg", b"not a plan")
    with pytest.raises(ExtractionRefused, match="not a Word document"):
        extract("docx", out.getvalue())


def test_a_pdf_read_in_this_process_gives_its_pages_and_refuses_encryption():
    from analysis.reading.extract import extract
    from tests.unit.test_analysis_sandbox import encrypted_pdf, text_pdf

    extracted = extract("pdf", text_pdf(["Theme 3: reducing wasteful spend", "", "Agency staff cost 1%."]))
    assert extracted.page_count == 1 and extracted.title == "Theme 3: reducing wasteful spend"
    with pytest.raises(ExtractionRefused, match="encrypted"):
        extract("pdf", encrypted_pdf())
    with pytest.raises(ExtractionRefused, match="damaged"):
        extract("pdf", b"%PDF-1.4 nothing else")
    with pytest.raises(ExtractionRefused, match="Only PDF"):
        extract("pages", b"x")


def _word_file(paragraphs: list[str], app_xml: bytes | None) -> bytes:
    """A Word document with the given paragraphs, its docProps/app.xml replaced (as Word writes it
    when it saves) or left as the generating library wrote it."""
    import io
    import zipfile

    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    if app_xml is None:
        return out.getvalue()
    rewritten = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as source, zipfile.ZipFile(rewritten, "w") as target:
        for item in source.infolist():
            target.writestr(item, app_xml if item.filename == "docProps/app.xml" else source.read(item.filename))
    return rewritten.getvalue()


def app_properties(pages: int, words: int) -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/extended-properties"><Template>Normal.dotm</Template><Pages>%d</Pages><Words>%d</Words>'
        b"<Application>Microsoft Office Word</Application></Properties>" % (pages, words)
    )


PROSE = ["We merged three customer contact teams into one service.", "Agency staff cost 1.2% of the staff budget."]


def test_a_word_document_saved_by_word_gives_the_page_count_word_stored():
    from analysis.reading.extract import extract

    words = sum(len(text.split()) for text in PROSE)
    extracted = extract("docx", _word_file(PROSE, app_properties(pages=6, words=words)))
    assert extracted.page_count == 6, "over the four-page limit, so the guidance check can say so"
    assert {block.page for block in extracted.blocks} == {None}, "where each passage falls is still not known"


def test_a_page_count_left_stale_by_other_software_or_later_edits_is_not_believed():
    from analysis.reading.extract import extract

    assert extract("docx", _word_file(PROSE, None)).page_count is None, "python-docx's template says 1 page, 0 words"
    stale = _word_file(PROSE, app_properties(pages=2, words=400))
    assert extract("docx", stale).page_count is None, "400 words stored against 17 in the text: edited since"


def spaced_pdf(lines: list[tuple[int, str]]) -> bytes:
    """A one-page PDF of (space above in points, line) pairs, as a designed plan sets its paragraphs:
    no blank line between them, only more space."""
    from tests.unit.test_analysis_sandbox import one_page_pdf

    moves = " ".join(f"0 {-space} Td ({text}) Tj" for space, text in lines)
    return one_page_pdf(f"BT /F1 10 Tf 72 760 Td {moves} ET")


def test_pdf_paragraphs_set_apart_only_by_space_are_separate_passages():
    """Every line is full width and the paragraphs' last lines end with a full stop at the margin, so
    only the wider space between lines tells where one paragraph ends and the next begins."""
    from analysis.reading.extract import extract

    first = [
        "Our adult social care service now offers reablement to everyone who leaves hospital and needs",
        "support, and most of the people who receive it need no further long-term care from the council.",
    ]
    second = [
        "Planning fees set nationally do not cover the cost of the service, so we ask the government to let",
        "councils set their own fees to recover their costs, which would remove a subsidy of the service.",
    ]
    data = spaced_pdf([(0, first[0]), (13, first[1]), (22, second[0]), (13, second[1])])

    paragraphs = [block.text for block in extract("pdf", data).blocks]
    assert paragraphs == [" ".join(first), " ".join(second)], "two passages, each whole, so each is tagged alone"


def test_running_headers_and_footers_of_a_pdf_are_not_passages():
    from weasyprint import HTML

    from analysis.reading.extract import extract

    margin_boxes = (
        "@page { size: A4; margin: 2.5cm; "
        "@top-center { content: 'Testshire Council: productivity plan 2024' } "
        "@bottom-left { content: 'OFFICIAL' } "
        "@bottom-right { content: 'Page ' counter(page) ' of ' counter(pages) } }"
    )
    sections = "".join(
        f'<h2 style="break-before: page">Theme {n}</h2><p>Our work on theme {n} is described here in full.</p>'
        for n in (1, 2, 3)
    )
    html = (
        f'<!DOCTYPE html><html lang="en"><head><title>Plan</title><style>{margin_boxes} '
        "body { font-family: 'Liberation Sans', sans-serif; } h1 { font-size: 18pt; }</style></head><body>"
        f"<h1>Testshire Council: productivity plan 2024</h1>{sections}</body></html>"
    )
    extracted = extract("pdf", HTML(string=html).write_pdf())

    texts = [block.text for block in extracted.blocks]
    assert not any("OFFICIAL" in text or "Page " in text for text in texts), "footers on every page are furniture"
    assert texts.count("Testshire Council: productivity plan 2024") == 1, "the title stays; the running header goes"
    assert [b.text for b in extracted.blocks if b.kind == "heading"][1:] == ["Theme 1", "Theme 2", "Theme 3"]
    assert [b.page for b in extracted.blocks if b.text.startswith("Our work on theme")] == [2, 3, 4]


def test_a_paragraph_that_a_plan_repeats_at_the_top_of_two_pages_is_kept_both_times():
    from weasyprint import HTML

    from analysis.reading.extract import extract

    repeated = "We will publish what each project saves, every quarter, on the council's website."
    pages = ["<h1>Our plan</h1>", f"<p>{repeated}</p>", f"<p>{repeated}</p>", "<p>The last page says more.</p>"]
    body = "".join(f'<section style="break-before: page">{page}</section>' for page in pages)
    html = (
        '<!DOCTYPE html><html lang="en"><head><title>Plan</title><style>'
        "@page { @top-center { content: 'Our council' } } body { font-family: 'Liberation Sans', sans-serif; }"
        f"</style></head><body>{body}</body></html>"
    )
    texts = [block.text for block in extract("pdf", HTML(string=html).write_pdf()).blocks]

    assert texts.count(repeated) == 2, "the plan's own words, though in the same place on two pages"
    assert "Our council" not in texts, "the header on every page is furniture"


TWO_COLUMNS = """<!DOCTYPE html><html lang="en"><head><title>Our plan</title><style>
@page {{ size: A4; margin: 16mm }}
body {{ font-family: sans-serif; font-size: 9.5pt; column-count: 2; column-gap: 9mm }}
h1 {{ column-span: all; font-size: 17pt }}
</style></head><body>
<h1>Fire and Rescue Service Productivity and Efficiency Plan for 2024</h1>
<h2>Theme 2: Using technology and data</h2>
<p>Sensors in our fleet and in public bins tell crews which bins need emptying, so rounds are planned
around need rather than a fixed timetable.</p>
<h2>Theme 4: Barriers the government could help remove</h2>
<p>Small ring-fenced grants each come with their own monitoring return, and we would like these pots rolled
into a single flexible allocation.</p>
<ul>{items}</ul>
</body></html>"""
ITEMS = [
    "The waste rounds were redesigned around demand, which reduced the number of vehicles on the road.",
    "We are reviewing every service against a simple test: is it statutory, and is it valued by residents?",
]


def test_a_heading_wrapped_over_two_lines_of_a_pdf_column_is_one_heading_and_each_list_item_a_passage():
    from analysis.reading.extract import extract
    from core.pdf import render_pdf

    items = "".join(f"<li>{item}</li>" for item in ITEMS)
    extracted = extract("pdf", render_pdf(TWO_COLUMNS.format(items=items)).pdf)
    assert [(b.kind, b.text) for b in extracted.blocks if b.kind == "heading"] == [
        ("heading", "Fire and Rescue Service Productivity and Efficiency Plan for 2024"),
        ("heading", "Theme 2: Using technology and data"),
        ("heading", "Theme 4: Barriers the government could help remove"),
    ]
    paragraphs = [b.text for b in extracted.blocks if b.kind == "paragraph"]
    assert paragraphs[-2:] == [f"• {item}" for item in ITEMS]
    assert len(paragraphs) == 4 and "•" not in paragraphs


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("  Our plan for 2024  ", "Our plan for 2024"),
        ("Our\tplan  for\u00a02024", "Our plan for 2024"),
        ("Our \u00a0 plan", "Our plan"),
        ("line one\nline two", "line one\nline two"),  # line breaks are the splitter's, not clean's
        ("", ""),
    ],
)
def test_clean_makes_each_run_of_spaces_tabs_and_no_break_spaces_one_space(raw, cleaned):
    assert clean(raw) == cleaned


def test_a_paragraph_set_wholly_in_title_sized_type_is_a_heading_and_the_title():
    """As an office suite saves a document's title in a web page: `<font size="6">` or a style's font size of 20
    points or more. Large type on part of a paragraph, or on a sentence, is no heading."""
    page = (
        '<html><head><title>Untitled</title></head><body><p style="margin-bottom: 0.2in"><font size="6" '
        'style="font-size: 26pt">Productivity plan 2024</font></p>'
        "<h2>Foreword</h2><p>We have kept this plan short.</p>"
        '<p style="font-size: 28px">Our barriers</p>'
        '<p><span style="font-size: 22pt">Agency staff</span> cost us 3% of the pay budget.</p>'
        '<p style="font-size:24pt">We have saved £3m this year and will save more.</p>'
        '<p><span style="font-size: 12pt">Small print</span></p><h1>Digital and data</h1></body></html>'
    )
    read = extract("html", page.encode())
    assert read.title == "Productivity plan 2024"
    assert [(b.kind, b.text) for b in read.blocks] == [
        ("heading", "Productivity plan 2024"),
        ("heading", "Foreword"),
        ("paragraph", "We have kept this plan short."),
        ("heading", "Our barriers"),  # 28 pixels: 21 points
        ("paragraph", "Agency staff cost us 3% of the pay budget."),
        ("paragraph", "We have saved £3m this year and will save more."),
        ("paragraph", "Small print"),
        ("heading", "Digital and data"),
    ]


def test_a_documents_blocks_are_sent_with_every_field_of_a_block():
    from dataclasses import asdict, fields

    from analysis.reading.extract import Block, Extracted

    blocks = [Block("heading", "Our plan", 1), Block("paragraph", "We share one service.", None)]
    sent = Extracted(kind="pdf", page_count=1, title="Our plan", blocks=blocks).as_dict()["blocks"]
    assert sent == [asdict(b) for b in blocks] and set(sent[0]) == {f.name for f in fields(Block)}
