"""The department's explorer across every plan: aggregate reads that describe, never rank.

What it counts, and how:

- **Plans only, unless asked.** Only documents whose kind is a productivity plan (`Document.kind`, read
  on import and corrected by analysts) count; `kinds=all` includes reports, news pages, other regimes'
  plans and unrelated documents too. Every count, the passages behind it and the exports agree.
- **Councils, not passages.** "12 councils name this barrier" counts distinct councils whose
  current plan documents have at least one passage tagged with it. Only each council's current
  documents for the return count (`Document.is_current`): usually one, sometimes a plan and an
  annex the analyst added beside it; the council still counts once.
- **Effective tags.** A tag counts when its row says `present = True`, whoever wrote it. A person's
  decision replaces the machine's row, so a tag a person removed (`present = False`) drops out of
  every count here, and analysis runs never bring it back (see analysis/models.py).
- **Distributions, never league tables.** Figures are compared as count, minimum, quartiles,
  median and maximum per council type, and as histograms; lists of councils are alphabetical.
  Nothing here orders councils by a figure.
- **Every count leads to its passages.** `passages_behind` returns exactly the tags a count was
  made from, with the source document, page and the words highlighted.

Each aggregate is one or two indexed queries whatever the size of the corpus
(bench/bench_explorer.py times them over 317 councils' documents). The pages read them through the shared
cache (`counts`, `figures_page`, `passages_behind`, `search`; decision 0027): computed once, read by every
department reader on every app server until an audit event changes the corpus (or the register of councils).
"""

import math
import re
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from analysis.classify.rules import barrier_phrases, theme_phrases
from analysis.models import (
    Document,
    DocumentKind,
    Figure,
    FigureKind,
    FigureUnit,
    PassageBarrier,
    PassageTheme,
    TagSource,
)
from core import shared_cache
from councils.models import AuthorityType, Region

READ = "submissions.read_returns"

RESPONSIBLE_USE = (
    "Responsible use: these figures describe what councils' productivity plans say; they do not rate, "
    "score or rank any council or plan. Councils wrote plans with no template and chose what to include, so a "
    "council that does not mention something may still be doing it. Read every count with the passages behind "
    "it, compare councils only as distributions among similar councils, and do not build league tables from "
    "these figures. Tags come from an automated analysis unless a person reviewed them."
)

EVERY_KIND = "all"  # the `kinds` parameter that includes every kind of document, not only plans

SPLITS = {"authority_type": ("Council type", AuthorityType), "region": ("Region", Region)}


def is_figure_kind(kind: str) -> bool:
    return kind in FigureKind.values


def check_can_explore(user) -> None:
    """Department staff read the explorer; anyone else gets 404, as if the page did not exist."""
    if not user.has_perm(READ):
        raise Http404("No such page")


# --- Filters ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    """Which plans the explorer looks at: a return, and optionally one council type and one region."""

    return_definition: object
    authority_type: str = ""
    region: str = ""
    every_kind: bool = (
        False  # False: productivity plans only (Document.kind); True: reports, news pages and the rest too
    )

    def tag_lookups(self) -> dict:
        """ORM lookups selecting the tags (themes, barriers, figures) of current documents in scope."""
        lookups = {"document__is_current": True, "document__return_definition": self.return_definition}
        if not self.every_kind:
            lookups["document__kind"] = DocumentKind.PLAN
        if self.authority_type:
            lookups["document__council__authority_type"] = self.authority_type
        if self.region:
            lookups["document__council__region"] = self.region
        return lookups

    def params(self, **extra) -> dict:
        found = {"return": self.return_definition.slug, "type": self.authority_type, "region": self.region}
        found["kinds"] = EVERY_KIND if self.every_kind else ""
        found |= {key: value for key, value in extra.items() if value not in (None, "")}
        return {key: value for key, value in found.items() if value not in (None, "")}

    def query(self, **extra) -> str:
        """The filters (and any extra parameters) as a query string, for links between explorer pages."""
        return urlencode(self.params(**extra))

    def with_group(self, split: str, group: str) -> "Filters":
        """These filters narrowed to one council type or one region (a cell of a split table)."""
        if split == "authority_type":
            return Filters(self.return_definition, group, self.region, self.every_kind)
        return Filters(self.return_definition, self.authority_type, group, self.every_kind)

    @property
    def description(self) -> str:
        parts = [self.return_definition.title]
        if self.authority_type:
            parts.append(AuthorityType(self.authority_type).label)
        if self.region:
            parts.append(self.region)
        if self.every_kind:
            parts.append("every kind of document")
        return ", ".join(parts)


def current_documents(filters: Filters):
    lookups = {key.removeprefix("document__"): value for key, value in filters.tag_lookups().items()}
    return Document.objects.filter(**lookups)


# --- Councils in scope -----------------------------------------------------------------------


@dataclass
class Scope:
    """The councils the explorer looks at: those with a current plan document, split by type and region."""

    councils: int
    by_type: dict[str, int]
    by_region: dict[str, int]

    def of(self, split: str) -> dict[str, int]:
        return self.by_type if split == "authority_type" else self.by_region


def scope(filters: Filters) -> Scope:
    rows = set(
        current_documents(filters)
        .values_list("council_id", "council__authority_type", "council__region")
        .distinct()
        .order_by()
    )
    by_type: dict[str, int] = defaultdict(int)
    by_region: dict[str, int] = defaultdict(int)
    for _, authority_type, region in rows:
        by_type[authority_type] += 1
        by_region[region] += 1
    return Scope(councils=len({row[0] for row in rows}), by_type=dict(by_type), by_region=dict(by_region))


def groups(split: str, present: dict[str, int]) -> list[tuple[str, str]]:
    """(value, label) of each council type or region that has councils in scope, in the register's order."""
    _, choices = SPLITS[split]
    return [(value, label) for value, label in choices.choices if present.get(value)]


# --- Counting councils per tag ----------------------------------------------------------------


@dataclass
class CountRow:
    """One tag (a theme or barrier category): councils in total and in each group, with the query to its passages."""

    key: str
    label: str
    councils: int
    by_type: dict[str, int] = field(default_factory=dict)
    by_region: dict[str, int] = field(default_factory=dict)
    passages: int = 0
    param: str = ""  # "theme" or "barrier": the passages page's parameter for this row
    query: str = ""  # the query string of the passages behind the row's total

    def of(self, split: str) -> dict[str, int]:
        return self.by_type if split == "authority_type" else self.by_region


def _count_councils(pairs) -> dict[str, CountRow]:
    """pairs: (key, council id, authority type, region) rows -> distinct councils per key and group."""
    councils: dict[str, set] = defaultdict(set)
    by_type: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    by_region: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for key, council_id, authority_type, region in pairs:
        key = str(key)
        councils[key].add(council_id)
        by_type[key][authority_type].add(council_id)
        by_region[key][region].add(council_id)
    return {
        key: CountRow(
            key=key,
            label="",
            councils=len(ids),
            by_type={group: len(found) for group, found in by_type[key].items()},
            by_region={group: len(found) for group, found in by_region[key].items()},
        )
        for key, ids in councils.items()
    }


COUNCIL_COLUMNS = ("document__council_id", "document__council__authority_type", "document__council__region")


def barrier_counts(filters: Filters, categories) -> list[CountRow]:
    """Every barrier category (in the taxonomy's alphabetical order, never by count): how many councils
    name it, in total, by council type and by region, and how many passages. One query."""
    pairs = (
        PassageBarrier.objects.filter(present=True, **filters.tag_lookups())
        .values_list("category__slug", *COUNCIL_COLUMNS)
        .distinct()
        .order_by()
    )
    counted = _count_councils(pairs)
    passages = dict(
        PassageBarrier.objects.filter(present=True, **filters.tag_lookups())
        .values("category__slug")
        .annotate(n=Count("passage_id", distinct=True))
        .order_by()
        .values_list("category__slug", "n")
    )
    rows = []
    for category in categories:
        row = counted.get(category.slug) or CountRow(key=category.slug, label="", councils=0)
        row.label = category.label
        row.passages = passages.get(category.slug, 0)
        row.param, row.query = "barrier", filters.query(barrier=category.slug)
        rows.append(row)
    return rows


def theme_counts(filters: Filters, themes) -> list[CountRow]:
    """Each theme of the return (in its own order): how many councils' plans speak to it, by type and region."""
    pairs = (
        PassageTheme.objects.filter(present=True, **filters.tag_lookups())
        .values_list("theme__number", *COUNCIL_COLUMNS)
        .distinct()
        .order_by()
    )
    counted = _count_councils(pairs)
    passages = dict(
        PassageTheme.objects.filter(present=True, **filters.tag_lookups())
        .values("theme__number")
        .annotate(n=Count("passage_id", distinct=True))
        .order_by()
        .values_list("theme__number", "n")
    )
    rows = []
    for theme in themes:
        key = str(theme.number)
        row = counted.get(key) or CountRow(key=key, label="", councils=0)
        row.label = f"Theme {theme.number}: {theme.short_title}"
        row.passages = passages.get(theme.number, 0)
        row.param, row.query = "theme", filters.query(theme=theme.number)
        rows.append(row)
    return rows


# --- Figures as distributions -----------------------------------------------------------------


@dataclass(frozen=True)
class Distribution:
    """Five numbers describing values from several councils. Says nothing about which council is where."""

    count: int
    minimum: Decimal | None = None
    lower_quartile: Decimal | None = None
    median: Decimal | None = None
    upper_quartile: Decimal | None = None
    maximum: Decimal | None = None


def quantile(ordered: list[Decimal], fraction: Decimal) -> Decimal:
    """The value at `fraction` of the way through sorted values, interpolating linearly between
    neighbours (the 'inclusive' method: the minimum is quantile 0, the maximum quantile 1)."""
    if not ordered:
        raise ValueError("No values")
    position = Decimal(len(ordered) - 1) * fraction
    below = int(position)
    above = min(below + 1, len(ordered) - 1)
    weight = position - below
    return ordered[below] + (ordered[above] - ordered[below]) * weight


def distribution(values: list[Decimal]) -> Distribution:
    if not values:
        return Distribution(count=0)
    ordered = sorted(Decimal(v) for v in values)
    return Distribution(
        count=len(ordered),
        minimum=ordered[0],
        lower_quartile=quantile(ordered, Decimal("0.25")),
        median=quantile(ordered, Decimal("0.5")),
        upper_quartile=quantile(ordered, Decimal("0.75")),
        maximum=ordered[-1],
    )


@dataclass(frozen=True)
class Bin:
    low: Decimal
    high: Decimal
    count: int
    last: bool = False  # the last bin includes its upper edge


def _nice_step(span: Decimal, bins: int) -> Decimal:
    raw = span / bins
    if raw <= 0:
        return Decimal(1)
    magnitude = Decimal(10) ** math.floor(math.log10(raw))
    for multiple in (1, 2, 2.5, 5, 10):
        step = magnitude * Decimal(str(multiple))
        if step >= raw:
            return step
    return magnitude * 10  # pragma: no cover - the loop always finds one


def histogram(values: list[Decimal], *, bins: int = 8) -> list[Bin]:
    """How many values fall in each of up to `bins` equal ranges with round edges (low <= v < high;
    the last range includes its top). Empty ranges are kept, so the shape is honest."""
    if not values:
        return []
    ordered = sorted(Decimal(v) for v in values)
    low, high = ordered[0], ordered[-1]
    if low == high:
        return [Bin(low=low, high=high, count=len(ordered), last=True)]
    step = _nice_step(high - low, bins)
    start = (low / step).to_integral_value(rounding="ROUND_FLOOR") * step
    edges = [start]
    while edges[-1] <= high:
        edges.append(edges[-1] + step)
    found = []
    for index, (edge_low, edge_high) in enumerate(zip(edges, edges[1:], strict=False)):
        last = index == len(edges) - 2
        count = sum(1 for v in ordered if edge_low <= v < edge_high or (last and v == edge_high))
        found.append(Bin(low=edge_low, high=edge_high, count=count, last=last))
    return found


@dataclass
class CouncilValue:
    council_id: int
    name: str
    authority_type: str
    region: str
    value: Decimal
    figures: int  # how many figures of the kind the plan gives; the council's value is their median


# A figure counted per resident, household or pupil is a rate, not a council's total: a distribution
# of totals leaves it out, so "£292 per resident" never sits beside "£1.2m".
PER_UNIT = ("per resident", "per household", "per home", "per property", "per pupil", "per child", "per band d")


def per_unit(qualifier: str) -> bool:
    return qualifier.startswith(PER_UNIT)


def council_values(filters: Filters, kind: str) -> list[CouncilValue]:
    """One value per council for a figure kind: the median of the figures of that kind its current plan
    gives (usually just one), a range counting as its midpoint; figures per resident or household are
    left out (see PER_UNIT). Alphabetical by council name."""
    per_unit_lookup = Q()
    for words in PER_UNIT:
        per_unit_lookup |= Q(qualifier__startswith=words)
    rows = (
        Figure.objects.filter(present=True, kind=kind, **filters.tag_lookups())
        .exclude(per_unit_lookup)
        .values_list(
            "document__council_id",
            "document__council__name",
            "document__council__authority_type",
            "document__council__region",
            "value",
            "upper",
        )
        .order_by("document__council__name", "document__council_id")
    )
    grouped: dict[int, list] = {}
    names: dict[int, tuple] = {}
    for council_id, name, authority_type, region, value, upper in rows:
        value = Decimal(value) if upper is None else (Decimal(value) + Decimal(upper)) / 2
        grouped.setdefault(council_id, []).append(value)
        names[council_id] = (name, authority_type, region)
    return [
        CouncilValue(council_id, *names[council_id], statistics.median(values), len(values))
        for council_id, values in grouped.items()
    ]


@dataclass
class FigureComparison:
    kind: str
    label: str
    unit: str
    overall: Distribution
    by_group: list[tuple[str, str, Distribution]]  # (group value, label, distribution)
    bins: list[Bin]
    split: str


def unit_of(kind: str) -> str:
    if kind.endswith("_share_of_staff_budget") or kind == FigureKind.OTHER_PERCENT:
        return FigureUnit.PERCENT
    if kind == FigureKind.COUNT:
        return FigureUnit.COUNT
    return FigureUnit.GBP


def compare_figures(filters: Filters, kind: str, *, split: str = "authority_type") -> FigureComparison:
    """A figure kind across councils: the distribution overall and per council type (or region), and a
    histogram of councils' values. No list of councils ordered by value exists here."""
    values = council_values(filters, kind)
    by_group: dict[str, list[Decimal]] = defaultdict(list)
    for found in values:
        by_group[found.authority_type if split == "authority_type" else found.region].append(found.value)
    _, choices = SPLITS[split]
    return FigureComparison(
        kind=kind,
        label=FigureKind(kind).label,
        unit=unit_of(kind),
        overall=distribution([v.value for v in values]),
        by_group=[(value, label, distribution(by_group[value])) for value, label in choices.choices if by_group[value]],
        bins=histogram([v.value for v in values]),
        split=split,
    )


def figure_kind_counts(filters: Filters) -> list[dict]:
    """For each figure kind (in the model's order): how many councils give one, and how many figures."""
    rows = {
        row["kind"]: row
        for row in Figure.objects.filter(present=True, **filters.tag_lookups())
        .values("kind")
        .annotate(figures=Count("id"), councils=Count("document__council", distinct=True))
        .order_by()
    }
    return [
        {"kind": kind, "label": label, "figures": rows[kind]["figures"], "councils": rows[kind]["councils"]}
        for kind, label in FigureKind.choices
        if kind in rows
    ]


# --- Human review, as the explorer reports it -------------------------------------------------


@dataclass(frozen=True)
class ReviewCounts:
    tags: int  # tags that currently apply (themes, barriers, figures)
    reviewed: int  # rows a person decided (confirmed, corrected, added or removed)
    removed: int  # of which: a person said the tag does not apply

    @property
    def machine_only(self) -> int:
        return self.tags - (self.reviewed - self.removed)


def review_counts(filters: Filters) -> ReviewCounts:
    """How many tags a person reviewed, across themes, barriers and figures in scope. Three queries."""
    tags = reviewed = removed = 0
    person = Q(source=TagSource.PERSON)
    for model in (PassageTheme, PassageBarrier, Figure):
        found = model.objects.filter(**filters.tag_lookups()).aggregate(
            tags=Count("id", filter=Q(present=True)),
            reviewed=Count("id", filter=person),
            removed=Count("id", filter=person & Q(present=False)),
        )
        tags += found["tags"]
        reviewed += found["reviewed"]
        removed += found["removed"]
    return ReviewCounts(tags=tags, reviewed=reviewed, removed=removed)


# --- The passages behind a count --------------------------------------------------------------


def highlight(text: str, phrases: list[str]) -> SafeString:
    """Escape `text`, marking each occurrence of any phrase (case-insensitive) with <mark>."""
    wanted = sorted({p.strip() for p in phrases if p and p.strip()}, key=len, reverse=True)
    if not wanted:
        return escape(text)
    pattern = re.compile("|".join(re.escape(p) for p in wanted), re.IGNORECASE)
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece escaped above  # nosec B308 B703


@dataclass
class Evidence:
    """One passage behind a count: where it is, what tag put it there, and the words to look at."""

    passage: object
    council: object
    document: object
    text: SafeString
    tag_source: str
    reviewed_by: object = None
    detail: str = ""  # a barrier's ask of government, or a figure's value


@dataclass(frozen=True)
class Question:
    """What a count counted: one theme, barrier category or figure kind (with an optional value range)."""

    theme: int | None = None
    barrier: str = ""
    figure: str = ""
    low: Decimal | None = None
    high: Decimal | None = None
    last: bool = False  # the value range includes `high`

    def params(self) -> dict:
        found = {"theme": self.theme, "barrier": self.barrier, "figure": self.figure}
        if self.low is not None:
            found |= {"from": str(self.low), "to": str(self.high)}
            if self.last:
                found["last"] = "1"
        return {key: value for key, value in found.items() if value not in (None, "")}


def _amount(value: Decimal, unit: str) -> str:
    value = value.normalize()
    if unit == FigureUnit.PERCENT:
        return f"{value:f}%"
    if unit == FigureUnit.GBP:
        return f"£{value:,f}"
    return f"{value:f}"


def figure_text(figure) -> str:
    """A figure as the plan gives it: "3.6% to 3.8%", "£110 per resident", "22 bids"."""
    text = _amount(figure.value, figure.unit)
    if figure.upper is not None:
        text += f" to {_amount(figure.upper, figure.unit)}"
    return f"{text} {figure.qualifier}" if figure.qualifier else text


def evidence_tags(filters: Filters, question: Question):
    """The tag rows a count was made from (present, current documents in scope), alphabetical by council."""
    order = ("document__council__name", "document__council_id", "document__id", "passage__position")
    related = ("passage", "document__council", "reviewed_by")
    if question.theme is not None:
        return (
            PassageTheme.objects.filter(present=True, theme__number=question.theme, **filters.tag_lookups())
            .select_related(*related, "theme")
            .order_by(*order)
        )
    if question.barrier:
        return (
            PassageBarrier.objects.filter(present=True, category__slug=question.barrier, **filters.tag_lookups())
            .select_related(*related, "category")
            .order_by(*order)
        )
    found = Figure.objects.filter(present=True, kind=question.figure, **filters.tag_lookups())
    if question.low is not None:
        councils = [
            v.council_id
            for v in council_values(filters, question.figure)
            if question.low <= v.value < question.high or (question.last and v.value == question.high)
        ]
        found = found.filter(document__council_id__in=councils)
    return found.select_related(*related).order_by(*order, "key")


def evidence(tags) -> list[Evidence]:
    """Evidence rows for a page of tags: the passage text with the words that put it behind the count
    marked: the theme's or barrier's own words as the rules know them, the ask, or the figure's words."""
    rows = []
    for tag in tags:
        phrases, detail = [], ""
        if isinstance(tag, PassageTheme):
            phrases = theme_phrases(tag.passage.text, tag.theme.number)
        elif isinstance(tag, PassageBarrier):
            phrases, detail = [tag.ask, *barrier_phrases(tag.passage.text, tag.category.slug)], tag.ask
        elif isinstance(tag, Figure):
            phrases, detail = [tag.quote], figure_text(tag)
        rows.append(
            Evidence(
                passage=tag.passage,
                council=tag.document.council,
                document=tag.document,
                text=highlight(tag.passage.text, phrases),
                tag_source=tag.source,
                reviewed_by=tag.reviewed_by,
                detail=detail,
            )
        )
    return rows


def councils_behind(tags) -> list:
    """The distinct councils behind a count, alphabetical."""
    seen = {}
    for council_id, name, code in tags.values_list(
        "document__council_id", "document__council__name", "document__council__gss_code"
    ).order_by("document__council__name", "document__council_id"):
        seen.setdefault(council_id, (name, code))
    return [{"name": name, "gss_code": code} for name, code in seen.values()]


# --- For pages and exports: bars, tables, labels ----------------------------------------------


def bars(items, maximum: int) -> list[dict]:
    """Bar-chart rows: (label, value, item) -> the bar's length as a share of `maximum` (0-100). The
    value is always written beside the bar, so the chart never relies on length or colour alone."""
    return [
        {"label": label, "value": value, "item": item, "percent": round(100 * value / maximum, 1) if maximum else 0}
        for label, value, item in items
    ]


def split_table(rows: list[CountRow], found_scope: Scope, split: str, filters: Filters) -> dict:
    """A table of councils per tag (rows) and council type or region (columns), with the number of
    councils in scope per column as the base. Each cell carries the query of the passages behind it."""
    title, _ = SPLITS[split]
    columns = groups(split, found_scope.of(split))
    return {
        "split": split,
        "title": title,
        "groups": columns,
        "base": [found_scope.of(split).get(value, 0) for value, _ in columns],
        "rows": [
            {
                "row": row,
                "cells": [
                    {
                        "group": label,
                        "councils": row.of(split).get(value, 0),
                        "query": filters.with_group(split, value).query(**{row.param: row.key}),
                    }
                    for value, label in columns
                ],
            }
            for row in rows
        ],
    }


def format_value(value: Decimal | None, unit: str) -> str:
    if value is None:
        return ""
    if unit == FigureUnit.PERCENT:
        return f"{value.quantize(Decimal('0.01')).normalize():f}%"
    if unit == FigureUnit.GBP:
        return f"£{value.quantize(Decimal('1')):,}"
    return f"{value.quantize(Decimal('0.01')).normalize():f}"


def distribution_row(label: str, found: Distribution, unit: str, group: str = "", query: str = "") -> dict:
    return {
        "label": label,
        "group": group,
        "query": query,
        "count": found.count,
        "cells": [
            format_value(v, unit)
            for v in (found.minimum, found.lower_quartile, found.median, found.upper_quartile, found.maximum)
        ],
    }


def comparison_rows(comparison: FigureComparison, filters: Filters) -> list[dict]:
    """The distribution table: all councils first, then each council type or region in the register's
    order. Each row's count leads to the passages the values came from."""
    kind = comparison.kind
    rows = [distribution_row("All councils", comparison.overall, comparison.unit, "", filters.query(figure=kind))]
    rows += [
        distribution_row(
            label, found, comparison.unit, value, filters.with_group(comparison.split, value).query(figure=kind)
        )
        for value, label, found in comparison.by_group
    ]
    return rows


def histogram_bars(comparison: FigureComparison, filters: Filters) -> list[dict]:
    """The histogram as bar rows, each bin's count leading to the passages of the councils in it."""
    maximum = max((b.count for b in comparison.bins), default=0)
    rows = bars([(bin_label(b, comparison.unit), b.count, b) for b in comparison.bins], maximum)
    for row in rows:
        found = row["item"]
        question = Question(figure=comparison.kind, low=found.low, high=found.high, last=found.last)
        row["query"] = filters.query(**question.params())
    return rows


def bin_label(found: Bin, unit: str) -> str:
    low, high = format_value(found.low, unit), format_value(found.high, unit)
    if found.low == found.high:
        return low
    return f"{low} to {high}" if found.last else f"{low} to under {high}"


def question_title(question: Question, filters: Filters) -> str:
    if question.theme is not None:
        theme = filters.return_definition.themes.filter(number=question.theme).first()
        return f"Theme {question.theme}: {theme.short_title}" if theme else f"Theme {question.theme}"
    if question.barrier:
        from plans.selectors import barrier_categories

        labels = {c.slug: c.label for c in barrier_categories()}
        return f"Barrier: {labels.get(question.barrier, question.barrier)}"
    title = FigureKind(question.figure).label
    if question.low is not None:
        unit = unit_of(question.figure)
        title += f", councils' values {bin_label(Bin(question.low, question.high, 0, question.last), unit)}"
    return title


# --- Shared results: what the pages read, through the shared cache ----------------------------


def shared_result(name: str, filters: Filters, compute, *parts):
    """`compute()` for these filters, cached for every reader until the corpus changes."""
    return shared_entry(name, filters, compute, *parts)[1]


def shared_entry(name: str, filters: Filters, compute, *parts):
    """(key, value): `shared_result` with the key it is cached under, which a page's rendered tables are
    cached by too (a template's `{% cache %}` varied on it)."""
    return shared_cache.cached_entry(
        f"explorer:{name}", namespaces=(shared_cache.CORPUS,), parts=(filters.params(), *parts), compute=compute
    )


@dataclass
class Counts:
    """Every count the explorer's overview pages show for one set of filters, computed together."""

    scope: Scope
    themes: list[CountRow]
    barriers: list[CountRow]
    figure_kinds: list[dict]
    review: ReviewCounts


def counts(filters: Filters, *, themes, categories) -> tuple[str, Counts]:
    """(key, counts): councils in scope, theme and barrier counts, figure kinds and reviews: one cached
    entry shared by the overview, themes, barriers and passages pages (two queries when cached)."""
    return shared_entry(
        "counts",
        filters,
        lambda: Counts(
            scope=scope(filters),
            themes=theme_counts(filters, themes),
            barriers=barrier_counts(filters, categories),
            figure_kinds=figure_kind_counts(filters),
            review=review_counts(filters),
        ),
    )


def figures_page(filters: Filters, kind: str, split: str) -> tuple[FigureComparison, list[dict]]:
    """A figure kind's comparison and the list of figure kinds, cached together."""
    return shared_result(
        "figures",
        filters,
        lambda: (compare_figures(filters, kind, split=split), figure_kind_counts(filters)),
        kind,
        split,
    )


class CountedPaginator(Paginator):
    """A paginator told its count (from the shared cache), so a page costs one query for its rows."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count  # Paginator.count is a cached property: this is its value


def passages_behind(filters: Filters, question: Question, page_number, per_page: int):
    """A page of the passages behind a count, with how many there are and the councils they come from
    (cached, as the count they explain is). Returns (page, evidence rows, councils)."""
    tags = evidence_tags(filters, question)
    total, councils = shared_result(
        "behind", filters, lambda: (tags.count(), councils_behind(tags)), sorted(question.params().items())
    )
    page = CountedPaginator(tags, per_page, count=total).get_page(page_number)
    rows = shared_result(
        "behind-page",
        filters,
        lambda: evidence(page.object_list),
        sorted(question.params().items()),
        page.number,
        per_page,
    )
    return page, rows, councils
