from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from councils.services import RegisterFileError, load_council_register


class Command(BaseCommand):
    help = "Load or update the register of English councils from an ONS-coded CSV. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(settings.COUNCILS_CSV))

    def handle(self, *args, path, **options):
        try:
            result = load_council_register(path=Path(path))
        except (RegisterFileError, FileNotFoundError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"{result.total} councils: {result.created} added, {result.updated} updated, {result.unchanged} unchanged"
        )
