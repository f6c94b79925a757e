"""Dates as people in England read them: the UK calendar day of a moment, and working days."""

import datetime
import functools
import zoneinfo

import holidays

LONDON = zoneinfo.ZoneInfo("Europe/London")


def uk_date(moment: datetime.datetime) -> datetime.date:
    return moment.astimezone(LONDON).date()


@functools.lru_cache(maxsize=64)
def _bank_holidays_in_england(year: int) -> frozenset[datetime.date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


def is_bank_holiday(day: datetime.date) -> bool:
    """True on a bank holiday in England (New Year's Day, Good Friday, Christmas Day, ...)."""
    return day in _bank_holidays_in_england(day.year)


def is_working_day(day: datetime.date) -> bool:
    """Monday to Friday, except bank holidays in England."""
    return day.weekday() < 5 and not is_bank_holiday(day)


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date `days` working days after `start` (which itself is not counted).

    Zero days gives `start` back. Weekends and bank holidays in England are skipped, so five
    working days after Friday 23 August 2024 is Monday 2 September 2024 (26 August was a bank
    holiday). A negative number of days is refused.
    """
    if days < 0:
        raise ValueError("A number of working days cannot be negative")
    day = start
    remaining = days
    while remaining:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


working_days_after = add_working_days


def long_date(day: datetime.date) -> str:
    """A date as GOV.UK writes it: '9 July 2024' (no leading zero, month in full)."""
    return f"{day.day} {day:%B %Y}"
