"""Tenancy: Dorset's people cannot read or change anything of Somerset's, and cannot tell it exists.

Somerset has a written draft, version 1 endorsed and submitted, version 2 endorsed (so a submit,
decision or publish would succeed if the tenancy check let it through).
"""

import re

import pytest

from core.models import AuditEvent
from governance.models import Decision
from plans.models import PlanVersion
from submissions.models import Publication, Submission
from tests.integration.pages import h1
from tests.integration.state import describe_change, snapshot

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def somerset_picture(plan) -> dict:
    """What Somerset has: its draft's text and revision, its versions, and the audit log's length."""
    draft = plan.draft.__class__.objects.get(pk=plan.draft.pk)
    return {
        "text": {s.theme.number: s.body for s in draft.sections.select_related("theme")},
        "revision": draft.revision,
        "updated_by": draft.updated_by_id,
        "versions": list(PlanVersion.objects.filter(council=plan.council).values_list("pk", "content_hash")),
        "decisions": Decision.objects.filter(version__council=plan.council).count(),
        "submissions": Submission.objects.filter(council=plan.council).count(),
        "publications": Publication.objects.filter(council=plan.council).count(),
        "audit_events": AuditEvent.objects.count(),
    }


def assert_hidden(response, plan, what: str):
    assert response.status_code == 404, f"{what}: {response.status_code}"
    body = response.content.decode()
    assert h1(response) == "Page not found", what
    for text in plan.text.values():
        assert text not in body, f"{what}: the 404 page shows Somerset's draft text"
    assert "SOMERSET-SECRET" not in body, f"{what}: the 404 page shows Somerset's draft text"
    assert plan.submitted.content_hash not in body and plan.endorsed.content_hash not in body, what


def test_a_dorset_author_cannot_read_somersets_draft_or_versions(client, somerset_plan, dorset_author):
    """GET Somerset's draft, its edit form and both versions as a Dorset plan author: 404, no text leaks."""
    before = somerset_picture(somerset_plan)
    client.force_login(dorset_author)
    for url in [
        f"/plans/drafts/{somerset_plan.draft.pk}/",
        f"/plans/drafts/{somerset_plan.draft.pk}/edit/",
        f"/plans/versions/{somerset_plan.submitted.pk}/",
        f"/plans/versions/{somerset_plan.endorsed.pk}/",
        f"/receipts/{somerset_plan.submission.pk}/",
    ]:
        assert_hidden(client.get(url), somerset_plan, f"GET {url}")
    assert somerset_picture(somerset_plan) == before


def test_a_dorset_author_cannot_overwrite_somersets_draft(client, somerset_plan, dorset_author):
    """POST new text for every theme to Somerset's edit URL, with Somerset's current revision: 404, and
    Somerset's text, revision, versions and the audit log are untouched."""
    before = somerset_picture(somerset_plan)
    client.force_login(dorset_author)
    form = {
        "revision": str(somerset_plan.draft.revision),
        **{f"theme_{n}": f"Dorset was here, theme {n}." for n in range(1, 5)},
    }
    response = client.post(f"/plans/drafts/{somerset_plan.draft.pk}/edit/", form)
    assert_hidden(response, somerset_plan, "POST edit")
    assert "Dorset was here" not in response.content.decode()
    assert somerset_picture(somerset_plan) == before


def test_a_dorset_author_cannot_freeze_somersets_draft(client, somerset_plan, dorset_author):
    """Somerset's draft has changed since version 2, so a freeze would make version 3: as a Dorset
    author it is 404 and no version is made."""
    from plans.services import save_draft

    save_draft(
        draft=somerset_plan.draft,
        bodies={2: somerset_plan.text[2] + " More."},
        based_on_revision=somerset_plan.draft.revision,
        actor=somerset_plan.draft.created_by,
    )
    before = somerset_picture(somerset_plan)
    client.force_login(dorset_author)
    assert_hidden(client.post(f"/plans/drafts/{somerset_plan.draft.pk}/freeze/"), somerset_plan, "POST freeze")
    assert somerset_picture(somerset_plan) == before


@pytest.mark.parametrize("persona", ["dorset_author", "dorset_director", "dorset_clerk"])
def test_dorset_people_cannot_submit_decide_or_publish_for_somerset(client, request, somerset_plan, persona):
    """Somerset's version 2 is endorsed and version 1 submitted. A Dorset author, a Dorset executive
    director (who may submit for Dorset) and Dorset democratic services (who may decide and publish
    for Dorset) try each step on Somerset's versions, by GET and POST: all 404, nothing changes."""
    from django.utils import timezone

    today = timezone.localdate()
    decision = {
        "outcome": "approved",
        "decision_maker": "Dorset Cabinet",
        "decided_on-day": today.day,
        "decided_on-month": today.month,
        "decided_on-year": today.year,
    }
    client.force_login(request.getfixturevalue(persona))
    before, picture = snapshot(), somerset_picture(somerset_plan)
    for url, data in [
        (f"/your-plans/versions/{somerset_plan.endorsed.pk}/submit/", {}),
        (f"/your-plans/versions/{somerset_plan.submitted.pk}/publish/", {}),
        (f"/governance/versions/{somerset_plan.submitted.pk}/decision/", {**decision, "outcome": "deferred"}),
        (f"/governance/versions/{somerset_plan.endorsed.pk}/decision/", decision),
    ]:
        assert_hidden(client.get(url), somerset_plan, f"{persona} GET {url}")
        assert_hidden(client.post(url, data), somerset_plan, f"{persona} POST {url}")
    assert somerset_picture(somerset_plan) == picture
    after = snapshot()
    assert before == after, describe_change(before, after)


def test_dorsets_workspace_shows_nothing_of_somerset(client, somerset_plan, walked_plan, dorset_author):
    """Dorset's own plans page lists Dorset's draft and versions only."""
    client.force_login(dorset_author)
    body = client.get("/your-plans/").content.decode()
    assert f"/plans/drafts/{walked_plan.draft.pk}/" in body
    assert f"/plans/drafts/{somerset_plan.draft.pk}/" not in body
    for version in (somerset_plan.submitted, somerset_plan.endorsed):
        assert f"/plans/versions/{version.pk}/" not in body
        assert version.short_hash not in body
    assert somerset_plan.submission.reference not in body


def test_a_404_for_another_councils_draft_looks_the_same_as_for_no_draft(client, somerset_plan, dorset_author):
    """Asking for Somerset's draft and for a draft id that does not exist give the same page, so the
    answer does not reveal which ids belong to other councils."""
    client.force_login(dorset_author)
    theirs = client.get(f"/plans/drafts/{somerset_plan.draft.pk}/")
    missing = client.get("/plans/drafts/987654/")
    assert theirs.status_code == missing.status_code == 404
    assert without_csrf_token(theirs) == without_csrf_token(missing)


def without_csrf_token(response) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())
