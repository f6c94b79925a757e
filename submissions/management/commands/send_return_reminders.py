from django.core.management.base import BaseCommand, CommandError

from core.dates import long_datetime
from plans.selectors import open_returns, return_by_slug
from submissions.services import send_due_reminders
from submissions.tasks import schedule_daily_reminders


class Command(BaseCommand):
    help = (
        "Email the automatic reminders due today (settings.RETURN_REMINDER_DAYS before each council's deadline) "
        "to councils that have not submitted. Each reminder goes to a council once, however often this runs."
    )

    def add_arguments(self, parser):
        parser.add_argument("--return", dest="slug", default="", help="Only this return (its slug).")
        parser.add_argument(
            "--daily",
            action="store_true",
            help="Also queue the daily run through the task worker (it queues the next day's run itself).",
        )

    def handle(self, *args, slug="", daily=False, **options):
        if slug:
            return_definition = return_by_slug(slug)
            if return_definition is None:
                raise CommandError(f"No return with the slug {slug!r}")
            returns = [return_definition]
        else:
            returns = list(open_returns())
        for return_definition in returns:
            sent = send_due_reminders(return_definition=return_definition)
            self.stdout.write(f"{return_definition.title}: {len(sent)} reminder{'s' if len(sent) != 1 else ''} sent")
            for chase in sent:
                days = chase.days_before_deadline
                self.stdout.write(f"  {chase.council.name} ({days} day{'s' if days != 1 else ''} before the deadline)")
        if daily:
            queued = schedule_daily_reminders()
            if queued is None:
                self.stdout.write("The daily run is already queued (or this task backend cannot run tasks later)")
            else:
                self.stdout.write(f"The next daily run is queued for {long_datetime(queued.task.run_after)} (UK time)")
