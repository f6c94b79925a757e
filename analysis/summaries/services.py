"""The panel summary: what the explorer shows, as one document (HTML page, PDF, CSV).

For each theme and each barrier category it states how many councils' plans speak to it, and
cites the councils (alphabetical) and the passages behind the statement: document, page and
passage number, and for barriers the ask of government. Figures are given as distributions per
council type. Every export carries the note on responsible use (the CSV after its data, so its first
row is the header). Nothing ranks councils.
"""

import hashlib
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from analysis.explorer import selectors as explorer
from analysis.models import PassageBarrier, PassageTheme
from core import csv_files, files
from core.pdf import render_pdf
from councils.models import AuthorityType


@dataclass
class Citation:
    """One passage a statement rests on."""

    passage_id: int
    page: int | None
    position: int
    ask: str = ""
    href: str = ""

    @property
    def reference(self) -> str:
        where = f"page {self.page}, " if self.page else ""
        return f"{where}passage {self.position}"

    @property
    def short_reference(self) -> str:
        """The compact form the PDF uses: 'p. 3 ¶12' (page 3, passage 12)."""
        return f"p. {self.page} ¶{self.position}" if self.page else f"¶{self.position}"


@dataclass
class CouncilCitations:
    name: str
    gss_code: str
    authority_type: str
    region: str
    document_id: int
    document_title: str
    citations: list[Citation] = field(default_factory=list)


@dataclass
class Statement:
    """'N councils' plans speak to X', with the councils and passages it rests on."""

    key: str
    label: str
    councils: int
    passages: int
    by_type: dict[str, int]
    cited: list[CouncilCitations]
    cells: list[tuple[str, int]] = field(default_factory=list)  # (council type label, councils)

    @property
    def several_documents(self) -> set[str]:
        """ONS codes of the councils cited from more than one of their documents (an analyst added another
        rather than replacing the first): their citations name the document, and the council counts once."""
        codes = [council.gss_code for council in self.cited]
        return {code for code in codes if codes.count(code) > 1}


@dataclass
class PanelSummary:
    filters: explorer.Filters
    generated_at: object
    scope: explorer.Scope
    type_groups: list[tuple[str, str]]
    themes: list[Statement]
    barriers: list[Statement]
    figures: list[explorer.FigureComparison]
    review: explorer.ReviewCounts
    note: str = explorer.RESPONSIBLE_USE

    @property
    def figure_tables(self) -> list[dict]:
        return [{"comparison": c, "rows": explorer.comparison_rows(c, self.filters)} for c in self.figures]

    @property
    def sections(self) -> list[tuple[str, list[Statement], str]]:
        return [
            ("Themes", self.themes, "themes"),
            ("Barriers the government could help to remove", self.barriers, "barriers"),
        ]

    @property
    def base_cells(self) -> list[tuple[str, int]]:
        return [(label, self.scope.by_type.get(value, 0)) for value, label in self.type_groups]


def _cited(model, filters: explorer.Filters, key_field: str, *, with_ask: bool = False) -> dict[str, list]:
    """key -> councils (alphabetical) each with the passages (in document order) tagged with that key."""
    columns = [
        key_field,
        "document__council__name",
        "document__council__gss_code",
        "document__council__authority_type",
        "document__council__region",
        "document_id",
        "document__title",
        "passage_id",
        "passage__page",
        "passage__position",
    ]
    if with_ask:
        columns.append("ask")
    rows = (
        model.objects.filter(present=True, **filters.tag_lookups())
        .values_list(*columns)
        .order_by(key_field, "document__council__name", "document_id", "passage__position")
    )
    found: dict[str, dict[int, CouncilCitations]] = {}
    prefix = reverse("analysis:review_passage", args=[1]).removesuffix("1/")  # once, not per citation
    for row in rows:
        key, name, code, authority_type, region, document_id, title, passage_id, page, position = row[:10]
        councils = found.setdefault(str(key), {})
        entry = councils.get(document_id)
        if entry is None:
            entry = councils[document_id] = CouncilCitations(name, code, authority_type, region, document_id, title)
        entry.citations.append(
            Citation(passage_id, page, position, row[10] if with_ask else "", f"{prefix}{passage_id}/")
        )
    return {key: list(councils.values()) for key, councils in found.items()}


def panel_summary_page_body(filters: explorer.Filters, *, themes, categories) -> str:
    """The summary's body as its page shows it, every citation in scope: rendered once per corpus and filters
    and shared by every reader (decision 0027), thousands of lines of HTML over a large corpus."""
    return explorer.shared_result(
        "summary-page",
        filters,
        lambda: render_to_string(
            "analysis/explorer/_summary_body.html",
            {"summary": panel_summary(filters, themes=themes, categories=categories)},
        ),
    )


def panel_summary(filters: explorer.Filters, *, themes, categories) -> PanelSummary:
    scope = explorer.scope(filters)
    theme_cited = _cited(PassageTheme, filters, "theme__number")
    barrier_cited = _cited(PassageBarrier, filters, "category__slug", with_ask=True)
    kinds = [row["kind"] for row in explorer.figure_kind_counts(filters)]
    type_groups = explorer.groups("authority_type", scope.by_type)

    def statement(row, cited) -> Statement:
        cells = [(label, row.by_type.get(value, 0)) for value, label in type_groups]
        return Statement(row.key, row.label, row.councils, row.passages, row.by_type, cited.get(row.key, []), cells)

    return PanelSummary(
        filters=filters,
        generated_at=timezone.now(),
        scope=scope,
        type_groups=type_groups,
        themes=[statement(row, theme_cited) for row in explorer.theme_counts(filters, themes)],
        barriers=[statement(row, barrier_cited) for row in explorer.barrier_counts(filters, categories)],
        figures=[explorer.compare_figures(filters, kind) for kind in kinds],
        review=explorer.review_counts(filters),
    )


# --- Exports ----------------------------------------------------------------------------------


def summary_html(summary: PanelSummary, *, for_print: bool = False, base_url: str = "") -> str:
    return render_to_string(
        "analysis/explorer/summary_print.html",
        {"summary": summary, "for_print": for_print, "base_url": base_url},
    )


def summary_pdf(summary: PanelSummary, *, base_url: str = ""):
    """The summary as a tagged PDF (core.pdf.render_pdf): RenderedPdf(pdf, page_count)."""
    return render_pdf(summary_html(summary, for_print=True, base_url=base_url))


# A summary citing up to this many passages is printed while the person waits (a few seconds); a
# bigger one (all 317 councils: about 45 pages, half a minute of layout) is prepared in the background
# and kept, once per content, in storage.
PRINT_NOW_CITATIONS = 1500
STORAGE_DIR = "analysis/panel-summaries"


def citation_count(summary: PanelSummary) -> int:
    return sum(len(c.citations) for s in summary.themes + summary.barriers for c in s.cited)


def content_digest(summary: PanelSummary) -> str:
    """What the summary says (not when it was made): the same corpus and filters give the same digest,
    so a stored PDF is reused until a tag, a review or a document changes."""
    content = summary_csv(summary).splitlines()
    content = [line for line in content if not line.startswith("about,made,")]
    return hashlib.sha256("\n".join(content).encode()).hexdigest()


def stored_pdf_name(summary: PanelSummary) -> str:
    return f"{STORAGE_DIR}/{summary.filters.return_definition.slug}-{content_digest(summary)[:24]}.pdf"


def stored_pdf(summary: PanelSummary) -> bytes | None:
    return files.read(stored_pdf_name(summary))


def store_pdf(summary: PanelSummary) -> str:
    """Print the summary and keep it under its content digest (once: a second call finds it there)."""
    name = stored_pdf_name(summary)
    if not files.exists(name):  # asked first: printing is the costly part
        files.store(name, summary_pdf(summary).pdf)
    return name


def filters_as_data(filters: explorer.Filters) -> dict:
    return {
        "return_slug": filters.return_definition.slug,
        "authority_type": filters.authority_type,
        "region": filters.region,
        "every_kind": filters.every_kind,
    }


def prepare_pdf_later(*, filters: explorer.Filters) -> None:
    """Queue the summary's PDF to be printed by the worker (analysis.summaries.tasks)."""
    from analysis.summaries.tasks import print_panel_summary

    print_panel_summary.enqueue(**filters_as_data(filters))


def summary_for(
    *, return_slug: str, authority_type: str = "", region: str = "", every_kind: bool = False
) -> PanelSummary | None:
    from plans.selectors import barrier_categories, return_by_slug

    return_definition = return_by_slug(return_slug)
    if return_definition is None:
        return None
    filters = explorer.Filters(return_definition, authority_type, region, every_kind)
    themes = list(return_definition.themes.order_by("number"))
    return panel_summary(filters, themes=themes, categories=barrier_categories())


def _number(value):
    """A figure the service worked out, written as a number (negative ones too)."""
    return None if value is None else value.normalize()


CSV_COLUMNS = [
    "section",
    "item",
    "label",
    "councils",
    "passages",
    "council",
    "ons_code",
    "council_type",
    "region",
    "document",
    "page",
    "passage",
    "passage_id",
    "ask_of_government",
    # Figures: one row per distribution (all councils, then each council type), counted in `councils`.
    "unit",
    "group",
    "minimum",
    "lower_quartile",
    "median",
    "upper_quartile",
    "maximum",
]
COUNCIL_TYPES = dict(AuthorityType.choices)


def summary_csv(summary: PanelSummary) -> str:
    """The summary as one CSV table whose first row is the header: one row per statement and one per
    passage cited (councils alphabetical, council types in the register's words), one per figure
    distribution, then the `about` rows: the note on responsible use, the scope, when it was made and
    the review counts, each named in `item` with its value in `label`. Never a ranking."""
    rows: list[dict] = []
    for section, statements in (("theme", summary.themes), ("barrier", summary.barriers)):
        for statement in statements:
            row = {"section": section, "item": statement.key, "label": statement.label}
            rows.append({**row, "councils": statement.councils, "passages": statement.passages})
            for council in statement.cited:
                for citation in council.citations:
                    rows.append(
                        {
                            **row,
                            "council": council.name,
                            "ons_code": council.gss_code,
                            "council_type": COUNCIL_TYPES.get(council.authority_type, council.authority_type),
                            "region": council.region,
                            "document": council.document_title,
                            "page": citation.page or "",
                            "passage": citation.position,
                            "passage_id": citation.passage_id,
                            "ask_of_government": citation.ask,
                        }
                    )
    for comparison in summary.figures:
        groups = [("All councils", comparison.overall)] + [(label, found) for _, label, found in comparison.by_group]
        for group, found in groups:
            rows.append(
                {
                    "section": "figure",
                    "item": comparison.kind,
                    "label": comparison.label,
                    "councils": found.count,
                    "unit": comparison.unit,
                    "group": group,
                    "minimum": _number(found.minimum),
                    "lower_quartile": _number(found.lower_quartile),
                    "median": _number(found.median),
                    "upper_quartile": _number(found.upper_quartile),
                    "maximum": _number(found.maximum),
                }
            )
    for item, value in [
        ("note_on_responsible_use", summary.note),
        ("scope", summary.filters.description),
        ("councils_with_a_plan_in_the_corpus", summary.scope.councils),
        ("made", summary.generated_at.isoformat(timespec="seconds")),
        ("tags_that_apply", summary.review.tags),
        ("tags_reviewed_by_a_person", summary.review.reviewed),
        ("tags_removed_by_a_person", summary.review.removed),
    ]:
        rows.append({"section": "about", "item": item, "label": value})
    return csv_files.csv_text(CSV_COLUMNS, rows)  # formulas neutralised (decision 0025)
