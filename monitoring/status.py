"""The status rule: where a tracked commitment stands, from its baseline, its target and the latest
published figure. One plain function, `status_of`; the words it returns are shown to readers beside
the status, and `RULE` is the rule as the pages print it.

A straight line is drawn from the baseline (the value at the end of the baseline period) to the target
(the value promised by the target date). The latest figure is compared with where that line is at the
end of the latest figure's period:

- **Achieved**: the latest figure meets or beats the target.
- **Off track**: the target date has passed (the latest figure is for a period ending on or after it)
  and the target was not met; or the figure is more than a quarter of the way from baseline to target
  behind the line.
- **At risk**: behind the line by more than a tenth of the way but no more than a quarter, or moving
  away from the target at all.
- **On track**: no more than a tenth of the way behind the line (or ahead of it).
- **No data yet**: no published figure for a period ending after the baseline period.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

ON_TRACK_SHORTFALL = Decimal("0.10")
AT_RISK_SHORTFALL = Decimal("0.25")

RULE = [
    "We draw a straight line from the baseline (the figure for the baseline period) to the target (the "
    "figure promised by the target date), and compare the latest published figure with where the line is "
    "at the end of that figure's period.",
    "Achieved: the latest figure meets or beats the target.",
    "On track: the figure is on or ahead of the line, or behind it by no more than a tenth of the way "
    "from baseline to target.",
    "At risk: the figure is behind the line by more than a tenth and no more than a quarter of the way, "
    "or it has moved away from the target since the baseline.",
    "Off track: the figure is behind the line by more than a quarter of the way, or the target date has "
    "passed without the target being met.",
    "No data yet: no figure has been published for a period after the baseline.",
]


@dataclass(frozen=True)
class Reading:
    """The status (a `monitoring.models.Status` value) and the reason in plain words."""

    status: str
    reason: str


def status_of(
    *,
    higher_is_better: bool,
    baseline: Decimal,
    baseline_on: datetime.date,
    target: Decimal,
    target_on: datetime.date,
    latest: Decimal | None,
    latest_on: datetime.date | None,
    describe=str,
) -> Reading:
    """Where the commitment stands. `describe` writes a value with its unit (e.g. '54%')."""
    if latest is None or latest_on is None or latest_on <= baseline_on:
        return Reading("no_data", "No figure has been published yet for a period after the baseline.")
    sign = 1 if higher_is_better else -1
    latest_words = f"The latest figure, {describe(latest)},"
    if (latest - target) * sign >= 0:
        return Reading("achieved", f"{latest_words} meets the target of {describe(target)}.")
    if latest_on >= target_on:
        return Reading(
            "off_track",
            f"{latest_words} is for a period ending on or after the target date, and the target of "
            f"{describe(target)} was not met.",
        )
    if target == baseline:
        # A target to hold the baseline: any slip is a move away from it.
        return Reading("at_risk", f"{latest_words} has slipped from the {describe(baseline)} to be held.")
    span = (target_on - baseline_on).days
    expected = min(Decimal(1), Decimal((latest_on - baseline_on).days) / Decimal(span)) if span > 0 else Decimal(1)
    progress = (latest - baseline) / (target - baseline)
    line = baseline + (target - baseline) * expected
    shortfall = expected - progress
    where = (
        f"The latest figure is {describe(latest)}. A straight line from the baseline of {describe(baseline)} to "
        f"the target of {describe(target)} would be at {describe(line)} by the end of that period"
    )
    if progress < 0:
        if shortfall > AT_RISK_SHORTFALL:
            return Reading("off_track", f"{where}; the figure has moved away from the target, well behind the line.")
        return Reading("at_risk", f"{where}; the figure has moved away from the target since the baseline.")
    if shortfall <= ON_TRACK_SHORTFALL:
        ahead = "on or ahead of the line" if shortfall <= 0 else "within a tenth of the way of the line"
        return Reading("on_track", f"{where}; the figure is {ahead}.")
    if shortfall <= AT_RISK_SHORTFALL:
        return Reading("at_risk", f"{where}; the figure is behind it by more than a tenth of the way.")
    return Reading("off_track", f"{where}; the figure is behind it by more than a quarter of the way.")
