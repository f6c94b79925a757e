"""The one way views reach a council's drafts and versions; each function checks tenancy.

Anything missing, or belonging to a council the person does not work for, is a 404:
the answer never reveals whether another council's draft exists.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from plans.models import Draft, PlanVersion, Return


def get_return(slug: str) -> Return:
    return get_object_or_404(Return.objects.prefetch_related("themes__questions"), slug=slug)


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
