"""Telling a council's productivity plan from the documents that talk about one, with the reason."""

import pytest

from analysis.reading.document_kind import OTHER_REGIME, PLAN, PUBLICATION, REPORT, UNRELATED, classify_document

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


MINUTES = [
    "Minutes of the meeting of the Cabinet",
    "Present: the Leader (in the chair) and Cabinet Members",
    "Item 9: Productivity plan",
    "RESOLVED: That the productivity plan be approved for submission to the department.",
    "The Leader introduced the item, explaining that the plan drew together work already under way.",
]
NEWS_PAGE = [
    "How we are making every pound count",
    "Brackenford District Council has published its productivity plan, setting out how it gets the most from "
    "every pound.",
    'Councillor for Finance said: "We have a strong record of delivering value for money."',
    "The plan highlights savings of £14m made over recent years, largely through shared services.",
]
REQUEST_PAGE = [
    "Our productivity plan: what we were asked to do",
    "This plan sets out how Brackenford is making better use of its resources, in answer to the request.",
    "The government asked councils to produce a productivity plan setting out how they will improve service "
    "performance and reduce wasteful expenditure.",
    "What are the barriers preventing progress that the government can help to reduce or remove?",
    "The minister's letter asked councils to consider spend on consultants and on equality, diversity and "
    "inclusion programmes.",
]
FIRE_PLAN = [
    "Productivity and efficiency plan",
    "On-call availability remains the service's biggest risk, particularly in rural stations.",
    "Wholetime firefighters spent more of their time on home fire safety visits this year.",
    "This plan describes how the fire and rescue service will release capacity for prevention work.",
    "The fire authority's budget is set by the mayor, and the precept forms part of the council tax bill.",
]
POLICE_STATEMENT = [
    "Efficiency and productivity statement",
    "Recruitment of police staff investigators has allowed warranted officers to return to patrol.",
    "The force's collaboration with neighbouring forces on forensic services has reduced costs.",
    "Body-worn video means officers can complete crime reports at the scene.",
]
NHS_PLAN = [
    "Cost improvement plan",
    "Outpatient follow-ups are being replaced by patient-initiated follow-up where clinically safe.",
    "Length of stay for elective patients has fallen since the new day surgery unit opened.",
    "Savings come from theatre productivity and reduced use of bank and agency nurses.",
]


@pytest.mark.parametrize(
    ("passages", "kind", "words"),
    [
        (MINUTES, REPORT, ["minutes", "a resolution", "who attended"]),
        (NEWS_PAGE, PUBLICATION, ["a councillor quoted", "the plan described from outside"]),
        (REQUEST_PAGE, PUBLICATION, ["the government's request quoted"]),
        (FIRE_PLAN, OTHER_REGIME, ["4 of its 4 passages", "a fire and rescue service"]),
        (POLICE_STATEMENT, OTHER_REGIME, ["a police force"]),
        (NHS_PLAN, OTHER_REGIME, ["an NHS body"]),
    ],
    ids=["minutes", "news without a press release heading", "the request quoted", "fire", "police", "nhs"],
)
def test_documents_that_talk_about_a_plan_are_told_by_what_a_person_would_see(passages, kind, words):
    found, reason = classify_document(passages[1:], passages[0])
    assert found == kind
    for word in words:
        assert word in reason


def test_a_plan_is_in_the_councils_own_voice():
    found, reason = classify_document(PLAN_TEXT, "Productivity plan 2024")
    assert found == PLAN
    assert "speaking as the council" in reason


def test_a_page_that_speaks_of_a_plan_only_from_outside_is_not_a_plan():
    passages = [
        "Brackenford's productivity plan covers service transformation, digital systems and savings.",
        "The plan was prepared by officers over the spring and covers the council's services.",
        "It describes barriers such as one-year funding settlements.",
    ]
    found, reason = classify_document(passages, "About the productivity plan")
    assert found == PUBLICATION
    assert "from outside" in reason


def test_a_council_news_page_about_something_else_is_unrelated():
    passages = [
        "News",
        "Garden waste collections will be suspended over Christmas.",
        "Councillor Hart said: 'Thank you.'",
    ]
    assert classify_document(passages, "News")[0] == UNRELATED


def test_a_plan_that_writes_about_hospital_discharge_is_still_a_plan():
    passages = [*PLAN_TEXT, "Our joint discharge team helps patients leave hospital sooner with the right support."]
    assert classify_document(passages, "Productivity plan 2024")[0] == PLAN


def test_a_press_release_about_the_plan_is_a_publication_even_without_the_word_productivity():
    passages = [
        "PRESS RELEASE",
        "The leader said: “This plan is a snapshot of work that started long before the government asked for it.”",
        "The plan explains how residents now get help with one phone number and one form.",
        "Ministers will look at every council's plan together with the expert panel.",
    ]
    assert classify_document(passages, "Council sets out its plan")[0] == PUBLICATION
    local_plan_news = ["News", "The council's local plan for new homes goes out to consultation next month."]
    assert classify_document(local_plan_news, "Local plan consultation")[0] == UNRELATED


def test_a_short_fire_authority_plan_is_known_by_its_emergency_cover():
    passages = [
        "Productivity and efficiency plan",
        "Barriers to higher productivity include national terms and conditions that limit how wholetime crews work.",
        "The authority spent £961 thousand on agency control room staff while new operators were trained.",
        "Consultants were engaged to review emergency cover across the service area, at a cost of £514,000.",
    ]
    assert classify_document(passages, "Productivity and efficiency plan")[0] == OTHER_REGIME
