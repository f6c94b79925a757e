"""HTML to PDF with WeasyPrint: a tagged PDF (PDF/UA-1) with its language, title and page count.

The one place the project turns HTML into PDF. Callers pass a complete HTML document (with
`<html lang>` and `<title>`); `render_pdf` lays it out once and reports how many pages it made,
so a plan's length is measured on the same layout that is written out.
"""

from dataclasses import dataclass

from weasyprint import HTML

PDF_VARIANT = "pdf/ua-1"  # tagged PDF: headings, tables and reading order for screen readers


@dataclass(frozen=True)
class RenderedPdf:
    pdf: bytes
    page_count: int


def render_pdf(html: str, *, base_url: str | None = None) -> RenderedPdf:
    """Lay out `html` once and write it as a tagged PDF. The document's `lang` and `<title>` become
    the PDF's language and title; h1-h3 become bookmarks."""
    document = HTML(string=html, base_url=base_url).render(pdf_variant=PDF_VARIANT)
    pdf = document.write_pdf(pdf_variant=PDF_VARIANT)
    return RenderedPdf(pdf=pdf, page_count=len(document.pages))
