"""Two-factor sign-in in the browser: a plan author sets up an authenticator app (the code worked out
here with django-otp's own TOTP function from the secret the page shows), signs out, signs in with a
code, then with a recovery code, which is refused the second time, and revokes an API token. axe runs
on every page, and the Content-Security-Policy blocks nothing (a blocked script or style is a console
error, which fails the test)."""

from base64 import b32decode

from django_otp.oath import totp
from playwright.sync_api import expect

from accounts.services import issue_api_token
from tests.browser.helpers import PASSWORD, follow, open_from_menu


def code_for(secret_text: str, *, step_ahead: int) -> str:
    """The app's code for the secret shown on the page; a step ahead, as the set-up code may not be reused."""
    key = b32decode(secret_text.replace(" ", ""))
    return f"{totp(key, drift=step_ahead):06d}"


def sign_in_with_password(page, check_page, username: str, name: str) -> None:
    page.goto("/sign-in/")
    check_page(page, f"sign-in-{name}")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    follow(page.get_by_role("button", name="Sign in"))


def sign_out(page, check_page, name: str) -> None:
    follow(page.get_by_role("button", name="Sign out", exact=True))
    check_page(page, f"signed-out-{name}")


def enter_code(page, code: str) -> None:
    page.get_by_label("Code from your authenticator app, or a recovery code").fill(code)
    follow(page.get_by_role("button", name="Continue"))


def test_set_up_an_authenticator_sign_in_with_codes_and_revoke_a_token(page, check_page, dorset_author, settings):
    # Wrong codes normally slow the next try by a second or more; the test does not wait.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0
    issue_api_token(user=dorset_author)

    sign_in_with_password(page, check_page, dorset_author.username, "first")
    expect(page.get_by_role("heading", level=1)).to_have_text("Waiting for you")
    check_page(page, "waiting-for-you-two-factor-off")
    open_from_menu(page, "Your account")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    check_page(page, "account-two-factor-off")

    follow(page.get_by_role("link", name="Set up an authenticator app"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up an authenticator app")
    expect(page.get_by_role("img", name="QR code for setting up an authenticator app")).to_be_visible()
    check_page(page, "two-factor-set-up")
    secret = page.locator("#authenticator-secret").inner_text()

    page.get_by_label("Code from your app").fill("000000")
    follow(page.get_by_role("button", name="Turn on two-factor sign-in"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("The code is not right")
    check_page(page, "two-factor-set-up-wrong-code")
    expect(page.locator("#authenticator-secret")).to_have_text(secret)  # the same secret: the app still works

    page.get_by_label("Code from your app").fill(code_for(secret, step_ahead=0))
    follow(page.get_by_role("button", name="Turn on two-factor sign-in"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Two-factor sign-in is on")
    codes = page.locator(".app-recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    check_page(page, "two-factor-recovery-codes")

    # Signing in now asks for a code after the password.
    sign_out(page, check_page, "after-set-up")
    sign_in_with_password(page, check_page, dorset_author.username, "code")
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your code")
    check_page(page, "sign-in-code")
    enter_code(page, code_for(secret, step_ahead=1))
    expect(page.get_by_role("heading", level=1)).to_have_text("Waiting for you")
    check_page(page, "waiting-for-you-after-code")

    # A recovery code works once.
    sign_out(page, check_page, "after-code")
    sign_in_with_password(page, check_page, dorset_author.username, "recovery-code")
    check_page(page, "sign-in-code-before-recovery-code")
    enter_code(page, codes[0])
    expect(page.get_by_role("heading", level=1)).to_have_text("Waiting for you")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("You have 9 left")
    check_page(page, "waiting-for-you-after-recovery-code")
    sign_out(page, check_page, "after-recovery-code")
    sign_in_with_password(page, check_page, dorset_author.username, "used-recovery-code")
    check_page(page, "sign-in-code-before-used-recovery-code")
    enter_code(page, codes[0])
    expect(page.locator(".govuk-error-summary")).to_contain_text("The code is not right")
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your code")
    check_page(page, "sign-in-code-used-recovery-code")
    enter_code(page, codes[1])
    expect(page.get_by_role("heading", level=1)).to_have_text("Waiting for you")
    check_page(page, "waiting-for-you-after-second-recovery-code")

    # The API token is listed with its expiry, and revoked.
    open_from_menu(page, "Your account")
    tokens = page.get_by_role("table")
    expect(tokens).to_contain_text("Expires")
    expect(page.get_by_text("You have 8 recovery codes left.")).to_be_visible()
    check_page(page, "account-two-factor-on")
    follow(tokens.get_by_role("button", name="Revoke"))
    expect(page.locator(".govuk-notification-banner")).to_contain_text("is revoked: it no longer works")
    expect(tokens).to_contain_text("Revoked")
    expect(tokens.get_by_role("button", name="Revoke")).to_have_count(0)
    check_page(page, "account-token-revoked")
