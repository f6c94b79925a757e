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


def long_date(day: datetime.date, *, weekday: bool = False) -> str:
    """A date as GOV.UK writes it: '9 July 2024' (no leading zero, month in full), or with the day of
    the week, 'Tuesday 9 July 2024'. A moment is first put on UK time."""
    if isinstance(day, datetime.datetime):
        day = uk_date(day)
    text = f"{day.day} {day:%B %Y}"
    return f"{day:%A} {text}" if weekday else text


def time_of_day(moment: datetime.time | datetime.datetime) -> str:
    """A time as GOV.UK writes it: '8:18pm', '9am' (no ':00'), 'midday', 'midnight'. A moment is
    first put on UK time."""
    if isinstance(moment, datetime.datetime):
        moment = moment.astimezone(LONDON).time()
    if moment.minute == 0 and moment.hour in (0, 12):
        return "midnight" if moment.hour == 0 else "midday"
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    return f"{hour}{suffix}" if moment.minute == 0 else f"{hour}:{moment.minute:02d}{suffix}"


def long_datetime(moment: datetime.datetime) -> str:
    """A moment as GOV.UK writes it, on UK time: '6 December 2026 at 8:18pm'."""
    return f"{long_date(moment)} at {time_of_day(moment)}"
