"""The one way views reach monitoring records; each function checks tenancy and raises Http404 otherwise.

A council's people read its monitoring pages (`plans.view_council_work`); its performance leads and plan
authors change them (`monitoring.manage_figures`); its chief executive and executive directors approve
figures held back (`monitoring.approve_figures`). Department staff read every council's
(`monitoring.read_monitoring`); analysts and administrators load figures for any council
(`monitoring.load_national_figures`). Anything of another council is a 404, never a 403.
"""

from django.http import Http404

from monitoring import selectors
from plans.access import own_council


def get_council_for_monitoring(user):
    """The signed-in person's own council, when they work for one."""
    council = own_council(user)
    if council is None:
        raise Http404("No council")
    return council


def _council_with(user, permission: str):
    council = get_council_for_monitoring(user)
    if not user.has_perm(permission, council):
        raise Http404("No council")
    return council


def get_council_for_managing(user):
    return _council_with(user, "monitoring.manage_figures")


def get_council_for_approving(user):
    return _council_with(user, "monitoring.approve_figures")


def loading_scope(user):
    """Who the person loads figures for: ("department", None) for any council, ("council", council) for their
    own; Http404 for anyone else."""
    if user.has_perm("monitoring.load_national_figures"):
        return "department", None
    return "council", get_council_for_managing(user)


def require_department(user) -> None:
    if not user.has_perm("monitoring.read_monitoring"):
        raise Http404("Not found")


def get_import_for_view(user, import_id: int):
    value_import = selectors.import_by_id(import_id)
    if value_import is None:
        raise Http404("No such import")
    if user.has_perm("monitoring.read_monitoring"):
        return value_import
    if value_import.council is None or not user.has_perm("plans.view_council_work", value_import.council):
        raise Http404("No such import")
    return value_import


def get_commitment_for_tracking(user, commitment_id: int):
    council = get_council_for_managing(user)
    commitment = selectors.commitment_for_council(council, commitment_id)
    if commitment is None:
        raise Http404("No such commitment")
    return commitment


def get_tracked_for_view(user, tracked_id: int):
    tracked = selectors.tracked_by_id(tracked_id)
    if tracked is None:
        raise Http404("No such commitment")
    if user.has_perm("monitoring.read_monitoring") or user.has_perm("plans.view_council_work", tracked.council):
        return tracked
    raise Http404("No such commitment")


def get_tracked_for_change(user, tracked_id: int):
    tracked = selectors.tracked_by_id(tracked_id)
    if tracked is None or not user.has_perm("monitoring.manage_figures", tracked.council):
        raise Http404("No such commitment")
    return tracked


def get_value_for_commentary(user, value_id: int):
    value = selectors.value_by_id(value_id)
    if value is None or value.superseded_at is not None:
        raise Http404("No such figure")
    if not user.has_perm("monitoring.manage_figures", value.council):
        raise Http404("No such figure")
    return value
