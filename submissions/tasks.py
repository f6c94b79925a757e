"""Background work for submissions, run by the django-tasks worker (`manage.py db_worker`)."""

from core.tasks import task
from submissions.notifications import send_submission_receipt


@task()
def email_submission_receipt(submission_id: int) -> int:
    """Email the receipt to the person who submitted and the council's named officers."""
    return send_submission_receipt(submission_id=submission_id)
