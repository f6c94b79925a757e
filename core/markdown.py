"""Plan text is CommonMark (headings, paragraphs, lists, tables), never raw HTML.

markdown-it-py renders it with HTML input switched off, and nh3 then keeps only the
tags a plan needs, so nothing a user types can run as script in a page or a PDF.
"""

import functools
import re

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "a",
    "br",
    "hr",
    "blockquote",
    "code",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "th": {"scope"}, "td": set(), "ol": {"start"}}
# GOV.UK classes added after sanitising, so typed class names never reach the page.
CLASSES = {
    "<p>": '<p class="govuk-body">',
    "<ul>": '<ul class="govuk-list govuk-list--bullet">',
    "<ol>": '<ol class="govuk-list govuk-list--number">',
    # A table wider than a phone's screen scrolls in its own box, which a keyboard can reach.
    "<table>": (
        '<div class="app-table-container" role="region" aria-label="Table" tabindex="0"><table class="govuk-table">'
    ),
    "</table>": "</table></div>",
    "<th>": '<th scope="col" class="govuk-table__header">',
    "<td>": '<td class="govuk-table__cell">',
    "<tr>": '<tr class="govuk-table__row">',
    "<a href": '<a class="govuk-link" href',
}


@functools.cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


def _demote_heading(match: re.Match) -> str:
    # Theme headings are h2 in the plan, so anything the author marks as a heading sits below them.
    level = 3 if int(match.group(2)) <= 2 else 4
    return f"<{match.group(1)}h{level}" + (' class="govuk-heading-s">' if not match.group(1) else ">")


def markdown_to_html(text: str) -> str:
    """Safe HTML for a piece of plan text, with GOV.UK classes."""
    rendered = _parser().render((text or "").replace("\r\n", "\n"))
    clean = nh3.clean(
        rendered, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes={"https", "http", "mailto"}
    )
    clean = re.sub(r"<(/?)h([1-6])>", _demote_heading, clean)
    for plain, styled in CLASSES.items():
        clean = clean.replace(plain, styled)
    return clean
