"""Refuse to serve on the key the repository publishes.

`SECRET_KEY` signs sessions, subscription links and more: anyone with the key can forge them, and the
repository's key is public. With DEBUG off (any deployment), wsgi.py and asgi.py call
`refuse_unsafe_settings()` before the first request; `manage.py check --deploy` reports the same as
the error security.E100 (core/deploy_checks.py).
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from core.deploy_checks import REPOSITORY_KEY_MESSAGE, uses_repository_key


def refuse_unsafe_settings() -> None:
    if not settings.DEBUG and uses_repository_key():
        raise ImproperlyConfigured(REPOSITORY_KEY_MESSAGE)
