"""The audit log through the API, filtered by the same tenancy as the objects its entries describe.

- `GET /v1/audit-events`: department staff read every entry; a council's people read their council's entries;
  anyone else with a token reads none. An entry's `data` (what changed: a paper's text before and after, a
  report's edits, a reason given) is shown only to someone the owning app's `access.py` lets read the entry's
  subject, as the pages ask it (`plans.access.get_draft_for_view`, `meetings.access.get_paper_for_council_view`
  and the rest below); otherwise it is withheld (`data` empty, `data_withheld` true). So a panel member, who
  gets a 404 for a council's unpublished committee paper, does not read its text here either.
- `GET /v1/audit-events/verification`: department staff only (`core.read_audit_log`); the same checks as
  `manage.py verify_audit_log`.

The public reads no entries: it reads the signed heads (`/audit/`, `/audit/heads.json`), which name the newest
entry's hash and say nothing about what any entry holds (decision 0024).
"""

import datetime
from collections.abc import Callable

from django.http import Http404
from ninja import Field, Query, Router, Schema

from analysis import access as analysis_access
from api.auth import BearerToken
from api.schemas import Error, ValidationErrorOut
from core.access import check_can_read_audit_log
from core.audit import audit_events_page, verify_anchors, verify_audit_chain
from councils.selectors import council_of
from governance import access as governance_access
from meetings import access as meetings_access
from monitoring import access as monitoring_access
from plans import access as plans_access
from submissions import access as submissions_access

audit_router = Router(tags=["Audit log"], auth=BearerToken())


def _public(user, pk: int) -> None:
    """A subject anyone may read (a publication)."""


def _first_allowed(*readers: Callable) -> Callable:
    """The subject when any of the readers lets the person read it; Http404 from the last otherwise."""

    def read(user, pk: int):
        for reader in readers[:-1]:
            try:
                return reader(user, pk)
            except Http404:
                continue
        return readers[-1](user, pk)

    return read


# Each subject's owning app decides who reads an entry about it, with the function its own pages call.
READERS: dict[str, Callable] = {
    "plans.Draft": plans_access.get_draft_for_view,
    "plans.PlanVersion": plans_access.get_version_for_council_view,
    "governance.DecisionReport": governance_access.get_report_for_view,
    "governance.Decision": _first_allowed(
        governance_access.get_decision_for_view, lambda user, pk: governance_access.get_published_decision(pk)
    ),
    "meetings.Meeting": _first_allowed(
        meetings_access.get_meeting_for_council_view, lambda user, pk: meetings_access.get_published_meeting(pk)
    ),
    "meetings.Paper": meetings_access.get_paper_for_council_view,
    "submissions.Submission": submissions_access.get_submission_for_view,
    "submissions.Publication": _public,
    "analysis.Document": analysis_access.get_document_for_view,
    "analysis.AnalysisRun": analysis_access.get_run_for_view,
    "monitoring.ValueImport": monitoring_access.get_import_for_view,
    "monitoring.TrackedCommitment": monitoring_access.get_tracked_for_view,
}


def may_read_details(user, event, *, own_code: str | None, department: bool) -> bool:
    """Whether the person may read what an entry says about its subject.

    A subject whose app has a reader above: that reader decides. Any other subject: a council's entry to the
    council's own people, an entry about no council (the register, the returns, the analysis runs) to the
    department. Nothing is shown by default."""
    reader = READERS.get(event.subject_type)
    if reader is not None:
        try:
            reader(user, int(event.subject_id))
        except (Http404, ValueError):
            return False
        return True
    if event.council_code:
        return event.council_code == own_code
    return department


class AuditEventOut(Schema):
    id: int
    occurred_at: datetime.datetime
    action: str
    actor: str
    council: str = Field(description="ONS code of the council concerned, or empty")
    subject_type: str
    subject_id: str
    content_hash: str
    data: dict = Field(description="What changed; empty when withheld")
    data_withheld: bool = Field(
        description="True when the caller may not read the entry's subject (its app's access rules), so `data` is "
        "empty; the entry's hashes still show where it stands in the chain"
    )
    previous_hash: str
    event_hash: str


class AuditPageOut(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    results: list[AuditEventOut]


class AuditFilters(Schema):
    page: int = Field(1, ge=1, le=1_000_000)
    page_size: int = Field(100, ge=1, le=500)
    council: str | None = Field(None, description="ONS code", max_length=20)
    action: str | None = Field(None, description="Event name, e.g. AgendaPublished", max_length=60)


class BrokenEntryOut(Schema):
    id: int
    occurred_at: datetime.datetime
    action: str
    reason: str


class ChainHeadOut(Schema):
    id: int | None
    hash: str


class VerificationOut(Schema):
    intact: bool
    entries_checked: int
    first_broken: BrokenEntryOut | None
    head: ChainHeadOut | None
    anchors_checked: int
    anchor_problems: list[str]


@audit_router.get(
    "",
    response={200: AuditPageOut, 401: Error, 422: ValidationErrorOut},
    summary="The audit log, oldest first: what the caller may see",
)
def list_audit_events(request, filters: Query[AuditFilters]):
    """Every state change the caller may see: who did what, when, to which object, with the hashes that chain
    the log. Department staff see every entry, a council's people their council's, anyone else none; what an
    entry says about its subject only to those who may read the subject."""
    user = request.auth
    department = user.has_perm("core.read_audit_log")
    council = council_of(user)
    own_code = council.gss_code if council is not None and user.has_perm("plans.view_council_work", council) else None
    within = None if department else ([own_code] if own_code else [])
    page = audit_events_page(
        page=filters.page,
        page_size=filters.page_size,
        council_code=filters.council or "",
        action=filters.action or "",
        within_councils=within,
    )
    results = []
    for event in page.events:
        shown = may_read_details(user, event, own_code=own_code, department=department)
        results.append(
            {
                "id": event.pk,
                "occurred_at": event.occurred_at,
                "action": event.action,
                "actor": event.actor_name,
                "council": event.council_code,
                "subject_type": event.subject_type,
                "subject_id": event.subject_id,
                "content_hash": event.content_hash,
                "data": event.data if shown else {},
                "data_withheld": not shown,
                "previous_hash": event.previous_hash,
                "event_hash": event.event_hash,
            }
        )
    return {
        "count": page.count,
        "page": filters.page,
        "page_size": filters.page_size,
        "pages": page.pages,
        "results": results,
    }


@audit_router.get(
    "/verification",
    response={200: VerificationOut, 401: Error, 404: Error},
    summary="Check the audit log's hash chain and signed heads now",
)
def verification(request):
    """The same checks as `manage.py verify_audit_log`: each entry's hash, link and time, and the log against
    every signed head written outside the database."""
    check_can_read_audit_log(request.auth)
    chain = verify_audit_chain()
    anchors = verify_anchors()
    broken = chain.first_broken
    return {
        "intact": chain.intact and anchors.intact,
        "entries_checked": chain.events_checked,
        "first_broken": (
            {"id": broken.id, "occurred_at": broken.occurred_at, "action": broken.action, "reason": broken.reason}
            if broken
            else None
        ),
        "head": {"id": chain.head.event_id, "hash": chain.head.event_hash} if chain.head else None,
        "anchors_checked": anchors.anchors_checked,
        "anchor_problems": anchors.problems,
    }
