"""A council asks the department for a later deadline; the request waits for the department, which
grants or refuses it. Each bad request is refused with a clear message and changes nothing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import AuditEvent
from submissions.models import Extension, ExtensionRequest
from submissions.services import grant_extension, request_extension
from tests.integration.pages import error_summary_text, soup, text_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

WAITING = "/waiting-for-you/"


def dated(name, day):
    return {f"{name}-day": str(day.day), f"{name}-month": str(day.month), f"{name}-year": str(day.year)}


def waiting_links(client, user) -> dict[str, str]:
    client.force_login(user)
    page = soup(client.get(WAITING))
    return {text_of(a): a["href"] for a in page.select(".app-waiting-list > li a")}


def test_a_council_asks_and_the_department_grants_from_its_waiting_list(
    client, written_draft, dorset_chief_executive, analyst, somerset_author
):
    client.force_login(dorset_chief_executive)
    workspace = soup(client.get(reverse("submissions:council_dashboard")))
    (link,) = [a for a in workspace.select("main a") if text_of(a).startswith("Ask for an extension")]
    response = client.post(
        link["href"], {**dated("deadline", datetime.date(2024, 8, 2)), "reason": "The cabinet meeting moved"}
    )
    assert response.status_code == 302
    request = ExtensionRequest.objects.get()
    assert request.outcome == "waiting" and AuditEvent.objects.filter(action="ExtensionRequested").count() == 1
    workspace = soup(client.get(reverse("submissions:council_dashboard")))
    assert "You asked for 2 August 2024" in text_of(workspace.select_one("#extension-request"))
    assert not [a for a in workspace.select("main a") if text_of(a).startswith("Ask for an extension")]

    # The department's analyst finds it waiting, with one link to grant or refuse it.
    links = waiting_links(client, analyst)
    (what,) = [w for w in links if "request for an extension" in w]
    assert "Dorset" in what
    page = client.get(links[what])
    assert "The cabinet meeting moved" in text_of(soup(page).select_one("#waiting-request"))
    client.post(links[what], {**dated("deadline", datetime.date(2024, 8, 2)), "reason": "Agreed: meeting moved"})
    request.refresh_from_db()
    assert request.outcome == "granted" and request.extension == Extension.objects.get()
    assert not [w for w in waiting_links(client, analyst) if "request for an extension" in w]
    # Another council sees none of it.
    assert not [w for w in waiting_links(client, somerset_author) if "extension" in w]


def test_the_department_refuses_with_a_reason_and_the_deadline_stays(
    client, written_draft, dorset_chief_executive, analyst, panel_member
):
    request = request_extension(
        council=written_draft.council,
        return_definition=written_draft.return_definition,
        deadline=datetime.date(2024, 9, 1),
        reason="Summer recess",
        actor=dorset_chief_executive,
    )
    url = reverse("submissions:refuse_extension", args=[request.pk])
    client.force_login(panel_member)
    assert client.post(url, {"refusal_reason": "No"}).status_code == 404  # the panel does not manage returns
    client.force_login(analyst)
    empty = client.post(url, {"refusal_reason": ""})
    assert "Enter why the request is refused" in error_summary_text(empty)
    request.refresh_from_db()
    assert request.outcome == "waiting"
    assert client.post(url, {"refusal_reason": "Recess is not a reason to be late"}).status_code == 302
    request.refresh_from_db()
    assert request.outcome == "refused" and not Extension.objects.exists()
    client.force_login(dorset_chief_executive)
    workspace = text_of(soup(client.get(reverse("submissions:council_dashboard"))).select_one("#extension-request"))
    assert "refused (Recess is not a reason to be late)" in workspace
    again = client.post(url, {"refusal_reason": "Twice"})
    assert again.status_code == 404  # a council officer cannot answer requests


@pytest.mark.parametrize(
    "deadline, reason, message",
    [
        (datetime.date(2024, 7, 19), "Meeting moved", "Ask for a date after Dorset's deadline now, 19 July 2024"),
        (datetime.date(2024, 8, 2), "", "Enter why the council needs more time"),
    ],
)
def test_a_bad_request_is_refused_and_nothing_is_recorded(
    client, written_draft, dorset_chief_executive, deadline, reason, message
):
    client.force_login(dorset_chief_executive)
    url = reverse("submissions:request_extension", args=[written_draft.return_definition.slug])
    response = client.post(url, {**dated("deadline", deadline), "reason": reason})
    assert message in error_summary_text(response)
    assert not ExtensionRequest.objects.exists() and not AuditEvent.objects.filter(action="ExtensionRequested")


def test_one_request_waits_at_a_time_and_none_after_submission(
    written_draft, dorset_chief_executive, dorset_author, analyst
):
    from submissions.services import SubmissionRefused

    values = {
        "council": written_draft.council,
        "return_definition": written_draft.return_definition,
        "deadline": datetime.date(2024, 8, 2),
        "reason": "Meeting moved",
    }
    with pytest.raises(SubmissionRefused, match="Only the council's chief executive"):
        request_extension(**values, actor=dorset_author)
    request_extension(**values, actor=dorset_chief_executive)
    with pytest.raises(SubmissionRefused, match="already asked for 2 August 2024"):
        request_extension(**values, actor=dorset_chief_executive)
    assert ExtensionRequest.objects.count() == 1
    grant_extension(
        council=written_draft.council,
        return_definition=written_draft.return_definition,
        deadline=datetime.date(2024, 8, 9),
        reason="A week more than asked",
        actor=analyst,
        at=timezone.now(),
    )
    assert ExtensionRequest.objects.get().outcome == "granted"


def test_a_submitted_council_cannot_ask(submitted_version, dorset_chief_executive):
    from submissions.services import SubmissionRefused

    with pytest.raises(SubmissionRefused, match="already submitted this return"):
        request_extension(
            council=submitted_version.council,
            return_definition=submitted_version.return_definition,
            deadline=datetime.date(2030, 1, 1),
            reason="Too late",
            actor=dorset_chief_executive,
        )
