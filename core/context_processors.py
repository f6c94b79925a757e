"""Values every page needs: the service name. The navigation, which depends on who is signed in and
what waits for them, comes from `worklist.context_processors`."""

from django.conf import settings


def service(request) -> dict:
    return {"service_name": settings.SERVICE_NAME}
