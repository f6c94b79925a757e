"""The guidance checks are pure functions of content, return values, page count, today and endorsement."""

import datetime

import pytest

from plans.checks import ADVICE, FAIL, PASS, checks_config, run_checks

DEADLINE = datetime.date(2024, 7, 19)
RETURN = {"slug": "productivity-plan-2024", "deadline": DEADLINE, "page_limit": 4, "requires_member_endorsement": True}
TITLES = {1: "Transformation", 2: "Technology and data", 3: "Reducing wasteful spend", 4: "Barriers"}
LONG = " ".join(["word"] * 45)


def content(bodies=None, *, evidence=None, barriers=()):
    bodies = bodies or {n: LONG for n in TITLES}
    return {
        "return": "productivity-plan-2024",
        "council": {"ons_code": "E06000059", "name": "Dorset"},
        "introduction": "",
        "sections": [{"theme": n, "title": TITLES[n], "body": bodies.get(n, "")} for n in TITLES],
        "spend_evidence": evidence,
        "barriers": list(barriers),
        "commitments": [],
    }


DORSET_EVIDENCE = {
    "year": "2023/24",
    "staff_budget": "100000000.00",
    "agency_spend": "350000.00",
    "consultant_spend": "960000.00",
    "agency_share_percent": "0.35",
    "consultant_share_percent": "0.96",
    "edi_statement": "EDI training is limited to the Public Sector Equality Duty.",
}


def by_id(checks):
    return {c.id: c for c in checks}


def run(plan, *, page_count=None, today=datetime.date(2024, 7, 9), endorsed=False, return_values=RETURN):
    return by_id(run_checks(plan, return_values, page_count, today, endorsed))


def test_every_check_is_there_with_a_known_status():
    checks = run_checks(content(), RETURN, 3, datetime.date(2024, 7, 1), False)
    assert [c.id for c in checks] == [
        "theme-1", "theme-2", "theme-3", "theme-4", "consultants", "agency", "edi",
        "barriers", "page-limit", "deadline", "endorsement",
    ]  # fmt: skip
    assert {c.status for c in checks} <= {PASS, FAIL, ADVICE}
    assert all(c.title and c.message for c in checks)


def test_an_empty_or_thin_theme_needs_attention():
    checks = run(content({1: LONG, 2: "", 3: "Too short to say much.", 4: LONG}))
    assert checks["theme-1"].status == PASS and checks["theme-4"].status == PASS
    assert checks["theme-2"].status == FAIL and "Nothing is written" in checks["theme-2"].message
    assert checks["theme-3"].status == FAIL and "5 words" in checks["theme-3"].message


def test_the_word_threshold_is_configurable():
    config = {**checks_config("productivity-plan-2024"), "theme_min_words": 3}
    checks = by_id(
        run_checks(content({n: "Three words here" for n in TITLES}), RETURN, 2, DEADLINE, False, config=config)
    )
    assert checks["theme-1"].status == PASS


def test_the_return_file_supplies_the_settings():
    config = checks_config("productivity-plan-2024")
    assert config["theme_min_words"] == 40
    assert "consultants" in config["keywords"]["consultants"]
    assert checks_config("no-such-return")["theme_min_words"] == 40  # the defaults


def test_dorset_figures_cover_consultants_agency_and_edi():
    checks = run(content(evidence=DORSET_EVIDENCE))
    assert checks["consultants"].status == PASS and "0.96%" in checks["consultants"].message
    assert checks["agency"].status == PASS and "0.35%" in checks["agency"].message
    assert checks["edi"].status == PASS


def test_theme_3_text_alone_can_cover_them():
    text = "We cut spend on interim consultants and agency staff. Our EDI work stays within the PSED. " + LONG
    checks = run(content({**{n: LONG for n in TITLES}, 3: text}))
    assert (checks["consultants"].status, checks["agency"].status, checks["edi"].status) == (PASS, PASS, PASS)


def test_silence_on_consultants_agency_and_edi_needs_attention():
    checks = run(content())
    assert (checks["consultants"].status, checks["agency"].status, checks["edi"].status) == (FAIL, FAIL, FAIL)


def test_keywords_match_whole_words_only():
    text = "The credit agreement was edited and the agencyless model ran. " + LONG  # "edi" inside "edited"
    checks = run(content({**{n: LONG for n in TITLES}, 3: text}))
    assert checks["edi"].status == FAIL and checks["agency"].status == FAIL


def test_barriers_need_an_ask():
    without = run(
        content(barriers=[{"category": "funding", "category_label": "Funding", "description": "x", "ask": " "}])
    )
    assert without["barriers"].status == FAIL
    with_ask = run(
        content(barriers=[{"category": "funding", "category_label": "F", "description": "x", "ask": "Multi-year"}])
    )
    assert with_ask["barriers"].status == PASS


@pytest.mark.parametrize(
    ("pages", "status", "words"),
    [
        (None, ADVICE, "Not rendered yet"),
        (3, PASS, "The plan is 3 pages"),
        (4, PASS, "The plan is 4 pages"),
        (6, FAIL, "The plan is 6 pages; the guidance suggests no more than 4"),
    ],
)
def test_page_limit(pages, status, words):
    check = run(content(), page_count=pages)["page-limit"]
    assert check.status == status and words in check.message


def test_deadline_counts_days_then_says_it_has_passed():
    assert run(content(), today=datetime.date(2024, 7, 9))["deadline"].message.startswith("10 days left")
    assert run(content(), today=datetime.date(2024, 7, 18))["deadline"].message.startswith("1 day left")
    passed = run(content(), today=datetime.date(2024, 7, 20))["deadline"]
    assert passed.status == ADVICE and passed.message == "The deadline of 19 July 2024 has passed."


def test_endorsement_is_advice_until_members_endorse():
    assert run(content(), endorsed=False)["endorsement"].status == ADVICE
    assert run(content(), endorsed=False)["endorsement"].message == "Member endorsement still to come."
    assert run(content(), endorsed=True)["endorsement"].status == PASS


def test_checks_do_not_touch_the_database():
    # No django_db mark: any query would raise. Running them all is enough to prove it.
    run(content(evidence=DORSET_EVIDENCE), page_count=4)
