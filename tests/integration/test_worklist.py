""" "Waiting for you": each kind of work reaches the person who may do it, at their own council only,
with one link to where they do it, and is gone once it is done. The navigation shows each role the
areas it may use, and how much is waiting."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core import shared_cache
from tests.integration.pages import h1, soup, text_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

WAITING = "/waiting-for-you/"


def waiting_items(client, user) -> dict[str, str]:
    """The items on the person's "Waiting for you" page: each link's text and where it goes."""
    client.force_login(user)
    response = client.get(WAITING)
    assert response.status_code == 200
    assert h1(response) == "Waiting for you"
    items = {}
    for entry in soup(response).select(".app-waiting-list > li"):
        (link,) = entry.select("a")  # exactly one link per item
        items[text_of(link)] = link["href"]
    return items


def nav(client, user) -> list[str]:
    client.force_login(user)
    response = client.get(reverse("accounts:account"))
    return [text_of(a) for a in soup(response).select(".govuk-service-navigation__list a")]


@pytest.fixture
def somerset_monitoring_officer(make_person, somerset):
    return make_person("somerset-monitoring-officer", council=somerset, roles=["monitoring_officer"])


@pytest.fixture
def report(walked_plan, dorset_monitoring_officer, dorset_author):
    """The decision report on Dorset's frozen version 4; its legal line names the monitoring officer."""
    from governance.services.reports import create_report

    return create_report(version=walked_plan.frozen, actor=dorset_author)


def _fill(report, actor):
    from governance.selectors import template_of
    from governance.services.reports import save_report

    sections = {s.key: f"Text for {s.key}." for s in template_of(report).writable}
    saved, _ = save_report(
        report=report, title=report.title, sections=sections, based_on_revision=report.revision, actor=actor
    )
    return saved


# --- Checklist lines ------------------------------------------------------------------------------


def test_a_checklist_line_waits_for_the_person_named_on_it_until_they_sign_it(
    client, report, dorset_monitoring_officer, somerset_monitoring_officer
):
    from governance.services.checklist import sign_line

    line = report.checklist_lines.get(key="legal")
    assert line.person == dorset_monitoring_officer
    sign_off = reverse("governance:sign_line", args=[report.pk, line.pk])
    items = waiting_items(client, dorset_monitoring_officer)
    assert items == {f"Sign off: {line.label}": sign_off}
    assert client.get(sign_off).status_code == 200
    assert waiting_items(client, somerset_monitoring_officer) == {}

    sign_line(line=line, actor=dorset_monitoring_officer)
    assert waiting_items(client, dorset_monitoring_officer) == {}


def test_a_line_signed_before_the_report_changed_waits_to_be_signed_again(
    client, report, dorset_monitoring_officer, dorset_author
):
    from governance.services.checklist import sign_line

    line = report.checklist_lines.get(key="legal")
    sign_line(line=line, actor=dorset_monitoring_officer)
    _fill(report, dorset_author)
    assert list(waiting_items(client, dorset_monitoring_officer)) == [f"Sign off again: {line.label}"]


# --- Reports to write, checklists to complete -------------------------------------------------------


def test_a_frozen_version_waits_for_its_report_and_the_report_for_its_required_text(
    client, walked_plan, dorset_author, dorset_director, somerset_author
):
    from governance.services.reports import create_report

    assert waiting_items(client, dorset_author) == {
        "Write the decision report for version 4": reverse("governance:council_reports"),
        "Publish version 2": reverse("submissions:publish", args=[walked_plan.submitted.pk]),
        "Follow 1 commitment in your plan with a metric": reverse("monitoring:council_home"),
    }
    assert "Write the decision report for version 4" in waiting_items(client, dorset_director)
    assert "Write the decision report for version 4" not in waiting_items(client, somerset_author)

    report = create_report(version=walked_plan.frozen, actor=dorset_author)
    items = waiting_items(client, dorset_author)
    (finish,) = [text for text in items if text.startswith("Finish the decision report")]
    assert items[finish] == reverse("governance:report_edit", args=[report.pk])
    assert "Write the decision report for version 4" not in items

    _fill(report, dorset_author)
    assert not [text for text in waiting_items(client, dorset_author) if "decision report" in text]


def test_democratic_services_complete_a_checklist_with_no_one_named_on_a_line(
    client, walked_plan, dorset_author, dorset_clerk, somerset_clerk
):
    from governance.services.reports import create_report

    report = create_report(version=walked_plan.frozen, actor=dorset_author)
    items = waiting_items(client, dorset_clerk)
    (complete,) = [text for text in items if text.startswith("Complete the checklist")]
    assert "with no one named" in complete
    assert items[complete] == reverse("governance:report_detail", args=[report.pk])
    assert not [text for text in waiting_items(client, somerset_clerk) if text.startswith("Complete")]
    assert not [text for text in waiting_items(client, dorset_author) if text.startswith("Complete")]


# --- Agendas and decisions --------------------------------------------------------------------------


def _meeting(council, clerk, *, days_ahead: int):
    from meetings import services

    committee = services.create_committee(council=council, name="Cabinet", kind="cabinet", actor=clerk)
    return services.schedule_meeting(
        committee=committee,
        date=timezone.localdate() + datetime.timedelta(days=days_ahead),
        starts_at=datetime.time(18, 30),
        venue="Council Chamber",
        actor=clerk,
    )


def _cleared_paper(council, clerk):
    from meetings import services

    return services.write_paper(
        council=council,
        title="Quarter 1 finance report",
        report_of="the Chief Executive",
        author_names="A. Officer",
        summary="Summary.",
        recommendation="To note.",
        body="## Background\n\nText.",
        cleared_by="the Monitoring Officer",
        cleared_on=timezone.localdate(),
        actor=clerk,
    )


def test_an_agenda_whose_items_are_ready_waits_to_be_published(client, dorset, dorset_clerk, somerset_clerk):
    from meetings import services

    meeting = _meeting(dorset, dorset_clerk, days_ahead=20)
    assert "Publish the agenda" not in waiting_items(client, dorset_clerk)  # nothing on it yet
    services.add_agenda_item(meeting=meeting, paper=_cleared_paper(dorset, dorset_clerk), actor=dorset_clerk)
    items = waiting_items(client, dorset_clerk)
    assert items["Publish the agenda"] == reverse("meetings:publish_agenda", args=[meeting.pk])
    assert client.get(items["Publish the agenda"]).status_code == 200
    assert "Publish the agenda" not in waiting_items(client, somerset_clerk)

    services.publish_agenda(meeting=meeting, actor=dorset_clerk)
    assert "Publish the agenda" not in waiting_items(client, dorset_clerk)


def test_an_agenda_with_an_item_not_ready_does_not_wait_to_be_published(client, report, dorset, dorset_clerk):
    from meetings import services

    meeting = _meeting(dorset, dorset_clerk, days_ahead=20)
    services.add_agenda_item(meeting=meeting, report=report, actor=dorset_clerk)
    assert "Publish the agenda" not in waiting_items(client, dorset_clerk)


def test_a_reported_version_waits_for_its_decision_once_its_meeting_is_held(
    client, report, dorset, dorset_clerk, somerset_clerk, dorset_author
):
    from governance.services.decisions import record_decision
    from meetings import services

    record = f"Record the decision on version {report.version.number}"
    link = reverse("governance:record_decision", args=[report.version.pk])
    assert waiting_items(client, dorset_clerk)[record] == link
    assert record not in waiting_items(client, dorset_author)  # only democratic services record decisions
    assert record not in waiting_items(client, somerset_clerk)

    later = _meeting(dorset, dorset_clerk, days_ahead=10)
    services.add_agenda_item(meeting=later, report=report, actor=dorset_clerk)
    assert record not in waiting_items(client, dorset_clerk)  # the meeting has not been held

    later.date = timezone.localdate()
    later.save(update_fields=["date"])
    # The date moves instead of the day passing. The cached waiting work is keyed by the day
    # (worklist.selectors.shared_worklist), so retire it as the next day would.
    shared_cache.changed(shared_cache.council(dorset.gss_code))
    assert record in waiting_items(client, dorset_clerk)
    record_decision(
        version=report.version,
        outcome="approved",
        decision_maker="Cabinet",
        decided_on=timezone.localdate(),
        actor=dorset_clerk,
    )
    assert record not in waiting_items(client, dorset_clerk)


# --- Certification and publication ------------------------------------------------------------------


def test_an_endorsed_version_waits_for_the_certifying_officers_who_see_who_asked(
    client, walked_plan, dorset_chief_executive, dorset_s151, dorset_director, somerset_chief_executive, somerset_plan
):
    from submissions.services import request_certification, submit_version

    certify = "Certify and submit version 3"
    link = reverse("submissions:submit", args=[walked_plan.endorsed.pk])
    for officer in (dorset_chief_executive, dorset_s151):
        assert waiting_items(client, officer)[certify] == link
    assert waiting_items(client, dorset_director) == {
        "Write the decision report for version 4": reverse("governance:council_reports"),
        "Ask for version 3 to be certified and submitted": link,
    }
    somerset = waiting_items(client, somerset_chief_executive)
    assert somerset == {"Certify and submit version 2": reverse("submissions:submit", args=[somerset_plan.endorsed.pk])}

    request_certification(version=walked_plan.endorsed, actor=dorset_director, link="http://testserver/")
    client.force_login(dorset_chief_executive)
    page = text_of(soup(client.get(WAITING)).select_one(".app-waiting-list"))
    assert f"{dorset_director.display_name} asked you to certify it" in page
    assert "Ask for version 3" not in " ".join(waiting_items(client, dorset_director))

    submit_version(version=walked_plan.endorsed, actor=dorset_chief_executive, certifier_role="chief_executive")
    assert certify not in waiting_items(client, dorset_s151)


def test_a_submitted_version_waits_to_be_published_by_those_who_publish(
    client, walked_plan, dorset_clerk, dorset_author, dorset_chief_executive, somerset_clerk, somerset_plan
):
    from submissions.services import publish_version

    publish = "Publish version 2"
    link = reverse("submissions:publish", args=[walked_plan.submitted.pk])
    for person in (dorset_clerk, dorset_author):
        assert waiting_items(client, person)[publish] == link
    assert publish not in waiting_items(client, dorset_chief_executive)
    assert waiting_items(client, somerset_clerk).get("Publish version 1") == reverse(
        "submissions:publish", args=[somerset_plan.submitted.pk]
    )

    publish_version(version=walked_plan.submitted, actor=dorset_clerk, correction_note="Revised text in each theme.")
    assert publish not in waiting_items(client, dorset_author)


# --- Imports --------------------------------------------------------------------------------------


def test_an_import_waits_for_the_analyst_who_checked_it_until_they_confirm_it(
    client, dorset, plan_return, analyst, make_person, panel_member, dorset_author
):
    from analysis.services import stage_upload

    staged = stage_upload(
        council=dorset,
        return_definition=plan_return,
        filename="dorset-plan.txt",
        data=b"Dorset productivity plan\n\nWe merged two contact centres.\n",
        actor=analyst,
    )
    what = "Confirm or cancel the import of dorset-plan.txt"
    items = waiting_items(client, analyst)
    assert items == {what: f"{reverse('analysis:import_document')}?upload={staged.token}"}
    preview = client.get(items[what])
    assert h1(preview) == "Check the plan document"
    other = make_person("other-analyst", department_role="analyst")
    assert waiting_items(client, other) == {}
    assert client.get(items[what]).status_code == 404  # someone else's upload
    assert waiting_items(client, panel_member) == {}
    assert waiting_items(client, dorset_author) == {}

    client.force_login(analyst)
    response = client.post(reverse("analysis:import_confirm"), {"token": staged.token, "action": "confirm"})
    assert response.status_code == 302
    assert waiting_items(client, analyst) == {}


# --- The page itself, the count and the navigation -----------------------------------------------------


def test_signing_in_and_the_service_name_lead_to_waiting_for_you(client, dorset_author, analyst):
    for person in (dorset_author, analyst):
        client.force_login(person)
        assert client.get(reverse("accounts:home_for_user"))["Location"] == WAITING
        page = soup(client.get(reverse("accounts:account")))
        assert page.select_one(".govuk-service-navigation__service-name a")["href"] == WAITING
    client.logout()
    page = soup(client.get(reverse("portal:home")))
    assert page.select_one(".govuk-service-navigation__service-name a")["href"] == reverse("portal:home")


def test_with_nothing_waiting_the_page_says_so_and_links_to_the_areas_the_person_may_use(client, panel_member):
    client.force_login(panel_member)
    response = client.get(WAITING)
    page = soup(response)
    assert "Nothing is waiting for you." in text_of(page.main)
    areas = [text_of(a) for a in page.main.select("ul a")]
    assert areas == ["Returns register", "Explore plans", "Plan documents", "Analysis runs", "Progress against plans"]


def test_the_count_in_the_navigation_is_the_number_of_items_waiting(client, walked_plan, dorset_clerk, dorset_author):
    items = waiting_items(client, dorset_clerk)
    assert len(items) >= 2
    client.force_login(dorset_clerk)
    (link,) = [a for a in soup(client.get(WAITING)).select(".govuk-service-navigation__list a") if a["href"] == WAITING]
    assert " ".join(link.get_text().split()) == f"Waiting for you ({len(items)} waiting)"
    assert text_of(link.select_one(".govuk-visually-hidden")) == "waiting"


def test_the_count_takes_a_handful_of_queries(client, walked_plan, report, dorset_clerk, django_assert_max_num_queries):
    client.force_login(dorset_clerk)
    client.get(reverse("accounts:account"))
    with django_assert_max_num_queries(40):
        client.get(reverse("accounts:account"))


COUNCIL_AREAS = ["Your council's plans", "Reports and decisions", "Meetings", "Performance"]
ANALYST_AREAS = [
    "Returns register",
    "Explore plans",
    "Plan documents",
    "Import a plan document",
    "Analysis runs",
    "Progress against plans",
]


@pytest.mark.parametrize(
    ("role", "areas"),
    [
        ("plan_author", COUNCIL_AREAS),
        ("democratic_services", COUNCIL_AREAS),
        ("monitoring_officer", COUNCIL_AREAS),
        ("section_151_officer", COUNCIL_AREAS),
        ("chief_executive", COUNCIL_AREAS),
        ("executive_director", COUNCIL_AREAS),
        ("lead_member", COUNCIL_AREAS),
        ("analyst", ANALYST_AREAS),
        ("administrator", ANALYST_AREAS),
        (
            "panel_member",
            ["Returns register", "Explore plans", "Plan documents", "Analysis runs", "Progress against plans"],
        ),
    ],
)
def test_the_navigation_shows_each_role_the_areas_it_may_use_and_no_others(client, make_person, dorset, role, areas):
    if role in ("analyst", "administrator", "panel_member"):
        person = make_person(f"nav-{role}", department_role=role)
    else:
        person = make_person(f"nav-{role}", council=dorset, roles=[role])
    assert nav(client, person) == ["Find a council", "Waiting for you", *areas, "Your account"]
    for text, href in [
        (text_of(a), a["href"]) for a in soup(client.get(WAITING)).select(".govuk-service-navigation__list a")
    ]:
        if text != "Find a council":
            assert client.get(href).status_code == 200, f"{role}: {text} ({href})"


# --- Emails ---------------------------------------------------------------------------------------------


def test_naming_a_person_on_a_line_emails_them_a_link_to_sign_it_off(
    walked_plan, dorset_author, dorset_clerk, make_person, dorset, settings, django_capture_on_commit_callbacks
):
    from governance.services.checklist import name_line_person
    from governance.services.reports import create_report

    settings.SITE_URL = "https://plans.example.gov.uk"
    report = create_report(version=walked_plan.frozen, actor=dorset_author)
    line = report.checklist_lines.get(key="legal")
    assert line.person is None
    officer = make_person("dorset-solicitor", council=dorset, roles=["monitoring_officer"])
    officer.email = "solicitor@dorset.example.gov.uk"
    officer.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        name_line_person(line=line, person=officer, actor=dorset_clerk)
    (message,) = mail.outbox
    assert message.to == ["solicitor@dorset.example.gov.uk"]
    link = "https://plans.example.gov.uk" + reverse("governance:sign_line", args=[report.pk, line.pk])
    assert link in message.body
    assert link in message.alternatives[0][0]

    with django_capture_on_commit_callbacks(execute=True):
        name_line_person(line=line, person=officer, actor=dorset_clerk)  # named already: no second email
    assert len(mail.outbox) == 1


def test_a_line_named_when_the_report_is_made_emails_that_person(
    walked_plan, dorset_author, dorset_monitoring_officer, django_capture_on_commit_callbacks
):
    from governance.services.reports import create_report

    dorset_monitoring_officer.email = "mo@dorset.example.gov.uk"
    dorset_monitoring_officer.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        create_report(version=walked_plan.frozen, actor=dorset_author)
    assert [m.to for m in mail.outbox] == [["mo@dorset.example.gov.uk"]]


def test_the_certification_request_links_to_the_certify_page_at_the_sites_address(
    client, walked_plan, dorset_director, dorset_chief_executive, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://plans.example.gov.uk"
    client.force_login(dorset_director)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("submissions:submit", args=[walked_plan.endorsed.pk]), {"ask_for_certification": "1"}
        )
    assert response.status_code == 302
    (message,) = mail.outbox
    assert (
        "https://plans.example.gov.uk" + reverse("submissions:submit", args=[walked_plan.endorsed.pk]) in message.body
    )
