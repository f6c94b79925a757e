"""Guessing is refused: django-axes counts failed sign-ins and failed API tokens, and this module says
when enough is enough.

Axes counts failures in `AccessAttempt` rows (one per username, address and browser). One limit
applies in axes; the service wants two, so failures are weighed here: an account is locked after
`AXES_FAILURE_LIMIT` (5) failures for its username, an address after `AXES_ADDRESS_FAILURE_LIMIT`
(20) failures from it, whichever comes first. A failed API token has no username and counts for the
address only. Only sign-in and token checks reach these tables; no other page does.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum

from accounts.services import user_for_api_token
from core.refusals import Refusal


def _failures(attempts) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class AccountAndAddressHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials: dict | None = None) -> int:
        recent = AccessAttempt.objects.filter(attempt_time__gte=get_cool_off_threshold(request))
        username = get_client_username(request, credentials)
        by_account = _failures(recent.filter(username=username)) if username else 0
        by_address = _failures(recent.filter(ip_address=request.axes_ip_address))
        # Scaled so that reaching the address limit reaches axes's one limit.
        return max(by_account, by_address * settings.AXES_FAILURE_LIMIT // settings.AXES_ADDRESS_FAILURE_LIMIT)


class TooManyTokenFailures(Refusal):
    """Too many wrong API tokens from this address: refused for the cool-off period."""

    status_code = 429
    MESSAGE = "Too many requests with a wrong API token from this address. Wait and try again with a valid token."

    def __init__(self):
        super().__init__(self.MESSAGE)


# A failed API token has no username: it counts for the address only.
_TOKEN_CREDENTIALS = {"username": None}


def user_for_api_token_request(request, raw: str):
    """The user a bearer token belongs to, or None; refused (429) once the address has made
    AXES_ADDRESS_FAILURE_LIMIT failed attempts (tokens and passwords alike) in the cool-off period.
    Only a request that presents a token reaches the lockout tables."""
    AxesProxyHandler.update_request(request)
    if AxesProxyHandler.is_locked(request, _TOKEN_CREDENTIALS):
        raise TooManyTokenFailures()
    user = user_for_api_token(raw)
    if user is None:
        AxesProxyHandler.user_login_failed(sender=None, credentials=_TOKEN_CREDENTIALS, request=request)
    return user
