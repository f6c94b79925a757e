"""Import a CSV of figures for the metrics catalogue, with a progress bar.

    manage.py import_metric_values figures.csv [--user department-analyst] [--council E06000059]

The file is long form: `ons_code,metric,period,value[,note]`, one figure a row. Every row is checked
first; if any row is bad, each problem is printed, nothing is imported and the command exits with
status 1. Importing the same file again changes nothing; a different value for a council, metric and
period already held is a correction, and the earlier figure is kept in its history. `--council` loads
as that council's officer (rows for other councils are refused); without it the figures are loaded for
the department.
"""

import getpass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from councils.selectors import council_by_code
from monitoring.exceptions import ImportRefused
from monitoring.services import MAX_IMPORT_BYTES, define_metrics, import_metric_values, size_words


class Command(BaseCommand):
    help = "Import figures from a CSV (ons_code,metric,period,value[,note]); nothing is imported if any row is bad."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--user", help="The username to record as loading the figures.")
        parser.add_argument("--council", help="Load as this council (ONS code): other councils' rows are refused.")
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")

    def handle(self, *args, file: Path, user=None, council=None, quiet=False, **options):
        actor = None
        if user:
            actor = get_user_model().objects.filter(username=user).first()
            if actor is None:
                raise CommandError(f"There is no person called {user!r}.")
        owner = None
        if council:
            owner = council_by_code(council)
            if owner is None:
                raise CommandError(f"There is no council with the ONS code {council!r}.")
        if not file.is_file():
            raise CommandError(f"There is no file at {file}.")
        size = file.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise CommandError(
                f"{file.name} is {size_words(size)}; a file of figures can be up to {size_words(MAX_IMPORT_BYTES)}. "
                "Split it into smaller files and import each. Nothing was imported."
            )
        define_metrics()
        bar = tqdm(total=0, unit="row", desc="Importing", disable=quiet, file=self.stderr)

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        try:
            result = import_metric_values(
                data=file.read_bytes(),
                file_name=file.name,
                actor=actor,
                actor_name=f"Command line (operating-system user {getpass.getuser()})",
                source="command",
                council=owner,
                progress=progress,
            )
        except ImportRefused as refusal:
            bar.close()
            for problem in refusal.problems:
                self.stderr.write(problem.describe())
            raise CommandError(refusal.message) from None
        bar.close()
        if not result.changed_anything:
            self.stdout.write(f"Nothing changed: all {result.rows:,} rows match the figures already held.")
            return
        self.stdout.write(
            f"Imported {file.name}: {result.rows:,} rows, {result.created:,} new, {result.corrected:,} corrected, "
            f"{result.unchanged:,} unchanged, {result.held_for_approval:,} waiting for approval."
        )
        for change in result.status_changes:
            self.stdout.write(f"  Commitment {change['commitment']}: {change['before']} -> {change['after']}")
