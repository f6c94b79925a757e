import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_otp import login as otp_login

from accounts import services
from accounts.access import get_api_token_for_revoke
from accounts.forms import CodeForm, PasswordConfirmForm, SignInForm
from accounts.lockout import TooManyTokenFailures
from accounts.middleware import SESSION_KEY
from accounts.selectors import api_tokens_of
from core.forms import add_refusal, add_refusal_after_redirect

RECOVERY_CODES_SESSION_KEY = "accounts_recovery_codes_to_show"
SECRET_SESSION_KEY = "accounts_authenticator_secret"  # a session key name; the secret waits there until confirmed  # nosec B105


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        # The middleware works out again, for this new session, whether a second factor is owed.
        self.request.session.pop(SESSION_KEY, None)
        return response


class SignOutView(auth_views.LogoutView):
    """POST only (Django's LogoutView refuses GET), so a link cannot sign someone out."""


def locked_out(request, response=None, credentials=None):
    """What a refused sign-in shows (django-axes calls it): too many wrong passwords for this account
    or from this address. Status 429."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": TooManyTokenFailures.MESSAGE, "field": None}, status=429)
    minutes = round(settings.AXES_COOLOFF_TIME * 60)
    return render(request, "accounts/locked_out.html", {"cool_off_minutes": minutes}, status=429)


@require_GET
@login_required
def home_for_user(request):
    """Where a person lands after signing in: the work waiting for them."""
    return redirect("worklist:waiting")


@require_GET
@login_required
def account(request):
    memberships = request.user.memberships.select_related("council").order_by("role")
    return render(
        request,
        "accounts/account.html",
        {
            "memberships": memberships,
            "tokens": api_tokens_of(user=request.user),
            "two_factor": services.has_second_factor(request.user),
            "recovery_codes_left": services.recovery_codes_left(request.user),
            "token_lifetime_days": settings.API_TOKEN_LIFETIME_DAYS,
        },
    )


@require_POST
@login_required
def revoke_token(request, token_id):
    token = get_api_token_for_revoke(request.user, token_id)
    services.revoke_api_token(token=token, actor=request.user)
    messages.success(request, f"API token {token.prefix}… is revoked: it no longer works")
    return redirect("accounts:account")


@require_POST
@login_required
def sign_out_everywhere(request):
    services.sign_out_everywhere(user=request.user)
    logout(request)
    messages.success(request, "You are signed out everywhere, and your API tokens no longer work")
    return redirect("accounts:sign_in")


def _qr_svg(text: str) -> str:
    """The set-up address as a QR code, drawn on the server as SVG (no script); the page gives the
    secret as text beside it."""
    svg = segno.make(text, error="m").svg_inline(scale=4, dark="#0b0c0c", light="#ffffff", omitsize=False)
    labelled = svg.replace("<svg ", '<svg role="img" aria-labelledby="qr-code-label" focusable="false" ', 1)
    # segno's own markup of a URL built here: safe to mark so.
    return mark_safe(labelled)  # nosec B308 B703


@require_http_methods(["GET", "POST"])
@login_required
def two_factor_set_up(request):
    secret = request.session.get(SECRET_SESSION_KEY)
    if not secret:
        try:
            secret = services.new_authenticator_secret(user=request.user)
        except services.AccountRefusal as refusal:
            add_refusal_after_redirect(request, refusal)
            return redirect("accounts:account")
        request.session[SECRET_SESSION_KEY] = secret
    form = CodeForm(
        request.POST or None,
        label="Code from your app",
        hint="Your app shows a new 6-digit code every 30 seconds",
    )
    if request.method == "POST" and form.is_valid():
        try:
            device, codes = services.confirm_authenticator(
                user=request.user, secret=secret, code=form.cleaned_data["code"]
            )
        except services.AccountRefusal as refusal:
            add_refusal(form, refusal)
        else:
            otp_login(request, device)
            request.session.pop(SESSION_KEY, None)
            request.session.pop(SECRET_SESSION_KEY, None)
            request.session[RECOVERY_CODES_SESSION_KEY] = codes
            return redirect("accounts:recovery_codes")
    device = services.authenticator_for(user=request.user, secret=secret)
    return render(
        request,
        "accounts/two_factor_set_up.html",
        {"form": form, "secret": services.authenticator_secret(device), "qr_code": _qr_svg(device.config_url)},
    )


@require_GET
@login_required
def recovery_codes(request):
    """The recovery codes, shown once: the page after set-up shows them, a later visit does not."""
    codes = request.session.pop(RECOVERY_CODES_SESSION_KEY, None)
    return render(request, "accounts/recovery_codes.html", {"codes": codes})


@require_http_methods(["GET", "POST"])
@login_required
def second_factor(request):
    """Signing in, after the password: a code from the app or a recovery code."""
    if request.user.is_verified():
        return redirect("accounts:home_for_user")
    form = CodeForm(
        request.POST or None,
        label="Code from your authenticator app, or a recovery code",
        hint="The 6-digit code your app shows now. A recovery code works once.",
    )
    if request.method == "POST" and form.is_valid():
        try:
            device = services.verify_second_factor(user=request.user, code=form.cleaned_data["code"])
        except services.AccountRefusal as refusal:
            add_refusal(form, refusal)
        else:
            otp_login(request, device)
            request.session.pop(SESSION_KEY, None)
            if device.name == services.RECOVERY_CODES_NAME:
                left = services.recovery_codes_left(request.user)
                messages.info(request, f"You used a recovery code. You have {left} left.")
            return redirect("accounts:home_for_user")
    return render(request, "accounts/second_factor.html", {"form": form})


@require_http_methods(["GET", "POST"])
@login_required
def two_factor_turn_off(request):
    form = PasswordConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.turn_off_two_factor(user=request.user, password=form.cleaned_data["password"])
        except services.AccountRefusal as refusal:
            add_refusal(form, refusal)
        else:
            request.session.pop(SESSION_KEY, None)
            messages.success(request, "Two-factor sign-in is turned off")
            return redirect("accounts:account")
    return render(
        request,
        "accounts/two_factor_turn_off.html",
        {"form": form, "require_two_factor": settings.REQUIRE_TWO_FACTOR},
    )
