"""Deadlines in the demo: an extension, a submission certified within it, chases and automatic reminders.

Built through the real services, with past dates, and without sending email (the demo's reminders
were "sent" in July 2024). Safe to run again: each step is skipped when its record exists.
"""

import datetime
import zoneinfo

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from councils.selectors import council_by_code
from councils.services import grant_council_role
from devdata.cast import DEMO_PASSWORD
from plans.selectors import draft_for, return_by_slug, versions_of
from submissions.models import Chase, Extension, Submission
from submissions.services import chase_council, grant_extension, send_due_reminders, submit_version
from submissions.standing import endorsement_in_effect

LONDON = zoneinfo.ZoneInfo("Europe/London")
RETURN_SLUG = "productivity-plan-2024"
EXTENDED = "E06000047"  # County Durham: cabinet endorsed on 17 July, too late to return by the 19th
CHASED = ["E07000178", "E09000001"]  # Oxford: endorsed but not returned; City of London: a draft only


def _at(day: str, time: str = "10:00") -> datetime.datetime:
    return datetime.datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=LONDON)


def _s151_officer(council):
    """A section 151 officer for a demo council that has none, so it can certify its return."""
    username = council.name.lower().replace(" ", "-") + "-s151-officer"
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={
            "first_name": "Demo",
            "last_name": f"Section 151 officer ({council.name})",
            "job_title": "Section 151 officer",
            "email": f"{username}@example.gov.uk",
            "password": make_password(DEMO_PASSWORD),
        },
    )
    grant_council_role(user=user, council=council, role="section_151_officer")
    return user


def build_submissions_demo(log=print) -> None:
    return_definition = return_by_slug(RETURN_SLUG)
    analyst = get_user_model().objects.get(username="department-analyst")

    # Automatic reminders as the daily run would have sent them: 14, 7 and 1 day before 19 July.
    for day in (5, 12, 18):
        send_due_reminders(
            return_definition=return_definition,
            today=datetime.date(2024, 7, day),
            at=_at(f"2024-07-{day:02d}", "07:00"),
            notify=False,
        )
    log(f"  Automatic reminders on record: {Chase.objects.filter(kind=Chase.Kind.AUTOMATIC).count()}")

    durham = council_by_code(EXTENDED)
    if not Extension.objects.filter(council=durham, return_definition=return_definition).exists():
        if not Submission.objects.filter(council=durham, return_definition=return_definition).exists():
            grant_extension(
                council=durham,
                return_definition=return_definition,
                deadline=datetime.date(2024, 8, 2),
                reason="Cabinet could only consider the plan on 17 July; two weeks allowed for the final text.",
                actor=analyst,
                at=_at("2024-07-16", "14:30"),
            )
    draft = draft_for(council=durham, return_definition=return_definition)
    endorsed = [v for v in versions_of(draft) if endorsement_in_effect(v) is not None] if draft else []
    version = max(endorsed, key=lambda v: v.number) if endorsed else None
    submitted = Submission.objects.filter(council=durham, return_definition=return_definition).exists()
    if version is not None and not submitted:
        submission = submit_version(
            version=version,
            actor=_s151_officer(durham),
            certifier_role="section_151_officer",
            at=_at("2024-07-30", "11:45"),
            send_receipt=False,
        )
        log(
            f"  {durham.name}: extension to 2 August, submitted 30 July ({'on time' if submission.on_time else 'late'})"
        )

    for code in CHASED:
        council = council_by_code(code)
        if Chase.objects.filter(council=council, return_definition=return_definition, kind=Chase.Kind.MANUAL).exists():
            continue
        if Submission.objects.filter(council=council, return_definition=return_definition).exists():
            continue
        chase_council(
            council=council,
            return_definition=return_definition,
            actor=analyst,
            at=_at("2024-07-22", "09:15"),
            notify=False,
        )
        log(f"  {council.name}: chased by the department on 22 July")
