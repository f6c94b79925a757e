"""The index of councils: one context for the page the view renders and the file written for it."""

from django.core.paginator import Paginator

from councils.models import AuthorityType
from councils.selectors import counts_by_type, search_councils
from portal.forms import CouncilSearchForm
from portal.selectors import published_council_ids

PAGE_SIZE = 50


def council_list_context(request) -> dict:
    form = CouncilSearchForm(request.GET or None)
    councils = search_councils(**form.filters())
    page = Paginator(councils, PAGE_SIZE).get_page(request.GET.get("page"))
    counts = counts_by_type(councils)
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "form": None,
        "search_form": form,
        "page": page,
        "total": page.paginator.count,
        "published": published_council_ids(),
        "type_counts": [(label, counts.get(value, 0)) for value, label in AuthorityType.choices],
        "query_string": query.urlencode(),
    }
