"""The meetings API and the department's read of the audit log."""

import datetime
import io

import pypdfium2
import pytest
from django.core.management import call_command
from django.db import connection

from core.audit import write_anchor
from core.models import AuditEvent
from meetings import services
from tests.integration.test_meetings_pack import cleared_paper

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def bearer(username: str) -> dict:
    out = io.StringIO()
    call_command("issue_token", username, stdout=out)
    return {"HTTP_AUTHORIZATION": f"Bearer {out.getvalue().strip()}"}


@pytest.fixture
def meetings(dorset, dorset_clerk):
    committee = services.create_committee(council=dorset, name="Cabinet", kind="cabinet", actor=dorset_clerk)
    published = services.schedule_meeting(
        committee=committee,
        date=datetime.date(2024, 7, 9),
        starts_at=datetime.time(18, 30),
        venue="Council Chamber",
        actor=dorset_clerk,
    )
    for title in ("Quarter 1 finance report", "Forward plan"):
        services.add_agenda_item(
            meeting=published, paper=cleared_paper(dorset, dorset_clerk, title), actor=dorset_clerk
        )
    published = services.publish_agenda(meeting=published, actor=dorset_clerk, published_on=datetime.date(2024, 7, 1))
    preparing = services.schedule_meeting(
        committee=committee,
        date=datetime.date.today() + datetime.timedelta(days=40),
        starts_at=datetime.time(10),
        venue="Committee Room 1",
        actor=dorset_clerk,
    )
    return published, preparing


def test_anyone_lists_published_meetings_with_their_items_and_page_ranges(client, meetings):
    published, preparing = meetings
    response = client.get("/api/v1/meetings")
    assert response.status_code == 200
    listed = response.json()
    assert [m["id"] for m in listed] == [published.pk], "a meeting whose agenda is not published is not public"
    (meeting,) = listed
    assert meeting["committee"] == "Cabinet" and meeting["date"] == "2024-07-09" and meeting["time"] == "18:30"
    assert meeting["venue"] == "Council Chamber" and meeting["agenda_published"] is True
    assert meeting["clear_working_days"] == 5 and meeting["council"] == "E06000059"
    items = {item["number"]: item for item in meeting["items"]}
    for item in published.items.all():
        assert items[item.number]["pages"] == {"first": item.first_page, "last": item.last_page}
    pack = client.get(meeting["agenda_pack_url"])
    assert pack.status_code == 200 and pack["Content-Type"] == "application/pdf"
    document = pypdfium2.PdfDocument(pack.content)
    assert len(document) == published.pack_pages
    document.close()
    assert client.get("/api/v1/meetings?council=E06000066").json() == []


def test_a_councils_own_people_also_see_its_unpublished_meetings(client, meetings, dorset_author, somerset_author):
    published, preparing = meetings
    own = client.get("/api/v1/meetings", **bearer(dorset_author.username)).json()
    assert {m["id"] for m in own} == {published.pk, preparing.pk}
    assert next(m for m in own if m["id"] == preparing.pk)["agenda_pack_url"] is None
    other = client.get("/api/v1/meetings", **bearer(somerset_author.username)).json()
    assert [m["id"] for m in other] == [published.pk]


def test_an_unpublished_or_missing_pack_is_404(client, meetings):
    published, preparing = meetings
    for meeting_id in (preparing.pk, 999_999, 2**40):
        response = client.get(f"/api/v1/meetings/{meeting_id}/agenda-pack.pdf")
        assert response.status_code == 404
        assert response.json() == {"detail": "Not found"}


def test_the_openapi_document_describes_the_meetings_and_audit_endpoints(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "404" in paths["/api/v1/meetings/{meeting_id}/agenda-pack.pdf"]["get"]["responses"]
    assert (
        "application/pdf"
        in paths["/api/v1/meetings/{meeting_id}/agenda-pack.pdf"]["get"]["responses"]["200"]["content"]
    )
    assert {"/api/v1/meetings", "/api/v1/audit-events", "/api/v1/audit-events/verification"} <= set(paths)


def test_department_staff_read_the_audit_log_page_by_page(client, meetings, analyst, dorset_clerk):
    headers = bearer(analyst.username)
    total = AuditEvent.objects.count()
    first = client.get("/api/v1/audit-events?page_size=5", **headers).json()
    assert first["count"] == total and first["pages"] == -(-total // 5) and len(first["results"]) == 5
    ids = [event["id"] for event in first["results"]]
    assert ids == sorted(ids)
    second = client.get("/api/v1/audit-events?page_size=5&page=2", **headers).json()
    assert second["results"][0]["previous_hash"] == first["results"][-1]["event_hash"]
    published = client.get("/api/v1/audit-events?action=PastAgendaRecorded", **headers).json()
    assert published["count"] == 1 and published["results"][0]["actor"] == dorset_clerk.get_full_name()
    assert client.get("/api/v1/audit-events?page_size=501", **headers).status_code == 422
    assert client.get("/api/v1/audit-events?page=0", **headers).status_code == 422


def test_council_people_read_only_their_councils_entries_and_anonymous_callers_none(client, meetings, dorset_clerk):
    """A council's people read their council's entries (test_api_audit_tenancy.py); the verification, which reads
    the whole log, is the department's, and council people get a 404 for it, as on the department's pages."""
    assert client.get("/api/v1/audit-events").status_code == 401
    assert client.get("/api/v1/audit-events/verification").status_code == 401
    headers = bearer(dorset_clerk.username)
    theirs = client.get("/api/v1/audit-events", **headers).json()
    assert theirs["count"] == AuditEvent.objects.filter(council_code="E06000059").count() > 0
    assert {event["council"] for event in theirs["results"]} == {"E06000059"}
    assert client.get("/api/v1/audit-events/verification", **headers).status_code == 404


def test_verification_reports_an_intact_log_and_then_the_tampered_entry(client, meetings, analyst):
    headers = bearer(analyst.username)
    write_anchor()
    status = client.get("/api/v1/audit-events/verification", **headers).json()
    assert status["intact"] is True and status["first_broken"] is None
    assert status["entries_checked"] == AuditEvent.objects.count() and status["anchors_checked"] >= 1
    target = AuditEvent.objects.get(action="PastAgendaRecorded")
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {connection.ops.quote_name(AuditEvent._meta.db_table)} SET actor_name = %s WHERE id = %s",
            ["Somebody Else", target.pk],
        )
    status = client.get("/api/v1/audit-events/verification", **headers).json()
    assert status["intact"] is False
    assert status["first_broken"]["id"] == target.pk and status["first_broken"]["action"] == "PastAgendaRecorded"
