"""Write the head of the audit chain to today's anchor file; with --schedule, keep doing it daily."""

from django.core.management.base import BaseCommand

from core.audit import schedule_daily_anchor, write_anchor


class Command(BaseCommand):
    help = "Write the audit log's newest entry id and hash to an anchor file in storage (audit-anchors/)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Also enqueue the daily anchor task (it re-enqueues itself for 1am each day).",
        )

    def handle(self, *args, **options):
        anchor = write_anchor(reason="daily")
        if anchor.last_event_id is None:
            self.stdout.write(f"Wrote {anchor.name}: the audit log is empty.")
        else:
            self.stdout.write(
                f"Wrote {anchor.name}: {anchor.events:,} entries, newest {anchor.last_event_id} "
                f"({anchor.last_event_hash[:12]})."
            )
        if options["schedule"]:
            run_after = schedule_daily_anchor(after_writing=True)
            if run_after is None:
                self.stdout.write("This task backend cannot run tasks later; no daily anchor was scheduled.")
            else:
                self.stdout.write(f"The next daily anchor is due at {run_after:%Y-%m-%d %H:%M %Z}.")
