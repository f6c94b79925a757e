"""A PDF page's characters and drawn lines from pdfium, shaped as pdfplumber's objects, for finding tables.

pdfplumber finds tables from a page's characters and the edges of its lines and rectangles. It gets
them from pdfminer, which parses the page's content stream in pure Python: about 70 ms for a page
of a four-page plan, seven times what pypdfium2 takes to read the whole document. pdfium has
already parsed the page, so here the same objects are made from what it reports (each character's
loose box, the font's ascent to descent as pdfminer gives it; each path's points through its
matrix), and pdfplumber's own table finder and word grouping run on them (`PdfiumPage`). A grid's
cells are read from pdfium with one call each, and the characters are made only for tables ruled
between rows, which need pdfplumber's words.

Only pages pdfium can describe exactly as pdfminer would are made here: no rotation, the media box
at the origin, every character upright, every path on the page itself (not in a form XObject) and
made of straight segments in a matrix without rotation or skew. Any other page is left to
pdfplumber (`pdfium_page` answers None), so the result never depends on the shortcut. Pure
functions, no Django: runs inside the limited child process with the rest of extraction.
"""

import ctypes
import math
import re

from pdfplumber.container import Container
from pdfplumber.page import Page

# A list's bullet drawn in the Symbol or Wingdings font, as Word and LibreOffice write them into a PDF: pdfium gives the
# font's own code, in Unicode's private use area ("\uf0b7" for Symbol's bullet). Each is read as a bullet, in a line
# of text and in a table's cell alike.
SYMBOL_BULLETS = str.maketrans(dict.fromkeys("\uf0b7\uf0a7\uf0a8\uf0d8\uf0fc\uf076\uf06e\uf06f", "•"))
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")

LINETO, BEZIERTO, MOVETO = 0, 1, 2  # pdfium's FPDF_SEGMENT_* types
UPRIGHT_ANGLE = 1e-3  # radians: pdfium reports a character's rotation; any other page goes to pdfplumber
NEWLINES = {"\r", "\n"}


class NotDescribable(Exception):
    """The page has something pdfium's objects would not describe as pdfminer does."""


class BoundedText:
    """The text inside boxes of one text page (left, bottom, right, top in PDF units), as pypdfium2's
    `get_text_bounded` gives it, read with one pdfium call a box into a buffer made once for the page, where
    `get_text_bounded` makes two (one for the length, one for the text) and a buffer each time."""

    def __init__(self, textpage):
        import pypdfium2.raw as raw

        self._raw, self._textpage = raw, textpage
        # Room for every character of the page twice over (the text adds line breaks) and the closing NUL.
        self._size = 2 * raw.FPDFText_CountChars(textpage.raw) + 16
        self._buffer = (ctypes.c_ushort * self._size)()

    def __call__(self, left: float, bottom: float, right: float, top: float) -> str:
        written = self._raw.FPDFText_GetBoundedText(
            self._textpage.raw, left, top, right, bottom, self._buffer, self._size
        )
        if written >= self._size:  # the text may have been cut short: read it as pypdfium2 does
            text = self._textpage.get_text_bounded(left, bottom, right, top) or ""
        else:
            text = ctypes.string_at(self._buffer, 2 * max(written, 0)).decode("utf-16-le", errors="ignore")
            text = text[:-1] if text.endswith("\x00") else text
        return text.translate(SYMBOL_BULLETS) if PRIVATE_USE.search(text) else text


class PdfiumPage(Container):
    """Enough of a pdfplumber page for `analysis.reading.pdf_tables`: `find_tables`, `extract_words`, `chars`,
    `edges`, `horizontal_edges`, `bbox`, `page_number`, `close` (pdfplumber's code, on pdfium's objects), and
    `cell_text`. The characters are made only when something asks for them: a grid's cells are read with
    `cell_text`, and most ruled pages need nothing else."""

    cached_properties = ["_rect_edges", "_curve_edges", "_edges"]
    find_tables = Page.find_tables
    extract_words = Page.extract_words

    def __init__(self, page_number: int, width: float, height: float, objects: dict, textpage):
        self.page_number, self.width, self.height = page_number, width, height
        self.bbox = (0, 0, width, height)
        self._objects = objects
        self._textpage = textpage
        self._bounded = BoundedText(textpage)

    @property
    def objects(self) -> dict:
        return self._objects

    @property
    def chars(self) -> list[dict]:
        if "char" not in self._objects:
            import pypdfium2.raw as raw

            self._objects["char"] = _chars(raw, self._textpage.raw, self.page_number, self.height)
        return self._objects["char"]

    def cell_text(self, bbox) -> str:
        """The text pdfium finds inside a box (x0, top, x1, bottom from the page's top left): one call for a
        table cell, where pdfplumber's `Table.extract` sorts every character of the page into cells. Both give
        the same cell text on every table of the service's evaluation documents and benchmark plans
        (`tests/unit/test_analysis_pdf_objects.py` compares them)."""
        x0, top, x1, bottom = bbox
        return self._bounded(x0, self.height - bottom, x1, self.height - top)

    def close(self) -> None:
        self.flush_cache()


def _chars(raw, textpage, page_number: int, height: float) -> list[dict]:
    """pdfplumber's characters (every one upright: `pdfium_page` has checked with `_upright`)."""
    chars, box = [], raw.FS_RECTF()
    for index in range(raw.FPDFText_CountChars(textpage)):
        text = chr(raw.FPDFText_GetUnicode(textpage, index))
        if text in NEWLINES or (raw.FPDFText_IsGenerated(textpage, index) == 1 and text != " "):
            continue
        if not raw.FPDFText_GetLooseCharBox(textpage, index, box):
            continue
        top, bottom = height - box.top, height - box.bottom
        chars.append(
            {
                "object_type": "char",
                "page_number": page_number,
                "text": text,
                "x0": box.left,
                "x1": box.right,
                "y0": box.bottom,
                "y1": box.top,
                "top": top,
                "bottom": bottom,
                "doctop": top,
                "width": box.right - box.left,
                "height": bottom - top,
                "size": raw.FPDFText_GetFontSize(textpage, index),
                "upright": True,
            }
        )
    return chars


def _upright(raw, page, textpage) -> bool:
    """Whether every character `_chars` would make stands upright (pdfminer describes others differently).
    pdfium gives a character the matrix of its text object, so a page whose text objects all stand upright (and
    that holds no form, whose matrix would apply too) needs no look at each character."""
    if _text_objects_upright(raw, page):
        return True
    for index in range(raw.FPDFText_CountChars(textpage)):
        if abs(raw.FPDFText_GetCharAngle(textpage, index)) <= UPRIGHT_ANGLE:
            continue
        text = chr(raw.FPDFText_GetUnicode(textpage, index))
        if text not in NEWLINES and (raw.FPDFText_IsGenerated(textpage, index) != 1 or text == " "):
            return False
    return True


def _text_objects_upright(raw, page) -> bool:
    """Whether each text object on the page is set upright (its matrix turned by at most UPRIGHT_ANGLE, as
    FPDFText_GetCharAngle measures a character's) and none sits in a form; False when unsure."""
    matrix = raw.FS_MATRIX()
    for index in range(raw.FPDFPage_CountObjects(page)):
        item = raw.FPDFPage_GetObject(page, index)
        kind = raw.FPDFPageObj_GetType(item)
        if kind == raw.FPDF_PAGEOBJ_FORM:
            return False
        if kind != raw.FPDF_PAGEOBJ_TEXT:
            continue
        if not raw.FPDFPageObj_GetMatrix(item, matrix):
            return False
        angle = math.atan2(matrix.b, matrix.a)
        if (angle + 2 * math.pi if angle < 0 else angle) > UPRIGHT_ANGLE:
            return False
    return True


def _subpaths(raw, path) -> list[list[tuple[float, float]]]:
    """The path's points in page space (y upwards), one list per subpath; a closed subpath ends where
    it began, as pdfminer's points do."""
    matrix = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(path, matrix) or abs(matrix.b) > 1e-6 or abs(matrix.c) > 1e-6:
        raise NotDescribable
    subpaths: list[list[tuple[float, float]]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for index in range(raw.FPDFPath_CountSegments(path)):
        segment = raw.FPDFPath_GetPathSegment(path, index)
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind not in (LINETO, MOVETO) or not raw.FPDFPathSegment_GetPoint(segment, x, y):
            raise NotDescribable
        point = (matrix.a * x.value + matrix.e, matrix.d * y.value + matrix.f)
        if kind == MOVETO or not subpaths:
            subpaths.append([point])
        else:
            subpaths[-1].append(point)
        if raw.FPDFPathSegment_GetClose(segment) and subpaths[-1][0] != subpaths[-1][-1]:
            subpaths[-1].append(subpaths[-1][0])
    return subpaths


def _shape(points: list[tuple[float, float]], page_number: int, height: float, stroke: bool, fill: bool):
    """(pdfplumber's object type, the object) for one subpath, as pdfminer classifies it: two points
    a line, an axis-aligned box of four sides a rect, anything else a curve through its points."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    shape = {
        "page_number": page_number,
        "x0": x0,
        "x1": x1,
        "y0": y0,
        "y1": y1,
        "top": height - y1,
        "bottom": height - y0,
        "doctop": height - y1,
        "width": x1 - x0,
        "height": y1 - y0,
        "stroke": stroke,
        "fill": fill,
        "pts": [(x, height - y) for x, y in points],
    }
    if len(points) == 2:
        if points[0][0] != points[1][0] and points[0][1] != points[1][1]:
            raise NotDescribable  # a slanted line: pdfplumber calls it vertical; leave that to pdfplumber
        return "line", {**shape, "object_type": "line"}
    corners = points[:-1] if points[0] == points[-1] else points
    sides = list(zip(corners, corners[1:] + corners[:1], strict=False))
    if len(corners) == 4 and all(a[0] == b[0] or a[1] == b[1] for a, b in sides):
        return "rect", {**shape, "object_type": "rect"}
    return "curve", {**shape, "object_type": "curve"}


def _shapes(raw, page, page_number: int, height: float) -> dict[str, list[dict]]:
    shapes: dict[str, list[dict]] = {"line": [], "rect": [], "curve": []}
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for index in range(raw.FPDFPage_CountObjects(page)):
        item = raw.FPDFPage_GetObject(page, index)
        kind = raw.FPDFPageObj_GetType(item)
        if kind == raw.FPDF_PAGEOBJ_FORM:
            raise NotDescribable  # objects inside a form have its matrix too
        if kind != raw.FPDF_PAGEOBJ_PATH:
            continue
        if not raw.FPDFPath_GetDrawMode(item, fill, stroke):
            raise NotDescribable
        if not fill.value and not stroke.value:
            continue  # painted nowhere: pdfminer reports no object either
        for points in _subpaths(raw, item):
            if len(points) < 2:
                continue
            name, shape = _shape(points, page_number, height, bool(stroke.value), bool(fill.value))
            shapes[name].append(shape)
    return shapes


def pdfium_page(page_number: int, *, held) -> PdfiumPage | None:
    """Page `page_number` (1-based) of a PDF as a PdfiumPage, or None when pdfium's objects would not describe
    it as pdfminer does (pdfplumber reads it instead). `held` is the pypdfium2 page and its text page, open; the
    caller closes them after the PdfiumPage (which reads characters from the text page when asked)."""
    import pypdfium2.raw as raw

    page, textpage = held
    try:
        left, bottom, right, top = page.get_mediabox()
        if page.get_rotation() or left or bottom:
            return None
        width, height = right - left, top - bottom
        if not _upright(raw, page.raw, textpage.raw):
            return None
        return PdfiumPage(page_number, width, height, _shapes(raw, page.raw, page_number, height), textpage)
    except NotDescribable:
        return None
