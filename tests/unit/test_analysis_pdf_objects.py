"""Tables are found from pdfium's objects exactly as pdfplumber finds them from pdfminer's, and a page pdfium's
objects would not describe as pdfminer does is left to pdfplumber."""

import io

import pdfplumber
import pypdfium2
import pytest
from weasyprint import HTML

from analysis.reading import pdf_objects, pdf_tables

from .test_analysis_pdf_tables import ROWS, STYLES, plan_pdf


def pdfium_page(pdf, number: int):
    """The PdfiumPage of a page, with its pdfium page and text page held open as an import holds them."""
    page = pdf[number - 1]
    return pdf_objects.pdfium_page(number, held=(page, page.get_textpage()))


def both_ways(data: bytes, number: int):
    pdf = pypdfium2.PdfDocument(data)
    page = pdfium_page(pdf, number)
    with pdfplumber.open(io.BytesIO(data), pages=[number]) as plumber:
        expected = pdf_tables.tables_on_page(plumber.pages[0])
    return page, expected


@pytest.mark.parametrize("style", STYLES)
def test_the_tables_found_from_pdfiums_objects_are_pdfplumbers(style):
    page, expected = both_ways(plan_pdf(STYLES[style]), 1)

    assert page is not None, "a page printed by WeasyPrint is described by pdfium's objects"
    found = pdf_tables.tables_on_page(page)
    assert [t.rows for t in found] == [t.rows for t in expected] == [tuple(ROWS)]
    # pdfium's character boxes reach a little higher than pdfminer's (the font's ascent): a header row's top
    # may sit about a point higher, far less than a line, and lines are placed by their middles.
    pairs = zip(found, expected, strict=True)
    assert all(abs(a - b) < 2 for f, e in pairs for a, b in zip(f.bbox, e.bbox, strict=True))


def test_a_page_drawing_curves_is_left_to_pdfplumber():
    rounded = STYLES["grid"] + " table { border-radius: 8px; border: 1px solid #505a5f; border-collapse: separate; }"
    data = plan_pdf(rounded)

    page, expected = both_ways(data, 1)
    assert page is None
    assert [t.rows for t in pdf_tables.find_tables(data, [1])[1]] == [t.rows for t in expected]


def test_a_rotated_page_is_left_to_pdfplumber():
    html = "<style>@page { size: A4 landscape }</style><p>Words.</p>"
    pdf = pypdfium2.PdfDocument(HTML(string=html).write_pdf())
    pdf[0].set_rotation(90)

    assert pdfium_page(pdf, 1) is None


def test_a_page_with_a_turned_character_is_left_to_pdfplumber():
    """pdfminer describes turned characters differently, so a page holding one is never read from pdfium's."""
    html = (
        f"<style>{STYLES['grid']}</style><p style='transform: rotate(30deg)'>Turned words.</p>"
        "<table><tr><td>Measure</td><td>Target</td></tr><tr><td>Waiting days</td><td>12</td></tr></table>"
    )
    pdf = pypdfium2.PdfDocument(HTML(string=html).write_pdf())

    assert pdfium_page(pdf, 1) is None


@pytest.mark.parametrize("style", STYLES)
def test_a_grids_cells_read_from_pdfium_are_pdfplumbers(style):
    """Each cell's text is read with one pdfium call; pdfplumber's Table.extract sorts the page's characters into
    the cells. Both read the same text, and the characters are never made for a page with only grids."""
    page = pdfium_page(pypdfium2.PdfDocument(plan_pdf(STYLES[style])), 1)
    grids = page.find_tables()

    from_pdfium = [pdf_tables._grid_rows(page, table) for table in grids]
    assert "char" not in page.objects
    from_pdfplumber = [[[pdf_tables._cell(cell) for cell in row] for row in table.extract()] for table in grids]
    assert from_pdfium == from_pdfplumber
