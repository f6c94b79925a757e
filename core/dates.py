"""Dates as people in England read them: the UK calendar day of a moment."""

import datetime
import zoneinfo

LONDON = zoneinfo.ZoneInfo("Europe/London")


def uk_date(moment: datetime.datetime) -> datetime.date:
    return moment.astimezone(LONDON).date()
