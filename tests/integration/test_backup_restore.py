"""Backup and restore (docs/backup.md): a backup restored into an empty database and store holds every version,
sign-off, submission, publication file and audit entry, and passes `verify_audit_log` and `verify_publications`;
a database restored without its files is reported, never passed.

The tests commit (the backup copies what is committed, and heads are signed when a transaction commits), so
they use a transactional database, emptied after each test."""

import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from core import files
from core.backup import SQLITE_COPY
from core.models import AuditEvent
from governance.models import ChecklistEntry, Decision
from plans.models import PlanVersion
from submissions.models import Publication, Submission

pytestmark = [pytest.mark.django_db(transaction=True)]


def run(command: str, *args) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(command, *args, stdout=out, stderr=err)
    except CommandError as error:
        return error.returncode, str(error)
    except SystemExit as exited:
        return int(exited.code or 0), err.getvalue()
    return 0, out.getvalue()


def the_record() -> dict:
    """What must come back: every version, sign-off, decision, submission, publication and audit entry."""
    return {
        "versions": sorted(PlanVersion.objects.values_list("pk", "content_hash")),
        "sign_offs": sorted(ChecklistEntry.objects.values_list("pk", "line_id")),
        "decisions": sorted(Decision.objects.values_list("pk", "outcome")),
        "submissions": sorted(Submission.objects.values_list("pk", "reference")),
        "publications": sorted((p.pk, tuple(sorted(p.file_hashes.items()))) for p in Publication.objects.all()),
        "audit": list(AuditEvent.objects.order_by("id").values_list("id", "event_hash")),
        "files": {name: files.sha256_of(files.read(name)) for name in files.all_names()},
    }


@pytest.fixture
def backed_up(walked_plan, tmp_path, settings, make_person, dorset, dorset_author):
    from governance.services import checklist, reports

    officer = make_person("dorset-backup-mo", council=dorset, roles=["monitoring_officer"])  # named on the report
    newest = PlanVersion.objects.filter(council=dorset).order_by("-number").first()
    report = reports.create_report(version=newest, actor=dorset_author)
    checklist.sign_line(line=report.checklist_lines.get(key="legal"), actor=officer)
    assert run("verify_audit_log")[0] == 0
    assert run("verify_publications")[0] == 0
    record = the_record()
    assert record["publications"] and record["sign_offs"] and record["submissions"]
    status, printed = run("backup_service", str(tmp_path / "backup"))
    assert status == 0, printed
    assert f"the audit log to entry {record['audit'][-1][0]}" in printed
    return tmp_path / "backup", record


def empty_everything(settings) -> None:
    """A new machine: an empty database (the schema, no rows) and an empty store."""
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(Path(settings.MEDIA_ROOT), ignore_errors=True)


def test_a_backup_restored_into_an_empty_database_and_store_has_everything_and_passes_the_checks(backed_up, settings):
    folder, record = backed_up
    manifest = json.loads((folder / "manifest.json").read_text())
    assert (folder / manifest["database"]["file"]).exists()
    empty_everything(settings)
    assert AuditEvent.objects.count() == 0 and files.all_names() == []
    status, printed = run("restore_service", str(folder))
    assert status == 0, printed
    assert "The audit log is intact" in printed and "published files match" in printed
    restored = the_record()
    latest = "audit-anchors/latest.json"
    assert {k: v for k, v in restored.items() if k != "files"} == {k: v for k, v in record.items() if k != "files"}
    assert {n: h for n, h in restored["files"].items() if n != latest} == {
        n: h for n, h in record["files"].items() if n != latest
    }


def test_a_restore_of_the_database_without_its_files_is_refused_with_the_reason(backed_up, settings):
    folder, _ = backed_up
    shutil.rmtree(folder / "files")
    empty_everything(settings)
    status, printed = run("restore_service", str(folder))
    assert status == 1
    assert "files are missing" in printed and "a database without its files" in printed
    assert AuditEvent.objects.count() == 0, "nothing was restored"


@pytest.mark.skipif(connection.vendor != "sqlite", reason="puts the SQLite copy back by hand")
def test_a_database_put_back_by_hand_without_its_files_fails_both_checks(backed_up, settings):
    """Someone restores only the database (the old way): the checks say so, rather than reporting 0 anchors."""
    import sqlite3

    folder, record = backed_up
    empty_everything(settings)
    source = sqlite3.connect(folder / SQLITE_COPY)
    source.backup(connection.connection)
    source.close()
    assert AuditEvent.objects.count() == len(record["audit"])
    status, printed = run("verify_audit_log")
    assert status == 1
    assert "no signed head covers the log" in printed and "restored without its files" in printed
    status, printed = run("verify_publications")
    assert status == 1 and "missing" in printed


def test_a_backup_refuses_a_folder_already_in_use_and_a_restore_a_database_already_in_use(backed_up, tmp_path):
    folder, _ = backed_up
    assert run("backup_service", str(folder))[0] == 1
    status, printed = run("restore_service", str(folder))
    assert status == 1 and "already holds an audit log" in printed
    assert run("restore_service", str(tmp_path / "nothing-here"))[0] == 1
