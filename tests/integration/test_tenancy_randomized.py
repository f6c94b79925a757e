"""Randomized tenancy: many attempts, each a random caller at another council (or, for the API, in the
department), a random council route or API operation, a random method it answers and a random object id
(any of Dorset's ids, of any kind, or one that exists nowhere). Every answer must be the 404 a missing object
gets, no answer may show Dorset's draft text, and after all the attempts nothing in the database has changed.

`make test` makes a fixed sample (TENANCY_ATTEMPTS, 200 by default, seed 2026); `.ci/run` makes 10,000 on
PostgreSQL with a new seed each run (printed, so a failure can be repeated with TENANCY_SEED).
"""

import os
import random

import pytest

from accounts.services import issue_api_token
from councils.models import CouncilRole
from tests.integration import test_all_api_operations_are_classified as api_walk
from tests.integration import test_all_routes_are_classified as web_walk
from tests.integration.state import describe_change, snapshot

# The autouse fixtures make the walked plan's meeting, report, decision record, corpus and monitoring records.
from tests.integration.test_all_routes_are_classified import (  # noqa: F401
    _corpus_of_the_walked_plan,
    _meeting_of_the_walked_plan,
    _monitoring_of_the_walked_plan,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

ATTEMPTS = int(os.environ.get("TENANCY_ATTEMPTS", "200"))
SEED = int(os.environ.get("TENANCY_SEED", "2026" if ATTEMPTS <= 200 else str(random.SystemRandom().randrange(10**6))))


def _web_attempt(rng, client, plan, ids):
    name = rng.choice(web_walk.COUNCIL_ROUTES_WITH_OBJECT_IDS)
    route = web_walk.ROUTES_BY_NAME[name]
    parameter = next(p for p in route.parameters if p in web_walk.OBJECT_ID_PARAMETERS)
    url = web_walk.url_for(name, {**web_walk.dorset_values(plan), parameter: rng.choice(ids)})
    method = rng.choice(sorted(web_walk.COUNCIL[name].methods))
    response = web_walk.request(client, method, url, web_walk.post_data(name, plan))
    ok = response.status_code == 404 and b"<title>Page not found" in response.content
    return ok, f"{method} {url}", response


def _api_attempt(rng, client, plan, ids, token):
    key = rng.choice(sorted(api_walk.COUNCIL))
    operation = api_walk.OPERATIONS[key]
    parameter = next((p for p in operation.parameters if p in api_walk.OBJECT_ID_PARAMETERS), None)
    values = api_walk.api_values(plan) | ({parameter: rng.choice(ids)} if parameter else {})
    url = api_walk.url_for(operation, values)
    response = api_walk.call(client, operation, url, token=token, body=api_walk.body_for(key, plan))
    ok = response.status_code == 404 and response.json() == api_walk.NOT_FOUND
    return ok, f"{operation.method} {url}", response


def test_random_attempts_from_another_council_or_the_department_find_nothing_and_change_nothing(
    client, walked_plan, somerset, make_person, analyst, panel_member
):
    somerset_people = [
        make_person(f"somerset-{role.replace('_', '-')}", council=somerset, roles=[role]) for role in CouncilRole.values
    ]
    # As the exhaustive walks do: council pages are tried by another council's people (the department reads some
    # of a council's pages, such as a submission's receipt, by design), council API operations by them and by
    # department staff too (the API's council operations are the council's alone).
    callers = somerset_people + [analyst, panel_member]
    tokens = {person.pk: issue_api_token(user=person) for person in callers}
    # Any of Dorset's object ids, whatever kind of object the route expects, and ids that exist nowhere.
    ids = sorted({i for values in web_walk.every_object_value(walked_plan).values() for i in values})
    ids += [max(ids) + 1, 10**9]
    secrets = [s.body for s in walked_plan.draft.sections.all() if len(s.body) > 40]
    rng = random.Random(SEED)
    print(f"tenancy: {ATTEMPTS} attempts, TENANCY_SEED={SEED}")
    before = snapshot()
    failures = []
    signed_in = None
    for _ in range(ATTEMPTS):
        web = rng.random() < 0.5
        person = rng.choice(somerset_people if web else callers)
        if web:
            if signed_in != person.pk:
                client.force_login(person)
                signed_in = person.pk
            ok, what, response = _web_attempt(rng, client, walked_plan, ids)
        else:
            ok, what, response = _api_attempt(rng, client, walked_plan, ids, tokens[person.pk])
        body = response.content.decode(errors="replace")
        if not ok or any(secret[:40] in body for secret in secrets):
            failures.append(f"{person.username} {what}: {response.status_code}")
    assert not failures, f"TENANCY_SEED={SEED}\n" + "\n".join(failures[:50])
    after = snapshot()
    assert before == after, describe_change(before, after)
