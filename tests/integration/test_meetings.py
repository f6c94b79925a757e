"""Democratic services build a meeting's agenda and publish its pack; the public reads it.

Every bad step (an agenda published after its meeting, an item without a report, a report whose
checklist is incomplete, a change after publication) is refused with a clear message and changes
nothing; a meeting of another council is a 404.
"""

import datetime
import re

import pypdfium2
import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from core.dates import is_working_day
from core.models import AuditEvent
from governance.selectors import agenda_blockers
from governance.services import checklist, reports
from meetings import services
from meetings.exceptions import AgendaBlocked, MeetingRefused
from meetings.models import AgendaItem, Meeting
from tests.integration.pages import soup, text_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

ROLES = {
    "mo": "monitoring_officer",
    "s151": "section_151_officer",
    "director": "executive_director",
    "member": "lead_member",
    "workforce": "workforce_lead",
    "assets": "asset_management_lead",
}


@pytest.fixture
def officers(make_person, dorset):
    return {key: make_person(f"dorset-officer-{key}", council=dorset, roles=[role]) for key, role in ROLES.items()}


def complete_checklist(report, clerk):
    """Every line done by the person it names (or recorded by democratic services for consultees)."""
    today = timezone.localdate()
    for line in report.checklist_lines.select_related("person"):
        if line.kind == "consultee":
            checklist.record_consultee(line=line, consultee_name="Cllr A. Member", informed_on=today, actor=clerk)
        elif line.only_if_implications:
            checklist.sign_line(line=line, actor=line.person, not_applicable=True, reason="No implications")
        else:
            checklist.sign_line(line=line, actor=line.person, on_date=today)
    report.refresh_from_db()
    assert agenda_blockers(report) == []
    return report


@pytest.fixture
def report(frozen_version, dorset_author, officers):
    return reports.create_report(version=frozen_version, actor=dorset_author)


def working_days_ahead(days: int) -> datetime.date:
    day, counted = timezone.localdate(), 0
    while counted < days:
        day += datetime.timedelta(days=1)
        counted += is_working_day(day)
    return day


@pytest.fixture
def future_cabinet(dorset, dorset_clerk):
    committee = services.create_committee(council=dorset, name="Cabinet", kind="cabinet", actor=dorset_clerk)
    return services.schedule_meeting(
        committee=committee,
        date=working_days_ahead(10),
        starts_at=datetime.time(18, 30),
        venue="Council Chamber, County Hall",
        actor=dorset_clerk,
    )


def add_item_page(client, meeting):
    return client.get(f"/meetings/{meeting.pk}/items/add/")


# --- The whole route in the browser's requests ---------------------------------------------------


def test_democratic_services_schedule_a_meeting_add_a_report_and_publish_the_agenda(
    client, dorset_clerk, dorset, report, future_cabinet
):
    client.force_login(dorset_clerk)
    # A second meeting through the form, to show the form works end to end.
    day = future_cabinet.date + datetime.timedelta(days=7)
    response = client.post(
        "/meetings/new/",
        {
            "committee_name": "Scrutiny Committee",
            "kind": "scrutiny",
            "date-day": day.day,
            "date-month": day.month,
            "date-year": day.year,
            "time": "10am",
            "venue": "Committee Room 1",
            "contact": "Democratic Services, 01305 000000",
        },
    )
    assert response.status_code == 302
    scrutiny = Meeting.objects.get(committee__name="Scrutiny Committee")
    assert scrutiny.starts_at == datetime.time(10) and scrutiny.council == dorset

    page = soup(add_item_page(client, future_cabinet))
    assert page.h1.text.strip() == "Add an agenda item"
    response = client.post(
        f"/meetings/{future_cabinet.pk}/items/add/",
        {"report": f"report-{report.pk}", "number": "16", "description": "To consider a report of the Leader."},
    )
    assert response.status_code == 302
    item = AgendaItem.objects.get(meeting=future_cabinet)
    assert (item.number, item.title, item.report) == (16, report.title, report)

    # The checklist is not complete: the meeting page and the publish page list what is missing.
    detail = soup(client.get(f"/meetings/{future_cabinet.pk}/"))
    assert "Not ready" in detail.text
    publish_page = soup(client.get(f"/meetings/{future_cabinet.pk}/publish/"))
    missing = publish_page.select_one("#what-is-missing").text
    for reason in agenda_blockers(report):
        assert reason in missing
    before = AuditEvent.objects.count()
    response = client.post(f"/meetings/{future_cabinet.pk}/publish/")
    assert response.status_code == 200
    page = soup(response)
    assert "cannot be published until every report is ready" in page.select_one(".govuk-error-summary").text
    assert page.select_one("#what-is-missing")
    future_cabinet.refresh_from_db()
    assert not future_cabinet.agenda_published and not future_cabinet.pack_path
    assert AuditEvent.objects.count() == before
    assert not default_storage.exists("agenda-packs")

    complete_checklist(report, dorset_clerk)
    response = client.post(f"/meetings/{future_cabinet.pk}/publish/")
    assert response.status_code == 302
    future_cabinet.refresh_from_db()
    assert future_cabinet.agenda_published_on == timezone.localdate()
    assert future_cabinet.clear_working_days == 9 and not future_cabinet.short_notice
    item.refresh_from_db()
    assert item.first_page == 3 and item.last_page >= 4
    event = AuditEvent.objects.order_by("id").last()
    assert (event.action, event.content_hash) == ("AgendaPublished", future_cabinet.pack_hash)
    # The report's own history says which agenda it went on and where it is in the pack.
    history = text_of(soup(client.get(f"/governance/reports/{report.pk}/")).select_one(".app-timeline"))
    pages = f"pages {item.first_page} to {item.last_page}"
    assert "Put on a published agenda" in history
    assert f"Cabinet; meeting on {future_cabinet.date:%-d %B %Y}, item {item.number}, {pages} of the pack" in history

    # The public reads the agenda and downloads the pack without signing in.
    client.logout()
    public = soup(client.get(f"/meetings/agendas/{future_cabinet.pk}/"))
    assert f"Pages {item.first_page} to {item.last_page} of the pack" in public.text
    pdf = client.get(f"/meetings/agendas/{future_cabinet.pk}/agenda-pack.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    content = b"".join(pdf.streaming_content) if pdf.streaming else pdf.content
    document = pypdfium2.PdfDocument(content)
    try:
        agenda = " ".join(document[0].get_textpage().get_text_range().split())
        assert re.search(rf"16 {re.escape(report.title.upper())}.*?{item.first_page} - {item.last_page}", agenda)
        first = " ".join(document[item.first_page - 1].get_textpage().get_text_range().split())
        assert report.title in first
        last = " ".join(document[item.last_page - 1].get_textpage().get_text_range().split())
        assert "Appendix A" in " ".join(
            " ".join(document[n].get_textpage().get_text_range().split())
            for n in range(item.first_page - 1, item.last_page)
        )
        assert last
    finally:
        document.close()
    listing = soup(client.get("/meetings/agendas/"))
    assert "Cabinet" in listing.text


def test_short_notice_is_warned_before_and_recorded_after_publishing(client, dorset_clerk, report, future_cabinet):
    complete_checklist(report, dorset_clerk)
    committee = future_cabinet.committee
    soon = services.schedule_meeting(
        committee=committee, date=working_days_ahead(3), starts_at=datetime.time(14), venue="Room 2", actor=dorset_clerk
    )
    services.add_agenda_item(meeting=soon, report=report, actor=dorset_clerk)
    client.force_login(dorset_clerk)
    warning = soup(client.get(f"/meetings/{soon.pk}/publish/")).select_one(".govuk-warning-text").text
    assert "2 clear working days" in warning and "fewer than five" in warning
    assert client.post(f"/meetings/{soon.pk}/publish/").status_code == 302
    soon.refresh_from_db()
    assert soon.agenda_published and soon.short_notice and soon.clear_working_days == 2
    detail = soup(client.get(f"/meetings/{soon.pk}/")).select_one(".govuk-warning-text").text
    assert "2 clear working days" in detail and "fewer than the five required" in detail


# --- Bad input: refused, with a message, and nothing changed -------------------------------------------


def test_an_agenda_item_without_a_report_is_refused(client, dorset_clerk, future_cabinet, report):
    client.force_login(dorset_clerk)
    before = AuditEvent.objects.count()
    response = client.post(f"/meetings/{future_cabinet.pk}/items/add/", {"title": "Any other business"})
    assert response.status_code == 200
    summary = soup(response).select_one(".govuk-error-summary").text
    assert "an agenda item needs a report" in summary
    assert not AgendaItem.objects.exists() and AuditEvent.objects.count() == before
    with pytest.raises(MeetingRefused, match="an agenda item needs a report"):
        services.add_agenda_item(meeting=future_cabinet, title="Any other business", actor=dorset_clerk)
    assert not AgendaItem.objects.exists()


def test_another_councils_report_cannot_be_put_on_the_agenda(
    client, dorset_clerk, future_cabinet, somerset_plan, somerset_author, make_person, somerset
):
    somerset_report = reports.create_report(version=somerset_plan.endorsed, actor=somerset_author)
    client.force_login(dorset_clerk)
    page = add_item_page(client, future_cabinet)
    assert somerset_report.title not in page.content.decode()
    response = client.post(f"/meetings/{future_cabinet.pk}/items/add/", {"report": f"report-{somerset_report.pk}"})
    assert "Choose one of the reports listed" in soup(response).select_one(".govuk-error-summary").text
    with pytest.raises(MeetingRefused, match="Choose a report of your own council"):
        services.add_agenda_item(meeting=future_cabinet, report=somerset_report, actor=dorset_clerk)
    assert not AgendaItem.objects.exists()


def test_the_same_report_twice_and_a_taken_item_number_are_refused(dorset_clerk, future_cabinet, report):
    services.add_agenda_item(meeting=future_cabinet, report=report, number=4, actor=dorset_clerk)
    with pytest.raises(MeetingRefused, match="already on this agenda"):
        services.add_agenda_item(meeting=future_cabinet, report=report, actor=dorset_clerk)
    from tests.integration.test_meetings_pack import cleared_paper

    paper = cleared_paper(future_cabinet.council, dorset_clerk, "Forward plan")
    with pytest.raises(MeetingRefused, match="Item 4 is already on this agenda"):
        services.add_agenda_item(meeting=future_cabinet, paper=paper, number=4, actor=dorset_clerk)
    assert AgendaItem.objects.count() == 1


def test_an_agenda_cannot_be_published_after_its_meeting_but_a_past_meeting_can_be_recorded(
    client, dorset_clerk, report, future_cabinet
):
    complete_checklist(report, dorset_clerk)
    past = services.schedule_meeting(
        committee=future_cabinet.committee,
        date=timezone.localdate() - datetime.timedelta(days=3),
        starts_at=datetime.time(18, 30),
        venue="Council Chamber",
        actor=dorset_clerk,
    )
    services.add_agenda_item(meeting=past, report=report, actor=dorset_clerk)
    client.force_login(dorset_clerk)
    before = AuditEvent.objects.count()
    response = client.post(f"/meetings/{past.pk}/publish/")
    summary = soup(response).select_one(".govuk-error-summary").text
    assert "cannot be published after its meeting has taken place" in summary
    assert "record its agenda with the date it was published" in summary
    past.refresh_from_db()
    assert not past.agenda_published and AuditEvent.objects.count() == before

    def record(day):
        return client.post(
            f"/meetings/{past.pk}/record-past-agenda/",
            {"published_on-day": day.day, "published_on-month": day.month, "published_on-year": day.year},
        )

    after_meeting = record(past.date + datetime.timedelta(days=1))
    assert "must have been published before the meeting" in soup(after_meeting).select_one(".govuk-error-summary").text
    tomorrow = record(timezone.localdate() + datetime.timedelta(days=1))
    assert "cannot be in the future" in soup(tomorrow).select_one(".govuk-error-summary").text
    nonsense = client.post(
        f"/meetings/{past.pk}/record-past-agenda/",
        {"published_on-day": "31", "published_on-month": "2", "published_on-year": "2024"},
    )
    assert "must be a real date" in soup(nonsense).select_one(".govuk-error-summary").text
    past.refresh_from_db()
    assert not past.agenda_published and AuditEvent.objects.count() == before

    assert record(past.date - datetime.timedelta(days=10)).status_code == 302
    past.refresh_from_db()
    assert past.agenda_published and past.recorded_after_the_meeting
    assert AuditEvent.objects.order_by("id").last().action == "PastAgendaRecorded"
    # A meeting still to come cannot be "recorded" as past.
    with pytest.raises(MeetingRefused, match="has not taken place yet"):
        services.publish_agenda(meeting=future_cabinet, actor=dorset_clerk, published_on=timezone.localdate())


def test_an_empty_agenda_is_not_published(dorset_clerk, future_cabinet):
    with pytest.raises(MeetingRefused, match="Add at least one item"):
        services.publish_agenda(meeting=future_cabinet, actor=dorset_clerk)


def test_a_published_agenda_cannot_be_changed(client, dorset_clerk, report, future_cabinet):
    """Its items stay, and it is not printed again; anything new goes on a supplementary agenda
    (tests/integration/test_supplementary_agendas.py)."""
    complete_checklist(report, dorset_clerk)
    item = services.add_agenda_item(meeting=future_cabinet, report=report, actor=dorset_clerk)
    services.publish_agenda(meeting=future_cabinet, actor=dorset_clerk)
    before = AuditEvent.objects.count()
    with pytest.raises(MeetingRefused, match="was published on .* and cannot be changed"):
        services.remove_agenda_item(item=item, actor=dorset_clerk)
    with pytest.raises(MeetingRefused, match="cannot be changed"):
        services.publish_agenda(meeting=future_cabinet, actor=dorset_clerk)
    client.force_login(dorset_clerk)
    assert client.post(f"/meetings/items/{item.pk}/remove/").status_code == 302
    assert AgendaItem.objects.filter(pk=item.pk).exists()
    assert AuditEvent.objects.count() == before


def test_an_item_can_be_removed_before_publication(client, dorset_clerk, report, future_cabinet):
    item = services.add_agenda_item(meeting=future_cabinet, report=report, actor=dorset_clerk)
    client.force_login(dorset_clerk)
    assert client.post(f"/meetings/items/{item.pk}/remove/").status_code == 302
    assert not AgendaItem.objects.exists()
    assert AuditEvent.objects.order_by("id").last().action == "AgendaItemRemoved"


def test_bad_meeting_details_are_refused_with_messages(client, dorset_clerk, future_cabinet):
    client.force_login(dorset_clerk)
    response = client.post(
        "/meetings/new/",
        {
            "committee_name": "",
            "time": "25 o'clock",
            "venue": "",
            "date-day": "9",
            "date-month": "13",
            "date-year": "2024",
        },
    )
    summary = soup(response).select_one(".govuk-error-summary").text
    for message in [
        "Enter the committee's name",
        "Select what kind of committee it is",
        "The date of the meeting must be a real date",
        "Enter a real time",
        "Enter where the meeting takes place",
    ]:
        assert message in summary
    same_slot = {
        "committee_name": "cabinet",
        "kind": "cabinet",
        "date-day": future_cabinet.date.day,
        "date-month": future_cabinet.date.month,
        "date-year": future_cabinet.date.year,
        "time": "6.30pm",
        "venue": "Elsewhere",
    }
    response = client.post("/meetings/new/", same_slot)
    assert "already has a meeting at that time" in soup(response).select_one(".govuk-error-summary").text
    assert Meeting.objects.count() == 1


# --- Who may see and do what ---------------------------------------------------------------------------


def test_unpublished_agendas_are_not_public_and_other_councils_get_404(
    client, dorset_clerk, dorset_author, somerset_clerk, report, future_cabinet
):
    item = services.add_agenda_item(meeting=future_cabinet, report=report, actor=dorset_clerk)
    client.logout()
    assert client.get(f"/meetings/agendas/{future_cabinet.pk}/").status_code == 404
    assert client.get(f"/meetings/agendas/{future_cabinet.pk}/agenda-pack.pdf").status_code == 404
    client.force_login(somerset_clerk)
    for url in [
        f"/meetings/{future_cabinet.pk}/",
        f"/meetings/{future_cabinet.pk}/items/add/",
        f"/meetings/{future_cabinet.pk}/publish/",
        f"/meetings/{future_cabinet.pk}/preview-agenda-pack.pdf",
    ]:
        assert client.get(url).status_code == 404, url
    assert client.post(f"/meetings/items/{item.pk}/remove/").status_code == 404
    assert client.post(f"/meetings/{future_cabinet.pk}/publish/").status_code == 404
    assert AgendaItem.objects.filter(pk=item.pk).exists()
    # A Dorset plan author reads the meeting but may not change it.
    client.force_login(dorset_author)
    page = soup(client.get(f"/meetings/{future_cabinet.pk}/"))
    assert page.h1 and "Add an agenda item" not in page.text
    assert client.get(f"/meetings/{future_cabinet.pk}/publish/").status_code == 404
    preview = client.get(f"/meetings/{future_cabinet.pk}/preview-agenda-pack.pdf")
    assert preview.status_code == 200 and preview.content.startswith(b"%PDF")


def test_the_meeting_history_reads_in_plain_words(client, dorset_clerk, report, future_cabinet):
    services.add_agenda_item(meeting=future_cabinet, report=report, actor=dorset_clerk)
    client.force_login(dorset_clerk)
    page = soup(client.get(f"/meetings/{future_cabinet.pk}/"))
    history = page.select_one(".app-timeline").text
    assert "Meeting added" in history and "Agenda item added" in history
    assert "AgendaItemAdded" not in history
    # The report's own history says which agenda it went on, in words.
    report_page = soup(client.get(f"/governance/reports/{report.pk}/")).text
    assert "Agenda item added" in report_page
    assert f"Cabinet, {future_cabinet.date.day} {future_cabinet.date:%B %Y}" in report_page


def test_the_service_refuses_a_report_with_an_incomplete_checklist_and_says_what_is_missing(
    dorset_clerk, report, future_cabinet
):
    services.add_agenda_item(meeting=future_cabinet, report=report, number=16, actor=dorset_clerk)
    with pytest.raises(AgendaBlocked) as refused:
        services.publish_agenda(meeting=future_cabinet, actor=dorset_clerk)
    ((which, reasons),) = refused.value.blockers
    assert which == f"item 16, {report.title}"
    assert reasons == agenda_blockers(report) and reasons
    future_cabinet.refresh_from_db()
    assert not future_cabinet.agenda_published
