"""Decision reports: made from a frozen version in the council's template with its checklist, edited by
officers (each change voids the sign-offs that depended on the old text), moved to a newer version,
and scrutiny's comments on them."""

import datetime

from django.db import transaction

from core.audit import record_event
from core.dates import long_datetime
from core.hashing import content_hash
from councils.models import Membership
from governance.checklist import DONE, NOT_APPLICABLE, VOIDED, EntryFacts, line_state
from governance.exceptions import GovernanceRefusal
from governance.models import ENDORSING_OUTCOMES, ChecklistLine, DecisionReport, LineKind, ScrutinyComment
from governance.report_templates import LINE_SPECS, STATUTORY_PAIR, template_for
from governance.services.checklist import tell_named_person
from governance.services.common import name_of, now, refuse_future
from governance.services.configuration import settings_values
from plans.models import PlanVersion


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
    moment = now(at)
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
            tell_named_person(line, actor)
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
    if report.version.decisions.filter(outcome__in=ENDORSING_OUTCOMES).exists():
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
    moment = now(at)
    with transaction.atomic():
        locked = (
            DecisionReport.objects.select_for_update(of=("self",))
            .select_related("version", "council")
            .get(pk=report.pk)
        )
        _refuse_if_decided(locked)
        if locked.revision != based_on_revision:
            raise GovernanceRefusal(
                f"{name_of(locked.updated_by)} saved this report at "
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
    moment = now(at)
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
    moment = now(at)
    if not committee.strip():
        raise GovernanceRefusal("Enter the scrutiny committee", field="committee")
    if not comments.strip():
        raise GovernanceRefusal("Enter the committee's comments", field="comments")
    refuse_future(met_on, moment, "The meeting date", "met_on")
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
