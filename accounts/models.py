"""People who sign in, and their API tokens. Council membership lives in `councils`."""

import hashlib
import secrets
from datetime import timedelta

import rules
from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac


def new_session_generation() -> str:
    return secrets.token_hex(8)


def api_token_expiry():
    return timezone.now() + timedelta(days=settings.API_TOKEN_LIFETIME_DAYS)


class DepartmentRole(models.TextChoices):
    ANALYST = "analyst", "Department analyst"
    PANEL_MEMBER = "panel_member", "Panel member"
    ADMINISTRATOR = "administrator", "Administrator"


class User(AbstractUser):
    """A person. Department people carry a department role; council people a council membership."""

    department_role = models.CharField(max_length=20, choices=DepartmentRole.choices, blank=True)
    job_title = models.CharField(max_length=200, blank=True)
    # Part of every session's check (below): a new value ends every session ("Sign out everywhere").
    session_generation = models.CharField(max_length=16, default=new_session_generation, editable=False)

    def _get_session_auth_hash(self, secret=None):
        # Django checks this hash on every request of a session; it changes when the password changes
        # (Django's own rule) and when the session generation does.
        return salted_hmac(
            "accounts.User.session_auth_hash",
            f"{self.password}:{self.session_generation}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    def save(self, *args, **kwargs):
        # set_password leaves the new password in _password until the save: then every API token ends.
        password_changed = self._password is not None and self.pk is not None
        super().save(*args, **kwargs)
        if password_changed:
            from accounts.services import revoke_api_tokens_after_password_change

            revoke_api_tokens_after_password_change(user=self)

    def has_perm(self, perm, obj=None) -> bool:
        # The service's own permissions (councils/permissions.py) bind everyone, superusers
        # included: an administrator cannot rewrite or submit a council's plan by being staff.
        if rules.perm_exists(perm):
            return self.is_active and rules.has_perm(perm, self, obj)
        return super().has_perm(perm, obj)

    @property
    def is_department(self) -> bool:
        return bool(self.department_role)

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class ApiToken(models.Model):
    """A bearer token for API clients. Only its SHA-256 is stored; the token is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8, help_text="First characters, to tell tokens apart.")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=api_token_expiry)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.prefix}… for {self.user}"

    @property
    def is_live(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()

    @staticmethod
    def hash_token(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()
