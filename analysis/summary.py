"""The panel summary: what the explorer shows, as one document (HTML page, PDF, CSV).

For each theme and each barrier category it states how many councils' plans speak to it, and
cites the councils (alphabetical) and the passages behind the statement: document, page and
passage number, and for barriers the ask of government. Figures are given as distributions per
council type. Every export carries the note on responsible use. Nothing ranks councils.
"""

import csv
import io
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import timezone

from analysis import explorer
from analysis.models import PassageBarrier, PassageTheme
from core.pdf import render_pdf


@dataclass
class Citation:
    """One passage a statement rests on."""

    passage_id: int
    page: int | None
    position: int
    ask: str = ""

    @property
    def reference(self) -> str:
        where = f"page {self.page}, " if self.page else ""
        return f"{where}passage {self.position}"


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
    for row in rows:
        key, name, code, authority_type, region, document_id, title, passage_id, page, position = row[:10]
        councils = found.setdefault(str(key), {})
        entry = councils.get(document_id)
        if entry is None:
            entry = councils[document_id] = CouncilCitations(name, code, authority_type, region, document_id, title)
        entry.citations.append(Citation(passage_id, page, position, row[10] if with_ask else ""))
    return {key: list(councils.values()) for key, councils in found.items()}


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


def _safe(value) -> str:
    """Text for a CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _number(value) -> str:
    return "" if value is None else f"{value.normalize():f}"


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
]
DISTRIBUTION_COLUMNS = ["section", "figure", "unit", "group", "councils", "minimum", "lower_quartile", "median"]
DISTRIBUTION_COLUMNS += ["upper_quartile", "maximum"]


def summary_csv(summary: PanelSummary) -> str:
    """The summary as CSV: the note on responsible use first, then one row per statement and one per
    passage cited (councils alphabetical), then the figures' distributions. Never a ranking."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Note on responsible use", summary.note])
    writer.writerow(["Scope", summary.filters.description])
    writer.writerow(["Councils with a plan in the corpus", summary.scope.councils])
    writer.writerow(["Made", summary.generated_at.isoformat(timespec="seconds")])
    writer.writerow([])
    writer.writerow(CSV_COLUMNS)
    for section, statements in (("theme", summary.themes), ("barrier", summary.barriers)):
        for statement in statements:
            writer.writerow([section, statement.key, _safe(statement.label), statement.councils, statement.passages])
            for council in statement.cited:
                for citation in council.citations:
                    writer.writerow(
                        [
                            section,
                            statement.key,
                            _safe(statement.label),
                            "",
                            "",
                            _safe(council.name),
                            council.gss_code,
                            council.authority_type,
                            council.region,
                            _safe(council.document_title),
                            citation.page or "",
                            citation.position,
                            citation.passage_id,
                            _safe(citation.ask),
                        ]
                    )
    writer.writerow([])
    writer.writerow(DISTRIBUTION_COLUMNS)
    for comparison in summary.figures:
        rows = [("all", comparison.overall)] + [(value, found) for value, _, found in comparison.by_group]
        for group, found in rows:
            writer.writerow(
                [
                    "figure",
                    comparison.kind,
                    comparison.unit,
                    group,
                    found.count,
                    _number(found.minimum),
                    _number(found.lower_quartile),
                    _number(found.median),
                    _number(found.upper_quartile),
                    _number(found.maximum),
                ]
            )
    writer.writerow([])
    writer.writerow(["Tags that apply", summary.review.tags])
    writer.writerow(["Tags reviewed by a person", summary.review.reviewed])
    writer.writerow(["of which removed by a person", summary.review.removed])
    return out.getvalue()
