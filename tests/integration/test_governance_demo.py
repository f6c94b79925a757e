"""The governance demo: Dorset's and Somerset's reports, checklists, scrutiny and decision records, built
through the services; a second load adds nothing."""

import datetime

import pytest
from django.core.management import call_command

from councils.models import Council
from governance import selectors
from governance.models import (
    ChecklistEntry,
    DecisionPublication,
    DecisionReport,
    Delegation,
    GovernanceSettings,
    ScrutinyComment,
)
from plans.models import PlanVersion
from submissions.standing import endorsement_in_effect

pytestmark = pytest.mark.django_db

MODELS = [GovernanceSettings, DecisionReport, ChecklistEntry, ScrutinyComment, Delegation, DecisionPublication]


def test_the_governance_demo_is_complete_and_loading_it_again_adds_nothing():
    call_command("load_demo_data", "--quiet-sign-ins")
    first = {model.__name__: model.objects.count() for model in MODELS}

    dorset = Council.objects.get(gss_code="E06000059")
    dorset_report = DecisionReport.objects.get(council=dorset)
    assert dorset_report.template_key == "cabinet_report" and selectors.agenda_blockers(dorset_report) == []
    decision = dorset_report.version.decisions.get()
    summary = selectors.decision_summary(decision)
    assert summary.publication.published_on == datetime.date(2024, 7, 10)
    assert summary.details.is_executive and not summary.details.subject_to_call_in
    assert [(d.officer.username, d.consult_with.username) for d in summary.delegations] == [
        ("dorset-executive-director", "dorset-lead-member")
    ]
    assert endorsement_in_effect(dorset_report.version).decision == decision

    somerset = Council.objects.get(gss_code="E06000066")
    somerset_report = DecisionReport.objects.get(council=somerset)
    assert somerset_report.template_key == "executive_decision_report"
    assert selectors.agenda_blockers(somerset_report) == []
    states = {view.line.key: view for view in selectors.checklist_of(somerset_report)}
    assert states["workforce"].state == "not_applicable" and states["workforce"].entry.reason
    assert states["legal"].who != states["finance"].who
    assert [c.met_on for c in selectors.scrutiny_of(somerset_report)] == [datetime.date(2024, 6, 19)]
    assert not PlanVersion.objects.get(council=somerset).decisions.exists()  # left for the tour

    call_command("load_demo_data", "--quiet-sign-ins")
    assert {model.__name__: model.objects.count() for model in MODELS} == first
