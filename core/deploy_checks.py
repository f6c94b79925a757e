"""The settings a deployment must not run with, as system checks (`manage.py check --deploy`).

security.E100: DEBUG off with the repository's public SECRET_KEY (or none). config/startup.py refuses
to serve with it too, so the check and the refusal say the same thing.
audit.E001 and audit.W001: no usable audit signing key, or one a laptop made for itself (decision 0024).
"""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

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


@register(Tags.security, deploy=True)
def check_audit_signing_key(app_configs=None, **kwargs):
    """audit.E001: no usable key to sign the audit log's heads (decision 0024), so every change would be
    reported as after the newest signed head. audit.W001: the key is the file a laptop makes for itself."""
    from core import audit_keys

    try:
        audit_keys.private_key()
    except audit_keys.SigningKeyMissing as error:
        return [Error(f"{error} The audit log's heads cannot be signed.", id="audit.E001")]
    if settings.AUDIT_SIGNING_KEY_GENERATE and not settings.AUDIT_SIGNING_KEY:
        return [
            Warning(
                f"The audit signing key is the file made on first use at {settings.AUDIT_SIGNING_KEY_FILE}. "
                "Set AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE to a key kept outside the database and the store.",
                id="audit.W001",
            )
        ]
    return []
