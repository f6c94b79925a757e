"""The panel summary as a page, a PDF and a CSV: every statement cites the councils (alphabetical)
and passages behind it, figures are distributions, nothing orders councils by a figure, and every
export carries the note on responsible use."""

import csv
import io

import pypdfium2
import pytest

from analysis.explorer import selectors as explorer
from analysis.summaries import services as summary
from councils.models import AuthorityType
from tests.integration.pages import soup, text_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

RETURN = "productivity-plan-2024"
NOTE_START = "Responsible use: these figures describe what councils' productivity plans say"


@pytest.fixture
def signed_in_panel(client, panel_member):
    client.force_login(panel_member)
    return client


def pdf_text(data: bytes) -> tuple[int, str]:
    document = pypdfium2.PdfDocument(data)
    try:
        pages = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()
    # pdfium reports a hyphen that falls at the end of a line as U+FFFE.
    return len(pages), " ".join(" ".join(p.replace("\r\n", "\n").replace("\ufffe", "-").split()) for p in pages)


def test_the_summary_page_cites_councils_alphabetically_with_their_passages(signed_in_panel, explorer_corpus):
    response = signed_in_panel.get(f"/analysis/explorer/summary/?return={RETURN}")
    assert response.status_code == 200
    page = soup(response)
    funding = page.select_one("#barriers-funding-certainty")
    assert text_of(funding.select_one(".app-statement__claim")).startswith(
        "2 councils name this barrier, in 3 passages"
    )
    cited = [text_of(li.strong) for li in funding.select("li")]
    assert cited == ["Dorset", "Kent"]
    dorset = text_of(funding.select("li")[0])
    assert "Dorset productivity plan: page 1, passage 1" in dorset and "page 3, passage 3" in dorset
    assert "multi-year settlements" in dorset
    links = [a["href"] for a in funding.select("li a")]
    assert links[0] == f"/analysis/review/passages/{explorer_corpus.passages['dorset1'].pk}/"
    theme_three = page.select_one("#themes-3")
    assert [text_of(li.strong) for li in theme_three.select("li")] == ["Cheltenham", "Dorset"]
    assert "Workforce recruitment and retention" in text_of(page.select_one("#barriers-workforce"))
    assert "No council's plan in this view names this barrier." in text_of(page.select_one("#barriers-workforce"))
    assert text_of(page.select_one("#responsible-use")).startswith("Using these figures responsibly " + NOTE_START)


def test_the_summary_pdf_has_pages_cites_passages_and_carries_the_note(signed_in_panel, explorer_corpus):
    response = signed_in_panel.get(f"/analysis/explorer/summary.pdf?return={RETURN}")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pages, text = pdf_text(response.content)
    assert pages >= 1
    assert "Page 1 of" in text
    assert NOTE_START in text
    assert "2 councils name this barrier, in 3 passages" in text
    assert "Dorset (E06000059): p. 1 ¶1 “multi-year settlements”, p. 3 ¶3" in text
    assert "Kent (E10000016): p. 2 ¶2 “three-year settlements”" in text
    assert text.index("Dorset (E06000059): p. 1 ¶1") < text.index("Kent (E10000016): p. 2 ¶2")
    assert "Camden" not in text  # only an older document: never counted, never cited


def test_the_summary_csv_starts_with_its_header_cites_every_passage_and_ends_with_the_note(
    signed_in_panel, explorer_corpus
):
    response = signed_in_panel.get(f"/analysis/explorer/summary.csv?return={RETURN}&region=South+West")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == summary.CSV_COLUMNS
    assert rows[0][:3] == ["section", "item", "label"] and "council_type" in rows[0]
    assert all(len(row) == len(rows[0]) for row in rows), "one table: every row has every column"
    body = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    barriers = [row for row in body if row["section"] == "barrier"]
    send = [row for row in barriers if row["item"] == "send-high-needs"]
    assert send[0]["councils"] == "2"  # Dorset and Cheltenham: both South West
    assert [row["council"] for row in send[1:]] == ["Cheltenham", "Dorset"]
    assert {row["council_type"] for row in send[1:]} <= {"County council", "Unitary authority", "District council"}
    assert "Unitary authority" in {row["council_type"] for row in send[1:]}  # Dorset, in the register's words
    funding = [row for row in barriers if row["item"] == "funding-certainty"]
    assert funding[0]["councils"] == "1"  # Kent is South East: the region filter applies to exports too
    assert [row["passage_id"] for row in funding[1:]] == [
        str(explorer_corpus.passages["dorset1"].pk),
        str(explorer_corpus.passages["dorset3"].pk),
    ]
    figures = [row for row in body if row["section"] == "figure"]
    assert figures and figures[0]["group"] == "All councils"
    assert {row["group"] for row in figures} - {"All councils"} <= {label for _, label in AuthorityType.choices}
    # The note on responsible use and the other facts about the summary come after the data.
    about = {row["item"]: row["label"] for row in body if row["section"] == "about"}
    assert about["note_on_responsible_use"].startswith(NOTE_START)
    assert about["scope"].endswith(", South West")
    assert [row["section"] for row in body][-len(about) :] == ["about"] * len(about)


def test_the_summary_names_council_types_in_sentence_case(signed_in_panel, explorer_corpus):
    """As the register writes them ("County council", "Unitary authority"), never lowered or capitalised."""
    page = soup(signed_in_panel.get(f"/analysis/explorer/summary/?return={RETURN}"))
    claim = text_of(page.select_one("#barriers-funding-certainty .app-statement__claim"))
    assert claim == (
        "2 councils name this barrier, in 3 passages: County council 1, District council 0, Unitary authority 1."
    )
    assert [text_of(th) for th in page.select("section[aria-labelledby=summary-scope] th")] == [
        "County council",
        "District council",
        "Unitary authority",
    ]
    _, text = pdf_text(signed_in_panel.get(f"/analysis/explorer/summary.pdf?return={RETURN}").content)
    assert "in 3 passages: County council 1, District council 0, Unitary authority 1." in text


def test_a_csv_cell_that_would_be_a_spreadsheet_formula_is_made_text(signed_in_panel, explorer_corpus):
    from analysis.models import PassageBarrier

    PassageBarrier.objects.filter(passage=explorer_corpus.passages["kent2"]).update(ask="=HYPERLINK(1)")
    text = signed_in_panel.get(f"/analysis/explorer/summary.csv?return={RETURN}").content.decode()
    assert "'=HYPERLINK(1)" in text
    assert ",=HYPERLINK" not in text


def test_no_page_or_export_orders_councils_by_a_figure(signed_in_panel, explorer_corpus):
    """Agency share: Kent 2.10 > Cheltenham 1.00 > Dorset 0.35. Wherever councils are listed they are
    alphabetical, and the figure pages list none at all."""
    urls = [
        f"/analysis/explorer/passages/?return={RETURN}&figure=agency_share_of_staff_budget",
        f"/analysis/explorer/passages/?return={RETURN}&theme=3",
        f"/analysis/explorer/passages/?return={RETURN}&barrier=send-high-needs",
    ]
    for url in urls:
        page = soup(signed_in_panel.get(url))
        names = [text_of(node.h3).rsplit(" ", 1)[0] for node in page.select(".app-evidence")]
        assert names == sorted(names) and names, url
        listed = [text_of(li).rsplit(" (", 1)[0] for li in page.select("#councils-behind li")]
        assert listed == sorted(listed), url
    for url in (f"/analysis/explorer/figures/?return={RETURN}", f"/analysis/explorer/?return={RETURN}"):
        body = text_of(soup(signed_in_panel.get(url)).select_one("main"))
        assert not any(name in body for name in ("Dorset", "Kent", "Cheltenham")), url
    summary = soup(signed_in_panel.get(f"/analysis/explorer/summary/?return={RETURN}"))
    for statement in summary.select(".app-statement"):
        names = [text_of(li.strong) for li in statement.select("li")]
        assert names == sorted(names), statement.get("id")
    rows = list(
        csv.reader(io.StringIO(signed_in_panel.get(f"/analysis/explorer/summary.csv?return={RETURN}").content.decode()))
    )
    for item in {row[1] for row in rows if row and row[0] in ("theme", "barrier")}:
        names = [row[5] for row in rows if len(row) > 5 and row[1] == item and row[5]]
        assert names == sorted(names), item


def test_the_explorer_pages_and_summary_carry_the_note_on_responsible_use(signed_in_panel, explorer_corpus):
    for path in ("", "barriers/", "themes/", "figures/", "search/?q=data", "passages/?theme=1", "summary/"):
        page = soup(signed_in_panel.get(f"/analysis/explorer/{path}"))
        assert explorer.RESPONSIBLE_USE in text_of(page.select_one("#responsible-use")), path


def test_a_big_summary_is_printed_in_the_background_and_kept_until_its_content_changes(
    signed_in_panel, explorer_corpus, settings, monkeypatch
):
    """Above the print-now size, the PDF link offers to prepare the PDF; preparing it (the task runs at
    once in tests) stores it, and the same link then downloads it. A review changes the content, so the
    stored PDF no longer applies and the offer comes back."""
    from analysis.review import services as review
    from analysis.summaries import services as summary

    monkeypatch.setattr(summary, "PRINT_NOW_CITATIONS", 3)
    url = f"/analysis/explorer/summary.pdf?return={RETURN}"
    offer = signed_in_panel.get(url)
    assert offer.status_code == 200 and offer["Content-Type"].startswith("text/html")
    assert "Prepare the PDF" in text_of(soup(offer).select_one("main"))
    prepared = signed_in_panel.post(f"/analysis/explorer/summary.pdf/prepare/?return={RETURN}")
    assert prepared.status_code == 302 and prepared["Location"].endswith("waiting=1")
    download = signed_in_panel.get(prepared["Location"])
    assert download["Content-Type"] == "application/pdf"
    pages, text = pdf_text(download.content)
    assert pages >= 1 and NOTE_START in text

    passage = explorer_corpus.passages["kent2"]
    analyst = _make_analyst()
    review.review_barriers(passage=passage, category_slugs=[], token=review.state_token(passage), actor=analyst)
    again = signed_in_panel.get(url)
    assert again["Content-Type"].startswith("text/html")


def _make_analyst():
    from accounts.models import User

    return User.objects.create_user(username="second-analyst", department_role="analyst")
