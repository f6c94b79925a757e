"""Members' decisions, their published records, the delegations they make, and call-in.

Recording a decision is one composition of three steps, whichever case it is: the decision itself
(`_decide`; a historic decision as minuted is only this), the details its published record carries
(`_add_record_details`; an executive decision subject to call-in needs them) and the delegation of
minor amendments (`_delegate`). Completing a record from the minutes and recording a delegation
afterwards use the same steps, so each rule is written once.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from core.audit import record_event
from core.dates import long_date, uk_date
from councils.models import Membership
from governance.call_in import call_in_period, effective_from
from governance.exceptions import GovernanceRefusal
from governance.models import (
    ENDORSING_OUTCOMES,
    CallIn,
    CallInOutcome,
    Decision,
    DecisionDetails,
    DecisionEffect,
    DecisionPublication,
    DecisionReport,
    Delegation,
)
from governance.services.common import announce, name_of, now, refuse_future
from governance.services.configuration import CALL_IN_AT_LEAST_ZERO, settings_values
from plans.models import PlanVersion

DEFAULT_DELEGATION_SCOPE = "To make any minor amendments to the plan before it is submitted."


@dataclass(frozen=True)
class RecordDetails:
    """What the published record of a decision says beyond the decision: the report it was taken on,
    whether it is an executive decision subject to call-in (for how many working days: the council's
    setting unless given), and the reasons, alternatives, conflicts and dispensations."""

    report: DecisionReport | None = None
    is_executive: bool = False
    call_in_working_days: int | None = None
    reasons: str = ""
    alternatives_rejected: str = ""
    conflicts_of_interest: str = ""
    dispensation: str = ""

    @property
    def is_empty(self) -> bool:
        """Nothing beyond the decision: a historic decision recorded as minuted keeps no details."""
        texts = (self.reasons, self.alternatives_rejected, self.conflicts_of_interest, self.dispensation)
        return self.report is None and not self.is_executive and not any(texts)


@dataclass(frozen=True)
class DelegationTerms:
    """Authority a decision gives an officer to make minor amendments, in consultation with a lead member."""

    officer: User | None
    consult_with: User | None
    scope: str = ""


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


# --- Recording a decision -------------------------------------------------------------------------


def record_decision(
    *,
    version: PlanVersion,
    outcome: str,
    decision_maker: str,
    decided_on: datetime.date,
    resolution: str = "",
    actor,
    at: datetime.datetime | None = None,
    details: RecordDetails | None = None,
    delegation: DelegationTerms | None = None,
) -> Decision:
    """Record members' decision on a frozen version.

    A version can be endorsed once; a decision cannot predate the version it is about or lie in the
    future. Without `details` it records a historic decision as minuted (it takes effect on the day it
    was made). An executive decision (`details.is_executive`) takes effect only once its published
    record's call-in period has passed without call-in. `delegation` records delegated authority for
    minor amendments.
    """
    moment = now(at)
    if details is not None:
        _refuse_negative_call_in(details)
    with transaction.atomic():
        locked = PlanVersion.objects.select_for_update(of=("self",)).select_related("council").get(pk=version.pk)
        decision = _decide(
            version=locked,
            outcome=outcome,
            decision_maker=decision_maker,
            decided_on=decided_on,
            resolution=resolution,
            actor=actor,
            moment=moment,
        )
        if details is not None and not details.is_empty:
            _add_record_details(decision, details)
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
                "executive": bool(details and details.is_executive),
            },
        )
        if delegation is not None:
            _delegate(decision, delegation, actor=actor, moment=moment)
        announce(locked.council_id, locked.return_definition_id)
    return decision


def _decide(
    *, version: PlanVersion, outcome: str, decision_maker: str, decided_on, resolution: str, actor, moment
) -> Decision:
    """The decision itself, on a locked version: dated between the version's freezing and today, and
    no second endorsement."""
    if decided_on > uk_date(moment):
        raise GovernanceRefusal("The decision date cannot be in the future", field="decided_on")
    if decided_on < uk_date(version.frozen_at):
        raise GovernanceRefusal(
            f"The decision date cannot be before version {version.number} was frozen ({long_date(version.frozen_at)})",
            field="decided_on",
        )
    if outcome in ENDORSING_OUTCOMES and version.decisions.filter(outcome__in=ENDORSING_OUTCOMES).exists():
        raise GovernanceRefusal(f"Version {version.number} has already been endorsed")
    return Decision.objects.create(
        version=version,
        outcome=outcome,
        decision_maker=decision_maker.strip(),
        decided_on=decided_on,
        resolution=resolution.strip(),
        content_hash=version.content_hash,
        recorded_by=actor,
        recorded_at=moment,
    )


def _refuse_negative_call_in(details: RecordDetails) -> None:
    if details.call_in_working_days is not None and details.call_in_working_days < 0:
        raise GovernanceRefusal(CALL_IN_AT_LEAST_ZERO, field="call_in_working_days")


def _add_record_details(decision: Decision, details: RecordDetails) -> DecisionDetails:
    """What the decision's published record carries; only an executive decision has a call-in period."""
    if details.report is not None and details.report.version_id != decision.version_id:
        raise GovernanceRefusal("The report is about another version of the plan")
    days = details.call_in_working_days
    if days is None:
        days = settings_values(decision.version.council)["call_in_working_days"] if details.is_executive else 0
    return DecisionDetails.objects.create(
        decision=decision,
        report=details.report,
        reasons=details.reasons.strip(),
        alternatives_rejected=details.alternatives_rejected.strip(),
        conflicts_of_interest=details.conflicts_of_interest.strip(),
        dispensation=details.dispensation.strip(),
        is_executive=details.is_executive,
        call_in_working_days=days if details.is_executive else 0,
    )


def _delegate(decision: Decision, terms: DelegationTerms, *, actor, moment) -> Delegation:
    """The delegation an endorsing decision makes; the same delegation again returns the first."""
    council = decision.version.council
    officer, consult_with = terms.officer, terms.consult_with
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
    scope = terms.scope.strip() or DEFAULT_DELEGATION_SCOPE
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
        data={"officer": name_of(officer), "consult_with": name_of(consult_with), "scope": scope},
    )
    return delegation


# --- Completing a record from the minutes ------------------------------------------------------------


def record_delegation(*, decision: Decision, officer, consult_with, scope: str = "", actor, at=None) -> Delegation:
    """Record, from the minutes, a delegation a decision made (for decisions recorded before delegations
    were). Recording the same delegation again returns the first."""
    with transaction.atomic():
        return _delegate(decision, DelegationTerms(officer, consult_with, scope), actor=actor, moment=now(at))


def complete_decision_record(
    *, decision: Decision, actor, details: RecordDetails, at: datetime.datetime | None = None
) -> DecisionDetails:
    """Add, from the minutes, what the published record of a decision recorded without it must carry.

    Only once, and only before the record is published: after that the record is what was published.
    """
    _refuse_negative_call_in(details)
    with transaction.atomic():
        locked = Decision.objects.select_related("version__council").get(pk=decision.pk)
        existing = DecisionDetails.objects.filter(decision=locked).first()
        if existing is not None:
            return existing
        if DecisionPublication.objects.filter(decision=locked).exists():
            raise GovernanceRefusal("The decision record is already published and cannot be changed")
        added = _add_record_details(locked, details)
        record_event(
            action="DecisionRecordCompleted",
            actor=actor,
            subject=locked,
            council_code=locked.version.council.gss_code,
            content_hash=locked.content_hash,
            data={"executive": added.is_executive, "call_in_working_days": added.call_in_working_days},
        )
        store_effect(locked, moment=now(at))
        announce(locked.version.council_id, locked.version.return_definition_id)
    return added


# --- Publishing the record, and call-in ---------------------------------------------------------------


def publish_decision_record(
    *, decision: Decision, actor, published_on: datetime.date | None = None, at: datetime.datetime | None = None
) -> DecisionPublication:
    """Publish the decision record. For an executive decision the call-in period starts on
    `published_on` (today unless given: a historic record keeps its real date). Publishing again
    returns the first publication."""
    moment = now(at)
    day = published_on or uk_date(moment)
    with transaction.atomic():
        locked = Decision.objects.select_related("version__council").get(pk=decision.pk)
        existing = DecisionPublication.objects.filter(decision=locked).first()
        if existing is not None:
            return existing
        refuse_future(day, moment, "The publication date", "published_on")
        if day < locked.decided_on:
            raise GovernanceRefusal(
                f"The record cannot be published before the decision was made ({long_date(locked.decided_on)})",
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
        announce(locked.version.council_id, locked.version.return_definition_id)
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
    moment = now(at)
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
        refuse_future(received_on, moment, "The date received", "received_on")
        if not publication.published_on <= received_on <= publication.call_in_ends_on:
            raise GovernanceRefusal(
                f"A call-in must be received between {long_date(publication.published_on)} and "
                f"{long_date(publication.call_in_ends_on)}, the call-in period",
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
        announce(locked.version.council_id, locked.version.return_definition_id)
    return call_in


def resolve_call_in(*, call_in: CallIn, outcome: str, resolved_on: datetime.date, actor, at=None) -> CallIn:
    """Record what scrutiny did with a call-in: no further action (the decision takes effect) or
    referred back to the decision maker (it does not)."""
    moment = now(at)
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
        refuse_future(resolved_on, moment, "The date", "resolved_on")
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
        announce(version.council_id, version.return_definition_id)
    return locked
