"""Democratic services correct a committee paper until its agenda is published; every change is in
the paper's history with the text before and after, and a paper in a published pack never changes."""

import datetime

import pytest

from core.models import AuditEvent
from meetings import services
from meetings.models import Paper
from tests.integration.pages import error_summary_text, soup
from tests.integration.state import describe_change, snapshot
from tests.integration.test_meetings_pack import cleared_paper
from tests.integration.test_meetings_rules import paper_form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


@pytest.fixture
def meeting(dorset, dorset_clerk):
    cabinet = services.create_committee(council=dorset, name="Cabinet", kind="cabinet", actor=dorset_clerk)
    return services.schedule_meeting(
        committee=cabinet,
        date=datetime.date.today() + datetime.timedelta(days=30),
        starts_at=datetime.time(18, 30),
        venue="Council Chamber",
        actor=dorset_clerk,
    )


@pytest.fixture
def paper(dorset, dorset_clerk):
    return cleared_paper(dorset, dorset_clerk, "Forward plan")


def fields_of(paper: Paper) -> dict:
    paper.refresh_from_db()
    return {name: getattr(paper, name) for name in services.PAPER_FIELDS}


def test_an_officer_corrects_a_paper_from_its_agenda_and_the_change_is_in_its_history(
    client, dorset_clerk, meeting, paper
):
    services.add_agenda_item(meeting=meeting, paper=paper, actor=dorset_clerk)
    client.force_login(dorset_clerk)
    agenda = soup(client.get(f"/meetings/{meeting.pk}/"))
    link = agenda.select_one(f"a[href^='/meetings/papers/{paper.pk}/edit/']")
    assert (
        link.text.startswith("Change the paper")
        and link["href"] == f"/meetings/papers/{paper.pk}/edit/?meeting={meeting.pk}"
    )

    page = soup(client.get(link["href"]))
    assert page.h1.text.strip() == "Change a committee paper"
    assert page.select_one("#id_title")["value"] == "Forward plan", "the form opens with the paper as it is"
    assert page.select_one("[name=cleared_on-day]")["value"] == "28"

    response = client.post(
        link["href"],
        paper_form(
            title="Forward plan, July to October",
            body="## 1. Background\n\nThe forward plan lists the key decisions due by October.",
        ),
    )

    assert response.status_code == 302 and response["Location"] == f"/meetings/{meeting.pk}/"
    assert fields_of(paper)["title"] == "Forward plan, July to October"
    event = AuditEvent.objects.filter(action="PaperEdited").get()
    assert event.actor == dorset_clerk
    changes = event.data["changes"]
    assert changes["title"] == {"before": "Forward plan", "after": "Forward plan, July to October"}
    assert changes["body"]["before"] == "## 1. Background\n\nA short report."
    assert set(changes) == {"title", "body", "report_of", "author_names", "summary", "recommendation", "cleared_by"}
    history = soup(client.get(f"/meetings/papers/{paper.pk}/")).select(".app-timeline li")
    assert [" ".join(item.p.text.split()) for item in history][-1].startswith(
        "Committee paper changed: title, whose report it is, authors, summary, recommendation, text, who cleared it"
    )
    listed = soup(client.get("/meetings/")).find("caption", string="Committee papers").parent
    assert "Forward plan, July to October" in listed.text


def test_saving_the_paper_unchanged_records_nothing(client, dorset_clerk, paper):
    client.force_login(dorset_clerk)
    form = {name: getattr(paper, name) for name in services.PAPER_FIELDS if name != "cleared_on"}
    form |= {"cleared_on-day": "28", "cleared_on-month": "6", "cleared_on-year": "2024"}
    before = AuditEvent.objects.count()

    response = client.post(f"/meetings/papers/{paper.pk}/edit/", form, follow=True)

    assert "Nothing was changed in Forward plan" in response.content.decode()
    assert AuditEvent.objects.count() == before


def test_a_change_with_errors_or_a_future_clearance_is_refused_and_the_paper_is_unchanged(client, dorset_clerk, paper):
    client.force_login(dorset_clerk)
    url = f"/meetings/papers/{paper.pk}/edit/"
    as_it_was = fields_of(paper)
    before = snapshot()

    empty = error_summary_text(client.post(url, paper_form(title="", body="")))
    assert "Enter the paper's title" in empty and "Enter the report's text" in empty
    next_year = str(datetime.date.today().year + 1)
    future = error_summary_text(client.post(url, paper_form(**{"cleared_on-year": next_year})))
    assert "The date the report was cleared cannot be in the future" in future

    assert fields_of(paper) == as_it_was
    assert snapshot() == before, describe_change(before, snapshot())


def test_a_paper_in_a_published_pack_cannot_change(client, dorset_clerk, meeting, paper):
    services.add_agenda_item(meeting=meeting, paper=paper, actor=dorset_clerk)
    services.publish_agenda(meeting=meeting, actor=dorset_clerk)
    client.force_login(dorset_clerk)
    url = f"/meetings/papers/{paper.pk}/edit/"
    as_it_was = fields_of(paper)
    before = snapshot()

    for response in (client.get(url), client.post(url, paper_form(title="Changed after publication"))):
        assert response.status_code == 302 and response["Location"] == f"/meetings/papers/{paper.pk}/"
    page = soup(client.get(f"/meetings/papers/{paper.pk}/"))
    inset = " ".join(page.select_one(".govuk-inset-text").text.split())
    assert inset.startswith("This paper is in the agenda pack for Cabinet,") and "can no longer change" in inset
    assert page.find("a", string="Change the paper") is None
    with pytest.raises(services.MeetingRefused, match="can no longer change"):
        services.edit_paper(paper=paper, actor=dorset_clerk, title="Changed after publication")

    assert fields_of(paper) == as_it_was
    assert snapshot() == before, describe_change(before, snapshot())
    assert "Change the paper" not in client.get(f"/meetings/{meeting.pk}/").content.decode()


def test_a_paper_page_shows_what_it_still_needs_and_who_may_change_it(client, dorset, dorset_clerk, dorset_author):
    unfinished = services.write_paper(
        council=dorset,
        title="Unfinished paper",
        report_of="the Leader",
        author_names="A. Officer",
        summary="Summary.",
        recommendation="To note.",
        body="",
        actor=dorset_clerk,
    )
    url = f"/meetings/papers/{unfinished.pk}/"
    client.force_login(dorset_author)
    page = soup(client.get(url))
    assert page.h1.text.strip() == "Unfinished paper"
    missing = [li.text for li in page.select("#what-is-missing li")]
    assert missing == ["The report has no text", "Report clearance: record who cleared the report, and when"]
    assert page.find("a", string="Change the paper") is None, "a plan author reads papers but does not change them"
    client.force_login(dorset_clerk)
    change = soup(client.get(url)).find("a", string="Change the paper")
    assert change["href"] == f"/meetings/papers/{unfinished.pk}/edit/"

    response = client.post(change["href"], paper_form(title="Unfinished paper", body="## 1. Purpose\n\nNow written."))

    assert response["Location"] == url
    assert soup(client.get(url)).select("#what-is-missing") == []


def test_only_the_councils_people_read_its_papers_and_only_its_democratic_services_change_them(
    client, paper, dorset_author, somerset_clerk, analyst
):
    url = f"/meetings/papers/{paper.pk}/edit/"
    as_it_was = fields_of(paper)
    for person in (dorset_author, somerset_clerk, analyst):
        client.force_login(person)
        assert client.get(url).status_code == 404, person.username
        assert client.post(url, paper_form(title="Not theirs")).status_code == 404, person.username
    for person in (somerset_clerk, analyst):
        client.force_login(person)
        assert client.get(f"/meetings/papers/{paper.pk}/").status_code == 404, person.username
    for missing in ("/meetings/papers/999999/edit/", "/meetings/papers/2147483648/edit/", "/meetings/papers/0/"):
        assert client.get(missing).status_code == 404
    assert fields_of(paper) == as_it_was
    assert not AuditEvent.objects.filter(action="PaperEdited").exists()
