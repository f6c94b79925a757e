"""Publishing writes an HTML page, a tagged PDF and a JSON document once, named by content hash; the
public site serves those files (not templates), checks them against their recorded hashes, and keeps
earlier publications available when a correction is published."""

import hashlib
import json
import os

import pypdfium2
import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command

from plans.rendering import render_version
from submissions.models import Publication
from tests.integration.pages import error_summary_text, soup
from tests.integration.state import describe_change, snapshot

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

SLUG = "productivity-plan-2024"
DORSET = "E06000059"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def body(response) -> bytes:
    """A response's bytes (files are served from memory as ordinary responses, never streamed)."""
    assert not response.streaming
    return response.content


def stored(name: str) -> bytes:
    with default_storage.open(name, "rb") as handle:
        return handle.read()


@pytest.fixture
def published(client, submitted_version, dorset_clerk):
    client.force_login(dorset_clerk)
    response = client.post(f"/your-plans/versions/{submitted_version.pk}/publish/")
    assert response.status_code == 302
    client.logout()
    return Publication.objects.get(version=submitted_version)


def test_publishing_writes_three_files_named_by_the_content_hash(published, submitted_version):
    digest = submitted_version.content_hash
    assert published.html_name == f"published/{digest}/plan.html"
    assert published.pdf_name == f"published/{digest}/plan.pdf"
    assert published.json_name == f"published/{digest}/plan.json"
    for kind, name in (("html", published.html_name), ("pdf", published.pdf_name), ("json", published.json_name)):
        assert published.file_hashes[kind] == sha(stored(name)), f"{kind} hash recorded wrongly"
    pdf = stored(published.pdf_name)
    assert pdf.startswith(b"%PDF-")
    assert len(pypdfium2.PdfDocument(pdf)) >= 1
    # The published PDF is the version's own render, made from the same plan partial as the page.
    assert pdf == render_version(submitted_version).pdf
    document = json.loads(stored(published.json_name))
    assert document["content_hash"] == digest
    assert document["content"] == submitted_version.content
    assert document["licence"]["name"] == "Open Government Licence v3.0"
    assert document["files"]["pdf"]["sha256"] == published.file_hashes["pdf"]
    assert document["audit_head"]["event_hash"] == published.audit_head != ""
    html = stored(published.html_name).decode()
    assert digest in html and "csrfmiddlewaretoken" not in html


def test_the_public_page_is_the_written_file_served_with_its_hash_as_etag(client, published, submitted_version):
    written = stored(published.html_name)
    for url in (f"/councils/{DORSET}/plans/{SLUG}/", f"/published/{submitted_version.content_hash}/plan.html"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert body(response) == written, f"{url} is not the written file"
        assert response["ETag"] == f'"{published.file_hashes["html"]}"'
        again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 304
    immutable = client.get(f"/published/{submitted_version.content_hash}/plan.pdf")
    assert immutable["Content-Type"] == "application/pdf"
    assert "immutable" in immutable["Cache-Control"]
    assert body(immutable) == stored(published.pdf_name)


def check_byte_ranges(client, url: str, whole: bytes, etag: str) -> None:
    """What a PDF viewer or a resumed download asks for, and what it gets."""
    first = client.get(url, HTTP_RANGE="bytes=0-99")
    assert first.status_code == 206
    assert first.content == whole[:100]
    assert first["Content-Range"] == f"bytes 0-99/{len(whole)}"
    assert first["Content-Length"] == "100" and first["ETag"] == etag
    rest = client.get(url, HTTP_RANGE="bytes=100-", HTTP_IF_RANGE=etag)
    assert rest.status_code == 206 and first.content + rest.content == whole, "the two parts make the file"
    tail = client.get(url, HTTP_RANGE="bytes=-10")
    assert tail.status_code == 206 and tail.content == whole[-10:]
    past = client.get(url, HTTP_RANGE=f"bytes={len(whole)}-")
    assert past.status_code == 416 and past["Content-Range"] == f"bytes */{len(whole)}" and past.content == b""
    # Another file's ETag, several ranges or a malformed header: the whole file, never a mixed one.
    for headers in (
        {"HTTP_RANGE": "bytes=100-", "HTTP_IF_RANGE": '"' + "0" * 64 + '"'},
        {"HTTP_RANGE": "bytes=0-9,20-29"},
        {"HTTP_RANGE": "bytes=nine-ten"},
    ):
        response = client.get(url, **headers)
        assert response.status_code == 200 and response.content == whole, headers
        assert response["Accept-Ranges"] == "bytes"


def test_a_published_pdf_is_served_in_byte_ranges(client, published, submitted_version):
    pdf = stored(published.pdf_name)
    url = f"/published/{submitted_version.content_hash}/plan.pdf"
    check_byte_ranges(client, url, pdf, f'"{published.file_hashes["pdf"]}"')
    head = client.head(url, HTTP_RANGE="bytes=0-99")
    assert head.status_code == 206 and head["Content-Length"] == "100" and head.content == b""


def test_a_page_served_from_the_file_renders_no_template(client, published, submitted_version):
    from django.test.signals import template_rendered

    rendered = []
    template_rendered.connect(
        lambda sender, template, **kw: rendered.append(template.name), weak=False, dispatch_uid="t"
    )
    try:
        assert body(client.get(f"/councils/{DORSET}/plans/{SLUG}/")) == stored(published.html_name)
        assert body(client.get(f"/published/{submitted_version.content_hash}/plan.json")) == stored(published.json_name)
    finally:
        template_rendered.disconnect(dispatch_uid="t")
    assert rendered == []


def test_a_tampered_file_is_refused_when_served_and_named_by_verify(client, published, submitted_version, capsys):
    call_command("verify_publications")  # all good first
    path = default_storage.path(published.pdf_name)
    with open(path, "ab") as handle:
        handle.write(b"% tampered")
    response = client.get(f"/published/{submitted_version.content_hash}/plan.pdf")
    assert response.status_code == 503
    assert b"does not match" in response.content
    with pytest.raises(SystemExit) as exited:
        call_command("verify_publications")
    assert exited.value.code == 1
    assert published.pdf_name in capsys.readouterr().err


def test_a_file_changed_with_its_recorded_hash_is_refused_by_its_audit_entry(
    client, published, submitted_version, capsys
):
    """Someone who can write the store and the database changes the PDF and the hash on the publication's row
    together: the row agrees with the file, but the audit entry (covered by the signed heads) still holds
    the original hash, so the file is not served and `verify_publications` names it."""
    from django.db import connection

    original = published.file_hashes["pdf"]
    path = default_storage.path(published.pdf_name)
    with open(path, "ab") as handle:
        handle.write(b"% tampered")
    forged = {**published.file_hashes, "pdf": sha(stored(published.pdf_name))}
    with connection.cursor() as cursor:
        table = connection.ops.quote_name(Publication._meta.db_table)
        cursor.execute(f"UPDATE {table} SET file_hashes = %s WHERE id = %s", [json.dumps(forged), published.pk])
    response = client.get(f"/published/{submitted_version.content_hash}/plan.pdf")
    assert response.status_code == 503
    with pytest.raises(SystemExit) as exited:
        call_command("verify_publications")
    assert exited.value.code == 1
    err = capsys.readouterr().err
    assert f"{published.pdf_name}: the hash recorded for it ({forged['pdf'][:12]}) is not the one its audit" in err
    assert original[:12] in err


def test_a_tampered_latest_copy_falls_back_to_the_checked_file(client, published):
    path = default_storage.path(f"published/councils/{DORSET}/{SLUG}/index.html")
    with open(path, "wb") as handle:
        handle.write(b"<h1>Defaced</h1>")
    response = client.get(f"/councils/{DORSET}/plans/{SLUG}/")
    assert response.status_code == 200
    assert body(response) == stored(published.html_name)


def test_a_file_nobody_published_is_not_served(client, published):
    bogus = "0" * 64
    default_storage.save(f"published/{bogus}/plan.html", __import__("io").BytesIO(b"<p>planted</p>"))
    assert client.get(f"/published/{bogus}/plan.html").status_code == 404


def test_publishing_a_correction_keeps_the_earlier_one(client, walked_plan, dorset_clerk):
    first = walked_plan.publication
    client.force_login(dorset_clerk)
    url = f"/your-plans/versions/{walked_plan.submitted.pk}/publish/"
    page = client.get(url)
    assert "Publish a correction" in soup(page).h1.get_text()
    before = snapshot()
    refused = client.post(url, {"correction_note": ""})
    assert refused.status_code == 400
    assert "Say what this correction changes" in error_summary_text(refused)
    assert snapshot() == before, describe_change(before, snapshot())
    assert client.post(url, {"correction_note": "Corrects the consultant spend figure."}).status_code == 302
    correction = Publication.objects.get(version=walked_plan.submitted)
    assert correction.replaces == first
    client.logout()
    latest = client.get(f"/councils/{DORSET}/plans/{SLUG}/")
    assert body(latest) == stored(correction.html_name)
    assert b"Corrects the consultant spend figure." in stored(correction.html_name)
    earlier = client.get(f"/published/{first.content_hash}/plan.html")
    assert earlier.status_code == 200
    assert body(earlier) == stored(first.html_name)
    detail = soup(client.get(f"/councils/{DORSET}/"))
    assert "Replaced by a correction" in detail.get_text()
    assert f"/published/{first.content_hash}/plan.html" in str(detail)


def test_an_older_version_cannot_be_published_over_a_newer_one(client, walked_plan, dorset_clerk):
    from submissions.services import publish_version

    publish_version(version=walked_plan.submitted, actor=dorset_clerk, correction_note="Newer text.")
    # Version 1 is already published; publishing it again returns the same publication.
    assert publish_version(version=walked_plan.published, actor=dorset_clerk) == walked_plan.publication


def test_json_and_csv_of_an_unpublished_plan_are_404(client, submitted_version):
    for url in (f"/councils/{DORSET}/plans/{SLUG}/plan.json", f"/councils/{DORSET}/plans/{SLUG}/plan.csv"):
        assert client.get(url).status_code == 404, url
    assert client.get(f"/published/{submitted_version.content_hash}/plan.json").status_code == 404
    assert not os.path.exists(default_storage.path("published"))


def test_without_the_middleware_the_views_serve_the_same_checked_bytes(settings, published, submitted_version):
    """With object storage the middleware has no local file to serve; the fallback views stream the stored
    bytes after checking them (no template), with the same ETag, and refuse changed bytes."""
    from django.test import Client

    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.endswith("PublishedFilesMiddleware")]
    client = Client()
    pdf_url = f"/published/{submitted_version.content_hash}/plan.pdf"
    response = client.get(pdf_url)
    assert response.status_code == 200 and response.content == stored(published.pdf_name)
    assert response["ETag"] == f'"{published.file_hashes["pdf"]}"'
    assert client.get(pdf_url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    check_byte_ranges(client, pdf_url, stored(published.pdf_name), response["ETag"])
    latest = client.get(f"/councils/{DORSET}/plans/{SLUG}/")
    assert latest.content == stored(published.html_name)
    assert client.get(f"/published/{submitted_version.content_hash}/plan.exe").status_code == 404
    assert client.get(f"/published/{'1' * 64}/plan.html").status_code == 404
    with open(default_storage.path(published.json_name), "ab") as handle:
        handle.write(b" ")
    assert client.get(f"/published/{submitted_version.content_hash}/plan.json").status_code == 503


def test_a_publication_made_before_files_existed_gets_them_once(submitted_version, dorset_clerk, capsys):
    """A demo database from before publications had files: write_public_files fills the blank file fields
    once (an audit event says so), and running it again writes nothing."""
    from django.utils import timezone

    from core.models import AuditEvent

    legacy = Publication.objects.create(
        council=submitted_version.council,
        return_definition=submitted_version.return_definition,
        version=submitted_version,
        content_hash=submitted_version.content_hash,
        published_by=dorset_clerk,
        published_at=timezone.now(),
    )
    with pytest.raises(SystemExit):
        call_command("verify_publications")
    assert "has no files recorded" in capsys.readouterr().err
    call_command("write_public_files")
    legacy.refresh_from_db()
    assert legacy.html_name == f"published/{submitted_version.content_hash}/plan.html"
    assert legacy.file_hashes["pdf"] == sha(stored(legacy.pdf_name))
    assert AuditEvent.objects.filter(action="PublicationFilesWritten").count() == 1
    events = AuditEvent.objects.count()
    call_command("write_public_files")
    call_command("verify_publications")
    assert AuditEvent.objects.count() == events
    assert "match their recorded SHA-256" in capsys.readouterr().out


def test_an_older_version_or_text_already_published_is_refused_and_nothing_changes(
    client, walked_plan, dorset_author, dorset_clerk, dorset_chief_executive
):
    """Version 3 is published as a correction; then publishing version 2 (older) is refused, and so is a
    version 5 whose text is version 1's again: each with a clear message, no record and no file written."""
    from django.utils import timezone

    from governance.services.decisions import record_decision
    from plans.services import freeze_draft, save_draft
    from submissions.services import publish_version, submit_version
    from tests.conftest import THEME_TEXT

    submit_version(version=walked_plan.endorsed, actor=dorset_chief_executive, certifier_role="chief_executive")
    publish_version(version=walked_plan.endorsed, actor=dorset_clerk, correction_note="Version 3 text.")
    draft = walked_plan.draft
    draft.refresh_from_db()
    draft = save_draft(draft=draft, bodies=dict(THEME_TEXT), based_on_revision=draft.revision, actor=dorset_author)
    again = freeze_draft(draft=draft, actor=dorset_author)
    assert again.content_hash == walked_plan.published.content_hash and again.number == 5
    record_decision(
        version=again, outcome="approved", decision_maker="Cabinet", decided_on=timezone.localdate(), actor=dorset_clerk
    )
    submit_version(version=again, actor=dorset_chief_executive, certifier_role="chief_executive")
    client.force_login(dorset_clerk)
    for version, message in (
        (walked_plan.submitted, "Version 3 is already published; version 2 is older"),
        (again, "Version 5 has the same text as version 1, which is already published"),
    ):
        before = snapshot()
        response = client.post(f"/your-plans/versions/{version.pk}/publish/", {"correction_note": "Try it."})
        assert response.status_code == 400
        assert message in error_summary_text(response)
        assert snapshot() == before, describe_change(before, snapshot())
    assert not default_storage.exists(f"published/{walked_plan.submitted.content_hash}/plan.html")
