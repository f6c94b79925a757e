"""Numbers as the pages write them, and the distribution of councils' values (pure functions)."""

from dataclasses import dataclass
from decimal import Decimal

SUFFIX = {"percent": "%", "days": " days", "kilograms": " kg", "per_100k": " per 100,000", "per_km2": " per km²"}


def plain_number(value: Decimal | None) -> str:
    """The value without trailing zeros: 54.5000 -> '54.5', 7.0000 -> '7'; thousands with commas."""
    if value is None:
        return ""
    value = Decimal(value)
    text = f"{value.normalize():f}"
    whole, _, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = f"{int(whole.lstrip('-') or 0):,}"
    return f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}"


def with_unit(value: Decimal | None, unit: str) -> str:
    """'54.5%', '£1,234', '12 days', '7' — a value written with its unit."""
    if value is None:
        return "no figure"
    rounded = Decimal(value).quantize(Decimal("0.1") if abs(Decimal(value)) < 1000 else Decimal("1"))
    if unit == "pounds":
        return f"£{plain_number(rounded)}"
    if unit == "days" and rounded == 1:
        return "1 day"
    return f"{plain_number(rounded)}{SUFFIX.get(unit, '')}"


@dataclass(frozen=True)
class Distribution:
    """Five numbers describing several councils' values; says nothing about which council is where."""

    count: int
    minimum: Decimal | None = None
    lower_quartile: Decimal | None = None
    median: Decimal | None = None
    upper_quartile: Decimal | None = None
    maximum: Decimal | None = None


def quantile(ordered: list[Decimal], fraction: Decimal) -> Decimal:
    """Linear interpolation between sorted neighbours (the 'inclusive' method, as the analysis explorer uses)."""
    position = Decimal(len(ordered) - 1) * fraction
    below = int(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


def distribution(values) -> Distribution:
    ordered = sorted(Decimal(v) for v in values)
    if not ordered:
        return Distribution(count=0)
    return Distribution(
        count=len(ordered),
        minimum=ordered[0],
        lower_quartile=quantile(ordered, Decimal("0.25")),
        median=quantile(ordered, Decimal("0.5")),
        upper_quartile=quantile(ordered, Decimal("0.75")),
        maximum=ordered[-1],
    )
