"""The demo loaded by `make run`: built through the services, and loading it again changes nothing."""

import pytest
from django.core.management import call_command

from accounts.models import User
from core.audit import verify_audit_chain
from core.models import AuditEvent
from councils.models import Council
from governance.models import Decision
from plans.models import Draft, PlanVersion
from submissions.models import Publication, ReturnStatus, Submission

pytestmark = pytest.mark.django_db

MODELS = [User, Council, Draft, PlanVersion, Decision, Submission, Publication, ReturnStatus, AuditEvent]


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_the_demo_loads_on_an_empty_database_and_a_second_run_changes_nothing(capsys):
    call_command("load_demo_data")
    printed = capsys.readouterr().out
    for username in ["dorset-author", "somerset-author", "dorset-monitoring-officer", "department-analyst"]:
        assert username in printed
        assert User.objects.filter(username=username).exists()
    first = counts()
    assert first["Council"] == 317
    assert verify_audit_chain().intact
    # The route printed for Somerset names, for each step, someone who may take it.
    somerset = Council.objects.get(gss_code="E06000066")
    route = " ".join(printed.split("Somerset's draft is ready", 1)[1].split())
    for step, permission in [
        ("freeze", "plans.freeze_draft"),
        ("record the decision", "governance.record_decision"),
        ("certify and submit", "submissions.certify_return"),
        ("publish", "submissions.publish_plan"),
    ]:
        username = route.split(f"{step} (", 1)[1].split(")", 1)[0]
        assert User.objects.get(username=username).has_perm(permission, somerset), f"{username} cannot {step}"

    call_command("load_demo_data", "--quiet-sign-ins")
    assert counts() == first


def test_the_demo_shows_dorset_and_somerset_at_different_stages_and_a_july_2024_register():
    call_command("load_demo_data", "--quiet-sign-ins")
    stages = {status.council.gss_code: status for status in ReturnStatus.objects.select_related("council")}
    assert stages["E06000059"].stage == "published" and stages["E06000059"].on_time is True
    assert stages["E06000066"].stage == "draft"
    assert len(stages) >= 14
    assert {status.stage for status in stages.values()} >= {"draft", "endorsed", "submitted", "published"}
    assert {status.on_time for status in stages.values() if status.submitted_at} == {True, False}

    dorset = PlanVersion.objects.get(council__gss_code="E06000059")
    theme_three = next(s["body"] for s in dorset.content["sections"] if s["theme"] == 3)
    assert "0.35%" in theme_three and "0.96%" in theme_three
    assert "Public Sector Equality Duty" in theme_three
    decision = Decision.objects.get(version=dorset)
    assert decision.decision_maker == "Cabinet" and decision.decided_on.isoformat() == "2024-07-09"


def test_dorsets_demo_plan_carries_its_spend_figures_as_shares_of_the_staff_budget():
    call_command("load_demo_data", "--quiet-sign-ins")
    dorset = PlanVersion.objects.get(council__gss_code="E06000059")
    evidence = dorset.content["spend_evidence"]
    assert evidence["agency_share_percent"] == "0.35"
    assert evidence["consultant_share_percent"] == "0.96"
    assert {b["category"] for b in dorset.content["barriers"]} >= {"rurality-geography", "funding-certainty"}
    assert dorset.content["commitments"]


def test_dorsets_demo_draft_passes_the_guidance_checks_with_its_real_page_count():
    from plans.selectors import draft_for, return_by_slug
    from submissions.standing import draft_guidance as guidance_checks

    call_command("load_demo_data", "--quiet-sign-ins")  # tests run tasks at once, so the PDF is printed
    draft = draft_for(
        council=Council.objects.get(gss_code="E06000059"), return_definition=return_by_slug("productivity-plan-2024")
    )
    checks, page_count = guidance_checks(draft)
    status = {check.id: check.status for check in checks}
    assert page_count is not None and page_count <= 4
    for check_id in [
        "theme-1",
        "theme-2",
        "theme-3",
        "theme-4",
        "consultants",
        "agency",
        "edi",
        "barriers",
        "page-limit",
        "endorsement",
    ]:
        assert status[check_id] == "pass", (check_id, [c for c in checks if c.id == check_id])
    assert status["deadline"] == "advice"  # the 2024 deadline has passed; that is advice, not a failure
