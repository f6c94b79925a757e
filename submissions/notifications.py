"""Emails about returns: plain text and HTML, from one template pair each (templates/submissions/emails/).

Sent through Django's email backend: the console by default, SMTP when EMAIL_BACKEND says so
(config/settings.py reads EMAIL_HOST, EMAIL_PORT and the rest from the environment).
"""

from django.conf import settings

from core.emails import send_email
from submissions.models import Chase, Submission
from submissions.selectors import named_contact_emails


def receipt_recipients(submission: Submission) -> list[str]:
    """The council's side: who submitted, who certified, and the council's named contacts."""
    people = {submission.submitted_by.email, submission.certified_by.email if submission.certified_by else ""}
    people |= set(named_contact_emails(submission.council))
    return sorted(address for address in people if address)


def _send(*, subject: str, template: str, context: dict, to: list[str], cc: list[str] = ()) -> None:
    send_email(subject=subject, template=f"submissions/emails/{template}", context=context, to=to, cc=cc)


def send_submission_receipt(*, submission_id: int) -> int:
    """Send the receipt to the council, copied to the department's returns team, as one message so
    both hold the same text and hash. Returns how many addresses it went to."""
    submission = Submission.objects.select_related(
        "council", "return_definition", "version", "submitted_by", "certified_by", "extension", "replaces"
    ).get(pk=submission_id)
    council_side = receipt_recipients(submission)
    department = [a for a in settings.DEPARTMENT_RETURNS_EMAIL if a not in council_side]
    if not council_side and not department:
        return 0
    _send(
        subject=f"Receipt {submission.reference}: {submission.council.name} {submission.return_definition.title}",
        template="receipt",
        context={"submission": submission},
        to=council_side or department,
        cc=department if council_side else [],
    )
    return len(council_side) + len(department)


def send_chase(*, chase_id: int) -> int:
    """Send a reminder to the addresses recorded on the chase. Returns how many it went to."""
    chase = Chase.objects.select_related("council", "return_definition", "sent_by").get(pk=chase_id)
    recipients = [line for line in chase.recipients.splitlines() if line.strip()]
    if not recipients:
        return 0
    status = chase.council.return_statuses.filter(return_definition=chase.return_definition).first()
    deadline = status.deadline if status and status.deadline else chase.return_definition.deadline
    _send(
        subject=f"Reminder: {chase.council.name}'s {chase.return_definition.title.lower()} is due {deadline:%-d %B %Y}"
        if chase.kind == Chase.Kind.AUTOMATIC
        else f"The department is waiting for {chase.council.name}'s {chase.return_definition.title.lower()}",
        template="chase",
        context={"chase": chase, "deadline": deadline, "extension": status.extension if status else None},
        to=recipients,
    )
    return len(recipients)


def send_certification_request(*, version_id: int, requested_by_id: int, link: str, recipients: list[str]) -> int:
    from django.contrib.auth import get_user_model

    from plans.models import PlanVersion

    version = PlanVersion.objects.select_related("council", "return_definition").get(pk=version_id)
    requested_by = get_user_model().objects.get(pk=requested_by_id)
    if not recipients:
        return 0
    _send(
        subject=f"Please certify and submit {version.council.name}'s {version.return_definition.title.lower()}",
        template="certification_request",
        context={"version": version, "requested_by": requested_by, "link": link},
        to=list(recipients),
    )
    return len(recipients)
