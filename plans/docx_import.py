"""Read a Word (.docx) or OpenDocument text (.odt) draft and sort its text into the return's sections by its headings.

Headings are matched to themes by number ("Theme 3", "3.", "(iii)") or by the theme's words;
text before the first recognised heading becomes the introduction. Tables are kept as Markdown
tables. Nothing is saved here: the caller shows a preview first. An upload is read through
`plans.uploads.read_docx_upload`, which runs `read_draft` in the limited child process (decision 0025).
A Word file is read with `core.word_text`, an OpenDocument file with `core.opendocument`, as the analysis reader
reads them.
"""

import io
import re
import zipfile
from dataclasses import dataclass, field

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from core import sandbox
from core.opendocument import OpenDocumentRefused, read_odt
from core.word_text import (
    all_bold,
    body_items,
    cell_text,
    heading_by_style,
    in_table_of_contents,
    paragraph_text,
    text_box_paragraphs,
)

MAX_DOCX_BYTES = 5 * 1024 * 1024
MAX_DOCX_UNCOMPRESSED = 60 * 1024 * 1024  # a Word draft may expand this far when opened, and no further
MAX_DOCX_RATIO = 150  # a part that expands more than this is a zip bomb, not a draft
MAX_DRAFT_CHARACTERS = 1_000_000  # a four-page plan is about 15,000; an OpenDocument file with far more is refused
NOT_A_DRAFT = "The file must be a Word document (.docx) or an OpenDocument text file (.odt)"
OPENDOCUMENT = b"application/vnd.oasis.opendocument"
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# Words that signal a theme when a heading carries no number.
THEME_WORDS = {
    1: ("transform", "resources"),
    2: ("technology", "data", "digital"),
    3: ("wasteful", "waste", "spend", "consultant", "agency"),
    4: ("barrier", "government can help", "obstacle"),
}
INTRO_WORDS = ("introduction", "context", "foreword", "summary", "overview")


class DocxImportError(ValueError):
    """The file cannot be read as a Word or OpenDocument draft; the message says why."""


@dataclass
class ImportedDraft:
    introduction: str = ""
    bodies: dict[int, str] = field(default_factory=dict)
    unmatched_headings: list[str] = field(default_factory=list)

    @property
    def themes_found(self) -> list[int]:
        return sorted(n for n, text in self.bodies.items() if text.strip())


def theme_for_heading(text: str, theme_titles: dict[int, str]) -> int | str | None:
    """The theme number a heading introduces, 'intro', or None."""
    heading = text.strip().lower()
    number = re.match(r"^(?:theme\s*)?\(?(\d|iv|iii|ii|i)\)?[.:)\s]", heading + " ")
    if number:
        value = number.group(1)
        theme = int(value) if value.isdigit() else ROMAN[value]
        if theme in theme_titles:
            return theme
    for theme, title in theme_titles.items():
        if title.lower() in heading:
            return theme
    if any(word in heading for word in INTRO_WORDS):
        return "intro"
    scores = {theme: sum(word in heading for word in words) for theme, words in THEME_WORDS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] else None


def _table_markdown(table: Table) -> str:
    return _markdown_table(
        [[cell_text(cell).strip().replace("|", "/").replace("\n", " ") for cell in row.cells] for row in table.rows]
    )


def _markdown_table(rows: list[list[str]]) -> str:
    """Rows of cells as a Markdown table, the first row its header; short rows padded."""
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines)


def _blocks(document):
    """Paragraphs and tables in document order, those in content controls included (core/word_text.py); a text box's
    paragraphs follow the paragraph it is anchored in."""
    for child in body_items(document.element.body):
        if child.tag.endswith("}tbl"):
            yield Table(child, document)
            continue
        yield Paragraph(child, document)
        for inner in text_box_paragraphs(child):
            yield Paragraph(inner, document)


def _typed_heading(paragraph: Paragraph, text: str) -> bool:
    """A heading typed in bold body text ("Theme 1: Transformation" in bold): short, not a sentence, all bold."""
    return _reads_as_heading(text) and all_bold(paragraph)


def read_draft(data: bytes, *, theme_titles: dict[int, str]) -> ImportedDraft:
    """Sort a .docx or .odt file's text into introduction and theme sections."""
    if len(data) > MAX_DOCX_BYTES:
        raise DocxImportError(f"The file must be smaller than {MAX_DOCX_BYTES // (1024 * 1024)} MB")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise DocxImportError(NOT_A_DRAFT)
    try:  # how far the archive expands, checked before anything opens it
        archive = sandbox.check_zip(
            data, what="The document", max_total=MAX_DOCX_UNCOMPRESSED, max_ratio=MAX_DOCX_RATIO
        )
    except sandbox.ArchiveRefused as refusal:
        raise DocxImportError(str(refusal)) from refusal
    with archive:
        # An office suite's OpenDocument file names its type first; `read_odt` refuses a spreadsheet or a Word file.
        if "mimetype" in archive.namelist() and archive.read("mimetype")[:200].startswith(OPENDOCUMENT):
            return _sorted(_odt_entries(archive), theme_titles)
    return _sorted(_docx_entries(data), theme_titles)


def _docx_entries(data: bytes) -> list[tuple[str, str]]:
    """A Word file's text as (kind, text) in reading order: "heading", "title", "text", "item" or "table"."""
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises several kinds for damaged files
        raise DocxImportError("The file could not be read as a Word document. It may be damaged.") from error
    entries = []
    for block in _blocks(document):
        if isinstance(block, Table):
            entries.append(("table", _table_markdown(block)))
            continue
        text = paragraph_text(block._p).strip()  # with tracked changes accepted, as Word shows it
        if not text:
            continue
        style = (block.style.name if block.style is not None else "").lower()
        if in_table_of_contents(style):
            continue
        if heading_by_style(block) or ("list" not in style and _typed_heading(block, text)):
            entries.append(("title" if style == "title" else "heading", text))
        else:
            entries.append(("item" if "list" in style else "text", text))
    return entries


def _odt_entries(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """An OpenDocument file's text as `_docx_entries` gives a Word file's, read by `core.opendocument` (lists, tables,
    text boxes, tracked changes accepted; contents pages, comments and notes left out)."""
    try:
        document = read_odt(
            archive, looks_like_heading=_reads_as_heading, clean=_clean, max_characters=MAX_DRAFT_CHARACTERS
        )
    except OpenDocumentRefused as refusal:
        raise DocxImportError(str(refusal)) from refusal
    entries = []
    for kind, text, _page in document.blocks:
        if kind == "heading":
            title = document.title and text.lower() == document.title.lower()
            entries.append(("title" if title else "heading", text))
        elif kind == "table":
            # `core.opendocument` writes a row as its cells joined by " | ".
            entries.append(("table", _markdown_table([line.split(" | ") for line in text.split("\n") if line])))
        elif text.startswith("- "):
            entries.append(("item", text[2:]))
        else:
            entries.append(("text", text))
    return entries


def _reads_as_heading(text: str) -> bool:
    """Short and not a sentence: the shape of a heading typed in bold body text."""
    return len(text) <= 120 and len(text.split()) <= 14 and not text.endswith((".", ";", ","))


def _clean(text: str) -> str:
    return re.sub(r"[^\S\n]+", " ", text).strip()


def _sorted(entries: list[tuple[str, str]], theme_titles: dict[int, str]) -> ImportedDraft:
    """The entries sorted under the heading each follows: a heading naming a theme starts its section; text before
    the first such heading is the introduction; any other heading stays in the text as a subheading."""
    result = ImportedDraft()
    chunks: dict = {"intro": []}
    current: int | str = "intro"
    for kind, text in entries:
        if kind in ("heading", "title"):
            target = theme_for_heading(text, theme_titles)
            if target is not None:
                current = target
                continue
            if kind != "title":
                result.unmatched_headings.append(text)
                chunks.setdefault(current, []).append(f"## {text}")
            continue
        chunks.setdefault(current, []).append(f"- {text}" if kind == "item" else text)

    def join(parts):
        # List items stay together; other blocks are separated by a blank line.
        out = ""
        for part in parts:
            if out and not (part.startswith("- ") and out.rsplit("\n", 1)[-1].startswith("- ")):
                out += "\n"
            out += ("\n" if out else "") + part
        return out.strip()

    result.introduction = join(chunks.pop("intro", []))
    result.bodies = {theme: join(chunks.get(theme, [])) for theme in theme_titles}
    return result
