"""Demo plan documents for the analysis corpus: varied plans for many councils, written from templates
with seeded choices, printed as PDF (WeasyPrint), Word (python-docx), web pages and plain text (and as
OpenDocument text, `odt_bytes`, for tests), and
imported through the real import service; then one analysis run over the corpus.

The texts are the demo's own words; the figures are invented. Safe to run again: a council that
already has an imported document for the return is left alone, and no run is made if nothing new
was imported and a run exists.

`generate_plan(council_name, seed)` and the `*_bytes` renderers are also used by the import
benchmark (bench/bench_import.py) and by tests.
"""

import io
import random
from dataclasses import dataclass, field
from html import escape

from django.utils import timezone

RETURN_SLUG = "productivity-plan-2024"
DEMO_COUNCILS = 60
FORMATS = ("pdf", "docx", "html", "text")

INTRODUCTIONS = [
    "{name} serves about {population:,} residents with a net revenue budget of £{budget}m for 2024/25. Since 2019 "
    "the council has taken £{saved}m out of its running costs, and it still expects a gap of £{gap}m over the next "
    "three years.",
    "This plan sets out how {name} is improving its services and removing spending that adds no value. The council "
    "spends £{budget}m a year on services for {population:,} people and has saved £{saved}m since 2019.",
    "Our council plan commits us to good services at the lowest sustainable cost. With a budget of £{budget}m and "
    "demand for care rising faster than income, {name} must find £{gap}m by 2027/28.",
]

THEME_1 = [
    "We brought customer contact for housing, waste and council tax into one service centre. Residents are now "
    "helped at the first contact in most cases and the change saves about £{small}m a year.",
    "A review of every office building let us close {sites} sites and move teams into shared hubs with the NHS and "
    "the police, cutting running costs and bringing services closer together.",
    "Our early help service works with families before problems become crises. Referrals to children's social care "
    "have fallen and fewer children need to come into care.",
    "We share a legal service, procurement team and internal audit with two neighbouring councils, which has "
    "reduced management costs and made it easier to recruit specialists.",
    "Adult social care now offers reablement to everyone leaving hospital. Most people who receive it need no "
    "further long-term care, which avoids cost and keeps people independent for longer.",
    "The transformation programme is overseen by a member board and each project reports the savings it delivers "
    "against its business case every quarter.",
]

THEME_2 = [
    "Our data strategy joins housing, benefits and care records so managers can see demand building and act early. "
    "Dashboards show each service how it is doing against budget every week.",
    "We moved our main systems to the cloud and replaced {systems} separate systems with one platform, which lowers "
    "licence costs and makes records easier to share.",
    "Automated reminders for appointments and bin collections have reduced missed visits and repeat calls to the "
    "contact centre.",
    "We are testing artificial intelligence to summarise case notes for social workers, with a human always "
    "checking the result before it is used.",
    "A single view of the customer lets staff see every contact a resident has had with the council, so people do "
    "not have to tell their story twice.",
]

SPEND_STATED = (
    "In 2023/24 agency staff cost {agency_share}% and consultants {consultant_share}% of the total staff budget. "
    "Every request for an interim manager or a consultant now needs a director's approval."
)
SPEND_AMOUNTS = (
    "In 2023/24 we spent £{agency_spend}m on agency staff and £{consultant_spend}m on consultants, against a staff "
    "budget of £{staff_budget}m. We are converting long-running agency roles into permanent posts."
)
SPEND_AGENCY_ONLY = (
    "Agency staff are used mainly in children's social care, where we cannot recruit enough qualified social "
    "workers; a regional agreement caps the rates we pay."
)
EDI_TEXTS = [
    "Our work on equality, diversity and inclusion is limited to what the Public Sector Equality Duty requires. We "
    "do not pay for external diversity awards or memberships.",
    "EDI training is delivered online by our own staff and costs very little; we meet the Public Sector Equality "
    "Duty without external consultants.",
    "",
]
THEME_3_OTHER = [
    "We have stopped printing committee papers, which saves paper, postage and officer time.",
    "A spending control panel reviews every purchase over £{threshold},000 before an order is placed.",
    "Fleet vehicles are being replaced with electric vans, cutting fuel costs over their life.",
]

BARRIERS = [
    (
        "funding-certainty",
        "One-year finance settlements make it hard to plan or invest. We ask the government for a multi-year "
        "settlement so that savings programmes can run over several years.",
    ),
    (
        "grant-fragmentation",
        "Many small grants come with separate bids and monitoring returns. We ask the government to merge them into "
        "one simple allocation with a single report.",
    ),
    (
        "send-high-needs",
        "The deficit on the high needs block keeps growing as demand for special educational needs support rises. "
        "We ask the government to reform SEND funding and write off historic deficits.",
    ),
    (
        "adult-social-care",
        "Adult social care costs rise faster than our income and the care market is fragile. We call on the "
        "government to set out long-term funding for social care.",
    ),
    (
        "homelessness-temporary-accommodation",
        "Temporary accommodation costs far more than the housing benefit subsidy we can claim. We ask the "
        "government to raise the subsidy to current local housing allowance rates.",
    ),
    (
        "workforce",
        "We cannot recruit enough planners and social workers. We ask the government to fund national training "
        "routes for these professions.",
    ),
    (
        "audit-and-reporting",
        "The backlog in external audit and the many data returns we make to government take officer time. We ask "
        "the government to reduce and combine reporting requirements.",
    ),
    (
        "council-tax-limits",
        "The referendum limit on council tax rises restricts the income we can raise locally. We ask the government "
        "for more freedom to set council tax.",
    ),
    (
        "fees-charges-national",
        "Planning fees set nationally do not cover the cost of the service. We ask the government to let councils "
        "set fees that recover their costs.",
    ),
    (
        "new-burdens",
        "New duties such as weekly food waste collection arrive before the funding for them. We ask that new "
        "burdens are fully funded from the start.",
    ),
]

COMMITMENTS = [
    ("Move all routine transactions online", "Share of transactions completed online", "55%", "80%"),
    ("Reduce the use of agency social workers", "Agency social workers in post", "40", "20"),
    ("Close surplus office buildings", "Office buildings in use", "12", "7"),
    ("Cut repeat calls to the contact centre", "Repeat calls as a share of all calls", "18%", "10%"),
]


@dataclass
class DemoPlan:
    """A plan in structure: title, then sections of headings, paragraphs and one table."""

    title: str
    blocks: list[tuple[str, str]] = field(default_factory=list)  # (kind, text): heading | paragraph
    table: list[tuple[str, ...]] = field(default_factory=list)


# Barriers in services a type of council does not provide: its demo plan does not name them.
NOT_PROVIDED = {
    "district": {"adult-social-care", "send-high-needs", "childrens-social-care"},
    "county": {"homelessness-temporary-accommodation"},
}


def generate_plan(council_name: str, seed: int, *, long: bool = False, authority_type: str = "") -> DemoPlan:
    """A council's plan with seeded choices: which paragraphs, which barriers, which figures, how spend is shown.
    A council's type (when given) leaves out barriers in services that type does not provide."""
    rng = random.Random(seed)
    values = {
        "name": council_name,
        "population": rng.randrange(60_000, 1_200_000, 1000),
        "budget": rng.randrange(20, 900),
        "saved": rng.randrange(5, 120),
        "gap": rng.randrange(4, 90),
        "small": rng.randrange(1, 6),
        "sites": rng.randrange(2, 9),
        "systems": rng.randrange(3, 14),
        "threshold": rng.choice([5, 10, 25]),
    }
    plan = DemoPlan(title=f"{council_name} productivity plan 2024")
    add = plan.blocks.append
    add(("heading", "Introduction"))
    add(("paragraph", rng.choice(INTRODUCTIONS).format(**values)))
    add(("heading", "1. Transformation of services"))
    for text in rng.sample(THEME_1, 4 if long else 3):
        add(("paragraph", text.format(**values)))
    add(("heading", "2. Technology and better use of data"))
    for text in rng.sample(THEME_2, 3 if long else 2):
        add(("paragraph", text.format(**values)))
    add(("heading", "3. Reducing wasteful spend"))
    staff_budget = rng.randrange(40, 600)
    style = rng.choice(["stated", "stated", "amounts", "agency_only"])
    if style == "stated":
        add(
            (
                "paragraph",
                SPEND_STATED.format(
                    agency_share=f"{rng.uniform(0.2, 6.5):.2f}", consultant_share=f"{rng.uniform(0.1, 2.5):.2f}"
                ),
            )
        )
    elif style == "amounts":
        add(
            (
                "paragraph",
                SPEND_AMOUNTS.format(
                    agency_spend=f"{staff_budget * rng.uniform(0.005, 0.06):.1f}",
                    consultant_spend=f"{staff_budget * rng.uniform(0.002, 0.02):.1f}",
                    staff_budget=staff_budget,
                ),
            )
        )
    else:
        add(("paragraph", SPEND_AGENCY_ONLY))
    edi = rng.choice(EDI_TEXTS)
    if edi:
        add(("paragraph", edi))
    for text in rng.sample(THEME_3_OTHER, 2 if long else 1):
        add(("paragraph", text.format(**values)))
    add(("heading", "4. Barriers the government could help to remove"))
    barriers = [b for b in BARRIERS if b[0] not in NOT_PROVIDED.get(authority_type, set())]
    for _, text in rng.sample(barriers, rng.randrange(2, 5)):
        add(("paragraph", text))
    plan.table = [("Action", "Measure", "Now", "Target")] + rng.sample(COMMITMENTS, 3)
    return plan


# --- Printing a plan in each format ----------------------------------------------------------------


def _html(plan: DemoPlan, *, for_pdf: bool) -> str:
    style = (
        "<style>@page { size: A4; margin: 2.4cm; @bottom-center { content: 'Page ' counter(page); "
        "font-family: 'Liberation Sans', Arial, sans-serif; font-size: 9pt; } } "
        "body { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 11.5pt; line-height: 1.5; } "
        "h2 { margin-top: 1.4em; } table { border-collapse: collapse; width: 100%; } "
        "td, th { border: 1px solid #999; padding: 4px; text-align: left; }</style>"
        if for_pdf
        else ""
    )
    parts = [f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(plan.title)}</title>{style}']
    parts.append("</head><body><main>")
    parts.append(f"<h1>{escape(plan.title)}</h1>")
    for kind, text in plan.blocks:
        parts.append(f"<h2>{escape(text)}</h2>" if kind == "heading" else f"<p>{escape(text)}</p>")
    parts.append("<h2>Commitments</h2><table>")
    for index, row in enumerate(plan.table):
        cell = "th" if index == 0 else "td"
        parts.append("<tr>" + "".join(f"<{cell}>{escape(value)}</{cell}>" for value in row) + "</tr>")
    parts.append("</table></main></body></html>")
    return "".join(parts)


def html_bytes(plan: DemoPlan) -> bytes:
    return _html(plan, for_pdf=False).encode("utf-8")


def pdf_bytes(plan: DemoPlan) -> bytes:
    from core.pdf import render_pdf

    return render_pdf(_html(plan, for_pdf=True)).pdf


def docx_bytes(plan: DemoPlan) -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = plan.title
    document.add_heading(plan.title, level=0)
    for kind, text in plan.blocks:
        if kind == "heading":
            document.add_heading(text, level=1)
        else:
            document.add_paragraph(text)
    document.add_heading("Commitments", level=1)
    table = document.add_table(rows=0, cols=len(plan.table[0]))
    for row in plan.table:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


ODF_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"'
)


def odt_bytes(plan: DemoPlan) -> bytes:
    """The plan as an OpenDocument text file, laid out as LibreOffice saves one: the "mimetype" first and
    uncompressed, headings in its heading styles, the commitments as a table."""
    import zipfile

    def paragraph(text: str, style: str = "Text_20_body") -> str:
        return f'<text:p text:style-name="{style}">{escape(text)}</text:p>'

    body = [paragraph(plan.title, "Title")]
    for kind, text in plan.blocks:
        body.append(
            f'<text:h text:style-name="Heading_20_1" text:outline-level="1">{escape(text)}</text:h>'
            if kind == "heading"
            else paragraph(text)
        )
    body.append('<text:h text:style-name="Heading_20_1" text:outline-level="1">Commitments</text:h>')
    rows = "".join(
        "<table:table-row>"
        + "".join(f"<table:table-cell>{paragraph(cell)}</table:table-cell>" for cell in row)
        + "</table:table-row>"
        for row in plan.table
    )
    body.append(
        f'<table:table table:name="Commitments"><table:table-column table:number-columns-repeated='
        f'"{len(plan.table[0])}"/>{rows}</table:table>'
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_NAMESPACES}><office:body><office:text>'
        + "".join(body)
        + "</office:text></office:body></office:document-content>"
    )
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ODF_NAMESPACES}><office:styles>'
        '<style:style style:name="Heading" style:family="paragraph"/>'
        '<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" '
        'style:parent-style-name="Heading" style:default-outline-level="1"/>'
        '<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading"/>'
        '<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph"/>'
        "</office:styles></office:document-styles>"
    )
    meta = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {ODF_NAMESPACES}><office:meta>'
        f"<dc:title>{escape(plan.title)}</dc:title></office:meta></office:document-meta>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        for name, part in (("content.xml", content), ("styles.xml", styles), ("meta.xml", meta)):
            archive.writestr(name, part, zipfile.ZIP_DEFLATED)
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
            '<manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>",
            zipfile.ZIP_DEFLATED,
        )
    return out.getvalue()


def text_bytes(plan: DemoPlan) -> bytes:
    lines = [plan.title, ""]
    for kind, text in plan.blocks:
        lines += [f"# {text}" if kind == "heading" else text, ""]
    lines += ["# Commitments", ""]
    lines += ["| " + " | ".join(row) + " |" for row in plan.table]
    return ("\n".join(lines) + "\n").encode("utf-8")


RENDERERS = {"pdf": pdf_bytes, "docx": docx_bytes, "html": html_bytes, "text": text_bytes}
SUFFIXES = {"pdf": "pdf", "docx": "docx", "html": "html", "text": "txt"}


def plan_file(council, fmt: str, seed: int) -> tuple[str, bytes]:
    """(file name, bytes) of a council's demo plan in one format."""
    plan = generate_plan(council.name, seed, long=fmt == "pdf", authority_type=council.authority_type)
    name = f"{council.gss_code}-{council.name.lower().replace(' ', '-').replace(',', '')}.{SUFFIXES[fmt]}"
    return name, RENDERERS[fmt](plan)


# --- Loading the demo corpus -----------------------------------------------------------------------


def demo_councils(count: int | None = None, *, exclude=()):
    """A seeded, varied choice of councils of every type and region (settings.ANALYSIS_DEMO_COUNCILS, else 60)."""
    from django.conf import settings

    from councils.selectors import search_councils

    count = count if count is not None else getattr(settings, "ANALYSIS_DEMO_COUNCILS", DEMO_COUNCILS)
    councils = [c for c in search_councils() if c.gss_code not in set(exclude)]
    return sorted(random.Random(2024).sample(councils, min(count, len(councils))), key=lambda c: c.gss_code)


def build_analysis_demo(*, actor=None, exclude=(), log=print) -> None:
    """Import demo plan documents for many councils (a quarter in each format), then run the analysis."""
    from analysis import services
    from analysis.runs import services as analysis_runs
    from analysis.selectors import documents, runs
    from plans.selectors import return_by_slug

    return_definition = return_by_slug(RETURN_SLUG)
    already = {d.council.gss_code for d in documents(source="imported")}
    imported = 0
    for index, council in enumerate(demo_councils(exclude=exclude)):
        if council.gss_code in already:
            continue
        fmt = FORMATS[index % len(FORMATS)]
        filename, data = plan_file(council, fmt, seed=index)
        services.import_document(
            council=council,
            return_definition=return_definition,
            filename=filename,
            data=data,
            actor=actor,
            analyse=False,
            at=timezone.now(),
        )
        imported += 1
    if imported or not runs():
        run = analysis_runs.run_corpus_analysis_now(actor=actor)
        log(f"Analysis corpus: {imported} plan documents imported; analysis run {run.pk}: {run.counts}")
    else:
        log("Analysis corpus: already loaded")
