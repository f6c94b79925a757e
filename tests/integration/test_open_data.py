"""Open data: CSV and JSON downloads of the register and of published plans' content, and the read API
(`/api/v1/publications`, `/api/v1/submissions`, a council's published plan), under the OGL."""

import csv
import io
import json

import pytest

from tests.integration.pages import soup

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

SLUG = "productivity-plan-2024"
DORSET = "E06000059"


def rows_of(response) -> list[dict]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def test_the_register_downloads_give_every_council_once_with_its_status(client, walked_plan):
    table = rows_of(client.get(f"/open-data/{SLUG}/register.csv"))
    assert len(table) == 317
    assert len({row["ons_code"] for row in table}) == 317
    dorset = next(row for row in table if row["ons_code"] == DORSET)
    assert dorset["status"] == "published"
    assert dorset["content_hash"] == walked_plan.publication.content_hash
    assert dorset["plan_url"] == f"/published/{walked_plan.publication.content_hash}/plan.html"
    document = json.loads(client.get(f"/open-data/{SLUG}/register.json").content)
    assert document["licence"]["name"] == "Open Government Licence v3.0"
    assert [r["ons_code"] for r in document["rows"]] == [r["ons_code"] for r in table]


def test_published_content_downloads_give_themes_commitments_barriers_and_spend(client, walked_plan):
    themes = rows_of(client.get(f"/open-data/{SLUG}/themes.csv"))
    assert [row["theme"] for row in themes] == ["1", "2", "3", "4"]
    assert all(row["content_hash"] == walked_plan.publication.content_hash for row in themes)
    commitments = rows_of(client.get(f"/open-data/{SLUG}/commitments.csv"))
    assert [(c["action"], c["target"]) for c in commitments] == [("Close two depots.", "3")]
    barriers = json.loads(client.get(f"/open-data/{SLUG}/barriers.json").content)["rows"]
    assert [(b["category"], b["ask"]) for b in barriers] == [("funding-certainty", "Multi-year settlements.")]


def test_unpublished_drafts_never_appear_in_open_data(client, walked_plan, somerset_plan):
    """Somerset has submitted but not published: its text is in no download, API answer or plan file."""
    secret = b"SOMERSET-SECRET"
    for url in [
        *(
            f"/open-data/{SLUG}/{d}.{f}"
            for d in ("themes", "commitments", "barriers", "spend")
            for f in ("csv", "json")
        ),
        f"/open-data/{SLUG}/register.csv",
        "/api/v1/publications",
        "/api/v1/submissions",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert secret not in response.content, f"{url} leaked Somerset's unpublished text"
    for url in (
        "/councils/E06000066/plans/productivity-plan-2024/plan.csv",
        "/councils/E06000066/plans/productivity-plan-2024/plan.json",
        "/api/v1/councils/E06000066/plans/productivity-plan-2024",
        f"/api/v1/publications/{somerset_plan.submitted.content_hash}",
        f"/published/{somerset_plan.submitted.content_hash}/plan.json",
    ):
        assert client.get(url).status_code == 404, url


def test_a_published_plan_as_csv_and_json(client, walked_plan):
    table = rows_of(client.get(f"/councils/{DORSET}/plans/{SLUG}/plan.csv"))
    assert {row["part"] for row in table} == {"theme", "barrier", "commitment"}
    document = json.loads(client.get(f"/councils/{DORSET}/plans/{SLUG}/plan.json").content)
    assert document["content_hash"] == walked_plan.publication.content_hash


def test_unknown_formats_datasets_and_returns_are_404(client, walked_plan):
    for url in (
        f"/open-data/{SLUG}/register.xml",
        f"/open-data/{SLUG}/salaries.csv",
        "/open-data/no-such-return/register.csv",
        f"/councils/{DORSET}/plans/{SLUG}/plan.exe",
        "/councils/E99999999/plans/productivity-plan-2024/plan.csv",
    ):
        assert client.get(url).status_code == 404, url


def test_the_api_lists_publications_and_submissions_with_paging_and_filters(client, walked_plan, dorset_clerk):
    from submissions.services import publish_version

    correction = publish_version(version=walked_plan.submitted, actor=dorset_clerk, correction_note="Typo in theme 2.")
    body = client.get("/api/v1/publications").json()
    assert body["count"] == 2
    newest = body["items"][0]
    assert newest["content_hash"] == correction.content_hash
    assert newest["replaces"] == walked_plan.publication.content_hash
    assert newest["html_url"] == f"/published/{correction.content_hash}/plan.html"
    for key in ("html_url", "pdf_url", "json_url"):
        assert client.get(newest[key]).status_code == 200, key
    page = client.get("/api/v1/publications?limit=1&offset=1").json()
    assert page["count"] == 2 and [p["content_hash"] for p in page["items"]] == [walked_plan.publication.content_hash]
    assert client.get("/api/v1/publications?corrections=false").json()["count"] == 1
    assert client.get("/api/v1/publications?type=county").json()["count"] == 0
    assert client.get("/api/v1/publications?limit=0").status_code == 422
    submissions = client.get(f"/api/v1/submissions?council={DORSET}").json()
    assert submissions["count"] == 2
    assert {s["content_hash"] for s in submissions["items"]} == {v.content_hash for v in walked_plan.versions[:2]}
    assert all(
        set(s) == {"council", "council_name", "return_slug", "submitted_at", "on_time", "content_hash", "published"}
        for s in submissions["items"]
    )
    plan = client.get(f"/api/v1/councils/{DORSET}/plans/{SLUG}").json()
    assert plan["content_hash"] == correction.content_hash
    assert plan["content"]["sections"][0]["theme"] == 1


def test_the_public_page_shows_the_same_hash_as_the_api(client, walked_plan):
    api_hash = client.get("/api/v1/publications").json()["items"][0]["content_hash"]
    response = client.get(f"/councils/{DORSET}/plans/{SLUG}/")
    assert api_hash in soup(response).select_one(".app-hash").get_text()


def test_open_data_page_links_answer(client, walked_plan):
    page = soup(client.get("/open-data/"))
    links = [a["href"] for a in page.select("main a") if a["href"].startswith("/")]
    assert len(links) >= 12
    for href in links:
        assert client.get(href).status_code == 200, href
