"""What the service states about where a version stands is true on every route a user can reach:
a resolved call-in, an executive decision recorded with the council's call-in default, an extension,
an amendment under delegation (before and after the return), and the PDF of a draft's text."""

import datetime
import json

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from governance.models import DelegatedAmendment
from governance.services import configuration, decisions
from plans.models import PlanVersion
from plans.services import save_draft
from submissions import services as submissions
from submissions import standing
from submissions.models import Submission
from submissions.publishing import publish_version
from tests.integration.pages import error_summary_text, soup

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

TODAY = timezone.localdate


def text(response) -> str:
    return soup(response).get_text(" ", strip=True)


def dated(name, day):
    return {f"{name}-day": str(day.day), f"{name}-month": str(day.month), f"{name}-year": str(day.year)}


@pytest.fixture
def called_in(written_draft, dorset_author, dorset_clerk):
    """An executive decision of a fortnight ago whose record was published the next day and called in
    that day: its call-in period is over, but the call-in waits for scrutiny."""
    from plans.services import freeze_draft

    version = freeze_draft(draft=written_draft, actor=dorset_author, at=timezone.now() - datetime.timedelta(days=20))
    decision = decisions.record_decision(
        version=version,
        outcome="approved",
        decision_maker="Cabinet",
        decided_on=TODAY() - datetime.timedelta(days=15),
        actor=dorset_clerk,
        details=decisions.RecordDetails(is_executive=True),
    )
    published_on = TODAY() - datetime.timedelta(days=14)
    decisions.publish_decision_record(decision=decision, actor=dorset_clerk, published_on=published_on)
    return decisions.record_call_in(
        decision=decision,
        received_on=published_on,
        requested_by="Cllr Hardy",
        reason="Not consulted",
        actor=dorset_clerk,
    )


def test_a_call_in_resolved_with_no_further_action_is_in_effect_on_every_page(
    client, called_in, dorset_clerk, dorset_chief_executive
):
    version = called_in.decision.version
    client.force_login(dorset_chief_executive)
    # While the call-in waits for scrutiny, the certify page offers no button the service would refuse.
    waiting = client.get(reverse("submissions:submit", args=[version.pk]))
    assert 'name="confirm"' not in waiting.content.decode()
    assert "scrutiny has not yet resolved the call-in" in text(waiting)
    workspace = text(client.get(reverse("submissions:council_dashboard")))
    assert "Not yet in effect" in workspace and "Certify and submit version 1" not in workspace

    decisions.resolve_call_in(call_in=called_in, outcome="no_further_action", resolved_on=TODAY(), actor=dorset_clerk)
    workspace = text(client.get(reverse("submissions:council_dashboard")))
    assert "call-in period is running" not in workspace and "Not yet in effect" not in workspace
    assert "Certify and submit version 1 to the department" in workspace
    submit = client.get(reverse("submissions:submit", args=[version.pk]))
    assert "has not been endorsed" not in text(submit) and 'name="confirm"' in submit.content.decode()
    decision_page = text(client.get(reverse("governance:decision_detail", args=[called_in.decision.pk])))
    assert f"In effect from {TODAY().day} {TODAY():%B %Y}" in decision_page
    checks = text(client.get(reverse("submissions:draft_checks", args=[version.draft_id])))
    assert "Members have endorsed this text." in checks


def test_an_executive_decision_starts_subject_to_the_councils_call_in_period(
    client, frozen_version, dorset_clerk, dorset
):
    client.force_login(dorset_clerk)
    page = soup(client.get(reverse("governance:record_decision", args=[frozen_version.pk])))
    assert page.select_one('input[name="is_executive"]').has_attr("checked")
    assert page.select_one('input[name="call_in_working_days"]')["value"] == "5"
    configuration.configure_governance(
        council=dorset,
        report_template="cabinet_report",
        decision_maker="Full Council",
        call_in_working_days=0,
        checklist_lines=["legal", "finance"],
        actor=dorset_clerk,
    )
    page = soup(client.get(reverse("governance:record_decision", args=[frozen_version.pk])))
    assert not page.select_one('input[name="is_executive"]').has_attr("checked")


def test_the_draft_checks_use_the_councils_extended_deadline(client, written_draft, analyst, dorset_author):
    submissions.grant_extension(
        council=written_draft.council,
        return_definition=written_draft.return_definition,
        deadline=datetime.date(2024, 8, 2),
        reason="The cabinet meeting moved",
        actor=analyst,
    )
    client.force_login(dorset_author)
    checks = text(client.get(reverse("submissions:draft_checks", args=[written_draft.pk])))
    assert "The extended deadline of 2 August 2024 (the return's was 19 July 2024) has passed." in checks
    assert "The deadline of 19 July 2024 has passed" not in checks


def test_the_draft_page_says_a_pdf_is_being_prepared_only_when_one_is(client, written_draft, dorset_author):
    client.force_login(dorset_author)
    page = text(client.get(reverse("submissions:draft_detail", args=[written_draft.pk])))
    assert "being prepared" not in page
    assert "There is no PDF of this text yet" in page and "Make the PDF" in page
    # A change to the draft's content queues its PDF once the change is committed (tasks run at once here).
    assert not default_storage.exists("plan-renders")
    client.post(reverse("plans:render_pdf", args=[written_draft.pk]))
    page = text(client.get(reverse("submissions:draft_detail", args=[written_draft.pk])))
    assert "Download the draft as a PDF" in page and "being prepared" not in page


def test_every_change_to_a_drafts_content_queues_its_pdf(
    written_draft, dorset_author, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        save_draft(
            draft=written_draft,
            bodies={1: "We joined two contact centres."},
            based_on_revision=written_draft.revision,
            actor=dorset_author,
        )
    # One render queued (the audit log's head is also written on commit, after each change).
    assert [callback.__qualname__ for callback in callbacks if "render" in callback.__qualname__] == [
        "_queue_render.<locals>.<lambda>"
    ]
    from plans import rendering

    assert rendering.pdf_state(written_draft)["state"] == "done"


@pytest.fixture
def delegated(endorsed_version, make_person, dorset, dorset_clerk, dorset_chief_executive):
    member = make_person("dorset-leader", council=dorset, roles=["lead_member"])
    decision = endorsed_version.decisions.get()
    return decisions.record_delegation(
        decision=decision, officer=dorset_chief_executive, consult_with=member, actor=dorset_clerk
    )


def _amend(client, delegation, **extra):
    return client.post(
        reverse("submissions:amend_under_delegation", args=[delegation.pk]),
        {"summary": "Adds the saving to theme 1.", **dated("consulted_on", TODAY()), **extra},
    )


def test_an_amended_version_is_certified_received_and_published_as_what_it_is(
    client, delegated, dorset_author, dorset_chief_executive, dorset_clerk
):
    draft = delegated.decision.version.draft
    draft.refresh_from_db()
    save_draft(
        draft=draft,
        # Theme 1 rewritten: well over a tenth of the plan's words.
        bodies={1: "Back-office teams are merged into one shared service, which saves £2m a year from 2025."},
        based_on_revision=draft.revision,
        actor=dorset_author,
    )
    client.force_login(dorset_chief_executive)
    page = text(client.get(reverse("submissions:amend_under_delegation", args=[delegated.pk])))
    assert "Words changed" in page and "Share of the plan" in page and "Theme 1" in page
    refused = _amend(client, delegated)
    assert "Confirm the amendment is minor and say why" in error_summary_text(refused)
    assert not DelegatedAmendment.objects.exists()
    reason = "It adds a figure members saw in the report."
    assert _amend(client, delegated, confirmed_minor_reason=reason).status_code == 302
    amended = PlanVersion.objects.get(number=2)
    # Members may still endorse the amended text in a decision of its own.
    assert standing.standing_of(amended).may(standing.DECIDE)

    submit = client.get(reverse("submissions:submit", args=[amended.pk]))
    statement = soup(submit).select_one("#certification-statement").get_text(" ", strip=True)
    assert "is the version members endorsed" not in statement
    made = f"{TODAY().day} {TODAY():%B %Y}"
    assert (
        f"version 2 of the productivity plan 2024 is version 1 as endorsed by Cabinet on {made}, with minor "
        f"amendments made on {made} by"
    ) in statement
    submission = submissions.submit_version(
        version=amended, actor=dorset_chief_executive, certifier_role="chief_executive"
    )
    assert "with minor amendments" in submission.certification
    receipt = text(client.get(reverse("submissions:receipt", args=[submission.pk])))
    assert "with minor amendments" in receipt

    publication = publish_version(version=amended, actor=dorset_clerk)
    with default_storage.open(publication.json_name) as handle:
        published = json.load(handle)
    assert published["endorsement"]["endorsed_version"] == 1
    assert published["endorsement"]["amendment"]["confirmed_minor_reason"] == reason
    assert "with minor amendments" in published["endorsement"]["description"]
    client.logout()
    public = text(client.get(reverse("portal:council_detail", args=[amended.council.gss_code])))
    assert "Version 2: version 1 as endorsed by Cabinet" in public
    assert f"Why the amendments are minor: {reason}" in public
    assert "for version 2" not in public

    # After the return the delegation (for amendments before submission) no longer applies.
    draft.refresh_from_db()
    save_draft(draft=draft, bodies={2: "A later change."}, based_on_revision=draft.revision, actor=dorset_author)
    client.force_login(dorset_chief_executive)
    after = client.get(reverse("submissions:amend_under_delegation", args=[delegated.pk]))
    assert "needs a new decision of members" in soup(after).select_one("#why-not").get_text()
    assert not soup(after).select("main form")
    late = _amend(client, delegated, confirmed_minor_reason=reason)
    assert "needs a new decision of members" in error_summary_text(late)
    assert PlanVersion.objects.count() == 2 and DelegatedAmendment.objects.count() == 1
    assert Submission.objects.count() == 1


def test_an_unpublished_record_of_a_decision_subject_to_call_in_waits_for_democratic_services(
    client, frozen_version, dorset_clerk, dorset_chief_executive
):
    decision = decisions.record_decision(
        version=frozen_version,
        outcome="approved",
        decision_maker="Cabinet",
        decided_on=TODAY(),
        actor=dorset_clerk,
        details=decisions.RecordDetails(is_executive=True),
    )
    client.force_login(dorset_clerk)
    page = soup(client.get("/waiting-for-you/"))
    links = {a.get_text(" ", strip=True): a["href"] for a in page.select(".app-waiting-list > li a")}
    assert links["Publish the record of the decision on version 1"] == reverse(
        "governance:decision_detail", args=[decision.pk]
    )
    decisions.publish_decision_record(decision=decision, actor=dorset_clerk)
    page = soup(client.get("/waiting-for-you/"))
    assert "Publish the record" not in page.get_text()
    # The chief executive has nothing to certify until the call-in period has passed.
    client.force_login(dorset_chief_executive)
    assert "Certify and submit version 1" not in soup(client.get("/waiting-for-you/")).get_text()


def test_freezing_unchanged_text_says_nothing_new_was_frozen(client, frozen_version, dorset_author):
    client.force_login(dorset_author)
    response = client.post(reverse("plans:freeze", args=[frozen_version.draft_id]), follow=True)
    assert "Nothing new was frozen: the draft's text is already version 1" in text(response)
    assert PlanVersion.objects.count() == 1
