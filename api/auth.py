from ninja.security import HttpBearer

from accounts.services import user_for_api_token


class BearerToken(HttpBearer):
    """`Authorization: Bearer <token>`, tokens issued by `manage.py issue_token`."""

    def authenticate(self, request, token):
        user = user_for_api_token(token)
        if user is not None:
            request.user = user
        return user
