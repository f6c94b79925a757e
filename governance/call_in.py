"""When a decision takes effect: pure functions over dates, no database.

An executive decision subject to call-in takes effect on the working day after its call-in period
ends, the period being a number of working days counted from the day its decision record is
published. A call-in stops it until scrutiny resolves the call-in with no further action; a
call-in referred back to the decision maker means the decision does not take effect. Decisions
not subject to call-in (and historic decisions recorded without a record) take effect on the
day they are made.
"""

import datetime
from dataclasses import dataclass

from core.dates import add_working_days


@dataclass(frozen=True)
class CallInPeriod:
    ends_on: datetime.date
    takes_effect_on: datetime.date


def call_in_period(published_on: datetime.date, working_days: int) -> CallInPeriod:
    """The last day councillors may call the decision in, and the day it takes effect."""
    if working_days < 0:
        raise ValueError("The call-in period must be 0 working days or more")
    ends_on = add_working_days(published_on, working_days)
    return CallInPeriod(ends_on=ends_on, takes_effect_on=add_working_days(ends_on, 1) if working_days else ends_on)


def effective_from(
    *,
    decided_on: datetime.date,
    subject_to_call_in: bool,
    takes_effect_on: datetime.date | None,
    call_in_outcome: str | None,
    call_in_resolved_on: datetime.date | None,
) -> datetime.date | None:
    """The day the decision takes (or took) effect, or None while it cannot yet be known or never will.

    `takes_effect_on` is None until the decision record is published. `call_in_outcome` is None when
    the decision was not called in, else "pending", "no_further_action" or "referred_back".
    """
    if not subject_to_call_in:
        return decided_on
    if takes_effect_on is None:
        return None  # not published yet, so the call-in period has not started
    if call_in_outcome is None:
        return takes_effect_on
    if call_in_outcome == "no_further_action" and call_in_resolved_on is not None:
        return max(takes_effect_on, call_in_resolved_on)
    return None


def in_effect(effective_on: datetime.date | None, today: datetime.date) -> bool:
    return effective_on is not None and effective_on <= today
