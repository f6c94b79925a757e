"""Submitting a return: the responsible officer certifies it, a double click submits once, and an
executive director prepares the return but cannot certify it."""

import datetime
import re

import pytest
from django.core import mail

from core.audit import verify_audit_chain
from core.dates import LONDON
from core.models import AuditEvent
from submissions.models import Submission
from tests.integration.pages import error_summary_text, h1, soup, text_of
from tests.integration.state import describe_change, snapshot

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def submit_url(version) -> str:
    return f"/your-plans/versions/{version.pk}/submit/"


def submit_form(client, version) -> dict:
    """The fields of the submit form as the page sends them (hidden one-time key included)."""
    page = soup(client.get(submit_url(version)))
    form = page.select_one("main form[method=post]")
    data = {field["name"]: field.get("value", "") for field in form.select("input[type=hidden]")}
    return data


def certified_submission_data(client, version) -> dict:
    """What a certifying officer's browser posts: the form's hidden fields and the ticked confirmation.
    For other tests that submit through the page: `client.post(url, certified_submission_data(...))`."""
    return {**submit_form(client, version), "confirm": "on"}


def test_the_chief_executive_certifies_the_endorsed_version_and_the_receipt_carries_the_statement(
    client, endorsed_version, dorset_chief_executive
):
    client.force_login(dorset_chief_executive)
    page = client.get(submit_url(endorsed_version))
    assert page.status_code == 200
    assert h1(page) == "Certify and submit version 1"
    statement = text_of(soup(page).select_one("#certification-statement"))
    assert "chief executive of Dorset" in statement
    assert "version 1" in statement and endorsed_version.content_hash in statement
    assert "endorsed by Cabinet on" in statement

    data = submit_form(client, endorsed_version)
    assert len(data["idempotency_key"]) >= 20 and data["certifier_role"] == "chief_executive"
    response = client.post(submit_url(endorsed_version), {**data, "confirm": "on"})
    submission = Submission.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/receipts/{submission.pk}/"
    assert submission.certified_by == dorset_chief_executive
    assert submission.certifier_role == "chief_executive"
    assert submission.certification == statement
    assert submission.idempotency_key == data["idempotency_key"]

    receipt = text_of(soup(client.get(response["Location"])).main)
    assert "Certified by Dorset Tester, chief executive" in receipt
    assert submission.content_hash in receipt and statement in receipt
    event = AuditEvent.objects.get(action="PlanSubmitted")
    assert event.content_hash == submission.content_hash
    assert event.data["certified_by"] == dorset_chief_executive.pk and event.data["certifier_role"] == "chief_executive"
    assert verify_audit_chain().intact


def test_a_section_151_officer_who_is_also_chief_executive_chooses_the_role_they_certify_in(
    client, endorsed_version, make_person, dorset
):
    both = make_person("dorset-two-hats", council=dorset, roles=["chief_executive", "section_151_officer"])
    client.force_login(both)
    page = soup(client.get(submit_url(endorsed_version)))
    assert [r["value"] for r in page.select("input[name=certifier_role][type=radio]")] == [
        "chief_executive",
        "section_151_officer",
    ]
    data = submit_form(client, endorsed_version)
    client.post(submit_url(endorsed_version), {**data, "certifier_role": "section_151_officer", "confirm": "on"})
    submission = Submission.objects.get()
    assert submission.certifier_role == "section_151_officer"
    assert "section 151 officer of Dorset" in submission.certification


def test_submitting_without_confirming_the_statement_is_refused_and_nothing_is_made(
    client, endorsed_version, dorset_chief_executive
):
    client.force_login(dorset_chief_executive)
    data = submit_form(client, endorsed_version)
    before = snapshot()
    response = client.post(submit_url(endorsed_version), data)
    assert response.status_code == 400
    assert "Confirm that this is the version members endorsed" in error_summary_text(response)
    assert snapshot() == before, describe_change(before, snapshot())


def test_a_double_click_submits_once_and_the_second_post_gets_the_first_receipt(
    client, endorsed_version, dorset_chief_executive, django_capture_on_commit_callbacks
):
    """Two POSTs of the same form (same one-time key): one submission, one receipt email, and both
    answers lead to the same receipt."""
    client.force_login(dorset_chief_executive)
    data = {**submit_form(client, endorsed_version), "confirm": "on"}
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(submit_url(endorsed_version), data)
        second = client.post(submit_url(endorsed_version), data)
    assert first["Location"] == second["Location"]
    assert Submission.objects.count() == 1
    assert len(mail.outbox) == 1


def test_the_same_key_posted_for_the_service_returns_the_first_receipt(endorsed_version, dorset_chief_executive):
    from submissions.services import submit_version

    first = submit_version(
        version=endorsed_version,
        actor=dorset_chief_executive,
        certifier_role="chief_executive",
        idempotency_key="k" * 40,
    )
    again = submit_version(
        version=endorsed_version,
        actor=dorset_chief_executive,
        certifier_role="chief_executive",
        idempotency_key="k" * 40,
    )
    assert again.pk == first.pk and Submission.objects.count() == 1


def test_a_used_key_cannot_submit_another_version(
    endorsed_version, dorset_chief_executive, dorset_author, dorset_clerk
):
    """A key is one-time: replaying it for a later version is refused with a clear message."""
    from django.utils import timezone

    from governance.services.decisions import record_decision
    from plans.services import freeze_draft, save_draft
    from submissions.services import SubmissionRefused, submit_version

    submit_version(
        version=endorsed_version,
        actor=dorset_chief_executive,
        certifier_role="chief_executive",
        idempotency_key="k" * 40,
    )
    draft = endorsed_version.draft
    draft.refresh_from_db()
    draft = save_draft(
        draft=draft,
        bodies={1: "Rewritten after the decision, at length."},
        based_on_revision=draft.revision,
        actor=dorset_author,
    )
    second = freeze_draft(draft=draft, actor=dorset_author)
    record_decision(
        version=second,
        outcome="approved",
        decision_maker="Cabinet",
        decided_on=timezone.localdate(),
        actor=dorset_clerk,
    )
    with pytest.raises(SubmissionRefused, match="This form has already been used"):
        submit_version(
            version=second, actor=dorset_chief_executive, certifier_role="chief_executive", idempotency_key="k" * 40
        )
    assert Submission.objects.count() == 1


def test_a_resubmission_is_a_new_certified_submission_linked_to_the_earlier_one(
    client, endorsed_version, dorset_chief_executive, dorset_author, dorset_clerk
):
    from django.utils import timezone

    from governance.services.decisions import record_decision
    from plans.services import freeze_draft, save_draft
    from submissions.services import submit_version

    first = submit_version(version=endorsed_version, actor=dorset_chief_executive, certifier_role="chief_executive")
    draft = endorsed_version.draft
    draft.refresh_from_db()
    draft = save_draft(
        draft=draft,
        bodies={2: "A corrected theme two, endorsed again."},
        based_on_revision=draft.revision,
        actor=dorset_author,
    )
    second = freeze_draft(draft=draft, actor=dorset_author)
    record_decision(
        version=second,
        outcome="approved",
        decision_maker="Cabinet",
        decided_on=timezone.localdate(),
        actor=dorset_clerk,
    )
    client.force_login(dorset_chief_executive)
    response = client.post(submit_url(second), {**submit_form(client, second), "confirm": "on"})
    resubmission = Submission.objects.get(version=second)
    assert response["Location"] == f"/receipts/{resubmission.pk}/"
    assert resubmission.replaces == first and resubmission.reference.endswith("-02")
    assert resubmission.content_hash == second.content_hash != first.content_hash
    assert f"Replaces {first.reference}" in text_of(soup(client.get(response["Location"])).main)


def test_an_executive_director_prepares_but_cannot_certify(
    client, endorsed_version, dorset_director, dorset_chief_executive, dorset_s151, django_capture_on_commit_callbacks
):
    """The director sees the version, the hash and who certifies, with no certification form. A forged
    POST with a key and a role is refused (400) and makes nothing; asking the certifiers emails them."""
    client.force_login(dorset_director)
    page = client.get(submit_url(endorsed_version))
    assert h1(page) == "Prepare version 1 for submission"
    body = text_of(soup(page).main)
    assert endorsed_version.content_hash in body
    assert "Dorset Tester, chief executive" in body and "Dorset Tester, section 151 officer" in body
    assert not soup(page).select("input[name=confirm]")

    before = snapshot()
    forged = client.post(
        submit_url(endorsed_version),
        {"idempotency_key": "f" * 40, "certifier_role": "chief_executive", "confirm": "on"},
    )
    assert forged.status_code == 400
    assert "Only Dorset's chief executive or section 151 officer can certify" in error_summary_text(forged)
    assert snapshot() == before, describe_change(before, snapshot())

    with django_capture_on_commit_callbacks(execute=True):
        asked = client.post(submit_url(endorsed_version), {"ask_for_certification": "1"})
    assert asked.status_code == 302
    assert not Submission.objects.exists()
    (email,) = mail.outbox
    assert sorted(email.to) == ["chief.executive@dorset.example.gov.uk", "s151@dorset.example.gov.uk"]
    assert f"/your-plans/versions/{endorsed_version.pk}/submit/" in email.body
    assert endorsed_version.content_hash in email.alternatives[0][0]


def test_the_service_refuses_a_certifier_who_does_not_hold_the_role_at_that_council(
    endorsed_version, dorset_director, somerset_chief_executive, dorset_s151
):
    from submissions.services import SubmissionRefused, submit_version

    attempts = [
        (dorset_director, "chief_executive", "is not its chief executive"),
        (somerset_chief_executive, "chief_executive", "is not its chief executive"),  # another council's
        (dorset_s151, "chief_executive", "is not its chief executive"),  # holds the other role only
        (dorset_s151, "monitoring_officer", "Choose the role"),
        (dorset_director, "", "Choose the role"),  # no certification at all: never an uncertified return
    ]
    for person, role, message in attempts:
        with pytest.raises(SubmissionRefused, match=message):
            submit_version(version=endorsed_version, actor=person, certifier_role=role)
    assert not Submission.objects.exists()


def test_submitting_an_unendorsed_version_is_refused_even_for_the_chief_executive(
    client, frozen_version, dorset_chief_executive
):
    client.force_login(dorset_chief_executive)
    page = client.get(submit_url(frozen_version))
    # No certification form is offered for a version that cannot be certified: the page says why.
    assert "Version 1 has not been endorsed by members" in page.content.decode()
    assert b'name="certifier_role"' not in page.content
    before = snapshot()
    data = {"certifier_role": "chief_executive", "idempotency_key": "a" * 32, "confirm": "on"}
    response = client.post(submit_url(frozen_version), data)
    assert response.status_code == 400
    assert "Version 1 has not been endorsed by members" in error_summary_text(response)
    assert snapshot() == before


def test_the_receipt_the_department_record_and_the_audit_event_show_one_hash(
    client, endorsed_version, dorset_chief_executive, analyst
):
    from submissions.services import submit_version

    submission = submit_version(
        version=endorsed_version,
        actor=dorset_chief_executive,
        certifier_role="chief_executive",
        at=datetime.datetime(2024, 7, 18, 10, tzinfo=LONDON),
    )
    client.force_login(dorset_chief_executive)
    receipt = client.get(f"/receipts/{submission.pk}/").content.decode()
    client.force_login(analyst)
    record = client.get(f"/department/submissions/{submission.pk}/").content.decode()
    for page in (receipt, record):
        assert re.findall(r"[0-9a-f]{64}", page).count(endorsed_version.content_hash) >= 1
        assert set(re.findall(r"\b[0-9a-f]{64}\b", page)) == {endorsed_version.content_hash}
