"""A plan as a PDF (WeasyPrint, stored per content hash) and the guidance checks page.

Renders are written to a temporary MEDIA_ROOT per test; the render task runs through the
immediate backend set in tests/conftest.py.
"""

import json
from decimal import Decimal

import pypdfium2
import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from core.hashing import content_hash
from plans import rendering
from plans.checks import FAIL, PASS, run_checks
from plans.models import BarrierCategory
from plans.services import add_barrier, plan_content, save_draft, save_spend_evidence
from plans.tasks import render_plan_pdf
from tests.integration.pages import h1, soup, text_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

PARAGRAPH = (
    "We brought the customer contact teams of the former district councils together into one service, "
    "answering most calls at the first point of contact and moving routine requests online, which saved "
    "money each year and let staff spend their time on the residents who need most help. "
)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def dorset_draft(written_draft, dorset_author):
    """Dorset's draft with its theme 3 figures (0.35% agency, 0.96% consultants) and one barrier."""
    save_spend_evidence(
        draft=written_draft,
        year="2023/24",
        staff_budget=Decimal("100000000"),
        agency_spend=Decimal("350000"),
        consultant_spend=Decimal("960000"),
        edi_statement="Staff EDI training is limited to what the Public Sector Equality Duty requires.",
        actor=dorset_author,
    )
    add_barrier(
        draft=written_draft,
        category=BarrierCategory.objects.get(slug="funding-certainty"),
        description="One-year settlements stop us planning.",
        ask="Multi-year settlements.",
        actor=dorset_author,
    )
    written_draft.refresh_from_db()
    return written_draft


def pdf_pages(pdf: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        pages = []
        for page in document:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return pages
    finally:
        document.close()


def pdf_title(pdf: bytes) -> str:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return document.get_metadata_dict().get("Title", "")
    finally:
        document.close()


def pdf_bookmarks(pdf: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [bookmark.get_title() for bookmark in document.get_toc()]
    finally:
        document.close()


def statuses(response) -> dict[str, str]:
    page = soup(response)
    return {
        item["id"].removeprefix("check-"): text_of(item.select_one(".govuk-tag"))
        for item in page.select(".govuk-task-list__item")
    }


def test_a_rendered_plan_is_a_pdf_with_the_plan_in_it(dorset_draft):
    content = plan_content(dorset_draft)
    rendered = rendering.render_plan(content)
    assert rendered.pdf.startswith(b"%PDF")
    pages = pdf_pages(rendered.pdf)
    assert len(pages) == rendered.page_count >= 1
    text = " ".join(" ".join(pages).split())
    assert "Dorset" in text and "Productivity plan 2024" in text
    assert "Theme 3: Reducing wasteful spend" in text and "0.96%" in text and "0.35%" in text
    assert "Multi-year settlements." in text
    assert f"Page 1 of {rendered.page_count}" in text
    assert pdf_title(rendered.pdf) == "Dorset: Productivity plan 2024"
    assert "Theme 1: Transformation of services to make better use of resources" in pdf_bookmarks(rendered.pdf)


def test_the_same_content_is_rendered_once_and_read_back_from_storage(dorset_draft, monkeypatch):
    content = plan_content(dorset_draft)
    first = rendering.render_plan(content)
    digest = content_hash(content)
    assert default_storage.exists(f"plan-renders/{digest}.pdf")
    with default_storage.open(f"plan-renders/{digest}.json") as handle:
        meta = json.loads(handle.read())
    assert meta["page_count"] == first.page_count and meta["rendered_at"]

    def must_not_render(*args, **kwargs):
        raise AssertionError("rendered again")

    monkeypatch.setattr(rendering, "render_pdf", must_not_render)
    again = rendering.render_plan(content)
    assert again.pdf == first.pdf and again.page_count == first.page_count
    assert rendering.cached_render(digest) == (first.pdf, first.page_count)
    assert rendering.cached_render("0" * 64) is None


def test_a_long_plan_shows_its_real_page_count_and_fails_the_page_limit(client, dorset_draft, dorset_author):
    long_text = "\n\n".join([PARAGRAPH * 4] * 8)  # about 2,100 words a theme
    bodies = {n: long_text for n in range(1, 5)}
    draft = save_draft(draft=dorset_draft, bodies=bodies, based_on_revision=dorset_draft.revision, actor=dorset_author)
    client.force_login(dorset_author)
    before = statuses(client.get(reverse("submissions:draft_checks", args=[draft.pk])))
    assert before["page-limit"] == "Advice"

    response = client.post(reverse("plans:render_pdf", args=[draft.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("plans:render_progress", args=[draft.pk])

    pdf = client.get(reverse("plans:draft_pdf", args=[draft.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    pages = len(pdf_pages(b"".join(pdf)))
    assert pages > 4

    checks = client.get(reverse("submissions:draft_checks", args=[draft.pk]))
    assert statuses(checks)["page-limit"] == "Needs attention"
    assert f"The plan is {pages} pages; the guidance suggests no more than 4" in text_of(soup(checks))


def test_dorsets_figures_meet_the_consultant_agency_and_edi_checks(client, dorset_draft, dorset_author):
    client.force_login(dorset_author)
    found = statuses(client.get(reverse("submissions:draft_checks", args=[dorset_draft.pk])))
    assert found["consultants"] == found["agency"] == found["edi"] == "Done"
    assert found["barriers"] == "Done"
    assert found["endorsement"] == "Advice"
    assert set(found) >= {"theme-1", "theme-2", "theme-3", "theme-4", "page-limit", "deadline"}

    checks = {
        c.id: c
        for c in run_checks(
            plan_content(dorset_draft),
            rendering.return_values(dorset_draft.return_definition),
            None,
            dorset_draft.return_definition.deadline,
            False,
        )
    }
    assert checks["consultants"].status == PASS and "0.96%" in checks["consultants"].message
    assert checks["agency"].status == PASS and "0.35%" in checks["agency"].message
    # The shared test text is short: every theme is under the 40 words the guidance check asks for.
    assert checks["theme-1"].status == FAIL


def test_endorsing_the_text_meets_the_endorsement_check(client, endorsed_version, dorset_author):
    client.force_login(dorset_author)
    found = statuses(client.get(reverse("submissions:draft_checks", args=[endorsed_version.draft_id])))
    assert found["endorsement"] == "Done"


def test_the_render_task_stores_the_pdf_and_reports_progress(client, dorset_draft, dorset_author):
    client.force_login(dorset_author)
    waiting = client.get(reverse("plans:draft_pdf", args=[dorset_draft.pk]))
    assert waiting.status_code == 200 and h1(waiting) == "The PDF has not been made yet"
    assert rendering.read_progress(dorset_draft.pk) is None  # a GET queues nothing

    result = render_plan_pdf.enqueue(draft_id=dorset_draft.pk)
    digest = content_hash(plan_content(dorset_draft))
    assert result.return_value["content_hash"] == digest
    assert rendering.read_progress(dorset_draft.pk) == {
        "state": "done",
        "content_hash": digest,
        "page_count": result.return_value["page_count"],
        "message": "",
    }
    progress = client.get(reverse("plans:render_progress", args=[dorset_draft.pk]))
    assert h1(progress) == "The PDF is ready"
    assert reverse("plans:draft_pdf", args=[dorset_draft.pk]) in progress.content.decode()
    assert b'http-equiv="refresh"' not in progress.content


def test_the_progress_page_refreshes_itself_while_the_pdf_is_made(client, dorset_draft, dorset_author):
    digest = content_hash(plan_content(dorset_draft))
    rendering.write_progress(dorset_draft.pk, state="rendering", digest=digest)
    client.force_login(dorset_author)
    response = client.get(reverse("plans:render_progress", args=[dorset_draft.pk]))
    assert h1(response) == "The PDF is being prepared"
    refresh = soup(response).select_one('meta[http-equiv="refresh"]')
    assert refresh is not None and refresh["content"] == "2"


def test_a_frozen_version_is_rendered_on_request(client, frozen_version, dorset_author):
    client.force_login(dorset_author)
    response = client.get(reverse("plans:version_pdf", args=[frozen_version.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    body = b"".join(response)
    assert body.startswith(b"%PDF")
    assert rendering.cached_render(f"{frozen_version.content_hash}-v{frozen_version.number}")[0] == body


def test_another_council_gets_404_and_nothing_is_rendered(client, dorset_draft, frozen_version, somerset_author):
    client.force_login(somerset_author)
    for name in ("plans:draft_pdf", "plans:render_progress", "submissions:draft_checks"):
        assert client.get(reverse(name, args=[dorset_draft.pk])).status_code == 404, name
    assert client.post(reverse("plans:render_pdf", args=[dorset_draft.pk])).status_code == 404
    assert client.get(reverse("plans:version_pdf", args=[frozen_version.pk])).status_code == 404
    assert rendering.read_progress(dorset_draft.pk) is None
    assert not default_storage.exists("plan-renders")
