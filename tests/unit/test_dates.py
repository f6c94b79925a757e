"""Dates and times as the GOV.UK style guide writes them: '6 December 2026', '8:18pm', '9am',
'midday', 'midnight', and '6 December 2026 at 8:18pm', on UK time. Templates use the `govuk_date`,
`govuk_time` and `govuk_datetime` filters; Python-built messages use core.dates."""

import datetime

import pytest

from core.dates import LONDON, long_date, long_datetime, time_of_day
from core.templatetags.govuk import govuk_date, govuk_datetime, govuk_time

T = datetime.time


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        (T(0, 0), "midnight"),
        (T(12, 0), "midday"),
        (T(9, 0), "9am"),
        (T(0, 5), "12:05am"),
        (T(12, 30), "12:30pm"),
        (T(20, 18), "8:18pm"),
        (T(23, 59), "11:59pm"),
    ],
)
def test_times_are_12_hour_lowercase_with_no_leading_zero_and_no_00(moment, shown):
    assert time_of_day(moment) == shown
    assert govuk_time(moment) == shown


@pytest.mark.parametrize(
    ("day", "shown"),
    [
        (datetime.date(2027, 1, 1), "1 January 2027"),
        (datetime.date(2026, 12, 6), "6 December 2026"),
        (datetime.date(2024, 7, 19), "19 July 2024"),
    ],
)
def test_dates_have_no_leading_zero_and_the_month_in_full(day, shown):
    assert long_date(day) == shown
    assert govuk_date(day) == shown


def test_a_date_can_name_its_day_of_the_week():
    assert govuk_date(datetime.date(2024, 7, 9), "weekday") == "Tuesday 9 July 2024"
    assert long_date(datetime.date(2027, 1, 1), weekday=True) == "Friday 1 January 2027"


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        (datetime.datetime(2026, 12, 6, 20, 18, tzinfo=LONDON), "6 December 2026 at 8:18pm"),
        (datetime.datetime(2026, 12, 6, 0, 0, tzinfo=LONDON), "6 December 2026 at midnight"),
        (datetime.datetime(2026, 12, 6, 12, 0, tzinfo=LONDON), "6 December 2026 at midday"),
        (datetime.datetime(2027, 1, 1, 9, 0, tzinfo=LONDON), "1 January 2027 at 9am"),
        (datetime.datetime(2027, 1, 1, 0, 5, tzinfo=LONDON), "1 January 2027 at 12:05am"),
        # A moment is written on UK time: 11:30pm UTC on 19 July is 12:30am BST on 20 July.
        (datetime.datetime(2024, 7, 19, 23, 30, tzinfo=datetime.UTC), "20 July 2024 at 12:30am"),
    ],
)
def test_a_moment_is_its_uk_date_at_its_uk_time(moment, shown):
    assert long_datetime(moment) == shown
    assert govuk_datetime(moment) == shown
    assert govuk_date(moment) == shown.split(" at ")[0]


def test_nothing_shows_as_nothing():
    assert govuk_date(None) == "" and govuk_datetime(None) == "" and govuk_time(None) == ""
