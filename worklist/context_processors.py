"""The navigation for the signed-in person: each area their permissions let them use, and nothing else,
with how much work is waiting for them."""

from django.urls import reverse

from councils.selectors import council_of
from worklist.selectors import shared_worklist


def waiting_of(request):
    """The person's council, permissions and waiting items, once per request and shared between requests
    through the cache (worklist.selectors.shared_worklist)."""
    if not hasattr(request, "_worklist"):
        user = request.user
        council = None if user.is_department else council_of(user)
        permissions, items = shared_worklist(user, council)
        request._worklist = (council, permissions, items)
    return request._worklist


# (permission, URL name, text): the areas a signed-in person may use, in the order shown.
AREAS = (
    ("plans.view_council_work", "submissions:council_dashboard", "Your council's plans"),
    ("plans.view_council_work", "governance:council_reports", "Reports and decisions"),
    ("plans.view_council_work", "meetings:meeting_list", "Meetings"),
    ("plans.view_council_work", "monitoring:council_home", "Performance"),
    ("submissions.read_returns", "submissions:department_home", "Returns register"),
    ("analysis.read_corpus", "analysis:explorer", "Explore plans"),
    ("analysis.read_corpus", "analysis:document_list", "Plan documents"),
    ("analysis.import_documents", "analysis:import_document", "Import a plan document"),
    ("analysis.read_corpus", "analysis:run_list", "Analysis runs"),
    ("monitoring.read_monitoring", "monitoring:department_home", "Progress against plans"),
)


def areas_for(permissions) -> list[dict]:
    return [{"href": reverse(name), "text": text} for permission, name, text in AREAS if permission in permissions]


def _navigation(request) -> list[dict]:
    user = getattr(request, "user", None)  # absent when a static-file 404 is rendered early
    items = [{"href": reverse("portal:council_list"), "text": "Find a council"}]
    if user is not None and user.is_authenticated:
        _, permissions, waiting = waiting_of(request)
        items.append({"href": reverse("worklist:waiting"), "text": "Waiting for you", "count": len(waiting)})
        items += areas_for(permissions)
        items.append({"href": reverse("accounts:account"), "text": "Your account"})
    else:
        items.append({"href": reverse("accounts:sign_in"), "text": "Sign in"})
    path = request.path
    for item in items:
        item["active"] = path.startswith(item["href"])
    return items


def navigation(request) -> dict:
    return {"service_navigation": _navigation(request)}
