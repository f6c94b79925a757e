"""Reaching a person's own account records: 404 for anyone else's, as every access.py does."""

from django.http import Http404

from accounts.models import ApiToken


def get_api_token_for_revoke(user, token_id: int) -> ApiToken:
    token = ApiToken.objects.select_related("user").filter(pk=token_id).first()
    if token is None:
        raise Http404("No such token")
    if token.user_id != user.pk:
        raise Http404("No such token")
    return token
