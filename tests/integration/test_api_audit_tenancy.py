"""The audit log through the API is filtered by the same tenancy as the objects its entries describe
(api/audit.py): department staff never read a council's unpublished text in it, a council's people read only
their council's entries, and anyone else reads none."""

import io
import random
import secrets

import pytest
from django.core.management import call_command

from core.audit import record_event
from core.event_labels import labels
from meetings import services
from tests.integration.test_meetings_pack import cleared_paper

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

DORSET = "E06000059"


def bearer(username: str) -> dict:
    out = io.StringIO()
    call_command("issue_token", username, stdout=out)
    return {"HTTP_AUTHORIZATION": f"Bearer {out.getvalue().strip()}"}


def every_entry(client, headers, **filters) -> tuple[list[dict], str]:
    """Every page of the log as the caller reads it: the entries, and every byte of the answers."""
    entries, raw, page = [], "", 1
    while True:
        query = "&".join(f"{key}={value}" for key, value in {"page": page, "page_size": 500, **filters}.items())
        response = client.get(f"/api/v1/audit-events?{query}", **headers)
        assert response.status_code == 200, response.content
        raw += response.content.decode()
        body = response.json()
        entries += body["results"]
        if page >= body["pages"]:
            return entries, raw
        page += 1


@pytest.fixture
def edited_paper(dorset, dorset_clerk):
    """Dorset's committee paper, on no published agenda, corrected with new text."""
    paper = cleared_paper(dorset, dorset_clerk, "Workforce review")
    services.edit_paper(
        paper=paper, actor=dorset_clerk, body="## 1. Background\n\nWe propose closing two libraries in Bridport."
    )
    return paper


def test_a_panel_member_refused_a_councils_paper_does_not_read_its_text_in_the_audit_log(
    client, edited_paper, panel_member
):
    """Weakness: the paper's page was a 404 for the panel, but `?action=PaperEdited` gave its text before and after."""
    client.force_login(panel_member)
    assert client.get(f"/meetings/papers/{edited_paper.pk}/").status_code == 404
    client.logout()
    entries, raw = every_entry(client, bearer(panel_member.username), action="PaperEdited")
    assert len(entries) == 1, "that the paper changed, and when, is still in the log the department reads"
    assert entries[0]["data"] == {} and entries[0]["data_withheld"] is True
    assert entries[0]["event_hash"] and entries[0]["council"] == DORSET
    assert "libraries" not in raw and "A short report" not in raw and "Workforce review" not in raw


def test_the_councils_own_people_read_their_papers_changes_and_another_council_reads_none(
    client, edited_paper, dorset_author, somerset_clerk
):
    entries, raw = every_entry(client, bearer(dorset_author.username), action="PaperEdited")
    assert entries[0]["data_withheld"] is False
    assert "closing two libraries" in entries[0]["data"]["changes"]["body"]["after"]
    theirs, raw = every_entry(client, bearer(somerset_clerk.username))
    assert all(entry["council"] == "E06000066" for entry in theirs)
    assert "libraries" not in raw and DORSET not in raw
    assert every_entry(client, bearer(somerset_clerk.username), council=DORSET)[0] == []


def test_someone_with_a_token_who_works_for_no_council_and_is_not_department_staff_reads_nothing(
    client, edited_paper, make_person
):
    nobody = make_person("resident-with-token")
    assert every_entry(client, bearer(nobody.username))[0] == []
    assert client.get("/api/v1/audit-events").status_code == 401
    assert client.get("/api/v1/audit-events/verification", **bearer(nobody.username)).status_code == 404


def test_every_kind_of_event_about_a_councils_unpublished_work_hides_its_words_from_the_department(
    client, walked_plan, dorset_clerk, edited_paper, analyst, panel_member, somerset_clerk, dorset_author
):
    """Randomised over the event types: each kind of event the service writes is recorded about one of Dorset's
    unpublished objects (chosen at random), with words no one outside Dorset may read. The department's people
    and another council's see none of the words; Dorset's people see every one."""
    from governance.models import DecisionReport
    from plans.models import Draft, PlanVersion

    unpublished_version = PlanVersion.objects.filter(council__gss_code=DORSET, publication__isnull=True).last()
    committee = services.create_committee(
        council=walked_plan.council, name="Scrutiny", kind="scrutiny", actor=dorset_clerk
    )
    subjects = [
        Draft.objects.get(council__gss_code=DORSET),
        unpublished_version,
        edited_paper,
        committee,
        *DecisionReport.objects.filter(council__gss_code=DORSET),
    ]
    rng = random.Random(
        random.getrandbits(32)
    )  # pytest-randomly seeds `random`: a failure repeats with -p randomly.seed
    secrets_written = {}
    for action in rng.sample(sorted(labels()), k=len(labels())):
        subject = rng.choice(subjects)
        words = f"unpublished-{secrets.token_hex(6)}"
        secrets_written[words] = (action, subject._meta.label)
        record_event(action=action, actor=dorset_clerk, subject=subject, council_code=DORSET, data={"text": words})
    for outsider in (analyst, panel_member, somerset_clerk):
        _, raw = every_entry(client, bearer(outsider.username))
        leaked = {words: where for words, where in secrets_written.items() if words in raw}
        assert leaked == {}, f"{outsider.username} read {leaked}"
    _, raw = every_entry(client, bearer(dorset_author.username))
    assert all(words in raw for words in secrets_written)
