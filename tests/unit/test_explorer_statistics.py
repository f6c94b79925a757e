"""The explorer's arithmetic and wording as plain functions: quartiles, histograms, highlighting,
figure formatting and the filters carried between pages. No database."""

from decimal import Decimal
from types import SimpleNamespace

import pytest

from analysis.explorer import selectors as explorer
from analysis.explorer.selectors import Bin, Filters, Question, distribution, highlight, histogram, quantile

D = Decimal


@pytest.mark.parametrize(
    "values, expected",
    [
        (["0.35", "1.00", "2.10"], ("0.35", "0.675", "1.00", "1.55", "2.10")),
        (["4"], ("4", "4", "4", "4", "4")),
        (["1", "2", "3", "4"], ("1", "1.75", "2.5", "3.25", "4")),
        (["5", "1", "3"], ("1", "2", "3", "4", "5")),  # order given does not matter
    ],
    ids=["three councils", "one council", "four councils", "unsorted"],
)
def test_distribution_gives_minimum_quartiles_median_and_maximum(values, expected):
    found = distribution([D(v) for v in values])
    assert found.count == len(values)
    got = (found.minimum, found.lower_quartile, found.median, found.upper_quartile, found.maximum)
    assert got == tuple(D(v) for v in expected)


def test_no_values_make_an_empty_distribution_not_an_error():
    found = distribution([])
    assert found.count == 0 and found.median is None
    with pytest.raises(ValueError):
        quantile([], D("0.5"))


def test_histogram_bins_have_round_edges_keep_empty_bins_and_count_every_value():
    values = [D(v) for v in ("0.35", "0.4", "1.00", "2.10", "2.2")]
    bins = histogram(values, bins=4)
    assert [(b.low, b.high) for b in bins] == [
        (D("0.0"), D("0.5")),
        (D("0.5"), D("1.0")),
        (D("1.0"), D("1.5")),
        (D("1.5"), D("2.0")),
        (D("2.0"), D("2.5")),
    ]
    assert [b.count for b in bins] == [2, 0, 1, 0, 2]
    assert sum(b.count for b in bins) == len(values)
    assert bins[-1].last and not bins[0].last


def test_a_value_on_the_top_edge_counts_once_in_the_last_bin():
    bins = histogram([D("0"), D("10")], bins=2)
    assert sum(b.count for b in bins) == 2
    assert [b.count for b in bins if b.count] == [1, 1]


def test_histogram_of_equal_values_is_one_bin_and_of_nothing_is_empty():
    assert histogram([D("3"), D("3")]) == [Bin(low=D("3"), high=D("3"), count=2, last=True)]
    assert histogram([]) == []


def test_highlight_escapes_the_text_and_marks_every_phrase_case_insensitively():
    marked = highlight("We ask for <b>multi-year</b> settlements. Multi-year!", ["multi-year", ""])
    assert marked == ("We ask for &lt;b&gt;<mark>multi-year</mark>&lt;/b&gt; settlements. <mark>Multi-year</mark>!")
    assert highlight("<script>", []) == "&lt;script&gt;"


def test_highlight_treats_phrases_as_text_not_patterns():
    assert highlight("costs rose 2.1% (a lot)", ["2.1% (a"]) == "costs rose <mark>2.1% (a</mark> lot)"
    assert highlight("costs rose 231", ["2.1"]) == "costs rose 231"


@pytest.mark.parametrize(
    "value, unit, expected",
    [
        ("0.3500", "percent", "0.35%"),
        ("2.1", "percent", "2.1%"),
        ("1250000.4", "gbp", "£1,250,000"),
        ("12", "count", "12"),
        (None, "percent", ""),
    ],
)
def test_figures_are_written_the_way_a_plan_would(value, unit, expected):
    assert explorer.format_value(D(value) if value else None, unit) == expected


def test_bin_labels_say_where_each_range_stops():
    assert explorer.bin_label(Bin(D("0.5"), D("1.0"), 3), "percent") == "0.5% to under 1%"
    assert explorer.bin_label(Bin(D("2"), D("2.5"), 1, last=True), "percent") == "2% to 2.5%"


def test_filters_and_questions_travel_as_query_strings():
    return_definition = SimpleNamespace(slug="productivity-plan-2024", title="Productivity plan 2024")
    filters = Filters(return_definition, region="South West")
    assert filters.query() == "return=productivity-plan-2024&region=South+West"
    assert filters.with_group("authority_type", "county").query(barrier="funding-certainty") == (
        "return=productivity-plan-2024&type=county&region=South+West&barrier=funding-certainty"
    )
    question = Question(figure="agency_share_of_staff_budget", low=D("0.5"), high=D("1.0"), last=True)
    assert question.params() == {"figure": "agency_share_of_staff_budget", "from": "0.5", "to": "1.0", "last": "1"}
    assert filters.description == "Productivity plan 2024, South West"


def test_bars_are_lengths_of_the_largest_and_never_divide_by_zero():
    rows = explorer.bars([("a", 2, None), ("b", 0, None)], 4)
    assert [(r["label"], r["value"], r["percent"]) for r in rows] == [("a", 2, 50.0), ("b", 0, 0.0)]
    assert explorer.bars([("a", 0, None)], 0)[0]["percent"] == 0
