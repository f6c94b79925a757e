"""Version 1 of the monitoring API: the metrics catalogue, published figures, and each council's published
commitments with their status. Open data (Open Government Licence v3.0), read-only, for anyone: only
figures a council has published and only commitments in its published plan appear.

Department staff (`monitoring.read_monitoring`) with a bearer token also get every tracked commitment
across councils, by council name. Nothing here ranks councils: lists are in catalogue or name order.
"""

import datetime
from decimal import Decimal

from django.http import Http404
from ninja import Field, Query, Router, Schema, Status

from api.auth import BearerToken
from api.schemas import Error, ValidationErrorOut
from councils.selectors import council_by_code
from monitoring import access, exports, selectors
from monitoring.similar import METHOD, METHOD_VERSION
from monitoring.status import RULE

metrics_router = Router(tags=["Monitoring"])
councils_router = Router(tags=["Monitoring"])
department_router = Router(auth=BearerToken(), tags=["Monitoring"])

MAX_LIMIT = 5000


class MetricOut(Schema):
    id: int
    identifier: str = Field(description="Use it in files of figures and in /api/v1/metrics/{metric}/values.")
    title: str
    description: str
    area: str
    unit: str = Field(description="percent, number, days, pounds, kilograms, per_100k, per_km2 or score.")
    polarity: str = Field(description="higher or lower (which is better), or context (a fact about the area).")
    frequency: str = Field(description="annual (financial years, 2023-24) or quarterly (2023-24 Q1).")
    source: str
    themes: list[int] = Field(description="The numbers of the return's themes this metric evidences.")
    council_types: list[str] = Field(description="The council types the metric applies to.")


class ValueOut(Schema):
    council: str = Field(description="The council's ONS code.")
    council_name: str
    metric: str
    period: str
    period_end: datetime.date
    value: Decimal
    note: str = Field(description="The council's commentary on the figure, published with it.")
    published_at: datetime.datetime


class ValuePage(Schema):
    count: int
    items: list[ValueOut]


class ValueFilters(Schema):
    council: str | None = Field(None, max_length=20, description="A council's ONS code, e.g. E06000059")
    period: str | None = Field(None, max_length=12, description="A period, e.g. 2023-24 or 2023-24 Q1")
    limit: int = Field(1000, ge=1, le=MAX_LIMIT, description="How many figures to return (1-5000)")
    offset: int = Field(0, ge=0, le=10_000_000)


class TrackingOut(Schema):
    metric: str
    unit: str
    baseline: Decimal
    baseline_period: str
    target: Decimal
    target_date: datetime.date
    latest: Decimal | None = Field(description="The latest published figure after the baseline, if any.")
    latest_period: str | None


class CommitmentOut(Schema):
    action: str
    owner: str | None
    due_on: str | None
    measure: str | None = Field(description="The measure as the published plan states it.")
    plan_target: str | None = Field(description="The target as the published plan states it.")
    status: str = Field(
        description="achieved, on_track, at_risk, off_track, no_data (no figure yet since the baseline), or "
        "not_followed (the council has not linked the commitment to a metric)."
    )
    status_label: str
    status_reason: str = Field(description="Why, in plain words.")
    tracking: TrackingOut | None


class CouncilCommitmentsOut(Schema):
    council: str
    council_name: str
    status_rule: list[str] = Field(description="How the status is worked out, as the public pages print it.")
    commitments: list[CommitmentOut]


class SimilarOut(Schema):
    council: str
    council_name: str


class ComparisonPeriodOut(Schema):
    period: str
    value: Decimal | None
    note: str
    similar_councils_median: Decimal | None
    type_councils_with_figure: int | None
    type_lower_quartile: Decimal | None
    type_median: Decimal | None
    type_upper_quartile: Decimal | None


class ComparisonOut(Schema):
    council: str
    council_name: str
    council_type: str
    metric: str
    similar_councils: list[SimilarOut] = Field(description="By name, not by how near: a group, not a ranking.")
    method: list[str]
    method_version: str
    periods: list[ComparisonPeriodOut]


class TrackedOut(Schema):
    council: str
    council_name: str
    council_type: str
    theme: int | None
    action: str
    metric: str
    status: str
    status_reason: str


class TrackedPage(Schema):
    responsible_use: str
    items: list[TrackedOut]


def _metric_out(metric) -> dict:
    return {
        "id": metric.pk,
        "identifier": metric.slug,
        "title": metric.title,
        "description": metric.description,
        "area": metric.area,
        "unit": metric.unit,
        "polarity": metric.polarity,
        "frequency": metric.frequency,
        "source": metric.source,
        "themes": metric.theme_numbers,
        "council_types": metric.authority_types,
    }


@metrics_router.get("", response=list[MetricOut], summary="The metrics catalogue")
def list_metrics(request):
    return [_metric_out(metric) for metric in selectors.metrics()]


@metrics_router.get(
    "/{metric}/values",
    response={200: ValuePage, 404: Error, 422: ValidationErrorOut},
    summary="A metric's published figures, by council name then period",
)
def metric_values(request, metric: str, filters: Query[ValueFilters]):
    found = selectors.metric_by_id_or_slug(metric) if len(metric) <= 60 else None
    if found is None:
        return Status(404, {"detail": f"No metric {metric!r} in the catalogue"})
    council = None
    if filters.council:
        council = council_by_code(filters.council)
        if council is None:
            return Status(404, {"detail": f"No council with the ONS code {filters.council!r}"})
    values = selectors.values_of(metric=found, council=council)
    if filters.period:
        values = values.filter(period=" ".join(filters.period.split()).upper())
    items = values[filters.offset : filters.offset + filters.limit]
    return {
        "count": values.count(),
        "items": [
            {
                "council": v.council.gss_code,
                "council_name": v.council.name,
                "metric": found.slug,
                "period": v.period,
                "period_end": v.period_end,
                "value": v.value.normalize(),
                "note": v.note,
                "published_at": v.approved_at,
            }
            for v in items
        ],
    }


def _council_or_404(code: str):
    council = council_by_code(code) if len(code) <= 20 else None
    if council is None:
        raise Http404("No council with that ONS code")
    return council


@councils_router.get(
    "/{code}/commitments",
    response={200: CouncilCommitmentsOut, 404: Error},
    summary="A council's published commitments, each with its status",
)
def council_commitments(request, code: str):
    council = _council_or_404(code)
    items = selectors.published_commitments(council)
    values = selectors.progress_for_councils([i.tracked for i in items if i.tracked])
    commitments = []
    for item in items:
        tracked, content = item.tracked, item.content
        latest = values[tracked.pk][-1] if tracked and values[tracked.pk] else None
        commitments.append(
            {
                "action": content["action"],
                "owner": content.get("owner"),
                "due_on": content.get("due_on"),
                "measure": content.get("measure"),
                "plan_target": content.get("target"),
                "status": tracked.status if tracked else "not_followed",
                "status_label": tracked.get_status_display() if tracked else "Not followed with a metric yet",
                "status_reason": tracked.status_reason if tracked else "",
                "tracking": {
                    "metric": tracked.metric.slug,
                    "unit": tracked.metric.unit,
                    "baseline": tracked.baseline_value.normalize(),
                    "baseline_period": tracked.baseline_period,
                    "target": tracked.target_value.normalize(),
                    "target_date": tracked.target_on,
                    "latest": latest.value.normalize() if latest else None,
                    "latest_period": latest.period if latest else None,
                }
                if tracked
                else None,
            }
        )
    return {"council": council.gss_code, "council_name": council.name, "status_rule": RULE, "commitments": commitments}


@councils_router.get(
    "/{code}/metrics/{metric}/comparison",
    response={200: ComparisonOut, 404: Error},
    summary="A council's figures for a metric beside similar councils and councils of its type",
)
def council_comparison(request, code: str, metric: str):
    council = _council_or_404(code)
    found = selectors.metric_by_id_or_slug(metric) if len(metric) <= 60 else None
    if found is None or found.is_context or not found.applies_to(council.authority_type):
        raise Http404("No such metric for this council")
    (comparison,) = selectors.comparisons_for(council, [found])
    return {
        "council": council.gss_code,
        "council_name": council.name,
        "council_type": council.authority_type,
        "metric": found.slug,
        "similar_councils": [
            {"council": s.similar.gss_code, "council_name": s.similar.name} for s in selectors.similar_to(council)
        ],
        "method": METHOD,
        "method_version": METHOD_VERSION,
        "periods": [
            {
                "period": row.period,
                "value": row.value.value.normalize() if row.value else None,
                "note": row.value.note if row.value else "",
                "similar_councils_median": row.similar_median,
                "type_councils_with_figure": row.type_summary.count if row.type_summary else None,
                "type_lower_quartile": row.type_summary.lower_quartile if row.type_summary else None,
                "type_median": row.type_summary.median if row.type_summary else None,
                "type_upper_quartile": row.type_summary.upper_quartile if row.type_summary else None,
            }
            for row in comparison.rows
        ],
    }


@department_router.get(
    "/commitments",
    response={200: TrackedPage, 401: Error, 404: Error},
    summary="Every tracked commitment across councils, with its status (department staff)",
)
def all_commitments(request):
    access.require_department(request.auth)
    return {
        "responsible_use": exports.RESPONSIBLE_USE,
        "items": [
            {
                "council": t.council.gss_code,
                "council_name": t.council.name,
                "council_type": t.council.authority_type,
                "theme": t.theme_number,
                "action": t.action,
                "metric": t.metric.slug,
                "status": t.status,
                "status_reason": t.status_reason,
            }
            for t in selectors.all_tracked()
        ],
    }
