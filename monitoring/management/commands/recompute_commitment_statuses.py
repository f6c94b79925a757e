from django.core.management.base import BaseCommand

from monitoring.services import recompute_everything


class Command(BaseCommand):
    help = "Work out every tracked commitment's status, the distributions and the similar councils again."

    def handle(self, *args, **options):
        changes = recompute_everything()
        self.stdout.write(f"Recomputed; {len(changes)} statuses changed.")
