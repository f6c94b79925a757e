"""Read a plan document's text, with page numbers, and split it into passages.

Pure functions, no Django: `extract(kind, data)` is run inside a child process with hard limits
on memory and CPU (see analysis/sandbox.py and analysis/extract_child.py), because a hostile
file can make a parser use gigabytes or loop for ever, and pdfium aborts the whole process when
it runs out of memory.

Passages are headings, paragraphs and whole tables, in reading order, each with its page
(None where the format has no pages: web pages, and plain text without form feeds).
Every refusal is an `ExtractionRefused` whose message can be shown to the person as it is.
"""

import io
import re
import zipfile
from dataclasses import asdict, dataclass
from html.parser import HTMLParser

MAX_PAGES = 200  # a plan is about four pages; a few hundred is a mistake or an attack
MAX_CHARACTERS = 1_000_000  # far beyond any plan
MAX_DOCX_UNCOMPRESSED = 60 * 1024 * 1024  # a Word file may expand this far, and no further
MAX_DOCX_RATIO = 150  # a part that expands more than this is a zip bomb, not a plan
HEADING_MAX_CHARACTERS = 120

KINDS = ("pdf", "docx", "html", "text")


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
            "blocks": [asdict(b) for b in self.blocks],
        }


# --- Recognising what a file really is ------------------------------------------------------

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
HTML_SIGNS = re.compile(rb"<\s*(!doctype\s+html|html|head|body|p|h[1-6]|div|article|section|main|title)\b", re.I)


def sniff(data: bytes) -> str | None:
    """What the bytes are: pdf, docx (a zip), html, text, or None (binary of another kind)."""
    head = data[:2048]
    if PDF_MAGIC in head[:1024]:
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        return "docx"
    if b"\x00" in head:
        return None
    if HTML_SIGNS.search(head.lower()):
        return "html"
    return "text"


LABELS = {"pdf": "a PDF", "docx": "a Word document (.docx)", "html": "a web page (HTML)", "text": "a plain text file"}


def check_kind(kind: str, data: bytes) -> None:
    if not data:
        raise ExtractionRefused("The file is empty.")
    actual = sniff(data)
    if kind == "pdf" and actual != "pdf":
        raise ExtractionRefused("The file is named as a PDF but is not a PDF. Check it is the right file.")
    if kind == "docx" and actual != "docx":
        raise ExtractionRefused(
            "The file is named as a Word document (.docx) but is not one. Check it is the right file."
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

    for index, line in enumerate(lines):
        if not line:
            flush()
            continue
        if PAGE_FOOTER.match(line):
            continue
        following = next((nxt for nxt in lines[index + 1 :] if nxt), "")
        short = len(line) < 0.75 * full or (len(line) <= 60 and following[:1].isupper())
        if not current and looks_like_heading(line) and (short or not following):
            blocks.append(Block("heading", line, page))
            continue
        if BULLET.match(line):
            flush()
        current.append(line)
        if line.endswith((".", "!", "?", ":")) and len(line) < 0.85 * full:
            flush()
    flush()
    return blocks


def split_plain_text(text: str) -> list[Block]:
    """Plain text: pages by form feed (as pdftotext writes), Markdown-style '#' headings and
    '|' tables kept whole; otherwise paragraphs by blank lines."""
    pages = text.split("\f")
    paged = len(pages) > 1
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
        tables = _tables(data, [number for number in range(1, page_count + 1) if _draws_rules(pdf[number - 1])])
        pages: list[list[_Line]] = []
        characters = 0
        for index in range(page_count):
            page = pdf[index]
            textpage = page.get_textpage()
            pages.append(_text_lines(page, textpage))
            textpage.close()
            page.close()
            characters += sum(len(line.text) for line in pages[-1])
            if characters > MAX_CHARACTERS:
                raise ExtractionRefused("The PDF holds far more text than a plan document; it was not imported.")
    finally:
        pdf.close()
    pages = _without_running_heads(pages)
    blocks = [
        block for number, lines in enumerate(pages, 1) for block in _page_blocks(lines, number, tables.get(number, []))
    ]
    return Extracted("pdf", page_count, title, _join_tables_across_pages(blocks))


DIGITS = re.compile(r"\d+")
PAGE_WORD = re.compile(r"\bpage\b|^[\d\s/|–-]+$", re.I)
EDGE_LINES = 3  # how far from the top or the foot of a page a running header or footer sits
RUNNING_PAGES = 3  # on fewer pages, a repeated line may as well be the plan's own words


def _furniture_key(line: "_Line") -> tuple[str, int]:
    """What a running header or footer keeps from page to page: its text (its numbers too, unless it
    is a page number) and its place on the page."""
    text = DIGITS.sub("#", line.text) if PAGE_WORD.search(line.text) else line.text
    return text, round(line.top / 4)


def _without_running_heads(pages: list[list["_Line"]]) -> list[list["_Line"]]:
    """The pages without their running headers and footers: a line at the top or foot of the page that
    comes back, in the same place, on at least three pages and half of them is the document's
    furniture, not a passage. A document of one or two pages has none to tell."""
    if len(pages) < RUNNING_PAGES:
        return pages

    def edges(lines):
        return {id(line): line for line in lines[:EDGE_LINES] + lines[-EDGE_LINES:]}.values()

    seen: dict[tuple[str, int], int] = {}
    for lines in pages:
        for key in {_furniture_key(line) for line in edges(lines)}:
            seen[key] = seen.get(key, 0) + 1
    furniture = {key for key, count in seen.items() if count >= max(RUNNING_PAGES, len(pages) / 2)}
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


def _text_lines(page, textpage) -> list[_Line]:
    """The page's lines in pdfium's reading order, each with its box: pdfium gives the text as
    runs, one box each, and runs side by side are one line."""
    page_top = page.get_mediabox()[3]
    lines: list[_Line] = []
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        text = clean(textpage.get_text_bounded(left, bottom, right, top) or "")
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


def _with_paragraph_breaks(lines: list[_Line]) -> list[str]:
    """The lines' text with an empty line where the space above a line is clearly wider than the
    usual spacing of lines on the page: the paragraph breaks a PDF shows by space alone."""
    steps = [line.top - above.top for above, line in zip(lines, lines[1:], strict=False)]
    # The usual spacing is that of lines within a paragraph: a low quartile, since a page of short
    # paragraphs has nearly as many gaps between paragraphs as within them.
    usual = sorted(step for step in steps if step > 0)
    usual_step = usual[len(usual) // 4] if usual else 0
    text = [lines[0].text] if lines else []
    for step, line in zip(steps, lines[1:], strict=False):
        if step <= 0 or step > PARAGRAPH_GAP * usual_step:
            text.append("")
        text.append(line.text)
    return text


def _page_blocks(lines: list[_Line], number: int, tables) -> list[Block]:
    """A page's passages in reading order: the text above each table, the table whole, the text
    beside it, and so on down the page."""
    from analysis.pdf_tables import unruled_tables

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

    paths = page.get_objects(filter=(raw.FPDF_PAGEOBJ_PATH,), max_depth=3)
    return sum(1 for _, _ in zip(range(2), paths, strict=False)) >= 2


def _tables(data: bytes, page_numbers: list[int]) -> dict:
    """The tables on the pages that draw rules. Finding tables is a refinement: should the second
    parser fail on a file the first one read (even by running out of memory, which frees what it
    took as it unwinds), the pages are kept as text rather than the plan refused."""
    if not page_numbers:
        return {}
    from analysis.pdf_tables import find_tables

    try:
        return find_tables(data, page_numbers)
    except Exception:  # noqa: BLE001 - any failure (MemoryError included) leaves the text as it was read
        return {}


# --- Word ------------------------------------------------------------------------------------


def check_zip(data: bytes) -> None:
    """Refuse a .docx that is not a Word file, or that would expand far beyond any plan."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as error:
        raise ExtractionRefused("The Word document is damaged and could not be read.") from error
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        raise ExtractionRefused("The file is a zip archive but not a Word document (.docx).")
    if any(info.flag_bits & 0x1 for info in infos):
        raise ExtractionRefused("The Word document is encrypted, so its text cannot be read.")
    total = sum(info.file_size for info in infos)
    if total > MAX_DOCX_UNCOMPRESSED:
        raise ExtractionRefused(
            f"The Word document expands to {total // (1024 * 1024):,} MB when opened, far more than a plan; "
            "it was not imported."
        )
    for info in infos:
        if info.file_size > 1024 * 1024 and info.file_size > MAX_DOCX_RATIO * max(info.compress_size, 1):
            raise ExtractionRefused(
                "The Word document is built to expand enormously when opened (a 'zip bomb'); it was not imported."
            )


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


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
    """The page count Word stored when it last saved the file, trusted only when the word count it
    stored beside it matches the text (within 15%): a file written by other software, or edited
    since, carries a stale count (python-docx's template says one page of no words)."""
    try:
        app = zipfile.ZipFile(io.BytesIO(data)).read("docProps/app.xml")[:100_000]
    except (KeyError, zipfile.BadZipFile, ValueError):
        return None
    pages, stored_words = APP_PAGES.search(app), APP_WORDS.search(app)
    if not pages or not stored_words or not words:
        return None
    if abs(int(stored_words.group(1)) - words) > 0.15 * words:
        return None
    return int(pages.group(1)) or None


def extract_docx(data: bytes) -> Extracted:
    check_zip(data)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises several kinds for damaged files
        raise ExtractionRefused("The Word document is damaged and could not be read.") from error
    title = clean(document.core_properties.title or "")
    blocks: list[Block] = []
    page = 1
    list_items: list[str] = []
    list_page = page
    characters = 0

    def flush_list():
        if list_items:
            blocks.append(Block("paragraph", "\n".join(list_items), list_page))
            list_items.clear()

    for child in document.element.body.iterchildren():
        if child.tag == f"{W}tbl":
            flush_list()
            table = Table(child, document)
            rows = [" | ".join(clean(cell.text) for cell in row.cells) for row in table.rows]
            text = "\n".join(row for row in rows if row.strip(" |"))
            if text:
                blocks.append(Block("table", text, page))
            continue
        if child.tag != f"{W}p":
            continue
        breaks = _page_breaks(child)
        paragraph = Paragraph(child, document)
        text = clean(paragraph.text)
        if breaks and not text:
            page += breaks
            continue
        page += breaks
        if not text:
            continue
        characters += len(text)
        if characters > MAX_CHARACTERS:
            raise ExtractionRefused("The Word document holds far more text than a plan; it was not imported.")
        style = (paragraph.style.name if paragraph.style is not None else "").lower()
        if style.startswith("heading") or style == "title":
            flush_list()
            blocks.append(Block("heading", text, page))
            if style == "title" and not title:
                title = text
        elif "list" in style:
            if not list_items:
                list_page = page
            list_items.append(f"- {text}")
        else:
            flush_list()
            blocks.append(Block("paragraph", text, page))
    flush_list()
    page_count = _word_page_count(data, sum(len(WORD_LIKE.findall(block.text)) for block in blocks))
    if page == 1 and page_count != 1:
        # No page break recorded anywhere (Word records where it broke pages when it saves; other
        # software may not): the pages are not known, rather than all "page 1".
        blocks = [Block(block.kind, block.text, None) for block in blocks]
    return Extracted("docx", page_count, title, blocks)


# --- Web pages -------------------------------------------------------------------------------

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
PARAGRAPHS = {"p", "li", "dt", "dd", "blockquote", "figcaption", "pre", "caption", "address"}
CONTAINERS = {"div", "section", "article", "main", "body", "header", "footer", "aside", "ul", "ol", "dl", "form"}
SKIPPED = {"script", "style", "noscript", "template", "svg", "nav", "head", "iframe", "object"}
VOID = {"br", "img", "hr", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}


class _PageReader(HTMLParser):
    """Headings, paragraphs and whole tables from an HTML page, in reading order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.title = ""
        self.skip_depth = 0
        self.in_title = False
        self.text: list[str] = []
        self.kind = "paragraph"
        self.table_depth = 0
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None

    def flush(self):
        text = clean(" ".join(self.text))
        self.text = []
        if text:
            self.blocks.append(Block(self.kind, text, None))
        self.kind = "paragraph"

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            if tag == "br":
                self.text.append(" ")
            return
        if tag == "title":
            self.in_title = True
            return
        if tag in SKIPPED:
            self.skip_depth += 1
            return
        if self.skip_depth:
            return
        if tag == "table":
            if self.table_depth == 0:
                self.flush()
                self.rows = []
            self.table_depth += 1
        elif self.table_depth:
            if tag == "tr" and self.table_depth == 1:
                self.rows.append([])
            elif tag in ("td", "th") and self.table_depth == 1:
                self.cell = []
        elif tag in HEADINGS:
            self.flush()
            self.kind = "heading"
        elif tag in PARAGRAPHS or tag in CONTAINERS:
            self.flush()

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
            return
        if tag in SKIPPED:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if self.skip_depth:
            return
        if self.table_depth:
            if tag in ("td", "th") and self.table_depth == 1 and self.cell is not None:
                if not self.rows:
                    self.rows.append([])
                self.rows[-1].append(clean(" ".join(self.cell)))
                self.cell = None
            elif tag == "table":
                self.table_depth -= 1
                if self.table_depth == 0:
                    text = "\n".join(" | ".join(row) for row in self.rows if any(row))
                    if text:
                        self.blocks.append(Block("table", text, None))
                    self.rows = []
            return
        if tag in HEADINGS or tag in PARAGRAPHS or tag in CONTAINERS:
            self.flush()

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


def decode_text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def extract_html(data: bytes) -> Extracted:
    text = decode_text(data)
    if len(text) > 4 * MAX_CHARACTERS:
        raise ExtractionRefused("The web page holds far more text than a plan; it was not imported.")
    reader = _PageReader()
    reader.feed(text)
    reader.close()
    reader.flush()
    return Extracted("html", None, clean(reader.title), reader.blocks)


def extract_text(data: bytes) -> Extracted:
    text = decode_text(data).replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > MAX_CHARACTERS:
        raise ExtractionRefused("The text file holds far more text than a plan; it was not imported.")
    controls = sum(1 for ch in text[:10000] if ord(ch) < 32 and ch not in "\n\t\f")
    if controls > 10:
        raise ExtractionRefused("The file is named as plain text but is not readable text. Check it is the right file.")
    return Extracted("text", None, "", split_plain_text(text))


def extract(kind: str, data: bytes) -> Extracted:
    """Read `data` as `kind` (pdf, docx, html or text); refuse anything that is not what it says."""
    if kind not in KINDS:
        raise ExtractionRefused("Only PDF, Word (.docx), web page (.html) and plain text (.txt) files can be imported.")
    check_kind(kind, data)
    result = {"pdf": extract_pdf, "docx": extract_docx, "html": extract_html, "text": extract_text}[kind](data)
    if not any(block.text.strip() for block in result.blocks):
        raise ExtractionRefused(
            "No text could be found in the file. If it is a scanned image, ask the council for a copy with text."
        )
    if not result.title:
        result.title = next((b.text for b in result.blocks if b.kind == "heading"), "")[:300]
    return result
