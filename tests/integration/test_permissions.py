"""Who may do what: each persona against each protected view, and councils/permissions.py itself.

Expected answers: 200 (the page), "redirect" (the step ran or was already done), 404 (not yours, or
not allowed: the service never says 403, so it never confirms that another council's thing exists),
"sign-in" (a redirect to the sign-in page).
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from councils.models import CouncilRole
from tests.integration.pages import outcome
from tests.integration.state import describe_change, snapshot

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

VIEWS = [
    "draft detail",
    "draft edit GET",
    "freeze POST",
    "decision form GET",
    "submit GET",
    "publish GET",
    "receipt",
    "department register",
    "department submission",
]

# persona -> expected answer for each view, in the order of VIEWS.
MATRIX = {
    "dorset_author": [200, 200, "redirect", 404, 404, 200, 200, 404, 404],
    "dorset_clerk": [200, 404, 404, 200, 404, 200, 200, 404, 404],
    "dorset_director": [200, 200, "redirect", 404, 200, 404, 200, 404, 404],
    "dorset_monitoring_officer": [200, 404, 404, 404, 404, 404, 200, 404, 404],
    "somerset_author": [404, 404, 404, 404, 404, 404, 404, 404, 404],
    # The department reads what was submitted, never a council's working draft or versions.
    "analyst": [404, 404, 404, 404, 404, 404, 200, 200, 200],
    None: ["sign-in"] * 9,
}


def requests_for(plan) -> dict:
    """View name -> (method, URL), each at the stage where the step it offers is still to come."""
    return {
        "draft detail": ("GET", f"/plans/drafts/{plan.draft.pk}/"),
        "draft edit GET": ("GET", f"/plans/drafts/{plan.draft.pk}/edit/"),
        # Nothing changed since version 4, so an allowed freeze returns version 4 and writes nothing.
        "freeze POST": ("POST", f"/plans/drafts/{plan.draft.pk}/freeze/"),
        "decision form GET": ("GET", f"/governance/versions/{plan.frozen.pk}/decision/"),
        "submit GET": ("GET", f"/your-plans/versions/{plan.endorsed.pk}/submit/"),
        "publish GET": ("GET", f"/your-plans/versions/{plan.submitted.pk}/publish/"),
        "receipt": ("GET", f"/receipts/{plan.submissions[0].pk}/"),
        "department register": ("GET", f"/department/returns/{plan.return_definition.slug}/"),
        "department submission": ("GET", f"/department/submissions/{plan.submissions[0].pk}/"),
    }


@pytest.mark.parametrize("persona", list(MATRIX), ids=lambda p: p or "anonymous")
def test_permission_matrix(client, request, walked_plan, persona):
    """Each persona asks for each protected view of Dorset's walked plan; every answer must match the
    matrix, and none of the requests may change anything."""
    if persona is not None:
        client.force_login(request.getfixturevalue(persona))
    before = snapshot()
    got = {}
    for view, (method, url) in requests_for(walked_plan).items():
        response = client.get(url) if method == "GET" else client.post(url)
        got[view] = outcome(response)
        if view == "freeze POST" and got[view] == "redirect":
            assert response["Location"] == f"/plans/versions/{walked_plan.frozen.pk}/"
    expected = dict(zip(VIEWS, MATRIX[persona], strict=True))
    wrong = [f"{view}: expected {expected[view]}, got {got[view]}" for view in VIEWS if got[view] != expected[view]]
    assert not wrong, f"{persona or 'anonymous'}:\n" + "\n".join(wrong)
    after = snapshot()
    assert before == after, describe_change(before, after)


def test_a_panel_member_reads_the_register_and_submissions_like_an_analyst(client, walked_plan, panel_member):
    """Every department role reads returns; none of them reaches a council's draft."""
    client.force_login(panel_member)
    plan = walked_plan
    assert client.get(f"/department/returns/{plan.return_definition.slug}/").status_code == 200
    assert client.get(f"/department/submissions/{plan.submissions[0].pk}/").status_code == 200
    assert client.get(f"/plans/drafts/{plan.draft.pk}/").status_code == 404


def test_a_department_administrator_with_admin_site_rights_is_held_to_the_same_rules(client, walked_plan, make_person):
    """The demo makes department administrators Django superusers (is_staff, is_superuser) so they can
    use /admin/. That must not let them into councils' work: like every department person they read
    the register and receipts, and get 404 on a council's draft, edit form, freeze, decision, submit
    and publish pages, with nothing changed. (Django's User.has_perm answers True to any permission
    for an active superuser before asking the rules in councils/permissions.py.)"""
    administrator = make_person("department-administrator", department_role="administrator")
    administrator.is_staff = administrator.is_superuser = True
    administrator.save()
    client.force_login(administrator)
    plan = walked_plan
    before = snapshot()
    got = {}
    for view, (method, url) in requests_for(plan).items():
        response = client.get(url) if method == "GET" else client.post(url)
        got[view] = outcome(response)
    form = {"revision": plan.draft.revision, **{f"theme_{n}": "Rewritten by the department." for n in range(1, 5)}}
    got["draft edit POST"] = outcome(client.post(f"/plans/drafts/{plan.draft.pk}/edit/", form))
    got["submit POST"] = outcome(client.post(f"/your-plans/versions/{plan.endorsed.pk}/submit/"))
    expected = dict(zip(VIEWS, MATRIX["analyst"], strict=True)) | {"draft edit POST": 404, "submit POST": 404}
    wrong = [f"{view}: expected {expected[view]}, got {got[view]}" for view in expected if got[view] != expected[view]]
    after = snapshot()
    assert not wrong, "superuser administrator:\n" + "\n".join(wrong) + "\nchanged: " + describe_change(before, after)
    assert before == after, describe_change(before, after)


# --- councils/permissions.py directly ------------------------------------------------------

PERMISSIONS = [
    "plans.view_council_work",
    "plans.edit_draft",
    "plans.freeze_draft",
    "governance.record_decision",
    "submissions.submit_return",
    "submissions.publish_plan",
    "submissions.certify_return",
    "governance.write_report",
    "governance.configure_checklist",
    "governance.amend_under_delegation",  # granted by no role: only the officer a delegation names
    "meetings.manage_meetings",
    "monitoring.manage_figures",
    "monitoring.approve_figures",
]

# role -> the council permissions it grants at its own council (the table in councils/permissions.py).
GRANTS = {
    CouncilRole.PLAN_AUTHOR: {
        "plans.view_council_work",
        "plans.edit_draft",
        "plans.freeze_draft",
        "submissions.publish_plan",
        "governance.write_report",
        "monitoring.manage_figures",
    },
    CouncilRole.DEMOCRATIC_SERVICES: {
        "plans.view_council_work",
        "governance.record_decision",
        "submissions.publish_plan",
        "governance.write_report",
        "governance.configure_checklist",
        "meetings.manage_meetings",
    },
    CouncilRole.MONITORING_OFFICER: {"plans.view_council_work"},
    CouncilRole.SECTION_151_OFFICER: {
        "plans.view_council_work",
        "submissions.submit_return",
        "submissions.certify_return",
    },
    CouncilRole.EXECUTIVE_DIRECTOR: {
        "plans.view_council_work",
        "plans.edit_draft",
        "plans.freeze_draft",
        "submissions.submit_return",
        "governance.write_report",
        "monitoring.approve_figures",
    },
    CouncilRole.LEAD_MEMBER: {"plans.view_council_work"},
    CouncilRole.CHIEF_EXECUTIVE: {
        "plans.view_council_work",
        "submissions.submit_return",
        "submissions.certify_return",
        "monitoring.approve_figures",
    },
    CouncilRole.WORKFORCE_LEAD: {"plans.view_council_work"},
    CouncilRole.ASSET_MANAGEMENT_LEAD: {"plans.view_council_work"},
    CouncilRole.PERFORMANCE_LEAD: {"plans.view_council_work", "monitoring.manage_figures"},
}


def test_the_grants_table_covers_every_council_role():
    assert set(GRANTS) == set(CouncilRole.values)


@pytest.mark.parametrize("role", CouncilRole.values)
def test_each_role_holds_exactly_its_permissions_at_its_own_council_and_none_elsewhere(
    make_person, dorset, somerset, role
):
    """user.has_perm(permission, council) for every permission: true at the person's own council only
    for the permissions the role grants; false at any other council; read_returns never."""
    person = make_person(f"dorset-{role}", council=dorset, roles=[role])
    for permission in PERMISSIONS:
        assert person.has_perm(permission, dorset) is (permission in GRANTS[role]), f"{role}: {permission} at Dorset"
        assert person.has_perm(permission, somerset) is False, f"{role}: {permission} at Somerset"
        assert person.has_perm(permission, None) is False, f"{role}: {permission} with no council"
    assert person.has_perm("submissions.read_returns") is False
    assert person.has_perm("submissions.read_returns", dorset) is False
    assert person.has_perm("core.read_audit_log") is False


def test_roles_add_up_when_a_person_holds_several(make_person, dorset):
    """A monitoring officer who is also democratic services may record decisions (roles combine)."""
    person = make_person("dorset-two-hats", council=dorset, roles=["monitoring_officer", "democratic_services"])
    assert person.has_perm("governance.record_decision", dorset)
    assert not person.has_perm("plans.edit_draft", dorset)


@pytest.mark.parametrize("department_role", ["analyst", "panel_member", "administrator"])
def test_department_staff_read_returns_and_hold_no_council_permission(make_person, dorset, department_role):
    person = make_person(f"department-{department_role}", department_role=department_role)
    assert person.has_perm("submissions.read_returns")
    assert person.has_perm("core.read_audit_log")
    for permission in PERMISSIONS:
        assert person.has_perm(permission, dorset) is False, f"{department_role}: {permission}"


def test_people_who_are_not_signed_in_hold_no_permission(dorset):
    anonymous = AnonymousUser()
    for permission in [*PERMISSIONS, "submissions.read_returns"]:
        assert anonymous.has_perm(permission, dorset) is False, permission
    assert anonymous.has_perm("submissions.read_returns") is False


def test_a_person_with_no_role_anywhere_holds_no_permission(make_person, dorset):
    nobody = make_person("no-role")
    for permission in [*PERMISSIONS, "submissions.read_returns"]:
        assert nobody.has_perm(permission, dorset) is False, permission


def test_losing_a_role_takes_the_permission_away_at_once(make_person, dorset):
    """Permissions are read from memberships on every check, not cached on the user object."""
    from councils.models import Membership

    person = make_person("leaver", council=dorset, roles=["plan_author"])
    assert person.has_perm("plans.edit_draft", dorset)
    Membership.objects.filter(user=person).delete()
    assert not person.has_perm("plans.edit_draft", dorset)
