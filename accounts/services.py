"""Writes for accounts: API tokens."""

import secrets

from django.db import transaction
from django.utils import timezone

from accounts.models import ApiToken, User
from core.audit import record_event


def issue_api_token(*, user: User, actor: User | None = None) -> str:
    """Create a token for `user` and return it in clear; it is never shown again."""
    raw = secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(user=user, token_hash=ApiToken.hash_token(raw), prefix=raw[:8])
        record_event(action="ApiTokenIssued", actor=actor, subject=token, data={"user": user.username})
    return raw


def user_for_api_token(raw: str) -> User | None:
    """The active user a bearer token belongs to, or None for an unknown or revoked token."""
    if not raw:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=ApiToken.hash_token(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
