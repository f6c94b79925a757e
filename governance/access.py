"""Tenancy for governance: the one way views reach reports, checklist lines, decisions and delegations.

Anything missing, or belonging to a council the person does not work for, is a 404. Within their
own council, a person asking to complete a checklist line or use a delegation that names someone
else gets a 403 (`PermissionDenied`): they can see the line, so its existence is no secret.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from governance.models import ChecklistLine, Decision, DecisionReport, Delegation
from plans.access import get_version_for_council_view, own_council


def _works_for(user, council) -> bool:
    return user.has_perm("plans.view_council_work", council)


def get_version_for_decision(user, version_id: int):
    version = get_version_for_council_view(user, version_id)
    if not user.has_perm("governance.record_decision", version.council):
        raise Http404("No such version")
    return version


def get_version_for_report(user, version_id: int):
    version = get_version_for_council_view(user, version_id)
    if not user.has_perm("governance.write_report", version.council):
        raise Http404("No such version")
    return version


def reports_visible_to(user) -> QuerySet[DecisionReport]:
    """Every decision report the person may read: their own council's, latest version first; none for anyone else."""
    council = own_council(user)
    if council is None:
        return DecisionReport.objects.none()
    return (
        DecisionReport.objects.select_related("council", "version").filter(council=council).order_by("-version__number")
    )


def get_report_for_view(user, report_id: int) -> DecisionReport:
    report = get_object_or_404(
        DecisionReport.objects.select_related("council", "version__return_definition", "updated_by"), pk=report_id
    )
    if not _works_for(user, report.council):
        raise Http404("No such report")
    return report


def get_report_for_change(user, report_id: int) -> DecisionReport:
    report = get_report_for_view(user, report_id)
    if not user.has_perm("governance.write_report", report.council):
        raise Http404("No such report")
    return report


def get_report_for_clerk(user, report_id: int) -> DecisionReport:
    """Democratic services' work on a report: people on lines, consultees, scrutiny comments."""
    report = get_report_for_view(user, report_id)
    if not user.has_perm("governance.configure_checklist", report.council):
        raise Http404("No such report")
    return report


def _line(report: DecisionReport, line_id: int) -> ChecklistLine:
    line = report.checklist_lines.select_related("person", "report").filter(pk=line_id).first()
    if line is None:
        raise Http404("No such line")
    return line


def get_line_for_signing(user, report_id: int, line_id: int) -> ChecklistLine:
    """A sign-off line the person is named on. Someone else's line at their own council is a 403."""
    line = _line(get_report_for_view(user, report_id), line_id)
    if line.kind != "sign_off" or line.person_id != user.pk:
        raise PermissionDenied("This line is not yours to complete")
    return line


def get_line_for_clerk(user, report_id: int, line_id: int) -> ChecklistLine:
    return _line(get_report_for_clerk(user, report_id), line_id)


def get_decision_for_clerk(user, decision_id: int) -> Decision:
    decision = get_object_or_404(Decision.objects.select_related("version__council", "recorded_by"), pk=decision_id)
    if not user.has_perm("governance.record_decision", decision.version.council):
        raise Http404("No such decision")
    return decision


def get_decision_for_view(user, decision_id: int) -> Decision:
    decision = get_object_or_404(Decision.objects.select_related("version__council", "recorded_by"), pk=decision_id)
    if not _works_for(user, decision.version.council):
        raise Http404("No such decision")
    return decision


def get_published_decision(decision_id: int) -> Decision:
    """A decision whose record is published: anyone may read it. Unpublished ones do not exist publicly."""
    decision = get_object_or_404(
        Decision.objects.select_related("version__council", "version__return_definition").filter(
            publication__isnull=False
        ),
        pk=decision_id,
    )
    return decision


def get_delegation_for_use(user, delegation_id: int) -> Delegation:
    """A delegation, for the officer it names. A colleague at the same council gets a 403."""
    delegation = get_object_or_404(
        Delegation.objects.select_related("decision__version__council", "decision__version__draft", "consult_with"),
        pk=delegation_id,
    )
    if not _works_for(user, delegation.decision.version.council):
        raise Http404("No such delegation")
    if delegation.officer_id != user.pk or not user.has_perm("governance.amend_under_delegation", delegation):
        raise PermissionDenied("Only the officer named in the delegation can use it")
    return delegation


def get_council_for_settings(user, council):
    if council is None or not user.has_perm("governance.configure_checklist", council):
        raise Http404("No such council")
    return council
