"""Signed-in people who owe a second factor may only give it (or sign out) until they have.

- Someone who has set up an authenticator is asked for a code after their password, always.
- With REQUIRE_TWO_FACTOR on (DEBUG off), someone who has not set one up must do so first.

Anonymous requests (every public page) return at the first line: no table is read for them. For a
signed-in person the answer is kept in their session, so the device tables are read once a session.
"""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from accounts.services import has_second_factor

SESSION_KEY = "accounts_second_factor_owed"  # "code" or "set-up"; absent once nothing is owed
_ALWAYS_ALLOWED = ("accounts:sign_out", "accounts:second_factor", "accounts:two_factor_set_up")


def _owed(request) -> str:
    if request.user.is_verified():
        return ""
    if SESSION_KEY not in request.session:
        if has_second_factor(request.user):
            request.session[SESSION_KEY] = "code"
        elif settings.REQUIRE_TWO_FACTOR:
            request.session[SESSION_KEY] = "set-up"
        else:
            request.session[SESSION_KEY] = ""
    return request.session[SESSION_KEY]


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.allowed_paths: tuple[str, ...] | None = None

    def __call__(self, request):
        if not request.user.is_authenticated:
            return self.get_response(request)
        owed = _owed(request)
        if owed:
            if self.allowed_paths is None:
                self.allowed_paths = tuple(reverse(name) for name in _ALWAYS_ALLOWED)
            if request.path not in self.allowed_paths:
                return redirect("accounts:second_factor" if owed == "code" else "accounts:two_factor_set_up")
        return self.get_response(request)
