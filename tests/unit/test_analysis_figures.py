"""Figures a plan gives, read with what each measures; and whether it speaks to consultants, agency staff, EDI."""

import importlib
from decimal import Decimal

import pytest

from analysis.reading.figures import document_figures, figures_in, guidance_found


def kinds(text: str) -> dict[str, Decimal]:
    return {f.kind: f.value for f in document_figures([text])}


def test_dorsets_shares_of_the_staff_budget_are_read_as_agency_and_consultant_shares():
    found = kinds("Agency workers account for 0.35% of the total staff budget, and consultants 0.96%.")
    assert found == {
        "agency_share_of_staff_budget": Decimal("0.35"),
        "consultant_share_of_staff_budget": Decimal("0.96"),
    }


def test_shares_named_before_the_budget_phrase_are_read_the_same_way():
    found = kinds("Agency staff cost 1.2% and consultants 0.4% of the staff budget in 2023/24.")
    assert found["agency_share_of_staff_budget"] == Decimal("1.2")
    assert found["consultant_share_of_staff_budget"] == Decimal("0.4")


def test_a_percentage_not_of_the_staff_budget_is_not_taken_for_a_share():
    found = kinds("Agency use fell by 12% last year.")
    assert found == {"other_percent": Decimal("12")}


def test_spend_and_budget_give_computed_shares_marked_as_worked_out():
    figures = document_figures(
        ["We spent £3.2m on agency staff and £1,250,000 on consultants.", "Our staff budget is £210 million."]
    )
    by_kind = {f.kind: f for f in figures}
    assert by_kind["agency_spend"].value == Decimal("3200000") and by_kind["agency_spend"].unit == "gbp"
    assert by_kind["consultant_spend"].value == Decimal("1250000")
    assert by_kind["staff_budget"].value == Decimal("210000000") and by_kind["staff_budget"].passage == 1
    agency_share = by_kind["agency_share_of_staff_budget"]
    assert (agency_share.value, agency_share.computed, agency_share.passage) == (Decimal("1.52"), True, 0)
    assert by_kind["consultant_share_of_staff_budget"].value == Decimal("0.60")


def test_a_stated_share_is_not_replaced_by_a_computed_one():
    figures = document_figures(
        ["Agency staff cost 2% of the staff budget.", "We spent £5m on agency staff from a staff budget of £100m."]
    )
    shares = [f for f in figures if f.kind == "agency_share_of_staff_budget"]
    assert [(s.value, s.computed) for s in shares] == [(Decimal("2"), False)]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("We have saved £12m since 2019.", "savings", Decimal("12000000")),
        ("We face a budget gap of £28.5 million by 2027.", "budget_gap", Decimal("28500000")),
        ("Spending on EDI training was £4,000.", "edi_spend", Decimal("4000")),
        ("The county's visitor economy is worth £2bn.", "other_money", Decimal("2000000000")),
        ("We employ 4,500 staff.", "count", Decimal("4500")),
    ],
)
def test_money_and_counts_are_read_with_what_they_measure(text, kind, value):
    (figure,) = figures_in(text)
    assert (figure.kind, figure.value) == (kind, value)


def test_each_figure_keeps_the_sentence_it_came_from_and_a_stable_key():
    text = "Introduction. Agency staff cost 0.35% of the staff budget. Nothing else."
    (figure,) = figures_in(text, passage=3)
    assert figure.quote == "Agency staff cost 0.35% of the staff budget."
    assert figure.passage == 3 and figure.key == f"s{text.index('0.35')}"
    assert figures_in(text, passage=3) == [figure], "the same text always gives the same figures"


def test_guidance_subjects_are_found_anywhere_in_the_plan():
    found = guidance_found(["Interim managers need a director's approval.", "We meet the Public Sector Equality Duty."])
    assert (found.consultants_addressed, found.agency_addressed, found.edi_addressed) == (False, True, True)
    nothing = guidance_found(["The Environment Agency manages flood defences."])
    assert (nothing.consultants_addressed, nothing.agency_addressed, nothing.edi_addressed) == (False, False, False)


def test_what_follows_a_number_counts_only_within_its_own_clause():
    """In "£114m out of its running costs, and ... a gap of £63m" the first is a saving, not a budget gap."""
    found = kinds("The council has taken £114m out of its running costs, and it still expects a gap of £63m.")
    assert found == {"savings": Decimal("114000000"), "budget_gap": Decimal("63000000")}


def test_a_share_named_with_the_staff_budget_before_the_number_is_still_a_share():
    found = kinds("Agency staff as a share of the total staff budget was 4.1% last year.")
    assert found == {"agency_share_of_staff_budget": Decimal("4.1")}


COMMITMENTS_TABLE = (
    "Action | Measure | Now | Target\n"
    "Cut repeat calls to the contact centre | Repeat calls as a share of all calls | 18% | 10%\n"
    "Reduce the use of agency social workers | Agency social workers in post | 40 | 20"
)


def test_every_row_of_a_table_gives_its_figures_measured_by_its_row_and_column():
    found = figures_in(COMMITMENTS_TABLE)

    read = [(f.value, f.unit, f.measures) for f in found]
    assert read == [
        (Decimal("18"), "percent", "Cut repeat calls to the contact centre Repeat calls as a share of all calls (Now)"),
        (
            Decimal("10"),
            "percent",
            "Cut repeat calls to the contact centre Repeat calls as a share of all calls (Target)",
        ),
        (Decimal("40"), "count", "Reduce the use of agency social workers Agency social workers in post (Now)"),
        (Decimal("20"), "count", "Reduce the use of agency social workers Agency social workers in post (Target)"),
    ]
    for figure in found:  # each key points at the figure's own place in the passage
        at = int(figure.key[1:])
        assert COMMITMENTS_TABLE[at:].startswith(str(figure.value))
    assert len({f.key for f in found}) == 4
    assert all(f.quote in COMMITMENTS_TABLE.split("\n") for f in found), "the quote is the figure's own row"


def test_a_markdown_table_of_spend_gives_spend_and_shares_of_the_staff_budget_but_no_years():
    table = (
        "| Spend | 2023/24 | 2024/25 |\n"
        "| Agency staff | £3.2m | £2.5m |\n"
        "| Agency staff as a share of the staff budget | 4.1% | 3.2% |\n"
        "| Year of the review | 2024 | 2025 |"
    )
    found = [(f.kind, f.value, f.measures) for f in figures_in(table)]
    assert found == [
        ("agency_spend", Decimal("3200000"), "Agency staff (2023/24)"),
        ("agency_spend", Decimal("2500000"), "Agency staff (2024/25)"),
        ("agency_share_of_staff_budget", Decimal("4.1"), "Agency staff as a share of the staff budget (2023/24)"),
        ("agency_share_of_staff_budget", Decimal("3.2"), "Agency staff as a share of the staff budget (2024/25)"),
    ]


def test_each_line_of_a_list_is_read_even_without_full_stops():
    found = figures_in("- We saved £3m on agency staff\n- We cut consultants by 20 posts\n- Sickness fell 8%")
    assert [(f.kind, f.value) for f in found] == [
        ("agency_spend", Decimal("3000000")),
        ("count", Decimal("20")),
        ("other_percent", Decimal("8")),
    ]


def test_the_ministers_words_quoted_in_a_plan_do_not_set_the_guidance_flags():
    quoted = guidance_found(
        [
            "In his letter the Minister said councils should cut spending on consultants, agency staff and "
            "equality, diversity and inclusion training.",
            "We brought our contact centres together.",
        ]
    )
    assert (quoted.consultants_addressed, quoted.agency_addressed, quoted.edi_addressed) == (False, False, False)
    own = guidance_found(["The Minister asked about consultants. We used no consultants in 2023/24."])
    assert own.consultants_addressed


# --- figures with their meaning (issue 12, part 6) --------------------------------------------------


def test_a_range_keeps_both_ends():
    (share,) = figures_in("Agency staff cost 3.6–3.8% of the staff budget.")
    assert (share.kind, share.value, share.upper) == ("agency_share_of_staff_budget", Decimal("3.6"), Decimal("3.8"))
    (saving,) = figures_in("We expect to save between £2m and £3m a year.")
    assert (saving.kind, saving.value, saving.upper) == ("savings", Decimal("2000000"), Decimal("3000000"))
    assert saving.qualifier == "per year"
    assert "range" not in saving.measures and "per year" not in saving.measures, "both have fields of their own"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our funding gap is between £6m and £11m.", ("budget_gap", "6000000", "11000000")),
        ("Agency staff were 3.6% to 3.8% of the pay budget.", ("agency_share_of_staff_budget", "3.6", "3.8")),
        ("We expect to save £12m–£15m by 2027.", ("savings", "12000000", "15000000")),
        ("Consultants cost 1–1.5% of our paybill.", ("consultant_share_of_staff_budget", "1", "1.5")),
    ],
)
def test_ranges_of_every_kind_keep_both_ends(text, expected):
    (figure,) = figures_in(text)
    assert (figure.kind, figure.value, figure.upper) == (expected[0], Decimal(expected[1]), Decimal(expected[2]))


def test_two_figures_joined_by_and_without_between_are_not_a_range():
    found = figures_in("We saved £2m and £3m in the two years.")
    assert [(f.kind, f.value, f.upper) for f in found] == [
        ("savings", Decimal("2000000"), None),
        ("savings", Decimal("3000000"), None),
    ], "the second amount, with nothing of its own, is measured as the first"


@pytest.mark.parametrize(
    ("text", "kinds_"),
    [
        ("Agency spend has fallen from £4.1m to £2.9m.", ["agency_spend", "agency_spend"]),
        ("Council tax raises £98m a year, about £640 per household.", ["funding", "funding"]),
        ("We invested £2m in new systems, which will save £500k a year.", ["spending", "savings"]),
    ],
)
def test_an_amount_restating_the_one_before_it_keeps_its_measure(text, kinds_):
    assert [f.kind for f in figures_in(text)] == kinds_


@pytest.mark.parametrize(
    ("text", "qualifier", "measures"),
    [
        ("We spend £110 per resident on waste collection.", "per resident", "We spend"),
        (
            "The garden waste charge is £45 a household each year.",
            "per household per year",
            "The garden waste charge is",
        ),
        ("A placement now costs £6,000 a week.", "per week", "A placement now costs"),
        ("We receive £292 per head less than similar councils.", "per resident", "We receive"),
        ("Our funding per head is £386 below the average.", "per resident", "Our funding per head is"),
        ("Spending per household is about £640 a year.", "per household per year", "Spending per household is about"),
    ],
)
def test_a_unit_keeps_its_qualifier_apart_from_what_the_figure_measures(text, qualifier, measures):
    (figure,) = figures_in(text)
    assert (figure.qualifier, figure.measures) == (qualifier, measures)


@pytest.mark.parametrize("budget", ["pay budget", "paybill", "pay bill", "employee costs", "workforce budget"])
def test_staff_budget_synonyms_make_a_percentage_the_agency_share(budget):
    assert kinds(f"Agency staff cost 3.5% of our {budget} last year.") == {
        "agency_share_of_staff_budget": Decimal("3.5")
    }


def test_common_counts_are_read_with_their_nouns():
    found = [
        (f.value, f.measures, f.qualifier)
        for f in figures_in("We deleted 120 FTE posts and now manage 14 separate grants.")
    ]
    assert found == [
        (Decimal("120"), "FTE posts", "full-time equivalent posts"),
        (Decimal("14"), "separate grants", "grants"),
    ]


@pytest.mark.parametrize(
    ("text", "value", "counted"),
    [
        ("Last year we prepared 22 separate bids, and fewer than half succeeded.", "22", "bids"),
        ("The council employs 1,240 staff across its services.", "1240", "staff"),
        ("We now use 35 agency workers, down from 60.", "35", "agency workers"),
        ("We collect waste from 8,394 households every week.", "8394", "households"),
        ("The borough has 182,000 residents.", "182000", "residents"),
        ("We cut 45 full-time equivalent posts.", "45", "full-time equivalent posts"),
        ("We hold 12 vacancies in planning.", "12", "vacancies"),
    ],
)
def test_counts_of_staff_posts_bids_residents_and_households_say_what_they_count(text, value, counted):
    found = [f for f in figures_in(text) if f.kind == "count"]
    assert (found[0].value, found[0].qualifier) == (Decimal(value), counted)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("We have saved £12m since 2019.", "savings"),
        ("Energy use has fallen, reducing our energy bill by £692,000 a year.", "savings"),
        ("The council's net revenue budget for this year is £13.7m.", "spending"),
        ("We spend £19.9 million a year on contracts with external suppliers.", "spending"),
        ("One residential placement can cost over £430,000 a year.", "spending"),
        ("The deficit on our high needs block has reached £10.8 million.", "deficit"),
        ("Children's services overspent by £4m last year.", "deficit"),
        ("We face a budget gap of £28.5 million by 2027.", "budget_gap"),
        ("A funding shortfall of £3m remains.", "budget_gap"),
        ("We received £1.2m in capital receipts.", "funding"),
        ("We are one of the lowest funded councils, receiving £292 per resident less than average.", "funding"),
        ("Agency costs were £3m.", "agency_spend"),
        ("Our staff costs are £40m.", "staff_budget"),
    ],
)
def test_savings_spending_deficit_funding_gap_and_funding_are_told_apart(text, kind):
    (figure,) = figures_in(text)
    assert figure.kind == kind


def test_a_deficit_and_a_gap_in_one_sentence_are_each_their_own_kind():
    found = kinds("The high needs deficit is £9m, and our funding gap for next year is £4m.")
    assert found == {"deficit": Decimal("9000000"), "budget_gap": Decimal("4000000")}


@pytest.mark.parametrize(
    "table",
    [
        "Measure | Agency staff | Consultants\nShare of the pay budget | 3.5% | 1.2%",
        "Share of the employee costs budget | 2023/24\nAgency staff | 3.5%\nConsultants | 1.2%",
        "| | Share of paybill |\n| Agency and interim staff | 3.5% |\n| Consultants | 1.2% |",
    ],
)
def test_agency_and_consultant_shares_of_the_pay_budget_in_a_table_are_read(table):
    found = {f.kind: f.value for f in figures_in(table)}
    assert found == {
        "agency_share_of_staff_budget": Decimal("3.5"),
        "consultant_share_of_staff_budget": Decimal("1.2"),
    }


def test_a_source_after_a_rows_figures_is_not_what_they_measure():
    """A "Source" column ("Efficiency programme update to Cabinet") once made consultancy spend read as savings."""
    table = (
        "Measure | 2022/23 | 2023/24 | Source\n"
        "Consultancy and specialist advice | £457,000 | £354,000 | Efficiency programme update to Cabinet\n"
        "Agency and interim staff, share of the paybill | 1.45% | 1.84% | Statement of accounts"
    )
    found = [(f.kind, f.value) for f in figures_in(table)]
    assert found == [
        ("consultant_spend", Decimal("457000")),
        ("consultant_spend", Decimal("354000")),
        ("agency_share_of_staff_budget", Decimal("1.45")),
        ("agency_share_of_staff_budget", Decimal("1.84")),
    ]
    assert all("Efficiency" not in f.measures for f in figures_in(table))


def test_a_row_whose_figure_comes_first_is_named_by_the_rest_of_its_text():
    (figure,) = figures_in("Spend | What it was\n£1.2m | Agency staff")
    assert figure.value == Decimal("1200000")
    assert figure.measures == "Agency staff (Spend)"


def test_a_count_in_a_table_says_what_it_counts_from_its_row():
    (figure,) = figures_in("Measure | Now\nAgency workers in post | 40")
    assert (figure.kind, figure.value, figure.qualifier) == ("count", Decimal("40"), "agency workers")


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ("We expect to save (range to 3000000) per year", ("We expect to save", Decimal("3000000"), "per year")),
        ("Agency staff cost (range to 3.8)", ("Agency staff cost", Decimal("3.8"), "")),
        (
            "The garden waste charge is per household per year",
            ("The garden waste charge is", None, "per household per year"),
        ),
        ("a year per year", ("a year", None, "per year")),
        ("spend per resident on waste", ("spend per resident on waste", None, "")),
        ("FTE posts", ("FTE posts", None, "")),
    ],
)
def test_figures_stored_by_the_old_rules_have_range_and_qualifier_moved_out_of_their_words(stored, expected):
    """Migration 0006: the figures-4 rules wrote both into `measures`; only a trailing qualifier moves."""
    migration = importlib.import_module("analysis.migrations.0006_figure_upper_qualifier_from_measures")
    assert migration.split_measures(stored) == expected


@pytest.mark.parametrize(
    ("text", "kind", "value", "upper"),
    [
        # What a range measures is named after its top, and a scale written once covers both ends.
        ("Over four years we have taken £20m–£24m out of our running costs.", "savings", "20000000", "24000000"),
        ("Over four years we have taken £5–13 million out of our running costs.", "savings", "5000000", "13000000"),
        # A sentence that goes on about the last one keeps its measure.
        ("The high needs deficit is our biggest risk. It stands at £9.4 million.", "deficit", "9400000", None),
        ("The salary bill is £21.6m this year.", "staff_budget", "21600000", None),
        ("The service costs about £741,000 a year less to run.", "savings", "741000", None),
        ("We spend £167,000 a year on equality and diversity.", "edi_spend", "167000", None),
        ("Last year we paid £3.4 million for twenty children in residential care.", "spending", "3400000", None),
    ],
)
def test_what_a_sum_measures_is_read_where_councils_write_it(text, kind, value, upper):
    found = [f for f in document_figures([text]) if f.unit == "gbp"]
    assert [(f.kind, f.value, f.upper) for f in found] == [
        (kind, Decimal(value), None if upper is None else Decimal(upper))
    ]


def test_a_second_year_of_the_same_spend_keeps_its_measure():
    text = "Spending on agency staff was £5.8 million last year and £10.1m the year before."
    assert [(f.kind, f.value) for f in document_figures([text])] == [
        ("agency_spend", Decimal("5800000")),
        ("agency_spend", Decimal("10100000")),
    ]


def test_staff_networks_address_edi():
    assert guidance_found(["Our staff-led equality networks meet in work time once a month."]).edi_addressed
    assert guidance_found(["Staff networks for disabled and LGBT+ colleagues are run by volunteers."]).edi_addressed


def test_plans_name_agency_staff_consultants_and_edi_in_other_words():
    assert guidance_found(
        ["Temporary workers supplied through the regional framework made up 7% of staff."]
    ).agency_addressed
    assert guidance_found(["Interim and locum staff are used only where a post cannot be filled."]).agency_addressed
    assert guidance_found(["External advisers are brought in only for specialist work."]).consultants_addressed
    assert guidance_found(["Spending on inclusion is small: interpreters and accessible formats."]).edi_addressed
    assert guidance_found(["Inclusion training for managers is delivered in-house."]).edi_addressed
    assert guidance_found(["We publish a workforce equality report each year."]).edi_addressed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Temporary staff supplied through the framework cost £19.8m last year, equivalent to 6.9% of the "
            "employee budget.",
            [("agency_spend", Decimal("19800000")), ("agency_share_of_staff_budget", Decimal("6.9"))],
        ),
        (
            "Cover bought in from staffing firms came to 0.17% of the total pay bill last year.",
            [("agency_share_of_staff_budget", Decimal("0.17"))],
        ),
        ("We spent £707k on inclusion last year, on interpreting.", [("edi_spend", Decimal("707000"))]),
        ("Outside experts set up the new system at a cost of £158k.", [("consultant_spend", Decimal("158000"))]),
        (
            "We gave the work to our own parks staff, at £126 thousand a year less than the contractor's price.",
            [("savings", Decimal("126000"))],
        ),
        (
            "The clinics run by the trust's consultant doctors bring in £864,000 a year.",
            [("funding", Decimal("864000"))],
        ),
        ("At the end of March the council had 34 off-payroll workers.", [("count", Decimal("34"))]),
        ("The practices spent £2m on locum GPs last year.", [("spending", Decimal("2000000"))]),
    ],
)
def test_agency_consultant_and_inclusion_spend_in_other_words_and_what_a_percentage_restates(text, expected):
    assert [(f.kind, f.value) for f in figures_in(text)] == expected


def test_staff_bought_in_outside_experts_and_unbiased_recruitment_are_named_in_yet_other_words():
    found = guidance_found(
        [
            "Cover bought in from staffing firms came to 1.1% of the total pay bill last year.",
            "Outside experts spent three months with the revenues team, at a cost of £158k.",
            "Training in fair, unbiased recruitment is part of every new manager's induction.",
        ]
    )
    assert (found.consultants_addressed, found.agency_addressed, found.edi_addressed) == (True, True, True)
    assert guidance_found(["At the end of March the council had 14 off-payroll workers."]).agency_addressed
    assert guidance_found(["Two planning posts were filled by contractors on day rates."]).agency_addressed


@pytest.mark.parametrize(
    "text",
    [
        "We have cut our reliance on agency by two fifths since 2022.",
        "The agency bill fell to £2.1m last year.",
        "Spending on agency has halved.",
        "Two interims lead the finance and legal teams until the permanent posts are filled.",
        "Interim directors are now appointed only with the chief executive's approval.",
        "The contingent workforce is bought through one managed service.",
        "Non-permanent staff make up 4% of the establishment.",
    ],
)
def test_agency_staff_named_by_their_other_nouns_set_the_agency_flag(text):
    assert guidance_found([text]).agency_addressed


@pytest.mark.parametrize(
    "text",
    [
        "Our multi-agency safeguarding hub brings the police, health and social care together.",
        "Inter-agency rates of referral have fallen.",
        "The Environment Agency fees for flood works rose this year.",
        "An interim report on the review went to scrutiny in March.",
        "We spent on agency partners' training.",
    ],
)
def test_multi_agency_working_another_agency_or_an_interim_report_does_not_set_the_agency_flag(text):
    assert not guidance_found([text]).agency_addressed


def test_a_hospital_consultant_and_an_equality_impact_assessment_of_the_budget_do_not_set_the_flags():
    found = guidance_found(
        [
            "Most people now go home on the day the consultant says they are ready.",
            "Waiting times to see consultant surgeons at the hospital have fallen.",
            "An equality impact assessment was completed for each savings proposal in the budget.",
        ]
    )
    assert (found.consultants_addressed, found.agency_addressed, found.edi_addressed) == (False, False, False)
    assert guidance_found(["The consultants we hired cost £40,000."]).consultants_addressed


def test_inclusion_as_a_service_to_residents_is_not_edi_and_temporary_housing_or_nhs_locums_are_not_agency_staff():
    found = guidance_found(
        [
            "Our digital inclusion programme lends tablets to residents.",
            "The financial inclusion team helps families claim what they are owed.",
            "Families in temporary accommodation are housed within the borough.",
            "Two of the town's GP practices rely on locum GPs, and the hospital on locum doctors.",
        ]
    )
    assert (found.consultants_addressed, found.agency_addressed, found.edi_addressed) == (False, False, False)


def test_agency_and_consultant_spend_in_other_words_and_a_sum_lower_than_before_is_a_saving():
    found = document_figures(
        [
            "Temporary workers supplied through the framework made up 7.9% of the total pay bill.",
            "External advisers are used for valuation work, at a cost of £613,000 last year.",
            "The two budgets together are £852k lower than three years ago.",
            "The grant will fund around 332 home adaptations this year.",
        ]
    )
    assert [(f.kind, f.value) for f in found][:4] == [
        ("agency_share_of_staff_budget", Decimal("7.9")),
        ("consultant_spend", Decimal("613000")),
        ("savings", Decimal("852000")),
        ("count", Decimal("332")),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Agency and interim spending fell by £1.2m last year.",
        "We now go to recruitment agencies only for social work posts we cannot fill.",
        "Our use of agencies to fill vacancies has fallen by a third.",
        "A neutral vendor now supplies all our short-term cover.",
        "Every contractor has been checked against the IR35 rules since April.",
        "We no longer pay anyone through umbrella companies.",
        "Reliance on supply teachers in the schools we run has fallen.",
    ],
)
def test_agency_staff_by_the_firms_that_supply_them_and_agency_spending_set_the_agency_flag(text):
    assert guidance_found([text]).agency_addressed


@pytest.mark.parametrize(
    "text",
    [
        "The Environment Agency spending on flood defence in the district rose.",
        "Our home improvement agency costs £40k a year and keeps people safe at home.",
        "Housing agencies and the police met to agree the protocol.",
        "Partner agencies share data through the hub.",
    ],
)
def test_other_bodies_called_agencies_do_not_set_the_agency_flag(text):
    assert not guidance_found([text]).agency_addressed
