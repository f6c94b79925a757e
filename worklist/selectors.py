"""What waits for a person: one function per kind of work, and `waiting_for(user)` gathering them.

Each function takes the person, their council (None for department staff) and what they may do
(`permissions_of`), and returns `WaitingItem`s for their own council only. An item is shown only to
someone who may act on it, and only while the work is still to do: a signed line, a published
agenda, a submitted version or a confirmed import drops out by itself, because each is worked out
from the records every time.

This app sits at the top of the layers, so it reads the stages' records directly (as `portal`
does), and uses their selectors where a rule already lives there (checklist states, agenda
blockers, endorsement).
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone

from analysis import services as analysis_services
from core import shared_cache
from core.audit import events_of
from core.dates import uk_date
from councils.selectors import council_by_code, council_of
from governance import selectors as governance_selectors
from governance.checklist import UNASSIGNED, VOIDED
from governance.models import ENDORSING_OUTCOMES, DecisionReport
from governance.report_templates import template_for
from meetings import selectors as meetings_selectors
from meetings.models import AgendaItem, Meeting
from monitoring import selectors as monitoring_selectors
from plans.models import PlanVersion
from plans.selectors import return_by_slug
from submissions import selectors as submissions_selectors
from submissions import standing
from submissions.models import Publication, Submission

# The permissions (councils/permissions.py) that decide who sees each kind of work. Council
# permissions are asked of the person's own council; the department's of no object.
COUNCIL_PERMISSIONS = (
    "plans.view_council_work",
    "governance.write_report",
    "governance.configure_checklist",
    "governance.record_decision",
    "meetings.manage_meetings",
    "submissions.submit_return",
    "submissions.certify_return",
    "submissions.publish_plan",
    "monitoring.manage_figures",
    "monitoring.approve_figures",
)
DEPARTMENT_PERMISSIONS = (
    "submissions.read_returns",
    "submissions.manage_returns",
    "analysis.read_corpus",
    "analysis.import_documents",
    "monitoring.read_monitoring",
    "monitoring.load_national_figures",
)


@dataclass(frozen=True)
class WaitingItem:
    kind: str  # one of KINDS
    what: str  # the link's text: what there is to do
    council: str
    about: str  # which version, report, meeting or file
    since: datetime.datetime | datetime.date
    href: str

    @property
    def since_day(self) -> datetime.date:
        return timezone.localdate(self.since) if isinstance(self.since, datetime.datetime) else self.since


KINDS = {
    "sign_off": "Checklist line to sign off",
    "write_report": "Decision report to write",
    "checklist": "Checklist to complete",
    "agenda": "Agenda to publish",
    "decision": "Decision to record",
    "decision_record": "Decision record to publish",
    "certify": "Version to certify and submit",
    "ask_certification": "Version ready for certification",
    "publish": "Plan to publish",
    "import": "Import to confirm",
    "extension": "Request for an extension",
    "approve_figures": "Figures to approve",
    "track": "Commitments to follow with a metric",
}


def permissions_of(user, council) -> frozenset[str]:
    """Which of the service's permissions the person holds, at their council or at the department."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    held = {perm for perm in DEPARTMENT_PERMISSIONS if user.has_perm(perm)}
    if council is not None:
        held |= {perm for perm in COUNCIL_PERMISSIONS if user.has_perm(perm, council)}
    return frozenset(held)


def _version_label(version) -> str:
    return f"{version.return_definition.title}, version {version.number}"


def _latest_per_draft(versions) -> list:
    """The newest version of each draft among `versions`."""
    newest: dict[int, Any] = {}
    for version in versions:
        if version.draft_id not in newest or version.number > newest[version.draft_id].number:
            newest[version.draft_id] = version
    return sorted(newest.values(), key=lambda v: (v.return_definition.title, v.number))


# --- Where a version stands: the one place this app asks (submissions.standing) --------------


def _may(version, action: str) -> bool:
    """The version may be certified and submitted (`standing.SUBMIT`) or published (`standing.PUBLISH`)."""
    return standing.standing_of(version).may(action)


# --- One function per kind of work ------------------------------------------------------------


def lines_to_sign(user, council, permissions) -> list[WaitingItem]:
    """Checklist lines naming this person, not signed off (or void since the report changed), on reports
    not yet decided."""
    if council is None or "plans.view_council_work" not in permissions:
        return []
    items = []
    for view in governance_selectors.lines_waiting_for(user):
        report = view.line.report
        if report.council_id != council.pk or report.version.decisions.exists():
            continue
        again = view.state == VOIDED
        items.append(
            WaitingItem(
                kind="sign_off",
                what=f"{'Sign off again' if again else 'Sign off'}: {view.line.label}",
                council=council.name,
                about=_version_label(report.version) + (": the report changed after you signed" if again else ""),
                since=report.updated_at if again else report.created_at,
                href=reverse("governance:sign_line", args=[report.pk, view.line.pk]),
            )
        )
    return items


def _undecided_reports(council):
    return (
        DecisionReport.objects.filter(council=council, version__decisions__isnull=True)
        .select_related("version__return_definition", "council")
        .order_by("created_at", "pk")
    )


def reports_to_write(user, council, permissions) -> list[WaitingItem]:
    """For report writers: the newest frozen version of each plan without a decision report, and
    undecided reports whose required sections are still empty."""
    if council is None or "governance.write_report" not in permissions:
        return []
    items = []
    for version in _latest_per_draft(
        PlanVersion.objects.filter(
            pk__in=[v.pk for v in governance_selectors.versions_without_report(council)]
        ).select_related("return_definition")
    ):
        items.append(
            WaitingItem(
                kind="write_report",
                what=f"Write the decision report for version {version.number}",
                council=council.name,
                about=_version_label(version),
                since=version.frozen_at,
                href=reverse("governance:council_reports"),
            )
        )
    for report in _undecided_reports(council):
        required = [s for s in template_for(report.template_key).writable if s.required]
        empty = [s for s in required if not (report.sections.get(s.key) or "").strip()]
        if empty:
            items.append(
                WaitingItem(
                    kind="write_report",
                    what=f"Finish the decision report: {len(empty)} required section"
                    f"{'' if len(empty) == 1 else 's'} still empty",
                    council=council.name,
                    about=_version_label(report.version),
                    since=report.created_at,
                    href=reverse("governance:report_edit", args=[report.pk]),
                )
            )
    return items


def checklists_to_complete(user, council, permissions) -> list[WaitingItem]:
    """For democratic services: undecided reports with a sign-off line naming no one, or a consultee not
    yet recorded as informed."""
    if council is None or "governance.configure_checklist" not in permissions:
        return []
    items = []
    for report in _undecided_reports(council):
        checklist = governance_selectors.checklist_of(report)
        unnamed = [v for v in checklist if v.state == UNASSIGNED]
        consultees = [v for v in checklist if v.line.kind == "consultee" and not v.satisfied]
        parts = []
        if unnamed:
            parts.append(f"{len(unnamed)} line{'' if len(unnamed) == 1 else 's'} with no one named")
        if consultees:
            parts.append(f"{len(consultees)} consultee{'' if len(consultees) == 1 else 's'} not recorded")
        if parts:
            items.append(
                WaitingItem(
                    kind="checklist",
                    what=f"Complete the checklist: {' and '.join(parts)}",
                    council=council.name,
                    about=_version_label(report.version),
                    since=report.created_at,
                    href=reverse("governance:report_detail", args=[report.pk]),
                )
            )
    return items


def agendas_to_publish(user, council, permissions) -> list[WaitingItem]:
    """For democratic services: meetings still to come whose agenda (or supplementary agenda) is not
    published, has items, and every item is ready."""
    if council is None or "meetings.manage_meetings" not in permissions:
        return []
    today = timezone.localdate()
    items = []
    meetings = Meeting.objects.filter(council=council, date__gte=today).select_related("committee")
    for meeting in meetings.order_by("date", "starts_at", "pk"):
        supplement = meetings_selectors.open_supplement_of(meeting) if meeting.agenda_published else None
        if meeting.agenda_published and supplement is None:
            continue
        agenda = (
            meetings_selectors.main_items_of(meeting)
            if supplement is None
            else meetings_selectors.supplement_items_of(supplement)
        )
        if not agenda or meetings_selectors.blockers_for_agenda(meeting, supplement):
            continue
        items.append(
            WaitingItem(
                kind="agenda",
                what="Publish the agenda"
                if supplement is None
                else f"Publish supplementary agenda {supplement.number}",
                council=council.name,
                about=f"{meeting.title}, {len(agenda)} item{'' if len(agenda) == 1 else 's'} ready",
                since=meeting.created_at if supplement is None else supplement.created_at,
                href=reverse("meetings:publish_agenda", args=[meeting.pk])
                if supplement is None
                else reverse("meetings:publish_supplement", args=[meeting.pk]),
            )
        )
    return items


def decisions_to_record(user, council, permissions) -> list[WaitingItem]:
    """For democratic services: versions with a decision report and no decision, once the meeting the
    report went to (on an agenda, or as the report says) has been held."""
    if council is None or "governance.record_decision" not in permissions:
        return []
    today = timezone.localdate()
    reports = list(_undecided_reports(council))
    meeting_days = dict(
        AgendaItem.objects.filter(report__in=reports)
        .values_list("report_id")
        .annotate(last=Max("meeting__date"))
        .values_list("report_id", "last")
    )
    items = []
    for report in reports:
        held = meeting_days.get(report.pk) or report.meeting_date
        if held is not None and held > today:
            continue
        items.append(
            WaitingItem(
                kind="decision",
                what=f"Record the decision on version {report.version.number}",
                council=council.name,
                about=_version_label(report.version) + (f", at the meeting of {held:%-d %B %Y}" if held else ""),
                since=held or report.created_at,
                href=reverse("governance:record_decision", args=[report.version.pk]),
            )
        )
    return items


def _endorsed_unsubmitted(council) -> list:
    """The newest endorsed version of each plan that is not submitted and is newer than any submitted."""
    submitted = dict(
        Submission.objects.filter(council=council).values_list("version__draft_id").annotate(n=Max("version__number"))
    )
    candidates = (
        PlanVersion.objects.filter(council=council, submission__isnull=True)
        .filter(Q(decisions__outcome__in=ENDORSING_OUTCOMES) | Q(amendment__isnull=False))
        .select_related("return_definition")
        .distinct()
    )
    fresh = [v for v in candidates if v.number > submitted.get(v.draft_id, 0)]
    return [v for v in _latest_per_draft(fresh) if _may(v, standing.SUBMIT)]


def _endorsed_since(version) -> datetime.date | datetime.datetime:
    """The day the version could first be certified: when members' endorsement took effect."""
    endorsement = standing.endorsement_of(version)
    return (endorsement.takes_effect_on if endorsement else None) or version.frozen_at


def decision_records_to_publish(user, council, permissions) -> list[WaitingItem]:
    """For democratic services: executive decisions subject to call-in whose record is not published,
    so their call-in period has not started and they cannot take effect."""
    if council is None or "governance.record_decision" not in permissions:
        return []
    decisions = governance_selectors.decisions_awaiting_record(council)
    return [
        WaitingItem(
            kind="decision_record",
            what=f"Publish the record of the decision on version {decision.version.number}",
            council=council.name,
            about=f"{decision.get_outcome_display()} by {decision.decision_maker}: its call-in period starts "
            "when the record is published",
            since=decision.recorded_at,
            href=reverse("governance:decision_detail", args=[decision.pk]),
        )
        for decision in decisions
    ]


def versions_to_certify(user, council, permissions) -> list[WaitingItem]:
    """For the chief executive and s151 officers: endorsed versions to certify and submit, saying who
    asked. For executive directors, who prepare but do not certify: endorsed versions nobody has yet
    asked them to certify."""
    if council is None or "submissions.submit_return" not in permissions:
        return []
    certifies = "submissions.certify_return" in permissions
    versions = _endorsed_unsubmitted(council)
    asked = {int(e.subject_id): e for e in events_of(action="CertificationRequested", subjects=versions)}
    items = []
    for version in versions:
        request = asked.get(version.pk)
        if certifies:
            who = f"; {request.actor_name} asked you to certify it" if request else ""
            what = f"Certify and submit version {version.number}"
        elif request is None:
            who, what = "", f"Ask for version {version.number} to be certified and submitted"
        else:
            continue  # asked already: it waits for the certifying officers now
        items.append(
            WaitingItem(
                kind="certify" if certifies else "ask_certification",
                what=what,
                council=council.name,
                about=f"{_version_label(version)}, endorsed by members{who}",
                since=request.occurred_at if request else _endorsed_since(version),
                href=reverse("submissions:submit", args=[version.pk]),
            )
        )
    return items


def plans_to_publish(user, council, permissions) -> list[WaitingItem]:
    """For those who publish: the newest submitted version of each plan, when it is newer than the
    council's latest publication of that plan."""
    if council is None or "submissions.publish_plan" not in permissions:
        return []
    published = dict(
        Publication.objects.filter(council=council).values_list("version__draft_id").annotate(n=Max("version__number"))
    )
    submissions = (
        Submission.objects.filter(council=council, version__publication__isnull=True)
        .select_related("version__return_definition")
        .order_by("submitted_at")
    )
    fresh = {s.version_id: s for s in submissions if s.version.number > published.get(s.version.draft_id, 0)}
    items = []
    for version in _latest_per_draft([s.version for s in fresh.values()]):
        if not _may(version, standing.PUBLISH):
            continue
        submission = fresh[version.pk]
        items.append(
            WaitingItem(
                kind="publish",
                what=f"Publish version {version.number}",
                council=council.name,
                about=f"{_version_label(version)}, submitted as {submission.reference}",
                since=submission.submitted_at,
                href=reverse("submissions:publish", args=[version.pk]),
            )
        )
    return items


def imports_to_confirm(user, council, permissions) -> list[WaitingItem]:
    """For department analysts: plan documents they uploaded and checked but have not yet confirmed or
    cancelled (an upload waits a day, then it is cleared)."""
    if "analysis.import_documents" not in permissions:
        return []
    items = []
    for upload in analysis_services.uploads_waiting_for(actor=user):
        found = council_by_code(upload.council_code)
        return_definition = return_by_slug(upload.return_slug)
        items.append(
            WaitingItem(
                kind="import",
                what=f"Confirm or cancel the import of {upload.filename}",
                council=found.name if found else upload.council_code,
                about=return_definition.title if return_definition else upload.return_slug,
                since=upload.staged_at,
                href=f"{reverse('analysis:import_document')}?upload={upload.token}",
            )
        )
    return items


def extension_requests_to_answer(user, council, permissions) -> list[WaitingItem]:
    """For department analysts and administrators: councils' requests for a later deadline."""
    if "submissions.manage_returns" not in permissions:
        return []
    return [
        WaitingItem(
            kind="extension",
            what=f"Grant or refuse {request.council.name}'s request for an extension to "
            f"{request.deadline.day} {request.deadline:%B %Y}",
            council=request.council.name,
            about=request.return_definition.title,
            since=request.requested_at,
            href=reverse(
                "submissions:grant_extension", args=[request.return_definition.slug, request.council.gss_code]
            ),
        )
        for request in submissions_selectors.waiting_extension_requests()
    ]


def figures_to_approve(user, council, permissions) -> list[WaitingItem]:
    """For a council's chief executive and executive directors: figures held for the council's approval."""
    if council is None or "monitoring.approve_figures" not in permissions:
        return []
    waiting = monitoring_selectors.waiting_values(council)
    if not waiting:
        return []
    return [
        WaitingItem(
            kind="approve_figures",
            what=f"Approve {len(waiting)} {'figure' if len(waiting) == 1 else 'figures'} before they are published",
            council=council.name,
            about="Performance against the plan",
            since=min(value.recorded_at for value in waiting),
            href=reverse("monitoring:approvals"),
        )
    ]


def commitments_to_track(user, council, permissions) -> list[WaitingItem]:
    """For a council's performance leads and plan authors: commitments in a version the council has frozen
    that are not yet followed with a metric."""
    if council is None or "monitoring.manage_figures" not in permissions:
        return []
    untracked = [item.commitment for item in monitoring_selectors.commitments_for_tracking(council) if not item.tracked]
    frozen = PlanVersion.objects.filter(council=council).order_by("frozen_at").first()
    if not untracked or frozen is None:
        return []
    return [
        WaitingItem(
            kind="track",
            what=f"Follow {len(untracked)} {'commitment' if len(untracked) == 1 else 'commitments'} in your plan "
            "with a metric",
            council=council.name,
            about="Performance against the plan",
            since=frozen.frozen_at,
            href=reverse("monitoring:council_home"),
        )
    ]


GATHERERS = (
    lines_to_sign,
    reports_to_write,
    checklists_to_complete,
    agendas_to_publish,
    decisions_to_record,
    decision_records_to_publish,
    versions_to_certify,
    plans_to_publish,
    imports_to_confirm,
    extension_requests_to_answer,
    figures_to_approve,
    commitments_to_track,
)


def waiting_for(user, *, council=None, permissions=None) -> list[WaitingItem]:
    """Everything waiting for this person, oldest first."""
    if not getattr(user, "is_authenticated", False):
        return []
    council = council if council is not None else (None if user.is_department else council_of(user))
    permissions = permissions if permissions is not None else permissions_of(user, council)
    items = [item for gather in GATHERERS for item in gather(user, council, permissions)]
    return sorted(items, key=lambda item: (item.since_day, KINDS_ORDER[item.kind]))


KINDS_ORDER = {kind: position for position, kind in enumerate(KINDS)}


def shared_worklist(user, council) -> tuple[frozenset[str], list[WaitingItem]]:
    """A council officer's permissions and waiting work, shared through the cache (decision 0027) until
    an audit event about their council (or about every council) changes it, or the day changes (meetings
    are held, call-in periods end). Department staff's work is read as it is: their staged uploads are
    files that no event announces."""
    if council is None:
        permissions = permissions_of(user, None)
        return permissions, waiting_for(user, council=None, permissions=permissions)

    def compute():
        permissions = permissions_of(user, council)
        return permissions, waiting_for(user, council=council, permissions=permissions)

    return shared_cache.cached(
        "worklist",
        namespaces=(shared_cache.council(council.gss_code), shared_cache.WORKSPACE),
        parts=(user.pk, user.department_role, council.pk, uk_date(timezone.now())),
        compute=compute,
    )
