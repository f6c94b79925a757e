"""Emails about submissions: plain text and HTML, from one template pair each."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from councils.selectors import members_of
from submissions.models import Submission


def receipt_recipients(submission: Submission) -> list[str]:
    people = {submission.submitted_by.email} | {m.user.email for m in members_of(submission.council)}
    return sorted(address for address in people if address)


def send_submission_receipt(*, submission_id: int) -> int:
    """Send the receipt email; returns how many addresses it went to."""
    submission = Submission.objects.select_related("council", "return_definition", "version", "submitted_by").get(
        pk=submission_id
    )
    recipients = receipt_recipients(submission)
    if not recipients:
        return 0
    context = {"submission": submission}
    message = EmailMultiAlternatives(
        subject=f"Receipt {submission.reference}: {submission.council.name} {submission.return_definition.title}",
        body=render_to_string("submissions/email/receipt.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
    )
    message.attach_alternative(render_to_string("submissions/email/receipt.html", context), "text/html")
    message.send()
    return len(recipients)
