"""Backing up and restoring the whole service: the database, the file store and the signed heads, together
(docs/backup.md, decision 0024).

A backup is a folder:

- `database.sqlite3` (SQLite's online backup API: a consistent copy while the service runs) or
  `database.pgdump` (`pg_dump --format=custom`, one transaction's snapshot);
- `files/`: every file in the store (published plans, agenda packs, imported documents, renders, the signed
  heads under `audit-anchors/`), copied after the database, so every file a row names is there. Signed heads
  naming entries newer than the copied database are left out (they are still in the live store and the
  public feed), so the restored log and its heads agree;
- `manifest.json`, written last: when, the database engine, how many rows each table held, the audit log's
  newest entry, the newest signed head, the signing key's id (never the key), and every file's SHA-256.

`restore` puts a backup into an empty database and store, checks every file against the manifest, and leaves
the checks (`verify_audit_log`, `verify_publications`) to the command, which runs them. A backup whose files
are missing is refused with the reason, so a database restored without its files is never passed.
"""

import json
import os
import sqlite3
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.db import connection
from django.utils import timezone

from core import audit, audit_keys, files
from core.models import AuditEvent

MANIFEST = "manifest.json"
FILES = "files"
SQLITE_COPY = "database.sqlite3"
POSTGRES_COPY = "database.pgdump"


class BackupError(Exception):
    """A backup or restore that cannot go ahead, with the reason in words."""


def _engine() -> str:
    return "sqlite" if connection.vendor == "sqlite" else connection.vendor


def row_counts() -> dict[str, int]:
    """How many rows each of the service's tables holds, by model label."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if not model._meta.proxy and model._meta.managed
    }


def _postgres_arguments() -> list[str]:
    settings = connection.settings_dict
    arguments = ["--dbname", settings["NAME"]]
    if settings.get("HOST"):
        arguments += ["--host", settings["HOST"]]
    if settings.get("PORT"):
        arguments += ["--port", str(settings["PORT"])]
    if settings.get("USER"):
        arguments += ["--username", settings["USER"]]
    return arguments


def _postgres_environment() -> dict[str, str]:
    password = connection.settings_dict.get("PASSWORD")
    return {**os.environ, **({"PGPASSWORD": password} if password else {})}


def _copy_database(folder: Path) -> str:
    connection.ensure_connection()
    if _engine() == "sqlite":
        target = sqlite3.connect(folder / SQLITE_COPY)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        return SQLITE_COPY
    if _engine() == "postgresql":
        # PostgreSQL's own tool from the PATH, fixed arguments, no shell.
        subprocess.run(  # nosec B603 B607
            ["pg_dump", "--format=custom", "--no-owner", "--file", str(folder / POSTGRES_COPY), *_postgres_arguments()],
            check=True,
            env=_postgres_environment(),
        )
        return POSTGRES_COPY
    raise BackupError(f"No backup procedure for a {connection.vendor} database.")


@dataclass(frozen=True)
class Backup:
    folder: Path
    manifest: dict

    @property
    def files(self) -> int:
        return len(self.manifest["files"])


def back_up(folder: Path) -> Backup:
    """Copy the database, then the store, into a new folder, and write its manifest last."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(f"{folder} is not empty: back up into a new folder.")
    folder.mkdir(parents=True, exist_ok=True)
    started = timezone.now()
    database = _copy_database(folder)
    # What the copied database holds, read from the copy itself, so rows written since do not count.
    head, counts = _facts_of_copy(folder / database) if database == SQLITE_COPY else (_head(), row_counts())
    copied: dict[str, str] = {}
    left_out: list[str] = []
    for name in files.all_names():
        if name == audit.LATEST_HEAD:
            continue  # names whichever head is newest now; after a restore the next head starts the sequence again
        content = files.read(name)
        if content is None:
            continue  # removed since the listing
        if name.startswith(f"{audit.ANCHOR_DIRECTORY}/") and _names_later_entry(content, head):
            left_out.append(name)
            continue
        target = folder / FILES / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        copied[name] = files.sha256_of(content)
    heads, _ = audit.read_anchors_from([(n, (folder / FILES / n).read_bytes()) for n in copied if _is_head(n)])
    signed = [a for a in heads if a.signature and a.last_event_id is not None]
    newest_signed = max(signed, key=lambda a: a.last_event_id or 0, default=None)
    manifest = {
        "format": "productivity-plans-backup/1",
        "started_at": started.isoformat(),
        "finished_at": timezone.now().isoformat(),
        "database": {"engine": _engine(), "file": database, "rows": counts},
        "audit_log": {
            "newest_entry": head[0],
            "newest_entry_hash": head[1],
            "newest_signed_head": newest_signed.name if newest_signed else None,
            "newest_signed_entry": newest_signed.last_event_id if newest_signed else None,
            "signing_key_id": _key_id(),
        },
        "files": copied,
        "heads_left_out": left_out,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return Backup(folder, manifest)


def _is_head(name: str) -> bool:
    return name.startswith(f"{audit.ANCHOR_DIRECTORY}/") and name.endswith(".json")


def _names_later_entry(content: bytes, head: tuple[int | None, str]) -> bool:
    try:
        last = json.loads(content.decode("utf-8")).get("last_event_id")
    except (ValueError, AttributeError):
        return False
    return last is not None and (head[0] is None or last > head[0])


def _head() -> tuple[int | None, str]:
    newest = AuditEvent.objects.order_by("-id").values_list("id", "event_hash").first()
    return (newest[0], newest[1]) if newest else (None, "")


def _facts_of_copy(path: Path) -> tuple[tuple[int | None, str], dict[str, int]]:
    copy = sqlite3.connect(path)
    try:
        # Table names come from the models' own metadata, never from input.
        newest = copy.execute(
            f'SELECT id, event_hash FROM "{AuditEvent._meta.db_table}" ORDER BY id DESC LIMIT 1'  # nosec B608
        ).fetchone()
        counts = {}
        for model in apps.get_models():
            if not model._meta.proxy and model._meta.managed:
                table = model._meta.db_table
                counts[model._meta.label] = copy.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]  # nosec B608
    finally:
        copy.close()
    return ((newest[0], newest[1]) if newest else (None, "")), counts


def _key_id() -> str:
    try:
        return audit_keys.key_id()
    except audit_keys.SigningKeyMissing:
        return ""


# --- Restoring ---------------------------------------------------------------------------------


@dataclass
class Restored:
    manifest: dict
    files: int = 0
    problems: list[str] = field(default_factory=list)


def read_manifest(folder: Path) -> dict:
    path = Path(folder) / MANIFEST
    if not path.exists():
        raise BackupError(f"{folder} holds no {MANIFEST}: it is not a complete backup (the manifest is written last).")
    return json.loads(path.read_text())


def check_backup(folder: Path, manifest: dict) -> list[str]:
    """Every file the manifest lists is in the backup with its SHA-256; the database copy is there."""
    folder = Path(folder)
    problems = []
    if not (folder / manifest["database"]["file"]).exists():
        problems.append(f"the database copy {manifest['database']['file']} is missing")
    missing = [name for name in manifest["files"] if not (folder / FILES / name).exists()]
    if missing:
        problems.append(
            f"{len(missing):,} of its {len(manifest['files']):,} files are missing (first: {missing[0]}): "
            "this is a database without its files"
        )
    changed = [
        name
        for name, digest in manifest["files"].items()
        if (folder / FILES / name).exists() and files.sha256_of((folder / FILES / name).read_bytes()) != digest
    ]
    if changed:
        problems.append(f"{len(changed):,} files no longer match the manifest (first: {changed[0]})")
    return problems


def restore(folder: Path) -> Restored:
    """Restore a backup into an empty database and store. Refuses, changing nothing, when the backup is
    incomplete (files missing: a database without its files) or the database already holds an audit log."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    problems = check_backup(folder, manifest)
    if problems:
        raise BackupError("The backup cannot be restored: " + "; ".join(problems) + ".")
    if manifest["database"]["engine"] != _engine():
        raise BackupError(f"The backup is of a {manifest['database']['engine']} database, this is {_engine()}.")
    if AuditEvent.objects.exists():
        raise BackupError("This database already holds an audit log: restore into an empty database.")
    clashes = [name for name, digest in manifest["files"].items() if _differs(name, digest)]
    if clashes:
        raise BackupError(
            f"The file store already holds other files under {len(clashes)} of the backup's names "
            f"(first: {clashes[0]}): restore into an empty store."
        )
    _restore_database(folder / manifest["database"]["file"])
    for name in manifest["files"]:
        files.store(name, (folder / FILES / name).read_bytes())
    restored = Restored(manifest=manifest, files=len(manifest["files"]))
    counts = row_counts()
    for label, expected in manifest["database"]["rows"].items():
        if counts.get(label) != expected:
            restored.problems.append(f"{label}: {counts.get(label)} rows restored, {expected} backed up")
    if _head() != (manifest["audit_log"]["newest_entry"], manifest["audit_log"]["newest_entry_hash"]):
        restored.problems.append("the audit log's newest entry is not the one backed up")
    return restored


def _differs(name: str, digest: str) -> bool:
    content = files.read(name)
    return content is not None and files.sha256_of(content) != digest


def _restore_database(path: Path) -> None:
    connection.ensure_connection()
    if _engine() == "sqlite":
        source = sqlite3.connect(path)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        return
    # PostgreSQL's own tool from the PATH, fixed arguments, no shell.
    subprocess.run(  # nosec B603 B607
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            *_postgres_arguments(),
            str(path),
        ],
        check=True,
        env=_postgres_environment(),
    )
