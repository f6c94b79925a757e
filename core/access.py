"""The one way to reach what core keeps for the department: the audit log."""

from django.http import Http404


def check_can_read_audit_log(user) -> None:
    """Department staff read the audit log (`core.read_audit_log`); anyone else gets a 404, as on the department's
    pages."""
    if not user.has_perm("core.read_audit_log"):
        raise Http404("Not found")
