"""Extensions: the department grants a council a later deadline; on time is judged against the
effective deadline at the moment of submission, stored, and shown on the receipt and in the register."""

import datetime

import pytest

from core.dates import LONDON
from submissions.models import Extension, ReturnStatus, Submission
from tests.integration.pages import banners, error_summary_text, soup, table_rows, text_of
from tests.integration.state import describe_change, snapshot

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

SLUG = "productivity-plan-2024"
REGISTER = f"/department/returns/{SLUG}/"


def at(day: int, month: int = 7, hour: int = 12) -> datetime.datetime:
    return datetime.datetime(2024, month, day, hour, tzinfo=LONDON)


def extension_url(code: str) -> str:
    return f"{REGISTER}councils/{code}/extension/"


def date_fields(day: int, month: int, year: int = 2024) -> dict:
    return {"deadline-day": str(day), "deadline-month": str(month), "deadline-year": str(year)}


def register_row(client, code: str) -> dict:
    (row,) = table_rows(client.get(f"{REGISTER}?q={code}"))
    cells = row.select("td")
    return {"status": text_of(cells[2]), "deadline": text_of(cells[4]), "last_chased": text_of(cells[5])}


def test_an_analyst_grants_an_extension_and_the_register_shows_the_effective_deadline(client, analyst, dorset):
    client.force_login(analyst)
    form = client.get(extension_url(dorset.gss_code))
    assert form.status_code == 200 and "Grant an extension" in text_of(soup(form).h1)
    response = client.post(
        extension_url(dorset.gss_code), {**date_fields(2, 8), "reason": "Cabinet meeting moved by the by-election."}
    )
    assert response.status_code == 302
    assert response["Location"] == f"{REGISTER}?q={dorset.gss_code}"
    extension = Extension.objects.get()
    assert (extension.council, extension.deadline, extension.granted_by) == (dorset, datetime.date(2024, 8, 2), analyst)
    assert "Dorset's deadline is now 2 August 2024" in banners(client.get(response["Location"]))
    row = register_row(client, dorset.gss_code)
    assert row["deadline"].startswith("2 August 2024 Extended from 19 July 2024")
    assert ReturnStatus.objects.get(council=dorset).deadline == datetime.date(2024, 8, 2)


def test_a_submission_after_the_original_deadline_but_within_the_extension_is_on_time(
    client, analyst, dorset, endorsed_version, dorset_chief_executive
):
    from submissions.services import grant_extension, submit_version

    extension = grant_extension(
        council=dorset,
        return_definition=endorsed_version.return_definition,
        deadline=datetime.date(2024, 8, 2),
        reason="Cabinet meeting moved.",
        actor=analyst,
        at=at(15),
    )
    submission = submit_version(
        version=endorsed_version, actor=dorset_chief_executive, certifier_role="chief_executive", at=at(1, 8, 16)
    )
    assert submission.on_time is True
    assert submission.deadline == datetime.date(2024, 8, 2) and submission.extension == extension

    client.force_login(dorset_chief_executive)
    timeliness = text_of(soup(client.get(f"/receipts/{submission.pk}/")).select_one("#timeliness"))
    assert timeliness.startswith("On time deadline 2 August 2024")
    assert "Extension granted by the department on 15 July 2024" in timeliness
    assert "the return's deadline was 19 July 2024" in timeliness and "Cabinet meeting moved." in timeliness

    client.force_login(analyst)
    assert register_row(client, dorset.gss_code)["status"] == "Submitted On time"


def test_on_time_is_settled_at_submission_and_a_later_extension_cannot_be_granted(
    client, analyst, dorset, endorsed_version, dorset_chief_executive
):
    """Dorset submits late with no extension. The department then tries to extend: refused with a clear
    message, nothing recorded, and the submission stays late."""
    from submissions.services import submit_version

    submission = submit_version(
        version=endorsed_version, actor=dorset_chief_executive, certifier_role="chief_executive", at=at(22)
    )
    assert submission.on_time is False and submission.deadline == datetime.date(2024, 7, 19)
    client.force_login(analyst)
    before = snapshot()
    response = client.post(extension_url(dorset.gss_code), {**date_fields(2, 8), "reason": "Too late now."})
    assert response.status_code == 400
    assert "Dorset has already submitted" in error_summary_text(response)
    assert snapshot() == before, describe_change(before, snapshot())
    assert not Extension.objects.exists()
    assert Submission.objects.get().on_time is False


@pytest.mark.parametrize(
    "fields, message",
    [
        (
            {**date_fields(18, 7), "reason": "Earlier."},
            "An extension must end after the return's deadline of 19 July 2024",
        ),
        (
            {**date_fields(19, 7), "reason": "Same day."},
            "An extension must end after the return's deadline of 19 July 2024",
        ),
        ({**date_fields(31, 2), "reason": "No such day."}, "The new deadline must be a real date"),
        ({**date_fields(2, 8), "reason": "   "}, "Enter the reason for the extension"),
        ({"reason": "No date."}, "Enter the new deadline"),
    ],
)
def test_a_bad_extension_is_refused_with_a_clear_message_and_nothing_is_recorded(
    client, analyst, dorset, fields, message
):
    client.force_login(analyst)
    before = snapshot()
    response = client.post(extension_url(dorset.gss_code), fields)
    assert response.status_code == 400
    assert message in error_summary_text(response)
    assert not Extension.objects.exists()
    assert snapshot() == before


def test_only_analysts_and_administrators_grant_extensions(
    client, make_person, dorset, panel_member, dorset_chief_executive
):
    """A panel member reads the register but cannot extend; council people cannot even see the page;
    anonymous people are sent to sign in. Nothing is recorded by any of them."""
    administrator = make_person("department-administrator", department_role="administrator")
    for person, expected in [(panel_member, 404), (dorset_chief_executive, 404)]:
        client.force_login(person)
        assert client.get(extension_url(dorset.gss_code)).status_code == expected
        assert client.post(extension_url(dorset.gss_code), {**date_fields(2, 8), "reason": "x"}).status_code == expected
    client.logout()
    assert client.post(extension_url(dorset.gss_code), {**date_fields(2, 8), "reason": "x"}).status_code == 302
    assert not Extension.objects.exists()
    client.force_login(administrator)
    assert client.post(extension_url(dorset.gss_code), {**date_fields(2, 8), "reason": "x"}).status_code == 302
    assert Extension.objects.count() == 1
    client.force_login(administrator)
    assert client.get(extension_url("E99999999")).status_code == 404


def test_the_latest_extension_counts(analyst, dorset, plan_return):
    from submissions.selectors import effective_deadline
    from submissions.services import grant_extension

    grant_extension(
        council=dorset,
        return_definition=plan_return,
        deadline=datetime.date(2024, 8, 9),
        reason="First.",
        actor=analyst,
    )
    grant_extension(
        council=dorset,
        return_definition=plan_return,
        deadline=datetime.date(2024, 8, 2),
        reason="Revised.",
        actor=analyst,
    )
    deadline, extension = effective_deadline(council=dorset, return_definition=plan_return)
    assert deadline == datetime.date(2024, 8, 2) and extension.reason == "Revised."
    assert ReturnStatus.objects.get(council=dorset).stage == "not_started"
