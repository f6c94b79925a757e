"""Back up the service into a new folder: the database, every stored file and the signed heads, with a
manifest written last (core/backup.py, docs/backup.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, back_up


class Command(BaseCommand):
    help = "Back up the database, the file store and the audit log's signed heads into a new folder."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="A new or empty folder to write the backup into.")

    def handle(self, *args, **options):
        try:
            backup = back_up(options["folder"])
        except BackupError as error:
            raise CommandError(str(error), returncode=1) from error
        log = backup.manifest["audit_log"]
        self.stdout.write(
            f"Backed up to {backup.folder}: the database ({backup.manifest['database']['file']}), "
            f"{backup.files:,} files, the audit log to entry {log['newest_entry']} "
            f"(newest signed head: entry {log['newest_signed_entry']}, key {log['signing_key_id'] or 'none'})."
        )
        if log["newest_entry"] is not None and log["newest_signed_entry"] != log["newest_entry"]:
            self.stderr.write(
                "Warning: the newest entries are not covered by a signed head in this backup; "
                "verify_audit_log will report them after a restore."
            )
