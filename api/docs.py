"""The API documentation page, /api/docs, served wholly by the service.

Swagger UI's script and styles are the copies django-ninja ships (pinned in requirements.txt, served
from `ninja/` by the static files app, never from a CDN). The page also lists every operation from
the OpenAPI document on the server, inside <noscript>, so a reader without JavaScript still sees
each endpoint and the link to the document itself.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja.openapi.docs import Swagger

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def operations(schema: dict) -> list[dict]:
    """Each operation of an OpenAPI document as method, path and summary, in the document's order."""
    return [
        {"method": method.upper(), "path": path, "summary": operation.get("summary", "")}
        for path, item in schema.get("paths", {}).items()
        for method, operation in item.items()
        if method in METHODS
    ]


class ServiceDocs(Swagger):
    template = "api/docs.html"
    # Without deep links Swagger UI puts no link inside each operation's button (axe: nested-interactive,
    # target-size); the operation is still opened with its button.
    default_settings = {**Swagger.default_settings, "deepLinking": False}

    def render_page(self, request: HttpRequest, api, **kwargs) -> HttpResponse:
        openapi_url = self.get_openapi_url(api, kwargs)
        return render(
            request,
            self.template,
            {
                "api": api,
                "openapi_url": openapi_url,
                "swagger_settings": {**self.settings, "url": openapi_url},
                "operations": operations(api.get_openapi_schema(path_params=kwargs)),
            },
        )
