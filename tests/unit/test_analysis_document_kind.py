"""Telling a council's productivity plan from the documents that talk about one, with the reason."""

import pytest

from analysis.document_kind import OTHER_REGIME, PLAN, PUBLICATION, REPORT, UNRELATED, classify_document

PLAN_TEXT = [
    "Productivity plan 2024",
    "We have redesigned our customer contact service so that most residents are helped on the first call.",
    "Our new data platform joins housing and benefits records, and we use automation to process forms.",
    "Spending on agency staff fell by a third last year and we have cut our use of consultants.",
    "The biggest barrier is one-year funding settlements; we ask the government for multi-year settlements.",
]

CASES = [
    (PLAN_TEXT, "Productivity plan 2024", PLAN),
    (
        [
            "Report of the Director of Finance to Cabinet, 10 July 2024",
            "Recommendations: Cabinet is asked to approve the productivity plan attached at Appendix A.",
            "Financial implications: there are no direct costs arising from this report.",
            "Legal implications: the plan responds to a request from the Minister.",
            *PLAN_TEXT[1:],
        ],
        "Cabinet report: productivity plan",
        REPORT,
    ),
    (
        [
            "Press release",
            "Published 19 July 2024",
            "Brackenford sets out how it will save money and improve services in its new productivity plan.",
            "“We have worked hard to get more from every pound,” said Councillor Amy Hart, leader of the council.",
        ],
        "Council publishes productivity plan",
        PUBLICATION,
    ),
    (
        [
            "Northshire Fire and Rescue Service productivity and efficiency plan 2024",
            "The fire and rescue authority has reduced on-call costs and invested in digital mobilising systems.",
            "Our firefighters now carry out safe and well visits with health partners.",
            "The fire and rescue authority will keep its reserves under review.",
        ],
        "Productivity and efficiency plan",
        OTHER_REGIME,
    ),
    (["Bin collections over the bank holiday", "Collections will be a day later than usual."], "Bins", UNRELATED),
]


@pytest.mark.parametrize(("passages", "title", "kind"), CASES, ids=[c[2] for c in CASES])
def test_each_kind_is_told_with_a_reason(passages, title, kind):
    found, reason = classify_document(passages, title)
    assert found == kind
    assert reason.endswith(".") and len(reason) > 20


def test_a_plan_that_mentions_partners_in_other_regimes_is_still_a_plan():
    passages = [*PLAN_TEXT, "We share a building with the fire and rescue service and work with the NHS trust."]
    assert classify_document(passages, "Our plan")[0] == PLAN


def test_the_reason_names_what_was_found():
    _, reason = classify_document(CASES[1][0], CASES[1][1])
    assert "recommendations" in reason and "implications" in reason
