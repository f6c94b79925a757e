"""schemathesis against the API's OpenAPI document: every public GET endpoint answers each generated
request with a documented status and a body that matches its documented schema, and never a 5xx.

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


def public_get_operations(schema):
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.method.upper() == "GET" and not operation.definition.raw.get("security"):
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


def test_every_public_get_endpoint_conforms_to_the_openapi_document(walked_plan):
    with connections_kept_open():
        check_every_public_get_endpoint()


def check_every_public_get_endpoint():
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
    operations = list(public_get_operations(schema))
    paths = {operation.path for operation in operations}
    assert {"/api/v1/publications", "/api/v1/submissions", "/api/v1/councils"} <= paths
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
            case.call_and_validate()

        try:
            conforms()
        except Exception as failure:  # collect every operation's failure, then report them together
            failures.append(f"{operation.method.upper()} {operation.path}: {failure}")
    assert not failures, "\n\n".join(failures)
