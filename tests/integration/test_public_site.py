"""The public site: a council's page with its published plans, the Atom feeds, the index of councils
written as a file, and email subscriptions (double opt-in, one-click unsubscribe, nothing on GET)."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.core import mail

from portal.models import Notice, Subscription
from tests.integration.pages import error_summary_text, h1, soup

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

SLUG = "productivity-plan-2024"
DORSET = "E06000059"
ATOM = "{http://www.w3.org/2005/Atom}"


def link_in(message, kind: str) -> str:
    match = re.search(rf"https?://\S+/subscriptions/{kind}/\S+/", message.body)
    assert match, f"no {kind} link in: {message.body}"
    return match.group(0).split("testserver", 1)[-1]


def test_a_council_page_shows_the_plan_its_endorsement_and_submission(client, walked_plan):
    page = soup(client.get(f"/councils/{DORSET}/"))
    card = page.select_one(".govuk-summary-card")
    text = card.get_text(" ", strip=True)
    assert "Endorsed by Cabinet on" in text
    assert "Sent to the department" in text
    assert walked_plan.publication.content_hash in text
    assert card.select_one("h3 a")["href"] == f"/councils/{DORSET}/plans/{SLUG}/"


def test_the_atom_feeds_list_publications_newest_first(client, walked_plan, dorset_clerk):
    from submissions.services import publish_version

    publish_version(version=walked_plan.submitted, actor=dorset_clerk, correction_note="Corrected a figure.")
    for url in ("/publications.atom", f"/councils/{DORSET}/publications.atom"):
        response = client.get(url)
        assert response["Content-Type"].startswith("application/atom+xml")
        feed = ET.fromstring(response.content)
        entries = feed.findall(f"{ATOM}entry")
        assert [e.find(f"{ATOM}title").text for e in entries] == [
            "Dorset: Productivity plan 2024 (correction)",
            "Dorset: Productivity plan 2024",
        ]
        assert (
            entries[1]
            .find(f"{ATOM}link")
            .get("href")
            .endswith(f"/published/{walked_plan.publication.content_hash}/plan.html")
        )
    assert client.get("/councils/E99999999/publications.atom").status_code == 404


def test_the_index_of_councils_is_written_at_publication_and_served_as_the_file(
    client, submitted_version, dorset_clerk, django_capture_on_commit_callbacks
):
    from django.core.files.storage import default_storage

    from submissions.services import publish_version

    assert "Not published" in client.get("/councils/?q=dorset").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        publish_version(version=submitted_version, actor=dorset_clerk)
    with default_storage.open("published/site/councils.html", "rb") as handle:
        written = handle.read()
    response = client.get("/councils/")
    assert response.content == written
    assert response["ETag"]
    # A search is rendered for the person asking, and shows Dorset as published.
    row = soup(client.get("/councils/?q=dorset")).find("a", string="Dorset").find_parent("tr")
    assert "Published" in row.get_text()


def test_subscribing_needs_the_emailed_link_and_unsubscribing_needs_one_press(
    client, walked_plan, dorset_clerk, django_capture_on_commit_callbacks
):
    from submissions.services import publish_version

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/councils/{DORSET}/subscribe/", {"email": "Resident@Example.com "})
    assert response.status_code == 302
    assert response["Location"] == f"/councils/{DORSET}/subscribe/check-your-email/"
    (confirmation,) = mail.outbox
    assert confirmation.to == ["resident@example.com"]
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None

    # Opening the link changes nothing; pressing Confirm does.
    confirm_url = link_in(confirmation, "confirm")
    page = client.get(confirm_url)
    assert page.status_code == 200 and soup(page).select_one("main form[method=post]")
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None
    assert "Subscription confirmed" in h1(client.post(confirm_url))
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None

    # A publication emails the confirmed subscriber once, with one-click unsubscribe headers.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        publish_version(version=walked_plan.submitted, actor=dorset_clerk, correction_note="A correction.")
    (notice,) = mail.outbox
    assert "Dorset has published" in notice.subject
    assert notice.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_url = notice.extra_headers["List-Unsubscribe"].strip("<>").split("testserver", 1)[-1]
    assert Notice.objects.count() == 1

    # GET of the unsubscribe link only shows a button; the RFC 8058 POST (no CSRF token) unsubscribes.
    page = client.get(unsubscribe_url)
    assert soup(page).select_one("main form[method=post] button").get_text(strip=True) == "Unsubscribe"
    assert Subscription.objects.count() == 1
    from django.test import Client

    mail_program = Client(enforce_csrf_checks=True)
    assert mail_program.post(unsubscribe_url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert not Subscription.objects.exists()  # the address is deleted, not kept
    assert client.post(unsubscribe_url).status_code == 200  # a second press is harmless


def test_an_unconfirmed_subscriber_is_not_emailed_about_a_publication(
    client, submitted_version, dorset_clerk, django_capture_on_commit_callbacks
):
    from submissions.services import publish_version

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/councils/{DORSET}/subscribe/", {"email": "pending@example.com"})
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        publish_version(version=submitted_version, actor=dorset_clerk)
    assert mail.outbox == []


def test_subscribing_twice_answers_the_same_and_keeps_one_subscription(client, django_capture_on_commit_callbacks):
    """Nobody can learn from the page whether an address is already subscribed."""
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(f"/councils/{DORSET}/subscribe/", {"email": "twice@example.com"})
        second = client.post(f"/councils/{DORSET}/subscribe/", {"email": "TWICE@example.com"})
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Subscription.objects.count() == 1
    assert len(mail.outbox) == 2


@pytest.mark.parametrize(
    "email, message",
    [
        ("", "Enter your email address"),
        ("not-an-address", "Enter an email address in the correct format"),
        ("a" * 250 + "@example.com", "Email address must be 254 characters or fewer"),
    ],
)
def test_a_bad_address_is_refused_and_nothing_is_stored_or_sent(client, email, message):
    response = client.post(f"/councils/{DORSET}/subscribe/", {"email": email})
    assert response.status_code == 400
    assert message in error_summary_text(response)
    assert not Subscription.objects.exists()
    assert mail.outbox == []


def test_forged_garbled_and_expired_links_change_nothing(client, monkeypatch, django_capture_on_commit_callbacks):
    import time

    from django.core import signing

    from portal.subscriptions import make_token

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/councils/{DORSET}/subscribe/", {"email": "someone@example.com"})
    subscription = Subscription.objects.get()
    good = make_token(subscription.pk, DORSET)
    forged = good[:-3] + ("AAA" if not good.endswith("AAA") else "BBB")
    for token in (forged, "not-a-token"):
        assert client.get(f"/subscriptions/confirm/{token}/").status_code == 404
        assert client.post(f"/subscriptions/confirm/{token}/").status_code == 404
        assert client.post(f"/subscriptions/unsubscribe/{token}/").status_code == 404
    # A genuine token naming another council matches no subscription.
    other = make_token(subscription.pk, "E06000066")
    assert client.post(f"/subscriptions/confirm/{other}/").status_code == 400
    client.post(f"/subscriptions/unsubscribe/{other}/")
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None

    # A confirmation link made eight days ago has expired; unsubscribing with it still works.
    real_time = time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() - 8 * 24 * 3600)
    old = make_token(subscription.pk, DORSET)
    monkeypatch.setattr(signing.time, "time", real_time)
    expired = client.post(f"/subscriptions/confirm/{old}/")
    assert expired.status_code == 400 and "This link has expired" in h1(expired)
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None
    assert client.post(f"/subscriptions/unsubscribe/{old}/").status_code == 200
    assert not Subscription.objects.exists()


def test_a_progress_update_reaches_confirmed_subscribers_only(client, dorset, somerset):
    from django.utils import timezone

    from portal.tasks import email_progress_update

    now = timezone.now()
    Subscription.objects.create(email="confirmed@example.com", council=dorset, created_at=now, confirmed_at=now)
    Subscription.objects.create(email="pending@example.com", council=dorset, created_at=now)
    Subscription.objects.create(email="elsewhere@example.com", council=somerset, created_at=now, confirmed_at=now)
    email_progress_update.enqueue(dorset.pk, "progress on your plan", "Two depots closed.", "http://testserver")
    (update,) = mail.outbox
    assert update.to == ["confirmed@example.com"]
    assert update.subject == "Dorset: progress on your plan"
    assert "Two depots closed." in update.body and "/subscriptions/unsubscribe/" in update.body
    assert update.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_the_index_of_councils_is_written_with_plain_static_names(settings):
    """The written index links /static/... by plain names, which every deployment serves, and can be written
    before collectstatic has made a manifest (as the demo does on a fresh checkout)."""
    from django.core.files.storage import default_storage

    from portal.site_files import COUNCIL_INDEX_NAME, write_council_index

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.STATIC_ROOT = settings.MEDIA_ROOT / "no-collectstatic-here"
    write_council_index()
    with default_storage.open(COUNCIL_INDEX_NAME, "rb") as handle:
        page = handle.read().decode()
    assert 'href="/static/govuk/govuk-frontend.min.css"' in page
    assert "317 councils" in page


def test_a_council_page_links_to_its_own_published_agendas(client, dorset):
    """From Dorset's page a resident reaches the agendas list filtered to Dorset, which answers."""
    link = soup(client.get(f"/councils/{DORSET}/")).find("a", string=re.compile("published meeting agendas"))
    assert link is not None and link["href"] == f"/meetings/agendas/?council={DORSET}"
    response = client.get(link["href"])
    assert response.status_code == 200
