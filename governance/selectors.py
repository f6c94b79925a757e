"""Reads for governance."""

from governance.models import ENDORSING_OUTCOMES, Decision


def endorsement_of(version) -> Decision | None:
    return version.decisions.filter(outcome__in=ENDORSING_OUTCOMES).select_related("recorded_by").first()


def decisions_on(version) -> list[Decision]:
    return list(version.decisions.select_related("recorded_by").order_by("decided_on", "recorded_at"))
