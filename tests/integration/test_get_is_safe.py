"""GET never changes state: every page can be fetched, prefetched or crawled without writing anything.

Routes come from the access lists in test_all_routes_are_classified.py, so a new route is covered here
as soon as it is classified there.
"""

import pytest

from tests.integration.pages import outcome, soup
from tests.integration.state import describe_change, snapshot
from tests.integration.test_all_routes_are_classified import (
    ALL_ROUTES,
    COUNCIL,
    DEPARTMENT,
    PUBLIC,
    ROUTES_BY_NAME,
    SIGNED_IN,
    _corpus_of_the_walked_plan,  # noqa: F401 - autouse: the walked plan's corpus document is made before measuring
    _meeting_of_the_walked_plan,  # noqa: F401 - autouse: the walked plan's meeting is made before measuring
    _monitoring_of_the_walked_plan,  # noqa: F401 - autouse: its monitoring records are made before measuring
    dorset_values,
    every_object_value,
    url_for,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

# Who is allowed to use each kind of route (a fixture name; None is someone not signed in).
PERSONA_FOR_PERMISSION = {
    "plans.view_council_work": "dorset_monitoring_officer",  # may read, may change nothing
    "plans.edit_draft": "dorset_author",
    "plans.freeze_draft": "dorset_author",
    "governance.record_decision": "dorset_clerk",
    "governance.write_report": "dorset_author",
    "governance.configure_checklist": "dorset_clerk",
    "governance.amend_under_delegation": "dorset_director",
    "meetings.manage_meetings": "dorset_clerk",
    "submissions.submit_return": "dorset_director",
    "submissions.publish_plan": "dorset_clerk",
    "monitoring.manage_figures": "dorset_author",
    "monitoring.approve_figures": "dorset_director",
}


def authorised_persona(name: str) -> str | None:
    if name in PUBLIC:
        return None
    if name in SIGNED_IN:
        return "dorset_author"
    if name in DEPARTMENT:
        return "analyst"
    return PERSONA_FOR_PERMISSION[COUNCIL[name].permission]


def urls_for(name: str, plan) -> list[str]:
    """The route with each of the walked plan's objects (every version at every stage, every receipt)."""
    route_parameters = set(every_object_value(plan)) & set(ROUTES_BY_NAME[name].parameters)
    if not route_parameters:
        return [url_for(name, dorset_values(plan))]
    (parameter,) = route_parameters
    return [url_for(name, {**dorset_values(plan), parameter: value}) for value in every_object_value(plan)[parameter]]


def sign_in_as(client, request, persona):
    if persona is None:
        client.logout()
    else:
        client.force_login(request.getfixturevalue(persona))


GET_ROUTES = sorted(name for name, route in ALL_ROUTES.items() if "GET" in route.methods)
NOT_GET_ROUTES = sorted(name for name, route in ALL_ROUTES.items() if "GET" not in route.methods)


def test_get_to_every_route_by_someone_allowed_to_use_it_changes_nothing(client, request, walked_plan):
    """Each GET route is fetched by a person allowed to use it, for every draft, version (published,
    submitted, endorsed, frozen) and receipt of a fully walked Dorset plan: the count of every record
    (audit events, drafts, versions, decisions, submissions, publications, statuses) and the drafts'
    text and revision stay exactly as they were after each request."""
    extra = {"submissions:department_register": ["?format=csv", "?type=unitary&stage=published"]}
    for name in GET_ROUTES:
        persona = authorised_persona(name)
        sign_in_as(client, request, persona)
        for url in urls_for(name, walked_plan):
            for query in ["", *extra.get(name, [])]:
                before = snapshot()
                response = client.get(url + query)
                after = snapshot()
                assert before == after, f"GET {url}{query} as {persona} changed: {describe_change(before, after)}"
                assert outcome(response) in (200, "redirect"), f"GET {url}{query} as {persona}: {outcome(response)}"


@pytest.mark.parametrize("name", sorted(n for n in GET_ROUTES if "POST" in ALL_ROUTES[n].methods))
def test_get_to_a_route_that_takes_a_post_only_shows_a_form_or_moves_on(client, request, walked_plan, name):
    """Routes that change data on POST answer GET with a page holding a POST form (nothing is done
    until it is submitted), or, when the step is already done, a redirect to the result, or, when the
    step cannot happen now, a page saying why (#why-not) with no button that would be refused."""
    persona = authorised_persona(name)
    sign_in_as(client, request, persona)
    for url in urls_for(name, walked_plan):
        response = client.get(url)
        if response.status_code == 302:
            continue
        assert response.status_code == 200, f"GET {url}: {response.status_code}"
        forms = [f for f in soup(response).select("main form") if f.get("method", "get").lower() == "post"]
        if soup(response).select_one("#why-not") is not None:
            assert not forms, f"GET {url} says the step cannot happen but offers a form for it"
            continue
        assert forms, f"GET {url} answered 200 without a POST form to confirm the change"


@pytest.mark.parametrize("persona", [None, "somerset_author", "analyst"])
def test_get_to_every_route_by_anyone_changes_nothing(client, request, walked_plan, persona):
    """Whoever asks (not signed in, another council, the department), a GET to any route, allowed or
    not, writes nothing."""
    sign_in_as(client, request, persona)
    before = snapshot()
    for name in GET_ROUTES:
        client.get(url_for(name, dorset_values(walked_plan)))
    after = snapshot()
    assert before == after, f"GETs as {persona} changed: {describe_change(before, after)}"


def test_routes_that_only_change_data_refuse_get(client, request, walked_plan):
    """Every route that only takes POST (start a draft, freeze, sign out) answers GET with 405, whether
    or not the person may POST to it, and nothing changes."""
    assert {"plans:start_draft", "plans:freeze", "accounts:sign_out"} <= set(NOT_GET_ROUTES)
    for name in NOT_GET_ROUTES:  # create every persona first, so only the GETs are measured
        sign_in_as(client, request, authorised_persona(name) or "dorset_author")
    before = snapshot()
    for name in NOT_GET_ROUTES:
        for persona in (None, authorised_persona(name) or "dorset_author"):
            sign_in_as(client, request, persona)
            response = client.get(url_for(name, dorset_values(walked_plan)))
            assert response.status_code == 405, f"GET {name} as {persona}: {outcome(response)}"
            assert "POST" in response["Allow"]
    after = snapshot()
    assert before == after, describe_change(before, after)


def test_get_to_start_draft_does_not_start_one(client, plan_return, somerset_author):
    """A council with no draft: GET to the start URL is 405 and no draft appears (POST would make one)."""
    from plans.models import Draft

    client.force_login(somerset_author)
    response = client.get(f"/plans/returns/{plan_return.slug}/start/")
    assert response.status_code == 405
    assert not Draft.objects.exists()
    assert client.post(f"/plans/returns/{plan_return.slug}/start/").status_code == 302
    assert Draft.objects.count() == 1


def test_get_to_sign_out_does_not_sign_anyone_out(client, dorset_author):
    """GET /sign-out/ is 405 (a link or an image cannot sign someone out); the session still works."""
    client.force_login(dorset_author)
    assert client.get("/sign-out/").status_code == 405
    assert client.get("/account/").status_code == 200
    assert client.post("/sign-out/").status_code == 302
    assert client.get("/account/").status_code == 302
