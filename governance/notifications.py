"""Emails about decision reports (templates in governance/templates/governance/emails/)."""

from django.conf import settings
from django.urls import reverse

from core.emails import send_email
from governance.models import ChecklistLine


def send_line_assigned(*, line_id: int, person_id: int) -> int:
    """Email the person named on a sign-off line, if they are still the one named and have an address.
    Returns how many addresses it went to."""
    line = ChecklistLine.objects.select_related("report__council", "report__version__return_definition", "person").get(
        pk=line_id
    )
    if line.person_id != person_id or not line.person.email:
        return 0
    report = line.report
    send_email(
        subject=f"Please sign off the {line.label.lower()} line of {report.title}",
        template="governance/emails/line_assigned",
        context={
            "line": line,
            "report": report,
            "link": settings.SITE_URL + reverse("governance:sign_line", args=[report.pk, line.pk]),
            "waiting_link": settings.SITE_URL + reverse("worklist:waiting"),
        },
        to=[line.person.email],
    )
    return 1
