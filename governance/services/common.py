"""What the governance services share: the moment of a write, how a person is named, the refusal of a
date in the future, and the signal that a council's progress on a return changed."""

import datetime

from django.utils import timezone

from core.dates import uk_date
from core.signals import return_progress_changed
from governance.exceptions import GovernanceRefusal
from governance.models import Decision


def now(at: datetime.datetime | None) -> datetime.datetime:
    return at or timezone.now()


def name_of(user) -> str:
    return (user.get_full_name() or user.get_username()) if user is not None else ""


def refuse_future(day: datetime.date, moment: datetime.datetime, what: str, field: str) -> None:
    if day > uk_date(moment):
        raise GovernanceRefusal(f"{what} cannot be in the future", field=field)


def announce(council_id: int, return_id: int) -> None:
    """Tell later stages (the stored status per council) that the council's standing may have changed."""
    return_progress_changed.send(sender=Decision, council_id=council_id, return_id=return_id)
