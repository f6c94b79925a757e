"""Restore a backup made by `backup_service` into an empty database and file store, then check it: the
audit log against its signed heads (`verify_audit_log`) and every published file (`verify_publications`).

Exit status 0 only when the restore is complete and both checks pass; 1 with the reason otherwise. A
backup whose files are missing (a database without its files) is refused before anything is changed."""

import io
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup folder into an empty database and store, then verify the audit log and publications."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="A folder written by backup_service.")

    def handle(self, *args, **options):
        try:
            restored = restore(options["folder"])
        except BackupError as error:
            raise CommandError(str(error), returncode=1) from error
        problems = list(restored.problems)
        for check in ("verify_audit_log", "verify_publications"):
            out, err = io.StringIO(), io.StringIO()
            try:
                call_command(check, stdout=out, stderr=err)
            except CommandError as error:
                problems.append(f"{check}: {error}")
            except SystemExit as exited:
                if exited.code:
                    problems.append(f"{check}: {err.getvalue().strip()}")
            else:
                self.stdout.write(out.getvalue().strip())
        if problems:
            raise CommandError("The restore is not complete:\n" + "\n".join(problems), returncode=1)
        self.stdout.write(
            f"Restored {options['folder']}: the database and {restored.files:,} files; every check passed."
        )
