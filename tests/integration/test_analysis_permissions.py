"""Who may read the analysis corpus, import plan documents and run the analysis (councils/permissions.py).

The corpus is the department's: every department role reads it; analysts and administrators import and
run; panel members only read; nobody at a council, and nobody signed out, holds any of it.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from councils.models import CouncilRole

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

ANALYSIS_PERMISSIONS = ["analysis.read_corpus", "analysis.import_documents", "analysis.run_analysis"]

DEPARTMENT_GRANTS = {
    "analyst": {"analysis.read_corpus", "analysis.import_documents", "analysis.run_analysis"},
    "administrator": {"analysis.read_corpus", "analysis.import_documents", "analysis.run_analysis"},
    "panel_member": {"analysis.read_corpus"},
}


@pytest.mark.parametrize("department_role", list(DEPARTMENT_GRANTS))
def test_each_department_role_holds_exactly_its_analysis_permissions(make_person, dorset, department_role):
    person = make_person(f"department-{department_role}", department_role=department_role)
    for permission in ANALYSIS_PERMISSIONS:
        expected = permission in DEPARTMENT_GRANTS[department_role]
        assert person.has_perm(permission) is expected, f"{department_role}: {permission}"
        assert person.has_perm(permission, dorset) is expected, f"{department_role}: {permission} with a council"


@pytest.mark.parametrize("role", CouncilRole.values)
def test_no_council_role_holds_any_analysis_permission(make_person, dorset, role):
    person = make_person(f"dorset-{role}", council=dorset, roles=[role])
    for permission in ANALYSIS_PERMISSIONS:
        assert person.has_perm(permission) is False and person.has_perm(permission, dorset) is False, permission


def test_an_inactive_analyst_and_people_not_signed_in_hold_none(make_person):
    analyst = make_person("department-leaver", department_role="analyst")
    analyst.is_active = False
    analyst.save()
    for permission in ANALYSIS_PERMISSIONS:
        assert analyst.has_perm(permission) is False
        assert AnonymousUser().has_perm(permission) is False


def test_a_superuser_without_a_department_role_cannot_import(make_person):
    """Being a Django superuser is not a department role: the service's own rules bind everyone."""
    person = make_person("site-superuser")
    person.is_staff = person.is_superuser = True
    person.save()
    assert person.has_perm("analysis.import_documents") is False
