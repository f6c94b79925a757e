"""How much notice an agenda gives: clear working days between publication and the meeting.

The law on access to information (Local Government Act 1972, s100B) asks for an agenda to be open to
inspection at least five clear days before the meeting; councils count working days. "Clear" days
leave out both the day of publication and the day of the meeting. Weekends and bank holidays in
England do not count (core.dates).
"""

import datetime

from core.dates import is_working_day

MINIMUM_CLEAR_WORKING_DAYS = 5


def clear_working_days(published_on: datetime.date, meeting_on: datetime.date) -> int:
    """Working days strictly between the day of publication and the day of the meeting."""
    count = 0
    day = published_on + datetime.timedelta(days=1)
    while day < meeting_on:
        if is_working_day(day):
            count += 1
        day += datetime.timedelta(days=1)
    return count


def latest_publication_date(meeting_on: datetime.date) -> datetime.date:
    """The last day an agenda can be published and still give five clear working days."""
    day = meeting_on - datetime.timedelta(days=1)
    counted = 0
    while counted < MINIMUM_CLEAR_WORKING_DAYS:
        if is_working_day(day):
            counted += 1
        day -= datetime.timedelta(days=1)
    return day


def notice_warning(published_on: datetime.date, meeting_on: datetime.date) -> str:
    """A sentence for democratic services when the notice is short, or '' when it is enough."""
    days = clear_working_days(published_on, meeting_on)
    if days >= MINIMUM_CLEAR_WORKING_DAYS:
        return ""
    latest = latest_publication_date(meeting_on)
    plural = "day" if days == 1 else "days"
    return (
        f"Published on {published_on:%-d %B %Y}, the agenda gives {days} clear working {plural} before the meeting "
        f"on {meeting_on:%-d %B %Y}, fewer than five. To give five clear working days it had to be published by "
        f"{latest:%A %-d %B %Y}. Items that cannot wait need the chair's agreement as urgent business."
    )
