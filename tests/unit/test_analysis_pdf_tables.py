"""Tables in PDF plans come out as one passage each, with their rows, and the text around them
stays as headings and paragraphs in reading order. The PDFs are printed here from HTML, the way
councils' own PDFs are made, in the table styles plans use."""

import pytest
from weasyprint import HTML

from analysis.reading import pdf_tables
from analysis.reading.extract import extract

ROWS = [
    ("Action", "Measure", "Now", "Target"),
    ("Close surplus office buildings", "Office buildings in use", "12", "7"),
    ("Reduce the use of agency social workers", "Agency social workers in post", "40", "20"),
    ("Cut repeat calls to the contact centre", "Repeat calls as a share of all calls", "18%", "10%"),
]
BEFORE = (
    "We will keep reviewing how each service is delivered so that money goes where residents need it "
    "most, and we will report progress to members every quarter through the scrutiny committee."
)
AFTER = (
    "The commitments above are monitored by the transformation board, which publishes its minutes and "
    "a short account of the savings each project has delivered against its business case."
)
SHORT_ROWS = [
    ("Spend", "2022/23", "2023/24"),
    ("Agency staff", "£4.1m", "£3.2m"),
    ("Consultants", "£1.2m", "£0.9m"),
    ("Staff budget", "£212m", "£219m"),
]
STYLES = {
    "grid": "td, th { border: 1px solid #505a5f; padding: 4px; }",
    "rules between rows": "td, th { border-bottom: 1px solid #b1b4b6; padding: 10px 20px 10px 0; }",
    "shaded rows": "td, th { padding: 6px 12px; } tr:nth-child(even) td { background: #dddddd; }",
}


def plan_pdf(table_style: str, *, body: str = "", rows=ROWS, pages_before: int = 0) -> bytes:
    table = "<table>" + "".join(
        "<tr>" + "".join(f"<{'th' if i == 0 else 'td'}>{cell}</{'th' if i == 0 else 'td'}>" for cell in row) + "</tr>"
        for i, row in enumerate(rows)
    )
    filler = "".join(f'<p style="break-after: page">{BEFORE}</p>' for _ in range(pages_before))
    html = (
        '<!DOCTYPE html><html lang="en"><head><title>Plan</title><style>'
        "body { font-family: 'Liberation Sans', sans-serif; font-size: 11pt; } "
        "table { border-collapse: collapse; width: 100%; } th { text-align: left; } "
        f"{table_style}</style></head><body>{filler}<h1>Our productivity plan</h1>"
        f"<p>{BEFORE}</p>{body or table + '</table>'}<p>{AFTER}</p></body></html>"
    )
    return HTML(string=html).write_pdf()


def tables(extracted):
    return [block for block in extracted.blocks if block.kind == "table"]


@pytest.mark.parametrize("style", STYLES)
def test_a_table_is_one_passage_with_every_row_and_the_text_around_it_is_unchanged(style):
    extracted = extract("pdf", plan_pdf(STYLES[style]))

    assert [block.kind for block in extracted.blocks] == ["heading", "paragraph", "table", "paragraph"], style
    heading, before, table, after = extracted.blocks
    assert table.text.split("\n") == [" | ".join(row) for row in ROWS], "each row whole, cells in order, none lost"
    assert before.text == BEFORE and after.text == AFTER, "the paragraphs either side are read as before"
    assert not any("Office buildings in use" in block.text for block in (heading, before, after)), "not read twice"
    assert {block.page for block in extracted.blocks} == {1}


def test_a_table_keeps_the_page_it_is_printed_on():
    extracted = extract("pdf", plan_pdf(STYLES["grid"], pages_before=2))

    assert extracted.page_count == 3
    [table] = tables(extracted)
    assert table.page == 3
    assert [block.page for block in extracted.blocks if block.text == AFTER] == [3]


def test_ruled_lines_that_are_not_a_table_leave_the_text_as_paragraphs():
    boxed = (
        '<div style="border: 1px solid #000; padding: 8px">A boxed note: the plan was endorsed by Cabinet on '
        "9 July 2024 and will be reviewed each year alongside the budget.</div>"
        '<hr style="margin: 12px 0"><p>Between two rules stands one more paragraph of ordinary prose that '
        'says nothing in columns at all.</p><hr style="margin: 12px 0">'
    )
    extracted = extract("pdf", plan_pdf("", body=boxed))

    assert tables(extracted) == []
    text = " ".join(block.text for block in extracted.blocks)
    assert "A boxed note: the plan was endorsed by Cabinet" in text and "ordinary prose that says nothing" in text


def test_a_table_set_out_with_white_space_alone_is_one_passage_too():
    extracted = extract("pdf", plan_pdf("td, th { padding: 4px 20px 4px 0; }", rows=SHORT_ROWS))

    [table] = tables(extracted)
    assert table.text.split("\n") == [" | ".join(row) for row in SHORT_ROWS]
    assert [block.text for block in extracted.blocks if block.kind == "paragraph"] == [BEFORE, AFTER]


WRAPPED = [(f"{row[0]} and its wider programme of work across the council", *row[1:]) for row in ROWS]
WRAPPING_STYLES = {
    "cells in the middle": "td, th { padding: 4px 20px 4px 0; vertical-align: middle; }",
    "cells at the top": "td, th { padding: 4px 20px 4px 0; vertical-align: top; }",
    "wide padding": "td, th { padding: 12px 24px 12px 0; vertical-align: top; }",
    "shaded, at the top": (
        "td, th { padding: 6px 12px; vertical-align: top; } tr:nth-child(even) td { background: #eee; }"
    ),
}


@pytest.mark.parametrize("style", WRAPPING_STYLES)
def test_an_unruled_table_whose_cells_wrap_is_one_passage_row_by_row(style):
    """Without rules, a row whose cells wrap comes from pdfium cell by cell: the first cell's lines,
    then the next cell's, back up beside them. The rows are rebuilt from where the lines sit."""
    extracted = extract("pdf", plan_pdf(WRAPPING_STYLES[style], rows=WRAPPED))

    [table] = tables(extracted)
    assert table.text.split("\n") == [" | ".join(row) for row in WRAPPED]
    assert [block.text for block in extracted.blocks if block.kind != "table"] == [
        "Our productivity plan",
        BEFORE,
        AFTER,
    ], "no cell is left behind as a heading or a paragraph"


def test_a_table_whose_cells_wrap_keeps_its_rows_when_only_some_wrap():
    rows = [ROWS[0], WRAPPED[1], ROWS[2], WRAPPED[3]]
    extracted = extract("pdf", plan_pdf("td, th { padding: 4px 20px 4px 0; vertical-align: top; }", rows=rows))

    [table] = tables(extracted)
    assert table.text.split("\n") == [" | ".join(row) for row in rows]


def test_text_in_two_columns_and_running_headers_are_not_taken_for_tables():
    columns = "".join(f"<p>{BEFORE}</p><p>{AFTER}</p>" for _ in range(3))
    html = (
        '<!DOCTYPE html><html lang="en"><head><title>Plan</title><style>'
        "@page { @top-left { content: 'Testshire Council' } @top-right { content: 'Productivity plan 2024' } } "
        "body { font-family: 'Liberation Sans', sans-serif; font-size: 10pt; } "
        f"</style></head><body><div style='columns: 2; column-gap: 24pt'>{columns}</div></body></html>"
    )
    extracted = extract("pdf", HTML(string=html).write_pdf())

    assert tables(extracted) == []
    assert sum(block.text == BEFORE for block in extracted.blocks) == 3, "each paragraph whole, column by column"


def test_a_box_of_text_beside_the_paragraphs_is_not_a_table():
    """A side box starts back up beside the text, as the next cell of a wrapped row would, but its
    lines run on with the paragraphs' own spacing: there are no rows."""
    body = f"<aside style='float: right; width: 35%; margin-left: 12pt'><p>{AFTER}</p><p>{BEFORE}</p></aside>"
    body += f"<p>{BEFORE}</p><p>{AFTER}</p><p>{BEFORE}</p>"
    extracted = extract("pdf", plan_pdf("", body=body))

    assert tables(extracted) == []
    text = " ".join(block.text for block in extracted.blocks)
    assert all(word in text for word in (BEFORE + " " + AFTER).split())


def test_should_finding_tables_fail_the_plan_is_still_read_as_text(monkeypatch):
    def broken(data, page_numbers, pdf=None, held=None):
        raise ValueError("a PDF the table finder cannot parse")

    monkeypatch.setattr(pdf_tables, "find_tables", broken)
    extracted = extract("pdf", plan_pdf(STYLES["grid"]))

    assert BEFORE in [b.text for b in extracted.blocks] and AFTER in [b.text for b in extracted.blocks]
    text = " ".join(block.text for block in extracted.blocks)
    assert all(cell in text for row in ROWS for cell in row), "the table's words are all still there"


def test_a_page_of_prose_is_never_opened_a_second_time(monkeypatch):
    opened = []
    monkeypatch.setattr(pdf_tables, "find_tables", lambda data, pages, pdf=None, held=None: opened.append(pages) or {})
    extract("pdf", plan_pdf("", body="<p>No table here, only words.</p>"))

    assert opened == [], "a page that draws no lines has no table, so it is not parsed again"


@pytest.mark.parametrize("repeat_header", [False, True], ids=["header once", "header repeated on each page"])
def test_a_table_running_over_a_page_break_is_one_passage_on_the_page_it_starts(repeat_header):
    many = [ROWS[0]] + [(f"Project {n}", f"Measure of project {n}", f"{n}%", f"{n + 5}%") for n in range(1, 61)]
    if repeat_header:
        head = "<thead><tr>" + "".join(f"<th>{cell}</th>" for cell in many[0]) + "</tr></thead><tbody>"
        body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in many[1:])
        extracted = extract("pdf", plan_pdf(STYLES["grid"], body=f"<table>{head}{body}</tbody></table>"))
    else:
        extracted = extract("pdf", plan_pdf(STYLES["grid"], rows=many))

    assert extracted.page_count >= 2
    [table] = tables(extracted)
    assert table.text.split("\n") == [" | ".join(row) for row in many], "every row once, the header once, in order"
    assert table.page == 1


def test_tables_are_looked_for_only_within_a_time_budget_and_the_rest_stays_as_text():
    data = plan_pdf(STYLES["grid"], pages_before=2)
    every_page = [1, 2, 3]

    assert list(pdf_tables.find_tables(data, every_page)) == [3]
    assert pdf_tables.find_tables(data, every_page, budget=-1) == {}, "no time left: no page parsed again"


def test_a_bullet_drawn_in_the_symbol_font_inside_a_ruled_tables_cell_is_read_as_a_bullet():
    """Word and LibreOffice write a list's bullet in the Symbol font, which pdfium gives as a private-use character
    ("\\uf0b7"); inside a grid's cell it is a bullet too, as it is in a line of text."""
    rows = [("Theme", "What we did"), ("Spending", "\uf0b7 Closed two offices"), ("Digital", "\uf0b7 A new website")]
    [table] = [b for b in extract("pdf", plan_pdf(STYLES["grid"], rows=rows)).blocks if b.kind == "table"]
    assert table.text.splitlines()[1:] == ["Spending | • Closed two offices", "Digital | • A new website"]
    assert not any("\ue000" <= ch <= "\uf8ff" for ch in table.text)
