"""The plans API under /api/v1/plans (api/plans.py): starting, writing and freezing a plan with a bearer token."""

import io
import json
import re

import pytest
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver

from tests.integration.state import describe_change, snapshot

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

SLUG = "productivity-plan-2024"
DORSET, SOMERSET = "E06000059", "E06000066"
EVIDENCE = {
    "year": "2023/24",
    "staff_budget": 198000000,
    "agency_spend": 1400000,
    "consultant_spend": 1900000,
    "edi_statement": "Training limited to the Public Sector Equality Duty.",
}
BARRIER = {"category": "funding-certainty", "description": "One-year settlements.", "ask": "Multi-year settlements."}


def issue_token(username: str) -> str:
    out = io.StringIO()
    call_command("issue_token", username, stdout=out)
    return out.getvalue().strip()


class Caller:
    """The test client with one person's token on every request."""

    def __init__(self, client, username):
        self.client, self.headers = client, {"HTTP_AUTHORIZATION": f"Bearer {issue_token(username)}"}

    def _call(self, method, url, body=None):
        kwargs = dict(self.headers)
        if body is not None:
            kwargs.update(data=json.dumps(body), content_type="application/json")
        response = getattr(self.client, method)(url, **kwargs)
        assert response["Content-Type"].startswith("application/json"), f"{method} {url}: {response['Content-Type']}"
        return response.status_code, response.json()

    def get(self, url):
        return self._call("get", url)

    def post(self, url, body=None):
        return self._call("post", url, {} if body is None else body)

    def put(self, url, body):
        return self._call("put", url, body)

    def write_section(self, plan, key, text):
        """Read the plan, then replace one section saying which revision was read (as a client must)."""
        status, body = self.get(f"/api/v1/plans/{plan}")
        assert status == 200, body
        return self.put(f"/api/v1/plans/{plan}/sections/{key}", {"text": text, "revision": body["revision"]})


def _messages(body) -> str:
    detail = body["detail"]
    return detail if isinstance(detail, str) else " ".join(error["msg"] for error in detail)


@pytest.fixture
def admin(make_person):
    return make_person("admin", department_role="administrator")


@pytest.fixture
def as_dorset(client, dorset_author):
    return Caller(client, "dorset-author")


@pytest.fixture
def as_somerset(client, somerset_author):
    return Caller(client, "somerset-author")


@pytest.fixture
def as_admin(client, admin):
    return Caller(client, "admin")


@pytest.fixture
def as_analyst(client, analyst):
    return Caller(client, "department-analyst")


@pytest.fixture
def dorset_plan(as_dorset, plan_return):
    status, body = as_dorset.post("/api/v1/plans", {"council": DORSET, "return": SLUG})
    assert status == 201, body
    return body["id"]


# --- The whole flow ------------------------------------------------------------------------


def test_an_author_starts_writes_and_freezes_a_plan_through_the_api(as_dorset, plan_return, theme_text):
    from core.models import AuditEvent

    status, body = as_dorset.post("/api/v1/plans", {"council": DORSET, "return": SLUG})
    assert status == 201
    plan = body["id"]
    assert as_dorset.post("/api/v1/plans", {"council": DORSET, "return": SLUG}) == (200, {"id": plan})

    status, plans = as_dorset.get("/api/v1/plans")
    assert status == 200
    assert [(p["id"], p["council"], p["return"], p["revision"]) for p in plans] == [(plan, DORSET, SLUG, 1)]
    assert plans[0]["updated_at"]

    status, body = as_dorset.post(f"/api/v1/plans/{plan}/versions")
    assert status == 409 and "Still empty: theme 1" in body["detail"]

    status, body = as_dorset.write_section(plan, "intro", "Dorset serves 380,000 people.")
    assert status == 200 and body["revision"] == 2
    for number, text in theme_text.items():
        status, body = as_dorset.write_section(plan, number, text)
        assert status == 200, body
    sections = {s["key"]: s for s in body["sections"]}
    assert list(sections) == ["intro", "1", "2", "3", "4"]
    assert sections["intro"]["text"] == "Dorset serves 380,000 people."
    assert sections["3"]["text"] == theme_text[3] and sections["3"]["title"]

    status, body = as_dorset.get(f"/api/v1/plans/{plan}/evidence")
    assert status == 404 and body["detail"] == "This plan has no spend evidence yet"
    status, body = as_dorset.put(f"/api/v1/plans/{plan}/evidence", EVIDENCE)
    assert status == 200, body
    status, evidence = as_dorset.get(f"/api/v1/plans/{plan}/evidence")
    assert status == 200
    assert evidence == {**EVIDENCE, "agency_share_percent": 0.71, "consultant_share_percent": 0.96}

    status, barrier = as_dorset.post(f"/api/v1/plans/{plan}/barriers", BARRIER)
    assert status == 201
    assert barrier["category"] == "funding-certainty" and barrier["category_label"] == "Funding certainty"
    assert barrier["description"] == "One-year settlements." and barrier["id"]

    status, version = as_dorset.post(f"/api/v1/plans/{plan}/versions")
    assert status == 201 and version["number"] == 1 and len(version["content_hash"]) == 64
    assert as_dorset.post(f"/api/v1/plans/{plan}/versions") == (200, version), "unchanged text: the same version"

    status, detail = as_dorset.get(f"/api/v1/plans/{plan}")
    assert status == 200
    assert detail["council"] == DORSET and detail["return"] == SLUG
    assert detail["spend_evidence"]["consultant_share_percent"] == 0.96
    assert [b["id"] for b in detail["barriers"]] == [barrier["id"]]
    assert detail["commitments"] == []
    assert [(v["number"], v["content_hash"]) for v in detail["versions"]] == [(1, version["content_hash"])]
    assert detail["versions"][0]["frozen_at"]

    status, checks = as_dorset.get(f"/api/v1/plans/{plan}/checks")
    assert status == 200 and checks["page_count"] >= 1, "the checks wait for the PDF and count its pages"
    found = {check["id"]: check for check in checks["checks"]}
    assert {"theme-1", "theme-4", "consultants", "agency", "edi", "barriers", "page-limit"} <= set(found)
    assert all(c["status"] in {"pass", "fail", "advice"} and c["message"] and c["title"] for c in checks["checks"])
    assert found["barriers"]["status"] == "pass"

    actions = list(AuditEvent.objects.filter(actor__username="dorset-author").values_list("action", flat=True))
    for action in ("DraftStarted", "DraftSaved", "SpendEvidenceSaved", "BarrierAdded", "VersionFrozen"):
        assert action in actions, f"no {action} audit event"


def test_an_administrator_is_held_to_the_same_rules_as_on_the_web_pages(as_admin, admin, dorset_plan):
    """A department administrator (a Django superuser in the demo) neither starts, reads nor changes a
    council's plan through the API, exactly as on the web pages (decision 0021)."""
    admin.is_staff = admin.is_superuser = True
    admin.save()
    before = snapshot()
    assert as_admin.post("/api/v1/plans", {"council": SOMERSET, "return": SLUG}) == (404, {"detail": "Not found"})
    assert as_admin.get("/api/v1/plans") == (200, [])
    assert as_admin.get(f"/api/v1/plans/{dorset_plan}")[0] == 404
    assert as_admin.put(f"/api/v1/plans/{dorset_plan}/sections/1", {"text": "Written by support."})[0] == 404
    assert snapshot() == before, describe_change(before, snapshot())


def test_a_department_analyst_cannot_start_a_plan_and_sees_none(as_analyst, dorset_plan):
    before = snapshot()
    status, body = as_analyst.post("/api/v1/plans", {"council": DORSET, "return": SLUG})
    assert status == 404 and body["detail"]
    assert as_analyst.get("/api/v1/plans") == (200, [])
    assert as_analyst.get(f"/api/v1/plans/{dorset_plan}")[0] == 404
    assert snapshot() == before, describe_change(before, snapshot())


def test_an_author_cannot_start_another_councils_plan(as_somerset, plan_return, dorset):
    from plans.models import Draft

    status, body = as_somerset.post("/api/v1/plans", {"council": DORSET, "return": SLUG})
    assert status == 404
    assert not Draft.objects.filter(council=dorset).exists()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"council": "E99999999", "return": SLUG}, "Not found"),
        ({"council": DORSET, "return": "no-such-return"}, "No return called 'no-such-return'"),
    ],
)
def test_an_unknown_council_or_return_is_a_404(as_dorset, plan_return, body, message):
    status, answer = as_dorset.post("/api/v1/plans", body)
    assert status == 404 and message in answer["detail"]


def test_a_council_colleague_may_read_but_not_change_a_plan(client, dorset_plan, dorset_clerk):
    """As on the web pages, a change the person may not make is a 404 (plans.access.get_draft_for_change)."""
    as_clerk = Caller(client, "dorset-democratic-services")
    assert as_clerk.get(f"/api/v1/plans/{dorset_plan}")[0] == 200
    assert [p["id"] for p in as_clerk.get("/api/v1/plans")[1]] == [dorset_plan]
    before = snapshot()
    assert as_clerk.put(f"/api/v1/plans/{dorset_plan}/sections/1", {"text": "Clerk's words."})[0] == 404
    assert as_clerk.put(f"/api/v1/plans/{dorset_plan}/evidence", EVIDENCE)[0] == 404
    assert as_clerk.post(f"/api/v1/plans/{dorset_plan}/barriers", BARRIER)[0] == 404
    assert as_clerk.post(f"/api/v1/plans/{dorset_plan}/versions")[0] == 404
    assert snapshot() == before, describe_change(before, snapshot())


# --- Tenancy -------------------------------------------------------------------------------


def test_another_councils_author_gets_404_on_every_endpoint_and_nothing_changes(as_somerset, walked_plan, theme_text):
    from plans.models import Barrier, SpendEvidence

    plan = walked_plan.draft.pk
    from plans.services import save_spend_evidence

    save_spend_evidence(draft=walked_plan.draft, actor=walked_plan.draft.created_by, **EVIDENCE)
    before = snapshot()
    evidence_before = list(SpendEvidence.objects.values_list("year", "staff_budget", "agency_spend"))
    barriers_before = Barrier.objects.count()
    calls = [
        ("get", f"/api/v1/plans/{plan}", None),
        ("get", f"/api/v1/plans/{plan}/evidence", None),
        ("get", f"/api/v1/plans/{plan}/checks", None),
        ("put", f"/api/v1/plans/{plan}/sections/1", {"text": "Somerset overwrote this."}),
        ("put", f"/api/v1/plans/{plan}/sections/intro", {"text": "Somerset overwrote this."}),
        ("put", f"/api/v1/plans/{plan}/evidence", {**EVIDENCE, "agency_spend": 1}),
        ("post", f"/api/v1/plans/{plan}/barriers", BARRIER),
        ("post", f"/api/v1/plans/{plan}/versions", None),
    ]
    for method, url, body in calls:
        status, answer = getattr(as_somerset, method)(url, *([] if body is None else [body]))
        assert status == 404, f"{method} {url}: {status}"
        assert answer == {"detail": "Not found"}, "the same answer as for a plan that does not exist"
        assert "Dorset" not in json.dumps(answer)
    for missing in (999999, 0, -1, 10**20):
        assert as_somerset.get(f"/api/v1/plans/{missing}") == (404, {"detail": "Not found"})
    assert as_somerset.get("/api/v1/plans") == (200, [])
    assert snapshot() == before, describe_change(before, snapshot())
    assert list(SpendEvidence.objects.values_list("year", "staff_budget", "agency_spend")) == evidence_before
    assert Barrier.objects.count() == barriers_before


def test_each_council_lists_only_its_own_plans(as_dorset, as_somerset, walked_plan, somerset_plan):
    assert [p["council"] for p in as_dorset.get("/api/v1/plans")[1]] == [DORSET]
    assert [p["council"] for p in as_somerset.get("/api/v1/plans")[1]] == [SOMERSET]
    assert "SOMERSET-SECRET" not in json.dumps(as_dorset.get("/api/v1/plans")[1])


def test_the_plans_api_needs_a_token(client, dorset_plan):
    for url in ("/api/v1/plans", f"/api/v1/plans/{dorset_plan}", f"/api/v1/plans/{dorset_plan}/evidence"):
        assert client.get(url).status_code == 401
    assert client.post("/api/v1/plans", data="{}", content_type="application/json").status_code == 401


# --- Bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"agency_spend": -1}, "agency_spend", "greater than or equal to 0"),
        ({"consultant_spend": "lots"}, "consultant_spend", "must be a number of pounds"),
        ({"consultant_spend": "1900000"}, "consultant_spend", "must be a number of pounds"),
        ({"agency_spend": True}, "agency_spend", "must be a number of pounds"),
        ({"staff_budget": 0}, "staff_budget", "greater than 0"),
        ({"staff_budget": None}, "staff_budget", "must be a number of pounds"),
        ({"staff_budget": 1e20}, "staff_budget", "digits"),
        ({"staff_budget": float("inf")}, "staff_budget", "finite"),
        ({"agency_spend": 1.234}, "agency_spend", "decimal places"),
        ({"year": "2023/25"}, "year", "two years in a row"),
        ({"year": "2023-24"}, "year", "like 2023/24"),
        ({"year": "23/24"}, "year", "like 2023/24"),
    ],
)
def test_bad_spend_evidence_is_a_422_naming_the_field_and_nothing_is_saved(
    as_dorset, dorset_plan, change, field, message
):
    before = snapshot()
    status, body = as_dorset.put(f"/api/v1/plans/{dorset_plan}/evidence", {**EVIDENCE, **change})
    assert status == 422
    errors = {error["loc"][-1]: error["msg"] for error in body["detail"]}
    assert field in errors and message in errors[field], body
    assert snapshot() == before, describe_change(before, snapshot())
    assert as_dorset.get(f"/api/v1/plans/{dorset_plan}/evidence")[0] == 404


def test_an_unknown_barrier_category_is_a_422_and_nothing_is_saved(as_dorset, dorset_plan):
    from plans.models import Barrier

    before = snapshot()
    status, body = as_dorset.post(f"/api/v1/plans/{dorset_plan}/barriers", {**BARRIER, "category": "weather"})
    assert status == 422
    assert "No barrier category 'weather'" in _messages(body) and "funding-certainty" in _messages(body)
    status, body = as_dorset.post(f"/api/v1/plans/{dorset_plan}/barriers", {**BARRIER, "ask": "   "})
    assert status == 422 and "Enter the ask" in _messages(body)
    assert not Barrier.objects.exists()
    assert snapshot() == before, describe_change(before, snapshot())


@pytest.mark.parametrize("key", ["5", "0", "theme-1", "introduction", "1.0"])
def test_an_unknown_section_key_is_a_404_and_nothing_is_saved(as_dorset, dorset_plan, key):
    before = snapshot()
    status, body = as_dorset.put(f"/api/v1/plans/{dorset_plan}/sections/{key}", {"text": "Somewhere."})
    assert status == 404 and f"No section called {key!r}" in body["detail"]
    assert snapshot() == before, describe_change(before, snapshot())


def test_over_long_text_is_refused_with_a_409_and_nothing_is_saved(as_dorset, dorset_plan):
    """The limit is on the whole plan, so the refusal depends on what is stored: a 409 like every refusal."""
    from plans.services import MAX_TEXT_CHARACTERS

    before = snapshot()
    status, body = as_dorset.write_section(dorset_plan, 2, "x" * (MAX_TEXT_CHARACTERS + 1))
    assert status == 409 and "too long to save" in body["detail"] and body["field"] is None
    assert snapshot() == before, describe_change(before, snapshot())


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("put", "sections/1", {}),
        ("put", "sections/1", {"text": 42}),
        ("post", "barriers", {"category": "funding-certainty"}),
        ("put", "evidence", {"year": "2023/24"}),
    ],
)
def test_a_missing_or_wrongly_typed_field_is_a_422(as_dorset, dorset_plan, method, path, body):
    before = snapshot()
    status, answer = getattr(as_dorset, method)(f"/api/v1/plans/{dorset_plan}/{path}", body)
    assert status == 422 and _messages(answer)
    assert snapshot() == before, describe_change(before, snapshot())


def test_a_body_that_is_not_json_is_a_400(as_dorset, dorset_plan):
    response = as_dorset.client.put(
        f"/api/v1/plans/{dorset_plan}/sections/1", data="not json", content_type="application/json", **as_dorset.headers
    )
    assert response.status_code == 400 and response.json()["detail"]


# --- OpenAPI -------------------------------------------------------------------------------


def test_the_openapi_document_lists_every_plans_path_and_its_error_statuses(client, db):
    document = json.loads(client.get("/api/openapi.json").content)
    paths = document["paths"]
    expected = {
        "/api/v1/plans": {"get", "post"},
        "/api/v1/plans/{draft_id}": {"get"},
        "/api/v1/plans/{draft_id}/sections/{key}": {"put"},
        "/api/v1/plans/{draft_id}/evidence": {"get", "put"},
        "/api/v1/plans/{draft_id}/barriers": {"post"},
        "/api/v1/plans/{draft_id}/versions": {"post"},
        "/api/v1/plans/{draft_id}/checks": {"get"},
        "/api/v1/plans/{draft_id}/versions/{number}/pdf": {"get"},
    }
    for path, methods in expected.items():
        assert path in paths, f"{path} is not documented"
        assert set(paths[path]) == methods
        for method in methods:
            operation = paths[path][method]
            assert operation.get("security"), f"{method} {path} must say it needs a bearer token"
            assert "401" in operation["responses"]
    assert {"200", "201", "400", "404", "422"} <= set(paths["/api/v1/plans"]["post"]["responses"])
    assert {"404", "409", "422"} <= set(paths["/api/v1/plans/{draft_id}/sections/{key}"]["put"]["responses"])
    assert {"200", "201", "404", "409"} <= set(paths["/api/v1/plans/{draft_id}/versions"]["post"]["responses"])
    (api_resolver,) = [
        p for p in get_resolver().url_patterns if isinstance(p, URLResolver) and str(p.pattern) == "api/"
    ]
    routes = {"/api/" + str(p.pattern) for p in api_resolver.url_patterns if isinstance(p, URLPattern)}
    routes = {re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route) for route in routes if route.startswith("/api/v1/plans")}
    assert routes == set(expected), "every plans route is documented and tested here"
    summary = document["components"]["schemas"]["PlanSummaryOut"]["properties"]
    assert "return" in summary, "the documented field name is the one the API sends"


# --- Checks with the real page count, and the version PDF ---------------------------------


def test_checks_wait_for_the_render_and_the_version_pdf_has_that_many_pages(client, as_dorset, dorset_plan, theme_text):
    import pypdfium2

    for number, text in theme_text.items():
        assert as_dorset.write_section(dorset_plan, number, text)[0] == 200
    status, body = as_dorset.get(f"/api/v1/plans/{dorset_plan}/checks")
    assert status == 200
    page_count = body["page_count"]
    assert isinstance(page_count, int) and page_count >= 1
    page_limit = next(c for c in body["checks"] if c["id"] == "page-limit")
    assert page_limit["status"] == "pass" and str(page_count) in page_limit["message"]

    status, version = as_dorset.post(f"/api/v1/plans/{dorset_plan}/versions")
    assert status == 201
    response = client.get(f"/api/v1/plans/{dorset_plan}/versions/{version['number']}/pdf", **as_dorset.headers)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert len(pypdfium2.PdfDocument(response.content)) == page_count


def test_another_councils_version_pdf_is_a_404(client, as_dorset, as_somerset, dorset_plan, theme_text):
    for number, text in theme_text.items():
        as_dorset.write_section(dorset_plan, number, text)
    as_dorset.post(f"/api/v1/plans/{dorset_plan}/versions")
    response = client.get(f"/api/v1/plans/{dorset_plan}/versions/1/pdf", **as_somerset.headers)
    assert response.status_code == 404
    assert client.get(f"/api/v1/plans/{dorset_plan}/versions/9/pdf", **as_dorset.headers).status_code == 404
