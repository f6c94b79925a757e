"""Demo evidence, barriers and commitments, added to drafts through the services.

Dorset's figures are chosen so the shares come out as its 2024 report gives them: agency workers
0.35% and consultants 0.96% of the total staff budget. The pound amounts themselves are illustrative.
"""

import datetime

SPEND_EVIDENCE = {
    "E06000059": {
        "year": "2023/24",
        "staff_budget": 180_000_000,
        "agency_spend": 630_000,
        "consultant_spend": 1_728_000,
        "edi_statement": "Equality, diversity and inclusion training for staff is limited to what the Public Sector "
        "Equality Duty requires of us. We run no separate EDI programme.",
    },
    "E06000066": {
        "year": "2023/24",
        "staff_budget": 265_000_000,
        "agency_spend": 9_800_000,
        "consultant_spend": 2_400_000,
        "edi_statement": "Staff EDI training covers our duties under the Public Sector Equality Duty and is "
        "delivered in-house at minimal cost.",
    },
}

BARRIERS = {
    "E06000059": [
        (
            "rurality-geography",
            "Serving a large, sparse rural and coastal county costs more per resident, and the "
            "funding formula does not reflect it.",
            "Recognise sparsity and rurality in the needs assessment.",
        ),
        (
            "funding-certainty",
            "Single-year settlements stop us committing to invest-to-save projects.",
            "Return to multi-year settlements of at least three years.",
        ),
        (
            "grant-fragmentation",
            "Many small competitive grants, each with its own bidding and monitoring.",
            "Roll small ring-fenced grants into the core settlement.",
        ),
    ],
    "E06000066": [
        (
            "funding-adequacy",
            "Demand for adult and children's social care is growing faster than our funding.",
            "Fund the real cost of statutory care demand.",
        ),
        (
            "send-high-needs",
            "The high needs deficit keeps growing while the statutory override runs.",
            "Set out a long-term solution for high needs deficits.",
        ),
        (
            "internal-drainage-board-levies",
            "Drainage board levies on the Levels rise faster than council tax.",
            "Fund drainage board levies separately from the settlement.",
        ),
    ],
}

COMMITMENTS = {
    "E06000059": [
        (
            "Move more customer contact to digital self-service",
            "Director of Customer Services",
            datetime.date(2025, 3, 31),
            "Share of contacts handled online",
            "48%",
            "60%",
        ),
        (
            "Reduce the office estate by closing two further buildings",
            "Director of Assets and Property",
            datetime.date(2026, 3, 31),
            "Number of office buildings",
            "9",
            "7",
        ),
    ],
    "E06000066": [
        (
            "Deliver the transformation programme's savings",
            "Executive Director for Strategy, Workforce and Localities",
            datetime.date(2025, 3, 31),
            "Savings delivered in the year",
            "£0",
            "£20m",
        ),
    ],
    "E08000025": [
        (
            "Recruit permanent children's social workers in place of agency staff",
            "Director of Children and Families",
            datetime.date(2026, 3, 31),
            "Share of children's social worker posts filled by agency staff",
            "22% (2022-23)",
            "12%",
        ),
        (
            "Collect more council tax in the year it is due",
            "Director of Revenues and Benefits",
            datetime.date(2026, 3, 31),
            "Council tax collected in the year",
            "94.0% (2023-24)",
            "96.0%",
        ),
    ],
    "E10000016": [
        (
            "Reduce sickness absence through the wellbeing programme",
            "Director of Human Resources",
            datetime.date(2026, 3, 31),
            "Working days lost per employee",
            "10.2 days (2023-24)",
            "8.5 days",
        ),
        (
            "Resurface the A roads in the worst condition",
            "Director of Highways and Transportation",
            datetime.date(2027, 3, 31),
            "A roads where maintenance should be considered",
            "4.0% (2023-24)",
            "3.0%",
        ),
    ],
    "E09000033": [
        (
            "Answer more information requests on time",
            "Director of Governance",
            datetime.date(2026, 3, 31),
            "Freedom of Information requests answered within 20 working days",
            "85% (2024-25)",
            "95%",
        ),
    ],
}
