"""Writing and checking the audit log. Only domain services call `record_event`."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from core.models import AuditEvent


def _actor_name(actor) -> str:
    if actor is None:
        return "System"
    full_name = actor.get_full_name() if hasattr(actor, "get_full_name") else ""
    return full_name or actor.get_username()


def record_event(
    *,
    action: str,
    actor,
    subject,
    council_code: str = "",
    content_hash: str = "",
    data: dict | None = None,
) -> AuditEvent:
    """Append one event to the chain. Call inside the service's own transaction."""
    with transaction.atomic():
        # Lock the tail of the chain so two writers cannot both link to the same event.
        last = AuditEvent.objects.select_for_update().order_by("-id").first()
        event = AuditEvent(
            occurred_at=timezone.now(),
            actor=actor if getattr(actor, "pk", None) else None,
            actor_name=_actor_name(actor),
            action=action,
            council_code=council_code,
            subject_type=subject._meta.label,
            subject_id=str(subject.pk),
            content_hash=content_hash,
            data=data or {},
            previous_hash=last.event_hash if last else "",
        )
        event.event_hash = event.compute_hash()
        event.save()
    return event


def events_for(subject) -> "list[AuditEvent]":
    return list(AuditEvent.objects.filter(subject_type=subject._meta.label, subject_id=str(subject.pk)).order_by("id"))


@dataclass(frozen=True)
class ChainCheck:
    events_checked: int
    first_broken_id: int | None

    @property
    def intact(self) -> bool:
        return self.first_broken_id is None


def verify_audit_chain() -> ChainCheck:
    """Recompute every event's hash and link; report the first event that does not match."""
    previous_hash = ""
    count = 0
    for event in AuditEvent.objects.order_by("id").iterator():
        count += 1
        if event.previous_hash != previous_hash or event.compute_hash() != event.event_hash:
            return ChainCheck(events_checked=count, first_broken_id=event.id)
        previous_hash = event.event_hash
    return ChainCheck(events_checked=count, first_broken_id=None)
