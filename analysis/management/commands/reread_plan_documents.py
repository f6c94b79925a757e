"""Read imported plan documents again with the reading rules as they are now.

    manage.py reread_plan_documents --return productivity-plan-2024 [--council E06000059] [--json]

Passages are made when a document is imported, and analysis runs tag those passages; so when the
way files are read improves (tables kept whole, paragraphs told apart by spacing), documents
already in the corpus keep their old passages until they are read again. Each stored file is read
in the limited child process, its passages replaced and the document analysed again. A person's
decisions move to the new passage with the same words. A document where a passage a person
reviewed reads differently now is left as it is and reported, so no one's decision is lost; so is
a stored file that no longer matches the hash taken at import.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from analysis import selectors, services
from councils.selectors import council_by_code
from plans.selectors import return_by_slug


class Command(BaseCommand):
    help = "Read imported plan documents again with the current reading rules, replacing their passages."

    def add_arguments(self, parser):
        parser.add_argument("--return", dest="return_slug", required=True, help="The return's slug.")
        parser.add_argument("--council", help="Only this council's documents (ONS code).")
        parser.add_argument("--json", dest="as_json", action="store_true", help="Print the outcome as JSON.")

    def handle(self, *args, return_slug, council=None, as_json=False, **options):
        return_definition = return_by_slug(return_slug)
        if return_definition is None:
            raise CommandError(f"There is no return called {return_slug!r}.")
        found_council = None
        if council:
            found_council = council_by_code(council)
            if found_council is None:
                raise CommandError(f"There is no council with the ONS code {council!r}.")
        documents = selectors.imported_documents(return_definition=return_definition, council=found_council)
        reread, skipped = [], []
        for document in documents:
            try:
                outcome = services.reread_document(document=document, actor=None)
            except services.ImportRefused as refusal:
                skipped.append(
                    {"document_id": document.pk, "council": document.council.gss_code, "reason": str(refusal)}
                )
                continue
            reread.append(
                {
                    "document_id": document.pk,
                    "council": document.council.gss_code,
                    "passages_before": outcome.passages_before,
                    "passages_after": outcome.passages_after,
                    "reviewed_passages_kept": outcome.reviewed_passages_kept,
                }
            )
        if as_json:
            self.stdout.write(json.dumps({"reread": reread, "skipped": skipped}))
            return
        for row in reread:
            self.stdout.write(
                f"{row['council']} document {row['document_id']}: {row['passages_before']} passages, "
                f"now {row['passages_after']}; {row['reviewed_passages_kept']} reviewed passage(s) kept their decisions"
            )
        for row in skipped:
            self.stdout.write(f"{row['council']} document {row['document_id']} left as it is: {row['reason']}")
        self.stdout.write(f"{len(reread)} document(s) read again, {len(skipped)} left as they were.")
