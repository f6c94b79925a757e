"""The one CSV writer: text a spreadsheet could run as a formula comes out as text (decision 0025)."""

import csv
import io
from decimal import Decimal as D

import pytest

from core.csv_files import cell, csv_text


@pytest.mark.parametrize(
    "value, written",
    [
        ('=HYPERLINK("http://example.com","Click")', '\'=HYPERLINK("http://example.com","Click")'),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1+1", "'+1+1"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("-2", "'-2"),  # text that looks like a number is still text
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("\rReturn", "'\rReturn"),
        ("Plain words", "Plain words"),
        ("A sum = 2", "A sum = 2"),
        (D("-3.5"), "-3.5"),  # a negative number the service worked out stays a number
        (D("1E+2"), "100"),
        (-12, "-12"),
        (-0.5, "-0.5"),
        (True, "True"),
        (None, ""),
    ],
)
def test_a_cell_a_spreadsheet_could_run_as_a_formula_is_made_text(value, written):
    assert cell(value) == written


def test_a_table_neutralises_the_note_the_header_and_every_row():
    text = csv_text(["a", "b"], [{"a": "=1+1", "b": D("-4")}, {"a": "ok"}], note="@note")
    assert list(csv.reader(io.StringIO(text))) == [["'@note"], ["a", "b"], ["'=1+1", "-4"], ["ok", ""]]
    assert text.endswith("\r\n")
