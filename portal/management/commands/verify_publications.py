"""Read back every published file and the index of councils, and compare each with its recorded SHA-256."""

import sys

from django.core.management.base import BaseCommand

from core import files
from portal import site_files
from submissions.publishing import verify_files


class Command(BaseCommand):
    help = "Check every published file against the hash recorded when it was written; exit 1 naming any that fail."

    def handle(self, *args, **options):
        checked, problems = verify_files()
        expected = site_files.expected_hash(site_files.COUNCIL_INDEX_NAME)
        if expected:
            checked += 1
            check = files.verify(site_files.COUNCIL_INDEX_NAME, expected)
            if check.missing:
                problems.append(f"{site_files.COUNCIL_INDEX_NAME}: missing")
            elif not check.intact:
                problems.append(f"{site_files.COUNCIL_INDEX_NAME}: its bytes have changed since it was written")
        for problem in problems:
            self.stderr.write(problem)
        if problems:
            self.stderr.write(f"{len(problems)} of {checked} published files failed the check.")
            sys.exit(1)
        self.stdout.write(f"All {checked} published files match their recorded SHA-256.")
