"""The department's explorer on a small hand-built corpus whose tags are known (tests/conftest.py
`explorer_corpus`): counts are of distinct councils' current documents, each count leads to exactly
the passages it was made from, filters apply everywhere, nothing orders councils by a figure, and
no one outside the department sees any of it."""

from decimal import Decimal

import pytest

from analysis.explorer import selectors as explorer
from councils.models import CouncilRole
from plans.selectors import barrier_categories
from tests.integration.pages import h1, outcome, soup, text_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

RETURN = "productivity-plan-2024"


def filters_for(corpus, **extra):
    return explorer.Filters(corpus.return_definition, **extra)


def by_key(rows):
    return {row.key: row for row in rows}


# --- The counts themselves ------------------------------------------------------------------------


def test_barriers_are_counted_by_distinct_council_current_documents_only(explorer_corpus):
    """funding-certainty is tagged on three passages (two of them Dorset's) but named by two councils;
    'workforce' appears only in documents that are no longer current, so it counts zero."""
    rows = by_key(explorer.barrier_counts(filters_for(explorer_corpus), barrier_categories()))
    funding = rows["funding-certainty"]
    assert (funding.councils, funding.passages) == (2, 3)
    assert funding.by_type == {"unitary": 1, "county": 1}
    assert funding.by_region == {"South West": 1, "South East": 1}
    send = rows["send-high-needs"]
    assert (send.councils, send.by_type, send.by_region) == (2, {"unitary": 1, "district": 1}, {"South West": 2})
    assert rows["workforce"].councils == 0
    assert sum(row.councils for row in rows.values()) == 4


def test_theme_coverage_counts_councils_and_the_scope_counts_only_current_documents(explorer_corpus):
    filters = filters_for(explorer_corpus)
    rows = by_key(explorer.theme_counts(filters, explorer_corpus.return_definition.themes.order_by("number")))
    assert {key: row.councils for key, row in rows.items()} == {"1": 2, "2": 2, "3": 2, "4": 2}
    assert rows["1"].by_type == {"unitary": 1, "county": 1}
    scope = explorer.scope(filters)
    assert scope.councils == 3  # Camden has only an older document
    assert scope.by_type == {"unitary": 1, "county": 1, "district": 1}


def test_filters_narrow_every_count(explorer_corpus):
    south_west = filters_for(explorer_corpus, region="South West")
    rows = by_key(explorer.barrier_counts(south_west, barrier_categories()))
    assert rows["funding-certainty"].councils == 1  # Kent is in the South East
    assert rows["send-high-needs"].councils == 2
    districts = filters_for(explorer_corpus, authority_type="district")
    assert explorer.scope(districts).councils == 1
    comparison = explorer.compare_figures(districts, "agency_share_of_staff_budget")
    assert comparison.overall.count == 1 and comparison.overall.median == Decimal("1.00")


def test_figures_are_distributions_per_council_type(explorer_corpus):
    """Agency share: Dorset 0.35, Kent 2.10, Cheltenham 1.00; Camden's 9.00 is in an old document."""
    comparison = explorer.compare_figures(filters_for(explorer_corpus), "agency_share_of_staff_budget")
    overall = comparison.overall
    assert (overall.count, overall.minimum, overall.median, overall.maximum) == (
        3,
        Decimal("0.35"),
        Decimal("1.00"),
        Decimal("2.10"),
    )
    assert overall.lower_quartile == Decimal("0.675") and overall.upper_quartile == Decimal("1.55")
    assert [(value, found.count) for value, _, found in comparison.by_group] == [
        ("county", 1),
        ("district", 1),
        ("unitary", 1),
    ]
    assert sum(b.count for b in comparison.bins) == 3


def test_the_passages_behind_a_count_are_exactly_its_tags(explorer_corpus):
    passages = explorer_corpus.passages
    filters = filters_for(explorer_corpus)
    behind = explorer.evidence_tags(filters, explorer.Question(barrier="funding-certainty"))
    assert [tag.passage_id for tag in behind] == [passages[k].pk for k in ("dorset1", "dorset3", "kent2")]
    county = explorer.evidence_tags(filters.with_group("authority_type", "county"), explorer.Question(theme=1))
    assert [tag.passage_id for tag in county] == [passages["kent1"].pk]
    figures = explorer.evidence_tags(filters, explorer.Question(figure="agency_share_of_staff_budget"))
    assert [tag.passage_id for tag in figures] == [passages[k].pk for k in ("cheltenham2", "dorset2", "kent3")]
    in_range = explorer.evidence_tags(
        filters,
        explorer.Question(figure="agency_share_of_staff_budget", low=Decimal("0.5"), high=Decimal("1.5")),
    )
    assert [tag.passage_id for tag in in_range] == [passages["cheltenham2"].pk]


# --- The pages --------------------------------------------------------------------------------


@pytest.fixture
def signed_in_analyst(client, analyst):
    client.force_login(analyst)
    return client


def numbers_in(table) -> dict[str, list[str]]:
    return {text_of(row.th): [text_of(cell) for cell in row.select("td")] for row in table.select("tbody tr") if row.th}


def test_the_barriers_page_shows_the_split_tables_and_each_number_links_to_its_passages(
    signed_in_analyst, explorer_corpus
):
    response = signed_in_analyst.get(f"/analysis/explorer/barriers/?return={RETURN}")
    assert response.status_code == 200
    assert h1(response) == "Barriers councils name"
    page = soup(response)
    by_type, by_region = page.select("table.govuk-table")
    headers = [text_of(th) for th in by_type.select("thead th")]
    assert headers == ["Category of barrier", "All", "County council", "District council", "Unitary authority"]
    rows = numbers_in(by_type)
    assert rows["Councils with a plan in the corpus"] == ["3", "1", "1", "1"]
    assert [n.split(" ")[0] for n in rows["Funding certainty"]] == ["2", "1", "0", "1"]
    assert [n.split(" ")[0] for n in numbers_in(by_region)["SEND and high needs"]] == ["2", "0", "2"]
    # The chart carries the same numbers as text, beside each bar.
    chart = {
        text_of(li.select_one(".app-chart__label")): text_of(li.select_one(".app-chart__value")).split(" ")[0]
        for li in page.select(".app-chart__row")
    }
    assert chart["Funding certainty"] == "2" and chart["Workforce recruitment and retention"] == "0"
    # The county cell for funding certainty opens Kent's passage, and only it.
    county_link = by_type.find("th", string="Funding certainty").parent.select("td a")[1]["href"]
    passages = signed_in_analyst.get(county_link)
    cited = [text_of(node.h3) for node in soup(passages).select(".app-evidence")]
    assert cited == ["Kent E10000016"]
    marked = [text_of(mark) for mark in soup(passages).select(".app-evidence blockquote mark")]
    assert "three-year settlements" in marked and "Funding certainty" in marked, "the ask and the barrier's words"


def test_the_passages_page_lists_source_document_page_and_highlighted_words(signed_in_analyst, explorer_corpus):
    response = signed_in_analyst.get(
        f"/analysis/explorer/passages/?return={RETURN}&figure=agency_share_of_staff_budget"
    )
    assert response.status_code == 200
    page = soup(response)
    assert text_of(page.select_one("#evidence-count")) == (
        "3 passages from 3 councils. Councils are listed alphabetically."
    )
    names = [text_of(node.h3).rsplit(" ", 1)[0] for node in page.select(".app-evidence")]
    assert names == ["Cheltenham", "Dorset", "Kent"]  # alphabetical, not by value (1.00, 0.35, 2.10)
    dorset = page.select(".app-evidence")[1]
    assert text_of(dorset.select_one(".app-cite a")) == "Dorset productivity plan"
    assert "page 2, passage 2" in text_of(dorset.select_one(".app-cite"))
    assert text_of(dorset.select_one("mark")) == "0.35%"
    assert "Responsible use" in text_of(page.select_one("#responsible-use"))


def test_passages_behind_theme_and_barrier_counts_mark_the_words_that_put_them_there(
    signed_in_analyst, explorer_corpus
):
    """A reader sees why each passage counts: the theme's words as the rules know them, and a
    barrier's words alongside the ask of government."""
    themes = soup(signed_in_analyst.get(f"/analysis/explorer/passages/?return={RETURN}&theme=2"))
    kent = next(node for node in themes.select(".app-evidence") if text_of(node.h3).startswith("Kent"))
    assert {text_of(mark) for mark in kent.select("mark")} >= {"digital", "data"}

    barriers = soup(signed_in_analyst.get(f"/analysis/explorer/passages/?return={RETURN}&barrier=send-high-needs"))
    cheltenham = next(node for node in barriers.select(".app-evidence") if text_of(node.h3).startswith("Cheltenham"))
    assert "SEND" in {text_of(mark) for mark in cheltenham.select("mark")}, "no ask stated, the barrier's words marked"
    assert "<mark>" not in str(cheltenham.select_one(".app-cite")), "only the passage's own words are marked"


@pytest.mark.parametrize(
    "query",
    ["theme=9", "theme=x", "barrier=no-such-category", "figure=league_table", "figure=agency_spend&from=5&to=1"],
    ids=["unknown theme", "theme not a number", "unknown barrier", "unknown figure", "range upside down"],
)
def test_a_passages_link_asking_for_something_that_does_not_exist_is_404(signed_in_analyst, explorer_corpus, query):
    response = signed_in_analyst.get(f"/analysis/explorer/passages/?return={RETURN}&{query}")
    assert response.status_code == 404


def test_a_passages_page_asking_for_nothing_offers_every_count(signed_in_analyst, explorer_corpus):
    response = signed_in_analyst.get(f"/analysis/explorer/passages/?return={RETURN}")
    assert response.status_code == 200
    links = [text_of(a) for a in soup(response).select("main ul.govuk-list a")]
    assert any(link.startswith("Theme 1:") for link in links)
    assert "Funding certainty" in links


def test_the_overview_says_how_many_tags_a_person_reviewed(signed_in_analyst, explorer_corpus, analyst):
    from analysis.review import services as review

    passage = explorer_corpus.passages["dorset1"]
    review.review_themes(
        passage=passage,
        theme_numbers=[1, 4],
        token=review.state_token(passage),
        actor=analyst,
    )
    response = signed_in_analyst.get(f"/analysis/explorer/?return={RETURN}")
    page = soup(response)
    assert text_of(page.select_one("#tags-reviewed")) == "2"  # theme 1 confirmed, theme 4 added
    assert text_of(page.select_one("#review-note")).startswith("2 tags were reviewed by a person (0 removed")


def test_the_figures_page_never_lists_councils_by_value(signed_in_analyst, explorer_corpus):
    response = signed_in_analyst.get(f"/analysis/explorer/figures/?return={RETURN}&kind=agency_share_of_staff_budget")
    assert response.status_code == 200
    page = soup(response)
    body = text_of(page.select_one("main"))
    for name in ("Dorset", "Kent", "Cheltenham"):
        assert name not in body  # councils appear only on the passages pages, alphabetically
    rows = numbers_in(page.select_one("#distribution"))
    assert rows["All councils"] == ["3 councils (All councils): passages", "0.35%", "0.68%", "1%", "1.55%", "2.1%"]
    assert list(rows) == ["All councils", "County council", "District council", "Unitary authority"]


def test_search_finds_passages_with_highlighted_words_within_the_filters(signed_in_analyst, explorer_corpus):
    response = signed_in_analyst.get(f"/analysis/explorer/search/?return={RETURN}&q=settlements")
    page = soup(response)
    found = [text_of(node.h3).rsplit(" ", 1)[0] for node in page.select(".app-evidence")]
    assert sorted(found) == ["Dorset", "Kent"]  # Dorset's older document is not current
    assert page.select_one(".app-evidence mark") is not None
    county = soup(signed_in_analyst.get(f"/analysis/explorer/search/?return={RETURN}&type=county&q=settlements"))
    assert [text_of(node.h3).rsplit(" ", 1)[0] for node in county.select(".app-evidence")] == ["Kent"]


def test_a_filtered_search_is_narrowed_before_the_best_matches_are_taken(explorer_corpus):
    """Asked for the single best match, each council type and region still gets its own council's
    passage, even the one whose match ranks below the other's across all councils."""
    from analysis.selectors import search_passages

    def best(**narrowing):
        hits = search_passages("settlements", return_definition=explorer_corpus.return_definition, limit=1, **narrowing)
        return [hit.passage.document.council.name for hit in hits]

    assert best(authority_type="county") == ["Kent"]
    assert best(authority_type="unitary") == ["Dorset"]
    assert best(region="South East") == ["Kent"]
    assert best(region="South West") == ["Dorset"]
    assert best(authority_type="district") == [], "no district's plan mentions settlements"


# --- Who may see it ---------------------------------------------------------------------------

PAGES = [
    "/analysis/explorer/",
    "/analysis/explorer/barriers/",
    "/analysis/explorer/themes/",
    "/analysis/explorer/figures/",
    "/analysis/explorer/search/?q=settlements",
    "/analysis/explorer/passages/?barrier=funding-certainty",
    "/analysis/explorer/summary/",
    "/analysis/explorer/summary.csv",
    "/analysis/explorer/summary.pdf",
]


def test_council_people_get_404_on_every_explorer_page(client, explorer_corpus, make_person):
    """Dorset's people of every role ask for every explorer page and export: all 404, nothing leaked."""
    dorset = explorer_corpus.councils["E06000059"]
    for role in CouncilRole.values:
        client.force_login(make_person(f"dorset-{role}", council=dorset, roles=[role]))
        for url in PAGES:
            response = client.get(url)
            assert response.status_code == 404, f"{role}: {url} gave {outcome(response)}"
            assert b"One-year settlements" not in response.content


def test_people_not_signed_in_are_sent_to_sign_in(client, explorer_corpus):
    for url in PAGES:
        assert outcome(client.get(url)) == "sign-in", url


def test_panel_members_read_the_explorer(client, explorer_corpus, panel_member):
    client.force_login(panel_member)
    for url in PAGES[:7]:
        assert client.get(url).status_code == 200, url


# --- Figures with their meaning: ranges and qualifiers ------------------------------------------


@pytest.fixture
def funding_figures(explorer_corpus):
    """Funding figures on top of the corpus: Dorset £12m; Kent a range, £2m to £3m a year, and £292 per
    resident (a rate, which a distribution of totals leaves out)."""
    from analysis.models import Figure

    passages = explorer_corpus.passages

    def figure(name, key, value, *, upper=None, qualifier=""):
        passage = passages[name]
        return Figure.objects.create(
            passage=passage, document=passage.document, kind="funding", key=key, value=Decimal(value),
            upper=None if upper is None else Decimal(upper), unit="gbp", qualifier=qualifier,
            measures="we receive", quote=passage.text, run=explorer_corpus.run,
        )  # fmt: skip

    return {
        "dorset": figure("dorset1", "s1", "12000000"),
        "kent_range": figure("kent2", "s1", "2000000", upper="3000000", qualifier="per year"),
        "kent_rate": figure("kent2", "s2", "292", qualifier="per resident"),
    }


def test_a_figures_range_and_qualifier_are_shown_on_the_passages_behind_it(signed_in_analyst, funding_figures):
    page = soup(signed_in_analyst.get(f"/analysis/explorer/passages/?return={RETURN}&figure=funding"))
    shown = [text_of(p) for p in page.select(".app-evidence p") if text_of(p).startswith("Figure:")]
    assert shown == ["Figure: £12,000,000", "Figure: £2,000,000 to £3,000,000 per year", "Figure: £292 per resident"]


def test_the_documents_page_shows_each_figure_with_its_range_and_qualifier(signed_in_analyst, funding_figures):
    kent = funding_figures["kent_range"].document
    page = soup(signed_in_analyst.get(f"/analysis/documents/{kent.pk}/"))
    figures = [text_of(cell) for cell in page.select("td.govuk-table__cell--numeric")]
    assert "£2,000,000 to £3,000,000 per year" in figures and "£292 per resident" in figures
    assert "Funding received or raised" in text_of(page.select_one("main")), "the new kinds have labels"


def test_a_distribution_counts_a_range_at_its_midpoint_and_leaves_rates_per_resident_out(
    signed_in_analyst, funding_figures
):
    """Kent's £292 per resident is not a council's total: beside Dorset's £12m it would read as a tiny
    funding figure. Kent counts once, at the middle of its range (£2.5m). The CSV says the same."""
    page = soup(signed_in_analyst.get(f"/analysis/explorer/figures/?return={RETURN}&kind=funding"))
    rows = numbers_in(page.select_one("#distribution"))
    assert rows["All councils"][0].startswith("2 councils")
    assert rows["All councils"][1] == "£2,500,000" and rows["All councils"][-1] == "£12,000,000"
    csv_text = signed_in_analyst.get(f"/analysis/explorer/summary.csv?return={RETURN}").content.decode()
    funding = [line for line in csv_text.splitlines() if line.startswith("figure,funding,") and "All councils" in line]
    assert len(funding) == 1 and ",2500000," in funding[0] and funding[0].endswith(",12000000")
