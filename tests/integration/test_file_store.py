"""core.files, the one place a file is stored: each test runs against a local folder and against the
object storage settings.py configures from OBJECT_STORAGE_BUCKET (moto's in-memory S3)."""

import datetime
import hashlib
import importlib

import boto3
import pytest
from moto import mock_aws

from core import files

BUCKET = "productivity-plans-files-test"
NAME = "published/test/plan.pdf"


@pytest.fixture(params=["local folder", "object storage"])
def write_behind(request, settings, monkeypatch):
    """Runs the test on each kind of store, and yields a way to change a stored file behind the
    service's back (someone with access to the disk or the bucket)."""
    if request.param == "local folder":

        def write_on_disk(name: str, data: bytes) -> None:
            with open(files.local_path(name), "wb") as handle:
                handle.write(data)

        yield write_on_disk
        return
    for variable, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "eu-west-2",
        "OBJECT_STORAGE_BUCKET": BUCKET,
        "OBJECT_STORAGE_REGION": "eu-west-2",
    }.items():
        monkeypatch.setenv(variable, value)
    import config.settings

    configured = importlib.reload(config.settings).STORAGES["default"]
    with mock_aws():
        s3 = boto3.client("s3", region_name="eu-west-2")
        s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
        settings.STORAGES = {**settings.STORAGES, "default": configured}
        yield lambda name, data: s3.put_object(Bucket=BUCKET, Key=name, Body=data)
    monkeypatch.delenv("OBJECT_STORAGE_BUCKET")
    importlib.reload(config.settings)


def test_a_file_is_stored_once_and_read_back(write_behind):
    stored = files.store(NAME, b"%PDF-1.7 the plan")
    assert stored == files.StoredFile(NAME, hashlib.sha256(b"%PDF-1.7 the plan").hexdigest(), 17, written=True)
    assert files.exists(NAME)
    assert files.read(NAME) == b"%PDF-1.7 the plan"

    again = files.store(NAME, b"other bytes")
    assert again.name == NAME and not again.written, "a name already taken keeps its file"
    assert files.read(NAME) == b"%PDF-1.7 the plan"
    assert files.names_in("published/test") == ["plan.pdf"], "nothing was written beside it"


def test_a_replaced_file_holds_the_new_bytes_under_the_same_name(write_behind):
    files.store(NAME, b"first")
    replaced = files.replace(NAME, b"second, longer")
    assert replaced == files.StoredFile(NAME, files.sha256_of(b"second, longer"), 14)
    assert files.read(NAME) == b"second, longer"
    assert files.names_in("published/test") == ["plan.pdf"], "no copy or half-written file left beside it"
    files.replace("published/new/index.html", b"<p>a name not used before</p>")
    assert files.read("published/new/index.html") == b"<p>a name not used before</p>"


def test_a_file_matching_its_recorded_hash_verifies_with_its_bytes(write_behind):
    stored = files.store(NAME, b"the plan")
    check = files.verify(NAME, stored.sha256)
    assert check.intact and not check.missing
    assert (check.content, check.sha256) == (b"the plan", stored.sha256)


def test_a_file_changed_behind_the_service_is_detected(write_behind):
    stored = files.store(NAME, b"the plan as published")
    write_behind(NAME, b"the plan, quietly changed")
    check = files.verify(NAME, stored.sha256)
    assert not check.intact and not check.missing
    assert check.sha256 == files.sha256_of(b"the plan, quietly changed") != stored.sha256


def test_a_missing_file_is_missing_not_an_error(write_behind):
    assert files.read(NAME) is None
    assert files.read("") is None
    assert not files.exists(NAME)
    check = files.verify(NAME, files.sha256_of(b"anything"))
    assert check.missing and not check.intact and check.sha256 is None
    assert files.names_in("published/nowhere") == []
    files.delete(NAME)  # nothing there: nothing to do


def test_files_are_listed_dated_and_deleted(write_behind):
    before = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=1)
    files.store("staging/a.bin", b"a")
    files.store("staging/a.json", b"{}")
    assert sorted(files.names_in("staging")) == ["a.bin", "a.json"]
    assert before < files.modified_at("staging/a.bin") < before + datetime.timedelta(minutes=2)
    files.delete("staging/a.bin")
    assert files.names_in("staging") == ["a.json"]


def test_only_a_local_folder_has_paths_to_serve_from(write_behind, settings):
    files.store(NAME, b"x")
    path = files.local_path(NAME)
    if settings.STORAGES["default"]["BACKEND"] == "storages.backends.s3.S3Storage":
        assert path is None
    else:
        assert path == str(settings.MEDIA_ROOT / NAME)


def test_the_hash_is_the_sha256_of_the_bytes():
    assert files.sha256_of(b"abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_a_replaced_file_is_never_missing_for_a_reader_meanwhile(write_behind, monkeypatch):
    """A latest copy (the audit log's newest head, say) rewritten by one machine while another reads it: every
    read finds the old bytes or the new, never no file. Deleting and saving again used to leave a gap. On a
    local folder a reader thread checks it; moto's in-memory S3 cannot serve a read while the same key is
    rewritten, so there the replace is checked to be one write with no delete (the cluster suite races real
    readers and writers on SeaweedFS)."""
    import threading

    from storages.backends.s3 import S3Storage

    files.replace("audit-anchors/latest.json", b"0")
    on_object_store = files.local_path("audit-anchors/latest.json") is None
    if on_object_store:

        def no_delete(storage, name):
            raise AssertionError(f"replace deleted {name} before writing it again")

        monkeypatch.setattr(S3Storage, "delete", no_delete)
    done = threading.Event()
    seen = []

    def read_meanwhile():
        while not done.is_set():
            seen.append(files.read("audit-anchors/latest.json"))

    reader = threading.Thread(target=read_meanwhile)
    if not on_object_store:
        reader.start()
    try:
        for n in range(1, 40):
            files.replace("audit-anchors/latest.json", str(n).encode())
    finally:
        done.set()
        if reader.is_alive():
            reader.join()
    assert None not in seen and (seen or on_object_store)
    assert files.read("audit-anchors/latest.json") == b"39"
    assert files.all_names("audit-anchors") == ["audit-anchors/latest.json"], "no second copy under another name"
