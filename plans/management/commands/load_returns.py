from django.core.management.base import BaseCommand

from plans.services import define_returns_from_files


class Command(BaseCommand):
    help = "Create or update the returns defined in plans/returns/*.json. Safe to run again."

    def handle(self, *args, **options):
        for return_definition in define_returns_from_files():
            self.stdout.write(f"{return_definition.slug}: {return_definition.themes.count()} themes")
