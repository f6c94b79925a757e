"""Refuse to serve on the key the repository publishes, or without the shared store a deployment requires.

`SECRET_KEY` signs sessions, subscription links and more: anyone with the key can forge them, and the
repository's key is public. With DEBUG off (any deployment), wsgi.py and asgi.py call
`refuse_unsafe_settings()` before the first request; `manage.py check --deploy` reports the same as
the error security.E100 (core/deploy_checks.py).
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from core.deploy_checks import REPOSITORY_KEY_MESSAGE, uses_repository_key

NO_SHARED_STORE_MESSAGE = (
    "REQUIRE_OBJECT_STORAGE is on but OBJECT_STORAGE_BUCKET is not set, so files would be written to this "
    "machine's own disk, where the other app servers and workers cannot read them. Set OBJECT_STORAGE_BUCKET "
    "(and OBJECT_STORAGE_ENDPOINT_URL for a store other than Amazon S3); see docs/deploy.md."
)


def refuse_unsafe_settings() -> None:
    """Called before the first request (wsgi.py, asgi.py) and before a task worker claims its first task."""
    if not settings.DEBUG and uses_repository_key():
        raise ImproperlyConfigured(REPOSITORY_KEY_MESSAGE)
    if settings.REQUIRE_OBJECT_STORAGE and not settings.OBJECT_STORAGE_BUCKET:
        raise ImproperlyConfigured(NO_SHARED_STORE_MESSAGE)
