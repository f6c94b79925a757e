"""The public site: reads only the register and what councils have published.

Published plans and the index of councils are normally served as files by portal.middleware; the
views below for them are the fallback (object storage, or a file that failed its check) and stream
the stored bytes without rendering a template.
"""

import json

from django.contrib.syndication.views import Feed
from django.db import connection
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from core import csv_files, files
from core.dates import long_date
from councils.selectors import council_by_code
from plans.selectors import open_returns, return_by_slug
from portal import open_data as data
from portal import selectors, subscriptions
from portal.forms import SubscribeForm
from portal.listing import council_list_context
from portal.ranges import file_response
from submissions import publishing

FILE_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "json": "application/json; charset=utf-8",
}


def _council_or_404(code: str):
    council = council_by_code(code)
    if council is None:
        raise Http404("No council with that ONS code")
    return council


def _return_or_404(slug: str):
    return_definition = return_by_slug(slug)
    if return_definition is None:
        raise Http404("No such return")
    return return_definition


@require_GET
def home(request):
    return render(request, "portal/home.html", {"returns": open_returns()})


@require_GET
def council_list(request):
    return render(request, "portal/council_list.html", council_list_context(request))


@require_GET
def council_detail(request, code):
    council = _council_or_404(code)
    plans = selectors.published_plans_of(council)
    for plan in plans:
        plan.decision_record_url = publishing._decision_record_url(
            plan.endorsement.decision if plan.endorsement else None
        )
        plan.html_url = publishing.file_url(plan.publication.content_hash, "html")
        plan.pdf_url = publishing.file_url(plan.publication.content_hash, "pdf")
        plan.json_url = publishing.file_url(plan.publication.content_hash, "json")
    return render(
        request,
        "portal/council_detail.html",
        {"council": council, "plans": plans, "districts": council.districts.order_by("name")},
    )


# --- Published files (fallback: the middleware serves them from a local folder) ----------------------


def _serve_stored(request, name: str, expected: str | None, kind: str, *, immutable: bool) -> HttpResponse:
    """A stored file's bytes, if they still match the hash recorded when written. No template is rendered."""
    if not expected:
        raise Http404("No such published file")
    check = files.verify(name, expected)
    if check.missing:
        raise Http404("No such published file")
    if not check.intact:
        return HttpResponse(
            "This published file does not match the record made when it was published, so it is not being served.",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    etag = f'"{expected}"'
    if request.headers.get("If-None-Match") == etag:
        return HttpResponseNotModified(headers={"ETag": etag})
    headers = {
        "Content-Type": FILE_TYPES[kind],
        "ETag": etag,
        "Cache-Control": "public, max-age=31536000, immutable" if immutable else "public, no-cache",
    }
    return file_response(request, check.content, headers, etag)


@require_GET
def published_plan(request, code, slug):
    publication = selectors.latest_publication(code=code, slug=slug)
    if publication is None:
        raise Http404("No published plan")
    return _serve_stored(request, publication.html_name, publication.file_hashes.get("html"), "html", immutable=False)


@require_GET
def publication_file(request, content_hash, filename):
    kind = filename.removeprefix("plan.")
    if filename != f"plan.{kind}" or kind not in FILE_TYPES:
        raise Http404("No such published file")
    publication = selectors.publication_by_hash(content_hash)
    if publication is None:
        raise Http404("No such published file")
    name = {"html": publication.html_name, "pdf": publication.pdf_name, "json": publication.json_name}[kind]
    return _serve_stored(request, name, publication.file_hashes.get(kind), kind, immutable=True)


# --- Atom feeds ----------------------------------------------------------------------------------------


class PublicationsFeed(Feed):
    feed_type = Atom1Feed
    title = "Council productivity plans: new publications"
    subtitle = "Each plan a council publishes, and each correction, newest first."

    def link(self):
        return reverse("portal:council_list")

    def items(self):
        return selectors.publications()[:50]

    def item_title(self, item):
        correction = " (correction)" if item.replaces_id else ""
        return f"{item.council.name}: {item.return_definition.title}{correction}"

    def item_description(self, item):
        text = f"Version {item.version.number}, published {long_date(item.published_at)}."
        text += f" Content hash {item.content_hash}."
        if item.replaces_id:
            text += f" It corrects the plan published on {long_date(item.replaces.published_at)}."
        return text

    def item_link(self, item):
        return publishing.file_url(item.content_hash, "html")

    def item_guid(self, item):
        return f"urn:sha256:{item.content_hash}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.published_at

    def item_enclosure_url(self, item):
        return publishing.file_url(item.content_hash, "pdf")

    item_enclosure_mime_type = "application/pdf"

    def item_enclosure_length(self, item):
        return 0


class CouncilPublicationsFeed(PublicationsFeed):
    def get_object(self, request, code):
        return _council_or_404(code)

    def title(self, obj):
        return f"{obj.name}: productivity plan publications"

    def link(self, obj):
        return reverse("portal:council_detail", kwargs={"code": obj.gss_code})

    def items(self, obj):
        return selectors.publications().filter(council=obj)[:50]


publications_feed = require_GET(PublicationsFeed())
council_feed = require_GET(CouncilPublicationsFeed())


# --- Email subscriptions -------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def subscribe(request, code):
    council = _council_or_404(code)
    form = SubscribeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        subscriptions.subscribe(
            council=council, email=form.cleaned_data["email"], base_url=request.build_absolute_uri("/").rstrip("/")
        )
        return redirect("portal:subscribe_sent", code=council.gss_code)
    return render(
        request,
        "portal/subscribe.html",
        {"council": council, "form": form},
        status=400 if form.is_bound else 200,
    )


@require_GET
def subscribe_sent(request, code):
    return render(request, "portal/subscribe_sent.html", {"council": _council_or_404(code)})


def _token_council(token: str):
    payload = subscriptions.read_token(token)
    council = council_by_code(payload["c"]) if payload else None
    if council is None:
        raise Http404("This link is not one of ours")
    return council


@require_http_methods(["GET", "POST"])
def confirm_subscription(request, token):
    council = _token_council(token)
    if request.method == "POST":
        subscription = subscriptions.confirm(token=token)
        if subscription is None:
            return render(request, "portal/subscription_link_expired.html", {"council": council}, status=400)
        return render(request, "portal/subscription_confirmed.html", {"council": council})
    return render(request, "portal/confirm_subscription.html", {"council": council, "token": token})


@csrf_exempt  # the signed token is the authority; mail programs POST here without a form (RFC 8058)
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    council = _token_council(token)
    if request.method == "POST":
        subscriptions.unsubscribe(token=token)
        return render(request, "portal/unsubscribed.html", {"council": council})
    return render(request, "portal/unsubscribe.html", {"council": council, "token": token})


# --- Open data -----------------------------------------------------------------------------------------


@require_GET
def health(request):
    """For the load balancer and process supervision: 200 when this app server can query the database. While it
    cannot, the query raises and the answer is the 503 page (core/errors.py)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain; charset=utf-8", headers={"Cache-Control": "no-store"})


@require_GET
def accessibility(request):
    return render(request, "portal/accessibility.html")


@require_GET
def open_data(request):
    return render(request, "portal/open_data.html", {"returns": open_returns(), "datasets": data.DATASETS})


def _csv(filename: str, columns: list[str], rows: list[dict]) -> HttpResponse:
    return csv_files.csv_response(filename, columns, rows)  # formulas neutralised (decision 0025)


def _json(document: dict) -> HttpResponse:
    return HttpResponse(
        json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n",
        content_type="application/json; charset=utf-8",
    )


def _format_or_404(fmt: str) -> str:
    if fmt not in ("csv", "json"):
        raise Http404("Downloads come as csv or json")
    return fmt


@require_GET
def register_download(request, slug, fmt):
    fmt = _format_or_404(fmt)
    return_definition = _return_or_404(slug)
    rows = data.register_rows(return_definition)
    if fmt == "csv":
        return _csv(f"{slug}-register.csv", data.REGISTER_COLUMNS, rows)
    return _json(data.document(title=f"{return_definition.title}: every council's status", return_slug=slug, rows=rows))


@require_GET
def dataset_download(request, slug, dataset, fmt):
    fmt = _format_or_404(fmt)
    if dataset not in data.DATASETS:
        raise Http404("No such dataset")
    return_definition = _return_or_404(slug)
    rows = data.dataset_rows(return_definition, dataset)
    if fmt == "csv":
        return _csv(f"{slug}-{dataset}.csv", data.COLUMNS[dataset], rows)
    return _json(data.document(title=f"{return_definition.title}: {dataset}", return_slug=slug, rows=rows))


@require_GET
def plan_download(request, code, slug, fmt):
    fmt = _format_or_404(fmt)
    publication = selectors.latest_publication(code=code, slug=slug)
    if publication is None:
        raise Http404("This council has not published this plan")
    if fmt == "json":
        expected = publication.file_hashes.get("json")
        return _serve_stored(request, publication.json_name, expected, "json", immutable=False)
    return _csv(f"{publication.council.gss_code}-{slug}.csv", data.PLAN_COLUMNS, data.plan_rows(publication))
