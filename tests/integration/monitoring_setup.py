"""Shared set-up for the monitoring tests: the catalogue, a Dorset commitment followed with a metric,
and files of figures."""

import datetime
from decimal import Decimal


def figures_csv(*rows, note_column: bool = True) -> bytes:
    """A file of figures from (ons_code, metric, period, value[, note]) rows."""
    header = "ons_code,metric,period,value" + (",note" if note_column else "")
    lines = [header]
    for row in rows:
        cells = list(row) + ([""] if note_column and len(row) == 4 else [])
        lines.append(",".join(f'"{c}"' if "," in str(c) or '"' in str(c) else str(c) for c in cells))
    return ("\n".join(lines) + "\n").encode("utf-8")


def dorset_commitment(draft, author):
    from plans.services import add_commitment

    return add_commitment(
        draft=draft,
        action="Move more customer contact to digital self-service",
        owner="Director of Customer Services",
        due_on=datetime.date(2026, 3, 31),
        measure="Share of contacts handled online",
        baseline="48%",
        target="60%",
        actor=author,
    )


def track_contacts_online(commitment, actor):
    from monitoring.selectors import metric_by_slug
    from monitoring.services import track_commitment

    return track_commitment(
        commitment=commitment,
        metric=metric_by_slug("corporate-contacts-online"),
        baseline_value=Decimal("48"),
        baseline_period="2023-24",
        target_value=Decimal("60"),
        target_on=datetime.date(2026, 3, 31),
        actor=actor,
    )
