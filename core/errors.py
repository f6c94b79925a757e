"""What a visitor sees when the service fails: a 503 "service unavailable" page while the database cannot be
reached, otherwise the 500 page. Neither touches the database, so both can be shown while it is down."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

RETRY_AFTER_SECONDS = 30


def database_unreachable(error: BaseException | None) -> bool:
    """The database could not be reached or could not answer (an outage, a lock), rather than refusing a query:
    trying again later will work."""
    return isinstance(error, OperationalError | InterfaceError)


def server_error(request):
    """handler500: Django calls it inside its handling of the uncaught error, so the error is sys.exc_info()'s."""
    if database_unreachable(sys.exc_info()[1]):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponse(loader.get_template("500.html").render(), status=500)
