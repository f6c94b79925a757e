"""Background work goes through the django-tasks database queue and the real worker command."""

import pytest
from django.core import mail
from django.core.management import call_command

from submissions.models import Submission
from submissions.services import submit_version


@pytest.mark.django_db(transaction=True)
def test_the_receipt_email_is_queued_on_submission_and_sent_by_the_worker(
    settings, endorsed_version, dorset_director, dorset_chief_executive
):
    # The database queue, as `make run` uses; db_worker closes connections, hence transaction=True.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    dorset_director.email = "director@dorset.example.gov.uk"
    dorset_director.save()

    submission = submit_version(
        version=endorsed_version, actor=dorset_chief_executive, certifier_role="chief_executive"
    )
    assert mail.outbox == []  # queued, not sent in the request

    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert "director@dorset.example.gov.uk" in email.to
    assert submission.reference in email.subject
    assert submission.content_hash in email.body
    html, mimetype = email.alternatives[0]
    assert mimetype == "text/html" and submission.reference in html


@pytest.mark.django_db
def test_submitting_twice_queues_one_receipt(
    django_capture_on_commit_callbacks, endorsed_version, dorset_chief_executive
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        submit_version(version=endorsed_version, actor=dorset_chief_executive, certifier_role="chief_executive")
        submit_version(version=endorsed_version, actor=dorset_chief_executive, certifier_role="chief_executive")
    # One receipt queued (the audit log's head is also written on commit, after each change).
    receipts = [callback for callback in callbacks if "submit_version" in callback.__qualname__]
    assert len(receipts) == 1
    assert Submission.objects.count() == 1
