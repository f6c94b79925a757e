"""An OpenDocument text file (.odt, as LibreOffice and other office suites save by default) read as a person reads it.

OpenDocument is the UK government's open standard for documents to be shared and edited, so councils publish plans in
it as well as in Word. The file is a zip archive: the text in `content.xml`, the named styles in `styles.xml`, the
title and the page and word counts in `meta.xml`. `read_odt(archive, ...)` answers the passages in reading order, each
with its kind (heading, paragraph or table), and the title and stored counts:

- a heading is a `text:h`, or a paragraph in a heading or title style (one based on a "Heading" style, or with an
  outline level, counts too), or a short line typed wholly in bold that reads as a heading;
- each list item is a passage of its own, marked as an item ("- ..."); a table is one passage, a row a line, its
  cells joined by " | ";
- sections are read through; a table of contents or other index, comments, footnotes and endnotes are no passage;
- tracked changes are read accepted: inserted text stays, deleted text (kept apart in `text:tracked-changes`) does
  not; a text box's paragraphs follow the paragraph they are anchored in, each a passage;
- pages are counted from the page breaks the office suite recorded when it saved (`text:soft-page-break`, and
  paragraphs whose style starts a new page); the page count is the one stored in `meta.xml`, trusted only when the
  word count stored beside it matches the text.

The XML is parsed without entities, DTDs or the network; the archive has been checked by `core.sandbox.check_zip`
before. Used by the analysis reader (`analysis.reading.extract.extract_odt`) and by a council's draft import
(`plans.docx_import.read_draft`), as `core.word_text` is for Word files. Pure functions, no Django: runs inside the
limited child.
"""

import re
import zipfile
from dataclasses import dataclass, field

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
OTHER_OPENDOCUMENTS = {
    b"application/vnd.oasis.opendocument.spreadsheet": "an OpenDocument spreadsheet (.ods)",
    b"application/vnd.oasis.opendocument.presentation": "an OpenDocument presentation (.odp)",
    b"application/vnd.oasis.opendocument.graphics": "an OpenDocument drawing (.odg)",
}
MAX_PART = 60 * 1024 * 1024  # bytes of one part read (the archive check has bounded the whole already)

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
DC = "http://purl.org/dc/elements/1.1/"
MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"


def _tag(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


# Parts of the body that are not the document's own running text.
NOT_TEXT = {
    _tag(TEXT, name)
    for name in (
        "tracked-changes",  # what was deleted (and who changed what), kept apart from the text
        "table-of-content",
        "illustration-index",
        "table-index",
        "object-index",
        "user-index",
        "alphabetical-index",
        "bibliography",
        "note",  # a footnote or endnote: its mark and its text, read at the foot of the page, not in the sentence
        "sequence-decls",
        "variable-decls",
        "user-field-decls",
    )
} | {_tag(OFFICE, "annotation"), _tag(OFFICE, "annotation-end"), _tag(OFFICE, "forms")}
PARAGRAPHS = {_tag(TEXT, "p"), _tag(TEXT, "h")}
INLINE_PARENTS = PARAGRAPHS | {_tag(TEXT, "span"), _tag(TEXT, "a")}  # a page break in running text
# Line breaks and runs of spaces in the XML are one space, as in HTML; the text's own tabs, line breaks and runs of
# spaces are elements (text:tab, text:line-break, text:s).
WHITE_SPACE = re.compile(r"[ \t\r\n]+")
HEADING_STYLE = re.compile(r"^(heading|title|subtitle)\b", re.I)  # "Heading 1", "Heading_20_1", "Title"


class OpenDocumentRefused(Exception):
    """The file is not an OpenDocument text file that can be read; the message says why in plain words."""


@dataclass
class Style:
    parent: str | None = None
    display: str = ""
    outline_level: bool = False
    bold: bool | None = None  # None: as its parent is
    page_break_before: bool = False


@dataclass
class OpenDocument:
    title: str
    page_count: int | None  # stored by the office suite; None unless its word count matches the text
    stored_words: int | None
    blocks: list[tuple[str, str, int]] = field(default_factory=list)  # (kind, text, page), in reading order
    pages_recorded: bool = False  # whether any page break was recorded: without one, the pages are not known


def _parser():
    from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type information

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _part(archive: zipfile.ZipFile, name: str):
    """A part of the archive parsed, or None when it is not there."""
    from lxml import etree

    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART:
        raise OpenDocumentRefused("The OpenDocument file holds far more text than a plan; it was not imported.")
    try:
        return etree.fromstring(archive.read(info), _parser())
    except etree.XMLSyntaxError as error:
        raise OpenDocumentRefused("The OpenDocument file is damaged and could not be read.") from error


def check_archive(archive: zipfile.ZipFile) -> None:
    """Refuse an archive that is not an OpenDocument text file, or one whose text is encrypted."""
    names = set(archive.namelist())
    mimetype = archive.read("mimetype")[:200].strip() if "mimetype" in names else b""
    if mimetype in OTHER_OPENDOCUMENTS:
        raise OpenDocumentRefused(
            f"The file is {OTHER_OPENDOCUMENTS[mimetype]}, not a text document. Save the plan as .odt, .docx or PDF."
        )
    if "word/document.xml" in names:
        raise OpenDocumentRefused("The file is named as an OpenDocument text file (.odt) but is a Word document.")
    if mimetype != ODT_MIMETYPE or "content.xml" not in names:
        raise OpenDocumentRefused("The file is a zip archive but not an OpenDocument text file (.odt).")
    manifest = archive.read("META-INF/manifest.xml")[:MAX_PART] if "META-INF/manifest.xml" in names else b""
    if b"encryption-data" in manifest or any(info.flag_bits & 0x1 for info in archive.infolist()):
        raise OpenDocumentRefused("The OpenDocument file is encrypted, so its text cannot be read.")


def _styles(*roots) -> dict[str, Style]:
    """Every paragraph and text style the document names (its own and the automatic ones of the content)."""
    found: dict[str, Style] = {}
    for root in roots:
        if root is None:
            continue
        for element in root.iter(_tag(STYLE, "style")):
            name = element.get(_tag(STYLE, "name"))
            if not name:
                continue
            text_properties = element.find(_tag(STYLE, "text-properties"))
            paragraph_properties = element.find(_tag(STYLE, "paragraph-properties"))
            weight = None if text_properties is None else text_properties.get(_tag(FO, "font-weight"))
            found[name] = Style(
                parent=element.get(_tag(STYLE, "parent-style-name")),
                display=element.get(_tag(STYLE, "display-name")) or name.replace("_20_", " "),
                outline_level=bool(element.get(_tag(STYLE, "default-outline-level"))),
                bold=None if weight is None else weight not in ("normal", "400", "300", "200", "100"),
                page_break_before=paragraph_properties is not None
                and paragraph_properties.get(_tag(FO, "break-before")) == "page",
            )
    return found


class _Reader:
    def __init__(self, styles: dict[str, Style], looks_like_heading, clean, max_characters: int):
        self.styles, self.looks_like_heading, self.clean = styles, looks_like_heading, clean
        self.max_characters, self.characters = max_characters, 0
        self.page, self.breaks = 1, 0
        self.blocks: list[tuple[str, str, int]] = []

    # --- styles

    def _chain(self, name: str | None):
        seen: set[str] = set()
        while name and name in self.styles and name not in seen:
            seen.add(name)
            yield self.styles[name]
            name = self.styles[name].parent

    def heading_style(self, name: str | None) -> bool:
        return any(style.outline_level or HEADING_STYLE.match(style.display) for style in self._chain(name))

    def bold(self, name: str | None) -> bool | None:
        return next((style.bold for style in self._chain(name) if style.bold is not None), None)

    # --- text

    def _text(self, element, bold: bool, pieces: list[tuple[str, bool]], boxes: list) -> None:
        """The running text of a paragraph (or span) into `pieces` as (text, set in bold), its text boxes into
        `boxes`, and its page breaks counted."""
        if element.text:
            pieces.append((WHITE_SPACE.sub(" ", element.text), bold))
        for child in element:
            tag = child.tag
            if isinstance(tag, str) and tag not in NOT_TEXT:
                if tag == _tag(TEXT, "s"):
                    pieces.append((" " * min(_int(child.get(_tag(TEXT, "c"))) or 1, 100), bold))
                elif tag == _tag(TEXT, "tab"):
                    pieces.append(("\t", bold))
                elif tag == _tag(TEXT, "line-break"):
                    pieces.append(("\n", bold))
                elif tag == _tag(TEXT, "soft-page-break"):
                    self._page_break()
                elif tag == _tag(DRAW, "frame"):
                    boxes.extend(child.iter(_tag(DRAW, "text-box")))
                elif tag == _tag(TEXT, "span"):
                    own = self.bold(child.get(_tag(TEXT, "style-name")))
                    self._text(child, bold if own is None else own, pieces, boxes)
                else:  # links, fields, bookmarks, change marks: their text, if any, is the paragraph's
                    self._text(child, bold, pieces, boxes)
            if child.tail:
                pieces.append((WHITE_SPACE.sub(" ", child.tail), bold))

    def _page_break(self) -> None:
        self.page += 1
        self.breaks += 1

    def _add(self, kind: str, text: str, page: int | None = None) -> None:
        self.characters += len(text)
        if self.characters > self.max_characters:
            raise OpenDocumentRefused("The OpenDocument file holds far more text than a plan; it was not imported.")
        self.blocks.append((kind, text, self.page if page is None else page))

    def paragraph(self, element, *, item: bool = False) -> None:
        style = element.get(_tag(TEXT, "style-name"))
        if any(s.page_break_before for s in self._chain(style)) and self.blocks:
            self._page_break()
        pieces: list[tuple[str, bool]] = []
        boxes: list = []
        self._text(element, bool(self.bold(style)), pieces, boxes)
        text = self.clean("".join(piece for piece, _bold in pieces))
        if text:
            typed_bold = all(bold for piece, bold in pieces if piece.strip())
            heading = element.tag == _tag(TEXT, "h") or self.heading_style(style)
            if heading or (not item and typed_bold and self.looks_like_heading(text)):
                self._add("heading", text)
            else:
                self._add("paragraph", f"- {text}" if item else text)
        for box in boxes:  # each paragraph of a text box anchored here, after the paragraph's own words
            self.container(box)

    def table(self, element) -> None:
        """One passage, on the page its first row is on: a page break recorded before the first row moves the table
        to the next page, and one between its rows counts after it."""
        rows: list[str] = []
        start, later_breaks = None, 0
        for item in element.iter(_tag(TABLE, "table-row"), _tag(TEXT, "soft-page-break")):
            if item.tag == _tag(TEXT, "soft-page-break"):
                if item.getparent().tag in INLINE_PARENTS:
                    continue  # in a cell's text: counted as it is read
                if start is None:
                    self._page_break()
                else:
                    later_breaks += 1
                continue
            if next(item.iterancestors(_tag(TABLE, "table")), None) is not element:
                continue  # a row of a table inside a cell: read as part of that cell
            start = self.page if start is None else start
            cells = [self.cell_text(cell) for cell in item if cell.tag == _tag(TABLE, "table-cell")]
            line = " | ".join(cells)
            if line.strip(" |"):
                rows.append(line)
        if rows:
            self._add("table", "\n".join(rows), page=start)
        for _break in range(later_breaks):
            self._page_break()

    def cell_text(self, cell) -> str:
        words = []
        for paragraph in cell.iter(_tag(TEXT, "p"), _tag(TEXT, "h")):
            if _under(paragraph, NOT_TEXT, cell):
                continue
            pieces: list[tuple[str, bool]] = []
            self._text(paragraph, False, pieces, [])
            words.append(self.clean("".join(piece for piece, _bold in pieces)))
        return self.clean(" ".join(word for word in words if word))

    def container(self, element, *, item: bool = False) -> None:
        """The body, a section, a list item, a text box: its paragraphs, lists and tables in order."""
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in NOT_TEXT:
                continue
            if tag in PARAGRAPHS:
                self.paragraph(child, item=item and tag == _tag(TEXT, "p"))
            elif tag == _tag(TABLE, "table"):
                self.table(child)
            elif tag == _tag(TEXT, "soft-page-break"):
                self._page_break()
            elif tag == _tag(TEXT, "list"):
                for entry in child:
                    if entry.tag in (_tag(TEXT, "list-item"), _tag(TEXT, "list-header")):
                        self.container(entry, item=True)
            else:  # sections, and anything else that holds paragraphs
                self.container(child, item=item)


def _under(element, tags: set[str], top) -> bool:
    """Whether one of `tags` holds `element` below `top`."""
    for ancestor in element.iterancestors():
        if ancestor is top:
            return False
        if ancestor.tag in tags:
            return True
    return False


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) <= 9 else None


def read_odt(archive: zipfile.ZipFile, *, looks_like_heading, clean, max_characters: int) -> OpenDocument:
    """The passages of a checked archive (see `check_archive`), with the title and stored counts."""
    check_archive(archive)
    content = _part(archive, "content.xml")
    body = None if content is None else content.find(f"{_tag(OFFICE, 'body')}/{_tag(OFFICE, 'text')}")
    if body is None:
        raise OpenDocumentRefused("The OpenDocument file holds no text document.")
    reader = _Reader(_styles(_part(archive, "styles.xml"), content), looks_like_heading, clean, max_characters)
    reader.container(body)
    meta = _part(archive, "meta.xml")
    title, pages, words = "", None, None
    if meta is not None:
        title = clean(meta.findtext(f".//{_tag(DC, 'title')}") or "")
        statistic = meta.find(f".//{_tag(META, 'document-statistic')}")
        if statistic is not None:
            pages, words = _int(statistic.get(_tag(META, "page-count"))), _int(statistic.get(_tag(META, "word-count")))
    return OpenDocument(title, pages, words, reader.blocks, pages_recorded=reader.breaks > 0)
