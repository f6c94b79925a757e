"""A plan an office suite printed to PDF or saved as a web page reads as the Word file it came from: in a PDF, bullets
drawn in the Symbol font are list items, not a column of a table, and a hyphen that ended a line stays a hyphen; in a
web page, the title set in large type is the title.

The files in `files/` are training documents of the evaluation set (bench/eval/documents), opened and saved by
LibreOffice Writer 7.4, as councils save their Word plans: the layout is the office suite's work, not the service's.
"""

import re
import sys
from pathlib import Path

import pytest

from analysis.reading.extract import extract, hyphens_joined

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench" / "eval" / "documents"))

import evalset  # noqa: E402

FILES = Path(__file__).parent / "files"
CONTROL_OR_PRIVATE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ue000-\uf8ff]")


def word_file(name: str) -> bytes:
    return evalset.file_bytes(next(d for d in evalset.documents("train") if d.filename == name))


def as_item(text: str) -> str:
    return "- " + text[2:] if text.startswith("• ") else text  # a PDF's bullet, a Word list item's "- "


@pytest.mark.parametrize("name", ["032-plan-docx-bullets-wealdshire", "033-plan-docx-tables-hollinbridge"])
def test_a_word_plan_printed_to_pdf_by_an_office_suite_reads_as_the_word_file(name):
    printed = extract("pdf", (FILES / f"{name}-saved-by-libreoffice.pdf").read_bytes())
    word = extract("docx", word_file(f"{name}.docx"))
    assert [(b.kind, as_item(b.text)) for b in printed.blocks] == [(b.kind, b.text) for b in word.blocks]
    assert not any(CONTROL_OR_PRIVATE.search(block.text) for block in printed.blocks)


def test_bullets_drawn_in_the_symbol_font_are_list_items_not_a_table():
    printed = extract("pdf", (FILES / "032-plan-docx-bullets-wealdshire-saved-by-libreoffice.pdf").read_bytes())
    items = [b for b in printed.blocks if b.text.startswith("• ")]
    word_items = [
        b for b in extract("docx", word_file("032-plan-docx-bullets-wealdshire.docx")).blocks if b.text[:2] == "- "
    ]
    assert len(items) == len(word_items) == 18 and all(b.kind == "paragraph" for b in items)
    assert not [b for b in printed.blocks if b.kind == "table"]


def test_a_hyphen_that_ended_a_line_stays_a_hyphen_with_no_space():
    printed = extract("pdf", (FILES / "033-plan-docx-tables-hollinbridge-saved-by-libreoffice.pdf").read_bytes())
    words = " ".join(block.text for block in printed.blocks)
    assert "change-of-address" in words and "re-tendering" in words
    assert hyphens_joined("one\x02 year settlements") == "one-year settlements"
    assert hyphens_joined("Agency | one\x02\nConsultants | two") == "Agency | one-\nConsultants | two"  # rows stay rows


def test_a_word_plan_saved_as_a_web_page_by_an_office_suite_reads_as_the_word_file_title_included():
    name = "032-plan-docx-bullets-wealdshire"
    page = extract("html", (FILES / f"{name}-saved-by-libreoffice.html").read_bytes())
    word = extract("docx", word_file(f"{name}.docx"))
    assert page.title == word.title == "Productivity plan – Wealdshire County Council"  # not its first <h1>
    assert [(b.kind, b.text) for b in page.blocks] == [(b.kind, b.text.removeprefix("- ")) for b in word.blocks]


@pytest.mark.parametrize(
    ("name", "tables"),
    [
        # Two tables without rules, as Word's plain table is: one of single-line rows with a paragraph's space after
        # each, one whose first column wraps in one row only.
        ("unruled-tables", 2),
        # Two pages, each with the running header and a "Page 1 of 2" footer; a table whose cells wrap.
        ("two-pages-with-header-and-footer", 1),
    ],
)
def test_tables_headers_and_footers_of_a_word_file_printed_by_an_office_suite_read_as_the_word_file(name, tables):
    printed = extract("pdf", (FILES / f"{name}-saved-by-libreoffice.pdf").read_bytes())
    word = extract("docx", (FILES / f"{name}.docx").read_bytes())
    assert [(b.kind, b.text) for b in printed.blocks] == [(b.kind, b.text) for b in word.blocks]
    assert sum(1 for b in printed.blocks if b.kind == "table") == tables
    assert not any("Productivity Plan 2024" in b.text and "Council –" in b.text for b in printed.blocks)
