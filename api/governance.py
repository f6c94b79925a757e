"""Version 1 of the governance API: decision reports, their assurance checklist lines, and decisions.

The same services, the same `governance.access` functions and the same rules as the web pages
(councils/permissions.py):
- reading a report or decision: people who work for its council (`plans.view_council_work`);
- writing a report: `governance.write_report`; recording a decision: `governance.record_decision`;
- completing a checklist line: only the person named on it. Anyone else at the council gets 403 and
  nothing changes; signing twice records once (the second answer is 200 with the first completion).

Something the caller may not see is a 404, exactly as if it did not exist.
"""

import datetime

from django.core.exceptions import PermissionDenied
from ninja import Field, Router, Schema, Status
from pydantic import field_validator

from api.auth import BearerToken
from api.schemas import Error, RefusalOut, ValidationErrorOut
from governance import access, selectors
from governance.report_templates import MAX_CALL_IN_WORKING_DAYS
from governance.services import checklist, decisions, reports

router = Router(auth=BearerToken(), tags=["Governance"])


class ChecklistLineOut(Schema):
    id: int
    key: str
    label: str
    kind: str = Field(description="sign_off (the named person completes it) or consultee (recorded as informed)")
    only_if_implications: bool
    person: str | None = Field(description="Who must sign off the line (sign-off lines)")
    consultee: str | None = Field(description="Who was informed (consultee lines)")
    state: str = Field(description="waiting, unassigned, done, not_applicable, informed or voided")
    state_label: str
    completed_on: datetime.date | None
    reason: str | None = Field(description="Why the line is not applicable, when it is not")


class ScrutinyOut(Schema):
    committee: str
    met_on: datetime.date
    comments: str
    recommendations: str


class ReportOut(Schema):
    id: int
    council: str = Field(description="The council's ONS code")
    title: str
    template: str
    version_number: int
    version_hash: str
    content_hash: str = Field(description="The hash every sign-off is bound to: the report's text and the version")
    revision: int
    sections: dict[str, str]
    checklist: list[ChecklistLineOut]
    agenda_blockers: list[str] = Field(description="Why the report cannot go on a published agenda; empty if it can")
    scrutiny: list[ScrutinyOut]


class ReportSummaryOut(Schema):
    id: int
    council: str
    title: str
    version_number: int
    ready_for_agenda: bool


class ReportIn(Schema):
    revision: int = Field(description="The revision you read; a later save by someone else is a 409", ge=1)
    title: str = Field(min_length=1, max_length=200)
    sections: dict[str, str] = Field(description="Officers' text by section key; keys not in the template are ignored")


class ReportSavedOut(Schema):
    report: ReportOut
    sign_offs_voided: list[str]


class SignIn(Schema):
    not_applicable: bool = False
    reason: str = Field("", max_length=5000, description="Needed when the line is marked not applicable")


class EntryOut(Schema):
    line: int
    status: str
    on_date: datetime.date
    report_hash: str
    reason: str


class DelegationOut(Schema):
    officer: str
    consult_with: str
    scope: str


class DecisionOut(Schema):
    id: int
    council: str
    version_number: int
    content_hash: str
    outcome: str
    outcome_label: str
    decision_maker: str
    decided_on: datetime.date
    resolution: str
    executive: bool
    call_in_working_days: int
    record_published_on: datetime.date | None
    call_in_ends_on: datetime.date | None
    effective_on: datetime.date | None = Field(description="When the decision takes effect; null while it cannot")
    in_effect: bool
    status: str
    reasons: str
    alternatives_rejected: str
    conflicts_of_interest: str
    dispensation: str
    delegations: list[DelegationOut]


class DecisionIn(Schema):
    outcome: str = Field(pattern="^(approved|approved_with_amendments|deferred|rejected)$")
    decision_maker: str = Field(min_length=1, max_length=200)
    decided_on: datetime.date
    resolution: str = Field("", max_length=20000)
    executive: bool = False
    call_in_working_days: int | None = Field(
        None,
        description="Working days (0 to 30) after publication of the record; the council's setting when left out",
    )
    reasons: str = Field("", max_length=20000)
    alternatives_rejected: str = Field("", max_length=20000)
    conflicts_of_interest: str = Field("", max_length=20000)
    dispensation: str = Field("", max_length=20000)

    @field_validator("call_in_working_days")
    @classmethod
    def call_in_in_range(cls, value):
        if value is not None and value < 0:
            raise ValueError("The call-in period must be 0 working days or more (0 means no call-in)")
        if value is not None and value > MAX_CALL_IN_WORKING_DAYS:
            raise ValueError(f"The call-in period must be {MAX_CALL_IN_WORKING_DAYS} working days or fewer")
        return value


def _name(user) -> str | None:
    return (user.get_full_name() or user.username) if user is not None else None


def _report_out(report) -> dict:
    return {
        "id": report.pk,
        "council": report.council.gss_code,
        "title": report.title,
        "template": report.template_key,
        "version_number": report.version.number,
        "version_hash": report.version.content_hash,
        "content_hash": report.content_hash,
        "revision": report.revision,
        "sections": report.sections or {},
        "checklist": [
            {
                "id": view.line.pk,
                "key": view.line.key,
                "label": view.line.label,
                "kind": view.line.kind,
                "only_if_implications": view.line.only_if_implications,
                "person": _name(view.line.person),
                "consultee": view.line.consultee_name or None,
                "state": view.state,
                "state_label": view.state_label,
                "completed_on": view.entry.on_date if view.entry else None,
                "reason": (view.entry.reason or None) if view.entry else None,
            }
            for view in selectors.checklist_of(report)
        ],
        "agenda_blockers": selectors.agenda_blockers(report),
        "scrutiny": [
            {"committee": c.committee, "met_on": c.met_on, "comments": c.comments, "recommendations": c.recommendations}
            for c in selectors.scrutiny_of(report)
        ],
    }


def _decision_out(decision) -> dict:
    summary = selectors.decision_summary(decision)
    details, publication = summary.details, summary.publication
    return {
        "id": decision.pk,
        "council": decision.version.council.gss_code,
        "version_number": decision.version.number,
        "content_hash": decision.content_hash,
        "outcome": decision.outcome,
        "outcome_label": decision.get_outcome_display(),
        "decision_maker": decision.decision_maker,
        "decided_on": decision.decided_on,
        "resolution": decision.resolution,
        "executive": bool(details and details.is_executive),
        "call_in_working_days": details.call_in_working_days if details else 0,
        "record_published_on": publication.published_on if publication else None,
        "call_in_ends_on": publication.call_in_ends_on if publication else None,
        "effective_on": summary.effective_on,
        "in_effect": summary.in_effect,
        "status": summary.status,
        "reasons": details.reasons if details else "",
        "alternatives_rejected": details.alternatives_rejected if details else "",
        "conflicts_of_interest": details.conflicts_of_interest if details else "",
        "dispensation": details.dispensation if details else "",
        "delegations": [
            {"officer": _name(d.officer), "consult_with": _name(d.consult_with), "scope": d.scope}
            for d in summary.delegations
        ],
    }


# --- Reports --------------------------------------------------------------------------------


@router.get("/reports", response={200: list[ReportSummaryOut], 401: Error}, summary="Decision reports you may see")
def list_reports(request):
    return [
        {
            "id": r.pk,
            "council": r.council.gss_code,
            "title": r.title,
            "version_number": r.version.number,
            "ready_for_agenda": not selectors.agenda_blockers(r),
        }
        for r in access.reports_visible_to(request.auth)
    ]


@router.post(
    "/versions/{version_id}/report",
    response={200: ReportOut, 201: ReportOut, 401: Error, 404: Error},
    summary="Make the decision report for a frozen version",
)
def create_report(request, version_id: int):
    """201 with the new report; 200 with the existing one if the version already has a report."""
    version = access.get_version_for_report(request.auth, version_id)
    existing = selectors.report_for_version(version)
    report = reports.create_report(version=version, actor=request.auth)
    return Status(200 if existing else 201, _report_out(report))


@router.get("/reports/{report_id}", response={200: ReportOut, 401: Error, 404: Error}, summary="A decision report")
def report_detail(request, report_id: int):
    return _report_out(access.get_report_for_view(request.auth, report_id))


@router.put(
    "/reports/{report_id}",
    response={200: ReportSavedOut, 401: Error, 404: Error, 409: RefusalOut, 422: ValidationErrorOut},
    summary="Save officers' text",
)
def save_report(request, report_id: int, payload: ReportIn):
    """Any change voids the sign-offs made against the earlier text; the answer lists them.
    409 when someone saved since `revision`, or when members have endorsed the version (the report is
    then a record)."""
    report = access.get_report_for_change(request.auth, report_id)
    saved, voided = reports.save_report(
        report=report,
        title=payload.title,
        sections=payload.sections,
        based_on_revision=payload.revision,
        actor=request.auth,
    )
    return {"report": _report_out(saved), "sign_offs_voided": voided}


@router.post(
    "/reports/{report_id}/lines/{line_id}/sign",
    response={200: EntryOut, 201: EntryOut, 401: Error, 403: RefusalOut, 404: Error, 409: RefusalOut},
    summary="Complete your checklist line",
)
def sign_line(request, report_id: int, line_id: int, payload: SignIn):
    """201 when recorded; 200 with the first completion when the line already counts with the same answer.
    403 when the line names someone else; nothing is recorded."""
    try:
        line = access.get_line_for_signing(request.auth, report_id, line_id)
        before = line.entries.count()
        entry = checklist.sign_line(
            line=line, actor=request.auth, not_applicable=payload.not_applicable, reason=payload.reason
        )
    except PermissionDenied:
        return Status(403, {"detail": "This checklist line is not yours to complete"})
    body = {
        "line": line.pk,
        "status": entry.status,
        "on_date": entry.on_date,
        "report_hash": entry.report_hash,
        "reason": entry.reason,
    }
    return Status(201 if line.entries.count() > before else 200, body)


# --- Decisions ------------------------------------------------------------------------------


@router.post(
    "/versions/{version_id}/decision",
    response={201: DecisionOut, 401: Error, 404: Error, 409: RefusalOut, 422: ValidationErrorOut},
    summary="Record members' decision on a version",
)
def record_decision(request, version_id: int, payload: DecisionIn):
    """A historic decision is recorded as such (it takes effect on its date). An executive decision takes
    effect once its published record's call-in period has passed without call-in. 409 when refused
    (a future date, a second endorsement, a date before the version was frozen)."""
    version = access.get_version_for_decision(request.auth, version_id)
    decision = decisions.record_decision(
        version=version,
        outcome=payload.outcome,
        decision_maker=payload.decision_maker,
        decided_on=payload.decided_on,
        resolution=payload.resolution,
        actor=request.auth,
        details=decisions.RecordDetails(
            report=selectors.report_for_version(version),
            is_executive=payload.executive,
            call_in_working_days=payload.call_in_working_days,
            reasons=payload.reasons,
            alternatives_rejected=payload.alternatives_rejected,
            conflicts_of_interest=payload.conflicts_of_interest,
            dispensation=payload.dispensation,
        ),
    )
    return Status(201, _decision_out(decision))


@router.get(
    "/decisions/{decision_id}", response={200: DecisionOut, 401: Error, 404: Error}, summary="A decision and its record"
)
def decision_detail(request, decision_id: int):
    return _decision_out(access.get_decision_for_view(request.auth, decision_id))


class PublishIn(Schema):
    published_on: datetime.date | None = Field(
        None, description="The day the record was published; today when left out (a historic record keeps its date)"
    )


@router.post(
    "/decisions/{decision_id}/publish",
    response={200: DecisionOut, 401: Error, 404: Error, 409: RefusalOut, 422: ValidationErrorOut},
    summary="Publish a decision's record",
)
def publish_decision_record(request, decision_id: int, payload: PublishIn):
    """Starts the call-in period of an executive decision. Publishing again returns the same record.
    409 for a date in the future or before the decision."""
    decision = access.get_decision_for_clerk(request.auth, decision_id)
    decisions.publish_decision_record(decision=decision, actor=request.auth, published_on=payload.published_on)
    return _decision_out(decision)
