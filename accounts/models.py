"""People who sign in, and their API tokens. Council membership lives in `councils`."""

import hashlib

import rules
from django.contrib.auth.models import AbstractUser
from django.db import models


class DepartmentRole(models.TextChoices):
    ANALYST = "analyst", "Department analyst"
    PANEL_MEMBER = "panel_member", "Panel member"
    ADMINISTRATOR = "administrator", "Administrator"


class User(AbstractUser):
    """A person. Department people carry a department role; council people a council membership."""

    department_role = models.CharField(max_length=20, choices=DepartmentRole.choices, blank=True)
    job_title = models.CharField(max_length=200, blank=True)

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
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.prefix}… for {self.user}"

    @staticmethod
    def hash_token(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()
