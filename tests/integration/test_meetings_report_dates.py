"""A report dated after the meeting it is on is named in a warning before the pack is printed: on the meeting's
page and on the page that publishes the agenda (or a supplementary agenda, or records a past one).

The warning does not stop publishing: a scrutiny committee may rightly consider, before the decision meeting,
a report dated for that later meeting. Looking at the pages changes nothing.
"""

import datetime

import pytest
from django.utils import timezone

from governance.services import reports
from meetings import services
from tests.integration.pages import soup, text_of
from tests.integration.state import snapshot
from tests.integration.test_meetings import complete_checklist, working_days_ahead

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

ROLES = {
    "mo": "monitoring_officer",
    "s151": "section_151_officer",
    "director": "executive_director",
    "member": "lead_member",
    "workforce": "workforce_lead",
    "assets": "asset_management_lead",
}


def day_words(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


@pytest.fixture
def officers(make_person, dorset):
    return {key: make_person(f"dorset-officer-{key}", council=dorset, roles=[role]) for key, role in ROLES.items()}


@pytest.fixture
def cabinet(dorset, dorset_clerk):
    return services.create_committee(council=dorset, name="Cabinet", kind="cabinet", actor=dorset_clerk)


@pytest.fixture
def meeting(cabinet, dorset_clerk):
    return services.schedule_meeting(
        committee=cabinet,
        date=working_days_ahead(10),
        starts_at=datetime.time(18, 30),
        venue="Council Chamber, County Hall",
        actor=dorset_clerk,
    )


def report_dated(version, author, clerk, meeting_date):
    report = reports.create_report(version=version, actor=author, meeting_body="Cabinet", meeting_date=meeting_date)
    return complete_checklist(report, clerk)


def warnings(page) -> list[str]:
    return [text_of(w) for w in page.select(".govuk-warning-text")]


def test_a_report_dated_after_its_meeting_is_named_before_the_pack_is_printed(
    client, frozen_version, dorset_author, dorset_clerk, officers, meeting
):
    later = meeting.date + datetime.timedelta(days=7)
    report = report_dated(frozen_version, dorset_author, dorset_clerk, later)
    item = services.add_agenda_item(meeting=meeting, report=report, actor=dorset_clerk)
    client.force_login(dorset_clerk)
    before = snapshot()

    expected = (
        f"Item {item.number}, {report.title}: The report is dated for a meeting on {day_words(later)}, after this "
        f"meeting on {day_words(meeting.date)}."
    )
    publish_page = soup(client.get(f"/meetings/{meeting.pk}/publish/"))
    (warning,) = warnings(publish_page)
    assert warning.startswith("! Warning " + expected)
    assert "the pack prints the report as it is" in warning
    detail = soup(client.get(f"/meetings/{meeting.pk}/"))
    assert [w for w in warnings(detail) if expected in w], "the meeting's page warns too"
    assert snapshot() == before, "reading the pages changed nothing"

    # The officer has been told; publishing is their decision, and the pack is printed.
    assert client.post(f"/meetings/{meeting.pk}/publish/").status_code == 302
    meeting.refresh_from_db()
    assert meeting.agenda_published and meeting.pack_path
    assert not warnings(soup(client.get(f"/meetings/{meeting.pk}/"))), "a published agenda has nothing to warn of"


def test_a_report_dated_for_the_meeting_itself_is_not_warned_about(
    client, frozen_version, dorset_author, dorset_clerk, officers, meeting
):
    report = report_dated(frozen_version, dorset_author, dorset_clerk, meeting.date)
    services.add_agenda_item(meeting=meeting, report=report, actor=dorset_clerk)
    client.force_login(dorset_clerk)
    assert warnings(soup(client.get(f"/meetings/{meeting.pk}/publish/"))) == []
    assert warnings(soup(client.get(f"/meetings/{meeting.pk}/"))) == []


def test_a_late_item_dated_after_the_meeting_is_named_on_the_supplementary_agendas_page(
    client, frozen_version, dorset_author, dorset_clerk, officers, meeting, dorset
):
    paper = services.write_paper(
        council=dorset,
        title="Quarterly finance report",
        report_of="The Leader",
        author_names="A. Officer",
        summary="Spending to the end of June.",
        recommendation="To note the report.",
        body="## Summary\n\nSpending is on budget.",
        cleared_by="Monitoring officer and s151 officer",
        cleared_on=timezone.localdate(),
        actor=dorset_clerk,
    )
    services.add_agenda_item(meeting=meeting, paper=paper, actor=dorset_clerk)
    services.publish_agenda(meeting=meeting, actor=dorset_clerk)
    later = meeting.date + datetime.timedelta(days=1)
    report = report_dated(frozen_version, dorset_author, dorset_clerk, later)
    item = services.add_agenda_item(meeting=meeting, report=report, actor=dorset_clerk)
    client.force_login(dorset_clerk)
    before = snapshot()
    page = soup(client.get(f"/meetings/{meeting.pk}/publish-supplement/"))
    (warning,) = warnings(page)
    assert f"Item {item.number}, {report.title}: The report is dated for a meeting on {day_words(later)}" in warning
    assert snapshot() == before


def test_a_paper_cleared_after_a_past_meeting_is_named_before_its_agenda_is_recorded(
    client, dorset, dorset_clerk, cabinet
):
    past = services.schedule_meeting(
        committee=cabinet,
        date=timezone.localdate() - datetime.timedelta(days=20),
        starts_at=datetime.time(10),
        venue="Council Chamber",
        actor=dorset_clerk,
    )
    cleared = timezone.localdate() - datetime.timedelta(days=5)
    paper = services.write_paper(
        council=dorset,
        title="Quarterly finance report",
        report_of="The Leader",
        author_names="A. Officer",
        summary="Spending to the end of June.",
        recommendation="To note the report.",
        body="## Summary\n\nSpending is on budget.",
        cleared_by="Monitoring officer",
        cleared_on=cleared,
        actor=dorset_clerk,
    )
    item = services.add_agenda_item(meeting=past, paper=paper, actor=dorset_clerk)
    client.force_login(dorset_clerk)
    (warning,) = warnings(soup(client.get(f"/meetings/{past.pk}/record-past-agenda/")))
    assert (
        f"Item {item.number}, Quarterly finance report: The report was cleared on {day_words(cleared)}, after this "
        f"meeting on {day_words(past.date)}." in warning
    )
