"""Showing a passage that is a table as a table: its rows, first row as the column headings."""

from django import template

register = template.Library()


@register.filter
def table_rows(text: str) -> list[list[str]]:
    """A table passage's text ("a | b" per row, or Markdown's "| a | b |") as rows of cells."""
    rows = []
    for line in (text or "").split("\n"):
        line = line.strip()
        if line.startswith("|") and line.endswith("|") and len(line) > 1:
            line = line[1:-1]
        cells = [cell.strip() for cell in line.split("|")]
        if any(cells):
            rows.append(cells)
    return rows
