"""The whole route through the browser-facing views: draft -> freeze -> decide -> submit -> publish."""

import pytest
from bs4 import BeautifulSoup

from core.models import AuditEvent
from plans.models import PlanVersion
from submissions.models import Publication, ReturnStatus, Submission
from tests.integration.test_submission_certification import certified_submission_data

pytestmark = pytest.mark.django_db


def h1(response) -> str:
    return BeautifulSoup(response.content, "html.parser").h1.get_text(" ", strip=True)


def test_a_council_takes_its_plan_from_draft_to_publication(
    client, plan_return, dorset, dorset_author, dorset_clerk, dorset_chief_executive, theme_text
):
    client.force_login(dorset_author)
    response = client.post(f"/plans/returns/{plan_return.slug}/start/")
    assert response.status_code == 302
    edit_url = response["Location"]
    page = client.get(edit_url)
    assert h1(page) == "Edit the draft"
    form = {"revision": "1", **{f"theme_{n}": text for n, text in theme_text.items()}}
    response = client.post(edit_url, form)
    assert response.status_code == 302
    draft_url = response["Location"]
    assert "0.35%" in client.get(draft_url).content.decode()

    response = client.post(draft_url + "freeze/")
    assert response.status_code == 302
    version_page = client.get(response["Location"])
    assert h1(version_page) == "Version 1"
    version_id = int(response["Location"].rstrip("/").split("/")[-1])

    client.force_login(dorset_clerk)
    response = client.post(
        f"/governance/versions/{version_id}/decision/",
        {
            "outcome": "approved",
            "decision_maker": "Cabinet",
            "decided_on-day": "1",
            "decided_on-month": "1",
            "decided_on-year": "2099",
        },
    )
    assert response.status_code == 200  # a date in the future is refused, and what was typed is kept
    soup = BeautifulSoup(response.content, "html.parser")
    assert "The decision date cannot be in the future" in soup.select_one(".govuk-error-summary").get_text()
    assert soup.select_one("#id_decision_maker")["value"] == "Cabinet"

    from django.utils import timezone

    today = timezone.localdate()
    response = client.post(
        f"/governance/versions/{version_id}/decision/",
        {
            "outcome": "approved",
            "decision_maker": "Cabinet",
            "decided_on-day": str(today.day),
            "decided_on-month": str(today.month),
            "decided_on-year": str(today.year),
        },
    )
    assert response.status_code == 302

    client.force_login(dorset_chief_executive)
    assert h1(client.get(f"/your-plans/versions/{version_id}/submit/")) == "Certify and submit version 1"
    form = certified_submission_data(client, PlanVersion.objects.get(pk=version_id))
    response = client.post(f"/your-plans/versions/{version_id}/submit/", form)
    assert response.status_code == 302
    again = client.post(f"/your-plans/versions/{version_id}/submit/", form)
    assert again.status_code == 302 and again["Location"] == response["Location"]
    assert Submission.objects.count() == 1
    submission = Submission.objects.get()
    assert submission.on_time is False  # the 2024 deadline has passed
    receipt = client.get(response["Location"])
    assert submission.reference in receipt.content.decode()

    client.force_login(dorset_clerk)
    response = client.post(f"/your-plans/versions/{version_id}/publish/")
    assert response.status_code == 302 and response["Location"] == "/your-plans/"  # with a success banner
    client.logout()
    public = client.get(f"/councils/{dorset.gss_code}/plans/{plan_return.slug}/")  # the published file
    assert public.status_code == 200
    assert submission.content_hash in public.content.decode()
    assert Publication.objects.get().content_hash == submission.content_hash

    status = ReturnStatus.objects.get(council=dorset)
    assert status.stage == "published"
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    for expected in [
        "DraftStarted",
        "DraftSaved",
        "VersionFrozen",
        "DecisionRecorded",
        "PlanSubmitted",
        "PlanPublished",
    ]:
        assert expected in actions
