"""Pages of the public site written as files: the index of councils.

The unfiltered index of councils (`/councils/`, first page) is the busiest page on publication day
and changes only when a council publishes (or the register is reloaded), so it is rendered once then
and written to storage; portal.middleware serves it as a static file to people who are not signed
in. Searches, filters, later pages and signed-in people get the page rendered by the view, from the
same context and template, so the file and the view say the same thing.
"""

import datetime
from contextlib import contextmanager

from django.contrib.auth.models import AnonymousUser
from django.contrib.staticfiles.storage import StaticFilesStorage, staticfiles_storage
from django.db import transaction
from django.http import HttpRequest, QueryDict
from django.template.loader import render_to_string
from django.utils import timezone

from core import files
from portal import selectors
from portal.models import SiteFile

COUNCIL_INDEX_URL = "/councils/"
COUNCIL_INDEX_NAME = "published/site/councils.html"


def expected_hash(name: str) -> str | None:
    return selectors.site_file_hash(name)


def _anonymous_request(path: str) -> HttpRequest:
    request = HttpRequest()
    request.method = "GET"
    request.path = request.path_info = path
    request.GET = QueryDict()
    request.user = AnonymousUser()
    request.META = {"SERVER_NAME": "localhost", "SERVER_PORT": "80"}
    return request


@contextmanager
def _plain_static_names():
    """Link static files by their plain names while rendering a page that is written once: hashed names
    change with every deployment (and need collectstatic's manifest), plain names are always served.
    Another thread rendering meanwhile would get plain names too, which work just the same."""
    previous = staticfiles_storage._wrapped
    staticfiles_storage._wrapped = StaticFilesStorage()
    try:
        yield
    finally:
        staticfiles_storage._wrapped = previous


def render_council_index() -> bytes:
    from portal.listing import council_list_context

    request = _anonymous_request(COUNCIL_INDEX_URL)
    with _plain_static_names():
        html = render_to_string("portal/council_list.html", council_list_context(request), request=request)
    return html.encode("utf-8")


def write_council_index(*, at: datetime.datetime | None = None) -> SiteFile:
    """Render the index of councils and write it as a file, recording its SHA-256."""
    data = render_council_index()
    with transaction.atomic():
        site_file, _ = SiteFile.objects.update_or_create(
            name=COUNCIL_INDEX_NAME, defaults={"sha256": files.sha256_of(data), "written_at": at or timezone.now()}
        )
        files.replace(COUNCIL_INDEX_NAME, data)
    return site_file
