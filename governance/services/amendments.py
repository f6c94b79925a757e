"""Minor amendments made under the authority a decision delegated: a new version, never a change to
the endorsed one."""

import datetime
from decimal import Decimal

from django.db import transaction

from core.audit import record_event
from core.dates import long_date
from governance.exceptions import GovernanceRefusal, NotYourLine
from governance.models import CallIn, CallInOutcome, DelegatedAmendment, Delegation
from governance.services.common import announce, name_of, now, refuse_future
from governance.services.configuration import settings_values
from plans.diff import change_scale, compare_contents
from plans.services import freeze_draft


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
    moment = now(at)
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
        refuse_future(consulted_on, moment, "The date of consultation", "consulted_on")
        if consulted_on < decision.decided_on:
            raise GovernanceRefusal(
                f"The consultation cannot be before the decision ({long_date(decision.decided_on)})",
                field="consulted_on",
            )
        new_version = freeze_draft(draft=endorsed.draft, actor=actor, at=moment)  # refuses a draft with an empty theme
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
                "consulted": name_of(locked.consult_with),
                "consulted_on": consulted_on.isoformat(),
                "parts_changed": [c["part"] for c in changes],
                "words_changed": scale.words_changed,
                "share_changed_percent": scale.share_percent,
                "confirmed_minor_reason": confirmed_minor_reason,
            },
        )
        announce(endorsed.council_id, endorsed.return_definition_id)
    return amendment
