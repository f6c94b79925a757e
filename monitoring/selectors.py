"""Reads for monitoring, each with a fixed order. Public pages read only published figures
(`published_values`); a council's own pages also see figures waiting for its approval."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, QuerySet

from councils.models import Council
from monitoring import catalogue
from monitoring.figures import distribution
from monitoring.models import (
    Metric,
    MetricSummary,
    MetricValue,
    MonitoringSettings,
    Polarity,
    ProgressRelease,
    SimilarCouncil,
    Status,
    TrackedCommitment,
    ValueImport,
)
from monitoring.periods import parse_period
from plans.models import Commitment
from plans.selectors import commitments_of, draft_for, open_returns
from submissions.selectors import publications_of

PUBLISHED = Q(approved_at__isnull=False, superseded_at__isnull=True)
WAITING = Q(approved_at__isnull=True, superseded_at__isnull=True)


def metrics() -> QuerySet[Metric]:
    return Metric.objects.order_by("position", "slug")


def performance_metrics() -> QuerySet[Metric]:
    return metrics().exclude(polarity=Polarity.CONTEXT)


def metrics_for(council: Council) -> list[Metric]:
    """The performance metrics that apply to the council's type, in catalogue order."""
    return [m for m in performance_metrics() if m.applies_to(council.authority_type)]


def metric_by_slug(slug: str) -> Metric | None:
    return Metric.objects.filter(slug=slug).first()


def metric_by_id_or_slug(key: str) -> Metric | None:
    if key.isdigit():
        return Metric.objects.filter(pk=int(key)).first()
    return metric_by_slug(key)


def published_values() -> QuerySet[MetricValue]:
    return MetricValue.objects.filter(PUBLISHED)


def values_of(*, metric: Metric, council: Council | None = None) -> QuerySet[MetricValue]:
    """Published figures of a metric (for one council, or all), by council name then period."""
    found = published_values().filter(metric=metric).select_related("council", "source_import")
    if council is not None:
        found = found.filter(council=council)
    return found.order_by("council__name", "period_end", "pk")


def value_by_id(value_id: int) -> MetricValue | None:
    return MetricValue.objects.select_related("council", "metric", "source_import").filter(pk=value_id).first()


def history_of(value: MetricValue) -> list[MetricValue]:
    """Every row recorded for the value's council, metric and period, newest first: the figure's history."""
    return list(
        MetricValue.objects.filter(council_id=value.council_id, metric_id=value.metric_id, period=value.period)
        .select_related("source_import", "recorded_by", "approved_by")
        .order_by("-recorded_at", "-pk")
    )


def waiting_values(council: Council) -> list[MetricValue]:
    return list(
        MetricValue.objects.filter(WAITING, council=council)
        .select_related("metric", "source_import", "recorded_by")
        .order_by("metric__position", "period_end", "pk")
    )


def waiting_count(council: Council) -> int:
    return MetricValue.objects.filter(WAITING, council=council).count()


def councils_with_waiting_values() -> dict[int, int]:
    rows = MetricValue.objects.filter(WAITING).values("council_id").annotate(n=Count("id")).order_by()
    return {row["council_id"]: row["n"] for row in rows}


def published_for(council: Council, metric: Metric, period: str) -> MetricValue | None:
    return published_values().filter(council=council, metric=metric, period=period).first()


def holds_for_approval(council: Council) -> bool:
    return MonitoringSettings.objects.filter(council=council, hold_for_approval=True).exists()


def imports_of(council: Council | None) -> QuerySet[ValueImport]:
    """A council's loads (None: every load, for the department), newest first."""
    found = ValueImport.objects.select_related("loaded_by", "council")
    return found.filter(council=council) if council is not None else found


def import_by_id(import_id: int) -> ValueImport | None:
    return ValueImport.objects.select_related("loaded_by", "council").filter(pk=import_id).first()


def values_in_import(value_import: ValueImport, *, limit: int = 200) -> list[MetricValue]:
    return list(value_import.values.select_related("council", "metric").order_by("source_row", "pk")[:limit])


def releases_of(council: Council, *, limit: int = 10) -> list[ProgressRelease]:
    return list(ProgressRelease.objects.filter(council=council).order_by("-released_at", "-pk")[:limit])


def release_by_id(release_id: int) -> ProgressRelease | None:
    return ProgressRelease.objects.select_related("council").filter(pk=release_id).first()


# --- Tracked commitments --------------------------------------------------------------------------


def tracked_of(council: Council) -> list[TrackedCommitment]:
    return list(
        TrackedCommitment.objects.filter(council=council)
        .select_related("metric", "commitment", "council")
        .order_by("target_on", "pk")
    )


def tracked_by_id(tracked_id: int) -> TrackedCommitment | None:
    return (
        TrackedCommitment.objects.select_related("metric", "council", "commitment__draft").filter(pk=tracked_id).first()
    )


def all_tracked() -> QuerySet[TrackedCommitment]:
    """Every tracked commitment, councils alphabetical (never ordered by status)."""
    return TrackedCommitment.objects.select_related("metric", "council").order_by("council__name", "target_on", "pk")


@dataclass
class DraftCommitment:
    commitment: Commitment
    tracked: TrackedCommitment | None


def commitments_for_tracking(council: Council) -> list[DraftCommitment]:
    """The commitments in the council's drafts, each with the metric it is followed by, if any."""
    tracked = {t.commitment_id: t for t in tracked_of(council) if t.commitment_id}
    found = []
    for return_definition in open_returns():
        draft = draft_for(council=council, return_definition=return_definition)
        if draft is None:
            continue
        found += [DraftCommitment(c, tracked.get(c.pk)) for c in commitments_of(draft)]
    return found


def commitment_for_council(council: Council, commitment_id: int):
    for item in commitments_for_tracking(council):
        if item.commitment.pk == commitment_id:
            return item.commitment
    return None


@dataclass
class PublishedCommitment:
    """A commitment as the published plan states it, with the metric it is followed by (if any)."""

    content: dict
    tracked: TrackedCommitment | None
    return_title: str
    chart: object = None  # set by the page that draws it

    @property
    def due_on(self) -> datetime.date:
        return datetime.date.fromisoformat(self.content["due_on"])


def published_commitments(council: Council) -> list[PublishedCommitment]:
    """Each commitment in the council's latest published plan (of each return), matched to its tracking
    by the commitment's words."""
    tracked: dict[str, TrackedCommitment] = {}
    for item in tracked_of(council):
        tracked.setdefault(" ".join(item.action.split()), item)
    latest, found = set(), []
    for publication in publications_of(council):
        if publication.return_definition_id in latest:
            continue
        latest.add(publication.return_definition_id)
        for content in publication.version.content.get("commitments", []):
            found.append(
                PublishedCommitment(
                    content, tracked.get(" ".join(content["action"].split())), publication.return_definition.title
                )
            )
    return found


# --- Comparison: a council's figures beside councils of its type and its similar councils ----------


def similar_to(council: Council) -> list[SimilarCouncil]:
    """The council's similar councils, by name."""
    return list(SimilarCouncil.objects.filter(council=council).select_related("similar").order_by("similar__name"))


def context_of(council_ids) -> dict[int, dict[str, Decimal]]:
    """The latest published context figure of each kind for each council: {council id: {slug: value}}."""
    found: dict[int, dict[str, Decimal]] = defaultdict(dict)
    rows = (
        published_values()
        .filter(council_id__in=council_ids, metric__slug__in=catalogue.SIMILARITY_INPUTS)
        .values_list("council_id", "metric__slug", "value")
        .order_by("council_id", "metric__slug", "period_end")
    )
    for council_id, slug, value in rows:
        found[council_id][slug] = value
    return found


def context_metrics() -> list[Metric]:
    by_slug = {m.slug: m for m in metrics().filter(slug__in=catalogue.SIMILARITY_INPUTS)}
    return [by_slug[slug] for slug in catalogue.SIMILARITY_INPUTS if slug in by_slug]


@dataclass
class PeriodRow:
    period: str
    value: MetricValue | None
    similar_median: Decimal | None
    similar_count: int
    type_summary: MetricSummary | None


@dataclass
class Comparison:
    """One metric for one council: its figures by period beside the same type's distribution and the
    median of its similar councils."""

    metric: Metric
    council: Council
    rows: list[PeriodRow] = field(default_factory=list)

    @property
    def has_figures(self) -> bool:
        return any(row.value is not None for row in self.rows)

    @property
    def latest(self) -> MetricValue | None:
        values = [row.value for row in self.rows if row.value is not None]
        return values[-1] if values else None


def comparisons_for(council: Council, metric_list: list[Metric]) -> list[Comparison]:
    """Comparisons for several metrics of one council, read in four queries."""
    metric_ids = [m.pk for m in metric_list]
    own: dict[int, dict[str, MetricValue]] = defaultdict(dict)
    ends: dict[str, datetime.date] = {}
    for value in published_values().filter(council=council, metric_id__in=metric_ids).order_by("period_end", "pk"):
        own[value.metric_id][value.period] = value
        ends[value.period] = value.period_end
    similar_ids = list(SimilarCouncil.objects.filter(council=council).values_list("similar_id", flat=True))
    neighbours: dict[tuple[int, str], list[Decimal]] = defaultdict(list)
    rows = (
        published_values()
        .filter(council_id__in=similar_ids, metric_id__in=metric_ids)
        .values_list("metric_id", "period", "period_end", "value")
    )
    for metric_id, period, period_end, figure in rows:
        neighbours[(metric_id, period)].append(figure)
        ends[period] = period_end
    summaries: dict[int, dict[str, MetricSummary]] = defaultdict(dict)
    for summary in MetricSummary.objects.filter(metric_id__in=metric_ids, authority_type=council.authority_type):
        summaries[summary.metric_id][summary.period] = summary
        ends[summary.period] = summary.period_end
    found = []
    for metric in metric_list:
        periods = set(own[metric.pk]) | set(summaries[metric.pk]) | {p for m, p in neighbours if m == metric.pk}
        comparison = Comparison(metric, council)
        for period in sorted(periods, key=lambda p: ends[p]):
            near = neighbours.get((metric.pk, period), [])
            comparison.rows.append(
                PeriodRow(
                    period=period,
                    value=own[metric.pk].get(period),
                    similar_median=distribution(near).median if near else None,
                    similar_count=len(near),
                    type_summary=summaries[metric.pk].get(period),
                )
            )
        found.append(comparison)
    return found


def similar_values(council: Council, metric: Metric) -> list[tuple[Council, Decimal | None, str]]:
    """Each similar council (by name) with its latest published figure for the metric and that period."""
    similar = similar_to(council)
    latest: dict[int, tuple[Decimal, str]] = {}
    rows = (
        published_values()
        .filter(council_id__in=[s.similar_id for s in similar], metric=metric)
        .values_list("council_id", "value", "period")
        .order_by("council_id", "period_end")
    )
    for council_id, value, period in rows:
        latest[council_id] = (value, period)
    return [(s.similar, *latest.get(s.similar_id, (None, ""))) for s in similar]


# --- Tracked commitment in detail -----------------------------------------------------------------


@dataclass
class Progress:
    tracked: TrackedCommitment
    baseline_end: object
    values: list[MetricValue]  # published, after the baseline period, oldest first
    waiting: list[MetricValue] = field(default_factory=list)


def progress_of(tracked: TrackedCommitment, *, include_waiting: bool = False) -> Progress:
    metric = tracked.metric
    baseline_end = parse_period(tracked.baseline_period, frequency=metric.frequency).end
    values = list(
        published_values()
        .filter(council_id=tracked.council_id, metric=metric, period_end__gt=baseline_end)
        .select_related("source_import")
        .order_by("period_end", "pk")
    )
    waiting = []
    if include_waiting:
        waiting = list(
            MetricValue.objects.filter(WAITING, council_id=tracked.council_id, metric=metric).order_by("period_end")
        )
    return Progress(tracked, baseline_end, values, waiting)


def progress_for_councils(tracked_list: list[TrackedCommitment]) -> dict[int, list[MetricValue]]:
    """Published figures after the baseline for each tracked commitment, read in one query."""
    if not tracked_list:
        return {}
    keys = {(t.council_id, t.metric_id) for t in tracked_list}
    rows = (
        published_values()
        .filter(council_id__in={c for c, _ in keys}, metric_id__in={m for _, m in keys})
        .order_by("period_end", "pk")
    )
    by_key: dict[tuple[int, int], list[MetricValue]] = defaultdict(list)
    for value in rows:
        by_key[(value.council_id, value.metric_id)].append(value)
    found = {}
    for t in tracked_list:
        baseline_end = parse_period(t.baseline_period, frequency=t.metric.frequency).end
        found[t.pk] = [v for v in by_key[(t.council_id, t.metric_id)] if v.period_end > baseline_end]
    return found


# --- The department's view across councils --------------------------------------------------------

STATUS_ORDER = [Status.ACHIEVED, Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK, Status.NO_DATA]
STATUS_CHOICES = [(status.value, status.label) for status in STATUS_ORDER]


def status_counts(*, by: str) -> dict:
    """Tracked commitments counted by status, for each theme (`by="theme"`) or council type (`by="type"`):
    {group: {status: count, "total": n}}. Counts of commitments, with their councils' number beside."""
    key = "theme_number" if by == "theme" else "council__authority_type"
    rows = TrackedCommitment.objects.values(key, "status").annotate(n=Count("id")).order_by()
    found: dict = defaultdict(lambda: defaultdict(int))
    for row in rows:
        found[row[key]][row["status"]] += row["n"]
        found[row[key]]["total"] += row["n"]
    councils = TrackedCommitment.objects.values(key).annotate(n=Count("council", distinct=True)).order_by()
    for row in councils:
        found[row[key]]["councils"] = row["n"]
    return found


def summaries_of(metric: Metric) -> list[MetricSummary]:
    return list(MetricSummary.objects.filter(metric=metric).order_by("authority_type", "period_end"))


def latest_summaries() -> dict[int, list[MetricSummary]]:
    """For each metric, the distribution per council type in the latest period with figures."""
    by_metric: dict[int, list[MetricSummary]] = defaultdict(list)
    for summary in MetricSummary.objects.order_by("metric_id", "authority_type", "-period_end"):
        group = by_metric[summary.metric_id]
        if not group or group[-1].authority_type != summary.authority_type:
            group.append(summary)
    return by_metric


def all_summaries() -> QuerySet[MetricSummary]:
    return MetricSummary.objects.select_related("metric").order_by("metric__position", "authority_type", "period_end")
