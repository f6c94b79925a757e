"""CSV files of monitoring data, written by `core.csv_files` (every cell a spreadsheet could run as a formula
is neutralised); the department's exports start with the note on responsible use."""

from core import csv_files

RESPONSIBLE_USE = (
    "Responsible use: these figures describe councils; they do not rank them. Councils differ in size, "
    "place, need and the services they run, and plans are not rated or scored. Compare a council with "
    "similar councils over time, read its commentary beside each figure, and do not sort councils into a "
    "league table."
)

COMMITMENT_COLUMNS = [
    "ons_code",
    "council",
    "type",
    "theme",
    "commitment",
    "metric",
    "unit",
    "baseline",
    "baseline_period",
    "target",
    "target_date",
    "status",
    "status_reason",
]
DISTRIBUTION_COLUMNS = [
    "metric",
    "title",
    "unit",
    "type",
    "period",
    "councils_with_figure",
    "lowest",
    "lower_quartile",
    "median",
    "upper_quartile",
    "highest",
]


def csv_text(columns: list[str], rows: list[dict], *, note: str = "") -> str:
    return csv_files.csv_text(columns, rows, note=note)


def commitment_rows(tracked_list) -> list[dict]:
    return [
        {
            "ons_code": t.council.gss_code,
            "council": t.council.name,
            "type": t.council.authority_type,
            "theme": t.theme_number,
            "commitment": t.action,
            "metric": t.metric.slug,
            "unit": t.metric.unit,
            "baseline": t.baseline_value.normalize(),
            "baseline_period": t.baseline_period,
            "target": t.target_value.normalize(),
            "target_date": t.target_on.isoformat(),
            "status": t.status,
            "status_reason": t.status_reason,
        }
        for t in tracked_list
    ]


def distribution_rows(summaries) -> list[dict]:
    return [
        {
            "metric": s.metric.slug,
            "title": s.metric.title,
            "unit": s.metric.unit,
            "type": s.authority_type,
            "period": s.period,
            "councils_with_figure": s.count,
            "lowest": s.minimum.normalize(),
            "lower_quartile": s.lower_quartile.normalize(),
            "median": s.median.normalize(),
            "upper_quartile": s.upper_quartile.normalize(),
            "highest": s.maximum.normalize(),
        }
        for s in summaries
    ]


VALUE_COLUMNS = ["ons_code", "council", "metric", "unit", "period", "value", "note", "published_at"]


def value_rows(values) -> list[dict]:
    return [
        {
            "ons_code": v.council.gss_code,
            "council": v.council.name,
            "metric": v.metric.slug,
            "unit": v.metric.unit,
            "period": v.period,
            "value": v.value.normalize(),
            "note": v.note,
            "published_at": v.approved_at.isoformat() if v.approved_at else "",
        }
        for v in values
    ]
