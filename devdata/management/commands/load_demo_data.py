from django.core.management import call_command
from django.core.management.base import BaseCommand

from devdata.build import build_demo


class Command(BaseCommand):
    help = "Load the return, the register of councils, demo people and demo plans. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--quiet-sign-ins", action="store_true", help="Do not print the demo sign-ins.")

    def handle(self, *args, quiet_sign_ins=False, **options):
        build_demo(log=self.stdout.write)
        if not quiet_sign_ins:
            call_command("demo_sign_ins", stdout=self.stdout)
