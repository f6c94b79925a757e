"""The public progress pages: each council's published commitments and how they stand, and its figures
beside similar councils, as SVG charts drawn on the server with the same numbers in tables and as CSV.

Only published figures appear (figures held for a council's approval do not), and only commitments in
the council's published plan."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from councils.selectors import council_by_code
from monitoring import exports, presenting, selectors
from monitoring.figures import plain_number, with_unit
from monitoring.similar import METHOD
from monitoring.status import RULE


def _council_or_404(code: str):
    council = council_by_code(code)
    if council is None:
        raise Http404("No council with that ONS code")
    return council


def _metric_or_404(council, slug: str):
    metric = selectors.metric_by_slug(slug)
    if metric is None or metric.is_context or not metric.applies_to(council.authority_type):
        raise Http404("No such metric for this council")
    return metric


def _similar_rows(council):
    """The council and its similar councils (by name), each with the four inputs of the method."""
    similar = selectors.similar_to(council)
    inputs = selectors.context_of([council.pk, *[s.similar_id for s in similar]])
    context_metrics = selectors.context_metrics()
    rows = []
    for item, is_self in [(council, True), *[(s.similar, False) for s in similar]]:
        values = inputs.get(item.pk, {})
        rows.append(
            {
                "council": item,
                "is_self": is_self,
                "inputs": [with_unit(values.get(m.slug), m.unit) for m in context_metrics],
            }
        )
    return context_metrics, rows


def _commitment_items(council):
    items = selectors.published_commitments(council)
    tracked = [item.tracked for item in items if item.tracked]
    values = selectors.progress_for_councils(tracked)
    for index, item in enumerate(items, start=1):
        item.chart = (
            presenting.progress_chart(item.tracked, values[item.tracked.pk], chart_id=f"commitment-{index}")
            if item.tracked
            else None
        )
    return items


@require_GET
def council_progress(request, code):
    council = _council_or_404(code)
    comparisons = [c for c in selectors.comparisons_for(council, selectors.metrics_for(council)) if c.has_figures]
    areas: dict[str, list] = {}
    for comparison in comparisons:
        chart = presenting.comparison_chart(comparison, chart_id=f"metric-{comparison.metric.slug}", compact=True)
        areas.setdefault(comparison.metric.area, []).append((comparison, chart))
    context_metrics, similar_rows = _similar_rows(council)
    return render(
        request,
        "portal/council_progress.html",
        {
            "council": council,
            "commitments": _commitment_items(council),
            "areas": areas,
            "context_metrics": context_metrics,
            "similar_rows": similar_rows,
            "method": METHOD,
            "rule": RULE,
            "releases": selectors.releases_of(council, limit=5),
        },
    )


@require_GET
def council_metric(request, code, metric):
    council = _council_or_404(code)
    metric = _metric_or_404(council, metric)
    (comparison,) = selectors.comparisons_for(council, [metric])
    context_metrics, similar_rows = _similar_rows(council)
    return render(
        request,
        "portal/council_metric.html",
        {
            "council": council,
            "metric": metric,
            "comparison": comparison,
            "chart": presenting.comparison_chart(comparison, chart_id="comparison"),
            "similar_values": [
                (other, plain_number(value) if value is not None else None, period)
                for other, value, period in selectors.similar_values(council, metric)
            ],
            "context_metrics": context_metrics,
            "similar_rows": similar_rows,
            "method": METHOD,
            "csv_url": reverse("portal:metric_csv", args=[council.gss_code, metric.slug]),
        },
    )


def _csv_response(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def metric_csv(request, code, metric):
    council = _council_or_404(code)
    metric = _metric_or_404(council, metric)
    (comparison,) = selectors.comparisons_for(council, [metric])
    text = exports.csv_text(presenting.COMPARISON_CSV_COLUMNS, presenting.comparison_csv_rows(comparison))
    return _csv_response(text, f"{council.gss_code}-{metric.slug}.csv")


@require_GET
def commitments_csv(request, code):
    council = _council_or_404(code)
    items = selectors.published_commitments(council)
    tracked = [item.tracked for item in items if item.tracked]
    values = selectors.progress_for_councils(tracked)
    rows = []
    for item in items:
        t = item.tracked
        base = {
            "ons_code": council.gss_code,
            "council": council.name,
            "commitment": item.content["action"],
            "plan_measure": item.content.get("measure"),
            "plan_target": item.content.get("target"),
            "due_on": item.content.get("due_on"),
        }
        if t is None:
            rows.append({**base, "status": "not_followed"})
            continue
        tracked_fields = {
            "metric": t.metric.slug,
            "unit": t.metric.unit,
            "baseline": t.baseline_value.normalize(),
            "baseline_period": t.baseline_period,
            "target": t.target_value.normalize(),
            "target_date": t.target_on.isoformat(),
            "status": t.status,
            "status_reason": t.status_reason,
        }
        rows.append({**base, **tracked_fields})
        for value in values[t.pk]:
            rows.append({**base, **tracked_fields, "period": value.period, "value": value.value, "note": value.note})
    columns = [
        "ons_code",
        "council",
        "commitment",
        "plan_measure",
        "plan_target",
        "due_on",
        "metric",
        "unit",
        "baseline",
        "baseline_period",
        "target",
        "target_date",
        "status",
        "status_reason",
        "period",
        "value",
        "note",
    ]
    return _csv_response(exports.csv_text(columns, rows), f"{council.gss_code}-commitments-progress.csv")
