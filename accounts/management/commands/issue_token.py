from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from accounts.services import issue_api_token


class Command(BaseCommand):
    help = (
        "Issue an API token for a user and print it (use as 'Authorization: Bearer <token>'); "
        "it ends after API_TOKEN_LIFETIME_DAYS (90), when revoked, or when the password changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        try:
            user = User.objects.get(username=username, is_active=True)
        except User.DoesNotExist:
            raise CommandError(f"No active user called {username!r}.") from None
        self.stdout.write(issue_api_token(user=user))
