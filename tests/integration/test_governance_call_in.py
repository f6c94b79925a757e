"""Call-in, scrutiny comments, consultees, settings and the remaining refusals: every bad step is refused
with a clear message and changes nothing."""

import datetime

import pytest
from django.utils import timezone

from core.models import AuditEvent
from governance import selectors
from governance.exceptions import GovernanceRefusal, NotYourLine
from governance.models import CallIn, ChecklistEntry, DecisionDetails, DecisionPublication, GovernanceSettings
from governance.services import amendments, checklist, configuration, decisions, reports
from submissions.standing import endorsement_in_effect
from tests.integration.pages import error_summary_text, h1

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

TODAY = timezone.localdate


def dated(name, day):
    return {f"{name}-day": str(day.day), f"{name}-month": str(day.month), f"{name}-year": str(day.year)}


@pytest.fixture
def member(make_person, dorset):
    return make_person("dorset-cllr-member", council=dorset, roles=["lead_member"])


@pytest.fixture
def executive_decision(frozen_version, dorset_clerk, dorset_author):
    report = reports.create_report(version=frozen_version, actor=dorset_author)
    decision = decisions.record_decision(
        version=frozen_version,
        outcome="approved",
        decision_maker="Cabinet",
        decided_on=TODAY(),
        actor=dorset_clerk,
        details=decisions.RecordDetails(report=report, is_executive=True),
    )
    return decision


def test_a_call_in_within_the_period_stops_the_decision_until_scrutiny_resolves_it(
    client, executive_decision, dorset_clerk
):
    decision = executive_decision
    assert decision.details.call_in_working_days == 5  # the council's default setting
    client.force_login(dorset_clerk)
    page = client.get(f"/governance/decisions/{decision.pk}/")
    assert "Publish the decision record" in page.content.decode()
    # Before publication a call-in cannot be recorded.
    early = client.post(
        f"/governance/decisions/{decision.pk}/call-in/",
        {"requested_by": "Cllr A and Cllr B", "reason": "Not consulted", **dated("received_on", TODAY())},
    )
    assert "Only a published executive decision" in error_summary_text(early)
    assert client.post(f"/governance/decisions/{decision.pk}/publish/", {}).status_code == 302
    assert client.post(f"/governance/decisions/{decision.pk}/publish/", {}).status_code == 302
    assert DecisionPublication.objects.count() == 1
    assert client.get(f"/governance/decisions/{decision.pk}/call-in/resolve/").status_code == 302  # none to resolve
    form = client.get(f"/governance/decisions/{decision.pk}/call-in/")
    assert h1(form) == "Record a call-in"
    missing = client.post(f"/governance/decisions/{decision.pk}/call-in/", {})
    assert "Enter who called the decision in" in error_summary_text(missing)
    done = client.post(
        f"/governance/decisions/{decision.pk}/call-in/",
        {"requested_by": "Cllr A and Cllr B", "reason": "Not consulted", **dated("received_on", TODAY())},
    )
    assert done.status_code == 302 and CallIn.objects.get().outcome == "pending"
    far_future = TODAY() + datetime.timedelta(days=60)
    assert endorsement_in_effect(decision.version, today=far_future) is None
    again = client.post(
        f"/governance/decisions/{decision.pk}/call-in/",
        {"requested_by": "Cllr C", "reason": "Again", **dated("received_on", TODAY())},
    )
    assert "already been called in" in error_summary_text(again)
    assert CallIn.objects.count() == 1
    assert h1(client.get(f"/governance/decisions/{decision.pk}/call-in/resolve/")).startswith("Record scrutiny")
    no_outcome = client.post(f"/governance/decisions/{decision.pk}/call-in/resolve/", dated("resolved_on", TODAY()))
    assert "Select what scrutiny decided" in error_summary_text(no_outcome)
    resolved = client.post(
        f"/governance/decisions/{decision.pk}/call-in/resolve/",
        {"outcome": "no_further_action", **dated("resolved_on", TODAY())},
    )
    assert resolved.status_code == 302
    takes_effect = decision.publication.takes_effect_on
    assert endorsement_in_effect(decision.version, today=takes_effect).decision == decision
    assert selectors.decision_summary(decision, today=takes_effect).status.startswith("In effect from")
    with pytest.raises(GovernanceRefusal, match="already been resolved"):
        decisions.resolve_call_in(
            call_in=CallIn.objects.get(), outcome="referred_back", resolved_on=TODAY(), actor=dorset_clerk
        )


def test_a_call_in_referred_back_means_the_decision_never_takes_effect_and_its_delegation_cannot_be_used(
    executive_decision, dorset_clerk, dorset_director, member
):
    decision = executive_decision
    delegation = decisions.record_delegation(
        decision=decision, officer=dorset_director, consult_with=member, actor=dorset_clerk
    )
    publication = decisions.publish_decision_record(decision=decision, actor=dorset_clerk)
    with pytest.raises(GovernanceRefusal, match="call-in period"):
        decisions.record_call_in(
            decision=decision,
            received_on=publication.published_on - datetime.timedelta(days=1),
            requested_by="Cllr A",
            reason="Late",
            actor=dorset_clerk,
        )
    call_in = decisions.record_call_in(
        decision=decision, received_on=TODAY(), requested_by="Cllr A", reason="Not consulted", actor=dorset_clerk
    )
    summary = selectors.decision_summary(decision)
    assert summary.status == "Awaiting scrutiny" and not summary.call_in_open
    with pytest.raises(GovernanceRefusal, match="cannot be resolved before"):
        decisions.resolve_call_in(
            call_in=call_in,
            outcome="referred_back",
            resolved_on=TODAY() - datetime.timedelta(days=1),
            actor=dorset_clerk,
        )
    decisions.resolve_call_in(call_in=call_in, outcome="referred_back", resolved_on=TODAY(), actor=dorset_clerk)
    assert endorsement_in_effect(decision.version, today=TODAY() + datetime.timedelta(days=90)) is None
    with pytest.raises(GovernanceRefusal, match="referred back"):
        amendments.amend_under_delegation(
            delegation=delegation, summary="x", consulted_on=TODAY(), actor=dorset_director
        )


def test_delegations_must_name_the_councils_people(
    endorsed_version, dorset_clerk, dorset_director, member, somerset_author
):
    decision = endorsed_version.decisions.get()
    with pytest.raises(GovernanceRefusal, match="must work for Dorset"):
        decisions.record_delegation(decision=decision, officer=somerset_author, consult_with=member, actor=dorset_clerk)
    with pytest.raises(GovernanceRefusal, match="lead member"):
        decisions.record_delegation(
            decision=decision, officer=dorset_director, consult_with=dorset_clerk, actor=dorset_clerk
        )
    first = decisions.record_delegation(
        decision=decision, officer=dorset_director, consult_with=member, actor=dorset_clerk
    )
    assert (
        decisions.record_delegation(decision=decision, officer=dorset_director, consult_with=member, actor=dorset_clerk)
        == first
    )
    with pytest.raises(GovernanceRefusal, match="no changes"):
        amendments.amend_under_delegation(
            delegation=first, summary="Nothing", consulted_on=TODAY(), actor=dorset_director
        )
    with pytest.raises(GovernanceRefusal, match="before the decision"):
        amendments.amend_under_delegation(
            delegation=first,
            summary="x",
            actor=dorset_director,
            consulted_on=decision.decided_on - datetime.timedelta(days=1),
        )


def test_a_historic_decision_record_is_completed_once_before_publication(endorsed_version, dorset_clerk):
    decision = endorsed_version.decisions.get()
    with pytest.raises(GovernanceRefusal, match="0 working days or more"):
        decisions.complete_decision_record(
            decision=decision,
            actor=dorset_clerk,
            details=decisions.RecordDetails(is_executive=True, call_in_working_days=-1),
        )
    details = decisions.complete_decision_record(
        decision=decision,
        actor=dorset_clerk,
        details=decisions.RecordDetails(
            is_executive=True, call_in_working_days=0, reasons="Required by the department."
        ),
    )
    assert not details.subject_to_call_in
    assert (
        decisions.complete_decision_record(
            decision=decision, actor=dorset_clerk, details=decisions.RecordDetails(reasons="Other")
        )
        == details
    )
    assert DecisionDetails.objects.count() == 1
    publication = decisions.publish_decision_record(decision=decision, actor=dorset_clerk)
    assert publication.takes_effect_on == decision.decided_on and publication.call_in_ends_on is None


def test_a_decision_record_cannot_be_published_before_the_decision_or_in_the_future(endorsed_version, dorset_clerk):
    decision = endorsed_version.decisions.get()
    for day, message in [
        (decision.decided_on - datetime.timedelta(days=1), "before the decision was made"),
        (TODAY() + datetime.timedelta(days=1), "cannot be in the future"),
    ]:
        with pytest.raises(GovernanceRefusal, match=message):
            decisions.publish_decision_record(decision=decision, actor=dorset_clerk, published_on=day)
    assert not DecisionPublication.objects.exists()


def test_scrutiny_comments_are_shown_in_the_report_and_do_not_void_sign_offs(
    client, frozen_version, dorset_author, dorset_clerk, make_person, dorset
):
    mo = make_person("dorset-scrutiny-mo", council=dorset, roles=["monitoring_officer"])
    configuration.configure_governance(
        council=dorset,
        report_template="executive_decision_report",
        decision_maker="Executive",
        call_in_working_days=5,
        checklist_lines=["legal", "finance"],
        actor=dorset_clerk,
    )
    report = reports.create_report(version=frozen_version, actor=dorset_author)
    assert report.template_key == "executive_decision_report"
    checklist.sign_line(line=report.checklist_lines.get(key="legal"), actor=mo)
    client.force_login(dorset_clerk)
    assert h1(client.get(f"/governance/reports/{report.pk}/scrutiny/")) == "Record scrutiny comments"
    empty = client.post(f"/governance/reports/{report.pk}/scrutiny/", {})
    assert "Enter the scrutiny committee" in error_summary_text(empty)
    posted = {
        "committee": "Corporate and Resources Scrutiny Committee",
        "comments": "Barriers reflected.",
        **dated("met_on", TODAY()),
    }
    assert client.post(f"/governance/reports/{report.pk}/scrutiny/", posted).status_code == 302
    assert client.post(f"/governance/reports/{report.pk}/scrutiny/", posted).status_code == 302
    assert len(selectors.scrutiny_of(report)) == 1
    read = client.get(f"/governance/reports/{report.pk}/read/").content.decode()
    assert "Corporate and Resources Scrutiny Committee" in read and "Barriers reflected." in read
    report.refresh_from_db()
    assert selectors.checklist_of(report)[0].state == "done"


def test_consultee_lines_need_a_name_or_a_reason_and_refuse_a_future_date(
    frozen_version, dorset_author, dorset_clerk, client
):
    report = reports.create_report(version=frozen_version, actor=dorset_author)
    opposition = report.checklist_lines.get(key="opposition")
    local = report.checklist_lines.get(key="local_members")
    with pytest.raises(GovernanceRefusal, match="always needed"):
        checklist.record_consultee(
            line=opposition,
            consultee_name="",
            informed_on=TODAY(),
            actor=dorset_clerk,
            not_applicable=True,
            reason="No",
        )
    with pytest.raises(GovernanceRefusal, match="Enter who was informed"):
        checklist.record_consultee(line=opposition, consultee_name=" ", informed_on=TODAY(), actor=dorset_clerk)
    with pytest.raises(GovernanceRefusal, match="future"):
        checklist.record_consultee(
            line=opposition,
            consultee_name="Cllr X",
            informed_on=TODAY() + datetime.timedelta(days=1),
            actor=dorset_clerk,
        )
    with pytest.raises(GovernanceRefusal, match="signed off by the person"):
        checklist.record_consultee(
            line=report.checklist_lines.get(key="legal"), consultee_name="X", informed_on=TODAY(), actor=dorset_clerk
        )
    assert ChecklistEntry.objects.count() == 0
    client.force_login(dorset_clerk)
    form = client.post(
        f"/governance/reports/{report.pk}/lines/{local.pk}/consultee/",
        {"answer": "not_applicable", **dated("informed_on", TODAY())},
    )
    assert "Give the reason the line is not applicable" in error_summary_text(form)
    ok = client.post(
        f"/governance/reports/{report.pk}/lines/{local.pk}/consultee/",
        {"answer": "not_applicable", "reason": "Whole council area", **dated("informed_on", TODAY())},
    )
    assert ok.status_code == 302
    # A sign-off line is not recorded here; the clerk is sent back to the report.
    legal = report.checklist_lines.get(key="legal")
    assert client.get(f"/governance/reports/{report.pk}/lines/{legal.pk}/consultee/").status_code == 302
    assert client.get(f"/governance/reports/{report.pk}/lines/{local.pk}/person/").status_code == 302


def test_settings_refuse_bad_values_and_keep_the_statutory_lines(dorset, dorset_clerk, client):
    cases = [
        ({"report_template": "nonsense"}, "Select a report template"),
        ({"call_in_working_days": 31}, "30 working days or fewer"),
        ({"decision_maker": " "}, "Enter who usually makes the decision"),
        ({"checklist_lines": ["legal", "made-up"]}, "Select checklist lines from the list"),
        ({"checklist_lines": ["legal"]}, "must include the monitoring officer and the section 151 officer"),
    ]
    good = {
        "report_template": "cabinet_report",
        "decision_maker": "Cabinet",
        "call_in_working_days": 5,
        "checklist_lines": ["legal", "finance"],
    }
    events = AuditEvent.objects.count()
    for change, message in cases:
        with pytest.raises(GovernanceRefusal, match=message):
            configuration.configure_governance(council=dorset, actor=dorset_clerk, **(good | change))
    assert not GovernanceSettings.objects.exists() and AuditEvent.objects.count() == events
    client.force_login(dorset_clerk)
    assert h1(client.get("/governance/settings/")) == "How your council takes decisions"


def test_a_report_moves_to_a_later_version_and_its_sign_offs_are_voided(
    frozen_version, dorset_author, make_person, dorset
):
    from plans.services import freeze_draft, save_draft

    mo = make_person("dorset-move-mo", council=dorset, roles=["monitoring_officer"])
    report = reports.create_report(version=frozen_version, actor=dorset_author)
    checklist.sign_line(line=report.checklist_lines.get(key="legal"), actor=mo)
    draft = frozen_version.draft
    draft.refresh_from_db()
    save_draft(
        draft=draft,
        bodies={4: "Multi-year settlements, please."},
        based_on_revision=draft.revision,
        actor=dorset_author,
    )
    newer = freeze_draft(draft=draft, actor=dorset_author)
    with pytest.raises(GovernanceRefusal, match="later version"):
        reports.move_report_to_version(report=report, version=frozen_version, actor=dorset_author)
    moved, voided = reports.move_report_to_version(report=report, version=newer, actor=dorset_author)
    assert moved.version == newer and voided == ["Legal and governance (monitoring officer)"]
    assert any("must be signed off again" in reason for reason in selectors.agenda_blockers(moved))


def test_only_the_named_officer_sees_their_delegation_and_lines_waiting(
    client, endorsed_version, dorset_clerk, dorset_director, member, dorset_author, make_person, dorset
):
    decision = endorsed_version.decisions.get()
    decisions.record_delegation(decision=decision, officer=dorset_director, consult_with=member, actor=dorset_clerk)
    assert [d.decision for d in selectors.delegations_for(dorset_director)] == [decision]
    assert selectors.delegations_for(dorset_author) == []
    mo = make_person("dorset-waiting-mo", council=dorset, roles=["monitoring_officer"])
    reports.create_report(version=endorsed_version, actor=dorset_author)
    assert [v.line.key for v in selectors.lines_waiting_for(mo)] == ["legal"]
    client.force_login(mo)
    assert "Waiting for your sign-off" in client.get("/governance/").content.decode()
    with pytest.raises(NotYourLine):
        checklist.sign_line(line=selectors.lines_waiting_for(mo)[0].line, actor=dorset_director)


def test_governance_records_refuse_to_be_changed_or_deleted(
    executive_decision, dorset_clerk, dorset_director, member, make_person, dorset
):
    from core.models import AppendOnlyError
    from governance.models import ChecklistEntry, Delegation

    decision = executive_decision
    mo = make_person("dorset-append-mo", council=dorset, roles=["monitoring_officer"])
    legal = decision.details.report.checklist_lines.get(key="legal")
    checklist.name_line_person(line=legal, person=mo, actor=dorset_clerk)
    entry = checklist.sign_line(line=legal, actor=mo)
    delegation = decisions.record_delegation(
        decision=decision, officer=dorset_director, consult_with=member, actor=dorset_clerk
    )
    publication = decisions.publish_decision_record(decision=decision, actor=dorset_clerk)
    for record in (entry, delegation, publication, decision.details):
        assert str(record)
        with pytest.raises(AppendOnlyError):
            record.save()
        with pytest.raises(AppendOnlyError):
            record.delete()
    with pytest.raises(AppendOnlyError):
        ChecklistEntry.objects.filter(pk=entry.pk).update(reason="rewritten")
    with pytest.raises(AppendOnlyError):
        Delegation.objects.all().delete()
    entry.refresh_from_db()
    assert entry.reason == "" and Delegation.objects.count() == 1
    assert str(decision.details.report) and str(decision.details.report.checklist_lines.first())
