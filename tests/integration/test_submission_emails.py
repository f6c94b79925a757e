"""The receipt email: one message, text and HTML, to the submitting council and the department."""

import datetime

import pytest
from django.core import mail

from core.dates import LONDON

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def test_the_receipt_goes_to_the_council_and_the_department_in_text_and_html(
    settings,
    endorsed_version,
    dorset_chief_executive,
    dorset_director,
    dorset_author,
    analyst,
    django_capture_on_commit_callbacks,
):
    from submissions.services import grant_extension, submit_version

    settings.DEPARTMENT_RETURNS_EMAIL = ["returns@department.example.gov.uk"]
    dorset_director.email = "director@dorset.example.gov.uk"
    dorset_director.save()
    dorset_author.email = "author@dorset.example.gov.uk"  # not a named contact
    dorset_author.save()
    grant_extension(
        council=endorsed_version.council,
        return_definition=endorsed_version.return_definition,
        deadline=datetime.date(2024, 8, 2),
        reason="Cabinet moved.",
        actor=analyst,
    )
    with django_capture_on_commit_callbacks(execute=True):
        submission = submit_version(
            version=endorsed_version,
            actor=dorset_chief_executive,
            certifier_role="chief_executive",
            at=datetime.datetime(2024, 7, 30, 15, tzinfo=LONDON),
        )
    (email,) = mail.outbox
    assert email.to == ["chief.executive@dorset.example.gov.uk", "director@dorset.example.gov.uk"]
    assert email.cc == ["returns@department.example.gov.uk"]
    assert email.subject == f"Receipt {submission.reference}: Dorset Productivity plan 2024"
    text = email.body
    assert f"Content hash (SHA-256): {submission.content_hash}" in text
    assert (
        "Against the deadline: on time (deadline 2 August 2024, extended by the department from 19 July 2024)" in text
    )
    assert "Certified by: Dorset Tester, chief executive" in text and submission.certification in text
    assert "30 July 2024" in text
    html, mimetype = email.alternatives[0]
    assert mimetype == "text/html"
    assert submission.reference in html and submission.content_hash in html
    assert "<strong>On time</strong>" in html and "extended by the department from 19 July 2024" in html
    assert "&lt;" not in text, "the text part is not HTML-escaped"


def test_with_no_council_address_the_department_still_gets_the_receipt(
    settings, endorsed_version, dorset_s151, django_capture_on_commit_callbacks
):
    from submissions.services import submit_version

    settings.DEPARTMENT_RETURNS_EMAIL = ["returns@department.example.gov.uk"]
    dorset_s151.email = ""
    dorset_s151.save()
    with django_capture_on_commit_callbacks(execute=True):
        submission = submit_version(version=endorsed_version, actor=dorset_s151, certifier_role="section_151_officer")
    (email,) = mail.outbox
    assert email.to == ["returns@department.example.gov.uk"] and email.cc == []
    assert submission.on_time is False  # submitted today, long after 19 July 2024
    assert "Against the deadline: late (deadline 19 July 2024)" in email.body
