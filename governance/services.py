"""Writes for governance: decision reports, assurance checklists, scrutiny comments, decisions,
decision records and call-in, delegations and amendments made under them.

Each function is a verb with keyword-only arguments, runs in one transaction, writes its audit
event and returns what it made or changed. Refusals raise `GovernanceRefusal` (bad input or a step
out of order, with the field it concerns) or `NotYourLine` (someone acting on a line or delegation
that names another person); nothing is written when either is raised.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from core.audit import record_event
from core.dates import LONDON, long_datetime, uk_date
from core.hashing import content_hash
from core.signals import return_progress_changed
from councils.models import Membership
from governance.call_in import call_in_period, effective_from
from governance.checklist import DONE, NOT_APPLICABLE, VOIDED, EntryFacts, line_state
from governance.models import (
    ENDORSING_OUTCOMES,
    CallIn,
    CallInOutcome,
    ChecklistEntry,
    ChecklistLine,
    Decision,
    DecisionDetails,
    DecisionEffect,
    DecisionPublication,
    DecisionReport,
    DelegatedAmendment,
    Delegation,
    EntryStatus,
    GovernanceSettings,
    LineKind,
    ScrutinyComment,
)
from governance.report_templates import (
    DEFAULT_SETTINGS,
    LINE_SPECS,
    MAX_CALL_IN_WORKING_DAYS,
    STATUTORY_PAIR,
    TEMPLATES,
    template_for,
)
from governance.tasks import email_line_assigned
from plans.diff import change_scale, compare_contents
from plans.exceptions import InvalidTransition
from plans.models import PlanVersion
from plans.services import freeze_draft


class GovernanceRefusal(ValueError):
    """A governance step was refused; `field` names the form field it concerns, if any."""

    def __init__(self, message: str, *, field: str | None = None):
        self.message, self.field = message, field
        super().__init__(message)


class NotYourLine(PermissionError):
    """Someone tried to complete a checklist line, or use a delegation, that names another person."""


def _now(at):
    return at or timezone.now()


def _name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user is not None else ""


def _long_date(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _not_future(day: datetime.date, moment, what: str, field: str) -> None:
    if day > uk_date(moment):
        raise GovernanceRefusal(f"{what} cannot be in the future", field=field)


def store_effect(decision: Decision, *, moment=None) -> DecisionEffect:
    """Work out and store when the decision takes effect, from its record, publication and call-in.

    Every write that can settle the day calls this, so readers compare the stored day with today.
    """
    details = DecisionDetails.objects.filter(decision=decision).first()
    publication = DecisionPublication.objects.filter(decision=decision).first()
    call_in = CallIn.objects.filter(decision=decision).first()
    subject = bool(details and details.subject_to_call_in)
    effect, _ = DecisionEffect.objects.update_or_create(
        decision=decision,
        defaults={
            "subject_to_call_in": subject,
            "takes_effect_on": effective_from(
                decided_on=decision.decided_on,
                subject_to_call_in=subject,
                takes_effect_on=publication.takes_effect_on if publication else None,
                call_in_outcome=call_in.outcome if call_in else None,
                call_in_resolved_on=call_in.resolved_on if call_in else None,
            ),
            "updated_at": moment or timezone.now(),
        },
    )
    return effect


def _announce(council_id: int, return_id: int) -> None:
    return_progress_changed.send(sender=Decision, council_id=council_id, return_id=return_id)


# --- Settings ---------------------------------------------------------------------------------


def settings_values(council) -> dict:
    """The council's settings as plain values, or the defaults when it has none."""
    stored = GovernanceSettings.objects.filter(council=council).first()
    if stored is None:
        return dict(DEFAULT_SETTINGS)
    return {
        "report_template": stored.report_template,
        "decision_maker": stored.decision_maker,
        "call_in_working_days": stored.call_in_working_days,
        "checklist_lines": list(stored.checklist_lines),
        "minor_amendment_threshold_percent": stored.minor_amendment_threshold_percent,
    }


def configure_governance(
    *,
    council,
    report_template: str,
    decision_maker: str,
    call_in_working_days: int,
    checklist_lines: list[str],
    actor,
    at: datetime.datetime | None = None,
) -> GovernanceSettings:
    """Set how the council takes decisions. Reports already made keep the checklist they were made with."""
    moment = _now(at)
    if report_template not in TEMPLATES:
        raise GovernanceRefusal("Select a report template", field="report_template")
    if call_in_working_days is None or call_in_working_days < 0:
        raise GovernanceRefusal(
            "The call-in period must be 0 working days or more (0 means no call-in)", field="call_in_working_days"
        )
    if call_in_working_days > MAX_CALL_IN_WORKING_DAYS:
        raise GovernanceRefusal(
            f"The call-in period must be {MAX_CALL_IN_WORKING_DAYS} working days or fewer",
            field="call_in_working_days",
        )
    if not decision_maker.strip():
        raise GovernanceRefusal("Enter who usually makes the decision", field="decision_maker")
    unknown = [key for key in checklist_lines if key not in LINE_SPECS]
    if unknown:
        raise GovernanceRefusal("Select checklist lines from the list", field="checklist_lines")
    if not set(STATUTORY_PAIR) <= set(checklist_lines):
        raise GovernanceRefusal(
            "The checklist must include the monitoring officer and the section 151 officer", field="checklist_lines"
        )
    ordered = [key for key in LINE_SPECS if key in set(checklist_lines)]
    with transaction.atomic():
        stored, _ = GovernanceSettings.objects.update_or_create(
            council=council,
            defaults={
                "report_template": report_template,
                "decision_maker": decision_maker.strip(),
                "call_in_working_days": call_in_working_days,
                "checklist_lines": ordered,
                "updated_by": actor,
                "updated_at": moment,
            },
        )
        record_event(
            action="GovernanceSettingsChanged",
            actor=actor,
            subject=stored,
            council_code=council.gss_code,
            data={
                "report_template": report_template,
                "call_in_working_days": call_in_working_days,
                "checklist_lines": ordered,
            },
        )
    return stored


# --- Decision reports -------------------------------------------------------------------------


def report_hash(report: DecisionReport, *, version_hash: str | None = None) -> str:
    """The hash sign-offs are bound to: the report's text and the plan version's hash."""
    return content_hash(
        {
            "title": report.title,
            "template": report.template_key,
            "sections": {key: value for key, value in sorted((report.sections or {}).items()) if value},
            "meeting_body": report.meeting_body,
            "meeting_date": report.meeting_date.isoformat() if report.meeting_date else None,
            "author_names": report.author_names,
            "plan_version_hash": version_hash or report.version.content_hash,
        }
    )


def _holders(council, role: str) -> list:
    return [
        m.user
        for m in Membership.objects.filter(council=council, role=role).select_related("user").order_by("user__id")
    ]


def _endorsed(version: PlanVersion) -> bool:
    return version.decisions.filter(outcome__in=ENDORSING_OUTCOMES).exists()


def create_report(
    *,
    version: PlanVersion,
    actor,
    title: str = "",
    sections: dict[str, str] | None = None,
    meeting_body: str = "",
    meeting_date: datetime.date | None = None,
    author_names: str = "",
    at: datetime.datetime | None = None,
):
    """Make the decision report for a frozen version, in the council's template, with its checklist.

    `sections` (officers' text by section key) and the meeting facts may be given at once, as when a
    report written elsewhere is recorded. Asking again for a version that already has a report returns
    that report unchanged.
    """
    moment = _now(at)
    with transaction.atomic():
        locked = (
            PlanVersion.objects.select_for_update(of=("self",))
            .select_related("council", "return_definition")
            .get(pk=version.pk)
        )
        existing = DecisionReport.objects.filter(version=locked).first()
        if existing is not None:
            return existing
        values = settings_values(locked.council)
        template = template_for(values["report_template"])
        keys = {s.key for s in template.writable}
        text = {s.key: s.default for s in template.writable if s.default}
        text.update({k: v.replace("\r\n", "\n").strip() for k, v in (sections or {}).items() if k in keys and v})
        report = DecisionReport(
            council=locked.council,
            version=locked,
            title=(title.strip() or f"{locked.council.name}: {locked.return_definition.title}")[:200],
            template_key=template.key,
            sections=text,
            meeting_body=meeting_body.strip() or values["decision_maker"],
            meeting_date=meeting_date,
            author_names=author_names.strip(),
            created_by=actor,
            created_at=moment,
            updated_by=actor,
            updated_at=moment,
        )
        report.content_hash = report_hash(report, version_hash=locked.content_hash)
        report.save()
        named: dict[str, int] = {}
        for position, key in enumerate(values["checklist_lines"], start=1):
            spec = LINE_SPECS[key]
            person = None
            if spec.kind == LineKind.SIGN_OFF:
                other = named.get(STATUTORY_PAIR[1] if key == STATUTORY_PAIR[0] else STATUTORY_PAIR[0])
                candidates = [u for u in _holders(locked.council, spec.role) if u.pk != other]
                person = candidates[0] if candidates else None
                if person is not None:
                    named[key] = person.pk
            line = ChecklistLine.objects.create(
                report=report,
                key=key,
                position=position,
                kind=spec.kind,
                label=spec.label,
                role=spec.role,
                only_if_implications=spec.only_if_implications,
                person=person,
            )
            _tell_named_person(line, actor)
        record_event(
            action="ReportCreated",
            actor=actor,
            subject=report,
            council_code=locked.council.gss_code,
            content_hash=report.content_hash,
            data={"version": locked.number, "template": template.key},
        )
    return report


def _voided_by_change(report: DecisionReport, new_hash: str) -> list[str]:
    """Labels of lines whose sign-off counted before the change and will not after it."""
    voided = []
    for line in report.checklist_lines.select_related("person"):
        entry = line.entries.order_by("-made_at", "-id").first()
        if entry is None:
            continue
        facts = EntryFacts(entry.status, entry.made_by_id, entry.report_hash)
        before = line_state(kind=line.kind, person_id=line.person_id, entry=facts, report_hash=report.content_hash)
        after = line_state(kind=line.kind, person_id=line.person_id, entry=facts, report_hash=new_hash)
        if before in (DONE, NOT_APPLICABLE) and after == VOIDED:
            voided.append(line.label)
    return voided


def _refuse_if_decided(report: DecisionReport) -> None:
    if _endorsed(report.version):
        raise GovernanceRefusal(
            f"Members have endorsed version {report.version.number}, so its report is a record and cannot be "
            "changed. Make a minor amendment under the decision's delegation instead."
        )


def save_report(
    *,
    report: DecisionReport,
    title: str,
    sections: dict[str, str],
    based_on_revision: int,
    actor,
    meeting_body: str | None = None,
    meeting_date: datetime.date | None = None,
    author_names: str | None = None,
    at: datetime.datetime | None = None,
) -> tuple[DecisionReport, list[str]]:
    """Save officers' text. Returns the report and the checklist lines this change voided.

    Sections not in the report's template are ignored. Saving over someone else's newer save is
    refused, as is changing a report whose version members have endorsed.
    """
    moment = _now(at)
    with transaction.atomic():
        locked = (
            DecisionReport.objects.select_for_update(of=("self",))
            .select_related("version", "council")
            .get(pk=report.pk)
        )
        _refuse_if_decided(locked)
        if locked.revision != based_on_revision:
            raise GovernanceRefusal(
                f"{_name(locked.updated_by)} saved this report at "
                f"{long_datetime(locked.updated_at)} after you opened it. "
                "Open it again to see their changes before saving yours."
            )
        if not title.strip():
            raise GovernanceRefusal("Enter the report's title", field="title")
        template = template_for(locked.template_key)
        keys = {s.key for s in template.writable}
        new_sections = {
            key: (value or "").replace("\r\n", "\n").strip() for key, value in sections.items() if key in keys
        }
        merged = {**(locked.sections or {}), **new_sections}
        locked.title = title.strip()[:200]
        locked.sections = {key: value for key, value in merged.items() if value}
        if meeting_body is not None:
            locked.meeting_body = meeting_body.strip()
        if meeting_date is not None:
            locked.meeting_date = meeting_date
        if author_names is not None:
            locked.author_names = author_names.strip()
        new_hash = report_hash(locked)
        if new_hash == locked.content_hash:
            return locked, []
        voided = _store_changed_report(locked, new_hash, actor=actor, moment=moment, action="ReportEdited", data={})
    return locked, voided


def _store_changed_report(locked: DecisionReport, new_hash: str, *, actor, moment, action: str, data: dict) -> list:
    """Save a report whose text or appendix changed: a new revision and hash, the sign-offs that
    depended on the old hash voided, and one event saying so. Returns what was voided."""
    voided = _voided_by_change(locked, new_hash)
    locked.content_hash = new_hash
    locked.revision += 1
    locked.updated_by = actor
    locked.updated_at = moment
    locked.save()
    record_event(
        action=action,
        actor=actor,
        subject=locked,
        council_code=locked.council.gss_code,
        content_hash=new_hash,
        data={**data, "revision": locked.revision, "sign_offs_voided": voided},
    )
    return voided


def move_report_to_version(*, report: DecisionReport, version: PlanVersion, actor, at=None):
    """Point the report at a newer frozen version of the same plan (its Appendix A). Voids sign-offs."""
    moment = _now(at)
    with transaction.atomic():
        locked = (
            DecisionReport.objects.select_for_update(of=("self",))
            .select_related("version", "council")
            .get(pk=report.pk)
        )
        _refuse_if_decided(locked)
        if version.draft_id != locked.version.draft_id or version.number <= locked.version.number:
            raise GovernanceRefusal("Choose a later version of the same plan")
        if DecisionReport.objects.filter(version=version).exists():
            raise GovernanceRefusal(f"Version {version.number} already has its own report")
        locked.version = version
        new_hash = report_hash(locked, version_hash=version.content_hash)
        voided = _store_changed_report(
            locked,
            new_hash,
            actor=actor,
            moment=moment,
            action="ReportMovedToVersion",
            data={"version": version.number},
        )
    return locked, voided


# --- The assurance checklist ------------------------------------------------------------------


def name_line_person(*, line: ChecklistLine, person, actor, at=None) -> ChecklistLine:
    """Name who must complete a sign-off line. They must hold the line's role at the council, and the
    monitoring officer and the section 151 officer lines must name different people."""
    with transaction.atomic():
        locked = ChecklistLine.objects.select_for_update(of=("self",)).select_related("report__council").get(pk=line.pk)
        council = locked.report.council
        if locked.kind != LineKind.SIGN_OFF:
            raise GovernanceRefusal("Only sign-off lines name a person", field="person")
        if locked.role and not Membership.objects.filter(user=person, council=council, role=locked.role).exists():
            raise GovernanceRefusal(
                f"{_name(person)} does not hold the role this line needs at {council.name}", field="person"
            )
        if locked.key in STATUTORY_PAIR:
            other_key = STATUTORY_PAIR[1] if locked.key == STATUTORY_PAIR[0] else STATUTORY_PAIR[0]
            other = locked.report.checklist_lines.filter(key=other_key).first()
            if other is not None and other.person_id == person.pk:
                raise GovernanceRefusal(
                    "The monitoring officer and the section 151 officer must be different people: "
                    f"{_name(person)} is already named on the {other.label.lower()} line",
                    field="person",
                )
        if locked.person_id == person.pk:
            return locked
        locked.person = person
        locked.save(update_fields=["person"])
        record_event(
            action="ChecklistPersonNamed",
            actor=actor,
            subject=locked.report,
            council_code=council.gss_code,
            data={"line": locked.key, "person": _name(person)},
        )
        _tell_named_person(locked, actor)
    return locked


def _tell_named_person(line: ChecklistLine, actor) -> None:
    """Once the transaction commits, email the person named on a line (unless they named themselves)."""
    if line.person_id is not None and line.person_id != getattr(actor, "pk", None):
        line_id, person_id = line.pk, line.person_id
        transaction.on_commit(lambda: email_line_assigned.enqueue(line_id, person_id))


def _refuse_not_applicable_without_grounds(line: ChecklistLine, reason: str) -> None:
    """Only a line marked "only if the proposal has such implications" may be not applicable, and
    only with a reason."""
    if not line.only_if_implications:
        raise GovernanceRefusal(
            f"The {line.label.lower()} line is always needed; it cannot be marked not applicable",
            field="not_applicable",
        )
    if not reason:
        raise GovernanceRefusal("Give the reason the line is not applicable", field="reason")


def _add_entry(line: ChecklistLine, status: str, reason: str, on_date, *, actor, moment) -> ChecklistEntry:
    """A completion bound to the report's and the plan version's hashes as they are now."""
    report = line.report
    return ChecklistEntry.objects.create(
        line=line,
        status=status,
        reason=reason,
        on_date=on_date,
        report_hash=report.content_hash,
        version_hash=report.version.content_hash,
        made_by=actor,
        made_at=moment,
    )


def sign_line(
    *,
    line: ChecklistLine,
    actor,
    not_applicable: bool = False,
    reason: str = "",
    on_date: datetime.date | None = None,
    at: datetime.datetime | None = None,
) -> ChecklistEntry:
    """The named person completes their line, or marks it not applicable with a reason.

    The completion is bound to the report's current hash. Completing a line that already counts,
    with the same answer, returns the first completion: signing twice records once.
    """
    moment = _now(at)
    with transaction.atomic():
        locked = (
            ChecklistLine.objects.select_for_update(of=("self",))
            .select_related("report__council", "report__version", "person")
            .get(pk=line.pk)
        )
        report = locked.report
        if locked.kind != LineKind.SIGN_OFF or locked.person_id is None or locked.person_id != actor.pk:
            raise NotYourLine(f"The {locked.label.lower()} line is not yours to complete")
        reason = reason.strip()
        if not_applicable:
            _refuse_not_applicable_without_grounds(locked, reason)
        day = on_date or uk_date(moment)
        _not_future(day, moment, "The date completed", "on_date")
        status = EntryStatus.NOT_APPLICABLE if not_applicable else EntryStatus.COMPLETED
        latest = locked.entries.order_by("-made_at", "-id").first()
        if (
            latest is not None
            and latest.made_by_id == actor.pk
            and latest.report_hash == report.content_hash
            and latest.status == status
        ):
            return latest
        entry = _add_entry(locked, status, reason if not_applicable else "", day, actor=actor, moment=moment)
        record_event(
            action="ChecklistLineNotApplicable" if not_applicable else "ChecklistLineSigned",
            actor=actor,
            subject=report,
            council_code=report.council.gss_code,
            content_hash=report.content_hash,
            data={"line": locked.key, "reason": entry.reason, "on": day.isoformat()},
        )
    return entry


def record_consultee(
    *,
    line: ChecklistLine,
    consultee_name: str,
    informed_on: datetime.date | None,
    actor,
    not_applicable: bool = False,
    reason: str = "",
    at: datetime.datetime | None = None,
) -> ChecklistEntry:
    """Democratic services record that a consultee was informed (who, and on which day), or that the
    line does not apply (with a reason; no date is asked for, and the entry carries the day it was
    marked). Recording the same again records once."""
    moment = _now(at)
    with transaction.atomic():
        locked = (
            ChecklistLine.objects.select_for_update(of=("self",))
            .select_related("report__council", "report__version")
            .get(pk=line.pk)
        )
        report = locked.report
        if locked.kind != LineKind.CONSULTEE:
            raise GovernanceRefusal("This line is signed off by the person named on it")
        reason, consultee_name = reason.strip(), consultee_name.strip()
        if not_applicable:
            _refuse_not_applicable_without_grounds(locked, reason)
            # Nobody was informed, so there is no date to ask for: the line records the day it was marked.
            informed_on = informed_on or uk_date(moment)
        elif not consultee_name:
            raise GovernanceRefusal("Enter who was informed", field="consultee_name")
        if informed_on is None:
            raise GovernanceRefusal("Enter the date they were informed", field="informed_on")
        _not_future(informed_on, moment, "The date", "informed_on")
        status = EntryStatus.NOT_APPLICABLE if not_applicable else EntryStatus.INFORMED
        latest = locked.entries.order_by("-made_at", "-id").first()
        if (
            latest is not None
            and latest.status == status
            and latest.on_date == informed_on
            and locked.consultee_name == consultee_name
            and latest.reason == (reason if not_applicable else "")
        ):
            return latest
        locked.consultee_name = consultee_name
        locked.save(update_fields=["consultee_name"])
        entry = _add_entry(locked, status, reason if not_applicable else "", informed_on, actor=actor, moment=moment)
        record_event(
            action="ConsulteeNotApplicable" if not_applicable else "ConsulteeInformed",
            actor=actor,
            subject=report,
            council_code=report.council.gss_code,
            data={"line": locked.key, "consultee": consultee_name, "on": informed_on.isoformat()},
        )
    return entry


# --- Scrutiny ---------------------------------------------------------------------------------


def record_scrutiny_comment(
    *,
    report: DecisionReport,
    committee: str,
    met_on: datetime.date,
    comments: str,
    recommendations: str = "",
    actor,
    at: datetime.datetime | None = None,
) -> ScrutinyComment:
    """Record what a scrutiny meeting said about the proposal; the report shows it."""
    moment = _now(at)
    if not committee.strip():
        raise GovernanceRefusal("Enter the scrutiny committee", field="committee")
    if not comments.strip():
        raise GovernanceRefusal("Enter the committee's comments", field="comments")
    _not_future(met_on, moment, "The meeting date", "met_on")
    with transaction.atomic():
        existing = ScrutinyComment.objects.filter(
            report=report, committee=committee.strip(), met_on=met_on, comments=comments.strip()
        ).first()
        if existing is not None:
            return existing
        comment = ScrutinyComment.objects.create(
            report=report,
            committee=committee.strip(),
            met_on=met_on,
            comments=comments.strip(),
            recommendations=recommendations.strip(),
            recorded_by=actor,
            recorded_at=moment,
        )
        record_event(
            action="ScrutinyCommentRecorded",
            actor=actor,
            subject=report,
            council_code=report.council.gss_code,
            data={"committee": comment.committee, "met_on": met_on.isoformat()},
        )
    return comment


# --- Decisions --------------------------------------------------------------------------------


def record_decision(
    *,
    version: PlanVersion,
    outcome: str,
    decision_maker: str,
    decided_on: datetime.date,
    resolution: str = "",
    actor,
    at: datetime.datetime | None = None,
    report: DecisionReport | None = None,
    is_executive: bool = False,
    call_in_working_days: int | None = None,
    reasons: str = "",
    alternatives_rejected: str = "",
    conflicts_of_interest: str = "",
    dispensation: str = "",
    delegate_to=None,
    consult_with=None,
    delegation_scope: str = "",
) -> Decision:
    """Record members' decision on a frozen version.

    A version can be endorsed once; a decision cannot predate the version it is about or lie in the
    future. Called with only the first arguments it records a historic decision as minuted (it takes
    effect on the day it was made). An executive decision (`is_executive`) carries the call-in
    period (the council's, unless given) and takes effect only once its published record's
    call-in period has passed without call-in. `delegate_to` and `consult_with` record delegated
    authority for minor amendments.
    """
    moment = _now(at)
    if call_in_working_days is not None and call_in_working_days < 0:
        raise GovernanceRefusal(
            "The call-in period must be 0 working days or more (0 means no call-in)", field="call_in_working_days"
        )
    with transaction.atomic():
        locked = PlanVersion.objects.select_for_update(of=("self",)).select_related("council").get(pk=version.pk)
        if decided_on > uk_date(moment):
            raise InvalidTransition("Decision", "frozen", outcome, reason="The decision date cannot be in the future")
        if decided_on < uk_date(locked.frozen_at):
            raise InvalidTransition(
                "Decision",
                "frozen",
                outcome,
                reason=f"The decision date cannot be before version {locked.number} was frozen "
                f"({locked.frozen_at.astimezone(LONDON):%-d %B %Y})",
            )
        if outcome in ENDORSING_OUTCOMES and locked.decisions.filter(outcome__in=ENDORSING_OUTCOMES).exists():
            raise InvalidTransition(
                "PlanVersion", "endorsed", "endorsed", reason=f"Version {locked.number} has already been endorsed"
            )
        if report is not None and report.version_id != locked.pk:
            raise GovernanceRefusal("The report is about another version of the plan")
        decision = Decision.objects.create(
            version=locked,
            outcome=outcome,
            decision_maker=decision_maker.strip(),
            decided_on=decided_on,
            resolution=resolution.strip(),
            content_hash=locked.content_hash,
            recorded_by=actor,
            recorded_at=moment,
        )
        detailed = (
            report is not None
            or is_executive
            or any((reasons, alternatives_rejected, conflicts_of_interest, dispensation))
        )
        if detailed:
            days = call_in_working_days
            if days is None:
                days = settings_values(locked.council)["call_in_working_days"] if is_executive else 0
            DecisionDetails.objects.create(
                decision=decision,
                report=report,
                reasons=reasons.strip(),
                alternatives_rejected=alternatives_rejected.strip(),
                conflicts_of_interest=conflicts_of_interest.strip(),
                dispensation=dispensation.strip(),
                is_executive=is_executive,
                call_in_working_days=days if is_executive else 0,
            )
        store_effect(decision, moment=moment)
        record_event(
            action="DecisionRecorded",
            actor=actor,
            subject=decision,
            council_code=locked.council.gss_code,
            content_hash=locked.content_hash,
            data={
                "version": locked.number,
                "outcome": outcome,
                "decision_maker": decision.decision_maker,
                "decided_on": decided_on.isoformat(),
                "executive": is_executive,
            },
        )
        if delegate_to is not None:
            _delegate(
                decision=decision,
                officer=delegate_to,
                consult_with=consult_with,
                scope=delegation_scope,
                actor=actor,
                moment=moment,
            )
        _announce(locked.council_id, locked.return_definition_id)
    return decision


def _delegate(*, decision: Decision, officer, consult_with, scope: str, actor, moment) -> Delegation:
    council = decision.version.council
    if not decision.endorses:
        raise GovernanceRefusal("Only a decision that endorses the plan can delegate amendments to it")
    if officer is None or not Membership.objects.filter(user=officer, council=council).exists():
        raise GovernanceRefusal(f"The officer must work for {council.name}", field="delegate_to")
    if (
        consult_with is None
        or not Membership.objects.filter(user=consult_with, council=council, role="lead_member").exists()
    ):
        raise GovernanceRefusal(f"The member consulted must be a lead member at {council.name}", field="consult_with")
    if consult_with.pk == officer.pk:
        raise GovernanceRefusal("The officer cannot consult themselves", field="consult_with")
    scope = scope.strip() or "To make any minor amendments to the plan before it is submitted."
    existing = decision.delegations.filter(officer=officer, consult_with=consult_with, scope=scope).first()
    if existing is not None:
        return existing
    delegation = Delegation.objects.create(
        decision=decision,
        officer=officer,
        consult_with=consult_with,
        scope=scope,
        recorded_by=actor,
        recorded_at=moment,
    )
    record_event(
        action="AuthorityDelegated",
        actor=actor,
        subject=decision,
        council_code=council.gss_code,
        content_hash=decision.content_hash,
        data={"officer": _name(officer), "consult_with": _name(consult_with), "scope": scope},
    )
    return delegation


def record_delegation(*, decision: Decision, officer, consult_with, scope: str = "", actor, at=None) -> Delegation:
    """Record, from the minutes, a delegation a decision made (for decisions recorded before delegations
    were). Recording the same delegation again returns the first."""
    with transaction.atomic():
        return _delegate(
            decision=decision, officer=officer, consult_with=consult_with, scope=scope, actor=actor, moment=_now(at)
        )


def complete_decision_record(
    *,
    decision: Decision,
    actor,
    report: DecisionReport | None = None,
    is_executive: bool = False,
    call_in_working_days: int = 0,
    reasons: str = "",
    alternatives_rejected: str = "",
    conflicts_of_interest: str = "",
    dispensation: str = "",
    at: datetime.datetime | None = None,
) -> DecisionDetails:
    """Add, from the minutes, what the published record of a decision recorded without it must carry.

    Only once, and only before the record is published: after that the record is what was published.
    """
    if call_in_working_days is None or call_in_working_days < 0:
        raise GovernanceRefusal(
            "The call-in period must be 0 working days or more (0 means no call-in)", field="call_in_working_days"
        )
    with transaction.atomic():
        locked = Decision.objects.select_related("version__council").get(pk=decision.pk)
        existing = DecisionDetails.objects.filter(decision=locked).first()
        if existing is not None:
            return existing
        if DecisionPublication.objects.filter(decision=locked).exists():
            raise GovernanceRefusal("The decision record is already published and cannot be changed")
        if report is not None and report.version_id != locked.version_id:
            raise GovernanceRefusal("The report is about another version of the plan")
        details = DecisionDetails.objects.create(
            decision=locked,
            report=report,
            reasons=reasons.strip(),
            alternatives_rejected=alternatives_rejected.strip(),
            conflicts_of_interest=conflicts_of_interest.strip(),
            dispensation=dispensation.strip(),
            is_executive=is_executive,
            call_in_working_days=call_in_working_days if is_executive else 0,
        )
        record_event(
            action="DecisionRecordCompleted",
            actor=actor,
            subject=locked,
            council_code=locked.version.council.gss_code,
            content_hash=locked.content_hash,
            data={"executive": is_executive, "call_in_working_days": details.call_in_working_days},
        )
        store_effect(locked, moment=_now(at))
        _announce(locked.version.council_id, locked.version.return_definition_id)
    return details


def publish_decision_record(
    *, decision: Decision, actor, published_on: datetime.date | None = None, at: datetime.datetime | None = None
) -> DecisionPublication:
    """Publish the decision record. For an executive decision the call-in period starts on
    `published_on` (today unless given: a historic record keeps its real date). Publishing again
    returns the first publication."""
    moment = _now(at)
    day = published_on or uk_date(moment)
    with transaction.atomic():
        locked = Decision.objects.select_related("version__council").get(pk=decision.pk)
        existing = DecisionPublication.objects.filter(decision=locked).first()
        if existing is not None:
            return existing
        _not_future(day, moment, "The publication date", "published_on")
        if day < locked.decided_on:
            raise GovernanceRefusal(
                f"The record cannot be published before the decision was made ({_long_date(locked.decided_on)})",
                field="published_on",
            )
        details = DecisionDetails.objects.filter(decision=locked).first()
        if details is not None and details.subject_to_call_in:
            period = call_in_period(day, details.call_in_working_days)
            ends_on, takes_effect_on = period.ends_on, period.takes_effect_on
        else:
            ends_on, takes_effect_on = None, locked.decided_on
        publication = DecisionPublication.objects.create(
            decision=locked,
            published_on=day,
            call_in_ends_on=ends_on,
            takes_effect_on=takes_effect_on,
            published_by=actor,
            published_at=moment,
        )
        store_effect(locked, moment=moment)
        record_event(
            action="DecisionRecordPublished",
            actor=actor,
            subject=locked,
            council_code=locked.version.council.gss_code,
            content_hash=locked.content_hash,
            data={
                "published_on": day.isoformat(),
                "call_in_ends_on": ends_on.isoformat() if ends_on else None,
                "takes_effect_on": takes_effect_on.isoformat(),
            },
        )
        _announce(locked.version.council_id, locked.version.return_definition_id)
    return publication


def record_call_in(
    *,
    decision: Decision,
    received_on: datetime.date,
    requested_by: str,
    reason: str,
    actor,
    at: datetime.datetime | None = None,
) -> CallIn:
    """Record that councillors called the decision in, within its call-in period."""
    moment = _now(at)
    with transaction.atomic():
        locked = Decision.objects.select_related("version__council").get(pk=decision.pk)
        if CallIn.objects.filter(decision=locked).exists():
            raise GovernanceRefusal("This decision has already been called in")
        publication = DecisionPublication.objects.filter(decision=locked).first()
        if publication is None or publication.call_in_ends_on is None:
            raise GovernanceRefusal("Only a published executive decision subject to call-in can be called in")
        if not requested_by.strip():
            raise GovernanceRefusal("Enter who called the decision in", field="requested_by")
        if not reason.strip():
            raise GovernanceRefusal("Enter the reason given for the call-in", field="reason")
        _not_future(received_on, moment, "The date received", "received_on")
        if not publication.published_on <= received_on <= publication.call_in_ends_on:
            raise GovernanceRefusal(
                f"A call-in must be received between {_long_date(publication.published_on)} and "
                f"{_long_date(publication.call_in_ends_on)}, the call-in period",
                field="received_on",
            )
        call_in = CallIn.objects.create(
            decision=locked,
            received_on=received_on,
            requested_by=requested_by.strip(),
            reason=reason.strip(),
            recorded_by=actor,
            recorded_at=moment,
        )
        store_effect(locked, moment=moment)
        record_event(
            action="DecisionCalledIn",
            actor=actor,
            subject=locked,
            council_code=locked.version.council.gss_code,
            data={"received_on": received_on.isoformat(), "requested_by": call_in.requested_by},
        )
        _announce(locked.version.council_id, locked.version.return_definition_id)
    return call_in


def resolve_call_in(*, call_in: CallIn, outcome: str, resolved_on: datetime.date, actor, at=None) -> CallIn:
    """Record what scrutiny did with a call-in: no further action (the decision takes effect) or
    referred back to the decision maker (it does not)."""
    moment = _now(at)
    if outcome not in (CallInOutcome.NO_FURTHER_ACTION, CallInOutcome.REFERRED_BACK):
        raise GovernanceRefusal("Select what scrutiny decided", field="outcome")
    with transaction.atomic():
        locked = (
            CallIn.objects.select_for_update(of=("self",))
            .select_related("decision__version__council")
            .get(pk=call_in.pk)
        )
        if locked.outcome != CallInOutcome.PENDING:
            if locked.outcome == outcome and locked.resolved_on == resolved_on:
                return locked
            raise GovernanceRefusal("This call-in has already been resolved")
        _not_future(resolved_on, moment, "The date", "resolved_on")
        if resolved_on < locked.received_on:
            raise GovernanceRefusal("The call-in cannot be resolved before it was received", field="resolved_on")
        locked.outcome, locked.resolved_on = outcome, resolved_on
        locked.save(update_fields=["outcome", "resolved_on"])
        store_effect(locked.decision, moment=moment)
        version = locked.decision.version
        record_event(
            action="CallInResolved",
            actor=actor,
            subject=locked.decision,
            council_code=version.council.gss_code,
            data={"outcome": outcome, "resolved_on": resolved_on.isoformat()},
        )
        _announce(version.council_id, version.return_definition_id)
    return locked


# --- Amendments under delegated authority -----------------------------------------------------


def amend_under_delegation(
    *,
    delegation: Delegation,
    summary: str,
    consulted_on: datetime.date,
    actor,
    confirmed_minor_reason: str = "",
    at: datetime.datetime | None = None,
) -> DelegatedAmendment:
    """Freeze the draft's current text as a new version made under the delegation.

    Only the officer the delegation names may use it. The endorsed version is left as it was; the
    new version records the delegation, who was consulted and when, what changed and how much.
    A change to more of the plan's words than the council's threshold must be confirmed as minor,
    with the reason (published with the decision record). Whether the delegation still applies
    (its scope ends at submission) is for `submissions.services.amend_endorsed_version`, which
    knows where the return stands and is the way pages reach this.
    """
    moment = _now(at)
    with transaction.atomic():
        locked = Delegation.objects.select_related("decision__version__council", "consult_with", "officer").get(
            pk=delegation.pk
        )
        if actor is None or locked.officer_id != actor.pk:
            raise NotYourLine("Only the officer named in the delegation can use it")
        decision = locked.decision
        endorsed = decision.version
        call_in = CallIn.objects.filter(decision=decision).first()
        if call_in is not None and call_in.outcome == CallInOutcome.REFERRED_BACK:
            raise GovernanceRefusal("The decision was referred back after call-in, so its delegation cannot be used")
        if not summary.strip():
            raise GovernanceRefusal("Describe the minor amendment", field="summary")
        _not_future(consulted_on, moment, "The date of consultation", "consulted_on")
        if consulted_on < decision.decided_on:
            raise GovernanceRefusal(
                f"The consultation cannot be before the decision ({_long_date(decision.decided_on)})",
                field="consulted_on",
            )
        try:
            new_version = freeze_draft(draft=endorsed.draft, actor=actor, at=moment)
        except InvalidTransition as error:
            raise GovernanceRefusal(error.reason) from error
        if new_version.content_hash == endorsed.content_hash or new_version.number <= endorsed.number:
            raise GovernanceRefusal(
                f"The draft has no changes from endorsed version {endorsed.number}. Edit the draft, then make "
                "the amendment."
            )
        if DelegatedAmendment.objects.filter(new_version=new_version).exists():
            return DelegatedAmendment.objects.get(new_version=new_version)
        if new_version.decisions.exists():
            raise GovernanceRefusal(f"Members have already decided on version {new_version.number}")
        scale = change_scale(endorsed.content, new_version.content)
        threshold = settings_values(endorsed.council)["minor_amendment_threshold_percent"]
        confirmed_minor_reason = (confirmed_minor_reason or "").strip()
        if scale.share_percent > threshold and not confirmed_minor_reason:
            raise GovernanceRefusal(
                f"This changes {scale.share_percent:g}% of the plan's words, more than the {threshold}% "
                f"{endorsed.council.name} treats as minor. Confirm the amendment is minor and say why, or ask "
                "members to decide on the new text",
                field="confirmed_minor_reason",
            )
        changes = [
            {"part": part.title, "words_added": part.words_added, "words_removed": part.words_removed}
            for part in compare_contents(endorsed.content, new_version.content)
            if part.changed
        ]
        amendment = DelegatedAmendment.objects.create(
            delegation=locked,
            endorsed_version=endorsed,
            new_version=new_version,
            summary=summary.strip(),
            consulted_on=consulted_on,
            changes=changes,
            words_changed=scale.words_changed,
            share_changed_percent=Decimal(str(scale.share_percent)),
            confirmed_minor_reason=confirmed_minor_reason,
            made_by=actor,
            made_at=moment,
        )
        record_event(
            action="VersionAmendedUnderDelegation",
            actor=actor,
            subject=new_version,
            council_code=endorsed.council.gss_code,
            content_hash=new_version.content_hash,
            data={
                "endorsed_version": endorsed.number,
                "new_version": new_version.number,
                "endorsed_hash": endorsed.content_hash,
                "consulted": _name(locked.consult_with),
                "consulted_on": consulted_on.isoformat(),
                "parts_changed": [c["part"] for c in changes],
                "words_changed": scale.words_changed,
                "share_changed_percent": scale.share_percent,
                "confirmed_minor_reason": confirmed_minor_reason,
            },
        )
        _announce(endorsed.council_id, endorsed.return_definition_id)
    return amendment
