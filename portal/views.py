"""The public site: reads only the register and what councils have published."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from councils.models import AuthorityType
from councils.selectors import council_by_code, counts_by_type, search_councils
from governance.selectors import endorsement_of
from plans.selectors import open_returns
from portal.forms import CouncilSearchForm
from submissions import access as submissions_access
from submissions.selectors import publications_of, submission_of

PAGE_SIZE = 50


@require_GET
def home(request):
    return render(request, "portal/home.html", {"returns": open_returns()})


@require_GET
def council_list(request):
    form = CouncilSearchForm(request.GET or None)
    councils = search_councils(**form.filters())
    page = Paginator(councils, PAGE_SIZE).get_page(request.GET.get("page"))
    counts = counts_by_type(councils)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "portal/council_list.html",
        {
            "form": None,
            "search_form": form,
            "page": page,
            "total": page.paginator.count,
            "type_counts": [(label, counts.get(value, 0)) for value, label in AuthorityType.choices],
            "query_string": query.urlencode(),
        },
    )


@require_GET
def council_detail(request, code):
    council = council_by_code(code)
    if council is None:
        raise Http404("No council with that ONS code")
    return render(
        request,
        "portal/council_detail.html",
        {
            "council": council,
            "publications": publications_of(council),
            "districts": council.districts.order_by("name"),
        },
    )


@require_GET
def published_plan(request, code, slug):
    publication = submissions_access.get_publication_for_public(code, slug)
    version = publication.version
    return render(
        request,
        "portal/published_plan.html",
        {
            "publication": publication,
            "version": version,
            "council": publication.council,
            "endorsement": endorsement_of(version),
            "submission": submission_of(version),
        },
    )


@require_GET
def accessibility(request):
    return render(request, "portal/accessibility.html")


@require_GET
def open_data(request):
    return render(request, "portal/open_data.html", {"returns": open_returns()})
