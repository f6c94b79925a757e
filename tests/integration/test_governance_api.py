"""The governance API under /api/v1/governance: reports, checklist lines and decisions with a bearer token,
held to the same rules as the pages; and its operations conform to the OpenAPI document."""

import datetime
import io
import json

import pytest
import schemathesis
from django.core import signals
from django.core.management import call_command
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, given, settings

from governance.models import ChecklistEntry, Decision, DecisionReport
from governance.services import decisions, reports

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def token(username):
    out = io.StringIO()
    call_command("issue_token", username, stdout=out)
    return out.getvalue().strip()


class Caller:
    def __init__(self, client, user):
        self.client, self.headers = client, {"HTTP_AUTHORIZATION": f"Bearer {token(user.username)}"}

    def call(self, method, url, body=None):
        kwargs = dict(self.headers)
        if body is not None:
            kwargs.update(data=json.dumps(body), content_type="application/json")
        response = getattr(self.client, method)("/api/v1/governance" + url, **kwargs)
        return response.status_code, response.json()


@pytest.fixture
def officers(make_person, dorset):
    return {
        "mo": make_person("dorset-api-mo", council=dorset, roles=["monitoring_officer"]),
        "s151": make_person("dorset-api-s151", council=dorset, roles=["section_151_officer"]),
    }


def test_a_report_is_made_read_and_saved_and_a_save_voids_sign_offs(client, frozen_version, dorset_author, officers):
    author = Caller(client, dorset_author)
    status, report = author.call("post", f"/versions/{frozen_version.pk}/report")
    assert status == 201 and report["template"] == "cabinet_report"
    status, again = author.call("post", f"/versions/{frozen_version.pk}/report")
    assert status == 200 and again["id"] == report["id"]
    legal = next(line for line in report["checklist"] if line["key"] == "legal")
    status, entry = Caller(client, officers["mo"]).call("post", f"/reports/{report['id']}/lines/{legal['id']}/sign", {})
    assert status == 201 and entry["status"] == "completed"
    status, saved = author.call(
        "put", f"/reports/{report['id']}", {"revision": 1, "title": "Plan", "sections": {"summary": "Changed."}}
    )
    assert status == 200 and saved["sign_offs_voided"] == ["Legal and governance (monitoring officer)"]
    assert any("must be signed off again" in b for b in saved["report"]["agenda_blockers"])
    status, stale = author.call(
        "put", f"/reports/{report['id']}", {"revision": 1, "title": "Plan", "sections": {"summary": "Again."}}
    )
    assert status == 409 and "after you opened it" in stale["detail"]


def test_signing_a_line_not_yours_is_403_and_nothing_changes_and_signing_twice_records_once(
    client, frozen_version, dorset_author, officers
):
    report = reports.create_report(version=frozen_version, actor=dorset_author)
    legal = report.checklist_lines.get(key="legal")
    status, body = Caller(client, officers["s151"]).call("post", f"/reports/{report.pk}/lines/{legal.pk}/sign", {})
    assert status == 403 and "not yours" in body["detail"]
    assert ChecklistEntry.objects.count() == 0
    mo = Caller(client, officers["mo"])
    first = mo.call("post", f"/reports/{report.pk}/lines/{legal.pk}/sign", {})
    second = mo.call("post", f"/reports/{report.pk}/lines/{legal.pk}/sign", {})
    assert (first[0], second[0]) == (201, 200) and ChecklistEntry.objects.count() == 1


def test_another_council_gets_404_for_reports_lines_and_decisions(
    client, endorsed_version, dorset_author, somerset_author
):
    report = reports.create_report(version=endorsed_version, actor=dorset_author)
    line = report.checklist_lines.first()
    decision = Decision.objects.get()
    other = Caller(client, somerset_author)
    for method, url in [
        ("get", f"/reports/{report.pk}"),
        ("post", f"/reports/{report.pk}/lines/{line.pk}/sign"),
        ("get", f"/decisions/{decision.pk}"),
        ("post", f"/versions/{endorsed_version.pk}/report"),
        ("get", "/reports/99999999999"),
    ]:
        status, _ = other.call(method, url, {} if method == "post" else None)
        assert status == 404, url
    assert DecisionReport.objects.count() == 1


def test_a_decision_with_a_negative_call_in_period_is_refused_and_a_historic_one_is_recorded(
    client, frozen_version, dorset_clerk
):
    clerk = Caller(client, dorset_clerk)
    today = timezone.localdate().isoformat()
    body = {"outcome": "approved", "decision_maker": "Cabinet", "decided_on": today, "executive": True}
    status, refused = clerk.call("post", f"/versions/{frozen_version.pk}/decision", body | {"call_in_working_days": -1})
    assert status == 422 and "The call-in period must be 0 working days or more" in json.dumps(refused)
    assert not Decision.objects.exists()
    status, future = clerk.call("post", f"/versions/{frozen_version.pk}/decision", body | {"decided_on": "2099-01-01"})
    assert status == 409 and "future" in future["detail"] and future["field"] == "decided_on"
    status, decision = clerk.call("post", f"/versions/{frozen_version.pk}/decision", body | {"executive": False})
    assert status == 201 and decision["in_effect"] and decision["effective_on"] == today
    status, read = clerk.call("get", f"/decisions/{decision['id']}")
    assert status == 200 and read["status"].startswith("In effect from")


def test_an_executive_decision_through_the_api_waits_for_its_call_in_period(client, frozen_version, dorset_clerk):
    clerk = Caller(client, dorset_clerk)
    body = {
        "outcome": "approved",
        "decision_maker": "Executive",
        "decided_on": timezone.localdate().isoformat(),
        "executive": True,
        "call_in_working_days": 5,
        "reasons": "Members must endorse the plan.",
    }
    status, decision = clerk.call("post", f"/versions/{frozen_version.pk}/decision", body)
    assert status == 201 and not decision["in_effect"] and decision["call_in_working_days"] == 5
    assert decision["status"] == "Record to be published: the call-in period starts when it is"
    decisions.publish_decision_record(decision=Decision.objects.get(), actor=dorset_clerk)
    _, read = clerk.call("get", f"/decisions/{decision['id']}")
    assert read["call_in_ends_on"] and datetime.date.fromisoformat(read["effective_on"]) > timezone.localdate()


def test_every_refusal_the_api_answers_is_described_in_the_openapi_document(client, db):
    """A refusal is answered with its message and the field it concerns, in the shape the document gives."""
    document = json.loads(client.get("/api/openapi.json").content)
    answers = [
        operation["responses"]["409"]
        for path in document["paths"].values()
        for operation in path.values()
        if "409" in operation["responses"]
    ]
    assert answers, "no operation says it may refuse"
    for answer in answers:
        schema = answer["content"]["application/json"]["schema"]
        # A section written on an old revision is the one other 409: an edit conflict, with the current text.
        refs = [choice["$ref"] for choice in schema["anyOf"]] if "anyOf" in schema else [schema["$ref"]]
        assert refs[0].endswith("/RefusalOut") and all(r.endswith(("/RefusalOut", "/EditConflictOut")) for r in refs)
    assert set(document["components"]["schemas"]["RefusalOut"]["properties"]) == {"detail", "field"}


def test_the_governance_get_operations_conform_to_the_openapi_document(client, endorsed_version, dorset_author):
    report = reports.create_report(version=endorsed_version, actor=dorset_author)
    assert report.pk
    headers = {"Authorization": f"Bearer {token(dorset_author.username)}"}
    failures = []
    # The WSGI app runs in-process: keep Django from closing the test's connection at each request end
    # (PostgreSQL would then lose the test transaction), as its own test client does.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
        operations = [
            result.ok()
            for result in schema.get_all_operations()
            if result.ok().path.startswith("/api/v1/governance") and result.ok().method.upper() == "GET"
        ]
        assert len(operations) >= 3
        check_operations(operations, headers, failures)
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
    assert not failures, "\n\n".join(failures)


def check_operations(operations, headers, failures):
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=10, derandomize=True, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        def conforms(case):
            case.call_and_validate(headers=headers)

        try:
            conforms()
        except Exception as failure:
            failures.append(f"{operation.method.upper()} {operation.path}: {failure}")


def test_a_decision_record_is_published_once_through_the_api_and_bad_dates_are_refused(
    client, endorsed_version, dorset_clerk, dorset_author
):
    decision = Decision.objects.get()
    clerk = Caller(client, dorset_clerk)
    status, refused = clerk.call("post", f"/decisions/{decision.pk}/publish", {"published_on": "2099-01-01"})
    assert status == 409 and "future" in refused["detail"]
    status, _ = Caller(client, dorset_author).call("post", f"/decisions/{decision.pk}/publish", {})
    assert status == 404  # only democratic services publish records
    status, published = clerk.call("post", f"/decisions/{decision.pk}/publish", {})
    again = clerk.call("post", f"/decisions/{decision.pk}/publish", {"published_on": "2024-07-10"})
    assert status == again[0] == 200
    assert published["record_published_on"] == again[1]["record_published_on"] == timezone.localdate().isoformat()
