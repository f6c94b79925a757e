"""Writes for governance: recording what members decided."""

import datetime

from django.db import transaction
from django.utils import timezone

from core.audit import record_event
from core.dates import LONDON, uk_date
from core.signals import return_progress_changed
from governance.models import ENDORSING_OUTCOMES, Decision
from plans.exceptions import InvalidTransition
from plans.models import PlanVersion


def record_decision(
    *,
    version: PlanVersion,
    outcome: str,
    decision_maker: str,
    decided_on: datetime.date,
    resolution: str = "",
    actor,
    at: datetime.datetime | None = None,
) -> Decision:
    """Record members' decision on a frozen version.

    A version can be endorsed once; a decision cannot predate the version it is about
    or lie in the future.
    """
    moment = at or timezone.now()
    with transaction.atomic():
        locked = PlanVersion.objects.select_for_update().select_related("council").get(pk=version.pk)
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
            },
        )
        return_progress_changed.send(
            sender=Decision, council_id=locked.council_id, return_id=locked.return_definition_id
        )
    return decision
