"""Demo figures for monitoring: plausible, generated values for every council, every metric that applies to
it and five years (2020-21 to 2024-25; planning metrics by quarter), plus the facts about each area the
similar-councils method uses. Deterministic (one seeded generator, councils and metrics in a fixed order).

The figures go through the real import service as one CSV (bulk-created there), so the demo exercises the
same checks and writes as a department analyst's upload. Then the demo councils' commitments are followed
with metrics through the real service, and Somerset holds new figures for approval with two waiting.
Safe to run again: the same file changes nothing, and commitments already followed are left alone.
"""

import csv
import datetime
import io
import math
import random
from decimal import Decimal

from councils.selectors import search_councils
from monitoring import selectors as monitoring_selectors
from monitoring.services import define_metrics, import_metric_values, set_hold_for_approval, track_commitment
from plans.selectors import commitments_of, draft_for, return_by_slug

SEED = 20240719
YEARS = [2020, 2021, 2022, 2023, 2024]  # financial years 2020-21 .. 2024-25

# metric: (typical value, spread between councils, change a year in the better direction)
TYPICAL = {
    "asc-care-home-admissions-65": (560, 130, 8),
    "asc-home-after-reablement": (82, 5, 0.4),
    "asc-direct-payments": (26, 6, 0.3),
    "asc-assessment-wait": (38, 14, 1.5),
    "asc-satisfaction": (62, 4, 0.2),
    "cs-ehcp-within-20-weeks": (52, 20, -1.5),
    "cs-repeat-child-protection": (23, 5, 0.2),
    "cs-placement-moves": (10, 2.5, 0.1),
    "cs-care-leavers-eet": (55, 8, 0.5),
    "cs-agency-social-workers": (17, 8, 0.4),
    "waste-recycling-rate": (43, 8, 0.3),
    "waste-residual-per-household": (520, 80, 6),
    "waste-missed-collections": (60, 35, 2),
    "waste-landfill": (9, 7, 0.8),
    "planning-major-on-time": (88, 8, 0.3),
    "planning-minor-on-time": (86, 8, 0.3),
    "planning-overturned-at-appeal": (1.8, 1.0, 0.02),
    "roads-a-needing-repair": (4, 1.8, 0.05),
    "roads-bc-needing-repair": (7, 2.5, 0.05),
    "roads-unclassified-needing-repair": (16, 6, 0.1),
    "finance-reserves-share": (45, 20, -1.5),
    "finance-debt-servicing-share": (6, 3, -0.2),
    "finance-debt-to-spending-power": (180, 90, -2),
    "finance-savings-delivered": (82, 10, 0.5),
    "workforce-agency-spend-share": (6, 3, 0.1),
    "workforce-consultant-spend-share": (1.5, 1, 0.05),
    "workforce-sickness-absence": (9.5, 1.6, 0.1),
    "workforce-vacancy-rate": (9, 3, 0.1),
    "corporate-council-tax-collected": (95.8, 1.2, 0.05),
    "corporate-business-rates-collected": (97, 1.3, 0.05),
    "corporate-contacts-online": (42, 10, 2.5),
    "corporate-foi-on-time": (86, 7, 0.5),
    "corporate-office-buildings": (6, 3, 0.2),
}

# council type: (population, density per km², spending per resident in pounds)
AREAS = {
    "county": (750_000, 230, 1050),
    "district": (110_000, 420, 190),
    "unitary": (260_000, 1100, 1350),
    "metropolitan_district": (320_000, 1900, 1300),
    "london_borough": (280_000, 7500, 1500),
    "city_of_london": (8_600, 3000, 9000),
    "isles_of_scilly": (2_100, 130, 6000),
}

# Figures that tell the demo's commitments' stories: (ONS code, metric, period) -> value.
STORIES = {
    ("E06000059", "corporate-contacts-online", "2020-21"): Decimal("39"),
    ("E06000059", "corporate-contacts-online", "2021-22"): Decimal("42"),
    ("E06000059", "corporate-contacts-online", "2022-23"): Decimal("45"),
    ("E06000059", "corporate-contacts-online", "2023-24"): Decimal("48"),
    ("E06000059", "corporate-contacts-online", "2024-25"): Decimal("61.5"),
    ("E06000059", "corporate-office-buildings", "2020-21"): Decimal("12"),
    ("E06000059", "corporate-office-buildings", "2021-22"): Decimal("11"),
    ("E06000059", "corporate-office-buildings", "2022-23"): Decimal("10"),
    ("E06000059", "corporate-office-buildings", "2023-24"): Decimal("9"),
    ("E06000059", "corporate-office-buildings", "2024-25"): Decimal("8"),
    ("E08000025", "cs-agency-social-workers", "2022-23"): Decimal("22"),
    ("E08000025", "cs-agency-social-workers", "2023-24"): Decimal("21.2"),
    ("E08000025", "cs-agency-social-workers", "2024-25"): Decimal("20.5"),
    ("E08000025", "corporate-council-tax-collected", "2023-24"): Decimal("94.0"),
    ("E08000025", "corporate-council-tax-collected", "2024-25"): Decimal("94.6"),
    ("E10000016", "workforce-sickness-absence", "2023-24"): Decimal("10.2"),
    ("E10000016", "workforce-sickness-absence", "2024-25"): Decimal("9.3"),
    ("E10000016", "roads-a-needing-repair", "2023-24"): Decimal("4.0"),
    ("E10000016", "roads-a-needing-repair", "2024-25"): Decimal("3.9"),
    ("E09000033", "corporate-foi-on-time", "2024-25"): Decimal("85"),
}
NOTES = {
    ("E06000059", "corporate-contacts-online", "2024-25"): "New online forms for council tax and waste went live "
    "in September 2024.",
    ("E06000059", "corporate-office-buildings", "2024-25"): "South Walks House closed in January 2025.",
    ("E08000025", "cs-agency-social-workers", "2024-25"): "Recruitment of newly qualified social workers is slower "
    "than planned; a second cohort starts in September.",
}

# ONS code, the start of the commitment's words, metric, baseline, baseline period, target, target date
TRACKING = [
    ("E06000059", "Move more customer contact", "corporate-contacts-online", "48", "2023-24", "60", "2025-03-31"),
    ("E06000059", "Reduce the office estate", "corporate-office-buildings", "9", "2023-24", "7", "2026-03-31"),
    ("E08000025", "Recruit permanent children", "cs-agency-social-workers", "22", "2022-23", "12", "2026-03-31"),
    ("E08000025", "Collect more council tax", "corporate-council-tax-collected", "94", "2023-24", "96", "2026-03-31"),
    ("E10000016", "Reduce sickness absence", "workforce-sickness-absence", "10.2", "2023-24", "8.5", "2026-03-31"),
    ("E10000016", "Resurface the A roads", "roads-a-needing-repair", "4", "2023-24", "3", "2027-03-31"),
    ("E09000033", "Answer more information", "corporate-foi-on-time", "85", "2024-25", "95", "2026-03-31"),
]

# Somerset holds new figures for approval; these wait in the demo for its executive director.
SOMERSET_WAITING = [
    ("E06000066", "corporate-contacts-online", "2024-25", "47.5", "Figures from the new contact centre system."),
    ("E06000066", "workforce-agency-spend-share", "2024-25", "5.8", ""),
]

HELD_BACK = {(code, slug, period) for code, slug, period, _value, _note in SOMERSET_WAITING}


def _fy(start: int) -> str:
    return f"{start}-{(start + 1) % 100:02d}"


def _round(value: float, unit: str) -> str:
    if unit in ("number", "kilograms", "per_100k", "pounds"):
        return str(int(round(value)))
    if unit in ("per_km2",):
        return f"{value:.1f}"
    return f"{value:.1f}"


def demo_rows(councils, metrics) -> list[tuple]:
    """(ons_code, metric, period, value, note) for every council and metric that applies, deterministic."""
    rng = random.Random(SEED)
    rows = []
    for council in councils:
        population, density, spending = AREAS[council.authority_type]
        size = math.exp(rng.gauss(0, 0.35))
        crowd = math.exp(rng.gauss(0, 0.6))
        deprivation = min(45.0, max(5.0, rng.gauss(24 if council.region in ("North East", "North West") else 19, 7)))
        cost = math.exp(rng.gauss(0, 0.12)) * (1 + (deprivation - 20) / 100)
        for metric in metrics:
            if not metric.applies_to(council.authority_type):
                continue
            if metric.is_context:
                for index, year in enumerate(YEARS):
                    growth = 1 + 0.006 * index
                    value = {
                        "context-population": population * size * growth,
                        "context-density": density * crowd * growth,
                        "context-deprivation": deprivation,
                        "context-spending-per-head": spending * cost * (1 + 0.04 * index),
                    }[metric.slug]
                    rows.append((council.gss_code, metric.slug, _fy(year), _round(value, metric.unit), ""))
                continue
            centre, spread, change = TYPICAL[metric.slug]
            level = centre + spread * rng.gauss(0, 1)
            direction = 1 if metric.polarity == "higher" else -1
            periods = (
                [(f"{_fy(year)} Q{q}", index * 4 + q - 1) for index, year in enumerate(YEARS) for q in range(1, 5)]
                if metric.frequency == "quarterly"
                else [(_fy(year), index) for index, year in enumerate(YEARS)]
            )
            steps = 4 if metric.frequency == "quarterly" else 1
            for period, step in periods:
                value = level + direction * change * step / steps + rng.gauss(0, spread * 0.08)
                low, high = float(metric.minimum), float(metric.maximum)
                value = min(high, max(low, value))
                key = (council.gss_code, metric.slug, period)
                if key in HELD_BACK:
                    continue  # only in Somerset's own file, which waits for its approval
                shown = str(STORIES[key]) if key in STORIES else _round(value, metric.unit)
                rows.append((*key, shown, NOTES.get(key, "")))
    return rows


def demo_csv(rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["ons_code", "metric", "period", "value", "note"])
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def build_monitoring_demo(*, analyst, people: dict, log=print) -> None:
    started = datetime.datetime.now()
    metrics = define_metrics(actor=analyst)
    councils = list(search_councils().order_by("gss_code"))
    rows = demo_rows(councils, metrics)
    result = import_metric_values(
        data=demo_csv(rows), file_name="demo-figures-2020-21-to-2024-25.csv", actor=analyst, source="demo"
    )
    log(
        f"Monitoring: {len(metrics)} metrics; demo figures {result.rows:,} rows ({result.created:,} new, "
        f"{result.unchanged:,} unchanged) in {(datetime.datetime.now() - started).total_seconds():.1f} s"
    )
    return_definition = return_by_slug("productivity-plan-2024")
    for code, words, slug, baseline, baseline_period, target, target_on in TRACKING:
        council = next(c for c in councils if c.gss_code == code)
        draft = draft_for(council=council, return_definition=return_definition)
        commitment = next((c for c in commitments_of(draft) if c.action.startswith(words)), None) if draft else None
        if commitment is None or getattr(commitment, "tracking", None) is not None:
            continue
        lead = people.get(code, {}).get("performance-lead") or people[code]["author"]
        tracked = track_commitment(
            commitment=commitment,
            metric=monitoring_selectors.metric_by_slug(slug),
            baseline_value=Decimal(baseline),
            baseline_period=baseline_period,
            target_value=Decimal(target),
            target_on=datetime.date.fromisoformat(target_on),
            actor=lead,
        )
        log(f"  {council.name}: '{words}…' followed with {slug}: {tracked.get_status_display().lower()}")
    somerset = next(c for c in councils if c.gss_code == "E06000066")
    lead = people["E06000066"]["performance-lead"]
    set_hold_for_approval(council=somerset, hold=True, actor=people["E06000066"]["executive-director"])
    waiting = import_metric_values(
        data=demo_csv(SOMERSET_WAITING), file_name="somerset-2024-25-q4.csv", actor=lead, council=somerset
    )
    if waiting.held_for_approval:
        log(f"  Somerset: {waiting.held_for_approval} figures waiting for approval")
