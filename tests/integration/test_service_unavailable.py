"""While the database cannot be reached, dynamic pages say "Sorry, the service is unavailable" (503 with
Retry-After), not a 500; a programming error is still the 500 page. Neither page needs the database."""

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import path

from config import urls as service_urls


def _outage(request):
    raise OperationalError("could not connect to server: Connection refused")


def _bug(request):
    raise ValueError("a bug")


# The service's own error handler, with two views that fail the two ways.
urlpatterns = [path("outage/", _outage), path("bug/", _bug)]
handler500 = service_urls.handler500


@pytest.mark.parametrize(
    ("url", "status", "heading"),
    [
        ("/outage/", 503, "Sorry, the service is unavailable"),
        ("/bug/", 500, "Sorry, there is a problem with the service"),
    ],
)
def test_an_outage_is_a_503_with_retry_after_and_a_bug_is_a_500(settings, url, status, heading):
    settings.ROOT_URLCONF = __name__
    settings.DEBUG = False
    response = Client(raise_request_exception=False).get(url)
    assert response.status_code == status
    assert heading in response.content.decode()
    assert (response.get("Retry-After") == "30") == (status == 503)


@pytest.mark.django_db
def test_the_health_check_says_ok_while_the_database_answers_and_503_when_it_cannot(monkeypatch):
    """What a load balancer or monitor asks of each app server (docs/deploy.md)."""
    client = Client(raise_request_exception=False)
    response = client.get("/health/")
    assert (response.status_code, response.content, response["Cache-Control"]) == (200, b"ok", "no-store")

    from django.db.backends.utils import CursorWrapper

    def refused(*args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", refused)
    response = client.get("/health/")
    assert response.status_code == 503 and response["Retry-After"] == "30"
