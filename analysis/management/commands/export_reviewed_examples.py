"""Write the passages analysts reviewed as training examples for the next method version.

    manage.py export_reviewed_examples [--output PATH] [--check]

Writes analysis/classify/data/training/reviewed.txt (or PATH) in the training-corpus format
(analysis/classify/corpus.py). Passages that repeat or nearly repeat an evaluation passage are left out.
Committing the file changes analysis.classify.METHOD_VERSION; the classifier learns from it the next time
it is trained. `--check` writes nothing and fails if the file is not up to date (for CI).
"""

import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from analysis.review.services import export_reviewed_examples


class Command(BaseCommand):
    help = "Write the passages analysts reviewed as training examples (analysis/classify/data/training/reviewed.txt)."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="write here instead of the training folder's reviewed.txt")
        parser.add_argument("--check", action="store_true", help="write nothing; fail if the file is out of date")

    def handle(self, *args, output=None, check=False, **options):
        if check:
            from analysis.classify.linear import TRAINING_DIR

            current = Path(output) if output else TRAINING_DIR / "reviewed.txt"
            with tempfile.TemporaryDirectory() as folder:
                fresh = Path(folder) / "reviewed.txt"
                outcome = export_reviewed_examples(path=fresh)
                same = current.exists() and current.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8")
            if not same:
                raise CommandError(f"{current} is out of date: {outcome.written} reviewed passages to write.")
            self.stdout.write(f"{current} is up to date ({outcome.written} reviewed passages).")
            return
        outcome = export_reviewed_examples(path=output)
        self.stdout.write(
            f"{outcome.written} reviewed passage{'s' if outcome.written != 1 else ''} written to {outcome.path}"
            f" ({'changed' if outcome.changed else 'unchanged'}); {outcome.near_evaluation} left out as near repeats"
            f" of evaluation passages; {outcome.unwritable} left out because the format cannot hold their text."
        )
        if outcome.changed:
            self.stdout.write("Commit the file: the classifier's METHOD_VERSION changes with it.")
