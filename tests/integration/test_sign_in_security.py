"""Signing in fit for statutory officers: a second factor, guessing refused, tokens that end, sign out
everywhere. Each test says what was tried, what was refused, and that nothing else changed."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import ApiToken
from accounts.services import issue_api_token
from core.models import AuditEvent
from tests.integration.pages import error_summary_text, h1, is_sign_in_redirect, soup

PASSWORD = "correct-horse-battery"

pytestmark = pytest.mark.django_db


def actions_since(event_id) -> list[str]:
    return list(AuditEvent.objects.filter(id__gt=event_id or 0).order_by("id").values_list("action", flat=True))


def last_event_id():
    return AuditEvent.objects.order_by("-id").values_list("id", flat=True).first()


def sign_in(client, username, password=PASSWORD, **extra):
    return client.post(reverse("accounts:sign_in"), {"username": username, "password": password}, **extra)


def code_now(secret_hex: str, *, step_ahead: int = 0) -> str:
    """The app's code now (or the next one: a code used once, at set-up, is never accepted again)."""
    return f"{totp(bytes.fromhex(secret_hex), drift=step_ahead):06d}"


def set_up_two_factor(client) -> tuple[str, list[str]]:
    """Through the pages: the secret from the session, the code it gives now, the recovery codes shown."""
    client.get(reverse("accounts:two_factor_set_up"))
    secret = client.session["accounts_authenticator_secret"]
    response = client.post(reverse("accounts:two_factor_set_up"), {"code": code_now(secret)}, follow=True)
    codes = [node.get_text() for node in soup(response).select(".app-recovery-codes code")]
    return secret, codes


# Two-factor sign-in


def test_setting_up_an_authenticator_shows_the_secret_and_a_qr_code_and_refuses_a_wrong_code(client, dorset_author):
    client.force_login(dorset_author)
    response = client.get(reverse("accounts:two_factor_set_up"))
    page = soup(response)
    assert h1(response) == "Set up an authenticator app"
    svg = page.select_one(".app-qr-code svg")
    assert svg is not None and svg["role"] == "img" and svg["aria-labelledby"] == "qr-code-label"
    assert page.select_one("#qr-code-label").get_text(strip=True).startswith("QR code for setting up")
    secret_text = page.select_one("#authenticator-secret").get_text()
    assert len(secret_text.replace(" ", "")) == 32  # 20 bytes in base32
    assert TOTPDevice.objects.count() == 0  # nothing is stored until a code confirms it

    before = last_event_id()
    response = client.post(reverse("accounts:two_factor_set_up"), {"code": "000000"})
    assert "The code is not right" in error_summary_text(response)
    assert TOTPDevice.objects.count() == 0 and StaticToken.objects.count() == 0
    assert actions_since(before) == []
    # The same secret is offered again, so the app's set-up still works.
    assert soup(response).select_one("#authenticator-secret").get_text() == secret_text


def test_the_right_code_turns_it_on_and_the_recovery_codes_are_shown_once(client, dorset_author):
    client.force_login(dorset_author)
    before = last_event_id()
    _, codes = set_up_two_factor(client)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert TOTPDevice.objects.get(user=dorset_author).confirmed
    assert actions_since(before) == ["TwoFactorSetUp"]
    again = client.get(reverse("accounts:recovery_codes"))
    assert soup(again).select(".app-recovery-codes code") == []
    assert "shown once" in again.content.decode()
    # Set up already: a second set-up is refused until it is turned off.
    response = client.get(reverse("accounts:two_factor_set_up"), follow=True)
    assert h1(response) == "Your account"
    assert "already set up" in error_summary_text(response)


def test_signing_in_asks_for_the_code_and_a_recovery_code_works_once(client, dorset_author):
    client.force_login(dorset_author)
    secret, codes = set_up_two_factor(client)
    client.logout()

    response = sign_in(client, dorset_author.username)
    assert response["Location"].endswith(reverse("accounts:home_for_user"))
    # The password alone reaches no page: every one sends them to the code.
    for url in (reverse("worklist:waiting"), reverse("accounts:account")):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == reverse("accounts:second_factor")

    before = last_event_id()
    response = client.post(reverse("accounts:second_factor"), {"code": "123456"})
    assert "The code is not right" in error_summary_text(response)
    assert actions_since(before) == ["SecondFactorRefused"]
    assert client.get(reverse("worklist:waiting")).status_code == 302

    # Wrong codes slow the next ones down (django-otp's throttle); the test does not wait it out.
    TOTPDevice.objects.filter(user=dorset_author).update(throttling_failure_count=0)
    StaticDevice.objects.filter(user=dorset_author).update(throttling_failure_count=0)
    response = client.post(reverse("accounts:second_factor"), {"code": code_now(secret, step_ahead=1)})
    assert response.status_code == 302
    assert client.get(reverse("worklist:waiting")).status_code == 200

    # Next time, with a recovery code instead: it works once.
    client.logout()
    sign_in(client, dorset_author.username)
    before = last_event_id()
    response = client.post(reverse("accounts:second_factor"), {"code": codes[0]}, follow=True)
    assert h1(response) == "Waiting for you"
    assert "You have 9 left" in response.content.decode()
    assert actions_since(before) == ["RecoveryCodeUsed"]
    client.logout()
    sign_in(client, dorset_author.username)
    response = client.post(reverse("accounts:second_factor"), {"code": codes[0]})
    assert "The code is not right" in error_summary_text(response)
    assert client.get(reverse("worklist:waiting")).status_code == 302
    assert StaticToken.objects.filter(device__user=dorset_author).count() == 9


def test_required_two_factor_sends_everyone_without_it_to_set_it_up(client, settings, dorset_author):
    settings.REQUIRE_TWO_FACTOR = True
    sign_in(client, dorset_author.username)
    response = client.get(reverse("worklist:waiting"))
    assert response["Location"] == reverse("accounts:two_factor_set_up")
    assert "You must set up two-factor sign-in" in client.get(reverse("accounts:two_factor_set_up")).content.decode()
    set_up_two_factor(client)
    assert client.get(reverse("worklist:waiting")).status_code == 200
    # Public pages are never held up.
    client.logout()
    assert client.get(reverse("portal:home")).status_code == 200


def test_turning_it_off_needs_the_password(client, dorset_author):
    client.force_login(dorset_author)
    set_up_two_factor(client)
    before = last_event_id()
    response = client.post(reverse("accounts:two_factor_turn_off"), {"password": "not-it"})
    assert "Enter your current password correctly" in error_summary_text(response)
    assert TOTPDevice.objects.filter(user=dorset_author).exists()
    assert actions_since(before) == []
    response = client.post(reverse("accounts:two_factor_turn_off"), {"password": PASSWORD}, follow=True)
    assert "Two-factor sign-in is turned off" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=dorset_author).exists()
    assert not StaticToken.objects.filter(device__user=dorset_author).exists()
    assert actions_since(before) == ["TwoFactorTurnedOff"]


# Guessing passwords


def test_five_wrong_passwords_lock_the_account_and_the_right_one_is_then_refused(client, dorset_author, analyst):
    for _ in range(5):
        response = sign_in(client, dorset_author.username, "guess")
    assert response.status_code == 429
    response = sign_in(client, dorset_author.username)
    assert response.status_code == 429
    assert h1(response) == "Sign-in is paused"
    assert "Wait 15 minutes" in response.content.decode()
    assert not client.get(reverse("worklist:waiting")).status_code == 200
    assert "_auth_user_id" not in client.session
    # Another account from the same address still signs in: the address has not reached its limit.
    assert sign_in(client, analyst.username).status_code == 302


def test_twenty_failures_from_one_address_lock_the_address(client, make_person):
    people = [make_person(f"person-{n}") for n in range(6)]
    for n in range(20):
        sign_in(client, people[n % 5].username, "guess")  # four per account: no account is locked
    response = sign_in(client, people[5].username)
    assert response.status_code == 429
    # From another address, the same person signs in.
    assert sign_in(Client(), people[5].username, REMOTE_ADDR="10.0.0.9").status_code == 302


def test_public_pages_do_not_touch_the_lockout_or_two_factor_tables(client, dorset_author):
    for _ in range(5):
        sign_in(client, dorset_author.username, "guess")
    with CaptureQueriesContext(connection) as queries:
        assert Client().get(reverse("portal:home")).status_code == 200
    touched = [q["sql"] for q in queries.captured_queries if "axes_" in q["sql"] or "otp_" in q["sql"]]
    assert touched == []


# API tokens


def test_tokens_expire_are_listed_and_only_their_owner_can_revoke_them(client, dorset_author, analyst):
    raw = issue_api_token(user=analyst)
    token = ApiToken.objects.get(user=analyst)
    assert timedelta(days=89) < token.expires_at - timezone.now() <= timedelta(days=90)
    api = Client()
    assert api.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200

    client.force_login(analyst)
    page = soup(client.get(reverse("accounts:account")))
    row = page.select_one("table.govuk-table tbody tr").get_text(" ", strip=True)
    assert token.prefix in row and "Expires" in row

    # A token that does not exist is 404 like another person's.
    assert client.post(reverse("accounts:revoke_token", args=[token.pk + 1000])).status_code == 404

    # Another person cannot revoke it: 404, and it still works.
    other = Client()
    other.force_login(dorset_author)
    before = last_event_id()
    assert other.post(reverse("accounts:revoke_token", args=[token.pk])).status_code == 404
    assert api.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
    assert actions_since(before) == []

    response = client.post(reverse("accounts:revoke_token", args=[token.pk]), follow=True)
    assert "no longer works" in response.content.decode()
    assert api.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401
    assert actions_since(before) == ["ApiTokenRevoked"]

    # An expired token is refused too.
    raw = issue_api_token(user=analyst)
    ApiToken.objects.filter(revoked_at__isnull=True).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert api.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def test_a_password_change_ends_every_token(analyst):
    raw = issue_api_token(user=analyst)
    analyst.set_password("a-new-long-password-2026")
    analyst.save()
    assert Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401
    assert AuditEvent.objects.filter(action="ApiTokensRevokedByPasswordChange").count() == 1


def test_wrong_tokens_from_one_address_are_refused_after_twenty(analyst):
    raw = issue_api_token(user=analyst)
    api = Client()
    for n in range(19):
        assert api.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer wrong-{n}").status_code == 401
    assert api.get("/api/v1/me", HTTP_AUTHORIZATION="Bearer wrong-20").status_code == 429  # the 20th
    response = api.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}")  # now even the right one
    assert response.status_code == 429
    assert "Too many requests with a wrong API token" in response.json()["detail"]
    assert Client(REMOTE_ADDR="10.0.0.7").get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200


def test_sign_out_everywhere_ends_every_session_and_token(analyst):
    raw = issue_api_token(user=analyst)
    laptop, phone = Client(), Client()
    assert sign_in(laptop, analyst.username).status_code == 302
    assert sign_in(phone, analyst.username).status_code == 302
    assert phone.get(reverse("worklist:waiting")).status_code == 200

    response = laptop.post(reverse("accounts:sign_out_everywhere"), follow=True)
    assert "You are signed out everywhere, and your API tokens no longer work" in response.content.decode()
    assert is_sign_in_redirect(phone.get(reverse("worklist:waiting")))
    assert is_sign_in_redirect(laptop.get(reverse("worklist:waiting")))
    assert Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401
    assert AuditEvent.objects.filter(action="SignedOutEverywhere").count() == 1
    # Signing in again works.
    assert sign_in(phone, analyst.username).status_code == 302
    assert phone.get(reverse("worklist:waiting")).status_code == 200


def test_the_account_services_refuse_and_repeat_safely(client, dorset_author):
    from accounts import services

    client.force_login(dorset_author)
    secret, _ = set_up_two_factor(client)
    # A second authenticator cannot be confirmed over the first, even with a right code.
    with pytest.raises(services.AccountRefusal, match="already set up"):
        services.confirm_authenticator(user=dorset_author, secret=secret, code=code_now(secret, step_ahead=1))
    assert TOTPDevice.objects.filter(user=dorset_author).count() == 1

    # Revoking a revoked token changes nothing; a password change with no token left writes no event.
    issue_api_token(user=dorset_author)
    token = ApiToken.objects.get(user=dorset_author)
    services.revoke_api_token(token=token, actor=dorset_author)
    revoked_at = ApiToken.objects.get(pk=token.pk).revoked_at
    before = last_event_id()
    services.revoke_api_token(token=token, actor=dorset_author)
    dorset_author.set_password("another-long-password-2026")
    dorset_author.save()
    assert ApiToken.objects.get(pk=token.pk).revoked_at == revoked_at
    assert actions_since(before) == []
