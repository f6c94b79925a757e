from django.core.management.base import BaseCommand

from devdata.cast import COUNCIL_PEOPLE, DEMO_PASSWORD, DEPARTMENT_USERS


class Command(BaseCommand):
    help = "Print the demo sign-ins."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="http://127.0.0.1:8000")

    def handle(self, *args, base_url, **options):
        self.stdout.write(f"Demo sign-ins at {base_url}/sign-in/ (the password for every one is {DEMO_PASSWORD})")
        for username, _first, _last, role, _title in DEPARTMENT_USERS:
            self.stdout.write(f"  {username:30} the department: {role.replace('_', ' ')}")
        for prefix, (_code, members) in COUNCIL_PEOPLE.items():
            for suffix, _first, _last, roles, _title in members:
                described = ", ".join(
                    role.replace("_", " ").replace("section 151", "section 151 (s151)") for role in roles
                )
                self.stdout.write(f"  {prefix + '-' + suffix:30} {prefix.title()} Council: {described}")
        self.stdout.write(
            "Somerset's draft is ready to take through the whole route: freeze (somerset-author), record the"
        )
        self.stdout.write(
            "decision (somerset-democratic-services), certify and submit (somerset-s151-officer), publish "
            "(somerset-democratic-services)."
        )
