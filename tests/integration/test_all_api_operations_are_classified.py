"""Every API operation is classified by who may call it, and each class is enforced, as the web routes are in
test_all_routes_are_classified.py.

The operations are read from the API's own OpenAPI document, and checked against the URL patterns django-ninja
builds (one per operation), so a new operation fails here until it is added to exactly one list below (PUBLIC,
SIGNED_IN, COUNCIL, DEPARTMENT). Another council's people of every role, and department staff, then call every
COUNCIL operation on each of Dorset's objects with a body that would succeed for someone allowed: each answer
must be the API's one 404, the same words as for an object that does not exist, and nothing may change.
"""

import json
import re
from dataclasses import dataclass

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from accounts.services import issue_api_token
from councils.models import CouncilRole
from tests.integration.state import describe_change, snapshot

# The autouse fixtures make the walked plan's meeting, report, decision record and corpus before anything is measured.
from tests.integration.test_all_routes_are_classified import (  # noqa: F401
    _corpus_of_the_walked_plan,
    _meeting_of_the_walked_plan,
    _monitoring_of_the_walked_plan,
    dorset_values,
    every_object_value,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

NOT_FOUND = {"detail": "Not found"}  # api.views.not_found: the one answer for missing and not yours


@dataclass(frozen=True)
class ApiRoute:
    permission: str = ""  # for COUNCIL and DEPARTMENT operations: the permission the access function asks
    why: str = ""


# Anyone, with or without a token.
PUBLIC = {
    "GET /api/v1/councils": ApiRoute(),
    "GET /api/v1/returns/{slug}/status": ApiRoute(why="every council's stage; only submitted versions' hashes"),
    "GET /api/v1/publications": ApiRoute(),
    "GET /api/v1/publications/{content_hash}": ApiRoute(),
    "GET /api/v1/councils/{code}/plans/{slug}": ApiRoute(),
    "GET /api/v1/submissions": ApiRoute(why="that a council submitted, when and the hash, as the public register"),
    "GET /api/v1/meetings": ApiRoute(why="published agendas; a council's own people also see its other meetings"),
    "GET /api/v1/meetings/{meeting_id}/agenda-pack.pdf": ApiRoute(why="published packs only"),
    "GET /api/v1/meetings/{meeting_id}/supplementary-agenda-{number}.pdf": ApiRoute(why="published packs only"),
    "GET /api/v1/metrics": ApiRoute(why="the catalogue"),
    "GET /api/v1/metrics/{metric}/values": ApiRoute(why="published figures only"),
    "GET /api/v1/councils/{code}/commitments": ApiRoute(why="the published plan's commitments and their status"),
    "GET /api/v1/councils/{code}/metrics/{metric}/comparison": ApiRoute(why="published figures only"),
}

# Anyone with a token: about the caller, or lists of what the caller may see (`visible_to` in the owning app).
SIGNED_IN = {
    "GET /api/v1/me": ApiRoute(why="the token's owner"),
    "GET /api/v1/plans": ApiRoute(why="plans.access.drafts_visible_to"),
    "GET /api/v1/governance/reports": ApiRoute(why="governance.access.reports_visible_to"),
    "GET /api/v1/audit-events": ApiRoute(
        why="the department every entry, a council's people their council's; an entry's data only to those its "
        "subject's app lets read the subject (api/audit.py)"
    ),
}

# People who work for the council that owns the object, holding the permission named (the web pages' own).
COUNCIL = {
    "POST /api/v1/plans": ApiRoute("plans.edit_draft", "the council named in the body"),
    "GET /api/v1/plans/{draft_id}": ApiRoute("plans.view_council_work"),
    "PUT /api/v1/plans/{draft_id}/sections/{key}": ApiRoute("plans.edit_draft"),
    "GET /api/v1/plans/{draft_id}/evidence": ApiRoute("plans.view_council_work"),
    "PUT /api/v1/plans/{draft_id}/evidence": ApiRoute("plans.edit_draft"),
    "POST /api/v1/plans/{draft_id}/barriers": ApiRoute("plans.edit_draft"),
    "POST /api/v1/plans/{draft_id}/versions": ApiRoute("plans.freeze_draft"),
    "GET /api/v1/plans/{draft_id}/checks": ApiRoute("plans.view_council_work"),
    "GET /api/v1/plans/{draft_id}/versions/{number}/pdf": ApiRoute("plans.view_council_work"),
    "POST /api/v1/governance/versions/{version_id}/report": ApiRoute("governance.write_report"),
    "GET /api/v1/governance/reports/{report_id}": ApiRoute("plans.view_council_work"),
    "PUT /api/v1/governance/reports/{report_id}": ApiRoute("governance.write_report"),
    "POST /api/v1/governance/reports/{report_id}/lines/{line_id}/sign": ApiRoute(
        "plans.view_council_work", "only the person named on the line; anyone else at the council 403"
    ),
    "POST /api/v1/governance/versions/{version_id}/decision": ApiRoute("governance.record_decision"),
    "GET /api/v1/governance/decisions/{decision_id}": ApiRoute("plans.view_council_work"),
    "POST /api/v1/governance/decisions/{decision_id}/publish": ApiRoute("governance.record_decision"),
}

# Department staff only; council people get a 404, as on the department's pages.
DEPARTMENT = {
    "GET /api/v1/audit-events/verification": ApiRoute("core.read_audit_log"),
    "GET /api/v1/documents": ApiRoute("analysis.read_corpus"),
    "GET /api/v1/documents/{document_id}/analysis": ApiRoute("analysis.read_corpus"),
    "GET /api/v1/monitoring/commitments": ApiRoute("monitoring.read_monitoring"),
}

ACCESS_LISTS = {"PUBLIC": PUBLIC, "SIGNED_IN": SIGNED_IN, "COUNCIL": COUNCIL, "DEPARTMENT": DEPARTMENT}
ALL_OPERATIONS = {key: route for routes in ACCESS_LISTS.values() for key, route in routes.items()}
OBJECT_ID_PARAMETERS = ("draft_id", "version_id", "report_id", "decision_id")


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    needs_token: bool

    @property
    def key(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def parameters(self) -> list[str]:
        return re.findall(r"\{(\w+)\}", self.path)


def api_operations() -> dict[str, Operation]:
    """Every operation in the API's OpenAPI document, by "METHOD /path"."""
    from api.views import api

    paths = api.get_openapi_schema()["paths"]
    return {
        f"{method.upper()} {path}": Operation(method.upper(), path, bool(operation.get("security")))
        for path, methods in paths.items()
        for method, operation in methods.items()
    }


def api_url_patterns() -> list[URLPattern]:
    """The URL patterns django-ninja made for the API: one per operation, plus its document, docs page and root."""
    (resolver,) = [p for p in get_resolver().url_patterns if isinstance(p, URLResolver) and str(p.pattern) == "api/"]
    return [p for p in resolver.url_patterns if isinstance(p, URLPattern) and p.name not in API_PAGES]


API_PAGES = {"openapi-json", "openapi-view", "api-root"}
OPERATIONS = api_operations()


def url_for(operation: Operation, values: dict) -> str:
    missing = [p for p in operation.parameters if p not in values]
    assert not missing, f"{operation.key} takes {missing}; teach the API walk what to put there"
    return re.sub(r"\{(\w+)\}", lambda match: str(values[match.group(1)]), operation.path)


def api_values(plan) -> dict:
    """Real values for each path parameter, from Dorset's walked plan."""
    return {**dorset_values(plan), "key": "1", "number": 1}


def body_for(key: str, plan):
    """A body that would succeed for someone allowed to make the call, so a leak would show as a change."""
    return {
        "POST /api/v1/plans": {"council": plan.council.gss_code, "return": plan.return_definition.slug},
        "PUT /api/v1/plans/{draft_id}/sections/{key}": {"text": "Overwritten by another council."},
        "PUT /api/v1/plans/{draft_id}/evidence": {
            "year": "2023/24",
            "staff_budget": 198000000,
            "agency_spend": 1,
            "consultant_spend": 1,
            "edi_statement": "Written by another council.",
        },
        "POST /api/v1/plans/{draft_id}/barriers": {
            "category": "funding-certainty",
            "description": "Written by another council.",
            "ask": "Written by another council.",
        },
        "PUT /api/v1/governance/reports/{report_id}": {
            "revision": plan.report.revision,
            "title": "Rewritten by another council",
            "sections": {"summary": "Rewritten by another council."},
        },
        "POST /api/v1/governance/reports/{report_id}/lines/{line_id}/sign": {},
        "POST /api/v1/governance/versions/{version_id}/decision": {
            "outcome": "approved",
            "decision_maker": "Another council's cabinet",
            "decided_on": timezone.localdate().isoformat(),
        },
        "POST /api/v1/governance/decisions/{decision_id}/publish": {},
    }.get(key)


def call(client, operation: Operation, url: str, *, token: str | None = None, body=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    if body is not None:
        headers.update(data=json.dumps(body), content_type="application/json")
    return getattr(client, operation.method.lower())(url, **headers)


def tokens_for(people) -> dict:
    """A token for each person, issued before anything is measured (issuing one is an audit event)."""
    return {person.username: issue_api_token(user=person) for person in people}


# --- The lists themselves -------------------------------------------------------------------


def test_every_api_operation_is_in_exactly_one_access_list():
    assert len(OPERATIONS) > 20, "the walk found almost no API operations; is it still reading the OpenAPI document?"
    assert len(api_url_patterns()) == len(OPERATIONS), "an API operation is left out of the OpenAPI document"
    problems = []
    for key in OPERATIONS:
        lists = [name for name, routes in ACCESS_LISTS.items() if key in routes]
        if not lists:
            problems.append(
                f"{key} is not classified: add it to one of PUBLIC, SIGNED_IN, COUNCIL or DEPARTMENT in "
                f"{__name__.rsplit('.', 1)[-1]}.py, and make sure it reaches objects through the app's access.py"
            )
        elif len(lists) > 1:
            problems.append(f"{key} is in more than one access list: {lists}")
    assert not problems, "\n".join(problems)


def test_the_access_lists_name_no_operation_that_no_longer_exists():
    stale = sorted(set(ALL_OPERATIONS) - set(OPERATIONS))
    assert not stale, f"These classified API operations are not in the API any more: {stale}"


def test_every_council_and_department_operation_names_a_permission_that_exists():
    import rules

    for key, route in {**COUNCIL, **DEPARTMENT}.items():
        assert route.permission and rules.perm_exists(route.permission), f"{key}: unknown permission"


def test_only_public_operations_answer_without_a_token(client, walked_plan):
    """Every operation but the PUBLIC ones says in the document that it needs a bearer token, and answers a
    call without one with a 401, changing nothing."""
    values = api_values(walked_plan)
    before = snapshot()
    failures = []
    for key, operation in sorted(OPERATIONS.items()):
        if key in PUBLIC:
            continue
        if not operation.needs_token:
            failures.append(f"{key}: the OpenAPI document does not say it needs a token")
        response = call(client, operation, url_for(operation, values), body=body_for(key, walked_plan))
        if response.status_code != 401:
            failures.append(f"{key} without a token: {response.status_code}")
    assert not failures, "\n".join(failures)
    assert snapshot() == before, describe_change(before, snapshot())


def _another_councils_people(make_person, somerset):
    return [
        make_person(f"somerset-{role.replace('_', '-')}", council=somerset, roles=[role]) for role in CouncilRole.values
    ]


def _department_staff(make_person, analyst, panel_member):
    """Analysts, the panel, and an administrator who is also a Django superuser (as in the demo)."""
    administrator = make_person("department-administrator", department_role="administrator")
    administrator.is_staff = administrator.is_superuser = True
    administrator.save()
    return [analyst, panel_member, administrator]


# --- Each class is enforced -----------------------------------------------------------------


def test_council_operations_are_404_for_another_council_and_the_department(
    client, walked_plan, somerset, make_person, analyst, panel_member
):
    """Somerset people of every role, and department staff of every role, call every COUNCIL operation on
    each of Dorset's drafts, versions (published, submitted, endorsed, frozen), reports and decisions: each
    answer is the 404 a missing object gets (never 403, which would confirm the object exists), and nothing
    of Dorset's is changed."""
    callers = _another_councils_people(make_person, somerset) + _department_staff(make_person, analyst, panel_member)
    tokens = tokens_for(callers)
    objects = every_object_value(walked_plan)
    before = snapshot()
    failures = []
    for person in callers:
        for key in sorted(COUNCIL):
            operation = OPERATIONS[key]
            parameter = next((p for p in operation.parameters if p in OBJECT_ID_PARAMETERS), None)
            for object_id in objects[parameter] if parameter else [None]:
                values = api_values(walked_plan) | ({parameter: object_id} if parameter else {})
                url = url_for(operation, values)
                response = call(client, operation, url, token=tokens[person.username], body=body_for(key, walked_plan))
                if response.status_code != 404 or response.json() != NOT_FOUND:
                    failures.append(f"{person.username} {operation.method} {url}: {response.status_code}")
    assert not failures, "\n".join(failures)
    assert snapshot() == before, describe_change(before, snapshot())


def test_signed_in_lists_show_another_council_and_the_department_nothing_of_dorsets(
    client, walked_plan, somerset, make_person, analyst, panel_member
):
    """The lists a token opens hold only the caller's own council's things: Somerset's people and department
    staff see nothing of Dorset's drafts or reports."""
    callers = _another_councils_people(make_person, somerset) + _department_staff(make_person, analyst, panel_member)
    tokens = tokens_for(callers)
    dorset = walked_plan.council
    failures = []
    for person in callers:
        for key in sorted(SIGNED_IN):
            if key == "GET /api/v1/audit-events" and person.department_role:
                # The department reads every entry of the log, Dorset's included, but none of the words of Dorset's
                # unpublished work: test_api_audit_tenancy.py checks that, over every kind of event.
                continue
            operation = OPERATIONS[key]
            response = call(
                client, operation, url_for(operation, api_values(walked_plan)), token=tokens[person.username]
            )
            text = response.content.decode()
            if response.status_code != 200 or dorset.gss_code in text or dorset.name in text:
                failures.append(f"{person.username} {key}: {response.status_code} {text[:200]}")
    assert not failures, "\n".join(failures)


def test_public_operations_tell_another_council_and_the_department_no_more_than_anyone(
    client, walked_plan, somerset, make_person, analyst, panel_member
):
    """Every PUBLIC operation answers without a token; with Somerset's or the department's token, the answer
    is exactly what anyone gets (Dorset's meeting still being prepared, say, stays out of it)."""
    callers = _another_councils_people(make_person, somerset) + _department_staff(make_person, analyst, panel_member)
    tokens = tokens_for(callers)
    values = api_values(walked_plan)
    failures = []
    for key in sorted(PUBLIC):
        operation = OPERATIONS[key]
        url = url_for(operation, values)
        public = call(client, operation, url)
        if public.status_code != 200:
            failures.append(f"anyone {key}: {public.status_code}")
        for person in callers:
            response = call(client, operation, url, token=tokens[person.username])
            if (response.status_code, response.content) != (public.status_code, public.content):
                failures.append(f"{person.username} {key}: not what anyone gets")
    assert not failures, "\n".join(failures)


def test_department_operations_are_404_for_council_people(
    client, walked_plan, dorset, somerset, make_person, analyst, panel_member
):
    """Council people of every role, at Dorset and at Somerset, get the 404 on every DEPARTMENT operation;
    department staff get the answer."""
    council_people = [
        make_person(f"{council.gss_code}-{role}", council=council, roles=[role])
        for council in (dorset, somerset)
        for role in CouncilRole.values
    ]
    tokens = tokens_for([*council_people, analyst, panel_member])
    values = api_values(walked_plan)
    failures = []
    for key in sorted(DEPARTMENT):
        operation = OPERATIONS[key]
        url = url_for(operation, values)
        for person in council_people:
            response = call(client, operation, url, token=tokens[person.username])
            if response.status_code != 404 or response.json() != NOT_FOUND:
                failures.append(f"{person.username} {key}: {response.status_code}")
        for staff in (analyst, panel_member):
            response = call(client, operation, url, token=tokens[staff.username])
            if response.status_code != 200:
                failures.append(f"{staff.username} {key}: {response.status_code}")
    assert not failures, "\n".join(failures)
