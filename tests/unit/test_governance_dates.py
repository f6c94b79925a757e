"""Working days in England: the arithmetic behind call-in periods and notice periods."""

import datetime

import pytest

from core.dates import add_working_days, is_working_day, working_days_after


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        # Monday 15 July 2024 (Somerset's executive decision) + 5 working days = Monday 22 July.
        (datetime.date(2024, 7, 15), 5, datetime.date(2024, 7, 22)),
        # A Friday plus one working day is the Monday.
        (datetime.date(2024, 7, 12), 1, datetime.date(2024, 7, 15)),
        # Late Summer Bank Holiday (Monday 26 August 2024) is skipped.
        (datetime.date(2024, 8, 23), 5, datetime.date(2024, 9, 2)),
        # Christmas Day and Boxing Day 2024 are skipped, and the weekend after.
        (datetime.date(2024, 12, 24), 2, datetime.date(2024, 12, 30)),
        # Good Friday and Easter Monday 2024.
        (datetime.date(2024, 3, 28), 1, datetime.date(2024, 4, 2)),
        # Zero working days: the day itself, even on a Saturday.
        (datetime.date(2024, 7, 13), 0, datetime.date(2024, 7, 13)),
        # Across a year end: 31 December 2024 + 1 skips New Year's Day 2025.
        (datetime.date(2024, 12, 31), 1, datetime.date(2025, 1, 2)),
    ],
)
def test_working_days_skip_weekends_and_english_bank_holidays(start, days, expected):
    assert add_working_days(start, days) == expected
    assert working_days_after(start, days) == expected


def test_a_negative_number_of_working_days_is_refused():
    with pytest.raises(ValueError, match="cannot be negative"):
        add_working_days(datetime.date(2024, 7, 15), -1)


def test_weekends_and_bank_holidays_are_not_working_days():
    assert is_working_day(datetime.date(2024, 7, 15))  # a Monday
    assert not is_working_day(datetime.date(2024, 7, 13))  # a Saturday
    assert not is_working_day(datetime.date(2024, 5, 27))  # Spring Bank Holiday
    # St Andrew's Day is a holiday in Scotland, not in England.
    assert is_working_day(datetime.date(2023, 11, 30))
