"""Tables on the pages of a PDF, each as its box on the page and its rows of cell text.

pypdfium2 reads a PDF's text fast but knows nothing of tables, so a table comes out as a run of
short lines that the passage splitter would glue into paragraphs. A table only exists where a page
draws rules, so only pages that draw lines are read again here, with pdfplumber (made for finding
tables). Two kinds are recognised:

- grids, with a rule on every side of every cell (Word's default table, most designed tables):
  pdfplumber's own 'lines' strategy;
- tables ruled only between rows (the GOV.UK table style, booktabs-style rules, shaded rows): rows
  come from the rules, columns from the strips of white space that run down through every row, and
  the header row is the aligned line just above the first rule.

A table with no rules at all is found from the text alone (`unruled_tables`): three or more lines
close together, each set out in two or more runs of text with wide gaps between them, the runs
keeping to the same columns. pypdfium2 already gives the runs, so this costs no second parse.
Pure functions, no Django: run inside the limited child process with the rest of extraction.
"""

import io
import re
import time
from dataclasses import dataclass

MIN_CELL_GAP = 6.0  # points between two runs of text on one line that makes them separate cells (a space is about 3)
MIN_ALIGNED_ROWS = 3  # lines set out in columns, header included, before white space alone is a table
MIN_COLUMN_GAP = 8.0  # points: wider than a space between words (about 3 pt at 11 pt), narrower than cell padding
MIN_RULE_WIDTH = 60.0  # points: shorter lines are underlines, ticks or decoration
SAME_EDGE = 3.0  # points: rules whose ends are this close belong to one table
MAX_ROW_HEIGHT = 160.0  # points: rules further apart than this bound separate things, not rows
SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class PageTable:
    """A table found on a page: its box (x0, top, x1, bottom in points from the page's top left)
    and its rows of cell text, empty rows dropped."""

    bbox: tuple[float, float, float, float]
    rows: tuple[tuple[str, ...], ...]

    @property
    def text(self) -> str:
        return "\n".join(" | ".join(row) for row in self.rows)


def _cell(text: str | None) -> str:
    return SPACES.sub(" ", text or "").strip()


def _usable(rows: list[list[str]], *, fewest_rows: int = 2) -> tuple[tuple[str, ...], ...] | None:
    """The rows that hold any text, or None when this is not a table (a box round a paragraph, a
    single column of text, a single row)."""
    kept = tuple(tuple(row) for row in rows if any(row))
    columns = max((sum(1 for cell in row if cell) for row in kept), default=0)
    if len(kept) < fewest_rows or columns < 2:
        return None
    return kept


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


# --- Grids ---------------------------------------------------------------------------------------


def _grid_rows(page, table) -> list[list[str]]:
    """The table's rows of cell text: from pdfium, one call a cell, where the page came from pdfium
    (`PdfiumPage.cell_text`), else pdfplumber's own (which sorts every character of the page into cells)."""
    if hasattr(page, "cell_text"):
        return [[_cell(page.cell_text(cell)) if cell else "" for cell in row.cells] for row in table.rows]
    return [[_cell(cell) for cell in row] for row in table.extract()]


def grid_tables(page) -> list[PageTable]:
    found = []
    for table in page.find_tables():
        # One ruled row may be the end of a table carried over from the page before.
        rows = _usable(_grid_rows(page, table), fewest_rows=1)
        if rows:
            found.append(PageTable(tuple(table.bbox), rows))
    return found


# --- Tables ruled between rows -------------------------------------------------------------------


def _rules(page) -> list[tuple[float, float, float]]:
    """Horizontal rules as (top, x0, x1): the segments drawn at one height joined where they touch
    (a table drawn cell by cell has one segment per cell)."""
    by_height: dict[float, list[tuple[float, float]]] = {}
    for edge in page.horizontal_edges:
        by_height.setdefault(round(edge["top"]), []).append((edge["x0"], edge["x1"]))
    rules = []
    for top, spans in sorted(by_height.items()):
        spans.sort()
        start, end = spans[0]
        for x0, x1 in spans[1:]:
            if x0 <= end + 2:
                end = max(end, x1)
            else:
                rules.append((float(top), start, end))
                start, end = x0, x1
        rules.append((float(top), start, end))
    return [rule for rule in rules if rule[2] - rule[1] >= MIN_RULE_WIDTH]


def _ruled_regions(page) -> list[tuple[float, float, list[float]]]:
    """(x0, x1, the rules' heights) for each stack of two or more rules of the same width close above
    one another: the rows of a table."""
    stacks: list[list[tuple[float, float, float]]] = []
    for rule in _rules(page):
        for stack in stacks:
            last = stack[-1]
            if (
                abs(last[1] - rule[1]) <= SAME_EDGE
                and abs(last[2] - rule[2]) <= SAME_EDGE
                and 0 < rule[0] - last[0] <= MAX_ROW_HEIGHT
            ):
                stack.append(rule)
                break
        else:
            stacks.append([rule])
    return [(stack[0][1], stack[0][2], [rule[0] for rule in stack]) for stack in stacks if len(stack) >= 2]


def _columns(words) -> list[tuple[float, float]]:
    """The strips of text with white space of at least MIN_COLUMN_GAP between them."""
    spans = sorted((word["x0"], word["x1"]) for word in words)
    columns: list[list[float]] = []
    for x0, x1 in spans:
        if columns and x0 - columns[-1][1] < MIN_COLUMN_GAP:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    return [(a, b) for a, b in columns]


def _lines(words) -> list[list[dict]]:
    """Words grouped into lines by their top, top to bottom."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    return lines


def _fits_columns(line, columns) -> bool:
    """Whether a line could be the table's header: every word starts or ends inside a column (a
    header may be wider than the cells below it) and none spans a gap between columns. A line of
    prose puts words in the gaps."""
    gaps = [(a[1], b[0]) for a, b in zip(columns, columns[1:], strict=False)]
    for word in line:
        anchored = any(a - 1 <= word["x0"] <= b + 1 or a - 1 <= word["x1"] <= b + 1 for a, b in columns)
        if not anchored or any(word["x0"] < start and word["x1"] > end for start, end in gaps):
            return False
    return True


def _row_cells(words, columns) -> list[str]:
    cells = []
    for a, b in columns:
        inside = [w for w in words if a - 1 <= (w["x0"] + w["x1"]) / 2 <= b + 1]
        cells.append(_cell(" ".join(" ".join(w["text"] for w in line) for line in _lines(inside))))
    return cells


def row_ruled_table(page, words, x0: float, x1: float, heights: list[float]) -> PageTable | None:
    inside = [w for w in words if x0 - 1 <= w["x0"] and w["x1"] <= x1 + 1]
    body = [w for w in inside if heights[0] < w["top"] and w["bottom"] < heights[-1]]
    columns = _columns(body)
    if len(columns) < 2:
        return None
    # The header row sits above the first rule: take the lines just above it whose words each
    # stay inside one column; a line of prose crosses the gaps and ends the header.
    tallest_row = max(b - a for a, b in zip(heights, heights[1:], strict=False))
    above = [w for w in inside if heights[0] - tallest_row <= w["top"] and w["bottom"] <= heights[0]]
    header: list[dict] = []
    for line in reversed(_lines(above)):
        if not _fits_columns(line, columns):
            break
        header = line + header
    if header and len(_columns(body + header)) == len(columns):
        columns = _columns(body + header)  # a header wider than its cells widens its column
    bands = [header] if header else []
    for top, bottom in zip(heights, heights[1:], strict=False):
        bands.append([w for w in body if top < w["top"] and w["bottom"] < bottom])
    rows = _usable([_row_cells(band, columns) for band in bands], fewest_rows=1)
    if not rows:
        return None
    top = min(w["top"] for w in header) - 1 if header else heights[0]
    return PageTable((x0, top, x1, heights[-1]), rows)


# --- A whole page --------------------------------------------------------------------------------


def tables_on_page(page) -> list[PageTable]:
    """Every table on a pdfplumber page, top to bottom, none counted twice."""
    grids = grid_tables(page)
    found = [table for table in grids if len(table.rows) >= 2]
    words = None
    for x0, x1, heights in _ruled_regions(page):
        # Rules inside a grid already found are that grid's (a table found from them would overlap it and be
        # dropped below), so words are only grouped for rules outside one.
        if any(_overlaps((x0, heights[0], x1, heights[-1]), other.bbox) for other in found):
            continue
        words = page.extract_words() if words is None else words
        table = row_ruled_table(page, words, x0, x1, heights)
        if table and not any(_overlaps(table.bbox, other.bbox) for other in found):
            found.append(table)
    # A grid of one row counts only where no larger table explains it (shaded rows draw one each).
    found += [
        table for table in grids if len(table.rows) == 1 and not any(_overlaps(table.bbox, o.bbox) for o in found)
    ]
    return sorted(found, key=lambda table: table.bbox[1])


CPU_BUDGET_SECONDS = 6.0  # of the reader's 15: a long document full of tables is read, its later tables as text


def find_tables(
    data: bytes, page_numbers: list[int], *, budget: float = CPU_BUDGET_SECONDS, pdf=None, held=None
) -> dict[int, list[PageTable]]:
    """{page number (1-based): tables} for the given pages of a PDF; pages without a table are left out.
    `pdf` is the same file already open in pypdfium2, when the caller has it, and `held` {page number: (page,
    text page)} the pages it still holds open; the caller closes them.

    Pages are looked at in order until `budget` CPU seconds are spent; the pages after that keep
    their text as it was read (unruled tables are still found there), so finding tables can never
    be the reason a long document is refused for taking too long."""
    import pdfplumber
    import pypdfium2

    from analysis.reading.pdf_objects import pdfium_page

    found: dict[int, list[PageTable]] = {}
    started = time.process_time()
    # pdfium has parsed the pages already: pdfplumber's table finder runs on its objects where they describe
    # the page as pdfminer would (analysis/reading/pdf_objects.py), and pdfminer parses only the pages left over.
    left_over = []
    opened = pdf is None
    document = pypdfium2.PdfDocument(data) if opened else pdf
    try:
        for number in page_numbers:
            if time.process_time() - started > budget:
                return found
            opened_page = number not in (held or {})
            pdfium_objects = (document[number - 1],) if opened_page else held[number]
            try:
                if opened_page:
                    pdfium_objects += (pdfium_objects[0].get_textpage(),)
                page = pdfium_page(number, held=pdfium_objects)
                if page is None:
                    left_over.append(number)
                    continue
                tables = tables_on_page(page)
                if tables:
                    found[number] = tables
                page.close()
            finally:
                if opened_page:
                    for item in reversed(pdfium_objects):
                        item.close()
    finally:
        if opened:
            document.close()
    if not left_over:
        return found
    with pdfplumber.open(io.BytesIO(data), pages=left_over) as pdf:
        for page in pdf.pages:
            if time.process_time() - started > budget:
                break
            tables = tables_on_page(page)
            if tables:
                found[page.page_number] = tables
            page.close()
    return dict(sorted(found.items()))


# --- Tables set out with white space alone ------------------------------------------------------


LIST_MARKER = re.compile(r"^[•▪●◦‣∙○■□]$")  # bullet glyphs only: a dash may stand for "none" in a table


def _cells_of(line) -> list[tuple[float, float, str]]:
    """A line's runs of text joined where they are closer than MIN_CELL_GAP: its cells. A bullet set apart from its
    item's words (a list as Word and LibreOffice print one, the words on a tab stop) belongs to them: a column of
    bullets beside a column of words is a list, not a table."""
    cells: list[tuple[float, float, str]] = []
    for x0, x1, text in line.runs:
        if len(cells) == 1 and LIST_MARKER.match(cells[0][2]):
            cells[0] = (cells[0][0], max(cells[0][1], x1), f"{cells[0][2]} {text}")
        elif cells and x0 - cells[-1][1] < MIN_CELL_GAP:
            start, end, joined = cells[-1]
            cells[-1] = (start, max(end, x1), f"{joined} {text}")
        else:
            cells.append((x0, x1, text))
    return cells


def _strips(cells) -> list[tuple[float, float]]:
    """The columns the cells make: strips of text with at least MIN_CELL_GAP of white space between."""
    columns: list[list[float]] = []
    for x0, x1, _ in sorted(cells):
        if columns and x0 - columns[-1][1] < MIN_CELL_GAP:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    return [(a, b) for a, b in columns]


def _aligned_end(lines, start: int) -> int:
    """The index after the last line that continues the columns begun at `start`. A line continues
    them when it is close below the one before and either keeps to the columns (a new row) or is a
    single run inside one column (a cell's text wrapping)."""
    cells = _cells_of(lines[start])
    columns = _strips(cells)
    end = start + 1
    while end < len(lines):
        line, above = lines[end], lines[end - 1]
        height = max(line.bottom - line.top, 1.0)
        own = _cells_of(line)
        widened = _strips(cells + own)
        new_row = len(own) >= 2 and len(widened) >= len(columns)
        # A paragraph's worth of space ends the table, unless the line is a new row in the same columns: an office
        # suite's table keeps its paragraphs' space after them, a line or more between rows.
        if line.top - above.bottom > (ROW_GAP_LIMIT if new_row else 1.2) * height:
            break
        if new_row:
            cells, columns = cells + own, widened
        elif (
            len(own) == 1
            and line.top - above.bottom < 0.6 * height
            and any(a - 2 <= own[0][0] and own[0][1] <= b + MIN_CELL_GAP / 2 for a, b in columns)
        ):
            cells = cells + own
        else:
            break
        end += 1
    return end


def _table_of(lines) -> PageTable | None:
    columns = _strips([cell for line in lines for cell in _cells_of(line)])
    if len(columns) < 2:
        return None
    rows: list[list[list[str]]] = []
    for line in lines:
        own = _cells_of(line)
        if len(own) >= 2 or not rows:
            rows.append([[] for _ in columns])
        for x0, x1, text in own:
            middle = (x0 + x1) / 2
            column = min(range(len(columns)), key=lambda i: max(columns[i][0] - middle, middle - columns[i][1], 0))
            rows[-1][column].append(text)
    usable = _usable([[" ".join(parts) for parts in row] for row in rows])
    if not usable:
        return None
    box = (min(line.x0 for line in lines), lines[0].top, max(line.x1 for line in lines), lines[-1].bottom)
    return PageTable(box, usable)


# --- Tables whose cells wrap, which pdfium reports cell by cell -----------------------------------
#
# When a cell's text wraps, PDF producers write the row cell by cell: the first cell's lines, then
# the second cell's, which start back up beside the first. So the page's lines step back up a little
# within each row, where prose only ever moves down (or, in two columns, back up by a whole column).

ROW_GAP = 0.5  # of a line's height: more space than this between lines starts a new row
MAX_STEP_BACK = 8  # line heights: a cell taller than this is not in a table row (two columns of prose)
ROW_GAP_LIMIT = 3  # line heights: more space than this between rows ends the table


def _height(line) -> float:
    return max(line.bottom - line.top, 1.0)


def _steps_back(lines, index: int) -> bool:
    """Whether the line after `index` starts back up beside it, as the next cell of a row does."""
    line, after = lines[index], lines[index + 1]
    up = line.top - after.top
    beside = after.x0 >= line.x1 - SAME_EDGE or after.x1 <= line.x0 + SAME_EDGE
    return 0.5 * _height(after) < up <= MAX_STEP_BACK * _height(after) and beside


def _crosses(line, columns) -> bool:
    """Whether a line runs across a gap between columns: a line of prose, not a cell's."""
    return sum(1 for a, b in columns if line.x0 < b and a < line.x1) >= 2 and len(_cells_of(line)) == 1


def _within_columns(line, columns) -> bool:
    """A line of two or more cells, none of them running across a gap between columns."""
    cells = _cells_of(line)
    return len(cells) >= 2 and all(sum(1 for a, b in columns if x0 < b and a < x1) <= 1 for x0, x1, _ in cells)


def _cell_by_cell_region(lines, step: int) -> tuple[int, int]:
    """(first, end) of the rows around the step back after line `step`."""
    first = step
    # The row's first cell: the lines just before, close above each other and left of the next cell. Close is within
    # a line's height of the taller of the two: pdfium's boxes are as tall as their letters, so "centre" under "to the
    # contact" (an office suite's leading) is further from it than half its own height.
    while (
        first > 0
        and lines[first - 1].x1 <= lines[step + 1].x0 + SAME_EDGE
        and lines[first].top - lines[first - 1].bottom < max(_height(lines[first]), _height(lines[first - 1]))
    ):
        first -= 1
    columns = _strips([cell for line in lines[first : step + 2] for cell in _cells_of(line)])
    # Rows above that did not wrap (a header, say) came line by line: cells in the same columns.
    while (
        first > 0
        and _within_columns(lines[first - 1], columns)
        and lines[first].top - lines[first - 1].bottom <= ROW_GAP_LIMIT * _height(lines[first - 1])
    ):
        first -= 1
    end = step + 2
    lowest = max(line.bottom for line in lines[first:end])  # the rows so far end here
    while end < len(lines):
        line = lines[end]
        gap = line.top - lowest
        if _crosses(line, columns) or gap > ROW_GAP_LIMIT * _height(line):
            break
        if gap > ROW_GAP * _height(line) and len(_cells_of(line)) == 1 and end + 1 < len(lines):
            if not _steps_back(lines, end) and line.x1 - line.x0 > 0.6 * (columns[-1][1] - columns[0][0]):
                break  # a new paragraph below the table
        columns = _strips([cell for row in lines[first : end + 1] for cell in _cells_of(row)])
        lowest = max(lowest, line.bottom)
        end += 1
    return first, end


def _rows_by_band(lines, columns) -> list[list[str]]:
    """The region's lines sorted down the page and grouped into rows where the space between them
    is wider than a line's leading; each run of text goes to the column it sits in."""
    rows: list[list[list[tuple[float, float, str]]]] = []
    band_bottom = None
    # A cell's text wrapping, as pdfium reads a table cell by cell: a line right under the one before it, in the same
    # column. It stays in that line's row, however wide the office suite's leading.
    wraps = {
        id(line)
        for above, line in zip(lines, lines[1:], strict=False)
        if len(_cells_of(above)) == len(_cells_of(line)) == 1
        and abs(line.x0 - above.x0) <= SAME_EDGE
        and 0 <= line.top - above.bottom < max(_height(line), _height(above))
    }
    for line in sorted(lines, key=lambda line: (line.top, line.x0)):
        if band_bottom is None or (line.top - band_bottom > ROW_GAP * _height(line) and id(line) not in wraps):
            rows.append([[] for _ in columns])
            band_bottom = line.bottom
        band_bottom = max(band_bottom, line.bottom)
        for x0, x1, text in _cells_of(line):
            middle = (x0 + x1) / 2
            column = min(range(len(columns)), key=lambda i: max(columns[i][0] - middle, middle - columns[i][1], 0))
            rows[-1][column].append((line.top, x0, text))
    return [[" ".join(text for _, _, text in sorted(cell)) for cell in row] for row in rows]


def cell_by_cell_tables(lines) -> list[tuple[int, int, PageTable]]:
    """(first, end, table) for each table whose rows pdfium gave cell by cell: at least two rows,
    each stepping back up at least once, in two or more columns."""
    found = []
    index = 0
    while index < len(lines) - 1:
        if not _steps_back(lines, index):
            index += 1
            continue
        first, end = _cell_by_cell_region(lines, index)
        region = lines[first:end]
        steps = sum(1 for i in range(first, end - 1) if _steps_back(lines, i))
        columns = _strips([cell for line in region for cell in _cells_of(line)])
        rows = _rows_by_band(region, columns) if len(columns) >= 2 else []
        # Two rows that wrapped, or one that wrapped between two set out line by line (a header and a short row).
        set_out = sum(1 for line in region if len(_cells_of(line)) >= 2)
        usable = _usable(rows) if (steps >= 2 or (steps == 1 and set_out >= 2)) and len(rows) >= 2 else None
        if usable is None:
            index += 1
            continue
        box = (min(line.x0 for line in region), min(line.top for line in region))
        box += (max(line.x1 for line in region), max(line.bottom for line in region))
        found.append((first, end, PageTable(box, usable)))
        index = end
    return found


def unruled_tables(lines) -> list[tuple[int, int, PageTable]]:
    """(index of the first line, index after the last, table) for each table in these lines that is
    set out in columns with white space alone, whether pdfium gave its rows line by line or (where
    cells wrap) cell by cell. Lines need `runs` [(x0, x1, text)], `top`, `bottom`, `x0` and `x1`, in
    points from the page's top left."""
    found = []
    index = 0
    wrapped = cell_by_cell_tables(lines)
    while index < len(lines):
        inside = next((entry for entry in wrapped if entry[0] == index), None)
        if inside is not None:
            found.append(inside)
            index = inside[1]
            continue
        if len(_cells_of(lines[index])) >= 2 and not any(first <= index < end for first, end, _ in wrapped):
            end = _aligned_end(lines, index)
            rows_set_out = sum(1 for line in lines[index:end] if len(_cells_of(line)) >= 2)
            table = _table_of(lines[index:end]) if rows_set_out >= MIN_ALIGNED_ROWS else None
            if table is not None:
                found.append((index, end, table))
                index = end
                continue
        index += 1
    return found
