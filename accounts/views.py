from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from accounts.forms import SignInForm


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    """POST only (Django's LogoutView refuses GET), so a link cannot sign someone out."""


@require_GET
@login_required
def home_for_user(request):
    """Where a person lands after signing in: the work waiting for them."""
    return redirect("worklist:waiting")


@require_GET
@login_required
def account(request):
    memberships = request.user.memberships.select_related("council").order_by("role")
    return render(request, "accounts/account.html", {"memberships": memberships})
