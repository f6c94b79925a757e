"""Periods as councils and the department write them: a financial year `2023-24` (1 April 2023 to
31 March 2024) or one of its quarters `2023-24 Q1` (April to June) ... `2023-24 Q4` (January to March)."""

import datetime
import re
from dataclasses import dataclass

YEAR = re.compile(r"^(\d{4})-(\d{2})$")
QUARTER = re.compile(r"^(\d{4})-(\d{2}) Q([1-4])$")
QUARTER_END = {1: (0, 6, 30), 2: (0, 9, 30), 3: (0, 12, 31), 4: (1, 3, 31)}


@dataclass(frozen=True, order=True)
class Period:
    end: datetime.date
    text: str

    @property
    def is_quarter(self) -> bool:
        return " Q" in self.text


class PeriodError(ValueError):
    pass


def parse_period(text: str, *, frequency: str) -> Period:
    """The period `text` names, for a metric measured with `frequency` ('annual' or 'quarterly')."""
    text = " ".join(text.split()).upper()
    year = YEAR.match(text)
    quarter = QUARTER.match(text)
    match = year or quarter
    if match is None:
        example = "2023-24 Q1" if frequency == "quarterly" else "2023-24"
        raise PeriodError(f"period '{text}' is not written like {example}")
    start = int(match[1])
    if int(match[2]) != (start + 1) % 100:
        raise PeriodError(f"period '{text}' is not a financial year: the second year must follow the first")
    if not 2000 <= start <= 2099:
        raise PeriodError(f"period '{text}' is outside the years the service holds (2000-01 to 2099-00)")
    if frequency == "quarterly" and year:
        raise PeriodError(f"period '{text}' is a whole year, but this metric is measured each quarter (2023-24 Q1)")
    if frequency == "annual" and quarter:
        raise PeriodError(f"period '{text}' is a quarter, but this metric is measured each financial year (2023-24)")
    if year:
        return Period(datetime.date(start + 1, 3, 31), f"{start}-{match[2]}")
    number = int(match[3])
    add, month, day = QUARTER_END[number]
    return Period(datetime.date(start + add, month, day), f"{start}-{match[2]} Q{number}")


def financial_year(start: int) -> str:
    return f"{start}-{(start + 1) % 100:02d}"


def period_of(day: datetime.date, *, frequency: str) -> str:
    """The period a day falls in."""
    start = day.year if day.month >= 4 else day.year - 1
    if frequency == "annual":
        return financial_year(start)
    number = {4: 1, 5: 1, 6: 1, 7: 2, 8: 2, 9: 2, 10: 3, 11: 3, 12: 3, 1: 4, 2: 4, 3: 4}[day.month]
    return f"{financial_year(start)} Q{number}"
