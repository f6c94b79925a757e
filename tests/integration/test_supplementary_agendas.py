"""Late business: once an agenda is published, a new item goes on a supplementary agenda, printed as
a pack of its own and published beside the agenda, which never changes. Short notice needs the
reason the items are urgent; a report not ready, a meeting that has taken place or another council
is refused with a clear message and nothing changes."""

import datetime
import io

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone

from core.models import AuditEvent
from governance.selectors import history_of
from governance.services import reports
from meetings import selectors, services
from meetings.exceptions import AgendaBlocked, MeetingRefused
from meetings.models import AgendaItem, Supplement
from tests.integration.pages import error_summary_text, soup, text_of
from tests.integration.state import describe_change, snapshot
from tests.integration.test_meetings import ROLES, complete_checklist, working_days_ahead
from tests.integration.test_meetings_pack import cleared_paper, page_texts

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def cabinet_on(day: datetime.date, council, clerk):
    committee = services.create_committee(council=council, name="Cabinet", kind="cabinet", actor=clerk)
    return services.schedule_meeting(
        committee=committee, date=day, starts_at=datetime.time(18, 30), venue="Council Chamber", actor=clerk
    )


@pytest.fixture
def published_cabinet(dorset, dorset_clerk):
    """A cabinet ten working days ahead whose agenda (one paper) is published."""
    meeting = cabinet_on(working_days_ahead(10), dorset, dorset_clerk)
    services.add_agenda_item(
        meeting=meeting, paper=cleared_paper(dorset, dorset_clerk, "Forward plan"), actor=dorset_clerk
    )
    return services.publish_agenda(meeting=meeting, actor=dorset_clerk)


@pytest.fixture
def cleared_report(frozen_version, dorset_author, dorset_clerk, make_person, dorset):
    for key, role in ROLES.items():
        make_person(f"dorset-officer-{key}", council=dorset, roles=[role])
    return complete_checklist(reports.create_report(version=frozen_version, actor=dorset_author), dorset_clerk)


def stored(path: str) -> bytes:
    with default_storage.open(path, "rb") as handle:
        return handle.read()


def bearer(username: str) -> dict:
    out = io.StringIO()
    call_command("issue_token", username, stdout=out)
    return {"HTTP_AUTHORIZATION": f"Bearer {out.getvalue().strip()}"}


def test_a_late_report_goes_on_a_supplementary_agenda_with_a_pack_of_its_own(
    client, dorset_clerk, dorset_author, published_cabinet, cleared_report
):
    meeting = published_cabinet
    main_pack = stored(meeting.pack_path)
    client.force_login(dorset_clerk)
    detail = soup(client.get(f"/meetings/{meeting.pk}/"))
    assert detail.find("a", string="Add a late item")["href"] == f"/meetings/{meeting.pk}/items/add/"
    add_page = soup(client.get(f"/meetings/{meeting.pk}/items/add/"))
    assert text_of(add_page.h1) == "Add a late item"
    assert "goes on supplementary agenda 1" in text_of(add_page.select_one(".govuk-inset-text"))

    response = client.post(
        f"/meetings/{meeting.pk}/items/add/",
        {"report": f"report-{cleared_report.pk}", "title": "Our productivity plan", "description": "", "number": ""},
    )

    assert response.status_code == 302
    late = AgendaItem.objects.get(report=cleared_report)
    assert (late.number, late.supplement.number, late.supplement.published) == (2, 1, False)
    # Not public until the supplement is published: not on the public page, not in the open API.
    client.get(f"/meetings/{meeting.pk}/")  # where the "Item 2 added" message is shown
    assert "Our productivity plan" not in client.get(f"/meetings/agendas/{meeting.pk}/").content.decode()
    client.logout()
    (listed,) = client.get("/api/v1/meetings").json()
    assert [item["number"] for item in listed["items"]] == [1] and listed["supplements"] == []
    own = client.get("/api/v1/meetings", **bearer(dorset_author.username)).json()[0]
    assert [(item["number"], item["supplement"]) for item in own["items"]] == [(1, None), (2, 1)]
    client.force_login(dorset_clerk)

    preview = client.get(f"/meetings/{meeting.pk}/preview-supplementary-agenda.pdf")
    assert preview["Content-Type"] == "application/pdf"
    assert "Supplementary agenda 1" in page_texts(preview.content)[0]
    assert not Supplement.objects.filter(published_on__isnull=False).exists(), "a preview publishes nothing"
    publish_page = client.get(f"/meetings/{meeting.pk}/publish-supplement/")
    assert text_of(soup(publish_page).h1) == "Publish supplementary agenda 1"
    response = client.post(f"/meetings/{meeting.pk}/publish-supplement/", {"urgency_reason": ""})

    assert response.status_code == 302
    supplement = Supplement.objects.get()
    assert supplement.published_on == timezone.localdate() and supplement.clear_working_days >= 5
    assert stored(meeting.pack_path) == main_pack, "the agenda's own pack is untouched"
    pages = page_texts(stored(supplement.pack_path))
    assert len(pages) == supplement.pack_pages
    assert "Supplementary agenda 1" in pages[0] and "OUR PRODUCTIVITY PLAN" in pages[0]
    late.refresh_from_db()
    assert "item 2: Our productivity plan" in pages[late.first_page - 1]
    event = AuditEvent.objects.filter(action="SupplementaryAgendaPublished").get()
    assert event.content_hash == supplement.pack_hash and event.data["supplement"] == 1
    history = [event.detail for event in history_of(cleared_report) if event.action == "ReportOnPublishedAgenda"]
    assert history[-1].endswith(
        f"supplementary agenda 1, item 2, pages {late.first_page} to {late.last_page} of its pack"
    )

    public = soup(client.get(f"/meetings/agendas/{meeting.pk}/"))
    link = public.find("a", string=f"Download supplementary agenda 1 (PDF, {supplement.pack_pages} pages)")
    assert link["href"] == f"/meetings/agendas/{meeting.pk}/supplementary-agenda-1.pdf"
    assert f"Pages {late.first_page} to {late.last_page} of supplementary agenda 1" in text_of(public)
    client.logout()
    listing = soup(client.get("/meetings/agendas/")).select_one("tbody tr")
    assert "and 1 supplementary agenda" in text_of(listing)
    assert client.get(link["href"]).content == stored(supplement.pack_path)
    (listed,) = client.get("/api/v1/meetings").json()
    assert listed["supplements"][0]["pack_sha256"] == supplement.pack_hash
    assert client.get(listed["supplements"][0]["pack_url"]).content == stored(supplement.pack_path)
    assert [(item["number"], item["supplement"]) for item in listed["items"]] == [(1, None), (2, 1)]

    # Published, it is frozen too; the next late item starts supplementary agenda 2.
    with pytest.raises(MeetingRefused, match="Supplementary agenda 1 .* was published on .* cannot be changed"):
        services.remove_agenda_item(item=late, actor=dorset_clerk)
    another = services.add_agenda_item(
        meeting=meeting, paper=cleared_paper(meeting.council, dorset_clerk, "Waste contract"), actor=dorset_clerk
    )
    assert (another.number, another.supplement.number) == (3, 2)


def test_a_late_item_can_be_taken_off_before_its_supplement_is_published(client, dorset_clerk, published_cabinet):
    meeting = published_cabinet
    item = services.add_agenda_item(
        meeting=meeting, paper=cleared_paper(meeting.council, dorset_clerk, "Waste contract"), actor=dorset_clerk
    )
    client.force_login(dorset_clerk)
    assert client.post(f"/meetings/items/{item.pk}/remove/").status_code == 302
    assert not AgendaItem.objects.filter(pk=item.pk).exists()
    assert selectors.items_of(meeting)[0].supplement is None, "the published item stays"
    # With nothing waiting, there is nothing to publish.
    assert client.get(f"/meetings/{meeting.pk}/publish-supplement/")["Location"] == f"/meetings/{meeting.pk}/"
    preview = client.get(f"/meetings/{meeting.pk}/preview-supplementary-agenda.pdf")
    assert preview["Location"] == f"/meetings/{meeting.pk}/"
    with pytest.raises(MeetingRefused, match="Add at least one late item"):
        services.publish_supplement(meeting=meeting, actor=dorset_clerk)


def test_short_notice_needs_the_reason_the_items_are_urgent(client, dorset, dorset_clerk):
    meeting = cabinet_on(timezone.localdate() + datetime.timedelta(days=2), dorset, dorset_clerk)
    services.add_agenda_item(
        meeting=meeting, paper=cleared_paper(dorset, dorset_clerk, "Forward plan"), actor=dorset_clerk
    )
    services.publish_agenda(meeting=meeting, actor=dorset_clerk)
    services.add_agenda_item(
        meeting=meeting, paper=cleared_paper(dorset, dorset_clerk, "Waste contract"), actor=dorset_clerk
    )
    client.force_login(dorset_clerk)
    url = f"/meetings/{meeting.pk}/publish-supplement/"
    assert "Short notice." in text_of(soup(client.get(url)).select_one(".govuk-warning-text"))
    before = snapshot()

    refused = client.post(url, {"urgency_reason": "  "})

    assert "fewer than five: give the special circumstances that make its items urgent" in error_summary_text(refused)
    assert snapshot() == before, describe_change(before, snapshot())
    assert not Supplement.objects.filter(published_on__isnull=False).exists()

    reason = "The contractor's tender expires before the next meeting, and the chair agreed the item is urgent."
    assert client.post(url, {"urgency_reason": reason}).status_code == 302
    supplement = Supplement.objects.get()
    assert supplement.urgency_reason == reason and supplement.short_notice
    assert "tender expires before the next meeting" in page_texts(stored(supplement.pack_path))[0]
    public = text_of(soup(client.get(f"/meetings/agendas/{meeting.pk}/")))
    assert f"Why its items are urgent: {reason}" in public


def test_a_supplement_whose_report_is_not_ready_is_refused_and_nothing_changes(
    client, dorset_clerk, published_cabinet, frozen_version, dorset_author
):
    report = reports.create_report(version=frozen_version, actor=dorset_author)
    services.add_agenda_item(meeting=published_cabinet, report=report, actor=dorset_clerk)
    client.force_login(dorset_clerk)
    url = f"/meetings/{published_cabinet.pk}/publish-supplement/"
    assert soup(client.get(url)).select_one("#what-is-missing") is not None
    before = snapshot()

    with pytest.raises(AgendaBlocked):
        services.publish_supplement(meeting=published_cabinet, actor=dorset_clerk)
    page = client.post(url, {"urgency_reason": ""})

    assert "until every report is ready" in error_summary_text(page)
    assert snapshot() == before, describe_change(before, snapshot())


def test_nothing_is_added_once_the_meeting_has_taken_place_or_before_its_agenda_is_published(
    client, dorset, dorset_clerk, published_cabinet
):
    paper = cleared_paper(dorset, dorset_clerk, "Waste contract")
    after_the_meeting = published_cabinet.starts + datetime.timedelta(hours=3)
    before = snapshot()
    with pytest.raises(MeetingRefused, match="has taken place: nothing more can be put on its agenda"):
        services.add_agenda_item(meeting=published_cabinet, paper=paper, actor=dorset_clerk, at=after_the_meeting)
    unpublished = services.schedule_meeting(
        committee=published_cabinet.committee,
        date=published_cabinet.date + datetime.timedelta(days=7),
        starts_at=datetime.time(10),
        venue="Committee Room 1",
        actor=dorset_clerk,
    )
    with pytest.raises(MeetingRefused, match="Publish the agenda first"):
        services.publish_supplement(meeting=unpublished, actor=dorset_clerk)
    assert AgendaItem.objects.count() == 1 and not Supplement.objects.exists()
    added = {"meetings.Meeting": 1, "core.AuditEvent": 1}  # the second meeting, and its audit event
    assert snapshot()["counts"] == {name: n + added.get(name, 0) for name, n in before["counts"].items()}
    client.force_login(dorset_clerk)
    assert client.get(f"/meetings/{unpublished.pk}/publish-supplement/")["Location"] == f"/meetings/{unpublished.pk}/"


def test_a_paper_in_a_published_supplement_cannot_change(dorset, dorset_clerk, published_cabinet):
    paper = cleared_paper(dorset, dorset_clerk, "Waste contract")
    services.add_agenda_item(meeting=published_cabinet, paper=paper, actor=dorset_clerk)
    services.edit_paper(paper=paper, actor=dorset_clerk, summary="Corrected before publication.")
    services.publish_supplement(meeting=published_cabinet, actor=dorset_clerk)
    with pytest.raises(MeetingRefused, match="can no longer change"):
        services.edit_paper(paper=paper, actor=dorset_clerk, summary="Changed after publication.")
    paper.refresh_from_db()
    assert paper.summary == "Corrected before publication."


def test_other_councils_and_the_public_reach_no_supplement_that_is_not_theirs_or_not_published(
    client, dorset_clerk, somerset_clerk, published_cabinet
):
    meeting = published_cabinet
    services.add_agenda_item(
        meeting=meeting, paper=cleared_paper(meeting.council, dorset_clerk, "Waste contract"), actor=dorset_clerk
    )
    client.force_login(somerset_clerk)
    before = snapshot()
    assert client.get(f"/meetings/{meeting.pk}/publish-supplement/").status_code == 404
    assert client.get(f"/meetings/{meeting.pk}/preview-supplementary-agenda.pdf").status_code == 404
    assert client.post(f"/meetings/{meeting.pk}/publish-supplement/", {"urgency_reason": "x"}).status_code == 404
    assert snapshot() == before
    client.logout()
    for number in (1, 0, 99, 2**40):
        assert client.get(f"/meetings/agendas/{meeting.pk}/supplementary-agenda-{number}.pdf").status_code == 404
        response = client.get(f"/api/v1/meetings/{meeting.pk}/supplementary-agenda-{number}.pdf")
        assert response.status_code in (404, 422), number
    assert client.get(f"/api/v1/meetings/{meeting.pk}/supplementary-agenda-1.pdf").json() == {
        "detail": "No published supplementary agenda with that number for that meeting"
    }
