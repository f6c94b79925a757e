"""The one way views reach a council's drafts and versions; each function checks tenancy.

Anything missing, or belonging to a council the person does not work for, is a 404:
the answer never reveals whether another council's draft exists.
"""

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from councils.models import Council
from councils.selectors import council_of
from plans.models import Draft, PlanVersion, Return


def get_return(slug: str) -> Return:
    return get_object_or_404(Return.objects.prefetch_related("themes__questions"), slug=slug)


def own_council(user) -> Council | None:
    """The council whose work the person may read: the one they work for, or None (department staff, the public)."""
    council = council_of(user)
    if council is None or not user.has_perm("plans.view_council_work", council):
        return None
    return council


def drafts_visible_to(user) -> QuerySet[Draft]:
    """Every draft the person may read: their own council's, and none for anyone else."""
    council = own_council(user)
    if council is None:
        return Draft.objects.none()
    return (
        Draft.objects.select_related("council", "return_definition")
        .filter(council=council)
        .order_by("return_definition__slug")
    )


def get_council_for_drafting(user, council: Council | None) -> Council:
    """A council the person may start a draft for (`plans.edit_draft`); 404 for any other, or none."""
    if council is None or not user.has_perm("plans.edit_draft", council):
        raise Http404("No such council")
    return council


def get_draft_for_view(user, draft_id: int) -> Draft:
    draft = get_object_or_404(Draft.objects.select_related("council", "return_definition", "updated_by"), pk=draft_id)
    if not user.has_perm("plans.view_council_work", draft.council):
        raise Http404("No such draft")
    return draft


def get_draft_for_change(user, draft_id: int) -> Draft:
    draft = get_draft_for_view(user, draft_id)
    if not user.has_perm("plans.edit_draft", draft.council):
        raise Http404("No such draft")
    return draft


def get_draft_for_freeze(user, draft_id: int) -> Draft:
    draft = get_draft_for_view(user, draft_id)
    if not user.has_perm("plans.freeze_draft", draft.council):
        raise Http404("No such draft")
    return draft


def get_version_for_council_view(user, version_id: int) -> PlanVersion:
    """A version, for the people of the council that wrote it."""
    version = get_object_or_404(
        PlanVersion.objects.select_related("council", "return_definition", "frozen_by", "draft"), pk=version_id
    )
    if not user.has_perm("plans.view_council_work", version.council):
        raise Http404("No such version")
    return version


def get_draft_version_for_view(user, draft_id: int, number: int) -> PlanVersion:
    """A draft's version by its number, for the people of the council that wrote it."""
    draft = get_draft_for_view(user, draft_id)
    version = draft.versions.select_related("council", "return_definition").filter(number=number).first()
    if version is None:
        raise Http404("No such version")
    return version


def get_barrier_for_change(user, draft_id: int, barrier_id: int):
    draft = get_draft_for_change(user, draft_id)
    barrier = draft.barriers.select_related("category", "draft").filter(pk=barrier_id).first()
    if barrier is None:
        raise Http404("No such barrier")
    return barrier


def get_commitment_for_change(user, draft_id: int, commitment_id: int):
    draft = get_draft_for_change(user, draft_id)
    commitment = draft.commitments.select_related("draft").filter(pk=commitment_id).first()
    if commitment is None:
        raise Http404("No such commitment")
    return commitment
