"""Writes for accounts: API tokens, the second factor, ending sessions. Each writes its audit event."""

import secrets
from base64 import b32encode

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

from accounts.models import ApiToken, User, new_session_generation
from core.audit import record_event
from core.refusals import Refusal

AUTHENTICATOR_NAME = "Authenticator app"
RECOVERY_CODES_NAME = "Recovery codes"


class AccountRefusal(Refusal):
    """A step on a person's own account the rules do not allow."""


# API tokens


def issue_api_token(*, user: User, actor: User | None = None) -> str:
    """Create a token for `user` and return it in clear; it is never shown again. It ends after
    API_TOKEN_LIFETIME_DAYS, when its owner revokes it, and when their password changes."""
    raw = secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(user=user, token_hash=ApiToken.hash_token(raw), prefix=raw[:8])
        record_event(
            action="ApiTokenIssued",
            actor=actor,
            subject=token,
            data={"user": user.username, "expires_at": token.expires_at.isoformat()},
        )
    return raw


def user_for_api_token(raw: str) -> User | None:
    """The active user a bearer token belongs to, or None for an unknown, expired or revoked token."""
    if not raw:
        return None
    now = timezone.now()
    token = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=ApiToken.hash_token(raw), revoked_at__isnull=True, expires_at__gt=now, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def revoke_api_token(*, token: ApiToken, actor: User) -> ApiToken:
    """End one token. Its owner revokes it from "Your account"; revoking twice changes nothing."""
    if token.revoked_at is not None:
        return token
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record_event(action="ApiTokenRevoked", actor=actor, subject=token, data={"user": token.user.username})
    return token


def _revoke_all_tokens(user: User) -> int:
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())


def revoke_api_tokens_after_password_change(*, user: User) -> int:
    """Called by User.save when the password has changed: every token of theirs ends."""
    with transaction.atomic():
        revoked = _revoke_all_tokens(user)
        if revoked:
            record_event(action="ApiTokensRevokedByPasswordChange", actor=user, subject=user, data={"tokens": revoked})
    return revoked


def sign_out_everywhere(*, user: User) -> User:
    """End every session of `user`, on every device (the session check includes the generation
    changed here), and every API token of theirs."""
    with transaction.atomic():
        user.session_generation = new_session_generation()
        user.save(update_fields=["session_generation"])
        revoked = _revoke_all_tokens(user)
        record_event(action="SignedOutEverywhere", actor=user, subject=user, data={"tokens_revoked": revoked})
    return user


# The second factor


def has_second_factor(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def new_authenticator_secret(*, user: User) -> str:
    """A new secret (hex) for an authenticator app. Nothing is stored until the first code is
    confirmed; the page keeps it in the session meanwhile."""
    if has_second_factor(user):
        raise AccountRefusal("Two-factor sign-in is already set up. Turn it off first to set up a new app.")
    return default_key()


def authenticator_for(*, user: User, secret: str) -> TOTPDevice:
    """An unsaved device for `secret`: what the set-up page shows (its address, as a QR code)."""
    return TOTPDevice(user=user, name=AUTHENTICATOR_NAME, key=secret, confirmed=False)


def authenticator_secret(device: TOTPDevice) -> str:
    """The secret as a person types it into an authenticator app: base32, in groups of four."""
    text = b32encode(device.bin_key).decode()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def confirm_authenticator(*, user: User, secret: str, code: str) -> tuple[TOTPDevice, list[str]]:
    """Check the first code from the app; if right, turn two-factor sign-in on and return the
    recovery codes, shown once. A wrong code changes nothing."""
    if has_second_factor(user):
        raise AccountRefusal("Two-factor sign-in is already set up. Turn it off first to set up a new app.")
    device = authenticator_for(user=user, secret=secret)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    code = code.replace(" ", "")
    if not (code.isdigit() and totp.verify(int(code), device.tolerance)):
        raise AccountRefusal("The code is not right. Enter the 6-digit code your app shows now.", field="code")
    with transaction.atomic():
        device.confirmed = True
        device.last_t = totp.t()  # this code may not be used again to sign in
        device.save()
        codes = _new_recovery_codes(user)
        record_event(action="TwoFactorSetUp", actor=user, subject=user, data={"recovery_codes": len(codes)})
    return device, codes


def _new_recovery_codes(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name=RECOVERY_CODES_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(settings.RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=static, token=code) for code in codes])
    return codes


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def verify_second_factor(*, user: User, code: str):
    """The device that accepts `code` (a 6-digit code from the app, or a recovery code, which then
    ends), or a refusal. django-otp slows repeated wrong codes down: each failure doubles the wait."""
    code = code.strip().replace(" ", "").lower()
    device = None
    for candidate in [
        *TOTPDevice.objects.filter(user=user, confirmed=True),
        *StaticDevice.objects.filter(user=user, confirmed=True),
    ]:
        allowed, _ = candidate.verify_is_allowed()
        if allowed and candidate.verify_token(code):
            device = candidate
            break
    if device is None:
        record_event(action="SecondFactorRefused", actor=user, subject=user, data={})
        raise AccountRefusal(
            "The code is not right. Enter the 6-digit code from your app, or one of your recovery codes. "
            "After several wrong codes you must wait a little before trying again.",
            field="code",
        )
    used_recovery_code = isinstance(device, StaticDevice)
    record_event(
        action="RecoveryCodeUsed" if used_recovery_code else "SecondFactorPassed",
        actor=user,
        subject=user,
        data={"recovery_codes_left": recovery_codes_left(user)} if used_recovery_code else {},
    )
    return device


def turn_off_two_factor(*, user: User, password: str) -> User:
    """Remove the authenticator and the recovery codes, after checking the password."""
    if not user.check_password(password):
        raise AccountRefusal("Enter your current password correctly", field="password")
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        record_event(action="TwoFactorTurnedOff", actor=user, subject=user, data={})
    return user


# The admin


def save_user_from_admin(*, user: User, changed: list[str], created: bool, actor: User) -> User:
    """Save a person as the admin changed them, with an audit event naming the fields (never values:
    a password's hash stays out of the log)."""
    with transaction.atomic():
        user.save()
        record_event(
            action="UserAddedInAdmin" if created else "UserChangedInAdmin",
            actor=actor,
            subject=user,
            data={"user": user.username, "fields": sorted(changed)},
        )
    return user
