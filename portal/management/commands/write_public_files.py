from django.core.management.base import BaseCommand

from portal.publishing import write_public_files


class Command(BaseCommand):
    help = (
        "Write any missing published files (publications made before files existed, councils' latest copies) "
        "and rewrite the index of councils. Safe to run again."
    )

    def handle(self, *args, **options):
        result = write_public_files()
        self.stdout.write(
            f"Publications given files: {result['publications']}; latest copies written: {result['latest_copies']}; "
            f"index of councils written (SHA-256 {result['council_index'][:12]})."
        )
