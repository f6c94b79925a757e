"""Reads for accounts."""

from accounts.models import ApiToken


def api_tokens_of(*, user) -> list[ApiToken]:
    """A person's API tokens, newest first, ended ones included (so they can see when each ended)."""
    return list(ApiToken.objects.filter(user=user).order_by("-created_at", "-pk"))
