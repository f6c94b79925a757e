"""Values every page needs: service name and the navigation for the signed-in person."""

from django.conf import settings
from django.urls import reverse


def _navigation(request) -> list[dict]:
    user = getattr(request, "user", None)  # absent when a static-file 404 is rendered early
    items = [{"href": reverse("portal:council_list"), "text": "Find a council"}]
    if user is not None and user.is_authenticated:
        if getattr(user, "is_department", False):
            items.append({"href": reverse("submissions:department_home"), "text": "Returns register"})
            items.append({"href": reverse("analysis:explorer"), "text": "Explore plans"})
        else:
            items.append({"href": reverse("submissions:council_dashboard"), "text": "Your council's plans"})
            items.append({"href": reverse("meetings:meeting_list"), "text": "Meetings"})
        items.append({"href": reverse("accounts:account"), "text": "Your account"})
    else:
        items.append({"href": reverse("accounts:sign_in"), "text": "Sign in"})
    path = request.path
    for item in items:
        item["active"] = path.startswith(item["href"])
    return items


def service(request) -> dict:
    return {
        "service_name": settings.SERVICE_NAME,
        "service_navigation": _navigation(request),
    }
