"""A decision report as HTML and PDF, from one fragment.

`report_fragment(report)` is the report's body (no <html> or <head>): the web page includes it,
the report's own PDF wraps it in a document, and an agenda pack can print several fragments in one
WeasyPrint document with `REPORT_PRINT_CSS`. Each fragment starts with an element whose id is
`report-<pk>` and ends with one whose id is `report-<pk>-end`, so a pack can compute page ranges
with `target-counter()`.
"""

from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from core.pdf import RenderedPdf, render_pdf
from governance import selectors
from governance.report_templates import template_for

REPORT_PRINT_CSS_PATH = Path(__file__).resolve().parent / "static_print" / "report_print.css"
REPORT_PRINT_CSS = REPORT_PRINT_CSS_PATH.read_text(encoding="utf-8")


def _themes(content: dict) -> list[dict]:
    themes = []
    for section in content.get("sections", []):
        words = section.get("body", "").split()
        themes.append(
            {
                "number": section["theme"],
                "title": section["title"],
                "opening": " ".join(words[:45]) + (" …" if len(words) > 45 else ""),
            }
        )
    return themes


def report_context(report) -> dict:
    template = template_for(report.template_key)
    groups = []  # [(group heading or "", [sections])] keeping the template's order
    for section in template.sections:
        if groups and section.group and groups[-1][0] == section.group:
            groups[-1][1].append(section)
        else:
            groups.append((section.group, [section]))
    return {
        "report": report,
        "version": report.version,
        "content": report.version.content,
        "template": template,
        "groups": groups,
        "texts": report.sections or {},
        "themes": _themes(report.version.content),
        "checklist": selectors.checklist_of(report),
        "scrutiny": selectors.scrutiny_of(report),
        "has_scrutiny_section": any(s.kind == "scrutiny" for s in template.sections),
    }


def report_fragment(report) -> str:
    """The report's body as an HTML fragment, Appendix A (the plan version) included."""
    return render_to_string("governance/partials/report_body.html", report_context(report))


def report_document(report) -> str:
    """A whole HTML document for printing one report on its own."""
    return render_to_string(
        "governance/report_pdf.html",
        {
            "report": report,
            "fragment": mark_safe(report_fragment(report)),  # rendered by our own template  # nosec B308 B703
            "print_css": REPORT_PRINT_CSS,
            "printed_on": timezone.localdate(),
        },
    )


def render_report_pdf(report) -> RenderedPdf:
    return render_pdf(report_document(report))
