"""The admin cannot go round the service's rules, and a deployment cannot run on the repository's key.

What was tried in the admin, what was refused, and that nothing changed; the headers every page
carries; the refusal to start."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import Client

from accounts.models import ApiToken, User
from accounts.services import issue_api_token
from config.startup import refuse_unsafe_settings
from core.models import AuditEvent
from councils.models import Membership
from plans.models import Return
from tests.integration.pages import error_summary_text, soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(make_person):
    person = make_person("support-administrator", department_role="administrator")
    person.is_staff = person.is_superuser = True
    person.save()
    client = Client()
    client.force_login(person)
    return client


def admin_errors(response) -> str:
    page = soup(response)
    return " ".join(node.get_text(" ", strip=True) for node in page.select(".errornote, .errorlist"))


def test_the_admin_refuses_a_council_role_for_department_staff_and_changes_nothing(admin_client, analyst, dorset):
    before = (Membership.objects.count(), AuditEvent.objects.count())
    response = admin_client.post(
        "/admin/councils/membership/add/", {"user": analyst.pk, "council": dorset.pk, "role": "plan_author"}
    )
    assert response.status_code == 200  # the form again, not a redirect to the list
    assert "Department staff cannot also hold a council role" in admin_errors(response)
    assert not Membership.objects.filter(user=analyst).exists()
    assert (Membership.objects.count(), AuditEvent.objects.count()) == before


def test_the_admin_refuses_a_second_council_and_grants_a_role_through_the_service(
    admin_client, dorset_author, somerset, dorset
):
    response = admin_client.post(
        "/admin/councils/membership/add/", {"user": dorset_author.pk, "council": somerset.pk, "role": "lead_member"}
    )
    assert "already works for Dorset" in admin_errors(response)
    assert not Membership.objects.filter(council=somerset).exists()

    response = admin_client.post(
        "/admin/councils/membership/add/", {"user": dorset_author.pk, "council": dorset.pk, "role": "lead_member"}
    )
    assert response.status_code == 302
    assert Membership.objects.filter(user=dorset_author, council=dorset, role="lead_member").exists()
    event = AuditEvent.objects.order_by("-id").first()
    assert event.action == "CouncilRoleGranted" and event.actor.username == "support-administrator"


def test_the_admin_refuses_a_department_role_for_council_people(admin_client, dorset_author):
    url = f"/admin/accounts/user/{dorset_author.pk}/change/"
    page = soup(admin_client.get(url))
    data = {
        field["name"]: field.get("value", "")
        for field in page.select("form#user_form input")
        if field.get("name") and field.get("type") not in ("checkbox", "submit")
    }
    data.update(
        {"is_active": "on", "department_role": "analyst", "date_joined_0": "2026-01-01", "date_joined_1": "09:00"}
    )
    before = AuditEvent.objects.count()
    response = admin_client.post(url, data)
    assert "cannot also have a department role" in admin_errors(response)
    dorset_author.refresh_from_db()
    assert dorset_author.department_role == ""
    assert AuditEvent.objects.count() == before

    # A change that keeps to the rules is saved and audited, naming the fields.
    data.update({"department_role": "", "job_title": "Head of policy"})
    assert admin_client.post(url, data).status_code == 302
    dorset_author.refresh_from_db()
    assert dorset_author.job_title == "Head of policy"
    event = AuditEvent.objects.order_by("-id").first()
    assert event.action == "UserChangedInAdmin" and "job_title" in event.data["fields"]


@pytest.mark.parametrize(
    "url",
    [
        "/admin/plans/return/add/",
        "/admin/councils/council/add/",
        "/admin/accounts/apitoken/add/",
        "/admin/core/auditevent/add/",
        "/admin/plans/planversion/add/",
        "/admin/submissions/submission/add/",
    ],
)
def test_the_domain_records_cannot_be_added_in_the_admin(admin_client, url):
    assert admin_client.post(url, {}).status_code == 403


def test_returns_councils_and_tokens_cannot_be_changed_in_the_admin(admin_client, plan_return, dorset, analyst):
    issue_api_token(user=analyst)
    token = ApiToken.objects.get()
    for url, data in [
        (f"/admin/plans/return/{plan_return.pk}/change/", {"title": "Renamed", "page_limit": 1}),
        (f"/admin/councils/council/{dorset.pk}/change/", {"name": "Renamed"}),
        (f"/admin/accounts/apitoken/{token.pk}/change/", {"revoked_at_0": "2026-01-01"}),
        (
            f"/admin/councils/membership/{Membership.objects.first().pk}/change/"
            if Membership.objects.exists()
            else None,
            {},
        ),
    ]:
        if url is None:
            continue
        response = admin_client.post(url, data)
        assert response.status_code in (302, 403) and "Renamed" not in response.content.decode()
    assert Return.objects.get(pk=plan_return.pk).title != "Renamed"
    dorset.refresh_from_db()
    assert dorset.name == "Dorset"
    token.refresh_from_db()
    assert token.revoked_at is None


def test_the_admin_never_shows_an_authenticators_secret(admin_client, dorset_author):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=dorset_author, name="Authenticator app", confirmed=True)
    assert admin_client.get(f"/admin/otp_totp/totpdevice/{device.pk}/config/").status_code == 403
    assert admin_client.get(f"/admin/otp_totp/totpdevice/{device.pk}/qrcode/").status_code == 403
    page = admin_client.get(f"/admin/otp_totp/totpdevice/{device.pk}/change/").content.decode()
    assert device.key not in page


# Production settings


def test_the_service_refuses_to_start_on_the_repositorys_key_with_debug_off(settings):
    settings.DEBUG = False
    settings.SECRET_KEY = settings.REPOSITORY_SECRET_KEY
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY is the key published in the repository"):
        refuse_unsafe_settings()
    with pytest.raises(SystemCheckError, match="security.E100"):
        call_command("check", "--deploy", "--fail-level", "ERROR")

    settings.SECRET_KEY = "a-key-of-this-deployment-" + "x7Qp" * 10
    refuse_unsafe_settings()  # no error
    settings.DEBUG = True
    settings.SECRET_KEY = settings.REPOSITORY_SECRET_KEY
    refuse_unsafe_settings()  # the demo on a laptop


def test_every_page_carries_a_strict_content_security_policy(client, dorset_author):
    for response in (client.get("/"), client.get("/sign-in/")):
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "style-src 'self'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
        page = soup(response)
        assert all(script.get("src") for script in page.select("script"))
        assert page.select("[style]") == []


def test_https_settings_come_from_the_environment(monkeypatch):
    import importlib

    import config.settings as settings_module

    for name, value in {
        "SECRET_KEY": "k" * 60,
        "SECURE_SSL_REDIRECT": "true",
        "SECURE_HSTS_SECONDS": "31536000",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": "true",
        "SECURE_COOKIES": "true",
        "SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO,https",
    }.items():
        monkeypatch.setenv(name, value)
    try:
        fresh = importlib.reload(settings_module)
        assert fresh.SECURE_SSL_REDIRECT and fresh.SESSION_COOKIE_SECURE and fresh.CSRF_COOKIE_SECURE
        assert fresh.SECURE_HSTS_SECONDS == 31536000 and fresh.SECURE_HSTS_INCLUDE_SUBDOMAINS
        assert fresh.SECURE_PROXY_SSL_HEADER == ("HTTP_X_FORWARDED_PROTO", "https")
        assert fresh.REQUIRE_TWO_FACTOR  # DEBUG is off
    finally:
        monkeypatch.undo()
        importlib.reload(settings_module)


def test_a_refused_admin_sign_in_is_counted_like_any_other(client, analyst):
    for _ in range(5):
        client.post("/admin/login/", {"username": analyst.username, "password": "guess"})
    response = client.post("/sign-in/", {"username": analyst.username, "password": "correct-horse-battery"})
    assert response.status_code == 429
    assert User.objects.get(pk=analyst.pk).last_login is None
    assert error_summary_text(response) == ""  # the paused page, not the form
