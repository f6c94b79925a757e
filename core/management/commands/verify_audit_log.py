"""Check the audit log: every entry's hash and link, and the log against every anchor file.

Exit status 0 when everything holds (and how many entries were checked); 1 otherwise, naming the
first broken entry (id, time, action) and every anchor the log no longer matches.
"""

from django.core.management.base import BaseCommand, CommandError

from core.audit import verify_anchors, verify_audit_chain


class Command(BaseCommand):
    help = "Verify the hash chain of the audit log and check it against every anchor file."

    def handle(self, *args, **options):
        chain = verify_audit_chain()
        anchors = verify_anchors()
        problems = []
        if chain.first_broken is not None:
            problems.append(f"The audit log is broken at {chain.first_broken.describe()}.")
        problems += [f"The audit log does not match {problem}." for problem in anchors.problems]
        if problems:
            checked = f"{chain.events_checked:,} entries read"
            raise CommandError("\n".join([*problems, checked]), returncode=1)
        head = chain.head
        where = f"; newest entry {head.event_id} ({head.event_hash[:12]})" if head is not None and head.event_id else ""
        self.stdout.write(
            f"The audit log is intact: {chain.events_checked:,} entries checked{where}; "
            f"{anchors.anchors_checked} anchor file{'s' if anchors.anchors_checked != 1 else ''} match."
        )
