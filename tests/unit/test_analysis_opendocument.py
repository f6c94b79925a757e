"""OpenDocument text files (.odt) are read as a person reads them, and a bad one is refused with its reason
(core/opendocument.py, through analysis.reading.extract)."""

import io
import re
import time
import zipfile
from pathlib import Path

import pytest

from analysis.reading.extract import Block, ExtractionRefused, check_kind, extract, sniff

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3"'
)
ODT = "application/vnd.oasis.opendocument.text"

# A plan as LibreOffice saves one after a few rounds of review: a table of contents, tracked changes, a footnote,
# a comment, a section, a text box, lists, a table, its own heading style, a line typed in bold as a heading, and
# the page breaks it recorded.
PLAN_BODY = """
<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>
<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info>
  <dc:creator>Policy officer</dc:creator></office:change-info><text:p>Agency staff cost us nothing.</text:p>
</text:deletion></text:changed-region></text:tracked-changes>
<text:table-of-content text:name="Contents"><text:index-body><text:index-title><text:p>Contents</text:p>
  </text:index-title><text:p>Transforming our services<text:tab/>2</text:p></text:index-body></text:table-of-content>
<text:h text:outline-level="1">Our productivity plan</text:h>
<text:p text:style-name="Text_20_body">We<text:s text:c="2"/>have <text:span text:style-name="T1">cut</text:span>
 agency spend to 3.5% of our pay budget<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>
 <text:note-body><text:p>Source: outturn 2023/24.</text:p></text:note-body></text:note>.<text:change
 text:change-id="ct1"/><office:annotation><dc:creator>Reviewer</dc:creator><text:p>Check this figure</text:p>
 </office:annotation></text:p>
<text:p text:style-name="P1">Transforming our services</text:p>
<text:list><text:list-item><text:p>Customer contact moved online</text:p></text:list-item>
 <text:list-item><text:p>A shared legal service<text:line-break/>with two neighbours</text:p>
  <text:list><text:list-item><text:p>Procurement joined up too</text:p></text:list-item></text:list></text:list-item>
</text:list>
<text:soft-page-break/>
<text:p><text:span text:style-name="T1">Barriers we face</text:span></text:p>
<text:p><text:span text:style-name="T1">We cannot plan beyond one year.</text:span></text:p>
<text:section text:name="Barriers"><text:p>Short-term funding settlements stop us planning.<draw:frame
 draw:name="Box"><draw:text-box><text:p>Ask: a three-year settlement.</text:p></draw:text-box></draw:frame></text:p>
</text:section>
<table:table table:name="Spend"><table:table-column table:number-columns-repeated="2"/>
 <table:table-header-rows><table:table-row><table:table-cell><text:p>Measure</text:p></table:table-cell>
  <table:table-cell><text:p>2023/24</text:p></table:table-cell></table:table-row></table:table-header-rows>
 <table:table-row><table:table-cell><text:p>Agency staff</text:p></table:table-cell>
  <table:table-cell><text:p>£2.1m</text:p></table:table-cell></table:table-row>
 <table:table-row><table:table-cell table:number-columns-repeated="2"/></table:table-row>
</table:table>
<text:p text:style-name="P2">Appendix: how we measure progress.</text:p>
"""
AUTOMATIC_STYLES = """
<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Report_20_Heading"/>
<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Text_20_body">
 <style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
"""
STYLES = f"""<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NAMESPACES}><office:styles>
<style:style style:name="Heading" style:family="paragraph"/>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"
 style:parent-style-name="Heading" style:default-outline-level="2"/>
<style:style style:name="Report_20_Heading" style:display-name="Report Heading" style:family="paragraph"
 style:parent-style-name="Heading_20_2"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph"/>
</office:styles></office:document-styles>"""


def content(body: str = PLAN_BODY, automatic: str = AUTOMATIC_STYLES) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES}>'
        f"<office:automatic-styles>{automatic}</office:automatic-styles>"
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )


def meta(pages: int | None = None, words: int | None = None, title: str = "Productivity plan 2024") -> str:
    statistic = f'<meta:document-statistic meta:page-count="{pages}" meta:word-count="{words}"/>' if pages else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {NAMESPACES}><office:meta>'
        f"<dc:title>{title}</dc:title>{statistic}</office:meta></office:document-meta>"
    )


def odt(*, parts: dict | None = None, mimetype: str = ODT, manifest: str = "") -> bytes:
    """An .odt as office suites write one: "mimetype" first and stored, then the parts."""
    parts = {"content.xml": content(), "styles.xml": STYLES, "meta.xml": meta()} if parts is None else parts
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype)
        for name, text in parts.items():
            archive.writestr(name, text, zipfile.ZIP_DEFLATED)
        archive.writestr(
            "META-INF/manifest.xml",
            manifest or '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
        )
    return out.getvalue()


def test_a_plan_saved_by_an_office_suite_is_read_as_its_reader_sees_it():
    data = odt()
    assert sniff(data) == "odt"
    read = extract("odt", data)
    assert read.kind == "odt" and read.title == "Productivity plan 2024"
    assert read.blocks == [
        Block("heading", "Our productivity plan", 1),
        # two spaces written as text:s, the bold span kept, the footnote, the comment and the deletion left out
        Block("paragraph", "We have cut agency spend to 3.5% of our pay budget.", 1),
        Block("heading", "Transforming our services", 1),  # in a style based on one based on "Heading 2"
        Block("paragraph", "- Customer contact moved online", 1),
        Block("paragraph", "- A shared legal service\nwith two neighbours", 1),
        Block("paragraph", "- Procurement joined up too", 1),
        Block("heading", "Barriers we face", 2),  # typed in bold, short, no full stop; after the recorded break
        Block("paragraph", "We cannot plan beyond one year.", 2),  # bold, but a sentence
        Block("paragraph", "Short-term funding settlements stop us planning.", 2),
        Block("paragraph", "Ask: a three-year settlement.", 2),  # the text box, after the paragraph it sits in
        Block("table", "Measure | 2023/24\nAgency staff | £2.1m", 2),  # the empty row is no line
        Block("paragraph", "Appendix: how we measure progress.", 3),  # its style starts a new page
    ]
    words = " ".join(block.text for block in read.blocks)
    for left_out in ("Contents", "nothing", "Source: outturn", "Check this figure", "Policy officer"):
        assert left_out not in words


def test_the_stored_page_count_is_trusted_only_when_the_stored_word_count_matches_the_text():
    assert extract("odt", odt(parts={"content.xml": content(), "meta.xml": meta(3, 64)})).page_count == 3
    assert extract("odt", odt(parts={"content.xml": content(), "meta.xml": meta(9, 900)})).page_count is None


def test_a_document_with_no_recorded_page_break_has_no_page_numbers_unless_it_is_one_page():
    body = "<text:h text:outline-level='1'>Barriers</text:h><text:p>Short-term funding stops us planning.</text:p>"
    unknown = extract("odt", odt(parts={"content.xml": content(body), "meta.xml": meta()}))
    assert [block.page for block in unknown.blocks] == [None, None]
    one_page = extract("odt", odt(parts={"content.xml": content(body), "meta.xml": meta(1, 6)}))
    assert one_page.page_count == 1 and [block.page for block in one_page.blocks] == [1, 1]


def test_an_odt_without_styles_or_meta_is_still_read():
    read = extract("odt", odt(parts={"content.xml": content()}))
    assert read.title == "Our productivity plan"  # from its first heading
    assert Block("paragraph", "Transforming our services", 1) in read.blocks  # its heading style is not known


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("spreadsheet", "an OpenDocument spreadsheet (.ods), not a text document"),
        ("encrypted", "encrypted"),
        ("word-named-odt", "is a Word document"),
        ("plain-zip", "not an OpenDocument text file"),
        ("broken-xml", "damaged"),
        ("no-text-body", "holds no text document"),
        ("pdf-named-odt", "named as an OpenDocument text file (.odt) but is not one"),
        ("zip-bomb", "zip bomb"),
        ("too-big", "expands to 80 MB when opened"),
        ("bad-zip", "damaged"),
    ],
)
def test_a_file_that_is_not_a_readable_odt_is_refused_with_its_reason(case, message):
    """Each is refused before anything is read from it; the message can be shown to the analyst as it is."""
    data = {
        "spreadsheet": lambda: odt(mimetype="application/vnd.oasis.opendocument.spreadsheet"),
        "encrypted": lambda: odt(
            manifest='<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/>'
            "</manifest:file-entry></manifest:manifest>"
        ),
        "word-named-odt": lambda: odt(mimetype="", parts={"word/document.xml": "<w:document/>"}),
        "plain-zip": lambda: odt(mimetype="", parts={"notes.txt": "hello"}),
        "broken-xml": lambda: odt(parts={"content.xml": content()[:-40]}),
        "no-text-body": lambda: odt(parts={"content.xml": f"<office:document-content {NAMESPACES}/>"}),
        "pdf-named-odt": lambda: b"%PDF-1.7\n" + b"0" * 100,
        "zip-bomb": lambda: odt(parts={"content.xml": " " * (20 * 1024 * 1024)}),
        "too-big": lambda: odt(parts={"content.xml": " " * (80 * 1024 * 1024)}),
        "bad-zip": lambda: odt()[:200],
    }[case]()
    with pytest.raises(ExtractionRefused, match=re.escape(message)):
        check_kind("odt", data)
        extract("odt", data)


def test_a_word_document_named_docx_that_is_an_odt_says_what_it_is():
    with pytest.raises(ExtractionRefused, match=r"It is an OpenDocument text file: name it \.odt"):
        check_kind("docx", odt())


def test_entities_in_the_xml_are_never_expanded():
    """An entity is never replaced by its text; the "billion laughs" (an entity of ten of the one before, nine deep)
    is refused at once as the damaged file it is."""
    declared = '<?xml version="1.0"?><!DOCTYPE office:document-content [<!ENTITY council "Dorset Council">]>'
    body = "<text:h>Barriers</text:h><text:p>&council; funding is short-term.</text:p>"
    read = extract("odt", odt(parts={"content.xml": declared + content(body).split("?>", 1)[1]}))
    assert read.blocks == [Block("heading", "Barriers", None), Block("paragraph", "funding is short-term.", None)]

    definitions = '<!ENTITY lol0 "lol">' + "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE office:document-content [{definitions}]>'
        + content("<text:h>Barriers</text:h><text:p>&lol9;</text:p>").split("?>", 1)[1]
    )
    started = time.monotonic()
    with pytest.raises(ExtractionRefused, match="damaged"):
        extract("odt", odt(parts={"content.xml": bomb}))
    assert time.monotonic() - started < 5


def test_a_plan_saved_by_libreoffice_reads_as_the_word_file_it_was_saved_from():
    """`files/dorset-plan-saved-by-libreoffice.odt` is the demo's Word plan for Dorset (seed 7), opened and saved as
    .odt by LibreOffice Writer 7.4: the same passages as the Word file, and the pages LibreOffice laid out."""
    from devdata.analysis_demo import docx_bytes, generate_plan

    saved = extract("odt", (Path(__file__).parent / "files" / "dorset-plan-saved-by-libreoffice.odt").read_bytes())
    word = extract("docx", docx_bytes(generate_plan("Dorset", 7, long=True)))
    assert [(b.kind, b.text) for b in saved.blocks] == [(b.kind, b.text) for b in word.blocks]
    assert saved.title == word.title == "Dorset productivity plan 2024"
    assert saved.page_count == 2 and [b.page for b in saved.blocks] == sorted(b.page for b in saved.blocks)
    assert {b.page for b in saved.blocks} == {1, 2}


def test_a_table_starts_on_the_page_of_its_first_row_and_a_break_between_rows_counts_after_it():
    row = "<table:table-row><table:table-cell><text:p>{}</text:p></table:table-cell></table:table-row>"
    body = (
        "<text:p>Our spend on temporary staff.</text:p>"
        f"<table:table><text:soft-page-break/>{row.format('Agency staff')}<text:soft-page-break/>"
        f"{row.format('Consultants')}</table:table>"
        "<text:p>Short-term funding stops us planning.</text:p>"
    )
    read = extract("odt", odt(parts={"content.xml": content(body)}))
    assert read.blocks == [
        Block("paragraph", "Our spend on temporary staff.", 1),
        Block("table", "Agency staff\nConsultants", 2),  # LibreOffice records the break before the row it moves
        Block("paragraph", "Short-term funding stops us planning.", 3),
    ]
