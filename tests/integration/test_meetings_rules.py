"""The smaller rules of meetings, each refusal with its message and nothing changed; who reaches what."""

import datetime

import pytest

from core.models import AuditEvent
from meetings import services
from meetings.exceptions import AgendaBlocked, MeetingRefused
from meetings.models import AgendaItem, Committee, Meeting
from tests.integration.pages import soup
from tests.integration.test_meetings_pack import cleared_paper

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


@pytest.fixture
def cabinet(dorset, dorset_clerk):
    return services.create_committee(council=dorset, name="Cabinet", kind="cabinet", actor=dorset_clerk)


@pytest.fixture
def meeting(cabinet, dorset_clerk):
    return services.schedule_meeting(
        committee=cabinet,
        date=datetime.date.today() + datetime.timedelta(days=30),
        starts_at=datetime.time(18, 30),
        venue="Council Chamber",
        actor=dorset_clerk,
    )


def test_asking_for_a_committee_again_returns_it_and_an_unknown_kind_is_refused(dorset, dorset_clerk, cabinet):
    before = AuditEvent.objects.count()
    assert services.create_committee(council=dorset, name="cabinet ", kind="cabinet", actor=dorset_clerk) == cabinet
    with pytest.raises(MeetingRefused, match="Select what kind of committee it is"):
        services.create_committee(council=dorset, name="Planning", kind="planning", actor=dorset_clerk)
    assert Committee.objects.count() == 1 and AuditEvent.objects.count() == before


def test_a_meeting_needs_a_venue(cabinet, dorset_clerk):
    with pytest.raises(MeetingRefused, match="Enter where the meeting takes place"):
        services.schedule_meeting(
            committee=cabinet,
            date=datetime.date(2024, 7, 9),
            starts_at=datetime.time(18),
            venue=" ",
            actor=dorset_clerk,
        )
    assert not Meeting.objects.exists()


def test_an_item_takes_one_report_and_a_number_of_at_least_one(meeting, dorset_clerk, dorset):
    paper = cleared_paper(dorset, dorset_clerk, "Forward plan")
    other = cleared_paper(dorset, dorset_clerk, "Budget monitoring")
    with pytest.raises(MeetingRefused, match="Choose one report for the item"):
        services.add_agenda_item(meeting=meeting, paper=paper, report=object(), actor=dorset_clerk)
    with pytest.raises(MeetingRefused, match="The item number must be 1 or more"):
        services.add_agenda_item(meeting=meeting, paper=paper, number=0, actor=dorset_clerk)
    assert not AgendaItem.objects.exists()
    first = services.add_agenda_item(meeting=meeting, paper=paper, number=5, actor=dorset_clerk)
    second = services.add_agenda_item(meeting=meeting, paper=other, actor=dorset_clerk)
    assert (first.number, second.number) == (5, 6), "the next number follows the highest"


def test_a_paper_without_text_or_clearance_is_not_published(meeting, dorset_clerk, dorset):
    paper = services.write_paper(
        council=dorset,
        title="Unfinished paper",
        report_of="the Leader",
        author_names="A. Officer",
        summary="Summary.",
        recommendation="To note.",
        body="",
        actor=dorset_clerk,
    )
    services.add_agenda_item(meeting=meeting, paper=paper, actor=dorset_clerk)
    with pytest.raises(AgendaBlocked) as refused:
        services.publish_agenda(meeting=meeting, actor=dorset_clerk)
    ((_, reasons),) = refused.value.blockers
    assert reasons == ["The report has no text", "Report clearance: record who cleared the report, and when"]
    meeting.refresh_from_db()
    assert not meeting.agenda_published


def test_the_meetings_list_shows_the_councils_meetings_to_its_people_only(
    client, meeting, dorset_author, dorset_clerk, analyst, somerset_clerk
):
    client.force_login(dorset_author)
    page = soup(client.get("/meetings/"))
    assert "Cabinet" in page.select_one("table").text
    assert "Add a meeting" not in page.text, "a plan author reads meetings but does not manage them"
    assert client.get("/meetings/new/").status_code == 404
    client.force_login(dorset_clerk)
    assert "Add a meeting" in soup(client.get("/meetings/")).text
    client.force_login(somerset_clerk)
    assert "No meetings yet" in soup(client.get("/meetings/")).text
    client.force_login(analyst)  # the department works for no council
    assert client.get("/meetings/").status_code == 404


def test_a_meeting_or_item_that_does_not_exist_is_404(client, dorset_clerk, meeting):
    client.force_login(dorset_clerk)
    for url in ["/meetings/999999/", "/meetings/2147483648/", "/meetings/agendas/2147483648/"]:
        assert client.get(url).status_code == 404, url
    for url in ["/meetings/items/999999/remove/", "/meetings/items/2147483648/remove/"]:
        assert client.post(url).status_code == 404, url


def test_the_preview_of_an_empty_agenda_is_404_and_of_a_published_one_is_the_pack(
    client, dorset_clerk, meeting, dorset
):
    client.force_login(dorset_clerk)
    assert client.get(f"/meetings/{meeting.pk}/preview-agenda-pack.pdf").status_code == 404
    services.add_agenda_item(
        meeting=meeting, paper=cleared_paper(dorset, dorset_clerk, "Forward plan"), actor=dorset_clerk
    )
    services.publish_agenda(meeting=meeting, actor=dorset_clerk)
    response = client.get(f"/meetings/{meeting.pk}/preview-agenda-pack.pdf")
    assert response.status_code == 302 and response["Location"] == f"/meetings/agendas/{meeting.pk}/agenda-pack.pdf"
    assert client.get(f"/meetings/{meeting.pk}/publish/").status_code == 302
    assert client.get(f"/meetings/{meeting.pk}/record-past-agenda/").status_code == 302


def test_a_pack_missing_from_storage_is_404_not_an_error(client, dorset_clerk, meeting, dorset):
    from django.core.files.storage import default_storage

    services.add_agenda_item(
        meeting=meeting, paper=cleared_paper(dorset, dorset_clerk, "Forward plan"), actor=dorset_clerk
    )
    meeting = services.publish_agenda(meeting=meeting, actor=dorset_clerk)
    default_storage.delete(meeting.pack_path)
    assert client.get(f"/meetings/agendas/{meeting.pk}/agenda-pack.pdf").status_code == 404
    assert client.get(f"/meetings/agendas/{meeting.pk}/").status_code == 200


def test_the_public_list_of_agendas_can_show_one_council(client, dorset_clerk, meeting, dorset):
    services.add_agenda_item(
        meeting=meeting, paper=cleared_paper(dorset, dorset_clerk, "Forward plan"), actor=dorset_clerk
    )
    services.publish_agenda(meeting=meeting, actor=dorset_clerk)
    assert "Cabinet" in soup(client.get("/meetings/agendas/?council=E06000059")).select_one("table").text
    somerset = soup(client.get("/meetings/agendas/?council=e06000066"))
    assert somerset.select_one(".govuk-caption-l").text == "Somerset Council" and not somerset.select("table")
    unknown = soup(client.get("/meetings/agendas/?council=<script>"))
    assert "There is no council with the code <script>" in unknown.text and not unknown.select("table")
    assert b"<script>" not in client.get("/meetings/agendas/?council=<script>").content.split(b"</header>")[1]


def paper_form(**changes) -> dict:
    data = {
        "title": "Forward plan",
        "report_of": "the Leader of the Council",
        "author_names": "A. Officer, Democratic Services Manager",
        "summary": "The decisions expected in the next four months.",
        "recommendation": "That Cabinet notes the forward plan.",
        "body": "## 1. Background\n\nThe forward plan lists key decisions.",
        "cleared_by": "the Monitoring Officer",
        "cleared_on-day": "28",
        "cleared_on-month": "6",
        "cleared_on-year": "2024",
    }
    return {**data, **changes}


def test_democratic_services_write_a_paper_and_put_it_on_the_agenda(client, dorset_clerk, meeting):
    from meetings.models import Paper

    client.force_login(dorset_clerk)
    assert soup(client.get("/meetings/papers/new/")).h1.text.strip() == "Write a committee paper"
    response = client.post(f"/meetings/papers/new/?meeting={meeting.pk}", paper_form())
    assert response.status_code == 302 and response["Location"] == f"/meetings/{meeting.pk}/items/add/"
    paper = Paper.objects.get()
    assert (paper.title, paper.cleared_on) == ("Forward plan", datetime.date(2024, 6, 28))
    assert f"paper-{paper.pk}" in client.get(response["Location"]).content.decode()
    assert client.post("/meetings/papers/new/", paper_form(title="Second")).status_code == 302


def test_a_paper_with_missing_parts_or_a_future_clearance_is_refused(client, dorset_clerk, dorset_author):
    from meetings.models import Paper

    client.force_login(dorset_clerk)
    empty = soup(client.post("/meetings/papers/new/", {}))
    summary = empty.select_one(".govuk-error-summary").text
    for message in ["Enter the paper's title", "Enter the report's text", "Enter who cleared the report"]:
        assert message in summary
    next_year = datetime.date.today().year + 1
    future = soup(client.post("/meetings/papers/new/", paper_form(**{"cleared_on-year": str(next_year)})))
    assert "cannot be in the future" in future.select_one(".govuk-error-summary").text
    assert not Paper.objects.exists()
    client.force_login(dorset_author)
    assert client.post("/meetings/papers/new/", paper_form()).status_code == 404
    assert not Paper.objects.exists()


def test_publishing_an_agenda_anchors_the_audit_chain_once_committed(
    dorset_clerk, meeting, dorset, django_capture_on_commit_callbacks
):
    from core.audit import chain_head, read_anchors

    services.add_agenda_item(
        meeting=meeting, paper=cleared_paper(dorset, dorset_clerk, "Forward plan"), actor=dorset_clerk
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_agenda(meeting=meeting, actor=dorset_clerk)
        assert read_anchors() == ([], []), "nothing is anchored before the publication is committed"
    anchors, problems = read_anchors()
    # Besides the audit log's signed heads, written after every change: the one anchor for the agenda.
    (anchor,) = [a for a in anchors if a.reason.startswith("agenda")]
    assert not problems
    assert anchor.reason == f"agenda E06000059 meeting {meeting.pk}"
    assert (anchor.last_event_id, anchor.last_event_hash) == tuple(chain_head())
    assert AuditEvent.objects.get(pk=anchor.last_event_id).action == "AgendaPublished"
