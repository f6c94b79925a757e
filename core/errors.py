"""What a visitor sees when the service fails: a 503 "service unavailable" page while the database or the file
store cannot be reached, otherwise the 500 page. Neither touches the database, so both can be shown while it is
down. Task workers use `unreachable_service` too, to wait and try again rather than fail (core/workers.py)."""

import sys

from botocore.exceptions import (  # type: ignore[import-untyped]  # botocore ships no types
    ClientError,
    ReadTimeoutError,
)
from botocore.exceptions import ConnectionError as StoreConnectionError
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

RETRY_AFTER_SECONDS = 30


def database_unreachable(error: BaseException | None) -> bool:
    """The database could not be reached or could not answer (an outage, a lock), rather than refusing a query:
    trying again later will work."""
    return isinstance(error, OperationalError | InterfaceError)


def store_unreachable(error: BaseException | None) -> bool:
    """The object store could not be reached, timed out, or answered with a server error (5xx)."""
    if isinstance(error, StoreConnectionError | ReadTimeoutError):
        return True
    if isinstance(error, ClientError):
        return int(error.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0) >= 500
    return False


def unreachable_service(error: BaseException | None) -> str | None:
    """ "the database" or "the file store" when `error`, or an error it was raised from, says that service could
    not be reached; None for any other error."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if database_unreachable(error):
            return "the database"
        if store_unreachable(error):
            return "the file store"
        error = error.__cause__ or error.__context__
    return None


def server_error(request):
    """handler500: Django calls it inside its handling of the uncaught error, so the error is sys.exc_info()'s."""
    if unreachable_service(sys.exc_info()[1]):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponse(loader.get_template("500.html").render(), status=500)
