"""Read a plan document's text, with page numbers, and split it into passages.

Pure functions, no Django: `extract(kind, data)` is run inside a child process with hard limits
on memory and CPU (see core/sandbox.py, analysis/reading/sandbox.py and analysis/reading/extract_child.py),
because a hostile file can make a parser use gigabytes or loop for ever, and pdfium aborts the whole process when
it runs out of memory.

Passages are headings, paragraphs and whole tables, in reading order, each with its page
(None where the format has no pages: web pages, and plain text without form feeds).
Every refusal is an `ExtractionRefused` whose message can be shown to the person as it is.
"""

import codecs
import io
import re
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser

from core import sandbox
from core.opendocument import ODT_MIMETYPE

MAX_PAGES = 200  # a plan is about four pages; a few hundred is a mistake or an attack
MAX_CHARACTERS = 1_000_000  # far beyond any plan
HELD_PAGES = 8  # ruled pages kept open from reading their text to finding their tables; later ones are loaded again
MAX_PASSAGES = 2_000  # a plan has a few hundred at most; more is a legal text or a data dump, not a plan
MAX_DOCX_UNCOMPRESSED = 60 * 1024 * 1024  # a Word file may expand this far, and no further
MAX_DOCX_RATIO = 150  # a part that expands more than this is a zip bomb, not a plan
HEADING_MAX_CHARACTERS = 120

KINDS = ("pdf", "docx", "odt", "html", "text")


class ExtractionRefused(ValueError):
    """The file cannot be taken into the corpus; the message says why, in plain words."""


@dataclass(frozen=True)
class Block:
    kind: str  # heading | paragraph | table
    text: str
    page: int | None


@dataclass
class Extracted:
    kind: str
    page_count: int | None
    title: str
    blocks: list[Block]
    labels: dict | None = None  # the classifier's labels per block, when a bulk reader was asked for them

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "page_count": self.page_count,
            "title": self.title,
            # By hand rather than dataclasses.asdict, which deep-copies every field: a bulk import sends thousands.
            "blocks": [{"kind": b.kind, "text": b.text, "page": b.page} for b in self.blocks],
        }


# --- Recognising what a file really is ------------------------------------------------------

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
HTML_SIGNS = re.compile(rb"<\s*(!doctype\s+html|html|head|body|p|h[1-6]|div|article|section|main|title)\b", re.I)
# A web archive (.mhtml or .mht, a browser's "save as a single file"): a MIME message, headers first, whose first
# part is the page and the rest its images and styles.
ARCHIVE_HEAD = 8192  # bytes: room for the archive's headers, however long its address and title
WEB_ARCHIVE = re.compile(
    rb"\A(?:[A-Za-z0-9-]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*?content-type:\s*multipart/related", re.I
)


# Text files saved as UTF-16 or UTF-32 (Windows Notepad's "Unicode") start with a byte order mark; the longer
# marks first, since UTF-32's little-endian mark begins with UTF-16's.
UNICODE_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _wide_encoding(data: bytes) -> str | None:
    """The encoding a text file's byte order mark names, when it is UTF-16 or UTF-32."""
    return next((encoding for mark, encoding in UNICODE_MARKS if data.startswith(mark)), None)


def sniff(data: bytes) -> str | None:
    """What the bytes are: pdf, odt (an OpenDocument text file), docx (any other zip), html, text, or None (binary
    of another kind)."""
    head = data[:2048]
    if PDF_MAGIC in head[:1024]:
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        # An OpenDocument file names its type first, uncompressed: "mimetype" and then the type itself.
        return "odt" if head[30:38] == b"mimetype" and head[38:].startswith(ODT_MIMETYPE) else "docx"
    wide = _wide_encoding(head)
    if wide is not None:  # judge the characters, not the bytes: every other byte of UTF-16 English is zero
        head = data[:8192].decode(wide, errors="ignore").encode("utf-8")[:2048]
    if b"\x00" in head:
        return None
    if HTML_SIGNS.search(head.lower()) or (wide is None and WEB_ARCHIVE.match(data[:ARCHIVE_HEAD])):
        return "html"
    return "text"


LABELS = {
    "pdf": "a PDF",
    "docx": "a Word document (.docx)",
    "odt": "an OpenDocument text file (.odt)",
    "html": "a web page (HTML)",
    "text": "a plain text file",
}


def check_kind(kind: str, data: bytes) -> None:
    if not data:
        raise ExtractionRefused("The file is empty.")
    actual = sniff(data)
    if kind == "pdf" and actual != "pdf":
        raise ExtractionRefused("The file is named as a PDF but is not a PDF. Check it is the right file.")
    if kind == "docx" and actual != "docx":
        what = " It is an OpenDocument text file: name it .odt." if actual == "odt" else ""
        raise ExtractionRefused(
            f"The file is named as a Word document (.docx) but is not one.{what or ' Check it is the right file.'}"
        )
    if kind == "odt" and actual not in ("odt", "docx"):  # any zip: the reader checks what the archive holds
        raise ExtractionRefused(
            "The file is named as an OpenDocument text file (.odt) but is not one. Check it is the right file."
        )
    if kind == "html" and actual != "html":
        raise ExtractionRefused("The file is named as a web page (HTML) but is not one. Check it is the right file.")
    if kind == "text" and actual != "text":
        what = LABELS.get(actual or "", "a binary file")
        raise ExtractionRefused(f"The file is named as plain text but is {what}. Check it is the right file.")


# --- Splitting text into passages ------------------------------------------------------------

TERMINAL = tuple(".!?;:,")
BULLET = re.compile(r"^([•\-–*▪●◦]|\d{1,2}[.)]|\([a-z0-9]{1,3}\))\s+")
MARK = re.compile(r"^([•\-–*▪●◦]|\([a-z0-9]{1,3}\))\s+")  # a bullet point, never a heading; "1." may number either
PAGE_FOOTER = re.compile(r"^(page\s+)?\d{1,3}(\s*(of|/)\s*\d{1,3})?$", re.I)  # "2024" alone is a year
SPACES = re.compile(r"[ \t\u00a0]+")


def clean(text: str) -> str:
    if "  " not in text and "\t" not in text and "\u00a0" not in text:
        return text.strip()  # every run of spaces is one space already (most lines of a PDF)
    return SPACES.sub(" ", text).strip()


def looks_like_heading(line: str) -> bool:
    words = line.split()
    return (
        0 < len(line) <= HEADING_MAX_CHARACTERS
        and len(words) <= 14
        and not line.endswith(TERMINAL)
        and (line[0].isupper() or line[0].isdigit())
        and not MARK.match(line)
    )


def full_width(lines: list[str]) -> int:
    """The length of a full line of this text: most lines are no longer."""
    widths = sorted(len(clean(line)) for line in lines if line.strip())
    return widths[int(len(widths) * 0.9)] if widths else 0


def _wrapped_heading(lines: list[str], index: int) -> list[str]:
    """The two or three lines from `index` to the next paragraph break, when together they are one heading
    wrapped over them ("Theme 2: Using technology" / "and data"): none ends a sentence and together they read
    as a heading. Otherwise nothing."""
    group = []
    for line in lines[index : index + 4]:
        if not line:
            break
        group.append(line)
    if not 2 <= len(group) <= 3:
        return []
    if any(line.endswith((".", "!", "?", ";")) or MARK.match(line) or PAGE_FOOTER.match(line) for line in group):
        return []
    if index + len(group) < len(lines) and lines[index + len(group)]:
        return []  # the text runs on: a paragraph, not a heading
    return group if looks_like_heading(" ".join(group)) else []


def split_lines(lines: list[str], page: int | None, *, full: int | None = None) -> list[Block]:
    """Lines of laid-out text (a PDF page, or plain text) into headings and paragraphs.

    A paragraph ends at a blank line, or at a line that finishes a sentence well short of the
    full line width; a short line without closing punctuation at a paragraph boundary is a heading;
    a bullet starts a new paragraph. `full` is the page's full line length, when these lines are
    only part of the page.
    """
    full = full_width(lines) if full is None else full
    lines = [clean(line) for line in lines]
    blocks: list[Block] = []
    current: list[str] = []

    def flush():
        if current:
            blocks.append(Block("paragraph", " ".join(current), page))
            current.clear()

    # For each place in the lines, where the next line with text and the next blank line are (len(lines) if none):
    # worked out once, not looked for again from every line.
    next_text, next_blank = [len(lines)] * (len(lines) + 1), [len(lines)] * (len(lines) + 1)
    for index in range(len(lines) - 1, -1, -1):
        next_text[index] = index if lines[index] else next_text[index + 1]
        next_blank[index] = next_blank[index + 1] if lines[index] else index
    joined_up_to = -1
    for index, line in enumerate(lines):
        if index <= joined_up_to:
            continue
        if not line:
            flush()
            continue
        if PAGE_FOOTER.match(line):
            continue
        group = _wrapped_heading(lines, index) if not current else []
        if group:
            blocks.append(Block("heading", " ".join(group), page))
            joined_up_to = index + len(group) - 1
            continue
        following = lines[next_text[index + 1]] if next_text[index + 1] < len(lines) else ""
        # A line that runs straight on into the next (no space between them) as wrapped prose does, into a word
        # that continues its sentence or across the full width, is not a heading.
        directly = index + 1 < len(lines) and bool(lines[index + 1])
        run = next_blank[index + 1] - index - 1
        runs_into = directly and (following[:1].islower() or (len(line) >= 0.75 * full and run >= 2))
        short = len(line) < 0.75 * full or (len(line) <= 60 and following[:1].isupper())
        if not current and looks_like_heading(line) and (short or not following) and not runs_into:
            blocks.append(Block("heading", line, page))
            continue
        if BULLET.match(line):
            flush()
        current.append(line)
        if line.endswith((".", "!", "?", ":")) and len(line) < 0.85 * full:
            flush()
    flush()
    return blocks


# "3." "3)" "3.2" "3.2." start a numbered item or heading; "12 months" does not, nor a wrapped line that starts with
# a figure ("1.86 per cent of the paybill", "2.5 million").
NUMBERED = re.compile(
    r"^(\d{1,2}(\.\d{1,2})*[.)]|\d{1,2}\.\d{1,2})\s+(?=\S)"
    r"(?!(?:per ?cent|percent|%|million|billion|bn|m|k|times|hours|days|weeks|months|years|pence|p|points)\b)",
    re.I,
)
SENTENCE_END = (".", "!", "?", ":")
FIELD = re.compile(r"^[A-Z]\w*( \w+){0,2}: [a-z]")  # "Present: the Leader ...": a labelled line, not a heading
WRAPPED_MAX = 110  # text whose full lines are no longer than this was wrapped by hand (or by an editor)


def _capitals(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters) and len(line) <= HEADING_MAX_CHARACTERS


def _starts_item(line: str) -> bool:
    return bool(MARK.match(line) or NUMBERED.match(line))


def wrap_width(lines: list[str], full: int) -> int:
    """The width text was wrapped at: its longest line, leaving out the odd line far longer than the rest (a web
    address, a table row)."""
    return max((len(line) for line in lines if len(line) <= 1.2 * full), default=full)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _hanging(raw: list[str]) -> bool:
    """Whether the text's list items carry on over indented lines ("- We have ...\n  completed by ..."): then a
    line that is not indented ends the item."""
    pairs = zip(raw, raw[1:], strict=False)
    return any(_starts_item(clean(line)) and _indent(after) > _indent(line) for line, after in pairs)


def text_line_blocks(
    lines: list[str], page: int | None, *, full: int, width: int | None = None, opening: bool = False
) -> list[Block]:
    """Lines of plain text between blank lines into headings, paragraphs and list items, from their shape.

    - a line in CAPITALS, or numbered like "3. Reducing wasteful spend" and followed by text, is a heading;
    - a short line without a full stop, at a paragraph boundary and followed by text, is a heading;
    - "-", "•", "*" or "1." starts a list item, which runs on over its wrapped lines (over its indented lines,
      where the text indents them);
    - lines wrapped at a similar width join into one paragraph. A paragraph ends where the line breaks before
      the width was reached: where the next line's first word would have fitted on it (the writer broke the
      line, not the wrapping), or where a sentence ends short of the width and the next line starts with a
      capital. Text that was not wrapped (long lines) has a paragraph per line;
    - with `opening` (the first lines of a document), a first line that reads as a heading and is followed by a
      line starting with a capital is the document's title, however long: a title is not wrapped prose.
    """
    wrapped = 0 < full <= WRAPPED_MAX
    raw = [line.expandtabs().rstrip() for line in lines]
    raw = [line for line in raw if clean(line) and not PAGE_FOOTER.match(clean(line)) and not is_chrome_text(line)]
    lines = [clean(line) for line in raw]
    width = width or wrap_width(raw, full)
    hanging = _hanging(raw)
    blocks: list[Block] = []
    current: list[str] = []

    def flush():
        if current:
            blocks.append(Block("paragraph", " ".join(current), page))
            current.clear()

    def runs_on(index: int) -> bool:
        """Whether line `index` continues the paragraph or item the line before it is the last line of."""
        previous, line = lines[index - 1], lines[index]
        ends = previous.endswith(SENTENCE_END)
        if _starts_item(line) or _capitals(line):
            return False
        if hanging and _starts_item(current[0]):
            # The item's own lines are indented under it: an indented line carries it on, and one that is not ends it.
            return _indent(raw[index]) > _indent(raw[index - len(current)])
        if line[:1].islower() and not ends:
            return True
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if ends and looks_like_heading(line) and following and len(raw[index]) + len(following.split()[0]) < width:
            return False  # a short line without a full stop after a sentence, and text after it: a heading
        if not wrapped or len(raw[index - 1]) + 1 + len(line.split()[0]) <= width:
            return False  # the next word would have fitted: the line was broken on purpose
        if ends and line[:1].isupper() and len(raw[index - 1]) < width:
            return False  # a sentence ends short of the width and the next line starts a new one
        return len(previous) >= 0.75 * full

    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        boundary = not current or not runs_on(index)
        short = len(line) < 0.7 * full if wrapped else len(line) <= 90
        if wrapped and following and len(raw[index]) + 1 + len(following.split()[0]) <= width:
            short = True  # ended before the width on purpose: as a heading is
        text_follows = bool(following) and (
            following[:1].isupper() or following[:1].isdigit() or _starts_item(following)
        )
        numbered = NUMBERED.match(line)
        if boundary and not MARK.match(line):
            heading = False
            if _capitals(line) and not line.endswith(SENTENCE_END):
                heading = True
            elif opening and index == 0 and not numbered and looks_like_heading(line) and following[:1].isupper():
                heading = True
            elif numbered:
                rest = line[numbered.end() :]
                heading = (
                    looks_like_heading(rest)
                    and short
                    and bool(following)
                    and not _starts_item(following)
                    and (following[:1].isupper() or following[:1].isdigit())
                )
            elif looks_like_heading(line) and short and (text_follows or not following) and not FIELD.match(line):
                heading = not following or not line.endswith(",")
            if heading:
                flush()
                blocks.append(Block("heading", line, page))
                continue
        if _starts_item(line) or boundary:
            flush()
        current.append(line)
    flush()
    return blocks


def split_plain_text(text: str, *, line_structure: bool = False) -> list[Block]:
    """Plain text: pages by form feed (as pdftotext writes), Markdown-style '#' headings and
    '|' tables kept whole; otherwise paragraphs by blank lines.

    With `line_structure` (an imported text file), the lines between blank lines are read by their shape
    too (text_line_blocks): headings, paragraphs wrapped over several lines, and list items."""
    pages = text.split("\f")
    paged = len(pages) > 1
    prose = [line for line in text.split("\n") if not line.lstrip().startswith(("|", "#"))]
    full = full_width(prose)
    width = wrap_width([line.expandtabs().rstrip() for line in prose], full)
    blocks: list[Block] = []
    for number, page_text in enumerate(pages, start=1):
        page = number if paged else None
        for chunk in re.split(r"\n\s*\n", page_text):
            lines = [line.rstrip() for line in chunk.strip("\n").split("\n") if line.strip()]
            if not lines:
                continue
            if all(line.lstrip().startswith("|") for line in lines):
                rows = [line.strip() for line in lines if not re.fullmatch(r"\|?[\s:|-]+\|?", line.strip())]
                blocks.append(Block("table", "\n".join(rows), page))
                continue
            if lines[0].lstrip().startswith("#"):
                blocks.append(Block("heading", clean(lines[0].lstrip("# ")), page))
                lines = lines[1:]
                if not lines:
                    continue
            if line_structure:
                blocks += text_line_blocks(lines, page, full=full, width=width, opening=not blocks)
                continue
            if len(lines) == 1 and looks_like_heading(clean(lines[0])):
                blocks.append(Block("heading", clean(lines[0]), page))
                continue
            paragraph: list[str] = []
            for line in lines:
                if BULLET.match(line.strip()) and paragraph:
                    blocks.append(Block("paragraph", clean(" ".join(paragraph)), page))
                    paragraph = []
                paragraph.append(line.strip())
            blocks.append(Block("paragraph", clean(" ".join(paragraph)), page))
    return [b for b in blocks if b.text]


# --- PDF -------------------------------------------------------------------------------------


def extract_pdf(data: bytes) -> Extracted:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        message = str(error).lower()
        if "password" in message or "security" in message:
            raise ExtractionRefused(
                "The PDF is encrypted or protected by a password, so its text cannot be read. "
                "Ask the council for an unprotected copy."
            ) from error
        raise ExtractionRefused("The PDF is damaged and could not be read.") from error
    held: dict = {}  # ruled pages kept open for finding their tables, with their text pages
    try:
        page_count = len(pdf)
        if page_count == 0:
            raise ExtractionRefused("The PDF has no pages.")
        if page_count > MAX_PAGES:
            raise ExtractionRefused(
                f"The PDF has {page_count:,} pages; a plan document should be a few pages (the most "
                f"accepted is {MAX_PAGES})."
            )
        title = ""
        try:
            title = clean(pdf.get_metadata_value("Title") or "")
        except Exception:  # metadata is optional and often malformed
            title = ""
        pages: list[list[_Line]] = []
        ruled: list[int] = []
        characters = 0
        for index in range(page_count):
            # Loaded once for its text and its tables: loading a page costs more than reading its text.
            page = pdf[index]
            textpage = page.get_textpage()
            if _draws_rules(page):
                ruled.append(index + 1)
            pages.append(_text_lines(page, textpage))
            if ruled[-1:] == [index + 1] and len(held) < HELD_PAGES:
                held[index + 1] = (page, textpage)
            else:
                textpage.close()
                page.close()
            characters += sum(len(line.text) for line in pages[-1])
            if characters > MAX_CHARACTERS:
                raise ExtractionRefused("The PDF holds far more text than a plan document; it was not imported.")
        tables = _tables(data, ruled, pdf, held)
    finally:
        for page, textpage in held.values():
            textpage.close()
            page.close()
        pdf.close()
    pages = _without_running_heads(pages)
    blocks = [
        block for number, lines in enumerate(pages, 1) for block in _page_blocks(lines, number, tables.get(number, []))
    ]
    blocks = [Block(block.kind, hyphens_joined(block.text), block.page) for block in _join_tables_across_pages(blocks)]
    return Extracted("pdf", page_count, title, blocks)


DIGITS = re.compile(r"\d+")
PAGE_WORD = re.compile(r"\bpage\b|^[\d\s/|–-]+$", re.I)
EDGE_LINES = 3  # how far from the top or the foot of a page a running header or footer sits
RUNNING_PAGES = 3  # in a longer document, on fewer pages than this a repeated line may as well be the plan's words


def _furniture_key(line: "_Line") -> tuple[str, int]:
    """What a running header or footer keeps from page to page: its text (its numbers too, unless it
    is a page number) and its place on the page."""
    text = DIGITS.sub("#", line.text) if PAGE_WORD.search(line.text) else line.text
    return text, round(line.top / 4)


def _without_running_heads(pages: list[list["_Line"]]) -> list[list["_Line"]]:
    """The pages without their running headers and footers: a line at the top or foot of the page that
    comes back, in the same place, on at least three pages and half of them is the document's
    furniture, not a passage; in a document of two pages, on both (a plan's header, printed by an office suite
    on each of its two pages). A document of one page has none to tell."""
    if len(pages) < 2:
        return pages
    needed = 2 if len(pages) == 2 else max(RUNNING_PAGES, len(pages) / 2)

    def edges(lines):
        return {id(line): line for line in lines[:EDGE_LINES] + lines[-EDGE_LINES:]}.values()

    seen: dict[tuple[str, int], int] = {}
    for lines in pages:
        for key in {_furniture_key(line) for line in edges(lines)}:
            seen[key] = seen.get(key, 0) + 1
    furniture = {key for key, count in seen.items() if count >= needed}
    if not furniture:
        return pages
    kept = []
    for lines in pages:
        dropped = {id(line) for line in edges(lines) if _furniture_key(line) in furniture}
        kept.append([line for line in lines if id(line) not in dropped])
    return kept


def _join_tables_across_pages(blocks: list[Block]) -> list[Block]:
    """A table that runs on from the foot of one page to the top of the next is one passage, on the
    page where it starts. A single ruled row that continues nothing is a line of text, not a table."""
    joined: list[Block] = []
    for block in blocks:
        previous = joined[-1] if joined else None
        if (
            block.kind == "table"
            and previous is not None
            and previous.kind == "table"
            and previous.page is not None
            and block.page == previous.page + 1
            and block.text.split("\n")[0].count(" | ") == previous.text.split("\n")[0].count(" | ")
        ):
            rows = block.text.split("\n")
            if rows[0] == previous.text.split("\n")[0]:
                rows = rows[1:]  # the header row, printed again at the top of the page
            joined[-1] = Block("table", "\n".join([previous.text, *rows]), previous.page)
        elif block.kind == "table" and "\n" not in block.text:
            joined.append(Block("paragraph", block.text.replace(" | ", " "), block.page))
        else:
            joined.append(block)
    return joined


@dataclass
class _Line:
    """A line of a PDF page's text and its box, in points from the page's top left."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    runs: list[tuple[float, float, str]]  # (x0, x1, text) of each run of text, left to right


PARAGRAPH_GAP = 1.35  # a gap between lines this much wider than the page's usual spacing ends a paragraph


# pdfium's mark for a hyphen that ends a line (it may have been typed, or added where a word was broken): kept as a
# hyphen, with no space where the line ended ("change-" / "of-address" was "change\x02 of-address").
LINE_END_HYPHEN = re.compile("\x02 ?")


def hyphens_joined(text: str) -> str:
    return LINE_END_HYPHEN.sub("-", text) if "\x02" in text else text


def _text_lines(page, textpage) -> list[_Line]:
    """The page's lines in pdfium's reading order, each with its box: pdfium gives the text as
    runs, one box each, and runs side by side are one line."""
    from analysis.reading.pdf_objects import BoundedText

    page_top = page.get_mediabox()[3]
    lines: list[_Line] = []
    bounded_text = BoundedText(textpage)
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        text = clean(bounded_text(left, bottom, right, top))
        if not text:
            continue
        top, bottom = page_top - top, page_top - bottom
        last = lines[-1] if lines else None
        if last and min(bottom, last.bottom) - max(top, last.top) > 0.5 * min(bottom - top, last.bottom - last.top):
            last.text, last.x0, last.x1 = f"{last.text} {text}", min(last.x0, left), max(last.x1, right)
            last.top, last.bottom = min(last.top, top), max(last.bottom, bottom)
            last.runs.append((left, right, text))
        else:
            lines.append(_Line(text, left, top, right, bottom, [(left, right, text)]))
    for line in lines:
        line.runs.sort()
    return lines


MARKER = re.compile(r"^[•▪●◦‣∙○■□]$")
LARGER_TYPE = 1.15  # a line this much taller than most on the page is set in larger type: a heading


def _with_markers(lines: list[_Line]) -> list[_Line]:
    """The lines with each list item's bullet in front of its first line. pdfium gives a bullet drawn by the
    layout (an HTML or Word list) as a line of its own, often after the page's text; a bullet alone is
    no passage."""
    markers = [line for line in lines if len(line.text) <= 2 and MARKER.match(re.sub(r"[A-Za-z]", "", line.text))]
    if not markers:
        return lines
    kept = [line for line in lines if not any(line is marker for marker in markers)]
    for marker in markers:
        middle = (marker.top + marker.bottom) / 2
        item = next(
            (
                line
                for line in kept
                if line.top <= middle <= line.bottom and 0 <= line.x0 - marker.x1 <= 36 and not BULLET.match(line.text)
            ),
            None,
        )
        if item is not None:
            item.text = f"• {item.text}"
    return kept


def _with_paragraph_breaks(lines: list[_Line]) -> list[str]:
    """The lines' text with an empty line where the space above a line is clearly wider than the
    usual spacing of lines on the page: the paragraph breaks a PDF shows by space alone. Two lines of
    a heading set in larger type are further apart than lines of the text, but the white space between
    them is narrow: they stay together."""
    steps = [line.top - above.top for above, line in zip(lines, lines[1:], strict=False)]
    # The usual spacing is that of lines within a paragraph: a low quartile, since a page of short
    # paragraphs has nearly as many gaps between paragraphs as within them.
    usual = sorted(step for step in steps if step > 0)
    usual_step = usual[len(usual) // 4] if usual else 0
    heights = sorted(line.bottom - line.top for line in lines)
    usual_height = heights[len(heights) // 2] if heights else 0
    text = [lines[0].text] if lines else []
    for step, above, line in zip(steps, lines, lines[1:], strict=False):
        tall = max(above.bottom - above.top, line.bottom - line.top) >= LARGER_TYPE * usual_height
        one_heading = tall and 0 <= line.top - above.bottom < 0.6 * max(
            above.bottom - above.top, line.bottom - line.top
        )
        if step <= 0 or (step > PARAGRAPH_GAP * usual_step and not one_heading):
            text.append("")
        text.append(line.text)
    return text


def _page_blocks(lines: list[_Line], number: int, tables) -> list[Block]:
    """A page's passages in reading order: the text above each table, the table whole, the text
    beside it, and so on down the page."""
    from analysis.reading.pdf_tables import unruled_tables

    lines = _with_markers(lines)
    full = full_width([line.text for line in lines])

    def prose(chosen: list[_Line]) -> list[Block]:
        return split_lines(_with_paragraph_breaks(chosen), number, full=full) if chosen else []

    def passages(chosen: list[_Line]) -> list[Block]:
        """Prose, and any table set out in aligned columns without rules, kept whole."""
        found, start = [], 0
        for first, end, table in unruled_tables(chosen):
            found += prose(chosen[start:first]) + [Block("table", table.text, number)]
            start = end
        return found + prose(chosen[start:])

    def middle(line: _Line) -> float:
        return (line.top + line.bottom) / 2

    blocks: list[Block] = []
    left = list(lines)
    for table in tables:
        x0, top, x1, bottom = table.bbox
        beside = [line for line in left if top <= middle(line) <= bottom and not x0 <= (line.x0 + line.x1) / 2 <= x1]
        blocks += passages([line for line in left if middle(line) < top])
        blocks.append(Block("table", table.text, number))
        blocks += passages(beside)
        left = [line for line in left if middle(line) > bottom]
    return blocks + passages(left)


def _draws_rules(page) -> bool:
    """Whether a page draws at least two lines or boxes: the least a table needs. Most pages of
    prose draw none, and are never looked at for tables."""
    from pypdfium2 import raw

    return sum(1 for _, _ in zip(range(2), _paths(raw, page.raw), strict=False)) >= 2


def _paths(raw, parent, *, in_form: bool = False, depth: int = 1, max_depth: int = 3):
    """The path objects of a page, and of the forms on it to `max_depth` levels, as pypdfium2's `get_objects`
    finds them, from pdfium's own calls: `get_objects` makes a Python object for every text object of the page."""
    count = raw.FPDFFormObj_CountObjects if in_form else raw.FPDFPage_CountObjects
    get = raw.FPDFFormObj_GetObject if in_form else raw.FPDFPage_GetObject
    for index in range(count(parent)):
        item = get(parent, index)
        kind = raw.FPDFPageObj_GetType(item)
        if kind == raw.FPDF_PAGEOBJ_PATH:
            yield item
        elif kind == raw.FPDF_PAGEOBJ_FORM and depth < max_depth:
            yield from _paths(raw, item, in_form=True, depth=depth + 1, max_depth=max_depth)


def _tables(data: bytes, page_numbers: list[int], pdf=None, held=None) -> dict:
    """The tables on the pages that draw rules (`pdf` and `held`, when given, are the document and the pages
    already open). Finding
    tables is a refinement: should the second parser fail on a file the first one read (even by running out
    of memory, which frees what it took as it unwinds), the pages are kept as text rather than the plan
    refused."""
    if not page_numbers:
        return {}
    from analysis.reading.pdf_tables import find_tables

    try:
        return find_tables(data, page_numbers, pdf=pdf, held=held)
    except Exception:  # noqa: BLE001 - any failure (MemoryError included) leaves the text as it was read
        return {}


# --- Word ------------------------------------------------------------------------------------


def check_zip(data: bytes) -> None:
    """Refuse a .docx that is not a Word file, or that would expand far beyond any plan (`core.sandbox.check_zip`,
    the archive check every upload's parser makes before opening one)."""
    try:
        archive = sandbox.check_zip(
            data, what="The Word document", max_total=MAX_DOCX_UNCOMPRESSED, max_ratio=MAX_DOCX_RATIO
        )
    except sandbox.ArchiveRefused as refusal:
        raise ExtractionRefused(str(refusal)) from refusal
    infos = archive.infolist()
    if "word/document.xml" not in {info.filename for info in infos}:
        raise ExtractionRefused("The file is a zip archive but not a Word document (.docx).")
    if any(info.flag_bits & 0x1 for info in infos):
        raise ExtractionRefused("The Word document is encrypted, so its text cannot be read.")


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _word_heading(paragraph, style: str, text: str) -> bool:
    """A Word paragraph a person reads as a heading: by its style (core.word_text.heading_by_style), or, in body
    text, a short line set wholly in bold that reads as a heading, as many plans are typed. A list item never is."""
    from core.word_text import all_bold, heading_by_style

    if heading_by_style(paragraph):
        return True
    return "list" not in style and looks_like_heading(text) and all_bold(paragraph)


def _page_breaks(element) -> int:
    """How many page breaks come before or inside a paragraph (explicit breaks and the breaks
    Word recorded when it last laid the document out)."""
    breaks = 0
    for node in element.iter(f"{W}br", f"{W}lastRenderedPageBreak", f"{W}pageBreakBefore"):
        if node.tag == f"{W}br" and node.get(f"{W}type") != "page":
            continue
        breaks += 1
    return breaks


APP_PAGES = re.compile(rb"<(?:\w+:)?Pages>\s*(\d{1,5})\s*</(?:\w+:)?Pages>")
WORD_LIKE = re.compile(r"\S*\w\S*")  # words as Word counts them; not our "|" and "-" markers
APP_WORDS = re.compile(rb"<(?:\w+:)?Words>\s*(\d{1,9})\s*</(?:\w+:)?Words>")


def _word_page_count(data: bytes, words: int) -> int | None:
    """The page count Word stored when it last saved the file (`stored_page_count`)."""
    try:
        app = zipfile.ZipFile(io.BytesIO(data)).read("docProps/app.xml")[:100_000]
    except (KeyError, zipfile.BadZipFile, ValueError):
        return None
    pages, stored_words = APP_PAGES.search(app), APP_WORDS.search(app)
    if not pages or not stored_words:
        return None
    return stored_page_count(int(pages.group(1)), int(stored_words.group(1)), words)


def stored_page_count(pages: int | None, stored_words: int | None, words: int) -> int | None:
    """The page count an office suite stored when it last saved the file, trusted only when the word count it
    stored beside it matches the text (within 15%): a file written by other software, or edited since, carries a
    stale count (python-docx's template says one page of no words)."""
    if not pages or stored_words is None or not words or abs(stored_words - words) > 0.15 * words:
        return None
    return pages


def extract_docx(data: bytes) -> Extracted:
    check_zip(data)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from core.word_text import body_items, cell_text, in_table_of_contents, paragraph_text, text_box_paragraphs

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises several kinds for damaged files
        raise ExtractionRefused("The Word document is damaged and could not be read.") from error
    title = clean(document.core_properties.title or "")
    blocks: list[Block] = []
    page = 1
    characters = 0

    for child in body_items(document.element.body):
        if child.tag == f"{W}tbl":
            table = Table(child, document)
            rows = [" | ".join(clean(cell_text(cell)) for cell in row.cells) for row in table.rows]
            text = "\n".join(row for row in rows if row.strip(" |"))
            if text:
                blocks.append(Block("table", text, page))
            continue
        breaks = _page_breaks(child)
        paragraph = Paragraph(child, document)
        text = clean(paragraph_text(child))
        boxed = [clean(paragraph_text(inner)) for inner in text_box_paragraphs(child)]
        page += breaks
        style = (paragraph.style.name if paragraph.style is not None else "").lower()
        if in_table_of_contents(style):
            continue
        heading = bool(text) and _word_heading(paragraph, style, text)
        # The paragraph's own words, then the words of any text box anchored in it, each box paragraph a passage.
        for words, own in [(text, True)] + [(box, False) for box in boxed]:
            if not words:
                continue
            characters += len(words)
            if characters > MAX_CHARACTERS:
                raise ExtractionRefused("The Word document holds far more text than a plan; it was not imported.")
            if own and heading:
                blocks.append(Block("heading", words, page))
                if style == "title" and not title:
                    title = words
            elif own and "list" in style:
                blocks.append(Block("paragraph", f"- {words}", page))  # each item its own passage, marked as an item
            else:
                blocks.append(Block("paragraph", words, page))
    page_count = _word_page_count(data, sum(len(WORD_LIKE.findall(block.text)) for block in blocks))
    if page == 1 and page_count != 1:
        # No page break recorded anywhere (Word records where it broke pages when it saves; other
        # software may not): the pages are not known, rather than all "page 1".
        blocks = [Block(block.kind, block.text, None) for block in blocks]
    return Extracted("docx", page_count, title, blocks)


def extract_odt(data: bytes) -> Extracted:
    """An OpenDocument text file (.odt), read by `core.opendocument` once the archive is checked as a
    Word file's is."""
    import zlib

    from core.opendocument import OpenDocumentRefused, read_odt

    try:
        archive = sandbox.check_zip(
            data, what="The OpenDocument file", max_total=MAX_DOCX_UNCOMPRESSED, max_ratio=MAX_DOCX_RATIO
        )
        document = read_odt(archive, looks_like_heading=looks_like_heading, clean=clean, max_characters=MAX_CHARACTERS)
    except (sandbox.ArchiveRefused, OpenDocumentRefused) as refusal:
        raise ExtractionRefused(str(refusal)) from refusal
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as error:
        raise ExtractionRefused("The OpenDocument file is damaged and could not be read.") from error
    blocks = [Block(kind, text, page) for kind, text, page in document.blocks]
    words = sum(len(WORD_LIKE.findall(block.text)) for block in blocks)
    page_count = stored_page_count(document.page_count, document.stored_words, words)
    if not document.pages_recorded and page_count != 1:
        blocks = [Block(block.kind, block.text, None) for block in blocks]  # no page break recorded: not known
    return Extracted("odt", page_count, document.title, blocks)


# --- Web pages -------------------------------------------------------------------------------

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
PARAGRAPHS = {"p", "li", "dt", "dd", "blockquote", "figcaption", "pre", "caption", "address"}
CONTAINERS = {"div", "section", "article", "main", "body", "header", "footer", "aside", "ul", "ol", "dl", "form"}
SKIPPED = {"script", "style", "noscript", "template", "svg", "nav", "head", "iframe", "object", "button", "select"}
VOID = {"br", "img", "hr", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}
# The page's chrome, not its content: dropped wherever it is.
CHROME_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary", "dialog", "alertdialog"}
CHROME_WORDS = {
    "cookie", "cookies", "consent", "breadcrumb", "breadcrumbs", "skip", "skiplink", "skiplinks", "share",
    "sharing", "social", "related", "search", "searchbox", "feedback", "pagination", "backtotop",
}  # fmt: skip
# Site furniture by name: dropped outside the content (<main>, <article>), where a section's own header stays.
FURNITURE_WORDS = {"header", "footer", "nav", "navbar", "navigation", "menu", "sidebar", "masthead", "topbar", "banner"}
SITE_PREFIXES = {"site", "global", "govuk", "main", "primary", "secondary", "top", "bottom", "council", "page"}
CHROME_TEXT = re.compile(
    r"^(skip to (the )?(main )?(content|navigation)|skip (navigation|to main)|jump to (main )?content|"
    r"(accept|reject|allow|hide|view|set|change|manage) (all |only )?(essential |additional |analytics |optional )?"
    r"cookies?( settings| preferences)?|cookies on (the )?[\w .'-]+|we use (some )?(essential )?cookies\b.*|"
    r"this (web)?site uses cookies\b.*|cookie (settings|policy|preferences)|share (this|on|via)\b.*|"
    r"(back|return) to top|print (this )?page|was this page (useful|helpful)\??.*|is this page useful\??.*|"
    r"report a problem( with this page)?|you are here:?.*|related (pages|links|content|information|documents)|"
    r"follow us( on [\w ]+)?|sign up (for|to) (our )?(email|e-mail)? ?(updates|newsletters?|alerts)|"
    r"home\s*[>›»/|].*|©.*|copyright\b.*|(last )?(updated|reviewed|modified)( on)?:? \d.*|(page )?last updated\b.*)$",
    re.I,
)
NAV_LINE = re.compile(r"^[^.|\n]{1,40}( +\| +[^.|\n]{1,40}){2,}$")  # "Home | Contact us | Accessibility"
SITE_NAME = re.compile(
    r"\b(council|borough|county|district|city|unitary|authority|gov\.uk|website|home\s?page)\b|\.(gov|org|co)\.uk\b",
    re.I,
)
TITLE_SEPARATORS = re.compile(r"\s+[-|–—:»]\s+|\s*\|\s*")


def is_chrome_text(text: str) -> bool:
    """Words that belong to a website's furniture (skip links, cookie banners, breadcrumbs, sharing, footers)
    rather than to what the page says."""
    text = clean(text)
    return len(text) <= 200 and bool(CHROME_TEXT.match(text) or NAV_LINE.match(text))


def _names(attrs: dict) -> list[list[str]]:
    """The words of an element's classes and id: "govuk-breadcrumbs__list" -> ["govuk", "breadcrumbs", "list"]."""
    tokens = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower().split()
    return [[part for part in re.split(r"[-_]+", token) if part] for token in tokens]


def _is_chrome(tag: str, attrs: dict, in_content: bool) -> bool:
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    role = (attrs.get("role") or "").lower()
    if role in CHROME_ROLES:
        return True
    if tag == "aside" or (tag == "form" and role == "search"):
        return True
    names = _names(attrs)
    if any(CHROME_WORDS.intersection(parts) for parts in names):
        return True
    if in_content:
        return tag == "footer"
    if tag in ("header", "footer"):
        return True
    return any(
        FURNITURE_WORDS.intersection(parts) and (len(parts) == 1 or parts[0] in SITE_PREFIXES or "nav" in parts)
        for parts in names
    )


TITLE_POINTS = 20  # type this large is a title's: Word's and LibreOffice's Title style is 26 to 28 points, Heading 1 16
FONT_SIZE = re.compile(r"(?:^|;)\s*font-size\s*:\s*(\d{1,3}(?:\.\d+)?)\s*(pt|px)\b", re.I)


def _title_sized(tag: str, attrs: dict) -> bool:
    """Whether the element sets its text in title-sized type: `<font size="6">` or larger (24 points), or a font size
    of at least TITLE_POINTS in its style (in points, or pixels at 96 to the inch)."""
    if tag == "font" and (attrs.get("size") or "").strip() in ("6", "7", "+3", "+4"):
        return True
    size = FONT_SIZE.search(attrs.get("style") or "")
    if size is None:
        return False
    points = float(size.group(1)) * (1 if size.group(2).lower() == "pt" else 0.75)
    return points >= TITLE_POINTS


@dataclass
class _Open:
    tag: str
    node: int
    chrome: bool
    content: str  # "main", "article" or ""
    large: bool = False  # sets its text in title-sized type


@dataclass
class _Found:
    """Where a block was on the page: the elements it sat in, whether in <main> or an <article>, and how much
    of its text was a link."""

    path: tuple[int, ...]
    main: bool
    article: bool
    link_characters: int
    level: int  # heading level (1-6), 0 for other blocks


LAYOUT_ROLES = {"presentation", "none"}
TABLE_PARTS = {"table", "thead", "tbody", "tfoot", "tr", "td", "th"}


class _LayoutTables(HTMLParser):
    """Which of a page's tables (numbered in the order they open) lay the page out rather than hold data: one whose
    cells hold headings or another table, as older council sites built every page, or one marked
    role="presentation". Found before the page is read, since a table's kind decides how its start is read."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.opened = 0
        self.open: list[int] = []
        self.layout: set[int] = set()

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            if self.open:
                self.layout.add(self.open[-1])  # a table in a table's cell: the outer one sets out the page
            if (dict(attrs).get("role") or "").strip().lower() in LAYOUT_ROLES:
                self.layout.add(self.opened)
            self.open.append(self.opened)
            self.opened += 1
        elif tag in HEADINGS and self.open:
            self.layout.add(self.open[-1])

    def handle_endtag(self, tag):
        if tag == "table" and self.open:
            self.open.pop()


def layout_tables(text: str) -> set[int]:
    if "<table" not in text.lower():
        return set()
    finder = _LayoutTables()
    finder.feed(text)
    finder.close()
    return finder.layout


class _PageReader(HTMLParser):
    """Headings, paragraphs and whole tables from an HTML page, in reading order, without the site's chrome. A table
    that lays the page out (`layout_tables`) is read as the page it holds: its cells are containers, like <div>s."""

    def __init__(self, layout: set[int] | None = None):
        super().__init__(convert_charrefs=True)
        self.layout = layout or set()
        self.tables_opened = 0
        self.layout_open = 0  # layout tables open around the reader, outside any data table
        self.blocks: list[Block] = []
        self.found: list[_Found] = []
        self.title = ""
        self.in_title = False
        self.text: list[str] = []
        self.kind = "paragraph"
        self.level = 0
        self.link_characters = 0
        self.link_depth = 0
        self.table_depth = 0
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None
        self.stack: list[_Open] = []
        self.nodes = 0
        self.skip_depth = 0  # open elements whose content is not read (scripts, chrome)
        self.bold_depth = 0
        self.large_depth = 0  # open elements that set their text in title-sized type
        self.characters = self.bold_characters = 0  # of the block being read, and how many of them are bold
        self.large_characters = 0  # and how many are in title-sized type
        self.breaks = 0  # <br> elements in a row, with nothing but white space between them

    # Where the reader is ---------------------------------------------------------------------

    def _where(self) -> _Found:
        contents = {entry.content for entry in self.stack}
        return _Found(
            tuple(entry.node for entry in self.stack),
            "main" in contents,
            "article" in contents,
            self.link_characters,
            0,
        )

    def _in_content(self) -> bool:
        return any(entry.content for entry in self.stack)

    def _push(self, tag: str, attrs: dict) -> None:
        skipped = tag in SKIPPED or (not self.skip_depth and _is_chrome(tag, attrs, self._in_content()))
        content = ""
        if tag == "main" or (attrs.get("role") or "").lower() == "main":
            content = "main"
        elif tag == "article":
            content = "article"
        self.nodes += 1
        large = _title_sized(tag, attrs)
        self.stack.append(_Open(tag, self.nodes, skipped, content, large))
        self.large_depth += large
        self.skip_depth += skipped

    def _pop(self, tag: str) -> bool:
        """Close `tag` and anything left open inside it; False when it was never opened."""
        if not any(entry.tag == tag for entry in self.stack):
            return False
        while self.stack:
            entry = self.stack.pop()
            self.skip_depth -= entry.chrome
            self.large_depth -= entry.large
            if entry.tag == tag:
                return True
        return True  # pragma: no cover - the loop always finds the tag it was told is open

    # Blocks ----------------------------------------------------------------------------------

    def _shown(self, parts: list[str]) -> str:
        """Text as a browser shows it: any run of white space, line breaks in the page's source included, is one
        space, except in preformatted text (<pre>), whose lines stay lines."""
        text = " ".join(parts)
        if any(entry.tag == "pre" for entry in self.stack):
            return "\n".join(clean(line) for line in text.splitlines()).strip()
        return " ".join(text.split())

    def _bold_heading(self, text: str) -> bool:
        """A paragraph set wholly in bold that reads as a heading ("<p><strong>Theme 3: Reducing wasteful
        spend</strong></p>", as many sites' editors make headings): a person reads it as the heading of what
        follows. Not a list item's or a table's text."""
        return (
            self.kind == "paragraph"
            and 0 < self.characters == self.bold_characters
            and not any(entry.tag in ("li", "dt", "dd", "caption") for entry in self.stack)
            and looks_like_heading(text)
        )

    def _title_heading(self, text: str) -> bool:
        """A paragraph set wholly in title-sized type that reads as a heading: a document's title as an office suite
        saves it as a web page ("<p><font size="6">Productivity plan</font></p>", or a style's font size), where
        Word's own export marks it "MsoTitle"."""
        return (
            self.kind == "paragraph"
            and 0 < self.characters == self.large_characters
            and not any(entry.tag in ("li", "dt", "dd", "caption") for entry in self.stack)
            and looks_like_heading(text)
        )

    def _line_stands_alone(self) -> bool:
        """The text read since the block began, ended by a line break, is a block of its own: a line set wholly in
        bold that reads as a heading ("<b>Reducing wasteful spend</b><br>Agency staff cost..."), or a list item
        typed with its marker ("- Single-year settlements...<br>- Competitive bidding..."), as older sites' editors
        and pages pasted from email set them out."""
        text = self._shown(self.text)
        if not text or self.table_depth:
            return False
        return self._bold_heading(text) or bool(MARK.match(text))

    def flush(self):
        text = self._shown(self.text)
        self.text = []
        if text:
            if self._bold_heading(text):
                self.kind = "heading"
            elif self._title_heading(text):
                self.kind, self.level = "heading", 1
            where = self._where()
            where.level = self.level if self.kind == "heading" else 0
            self.blocks.append(Block(self.kind, text, None))
            self.found.append(where)
        self.kind = "paragraph"
        self.level = 0
        self.link_characters = 0
        self.characters = self.bold_characters = self.large_characters = self.breaks = 0

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag in VOID:
            if tag == "br" and not self.skip_depth:
                if self.cell is not None:
                    self.cell.append(" ")
                    return
                self.breaks += 1
                if self.breaks == 2 and self.kind == "paragraph":
                    self.flush()  # a blank line, as a browser shows two breaks: the paragraph ends here
                elif self.breaks == 1 and self.kind == "paragraph" and self._line_stands_alone():
                    self.flush()  # a bold heading or a list item on its own line ends there
                else:
                    self.text.append(" ")
            return
        if tag == "title":  # the page's title, not an image's
            self.in_title = not any(entry.tag == "svg" for entry in self.stack)
            return
        if tag in ("p", "li") and self.stack and self.stack[-1].tag == tag and not self.table_depth:
            self.flush()
            self._pop(tag)  # an unclosed <p> or <li> ends where the next one starts
        laying_out = False
        if tag == "table":
            laying_out = self.tables_opened in self.layout and not self.table_depth
            self.tables_opened += 1
        if self.skip_depth:
            self._push(tag, attributes)
            return
        if laying_out or (tag in TABLE_PARTS - {"table"} and not self.table_depth and self.layout_open):
            # A layout table and its rows and cells hold the page's blocks, as containers do.
            self.flush()
            self._push(tag, attributes)
            self.layout_open += laying_out
            return
        if self.table_depth:
            if tag == "tr" and self.table_depth == 1:
                self.rows.append([])
            elif tag in ("td", "th") and self.table_depth == 1:
                self.cell = []
        if tag in HEADINGS or tag in PARAGRAPHS or tag in CONTAINERS or tag == "table":
            if not self.table_depth:
                self.flush()
        self._push(tag, attributes)
        if self.skip_depth:
            return
        if tag == "table":
            if self.table_depth == 0:
                self.rows = []
            self.table_depth += 1
        elif not self.table_depth and tag in HEADINGS:
            self.kind, self.level = "heading", int(tag[1])
        elif not self.table_depth and tag == "p" and "msotitle" in attributes.get("class", "").lower().split():
            self.kind, self.level = "heading", 1  # a Word document's title, saved as a web page
        elif self.table_depth:
            return  # a cell's links and bold type are its own (and a table's end tags are counted apart)
        elif tag == "a":
            self.link_depth += 1
        elif tag in ("b", "strong"):
            self.bold_depth += 1

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
            return
        if self.skip_depth:
            self._pop(tag)
            return
        if tag in TABLE_PARTS and not self.table_depth and self.layout_open:
            self.flush()
            if tag == "table" and self._pop(tag):
                self.layout_open -= 1
            else:
                self._pop(tag)
            return
        if self.table_depth:
            if tag in ("td", "th") and self.table_depth == 1 and self.cell is not None:
                if not self.rows:
                    self.rows.append([])
                self.rows[-1].append(" ".join(" ".join(self.cell).split()))  # a cell is one line of its row
                self.cell = None
            elif tag == "table":
                self.table_depth -= 1
                if self.table_depth == 0:
                    text = "\n".join(" | ".join(row) for row in self.rows if any(row))
                    if text:
                        self.blocks.append(Block("table", text, None))
                        self.found.append(self._where())
                    self.rows = []
            self._pop(tag)
            return
        if tag == "a":
            self.link_depth = max(0, self.link_depth - 1)
        elif tag in ("b", "strong"):
            self.bold_depth = max(0, self.bold_depth - 1)
        elif tag in HEADINGS or tag in PARAGRAPHS or tag in CONTAINERS:
            self.flush()
        self._pop(tag)

    def handle_data(self, data):
        if self.in_title:
            self.title += data
            return
        if self.skip_depth:
            return
        if self.table_depth:
            if self.cell is not None:
                self.cell.append(data)
            return
        self.text.append(data)
        if self.link_depth:
            self.link_characters += len(clean(data))
        words = len(data.strip())
        if words:
            self.breaks = 0
            self.characters += words
            self.bold_characters += words if self.bold_depth else 0
            self.large_characters += words if self.large_depth else 0


def _prose_weight(block: Block, found: _Found) -> int:
    """How much a block counts towards finding the page's content: the characters of real sentences, not links
    or labels."""
    if block.kind == "table":
        return len(block.text) // 2
    if block.kind == "heading" or found.link_characters > 0.5 * len(block.text):
        return 0
    return len(block.text) if len(block.text.split()) >= 8 else len(block.text) // 4


def _content_indexes(blocks: list[Block], found: list[_Found]) -> list[int]:
    """Which blocks are the page's content: those in <main> (or role=main) when the page marks it, else in
    its <article>s, else in the element holding most of the page's prose (the deepest one that holds at
    least three quarters of it), with the page's <h1> just above it."""
    every = list(range(len(blocks)))
    for marked in ("main", "article"):
        inside = [i for i in every if getattr(found[i], marked)]
        if any(_prose_weight(blocks[i], found[i]) for i in inside):
            return inside
    total = sum(_prose_weight(blocks[i], found[i]) for i in every)
    if not total:
        return every
    weight_in: dict[int, int] = {}
    depth: dict[int, int] = {}
    blocks_in: dict[int, int] = {}
    for i in every:
        weight = _prose_weight(blocks[i], found[i])
        for level, node in enumerate(found[i].path):
            weight_in[node] = weight_in.get(node, 0) + weight
            depth[node] = level
            blocks_in[node] = blocks_in.get(node, 0) + 1
    # The holder is an element around blocks, not one long paragraph that outweighs the headings and short
    # paragraphs beside it.
    holders = [node for node, weight in weight_in.items() if weight >= 0.75 * total and blocks_in[node] > 1]
    if not holders:
        return every
    best = max(holders, key=lambda node: depth[node])
    chosen = [i for i in every if best in found[i].path]
    if chosen and not any(found[i].level == 1 for i in chosen):
        above = [i for i in every if i < chosen[0] and found[i].level == 1]
        chosen = above[-1:] + chosen
    return chosen


def title_from_head(title: str) -> str:
    """A page's <title> without the site's name: "Productivity plan - Anytown Council" -> "Productivity plan"."""
    parts = [part for part in TITLE_SEPARATORS.split(clean(title)) if part.strip()]
    kept = [part for part in parts if not SITE_NAME.search(part)]
    if kept and len(kept) < len(parts):
        return " - ".join(kept)
    return parts[0] if len(parts) > 1 and parts[0] else clean(title)


def decode_text(data: bytes) -> str:
    """The text of a web page or text file: UTF-16 or UTF-32 where its byte order mark says so, else UTF-8 (with
    or without a mark), else Windows-1252 (what older council sites and Windows editors save)."""
    wide = _wide_encoding(data)
    if wide is not None:
        try:
            return data.decode(wide)
        except UnicodeDecodeError as error:
            raise ExtractionRefused(
                "The file starts as Unicode text (UTF-16 or UTF-32) but is not readable text. Check it is the right "
                "file."
            ) from error
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def page_in_web_archive(data: bytes) -> bytes:
    """The web page inside a web archive (.mhtml, .mht), as the bytes of an HTML file; `data` itself when it is
    not an archive. Its images, styles and frames are left out, as a reader of the page's words needs none."""
    if not WEB_ARCHIVE.match(data[:ARCHIVE_HEAD]):
        return data
    import email
    import email.policy

    archive = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in archive.walk():
        if part.get_content_type() == "text/html":
            page = part.get_payload(decode=True)
            if isinstance(page, bytes) and page.strip():
                charset = part.get_content_charset()
                try:  # as the part's header says it is written, else as any web page (decode_text)
                    return page.decode(charset).encode("utf-8") if charset else page
                except (LookupError, UnicodeDecodeError):
                    return page
    raise ExtractionRefused(
        "The file is a web archive (.mhtml) but holds no web page. Save the page again, or save it as .html."
    )


def extract_html(data: bytes) -> Extracted:
    """A saved web page as a person reads it: the content (<main>, an <article>, or the block holding most of the
    prose) without navigation, skip links, cookie banners, breadcrumbs, headers and footers, sharing, related
    links and search boxes. Its title is the content's <h1>, else its first heading, else the page's <title>
    without the site's name. A web archive (.mhtml) is read as the page it holds."""
    text = decode_text(page_in_web_archive(data))
    if len(text) > 4 * MAX_CHARACTERS:
        raise ExtractionRefused("The web page holds far more text than a plan; it was not imported.")
    reader = _PageReader(layout_tables(text))
    reader.feed(text)
    reader.close()
    reader.flush()
    chosen = _content_indexes(reader.blocks, reader.found)
    kept = [
        (reader.blocks[i], reader.found[i])
        for i in chosen
        if not (reader.blocks[i].kind != "table" and is_chrome_text(reader.blocks[i].text))
        and not (
            reader.blocks[i].kind == "paragraph"
            and len(reader.blocks[i].text) < 100
            and reader.found[i].link_characters >= 0.9 * len(reader.blocks[i].text)
        )
    ]
    blocks = [block for block, _ in kept]
    title = next((block.text for block, where in kept if where.level == 1), "")
    title = title or next((block.text for block in blocks if block.kind == "heading"), "")
    return Extracted("html", None, (title or title_from_head(" ".join(reader.title.split())))[:300], blocks)


# Markdown's inline marks, as a text file from a Markdown editor, a wiki or an email holds them: a reader sees the
# words, not the marks. Bold or strong words, links and images (their words kept), and quoted lines ("> "). Each
# span is bounded, so a hostile file of unclosed marks costs a bounded scan from each, not one to the end of the text.
MARKDOWN_STRONG = re.compile(
    r"(?<![\w*])\*\*(?=[^\s*])(.{1,200}?)(?<=[^\s*])\*\*(?![\w*])"
    r"|(?<![\w_])__(?=[^\s_])(.{1,200}?)(?<=[^\s_])__(?![\w_])"
)
MARKDOWN_LINK = re.compile(r"!?\[([^\]\n]{1,200})\]\([^)\s]{1,2000}\)")
MARKDOWN_QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+", re.M)


def without_markdown_marks(text: str) -> str:
    text = MARKDOWN_LINK.sub(r"\1", text)
    text = MARKDOWN_STRONG.sub(lambda match: match.group(1) or match.group(2), text)
    return MARKDOWN_QUOTE.sub("", text)


def extract_text(data: bytes) -> Extracted:
    text = decode_text(data).replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > MAX_CHARACTERS:
        raise ExtractionRefused("The text file holds far more text than a plan; it was not imported.")
    controls = sum(1 for ch in text[:10000] if ord(ch) < 32 and ch not in "\n\t\f")
    if controls > 10:
        raise ExtractionRefused("The file is named as plain text but is not readable text. Check it is the right file.")
    return Extracted("text", None, "", split_plain_text(without_markdown_marks(text), line_structure=True))


def extract(kind: str, data: bytes) -> Extracted:
    """Read `data` as `kind` (pdf, docx, odt, html or text); refuse anything that is not what it says."""
    if kind not in KINDS:
        raise ExtractionRefused(
            "Only PDF, Word (.docx), OpenDocument (.odt), web page (.html) and plain text (.txt) files can be imported."
        )
    check_kind(kind, data)
    readers = {"pdf": extract_pdf, "docx": extract_docx, "odt": extract_odt, "html": extract_html, "text": extract_text}
    result = readers[kind](data)
    result.blocks = without_contents(result.blocks)
    if not any(block.text.strip() for block in result.blocks):
        raise ExtractionRefused(
            "No text could be found in the file. If it is a scanned image, ask the council for a copy with text."
        )
    if len(result.blocks) > MAX_PASSAGES:
        raise ExtractionRefused(
            f"The file holds {len(result.blocks):,} passages of text; a plan document has at most "
            f"{MAX_PASSAGES:,}. It may be a legal text or a data file rather than a plan. Nothing was imported."
        )
    if not result.title:
        headings = [b.text for b in result.blocks if b.kind == "heading"]
        result.title = next((text for text in headings if not COUNCIL_NAME_ONLY.fullmatch(text)), "")[:300]
    return result


# A table of contents' entries: words, a leader of dots (or ellipses, middle dots, underscores) and a page number,
# one or several run together ("Transforming our services ........ 3 Barriers ........ 7").
_LEADER = r"(?:\.\s?){4,}+|(?:…\s?){2,}+|(?:·\s?){4,}+|_{4,}+"  # possessive: a leader is never read shorter
# Each entry an atomic group: once read, never split again another way (that would take exponential time on a long
# paragraph of dotted entries that is not a table of contents after all).
CONTENTS_ENTRIES = re.compile(rf"(?>[^\n]*?\S\s*(?:{_LEADER})\s*(?:page\s*)?\d{{1,3}}\s*)+", re.I)
CONTENTS_HEADING = re.compile(r"(?:table of )?contents", re.I)
CONTENTS_LONGEST = 4000  # characters: a page of entries run together; a longer passage is prose


def without_contents(blocks: list[Block]) -> list[Block]:
    """The blocks without a table of contents: its entries repeat the headings with page numbers (and would be
    tagged with the themes their words name), and its "Contents" heading heads nothing once they are gone."""
    entries = [
        block.kind != "table"
        and len(block.text) <= CONTENTS_LONGEST
        and block.text.rstrip()[-1:].isdigit()
        and bool(CONTENTS_ENTRIES.fullmatch(block.text))
        for block in blocks
    ]
    if not any(entries):
        return blocks
    kept = []
    for index, block in enumerate(blocks):
        if entries[index]:
            continue
        heads_entries = index + 1 < len(blocks) and entries[index + 1]
        if block.kind == "heading" and heads_entries and CONTENTS_HEADING.fullmatch(block.text.strip()):
            continue
        kept.append(block)
    return kept


# A heading that is only the publisher's name ("Anytown Borough Council"): a website's masthead, not a title.
COUNCIL_NAME_ONLY = re.compile(
    r"([A-Z][\w'&.-]*\s+){1,5}(Borough |District |County |City |Metropolitan Borough )?(Council|Authority)", re.I
)
