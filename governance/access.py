"""Tenancy for governance actions: reach a version only to record a decision for your council."""

from django.http import Http404

from plans.access import get_version_for_council_view


def get_version_for_decision(user, version_id: int):
    version = get_version_for_council_view(user, version_id)
    if not user.has_perm("governance.record_decision", version.council):
        raise Http404("No such version")
    return version
