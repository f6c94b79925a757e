"""Check the audit log: every entry's hash, link and time, and the log against every signed head.

Exit status 0 when everything holds (and how many entries and signed heads were checked); 1 otherwise,
naming the first broken entry (id, time, action), every head the log no longer matches, a head whose
signature does not hold, heads missing from the sequence, and entries after the newest signed head
(decision 0024). `--public-key` checks the signatures with a copy of the public key kept elsewhere;
`--heads` adds copies of signed heads kept elsewhere (a folder of the JSON files, or the public feed
saved as a file), so heads deleted from the store are still counted.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.audit import verify_anchors, verify_audit_chain
from core.audit_keys import key_id, load_public_key


def _copies(path: Path) -> list[tuple[str, bytes]]:
    """Signed heads kept elsewhere: every .json file in a folder, or one feed file with a "heads" list."""
    if path.is_dir():
        return [(str(file), file.read_bytes()) for file in sorted(path.glob("*.json"))]
    feed = json.loads(path.read_bytes())
    return [(f"{path}#{n}", json.dumps(head).encode()) for n, head in enumerate(feed.get("heads", []), 1)]


class Command(BaseCommand):
    help = "Verify the hash chain of the audit log and check it against every signed head."

    def add_arguments(self, parser):
        parser.add_argument("--public-key", type=Path, help="PEM file of the audit signing key's public half.")
        parser.add_argument("--heads", type=Path, help="Copies of signed heads: a folder of JSON files or a feed.")

    def handle(self, *args, **options):
        public_key = load_public_key(options["public_key"].read_bytes()) if options["public_key"] else None
        copies = _copies(options["heads"]) if options["heads"] else None
        chain = verify_audit_chain()
        anchors = verify_anchors(public_key=public_key, copies=copies)
        problems = []
        if chain.first_broken is not None:
            problems.append(f"The audit log is broken at {chain.first_broken.describe()}.")
        problems += [f"Against its signed heads: {problem}." for problem in anchors.problems]
        if problems:
            checked = f"{chain.events_checked:,} entries read, {anchors.anchors_checked:,} anchor files read"
            raise CommandError("\n".join([*problems, checked]), returncode=1)
        head = chain.head
        where = f"; newest entry {head.event_id} ({head.event_hash[:12]})" if head is not None and head.event_id else ""
        self.stdout.write(
            f"The audit log is intact: {chain.events_checked:,} entries checked{where}; "
            f"{anchors.anchors_checked} anchor file{'s' if anchors.anchors_checked != 1 else ''} match, "
            f"{anchors.signed} signed with key {key_id(public_key) if public_key else key_id()}."
        )
