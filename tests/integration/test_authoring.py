"""Drafting beyond the text: introduction, spend evidence, barriers and commitments, safe formatting."""

import pytest
from bs4 import BeautifulSoup

from core.models import AuditEvent
from plans.models import Barrier, Commitment, Draft, SpendEvidence

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_spend_figures_become_shares_of_the_staff_budget_in_theme_three(client, written_draft, dorset_author):
    client.force_login(dorset_author)
    url = f"/plans/drafts/{written_draft.pk}/spend/"
    response = client.post(
        url,
        {
            "year": "2023/24",
            "staff_budget": "£180,000,000",
            "agency_spend": "630,000",
            "consultant_spend": "1728000",
            "edi_statement": "Limited to the Public Sector Equality Duty.",
        },
    )
    assert response.status_code == 302
    page = soup(client.get(f"/plans/drafts/{written_draft.pk}/"))
    table = next(t for t in page.select("table") if "agency" in t.caption.get_text().lower())
    rows = {
        row.th.get_text(strip=True): [td.get_text(strip=True) for td in row.select("td")]
        for row in table.tbody.select("tr")
    }
    assert rows["Agency workers"] == ["£630,000", "0.35%"]
    assert rows["Consultants"] == ["£1,728,000", "0.96%"]
    assert rows["Total staff budget"][0] == "£180,000,000"


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("agency_spend", "-5", "The spend on agency workers must be 0 or more"),
        ("consultant_spend", "lots", "The spend on consultants must be a number of pounds"),
        ("staff_budget", "0", "The total staff budget must be more than 0"),
        ("year", "2023", "Enter the financial year like 2023/24"),
        ("year", "2023/25", "two years in a row"),
    ],
)
def test_bad_spend_figures_are_refused_at_the_field_and_nothing_is_saved(
    client, written_draft, dorset_author, field, typed, message
):
    client.force_login(dorset_author)
    data = {"year": "2023/24", "staff_budget": "1000", "agency_spend": "10", "consultant_spend": "10", field: typed}
    response = client.post(f"/plans/drafts/{written_draft.pk}/spend/", data)
    assert response.status_code == 200
    page = soup(response)
    assert message in page.select_one(".govuk-error-summary").get_text()
    assert page.select_one(f"#id_{field}")["value"] == typed
    assert not SpendEvidence.objects.exists()


def test_a_barrier_is_added_with_its_ask_and_shown_in_theme_four(client, written_draft, dorset_author):
    client.force_login(dorset_author)
    url = f"/plans/drafts/{written_draft.pk}/barriers/add/"
    empty = client.post(url, {})
    assert "Select the kind of barrier" in soup(empty).select_one(".govuk-error-summary").get_text()
    assert not Barrier.objects.exists()
    response = client.post(
        url, {"category": "funding-certainty", "description": "One-year deals.", "ask": "Three-year deals."}
    )
    assert response.status_code == 302
    page = client.get(f"/plans/drafts/{written_draft.pk}/").content.decode()
    assert "Funding certainty" in page and "Three-year deals." in page
    barrier = Barrier.objects.get()
    client.post(f"/plans/drafts/{written_draft.pk}/barriers/{barrier.pk}/remove/")
    assert not Barrier.objects.exists()
    assert "BarrierRemoved" in AuditEvent.objects.values_list("action", flat=True)


def test_a_commitment_needs_a_real_due_date_and_is_shown_as_a_table(client, written_draft, dorset_author):
    client.force_login(dorset_author)
    url = f"/plans/drafts/{written_draft.pk}/commitments/add/"
    data = {
        "action": "Close two depots",
        "owner": "Director of Place",
        "measure": "Depots open",
        "baseline": "5",
        "target": "3",
        "due_on-day": "31",
        "due_on-month": "2",
        "due_on-year": "2025",
    }
    refused = client.post(url, data)
    assert "The due date must be a real date" in soup(refused).select_one(".govuk-error-summary").get_text()
    assert not Commitment.objects.exists()
    data["due_on-day"] = "28"
    assert client.post(url, data).status_code == 302
    page = soup(client.get(f"/plans/drafts/{written_draft.pk}/"))
    table = next(t for t in page.select("table") if "measure" in t.caption.get_text())
    assert "Close two depots" in table.get_text() and "28 February 2025" in table.get_text()


def test_markup_typed_into_the_plan_is_shown_as_text_and_markdown_is_formatted(client, written_draft, dorset_author):
    client.force_login(dorset_author)
    response = client.post(
        f"/plans/drafts/{written_draft.pk}/edit/",
        {
            "revision": written_draft.revision,
            "introduction": "## Our county\n\n- 380,000 residents\n- £400m budget",
            "theme_1": "<script>alert('x')</script> and <img src=x onerror=alert(1)>",
            "theme_2": "Text",
            "theme_3": "Text",
            "theme_4": "Text",
        },
    )
    assert response.status_code == 302
    page = client.get(f"/plans/drafts/{written_draft.pk}/")
    html = page.content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert" in html
    main = soup(page).select_one("main")
    assert main.find("h3", string="Our county") is not None
    assert [li.get_text() for li in main.select("ul.govuk-list--bullet li")][:2] == [
        "380,000 residents",
        "£400m budget",
    ]


def test_a_draft_over_the_size_limit_is_refused_and_nothing_is_saved(client, written_draft, dorset_author):
    client.force_login(dorset_author)
    before = Draft.objects.get(pk=written_draft.pk)
    response = client.post(
        f"/plans/drafts/{written_draft.pk}/edit/",
        {"revision": written_draft.revision, "theme_1": "x" * 210_000, "theme_2": "a", "theme_3": "b", "theme_4": "c"},
    )
    assert response.status_code == 200
    assert "The plan is too long to save" in soup(response).select_one(".govuk-error-summary").get_text()
    after = Draft.objects.get(pk=written_draft.pk)
    assert after.revision == before.revision
    assert after.sections.get(theme__number=1).body == before.sections.get(theme__number=1).body


def test_another_councils_author_cannot_add_evidence_barriers_or_commitments(client, written_draft, somerset_author):
    client.force_login(somerset_author)
    for path in ("spend/", "barriers/add/", "commitments/add/"):
        assert client.get(f"/plans/drafts/{written_draft.pk}/{path}").status_code == 404
        assert (
            client.post(f"/plans/drafts/{written_draft.pk}/{path}", {"category": "funding-certainty"}).status_code
            == 404
        )
    assert not (SpendEvidence.objects.exists() or Barrier.objects.exists() or Commitment.objects.exists())
