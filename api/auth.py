from ninja.security import HttpBearer

from accounts.lockout import user_for_api_token_request


class BearerToken(HttpBearer):
    """`Authorization: Bearer <token>`, tokens issued by `manage.py issue_token`. Wrong tokens are counted
    per address and refused (429) after too many (accounts/lockout.py)."""

    def authenticate(self, request, token):
        user = user_for_api_token_request(request, token)
        if user is not None:
            request.user = user
        return user
