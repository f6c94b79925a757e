"""/api/docs needs nothing from another site, and without JavaScript it still lists every operation
and links the OpenAPI document."""

import pytest
from django.contrib.staticfiles import finders

from api.views import api
from tests.integration.pages import h1, soup, text_of

pytestmark = pytest.mark.django_db


def test_the_api_docs_page_asks_only_its_own_site_for_what_it_loads(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    page = soup(response)
    assert h1(response) == "Productivity plans API"
    loaded = [tag.get("src") for tag in page.select("script[src]")] + [
        tag.get("href") for tag in page.select("link[href]")
    ]
    assert any(url.endswith("swagger-ui-bundle.js") for url in loaded)
    assert any(url.endswith("swagger-ui.css") for url in loaded)
    for url in loaded:
        assert url.startswith("/") and not url.startswith("//"), f"{url} is on another site"
    # The files are the ones django-ninja ships, found by the static files app.
    for name in ("ninja/swagger-ui-bundle.js", "ninja/swagger-ui.css", "ninja/swagger-ui-init.js"):
        assert finders.find(name), name


def test_without_javascript_the_api_docs_page_lists_every_operation_and_links_the_openapi_document(client):
    page = soup(client.get("/api/docs"))
    assert page.select_one("main a[href='/api/openapi.json']")
    noscript = page.select_one("main noscript")
    assert noscript is not None
    listed = {tuple(text_of(cell) for cell in row.select("td")) for row in noscript.select("table#operations tbody tr")}
    schema = client.get("/api/openapi.json").json()
    expected = {
        (method.upper(), path, operation.get("summary", ""))
        for path, item in schema["paths"].items()
        for method, operation in item.items()
    }
    assert len(expected) >= 20
    assert listed == expected
    assert len(api.get_openapi_schema()["paths"]) == len(schema["paths"])
