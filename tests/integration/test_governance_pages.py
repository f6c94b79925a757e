"""The governance pages as people use them: writing the report, signing the checklist, recording the
decision with call-in and delegation, amending under it. Each refusal is shown and changes nothing."""

import datetime

import pytest
from django.utils import timezone

from core.models import AuditEvent
from governance import selectors
from governance.models import ChecklistEntry, Decision, DecisionReport, GovernanceSettings
from governance.services import reports
from plans.models import PlanVersion
from submissions.standing import endorsement_in_effect
from tests.integration.pages import error_summary_text, h1, soup, text_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


@pytest.fixture
def officers(make_person, dorset):
    roles = {"mo": "monitoring_officer", "s151": "section_151_officer", "member": "lead_member"}
    return {key: make_person(f"dorset-page-{key}", council=dorset, roles=[role]) for key, role in roles.items()}


@pytest.fixture
def report(frozen_version, dorset_author, officers, dorset_director):
    return reports.create_report(version=frozen_version, actor=dorset_author)


def date_fields(name, day):
    return {f"{name}-day": str(day.day), f"{name}-month": str(day.month), f"{name}-year": str(day.year)}


def test_an_author_writes_the_report_from_a_frozen_version(client, frozen_version, dorset_author, officers):
    client.force_login(dorset_author)
    listing = client.get("/governance/")
    assert "Write the decision report for version 1" in listing.content.decode()
    response = client.post(f"/governance/versions/{frozen_version.pk}/report/")
    report = DecisionReport.objects.get()
    assert response["Location"] == f"/governance/reports/{report.pk}/"
    # Asking again returns the same report.
    assert client.post(f"/governance/versions/{frozen_version.pk}/report/")["Location"] == response["Location"]
    page = client.get(response["Location"])
    assert h1(page) == report.title
    assert "cannot be published on an agenda" in page.content.decode()
    form = client.get(f"/governance/reports/{report.pk}/edit/")
    assert soup(form).select_one("#id_section_summary") is not None
    saved = client.post(
        f"/governance/reports/{report.pk}/edit/",
        {
            "title": "Productivity plan",
            "revision": report.revision,
            "section_summary": "Asks Cabinet to agree.",
            "section_recommendation": "Agree the plan.",
            "section_reasons": "Members must endorse it.",
        },
    )
    assert saved.status_code == 302
    read = client.get(f"/governance/reports/{report.pk}/read/")
    assert h1(read) == "Productivity plan" and "Asks Cabinet to agree." in read.content.decode()
    assert "Appendix A" in read.content.decode()
    pdf = client.get(f"/governance/reports/{report.pk}/report.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_a_required_section_left_empty_is_shown_and_nothing_is_saved(client, report, dorset_author):
    client.force_login(dorset_author)
    before = report.content_hash
    response = client.post(
        f"/governance/reports/{report.pk}/edit/",
        {"title": "", "revision": report.revision, "section_summary": ""},
    )
    assert response.status_code == 200
    assert "Enter the report's title" in error_summary_text(response)
    assert "Enter the brief summary" in error_summary_text(response)
    report.refresh_from_db()
    assert report.content_hash == before and report.revision == 1


def test_a_person_signing_a_line_not_theirs_gets_403_and_nothing_changes(client, report, officers):
    legal = report.checklist_lines.get(key="legal")
    client.force_login(officers["s151"])
    events = AuditEvent.objects.count()
    assert client.get(f"/governance/reports/{report.pk}/lines/{legal.pk}/sign/").status_code == 403
    assert (
        client.post(f"/governance/reports/{report.pk}/lines/{legal.pk}/sign/", {"answer": "completed"}).status_code
        == 403
    )
    assert ChecklistEntry.objects.count() == 0 and AuditEvent.objects.count() == events


def test_another_councils_person_gets_404_for_the_report_and_its_lines(client, report, somerset_author):
    client.force_login(somerset_author)
    legal = report.checklist_lines.get(key="legal")
    for url in [
        f"/governance/reports/{report.pk}/",
        f"/governance/reports/{report.pk}/read/",
        f"/governance/reports/{report.pk}/report.pdf",
        f"/governance/reports/{report.pk}/lines/{legal.pk}/sign/",
    ]:
        assert client.get(url).status_code == 404, url


def test_the_named_person_signs_once_and_a_line_marked_not_applicable_needs_a_reason(
    client, report, officers, make_person, dorset, dorset_clerk
):
    legal = report.checklist_lines.get(key="legal")
    client.force_login(officers["mo"])
    url = f"/governance/reports/{report.pk}/lines/{legal.pk}/sign/"
    assert client.post(url, {"answer": "completed"}).status_code == 302
    assert client.post(url, {"answer": "completed"}).status_code == 302
    assert ChecklistEntry.objects.filter(line=legal).count() == 1
    # A line that is always needed offers no "not applicable" answer.
    refused = client.post(url, {"answer": "not_applicable", "reason": "No"})
    assert refused.status_code == 200 and "Select a valid choice" in error_summary_text(refused)

    workforce_lead = make_person("dorset-page-hr", council=dorset, roles=["workforce_lead"])
    workforce = report.checklist_lines.get(key="workforce")
    assert workforce.person is None  # no one held the role when the report was made
    client.force_login(dorset_clerk)
    named = client.post(f"/governance/reports/{report.pk}/lines/{workforce.pk}/person/", {"person": workforce_lead.pk})
    assert named.status_code == 302
    client.force_login(workforce_lead)
    url = f"/governance/reports/{report.pk}/lines/{workforce.pk}/sign/"
    no_reason = client.post(url, {"answer": "not_applicable", "reason": ""})
    assert "Give the reason the line is not applicable" in error_summary_text(no_reason)
    assert not ChecklistEntry.objects.filter(line=workforce).exists()
    client.post(url, {"answer": "not_applicable", "reason": "No change to staff"})
    page = client.get(f"/governance/reports/{report.pk}/")
    assert "Reason: No change to staff" in text_of(soup(page).select_one(".govuk-summary-list"))


def test_a_minus_one_day_call_in_period_is_refused_with_a_clear_message(client, dorset_clerk, dorset):
    client.force_login(dorset_clerk)
    response = client.post(
        "/governance/settings/",
        {
            "report_template": "cabinet_report",
            "decision_maker": "Cabinet",
            "call_in_working_days": "-1",
            "checklist_lines": ["legal", "finance"],
        },
    )
    assert response.status_code == 200
    assert "The call-in period must be 0 working days or more" in error_summary_text(response)
    assert not GovernanceSettings.objects.exists()
    ok = client.post(
        "/governance/settings/",
        {
            "report_template": "executive_decision_report",
            "decision_maker": "Executive",
            "call_in_working_days": "5",
            "checklist_lines": ["legal", "finance", "lead_member"],
        },
    )
    assert ok.status_code == 302 and GovernanceSettings.objects.get(council=dorset).call_in_working_days == 5


def test_a_decision_with_call_in_and_delegation_then_a_minor_amendment(
    client, report, dorset_clerk, dorset_director, dorset_author, officers
):
    client.force_login(dorset_clerk)
    today = timezone.localdate()
    response = client.post(
        f"/governance/versions/{report.version_id}/decision/",
        {
            "outcome": "approved",
            "decision_maker": "Cabinet",
            **date_fields("decided_on", today),
            "is_executive": "on",
            "call_in_working_days": "5",
            "reasons": "Members must endorse the plan.",
            "alternatives_rejected": "None considered.",
            "delegate_to": str(dorset_director.pk),
            "consult_with": str(officers["member"].pk),
        },
    )
    decision = Decision.objects.get()
    assert response["Location"] == f"/governance/decisions/{decision.pk}/"
    version = PlanVersion.objects.get(pk=report.version_id)
    assert endorsement_in_effect(version) is None  # not published, so call-in has not started
    assert client.get(f"/governance/decisions/{decision.pk}/record/").status_code == 404  # not public yet
    client.post(f"/governance/decisions/{decision.pk}/publish/", {})
    client.logout()
    record = client.get(f"/governance/decisions/{decision.pk}/record/")
    assert record.status_code == 200 and "Members must endorse the plan." in record.content.decode()
    assert "In the call-in period until" in record.content.decode()
    # Editing the report of an endorsed version is refused.
    client.force_login(dorset_author)
    refused = client.post(
        f"/governance/reports/{report.pk}/edit/",
        {
            "title": "Changed",
            "revision": report.revision,
            "section_summary": "x",
            "section_recommendation": "x",
            "section_reasons": "x",
        },
    )
    assert "cannot be changed" in error_summary_text(refused)
    # The author edits the draft; the delegated officer makes the amendment.
    from plans.services import save_draft

    draft = version.draft
    draft.refresh_from_db()
    save_draft(
        draft=draft,
        bodies={2: "Our data strategy brings service data together."},
        based_on_revision=draft.revision,
        actor=dorset_author,
    )
    delegation = decision.delegations.get()
    assert client.get(f"/governance/delegations/{delegation.pk}/amend/").status_code == 403
    client.force_login(dorset_director)
    page = client.get(f"/governance/delegations/{delegation.pk}/amend/")
    assert "Changes from endorsed version 1" in page.content.decode()
    bad = client.post(
        f"/governance/delegations/{delegation.pk}/amend/", {"summary": "", **date_fields("consulted_on", today)}
    )
    assert "Describe the minor amendment" in error_summary_text(bad)
    assert PlanVersion.objects.count() == 1
    done = client.post(
        f"/governance/delegations/{delegation.pk}/amend/",
        {"summary": "Shortened theme 2.", **date_fields("consulted_on", today)},
    )
    # The short test plan makes this a large share of its words, so the officer must say why it is minor.
    assert "Confirm the amendment is minor and say why" in error_summary_text(done)
    assert PlanVersion.objects.count() == 1
    done = client.post(
        f"/governance/delegations/{delegation.pk}/amend/",
        {
            "summary": "Shortened theme 2.",
            **date_fields("consulted_on", today),
            "confirmed_minor_reason": "It shortens a sentence; nothing the council commits to changes.",
        },
    )
    assert done.status_code == 302
    amended = PlanVersion.objects.get(number=2)
    assert selectors.amendment_of(amended).delegation == delegation
    # Through the delegation, the amended version is endorsed once the call-in period has passed.
    takes_effect = decision.publication.takes_effect_on
    assert endorsement_in_effect(amended, today=takes_effect).decision == decision
    assert endorsement_in_effect(amended, today=takes_effect - datetime.timedelta(days=1)) is None
