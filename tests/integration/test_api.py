"""The JSON API under /api/ (django-ninja): open data on councils and statuses, and bearer tokens."""

import io
import json
import re

import pytest
from django.core.management import CommandError, call_command
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

SLUG = "productivity-plan-2024"


def get_json(client, url, **headers):
    response = client.get(url, **headers)
    assert response["Content-Type"].startswith("application/json"), f"{url}: {response['Content-Type']}"
    return response, response.json()


def issue_token(username: str) -> str:
    out = io.StringIO()
    call_command("issue_token", username, stdout=out)
    return out.getvalue().strip()


# --- Councils ------------------------------------------------------------------------------


def test_the_council_list_has_all_317_councils_with_code_name_type_and_region(client, register):
    response, councils = get_json(client, "/api/v1/councils")
    assert response.status_code == 200
    assert len(councils) == 317
    assert len({c["ons_code"] for c in councils}) == 317
    for council in councils:
        for key in ("ons_code", "name", "type", "region"):
            assert council[key], f"{council.get('ons_code')}: no {key}"
    dorset = next(c for c in councils if c["ons_code"] == "E06000059")
    assert dorset["name"] == "Dorset" and dorset["type"] == "unitary" and dorset["region"] == "South West"
    assert dorset["url"].endswith("/councils/E06000059/")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=county", 21),
        ("type=district", 164),
        ("region=London", 33),
        ("region=South%20East", 70),
        ("type=london_borough&region=London", 32),
        ("q=Somerset", 3),
    ],
)
def test_the_council_list_filters(client, register, query, expected):
    response, councils = get_json(client, f"/api/v1/councils?{query}")
    assert response.status_code == 200
    assert len(councils) == expected


def test_districts_name_their_county(client, register):
    _, districts = get_json(client, "/api/v1/councils?type=district")
    _, counties = get_json(client, "/api/v1/councils?type=county")
    county_codes = {c["ons_code"] for c in counties}
    assert all(d["county_ons_code"] in county_codes for d in districts)


@pytest.mark.parametrize("query", ["type=parish", "type=County", "region=Wales", "region=london"])
def test_an_invalid_filter_value_is_a_422_not_a_500(client, register, query):
    response, body = get_json(client, f"/api/v1/councils?{query}")
    assert response.status_code == 422
    assert body["detail"], "the 422 says what was wrong"


# --- Statuses ------------------------------------------------------------------------------


def test_the_status_of_a_return_lists_every_council(client, register, plan_return, submitted_version):
    response, body = get_json(client, f"/api/v1/returns/{SLUG}/status")
    assert response.status_code == 200
    assert body["slug"] == SLUG and body["deadline"] == "2024-07-19"
    assert len(body["councils"]) == 317
    assert all(c["status"] in {"not_started", "draft", "endorsed", "submitted", "published"} for c in body["councils"])
    assert sum(body["counts"].values()) == 317
    assert body["counts"]["submitted"] == 1 and body["counts"]["not_started"] == 316
    dorset = next(c for c in body["councils"] if c["ons_code"] == "E06000059")
    assert dorset["status"] == "submitted" and dorset["status_label"] == "Submitted"
    assert dorset["content_hash"] == submitted_version.content_hash
    assert dorset["on_time"] is False  # submitted today, after the 2024 deadline
    others = [c for c in body["councils"] if c["ons_code"] != "E06000059"]
    assert all(c["status"] == "not_started" and c["content_hash"] is None for c in others)


def test_a_frozen_but_unsubmitted_version_hash_is_not_published_by_the_api(client, frozen_version):
    """Only versions that have reached the department are identified publicly."""
    _, body = get_json(client, f"/api/v1/returns/{SLUG}/status")
    dorset = next(c for c in body["councils"] if c["ons_code"] == "E06000059")
    assert dorset["status"] == "draft"
    assert dorset["content_hash"] is None
    assert frozen_version.content_hash not in json.dumps(body)


def test_an_unknown_return_is_a_404_in_json(client, register, plan_return):
    response, body = get_json(client, "/api/v1/returns/no-such-return/status")
    assert response.status_code == 404
    assert body == {"detail": "No return called 'no-such-return'"}


# --- OpenAPI -------------------------------------------------------------------------------


def test_the_openapi_document_is_json_and_lists_every_api_path(client, db):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["openapi"].startswith("3.")
    paths = set(document["paths"])
    assert {"/api/v1/councils", "/api/v1/returns/{slug}/status", "/api/v1/me"} <= paths
    assert "get" in document["paths"]["/api/v1/me"]
    assert document["paths"]["/api/v1/me"]["get"].get("security"), "/me must say it needs a bearer token"


def test_every_api_route_is_in_the_openapi_document(client, db):
    """A new API route shows up in the published OpenAPI document (so it is documented and tested here)."""
    (api_resolver,) = [
        p for p in get_resolver().url_patterns if isinstance(p, URLResolver) and str(p.pattern) == "api/"
    ]
    routes = {"/api/" + str(p.pattern) for p in api_resolver.url_patterns if isinstance(p, URLPattern)}
    routes = {re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", r) for r in routes} - {"/api/openapi.json", "/api/docs", "/api/"}
    documented = set(json.loads(client.get("/api/openapi.json").content)["paths"])
    assert routes <= documented, f"undocumented API routes: {routes - documented}"
    plans = {path for path in documented if path.startswith("/api/v1/plans")}  # tested in test_api_plans.py
    plans |= {path for path in documented if path.startswith("/api/v1/governance")}  # test_governance_api.py
    plans |= {path for path in documented if path.startswith("/api/v1/documents")}  # test_analysis_import.py
    meetings_and_audit = ("/api/v1/meetings", "/api/v1/audit-events")  # tested in test_meetings_api.py
    plans |= {path for path in documented if path.startswith(meetings_and_audit)}
    plans |= {  # tested in test_monitoring_pages.py
        "/api/v1/metrics",
        "/api/v1/metrics/{metric}/values",
        "/api/v1/councils/{code}/commitments",
        "/api/v1/councils/{code}/metrics/{metric}/comparison",
        "/api/v1/monitoring/commitments",
    }
    plans |= {  # tested in test_open_data.py and test_api_schema.py
        "/api/v1/publications",
        "/api/v1/publications/{content_hash}",
        "/api/v1/submissions",
        "/api/v1/councils/{code}/plans/{slug}",
    }
    assert documented - plans == {"/api/v1/councils", "/api/v1/returns/{slug}/status", "/api/v1/me"}, (
        "a new API route needs tests in test_api.py"
    )


# --- Tokens --------------------------------------------------------------------------------


def test_an_issued_token_identifies_its_user_on_me(client, analyst):
    token = issue_token("department-analyst")
    assert len(token) >= 32 and " " not in token
    response, body = get_json(client, "/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    assert body["username"] == "department-analyst"
    assert body["department_role"] == "analyst"
    assert body["council"] is None and body["council_roles"] == []


def test_a_council_officers_token_names_their_council_and_roles(client, dorset_author):
    token = issue_token("dorset-author")
    _, body = get_json(client, "/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert body["council"] == "E06000059" and body["council_roles"] == ["plan_author"]


def test_only_the_tokens_hash_is_stored(analyst):
    from accounts.models import ApiToken

    token = issue_token("department-analyst")
    stored = ApiToken.objects.get(user=analyst)
    assert stored.token_hash == ApiToken.hash_token(token) and token not in (stored.token_hash, stored.prefix)


@pytest.mark.parametrize(
    "header",
    [None, "Bearer not-a-real-token", "Bearer ", "Token {token}", "{token}", "Bearer {token}x"],
    ids=["no-header", "wrong-token", "empty-token", "wrong-scheme", "no-scheme", "altered-token"],
)
def test_a_missing_or_wrong_token_gets_401(client, analyst, header):
    token = issue_token("department-analyst")
    headers = {} if header is None else {"HTTP_AUTHORIZATION": header.format(token=token)}
    response, body = get_json(client, "/api/v1/me", **headers)
    assert response.status_code == 401
    assert "department-analyst" not in json.dumps(body)


def test_a_revoked_token_or_a_deactivated_user_gets_401(client, analyst):
    from django.utils import timezone

    from accounts.models import ApiToken

    token = issue_token("department-analyst")
    ApiToken.objects.update(revoked_at=timezone.now())
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401

    second = issue_token("department-analyst")
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {second}").status_code == 200
    analyst.is_active = False
    analyst.save()
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {second}").status_code == 401


def test_issuing_a_token_for_an_unknown_user_fails_with_a_clear_error(db):
    with pytest.raises(CommandError, match="No active user called 'nobody'"):
        call_command("issue_token", "nobody", stdout=io.StringIO())


def test_issuing_a_token_writes_an_audit_event(analyst):
    from core.models import AuditEvent

    token = issue_token("department-analyst")
    event = AuditEvent.objects.get(action="ApiTokenIssued")
    assert event.data == {"user": "department-analyst", "expires_at": event.data["expires_at"]}
    assert event.data["expires_at"] > event.occurred_at.isoformat()  # tokens end (90 days by default)
    assert token not in json.dumps(event.data) and token not in event.event_hash
