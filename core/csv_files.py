"""The one way the service writes a CSV file, so no export can carry a spreadsheet formula.

A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula (and some treat a leading tab
or carriage return the same way), so text a council or a person typed, such as a barrier starting
`=HYPERLINK(`, could run on the computer of whoever opens the file. OWASP's advice (CSV Injection) is
followed: every text cell starting with one of those characters gets a leading single quote, which the
spreadsheet shows as text.

Numbers the service works out itself (`int`, `float`, `Decimal`) are written as numbers, so a negative
figure such as -3.5 stays a number a spreadsheet can add up; they cannot carry a formula. Anything else,
including text that happens to look like a number ("-2"), is text and is escaped. Decision 0025.
"""

import csv
import io
from collections.abc import Iterable
from decimal import Decimal

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    """One cell's text: numbers as written, None as empty, text neutralised when a spreadsheet could run it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class Writer:
    """csv.writer's `writerow`, with every cell passed through `cell`."""

    def __init__(self, out, **options):
        self._writer = csv.writer(out, **options)

    def writerow(self, row: Iterable) -> None:
        self._writer.writerow([cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable]) -> None:
        for row in rows:
            self.writerow(row)


def write_table(out, columns: list[str], rows: Iterable[dict], *, note: str = "", **options) -> None:
    """An optional note row, the header, then one row per dict (missing keys empty)."""
    writer = Writer(out, **options)
    if note:
        writer.writerow([note])
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(column) for column in columns])


def csv_text(columns: list[str], rows: Iterable[dict], *, note: str = "") -> str:
    out = io.StringIO()
    write_table(out, columns, rows, note=note, lineterminator="\r\n")
    return out.getvalue()


def csv_response(filename: str, columns: list[str], rows: Iterable[dict], *, note: str = "") -> HttpResponse:
    """A CSV download (UTF-8, one header row) of `rows`."""
    return text_response(filename, csv_text(columns, rows, note=note))


def text_response(filename: str, text: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
