from django.core.management.base import BaseCommand

from submissions.services import recompute_all_statuses


class Command(BaseCommand):
    help = "Recompute every council's stored status on every return from the records behind it."

    def handle(self, *args, **options):
        self.stdout.write(f"Recomputed the status of {recompute_all_statuses()} council returns")
