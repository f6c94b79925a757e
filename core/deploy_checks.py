"""The settings a deployment must not run with, as system checks (`manage.py check --deploy`).

security.E100: DEBUG off with the repository's public SECRET_KEY (or none). config/startup.py refuses
to serve with it too, so the check and the refusal say the same thing.
"""

from django.conf import settings
from django.core.checks import Error, Tags, register

REPOSITORY_KEY_MESSAGE = (
    "SECRET_KEY is the key published in the repository (or is unset) and DEBUG is off. Set SECRET_KEY "
    "to a long random value of your own (python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
    "or set DEBUG=true for a demo on your own machine."
)


def uses_repository_key() -> bool:
    return not settings.SECRET_KEY or settings.SECRET_KEY == getattr(settings, "REPOSITORY_SECRET_KEY", None)


@register(Tags.security, deploy=True)
def check_secret_key_is_not_the_repositorys(app_configs=None, **kwargs):
    if not settings.DEBUG and uses_repository_key():
        return [Error(REPOSITORY_KEY_MESSAGE, id="security.E100")]
    return []
