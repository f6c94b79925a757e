"""Figures read by the figures-4 rules carried a range's top and the unit's qualifier in their
`measures` text ("a year (range to 3000000) per year"), as the figure table had no columns for them.
Move both into `upper` and `qualifier`, leaving `measures` as the plan's words. Rows of every source
are moved, so a person's correction keeps its range too; the next analysis run rewrites the machine's
rows with the figures-5 rules anyway."""

import re
from decimal import Decimal, InvalidOperation

from django.db import migrations
from django.db.models import Q

RANGE = re.compile(r"\s*\(range to (?P<upper>\d+(?:\.\d+)?)\)")
PER = r"per (?:resident|household|home|property|pupil|child|year|month|week|day|hour|band d property|band d home)"
QUALIFIER = re.compile(rf"(?:^|\s+)(?P<qualifier>{PER}(?: {PER})?)$")


def split_measures(measures: str) -> tuple[str, Decimal | None, str]:
    """(measures without the range and the qualifier, the range's top or None, the qualifier or "")."""
    upper = None
    found = RANGE.search(measures)
    if found:
        try:
            upper = Decimal(found.group("upper"))
        except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
            upper = None
        measures = measures[: found.start()] + measures[found.end() :]
    qualifier = ""
    found = QUALIFIER.search(measures)
    if found:
        qualifier = found.group("qualifier")
        measures = measures[: found.start()]
    return measures.strip(), upper, qualifier


def forwards(apps, schema_editor):
    Figure = apps.get_model("analysis", "Figure")
    stored = Figure.objects.filter(Q(measures__contains="(range to ") | Q(measures__contains="per ")).exclude(
        unit="count"
    )
    changed = []
    for figure in stored.only("pk", "measures", "upper", "qualifier").iterator():
        measures, upper, qualifier = split_measures(figure.measures)
        if (measures, upper, qualifier) == (figure.measures, None, ""):
            continue
        figure.measures = measures
        figure.upper = figure.upper if upper is None else upper
        figure.qualifier = figure.qualifier or qualifier
        changed.append(figure)
    Figure.objects.bulk_update(changed, ["measures", "upper", "qualifier"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("analysis", "0005_figure_upper_qualifier")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
