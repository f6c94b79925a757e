"""Clearing a decision report: naming who signs each line, the named person's sign-off (bound to the
report's hash), and democratic services' record of consultees."""

import datetime

from django.db import transaction

from core.audit import record_event
from core.dates import uk_date
from councils.models import Membership
from governance.exceptions import GovernanceRefusal, NotYourLine
from governance.models import ChecklistEntry, ChecklistLine, EntryStatus, LineKind
from governance.report_templates import STATUTORY_PAIR
from governance.services.common import name_of, now, refuse_future
from governance.tasks import email_line_assigned


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
                f"{name_of(person)} does not hold the role this line needs at {council.name}", field="person"
            )
        if locked.key in STATUTORY_PAIR:
            other_key = STATUTORY_PAIR[1] if locked.key == STATUTORY_PAIR[0] else STATUTORY_PAIR[0]
            other = locked.report.checklist_lines.filter(key=other_key).first()
            if other is not None and other.person_id == person.pk:
                raise GovernanceRefusal(
                    "The monitoring officer and the section 151 officer must be different people: "
                    f"{name_of(person)} is already named on the {other.label.lower()} line",
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
            data={"line": locked.key, "person": name_of(person)},
        )
        tell_named_person(locked, actor)
    return locked


def tell_named_person(line: ChecklistLine, actor) -> None:
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
    moment = now(at)
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
        refuse_future(day, moment, "The date completed", "on_date")
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
    moment = now(at)
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
        refuse_future(informed_on, moment, "The date", "informed_on")
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
