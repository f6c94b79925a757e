"""schemathesis against the API's OpenAPI document: every GET endpoint, public or needing a bearer
token, answers each generated request with a documented status and a body that matches its
documented schema, and never a 5xx.

Bounded and deterministic (derandomised Hypothesis, a few examples per operation), through the WSGI
application in-process, against a database holding Dorset's walked plan (a publication, submissions)."""

from contextlib import contextmanager

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

EXAMPLES_PER_OPERATION = 12


def get_operations(schema, *, needing_a_token: bool):
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.method.upper() == "GET" and bool(operation.definition.raw.get("security")) == needing_a_token:
            yield operation


@contextmanager
def connections_kept_open():
    """As Django's test client does: a request through the WSGI application must not close the database
    connection that holds the test's transaction (PostgreSQL would lose the walked plan)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def failures_of(operations, *, headers=None) -> list[str]:
    """Each operation's generated requests, called and validated; every operation's failure collected."""
    failures = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            derandomize=True,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def conforms(case):
            case.call_and_validate(headers=headers)

        try:
            conforms()
        except Exception as failure:  # collect every operation's failure, then report them together
            failures.append(f"{operation.method.upper()} {operation.path}: {failure}")
    return failures


@pytest.fixture(autouse=True)
def _lockout_out_of_the_way(settings):
    """Schemathesis sends many wrong tokens on purpose, to check each answers 401; the lockout (tested in
    test_sign_in_security.py) would answer 429 from the twentieth on, from the test client's one address."""
    settings.AXES_ADDRESS_FAILURE_LIMIT = 10**9


def test_every_public_get_endpoint_conforms_to_the_openapi_document(walked_plan):
    with connections_kept_open():
        schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
        operations = list(get_operations(schema, needing_a_token=False))
        paths = {operation.path for operation in operations}
        assert {"/api/v1/publications", "/api/v1/submissions", "/api/v1/councils"} <= paths
        failures = failures_of(operations)
    assert not failures, "\n\n".join(failures)


def test_every_get_endpoint_that_needs_a_token_conforms_for_department_staff(walked_plan, analyst, tmp_path):
    """The same checks with a department analyst's bearer token, over a corpus holding one imported plan."""
    from accounts.services import issue_api_token
    from tests.integration.test_analysis_import import import_file

    document_id = import_file(tmp_path, "plan.txt", b"# Theme 3\n\nAgency staff cost 1.2% of the staff budget.\n")[
        "document_id"
    ]
    headers = {"Authorization": f"Bearer {issue_api_token(user=analyst)}"}
    with connections_kept_open():
        schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
        operations = list(get_operations(schema, needing_a_token=True))
        assert {"/api/v1/me", "/api/v1/documents/{document_id}/analysis"} <= {o.path for o in operations}
        failures = failures_of(operations, headers=headers)
        # Generated ids mostly miss: one call with the real document checks a full answer too.
        analysis = next(o for o in operations if o.path == "/api/v1/documents/{document_id}/analysis")
        response = analysis.Case(path_parameters={"document_id": document_id}).call_and_validate(headers=headers)
    assert response.status_code == 200 and response.json()["figures"][0]["kind"] == "agency_share_of_staff_budget"
    assert not failures, "\n\n".join(failures)
