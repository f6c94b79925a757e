"""The kind of an imported document: read on import and shown at the preview with its reason, corrected by
analysts (audited, before and after) but not by the panel, and the explorer and panel summary counting plans
only unless asked to include every kind."""

import pytest

from analysis.explorer import selectors as explorer
from analysis.models import Document
from analysis.summaries import services as summary
from core.models import AuditEvent
from plans.selectors import barrier_categories
from tests.integration.pages import h1, soup, text_of
from tests.integration.test_analysis_import import upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

RETURN = "productivity-plan-2024"

FIRE_PLAN = """NORTHSHIRE FIRE AND RESCUE SERVICE
Productivity and efficiency plan 2024
The fire and rescue authority has cut the cost of on-call cover by sharing stations with the ambulance service.
We have moved our mobilising system to a digital platform shared with two other fire and rescue services.
The fire and rescue authority will keep its reserves under review and report to the fire authority each year.
"""


def test_the_preview_shows_the_kind_with_its_reason_and_a_correction_is_kept_and_audited(client, analyst):
    client.force_login(analyst)
    preview = upload(client, "northshire-fire.txt", FIRE_PLAN.encode())
    assert h1(preview) == "Check the plan document"
    kind_row = text_of(soup(preview).select_one("#document-kind"))
    assert "Another regime's plan" in kind_row and "fire and rescue service" in kind_row
    assert soup(preview).select_one("input[name=kind][value=other_regime]").has_attr("checked")
    token = soup(preview).select_one("input[name=token]")["value"]

    client.post("/analysis/import/confirm/", {"token": token, "action": "confirm", "kind": "unrelated"})
    document = Document.objects.get()
    assert (document.kind, document.kind_source, document.kind_set_by) == ("unrelated", "person", analyst)
    event = AuditEvent.objects.get(action="DocumentKindCorrected")
    assert event.data["before"]["kind"] == "other_regime" and event.data["after"]["kind"] == "unrelated"
    assert event.data["at_import"] is True


def test_confirming_the_kind_the_text_reads_as_records_it_as_the_machines(client, analyst):
    client.force_login(analyst)
    token = soup(upload(client, "fire.txt", FIRE_PLAN.encode())).select_one("input[name=token]")["value"]
    client.post("/analysis/import/confirm/", {"token": token, "action": "confirm", "kind": "other_regime"})
    document = Document.objects.get()
    assert (document.kind, document.kind_source) == ("other_regime", "machine")
    assert "fire and rescue" in document.kind_reason
    assert not AuditEvent.objects.filter(action="DocumentKindCorrected").exists()


@pytest.mark.parametrize(
    ("persona", "status"), [("analyst", 302), ("panel_member", 403), ("dorset_author", 404), (None, 302)]
)
def test_only_analysts_correct_a_documents_kind(client, request, explorer_corpus, persona, status):
    document = explorer_corpus.documents["kent"]
    if persona:
        client.force_login(request.getfixturevalue(persona))
    response = client.post(f"/analysis/documents/{document.pk}/kind/", {"kind": "report"})
    assert response.status_code == status
    document.refresh_from_db()
    corrected = persona == "analyst"
    assert document.kind == ("report" if corrected else "plan")
    assert AuditEvent.objects.filter(action="DocumentKindCorrected").count() == (1 if corrected else 0)
    if persona is None:
        assert "/sign-in" in response["Location"] or "login" in response["Location"]


def test_the_document_page_shows_who_corrected_the_kind_and_refuses_an_unknown_kind(client, analyst, explorer_corpus):
    document = explorer_corpus.documents["kent"]
    client.force_login(analyst)
    assert client.post(f"/analysis/documents/{document.pk}/kind/", {"kind": "poem"}).status_code == 400
    client.post(f"/analysis/documents/{document.pk}/kind/", {"kind": "publication"})
    page = client.get(f"/analysis/documents/{document.pk}/")
    row = text_of(soup(page).select_one("#document-kind"))
    assert "Publication or news page about a plan" in row and "Set by" in row
    event = AuditEvent.objects.get(action="DocumentKindCorrected")
    assert (event.data["before"]["kind"], event.data["after"]["kind"]) == ("plan", "publication")


def test_the_explorer_and_panel_summary_count_plans_only_unless_asked(explorer_corpus, analyst):
    from analysis.services import correct_document_kind

    correct_document_kind(document=explorer_corpus.documents["kent"], kind="report", actor=analyst)
    plans = explorer.Filters(explorer_corpus.return_definition)
    every = explorer.Filters(explorer_corpus.return_definition, every_kind=True)
    assert explorer.scope(plans).councils == 2 and explorer.scope(every).councils == 3
    funding = {row.key: row for row in explorer.barrier_counts(plans, barrier_categories())}["funding-certainty"]
    assert (funding.councils, funding.passages) == (1, 2)
    behind = explorer.evidence_tags(plans, explorer.Question(barrier="funding-certainty"))
    assert {tag.document_id for tag in behind} == {explorer_corpus.documents["dorset"].pk}
    assert explorer.compare_figures(plans, "agency_share_of_staff_budget").overall.count == 2
    assert explorer.compare_figures(every, "agency_share_of_staff_budget").overall.count == 3
    themes = list(explorer_corpus.return_definition.themes.order_by("number"))
    found = summary.panel_summary(plans, themes=themes, categories=barrier_categories())
    cited = {c.gss_code for s in found.themes + found.barriers for c in s.cited}
    assert "E10000016" not in cited
    csv_text = summary.summary_csv(found)
    assert "Kent" not in csv_text
    assert "Kent" in summary.summary_csv(summary.panel_summary(every, themes=themes, categories=barrier_categories()))


def test_the_explorer_pages_offer_the_filter_and_keep_it_in_their_links(client, analyst, explorer_corpus):
    from analysis.services import correct_document_kind

    correct_document_kind(document=explorer_corpus.documents["kent"], kind="report", actor=analyst)
    client.force_login(analyst)
    plans_only = soup(client.get(f"/analysis/explorer/barriers/?return={RETURN}"))
    assert plans_only.select_one("select[name=kinds]") is not None
    every = client.get(f"/analysis/explorer/barriers/?return={RETURN}&kinds=all")
    assert "every kind of document" in text_of(soup(every).select_one(".govuk-caption-l"))
    links = [a["href"] for a in soup(every).select("a[href*='/analysis/explorer/passages/']")]
    assert links and all("kinds=all" in href for href in links)
    passages = client.get(f"/analysis/explorer/passages/?return={RETURN}&barrier=funding-certainty")
    assert "Kent" not in text_of(soup(passages).select_one("main"))
    passages = client.get(f"/analysis/explorer/passages/?return={RETURN}&barrier=funding-certainty&kinds=all")
    assert "Kent" in text_of(soup(passages).select_one("main"))
    csv_plans = client.get(f"/analysis/explorer/summary.csv?return={RETURN}").content.decode()
    csv_every = client.get(f"/analysis/explorer/summary.csv?return={RETURN}&kinds=all").content.decode()
    assert "Kent" not in csv_plans and "Kent" in csv_every
