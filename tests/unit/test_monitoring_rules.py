"""Monitoring's rules as plain functions: the status rule, periods, reading a file of figures, the
similar-councils method, distributions, spreadsheet-safe cells and the SVG charts."""

import datetime
from decimal import Decimal

import pytest

from monitoring.charts import Line, line_chart
from monitoring.csvfile import CouncilInfo, MetricInfo, read_values_file
from monitoring.figures import distribution, plain_number, with_unit
from monitoring.periods import PeriodError, parse_period, period_of
from monitoring.similar import Area, similar_councils
from monitoring.status import status_of

D = Decimal
BASELINE_ON = datetime.date(2024, 3, 31)  # the end of 2023-24
TARGET_ON = datetime.date(2026, 3, 31)  # two years later
HALF_WAY = datetime.date(2025, 3, 31)  # the end of 2024-25, half way in time


def reading(latest, latest_on=HALF_WAY, *, higher=True, baseline="48", target="60"):
    return status_of(
        higher_is_better=higher,
        baseline=D(baseline),
        baseline_on=BASELINE_ON,
        target=D(target),
        target_on=TARGET_ON,
        latest=None if latest is None else D(latest),
        latest_on=latest_on,
        describe=lambda value: f"{value}%",
    )


@pytest.mark.parametrize(
    "latest, status",
    [
        ("54", "on_track"),  # exactly on the line (half way in time, half way to the target)
        ("53", "on_track"),  # behind by 1/12 of the way: within a tenth
        ("52", "at_risk"),  # behind by 1/6 of the way
        ("50", "off_track"),  # behind by a third of the way
        ("47", "off_track"),  # moved away from the target while the line moved half way
        ("60", "achieved"),
        ("63", "achieved"),
    ],
)
def test_the_status_compares_the_latest_figure_with_a_straight_line_to_the_target(latest, status):
    assert reading(latest).status == status


def test_moving_away_from_the_target_early_on_is_at_risk():
    early = datetime.date(2024, 6, 30)  # a quarter after the baseline: the line has barely moved
    assert reading("47.8", early).status == "at_risk"
    assert "moved away from the target" in reading("47.8", early).reason


def test_lower_is_better_targets_are_read_the_other_way():
    assert reading("8", higher=False, baseline="9", target="7").status == "on_track"
    assert reading("9.5", higher=False, baseline="9", target="7").status == "off_track"
    assert reading("6.5", higher=False, baseline="9", target="7").status == "achieved"


def test_no_figure_after_the_baseline_is_no_data_yet():
    assert reading(None, None).status == "no_data"
    assert reading("70", BASELINE_ON).status == "no_data"  # the baseline period's own figure does not count


def test_a_missed_target_date_is_off_track_however_close():
    result = reading("59.9", TARGET_ON)
    assert result.status == "off_track"
    assert "target date" in result.reason


def test_the_reason_gives_the_figures_in_plain_words():
    reason = reading("53").reason
    assert "The latest figure is 53%" in reason and "baseline of 48%" in reason and "target of 60%" in reason


def test_a_target_to_hold_the_baseline_that_slips_is_at_risk():
    assert reading("47", baseline="48", target="48").status == "at_risk"


@pytest.mark.parametrize(
    "text, frequency, end, shown",
    [
        ("2023-24", "annual", datetime.date(2024, 3, 31), "2023-24"),
        (" 2023-24 ", "annual", datetime.date(2024, 3, 31), "2023-24"),
        ("2023-24 Q1", "quarterly", datetime.date(2023, 6, 30), "2023-24 Q1"),
        ("2023-24 q4", "quarterly", datetime.date(2024, 3, 31), "2023-24 Q4"),
        ("2099-00", "annual", datetime.date(2100, 3, 31), "2099-00"),
    ],
)
def test_periods_are_financial_years_and_their_quarters(text, frequency, end, shown):
    period = parse_period(text, frequency=frequency)
    assert (period.end, period.text) == (end, shown)


@pytest.mark.parametrize(
    "text, frequency, words",
    [
        ("2023/24", "annual", "not written like 2023-24"),
        ("2023", "annual", "not written like"),
        ("2023-25", "annual", "second year must follow"),
        ("2023-24", "quarterly", "measured each quarter"),
        ("2023-24 Q2", "annual", "measured each financial year"),
        ("2023-24 Q5", "quarterly", "not written like 2023-24 Q1"),
        ("1999-00", "annual", "outside the years"),
        ("", "annual", "not written like"),
    ],
)
def test_malformed_periods_say_what_is_wrong(text, frequency, words):
    with pytest.raises(PeriodError, match=words):
        parse_period(text, frequency=frequency)


def test_the_period_a_day_falls_in():
    assert period_of(datetime.date(2026, 3, 31), frequency="annual") == "2025-26"
    assert period_of(datetime.date(2026, 4, 1), frequency="annual") == "2026-27"
    assert period_of(datetime.date(2026, 1, 15), frequency="quarterly") == "2025-26 Q4"


# --- Reading a file of figures --------------------------------------------------------------------

COUNCILS = {
    "E06000059": CouncilInfo(1, "Dorset", "unitary"),
    "E07000178": CouncilInfo(2, "Oxford", "district"),
}
METRICS = {
    "online": MetricInfo(10, "online", "annual", ("unitary", "district"), D("0"), D("100")),
    "care": MetricInfo(11, "care", "annual", ("unitary",), D("0"), D("100")),
    "planning": MetricInfo(12, "planning", "quarterly", ("unitary", "district"), D("0"), D("100")),
}


def read(text: str, **kwargs):
    return read_values_file(text.encode("utf-8"), councils=COUNCILS, metrics=METRICS, **kwargs)


def test_a_good_file_gives_every_row():
    result = read(
        "\ufeffons_code,metric,period,value,note\n"
        "E06000059,online,2023-24,48,First year\n"
        "e06000059,ONLINE,2024-25,54.50,\n"
        "E07000178,planning,2024-25 Q1,91.2,\n"
    )
    assert result.problems == []
    assert [(r.line, r.council_id, r.metric_id, r.period, r.value, r.note) for r in result.rows] == [
        (2, 1, 10, "2023-24", D("48.0000"), "First year"),
        (3, 1, 10, "2024-25", D("54.5000"), ""),
        (4, 2, 12, "2024-25 Q1", D("91.2000"), ""),
    ]


def test_every_bad_row_is_reported_with_its_line_and_what_is_wrong():
    result = read(
        "ons_code,metric,period,value\n"
        "E06000059,online,2023-24,48\n"  # good
        "E09999999,online,2023-24,48\n"  # unknown council
        "E06000059,no-such-metric,2023-24,48\n"  # unknown metric
        "E06000059,online,2023/24,48\n"  # malformed period
        "E06000059,online,2022-23,forty\n"  # not a number
        "E06000059,online,2021-22,54%\n"  # not a number either
        "E06000059,online,2023-24,49\n"  # repeats row 2
        "E07000178,care,2023-24,50\n"  # metric does not apply
        "E06000059,online,2020-21,150\n"  # above the highest
        "E06000059,online,2019-20,NaN\n"  # not finite
        "E06000059,online,2018-19\n"  # too few cells
        "E06000059,online,2017-18,\n"  # missing value
    )
    messages = {p.line: p.message for p in result.problems}
    assert sorted(messages) == list(range(3, 14))
    assert "ONS code 'E09999999' is not a council in the register" in messages[3]
    assert "metric 'no-such-metric' is not in the catalogue" in messages[4]
    assert "period '2023/24' is not written like 2023-24" in messages[5]
    assert "value 'forty' is not a number" in messages[6]
    assert "value '54%' is not a number" in messages[7]
    assert "repeats row 2" in messages[8]
    assert "does not apply to district councils" in messages[9]
    assert "above the highest" in messages[10]
    assert "not a number" in messages[11]
    assert "has 3 cells, not 4" in messages[12]
    assert "value is missing" in messages[13]
    assert result.lines == 12


def test_a_council_officer_may_load_only_their_own_council():
    result = read("ons_code,metric,period,value\nE07000178,online,2023-24,48\n", only_council="E06000059")
    assert "Oxford (E07000178) is another council" in result.problems[0].message


@pytest.mark.parametrize(
    "content, words",
    [
        (b"code,metric,period,value\n", "first row must name the columns"),
        (b"ons_code,metric,period,value,colour\n", "first row must name the columns"),
        (b"", "first row must name the columns"),
        (b"ons_code,metric,period,value\n", "no rows of figures"),
        ("ons_code,metric,period,value\nE06000059,online,2023-24,48,caf\xe9\n".encode("latin-1"), "not UTF-8"),
    ],
)
def test_a_file_that_is_not_a_file_of_figures_is_refused_as_a_whole(content, words):
    result = read_values_file(content, councils=COUNCILS, metrics=METRICS)
    assert result.rows == [] and words in result.problems[0].message and result.problems[0].line == 0


def test_a_formula_in_a_note_is_kept_as_text_for_the_record():
    result = read("ons_code,metric,period,value,note\nE06000059,online,2023-24,48,\"=cmd|' /C calc'!A0\"\n")
    assert result.rows[0].note == "=cmd|' /C calc'!A0"


# --- Similar councils -----------------------------------------------------------------------------


def _areas():
    areas = [
        Area(i, f"District {i:02d}", "district", (100_000 + i * 1000, 300 + i, 15 + i / 2, 180 + i)) for i in range(20)
    ]
    areas.append(Area(100, "City", "city_of_london", (8_600, 3000, 15, 9000)))
    areas += [
        Area(200 + i, f"Unitary {i:02d}", "unitary", (250_000 + i * 5000, 1000 + i * 10, 20 + i, 1300 + i))
        for i in range(12)
    ]
    return areas


def test_the_ten_nearest_councils_of_the_same_type_are_found_and_never_the_council_itself():
    found = similar_councils(_areas())
    near = [council_id for council_id, _ in found[0]]
    assert near == list(range(1, 11))  # District 00's nearest are Districts 01 to 10, in order of distance
    assert 0 not in near and all(isinstance(d, float) for _, d in found[0])
    assert set(near) <= set(range(20))


def test_a_type_with_too_few_councils_is_compared_with_every_single_tier_council():
    found = similar_councils(_areas())
    assert len(found[100]) == 10
    assert all(200 <= council_id < 212 for council_id, _ in found[100])


def test_the_method_gives_the_same_answer_every_time():
    assert similar_councils(_areas()) == similar_councils(list(reversed(_areas())))


# --- Numbers, distributions, CSV cells and charts -------------------------------------------------


def test_distributions_use_the_inclusive_quartiles():
    found = distribution([D(v) for v in (1, 2, 3, 4, 5)])
    assert (found.count, found.minimum, found.lower_quartile, found.median, found.upper_quartile, found.maximum) == (
        5,
        1,
        2,
        3,
        4,
        5,
    )
    assert distribution([]).count == 0


@pytest.mark.parametrize(
    "value, unit, shown",
    [
        (D("54.5000"), "percent", "54.5%"),
        (D("7.0000"), "number", "7"),
        (D("1234567"), "number", "1,234,567"),
        (D("1502.4"), "pounds", "£1,502"),
        (D("1"), "days", "1 day"),
        (D("9.25"), "days", "9.2 days"),
        (None, "percent", "no figure"),
    ],
)
def test_figures_are_written_with_their_unit(value, unit, shown):
    assert with_unit(value, unit) == shown


def test_plain_numbers_never_use_exponents():
    assert plain_number(D("100.0000")) == "100"
    assert plain_number(D("-3.50")) == "-3.5"


def test_a_chart_is_an_image_with_a_title_and_a_description():
    svg = line_chart(
        chart_id="c1",
        title="Contacts <online>",
        description="Dorset: 48% then 54%",
        periods=["2023-24", "2024-25"],
        lines=[Line("Dorset", [D("48"), D("54")]), Line("Similar", [None, D("50")], "similar")],
        band=[(D("40"), D("55")), (None, None)],
    )
    assert svg.startswith('<svg class="app-chart"') and 'role="img"' in svg
    assert 'aria-labelledby="c1-title c1-desc"' in svg
    assert '<title id="c1-title">Contacts &lt;online&gt;</title>' in svg
    assert svg.count("<circle") == 2 and svg.count("<rect") == 1
    assert line_chart(chart_id="c2", title="t", description="d", periods=[], lines=[]) == ""
