"""Reads for plans."""

from django.db.models import QuerySet

from plans.models import BarrierCategory, Draft, PlanVersion, Return


def open_returns() -> QuerySet[Return]:
    return Return.objects.prefetch_related("themes__questions").order_by("-deadline", "slug")


def return_by_slug(slug: str) -> Return | None:
    return Return.objects.prefetch_related("themes__questions").filter(slug=slug).first()


def draft_for(*, council, return_definition: Return) -> Draft | None:
    return (
        Draft.objects.select_related("council", "return_definition", "updated_by")
        .filter(council=council, return_definition=return_definition)
        .first()
    )


def sections_with_guidance(draft: Draft) -> list:
    return list(draft.sections.select_related("theme").prefetch_related("theme__questions").order_by("theme__number"))


def versions_of(draft: Draft) -> QuerySet[PlanVersion]:
    return draft.versions.select_related("frozen_by").order_by("-number")


def latest_version(draft: Draft) -> PlanVersion | None:
    return versions_of(draft).first()


def barrier_categories() -> list[BarrierCategory]:
    return list(BarrierCategory.objects.order_by("label"))


def barrier_category(slug: str) -> BarrierCategory | None:
    return BarrierCategory.objects.filter(slug=slug).first()


def spend_evidence_of(draft: Draft):
    from plans.models import SpendEvidence

    return SpendEvidence.objects.filter(draft=draft).first()


def barriers_of(draft: Draft):
    return list(draft.barriers.select_related("category").order_by("position", "id"))


def commitments_of(draft: Draft):
    return list(draft.commitments.order_by("due_on", "position", "id"))
