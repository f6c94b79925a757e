from django.contrib import admin
from django.urls import include, path

from api.views import api

urlpatterns = [
    path("", include("portal.urls")),
    path("", include("accounts.urls")),
    path("plans/", include("plans.urls")),
    path("governance/", include("governance.urls")),
    path("meetings/", include("meetings.urls")),
    path("analysis/", include("analysis.urls")),
    path("monitoring/", include("monitoring.urls")),
    path("", include("submissions.urls")),
    path("waiting-for-you/", include("worklist.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]

# A database outage answers "Sorry, the service is unavailable" (503, Retry-After), never a 500.
handler500 = "core.errors.server_error"
