from django.core.management.base import BaseCommand

from monitoring.services import define_metrics


class Command(BaseCommand):
    help = "Create or update the metrics catalogue (monitoring/catalogue.py). Safe to run again."

    def handle(self, *args, **options):
        metrics = define_metrics()
        self.stdout.write(f"Metrics catalogue: {len(metrics)} metrics")
