"""What a page shows for a metric or a tracked commitment: the chart, its words, its legend and the table
of the same numbers. Shared by the council's pages, the department's and the public site's."""

from dataclasses import dataclass, field
from decimal import Decimal

from core.dates import long_date
from monitoring.charts import Line, legend_swatch, line_chart
from monitoring.figures import plain_number, with_unit
from monitoring.models import Polarity
from monitoring.periods import period_of


@dataclass
class Chart:
    id: str
    title: str
    description: str
    svg: str
    legend: list = field(default_factory=list)  # (swatch, words)
    columns: list = field(default_factory=list)
    rows: list = field(default_factory=list)  # lists of cells (text)


def unit_words(metric) -> str:
    return {
        "percent": "per cent",
        "days": "days",
        "kilograms": "kilograms",
        "per_100k": "per 100,000",
        "per_km2": "per km²",
        "pounds": "pounds",
    }.get(metric.unit, "")


def better(metric) -> str:
    return {Polarity.HIGHER: "Higher is better", Polarity.LOWER: "Lower is better"}.get(metric.polarity, "")


def _shown(value) -> str:
    """A median or quartile as tables show it: to one decimal place (the CSV keeps every digit)."""
    if value is None:
        return ""
    return plain_number(value.quantize(Decimal("0.1")) if abs(value) < 1000 else value.quantize(Decimal("1")))


def comparison_chart(comparison, *, chart_id: str, compact: bool = False) -> Chart:
    """A council's figures by period beside the median of its similar councils and the median and quartile
    range of councils of its type."""
    metric, council = comparison.metric, comparison.council
    periods = [row.period for row in comparison.rows]
    own = [row.value.value if row.value else None for row in comparison.rows]
    similar = [row.similar_median for row in comparison.rows]
    kind = council.get_authority_type_display().lower()
    type_median = [row.type_summary.median if row.type_summary else None for row in comparison.rows]
    band = [
        (row.type_summary.lower_quartile, row.type_summary.upper_quartile) if row.type_summary else (None, None)
        for row in comparison.rows
    ]
    lines = [
        Line(f"{council.name}", own, "council"),
        Line("Similar councils (median)", similar, "similar"),
        Line(f"Every {kind} (median)", type_median, "type"),
    ]
    described = "; ".join(
        f"{row.period}: {with_unit(row.value.value, metric.unit) if row.value else 'no figure'}"
        for row in comparison.rows
    )
    title = f"{metric.title}: {council.name} compared with similar councils"
    description = (
        f"{better(metric)}. {council.name}'s figures by period ({described or 'none yet'}), with the median of its "
        f"ten similar councils and the median and quartile range of every {kind}. The table below gives the numbers."
    )
    svg = line_chart(
        chart_id=chart_id,
        title=title,
        description=description,
        periods=periods,
        lines=lines,
        band=band,
        tick_label=lambda value: with_unit(value, metric.unit),
    )
    legend = [(legend_swatch(line.style), line.label) for line in lines]
    legend.append((None, f"Shaded: the middle half of every {kind} (lower to upper quartile)"))
    rows = []
    for row in comparison.rows:
        summary = row.type_summary
        cells = [
            row.period,
            plain_number(row.value.value) if row.value else "",
            row.value.note if row.value else "",
            _shown(row.similar_median),
            str(row.similar_count or ""),
            _shown(summary.lower_quartile) if summary else "",
            _shown(summary.median) if summary else "",
            _shown(summary.upper_quartile) if summary else "",
            str(summary.count) if summary else "",
        ]
        rows.append([cells[i] for i in (0, 1, 2, 3, 6)] if compact else cells)
    columns = [
        "Period",
        f"{council.name}",
        "Council's commentary",
        "Similar councils: median",
        "Similar councils with a figure",
        f"Every {kind}: lower quartile",
        f"Every {kind}: median",
        f"Every {kind}: upper quartile",
        "Councils of this type with a figure",
    ]
    if compact:
        columns = [columns[i] for i in (0, 1, 2, 3, 6)]
    return Chart(chart_id, title, description, svg, legend, columns, rows)


COMPARISON_CSV_COLUMNS = [
    "ons_code",
    "council",
    "metric",
    "unit",
    "period",
    "value",
    "note",
    "similar_councils_median",
    "similar_councils_with_figure",
    "type",
    "type_lower_quartile",
    "type_median",
    "type_upper_quartile",
    "type_councils_with_figure",
]


def comparison_csv_rows(comparison) -> list[dict]:
    council, metric = comparison.council, comparison.metric
    rows = []
    for row in comparison.rows:
        summary = row.type_summary
        rows.append(
            {
                "ons_code": council.gss_code,
                "council": council.name,
                "metric": metric.slug,
                "unit": metric.unit,
                "period": row.period,
                "value": row.value.value.normalize() if row.value else None,
                "note": row.value.note if row.value else None,
                "similar_councils_median": row.similar_median.normalize() if row.similar_median is not None else None,
                "similar_councils_with_figure": row.similar_count,
                "type": council.authority_type,
                "type_lower_quartile": summary.lower_quartile.normalize() if summary else None,
                "type_median": summary.median.normalize() if summary else None,
                "type_upper_quartile": summary.upper_quartile.normalize() if summary else None,
                "type_councils_with_figure": summary.count if summary else None,
            }
        )
    return rows


def progress_chart(tracked, values, *, chart_id: str) -> Chart:
    """A tracked commitment: the baseline, each published figure since, and the straight line to the target
    that the status rule compares them with."""
    metric = tracked.metric
    target_period = period_of(tracked.target_on, frequency=metric.frequency)
    by_period = {tracked.baseline_period: None, **{v.period: v for v in values}}
    periods = list(by_period)
    if target_period not in by_period:
        periods.append(target_period)
    own = [
        tracked.baseline_value if p == tracked.baseline_period else (by_period[p].value if by_period.get(p) else None)
        for p in periods
    ]
    path = [None] * len(periods)
    path[0], path[periods.index(target_period)] = tracked.baseline_value, tracked.target_value
    title = f"{metric.title}: {tracked.council.name}'s progress towards its target"
    unit = metric.unit
    figures = "; ".join(f"{v.period}: {with_unit(v.value, unit)}" for v in values) or "no figures since yet"
    description = (
        f"Baseline {with_unit(tracked.baseline_value, unit)} in {tracked.baseline_period}; target "
        f"{with_unit(tracked.target_value, unit)} by {long_date(tracked.target_on)}. Figures since: {figures}. "
        f"{better(metric)}."
    )
    lines = [
        Line(tracked.council.name, own, "council"),
        Line("Straight line from baseline to target", _join(path), "target"),
    ]
    svg = line_chart(
        chart_id=chart_id,
        title=title,
        description=description,
        periods=periods,
        lines=lines,
        tick_label=lambda value: with_unit(value, unit),
    )
    legend = [(legend_swatch(line.style), line.label) for line in lines]
    rows = [[tracked.baseline_period, plain_number(tracked.baseline_value), "Baseline", ""]]
    rows += [[v.period, plain_number(v.value), "Published figure", v.note] for v in values]
    rows.append([f"By {long_date(tracked.target_on)}", plain_number(tracked.target_value), "Target", ""])
    columns = ["Period", f"Figure ({unit_words(metric) or 'number'})", "What it is", "Council's commentary"]
    return Chart(chart_id, title, description, svg, legend, columns, rows)


def _join(path: list) -> list:
    """Fill the straight line between its two ends, so it draws as one segment through every period."""
    ends = [i for i, v in enumerate(path) if v is not None]
    if len(ends) < 2:
        return path
    first, last = ends[0], ends[-1]
    start, end = path[first], path[last]
    return [
        start + (end - start) * (i - first) / (last - first) if first <= i <= last else None for i in range(len(path))
    ]


def distribution_chart(metric, type_label: str, summaries, *, chart_id: str) -> Chart:
    """The median and quartile range of one council type's figures over time. Names no council."""
    periods = [s.period for s in summaries]
    lines = [Line(f"Median of every {type_label.lower()}", [s.median for s in summaries], "type")]
    title = f"{metric.title}: {type_label.lower()}s, median and middle half by period"
    description = (
        f"{better(metric)}. "
        + "; ".join(
            f"{s.period}: median {with_unit(s.median, metric.unit)}, "
            f"middle half {with_unit(s.lower_quartile, metric.unit)} "
            f"to {with_unit(s.upper_quartile, metric.unit)} ({s.count} councils)"
            for s in summaries
        )
        + ". The table gives the numbers."
    )
    svg = line_chart(
        chart_id=chart_id,
        title=title,
        description=description,
        periods=periods,
        lines=lines,
        band=[(s.lower_quartile, s.upper_quartile) for s in summaries],
        tick_label=lambda value: with_unit(value, metric.unit),
    )
    legend = [(legend_swatch("type"), lines[0].label), (None, "Shaded: the middle half (lower to upper quartile)")]
    columns = ["Period", "Councils with a figure", "Lowest", "Lower quartile", "Median", "Upper quartile", "Highest"]
    rows = [
        [
            s.period,
            str(s.count),
            plain_number(s.minimum),
            _shown(s.lower_quartile),
            _shown(s.median),
            _shown(s.upper_quartile),
            plain_number(s.maximum),
        ]
        for s in summaries
    ]
    return Chart(chart_id, title, description, svg, legend, columns, rows)
