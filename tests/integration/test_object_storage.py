"""With OBJECT_STORAGE_BUCKET set, everything the service writes goes to an S3-compatible store (here
moto's in-memory S3), so several app servers and workers share it: published plans are written there
and served, checked, from it; imported plan documents are stored and read again from it; agenda
packs and audit anchors live there too. Nothing is written to the local media folder."""

import datetime
import importlib
import io
import json

import boto3
import pytest
from django.core.management import call_command
from moto import mock_aws

from analysis.models import Document
from meetings import services as meetings
from submissions.models import Publication
from tests.integration.test_analysis_import import import_file
from tests.integration.test_meetings_pack import cleared_paper

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

BUCKET = "productivity-plans-test"


@pytest.fixture
def bucket(settings, monkeypatch, tmp_path):
    """The storage settings.py builds from the environment, pointed at an S3 bucket moto holds in memory."""
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "eu-west-2",
        "OBJECT_STORAGE_BUCKET": BUCKET,
        "OBJECT_STORAGE_REGION": "eu-west-2",
    }.items():
        monkeypatch.setenv(name, value)
    import config.settings

    configured = importlib.reload(config.settings).STORAGES["default"]
    with mock_aws():
        s3 = boto3.client("s3", region_name="eu-west-2")
        s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
        settings.STORAGES = {**settings.STORAGES, "default": configured}
        yield s3
    monkeypatch.delenv("OBJECT_STORAGE_BUCKET")
    importlib.reload(config.settings)


def keys(s3) -> set[str]:
    return {item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def body_of(s3, key: str) -> bytes:
    return s3.get_object(Bucket=BUCKET, Key=key)["Body"].read()


def test_the_storage_is_built_from_the_environment(bucket):
    from django.core.files.storage import default_storage

    assert default_storage.bucket_name == BUCKET
    assert type(default_storage._wrapped).__name__ == "S3Storage"


def test_a_plan_is_published_to_the_bucket_and_served_from_it_checked(
    client, bucket, settings, submitted_version, dorset_clerk, django_capture_on_commit_callbacks
):
    client.force_login(dorset_clerk)
    with django_capture_on_commit_callbacks(execute=True):  # the anchor is written once the publication commits
        assert client.post(f"/your-plans/versions/{submitted_version.pk}/publish/").status_code == 302
    client.logout()
    publication = Publication.objects.get(version=submitted_version)
    stored = keys(bucket)
    assert {publication.html_name, publication.pdf_name, publication.json_name} <= stored
    assert any(key.startswith("audit-anchors/") for key in stored), "the publication's anchor is in the store"
    assert not (settings.MEDIA_ROOT / "published").exists(), "nothing on the local disk"

    pdf_url = f"/published/{submitted_version.content_hash}/plan.pdf"
    response = client.get(pdf_url)
    assert response.status_code == 200 and response.content == body_of(bucket, publication.pdf_name)
    assert response["ETag"] == f'"{publication.file_hashes["pdf"]}"'
    part = client.get(pdf_url, HTTP_RANGE="bytes=0-99")
    assert part.status_code == 206 and part.content == response.content[:100]
    latest = client.get(f"/councils/{submitted_version.council.gss_code}/plans/productivity-plan-2024/")
    assert latest.content == body_of(bucket, publication.html_name)

    call_command("verify_publications")  # every published file reads back from the store as recorded
    bucket.put_object(Bucket=BUCKET, Key=publication.json_name, Body=b'{"changed": true}')
    assert client.get(f"/published/{submitted_version.content_hash}/plan.json").status_code == 503
    with pytest.raises(SystemExit):
        call_command("verify_publications")


def test_an_imported_plan_document_is_kept_in_the_bucket_and_read_again_from_it(tmp_path, bucket, settings):
    from devdata.analysis_demo import generate_plan, pdf_bytes

    data = pdf_bytes(generate_plan("Dorset", seed=7))
    document = Document.objects.get(pk=import_file(tmp_path, "dorset.pdf", data)["document_id"])
    assert body_of(bucket, document.file_name) == data
    assert not (settings.MEDIA_ROOT / "analysis").exists()

    out = json.loads(_reread())
    assert [row["document_id"] for row in out["reread"]] == [document.pk] and out["skipped"] == []


def _reread() -> str:
    out = io.StringIO()
    call_command("reread_plan_documents", "--return", "productivity-plan-2024", "--json", stdout=out)
    return out.getvalue()


def test_an_agenda_pack_goes_to_the_bucket_and_the_public_download_comes_from_it(
    client, bucket, dorset, dorset_clerk, django_capture_on_commit_callbacks
):
    committee = meetings.create_committee(council=dorset, name="Cabinet", kind="cabinet", actor=dorset_clerk)
    meeting = meetings.schedule_meeting(
        committee=committee,
        date=datetime.date.today() + datetime.timedelta(days=30),
        starts_at=datetime.time(18, 30),
        venue="Council Chamber",
        actor=dorset_clerk,
    )
    meetings.add_agenda_item(
        meeting=meeting, paper=cleared_paper(dorset, dorset_clerk, "Forward plan"), actor=dorset_clerk
    )
    with django_capture_on_commit_callbacks(execute=True):
        meeting = meetings.publish_agenda(meeting=meeting, actor=dorset_clerk)

    assert meeting.pack_path in keys(bucket)
    assert any(key.startswith("audit-anchors/") and "agenda" in key for key in keys(bucket))
    assert client.get(f"/meetings/agendas/{meeting.pk}/agenda-pack.pdf").content == body_of(bucket, meeting.pack_path)
    out = io.StringIO()
    call_command("verify_audit_log", stdout=out)  # reads the anchors back from the store
    # The agenda's anchor and the head signed when the publication committed.
    assert "2 anchor files match, 2 signed" in out.getvalue(), out.getvalue()


def test_uploads_left_unconfirmed_are_cleared_from_the_bucket_after_a_day(bucket, analyst, dorset, plan_return):
    from django.utils import timezone

    from analysis.services import discard_stale_staging, stage_upload
    from devdata.analysis_demo import generate_plan, pdf_bytes

    data = pdf_bytes(generate_plan("Dorset", seed=7))
    stage_upload(council=dorset, return_definition=plan_return, filename="dorset.pdf", data=data, actor=analyst)
    staged = {key for key in keys(bucket) if key.startswith("analysis/staging/")}
    assert len(staged) == 2, "the file and what was read from it"

    assert discard_stale_staging() == 0, "not yet a day old"
    assert discard_stale_staging(now=timezone.now() + datetime.timedelta(hours=25)) == 2
    assert not {key for key in keys(bucket) if key.startswith("analysis/staging/")}
