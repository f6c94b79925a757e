"""Tenancy for submission, publication and the department's reading of returns."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from plans.access import get_version_for_council_view
from plans.models import PlanVersion
from submissions.models import ExtensionRequest, Submission


def get_version_for_submit(user, version_id: int) -> PlanVersion:
    version = get_version_for_council_view(user, version_id)
    if not user.has_perm("submissions.submit_return", version.council):
        raise Http404("No such version")
    return version


def get_version_for_publish(user, version_id: int) -> PlanVersion:
    version = get_version_for_council_view(user, version_id)
    if not user.has_perm("submissions.publish_plan", version.council):
        raise Http404("No such version")
    return version


def get_submission_for_view(user, submission_id: int) -> Submission:
    """A receipt, for the submitting council's people and for the department."""
    submission = get_object_or_404(
        Submission.objects.select_related("council", "return_definition", "version", "submitted_by"), pk=submission_id
    )
    if user.has_perm("submissions.read_returns"):
        return submission
    if user.has_perm("plans.view_council_work", submission.council):
        return submission
    raise Http404("No such submission")


def require_department(user) -> None:
    if not user.has_perm("submissions.read_returns"):
        raise Http404("Not found")


def require_returns_manager(user) -> None:
    """Granting extensions and chasing councils: department analysts and administrators only."""
    if not user.has_perm("submissions.manage_returns"):
        raise Http404("Not found")


def get_council_for_department(user, code: str):
    """A council, for department staff managing its return (404 for anyone else)."""
    from councils.selectors import council_by_code

    require_returns_manager(user)
    council = council_by_code(code)
    if council is None:
        raise Http404("No such council")
    return council


def get_council_for_extension_request(user):
    """The signed-in person's own council, when they may ask for its extension (404 otherwise)."""
    from councils.selectors import council_of

    council = council_of(user)
    if council is None or not user.has_perm("submissions.submit_return", council):
        raise Http404("Not found")
    return council


def get_extension_request_for_department(user, request_id: int) -> ExtensionRequest:
    require_returns_manager(user)
    return get_object_or_404(
        ExtensionRequest.objects.select_related("council", "return_definition", "requested_by"), pk=request_id
    )
