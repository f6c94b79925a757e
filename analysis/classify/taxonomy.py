"""The barrier categories, read from the taxonomy file the plans app keeps."""

import csv
from functools import cache
from pathlib import Path

TAXONOMY_PATH = Path(__file__).resolve().parents[2] / "plans" / "data" / "barrier_taxonomy.csv"


@cache
def barrier_taxonomy() -> tuple[tuple[str, str, str], ...]:
    """(id, label, description) for every category, in the file's order."""
    with TAXONOMY_PATH.open(encoding="utf-8", newline="") as handle:
        return tuple((row["id"], row["label"], row["description"]) for row in csv.DictReader(handle))


def barrier_ids() -> tuple[str, ...]:
    return tuple(row[0] for row in barrier_taxonomy())
