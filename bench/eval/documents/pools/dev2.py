# ruff: noqa: E501  (hand-written passages, one per line)
"""A second pool for dev documents (see pools/__init__.py for the labels, pools/dev.py for `tier`).

Written apart from the other pools, in the formal third-person voice many plans and committee papers
use ("the Council", "the Authority", named programmes, numbered paragraphs), and weighted towards what
the first dev pool had little of:

- passages about the council's relationship with government and about government programmes that name
  no constraint (a grant received, a partnership with the department, a pilot, a peer challenge), many
  of them sitting in the barriers section, where only a constraint or an ask is theme 4;
- finance background (the budget, its funding, reserves, the council tax base) that is not about
  reducing wasteful spend, sitting in the spending section;
- consultants, agency and interim staff and equality, diversity and inclusion put in other words
  (advisers, interims, locums, off-payroll workers, inclusion, equality objectives), and the
  government's question about them reported in impersonal words that are not the council's.

The report furniture (recommendations, implications, decisions, call-in, minutes) is the first dev
pool's; its other regimes and unrelated pages are not used by this pool's documents.
"""

from . import P
from .dev import CALL_IN, DECISION, IMPLICATIONS, MINUTES, NOT_COUNTY, RECOMMENDATIONS  # noqa: F401

SHIRE = "county,district,unitary"

INTRO = [
    P(
        "1.1 This document is the Council's productivity plan. It draws on the Corporate Strategy 2023–2027, the Medium Term Financial Plan and the annual performance report, and introduces no new policy."
    ),
    P(
        "1.2 The Authority serves around {count:n:residents} residents across a mix of former mining towns, commuter villages and open countryside.",
        tier=SHIRE,
    ),
    P(
        "{C} is governed by a Leader and Cabinet model, with an Audit and Governance Committee and two scrutiny panels; the Chief Executive is the Head of Paid Service."
    ),
    P(
        "The Council's ambition, set out in its Corporate Strategy, is a borough where every resident can live well, work locally and feel safe.",
        tier="district,unitary,metropolitan_district,london_borough",
    ),
    P(
        "Our 'Better Together' transformation programme, launched in 2022, brings every change project under one board chaired by the Chief Executive, with a single benefits register tracking what each project delivers.",
        t="1",
    ),
    P(
        "This plan follows the four themes in the order the department listed them, with a short note on how progress will be reported."
    ),
    P(
        "The Council has a long record of working constructively with government departments and welcomes the opportunity to set out its achievements and its priorities in one place."
    ),
]

QUOTED = [
    P(
        "Councils were advised that plans must have member oversight and endorsement before they are submitted and published.",
        q=True,
    ),
    P(
        "It was suggested that plans should not exceed four pages, and there is a requirement for each council to publish its plan on its website.",
        q=True,
    ),
    P(
        "There was an expectation that plans would say how much is spent on consultants, on agency staff and on equality, diversity and inclusion work, and what is being done to reduce it.",
        q=True,
    ),
    P(
        "The department confirmed that there would be flexibility in how plans are structured, and that an expert panel including the Office for Local Government would review them.",
        q=True,
    ),
    P(
        "Authorities are expected to consider the use of consultancy and of discredited practices, and to show how spend on diversity and inclusion activity represents value for money.",
        q=True,
    ),
]

T1 = [
    P(
        "The Council's customer service centre now handles all first contact for housing, revenues and environmental services, resolving four in five enquiries at the first point of contact instead of passing them to back offices.",
        t="1",
        tier=NOT_COUNTY,
    ),
    P(
        "A new model of domiciliary care, commissioned by patch rather than by the hour, has given care workers shorter journeys and more continuity with the people they visit.",
        t="1",
        tier="upper",
    ),
    P(
        "The Council and its neighbouring authority appointed a joint Chief Executive in 2023 and have since combined legal, audit and procurement teams, with a single structure below director level agreed by both Cabinets.",
        t="1",
    ),
    P(
        "Through the government's Supporting Families programme the Authority has worked with several hundred families each year, and the approach of one lead worker per family has now been adopted across early help.",
        t="1",
        tier="upper",
    ),
    P(
        "The Authority is one of the councils taking part in the Levelling Up Partnership for the area, which brings officials from several departments together with council officers to agree a shared list of local projects.",
    ),
    P(
        "A corporate peer challenge led by the Local Government Association took place last autumn; the peer team's recommendations, and the Council's action plan in response, are published on our website.",
    ),
    P(
        "Housing repairs have been reorganised so that one multi-skilled operative can complete most jobs in a single visit, which has cut repeat appointments and the time tenants wait for a repair.",
        t="1",
        tier=NOT_COUNTY,
    ),
    P(
        "The Council's adult social care front door now offers a conversation with a practitioner on the day someone calls, and many people are connected to community support without needing a formal assessment.",
        t="1",
        tier="upper",
    ),
]

T2 = [
    P(
        "With a grant from the Local Digital Fund, the Council and three other authorities built an open-source tool for planning applications that other councils can reuse at no cost.",
        t="2",
    ),
    P(
        "The Council was a pilot authority for the department's new data collection on temporary accommodation, testing the templates before they were issued to every council.",
        t="2",
        tier=NOT_COUNTY,
    ),
    P(
        "Every service now has a monthly performance dashboard drawn from the case systems, and the Corporate Leadership Team reviews the same figures at each meeting.",
        t="2",
    ),
    P(
        "Robotic process automation now reconciles payments and updates direct debits overnight, releasing the equivalent of {count:sn:staff} posts in the revenues team for work with residents in arrears.",
        t="2,3",
        tier=NOT_COUNTY,
    ),
    P(
        "The Authority has signed up to the Local Government Association's cyber security programme and completed the government's assurance framework for public sector networks.",
        t="2",
    ),
    P(
        "Telecare and sensor equipment is offered to everyone leaving hospital with a care package, so that a fall or a missed meal raises an alert before it becomes an emergency.",
        t="1,2",
        tier="upper",
    ),
]

T3 = [
    P(
        "The Council's net revenue budget for 2024/25 is {spending:m}. Council tax provides about two thirds of it, with the rest from business rates and government grant.",
    ),
    P(
        "The general fund reserve stands at the level the Section 151 Officer recommends as prudent, and earmarked reserves are held for specific purposes such as insurance and the local plan.",
    ),
    P(
        "Budget setting follows a timetable agreed each summer: service plans in the autumn, consultation with residents in December and the budget meeting of full Council in February.",
    ),
    P(
        "The Council's tax base grew by about one per cent last year as new homes were completed, adding modestly to what council tax raises.",
        tier=NOT_COUNTY,
    ),
    P(
        "A third of the Council's spending goes on contracts, and the Procurement Board now challenges every renewal above a modest value to see whether the service is still needed and whether a cheaper option exists; in its first year this saved {savings:k}.",
        t="3",
    ),
    P(
        "The Authority's treasury management strategy is approved by full Council each year and reviewed at the half year by the Audit and Governance Committee.",
    ),
    P(
        "Our office estate was reduced from five buildings to two, cutting running costs by {savings:k} a year, and the vacated sites are being redeveloped for housing.",
        t="3",
    ),
    P(
        "The Council's revenue budget is balanced for next year, and the capital programme of {spending:m} over four years is funded from receipts, grants and prudential borrowing.",
    ),
    P(
        "Mileage and printing budgets have been removed from every service and held centrally, so that any spending on them must be justified to finance; the two budgets together are {savings:kk} lower than three years ago.",
        t="3",
    ),
]

NOT_BARRIERS = [
    P(
        "The Council received {funding:m} from the UK Shared Prosperity Fund for the three years to March 2025, which pays for business support, a town centre events programme and skills courses for adults.",
    ),
    P(
        "The government's Household Support Fund has allowed the Authority to help families with energy and food costs through schools, food banks and the Citizens Advice service.",
    ),
    P(
        "The Council welcomes the recent confirmation of its allocation from the Disabled Facilities Grant, which will fund around {count:n:adaptations} home adaptations this year.",
        tier=NOT_COUNTY,
    ),
    P(
        "Officers meet the department's relationship manager for the area each quarter, and the Council has contributed to several of the department's consultations over the past year.",
    ),
    P(
        "The Authority has a good working relationship with the Office for Local Government and responded to its first call for evidence on how councils' performance should be reported.",
    ),
    P(
        "In line with the Best Value duty, the Council keeps its arrangements under review and reports on them each year in its annual governance statement.",
    ),
]

AGENCY = [
    P(
        "Interim and locum staff are used only where a post cannot be filled and the work cannot wait; the Council spent {agency_spend:m} on them last year, the great majority in children's social work.",
        t="3",
        g="a",
        tier="upper",
    ),
    P(
        "Off-payroll workers engaged through a personal service company are checked against the IR35 rules and reported quarterly to the Employment Committee, with the reasons each one was needed.",
        t="3",
        g="a",
    ),
    P(
        "External advisers are brought in only for specialist work the Council does not need often enough to employ people for, such as actuarial and property valuation advice, at a cost of {consultant_spend:k} last year.",
        t="3",
        g="c",
    ),
    P(
        "Temporary workers supplied through the regional framework made up {agency_share_of_staff_budget:pct} of the total pay bill, and the Authority aims to halve that over two years by growing its own apprentices.",
        t="3",
        g="a",
    ),
    P(
        "Use of consultancy has fallen sharply since the Council built its own programme management office, and no consultancy contract can now be let without the Chief Executive's approval.",
        t="3",
        g="c",
    ),
    P(
        "Where interim managers have covered senior posts, the Council has agreed a fixed end date at the start and paid them through the payroll rather than through an agency.",
        t="3",
        g="a",
    ),
    P(
        "The Council does not engage management consultancies for strategy or service reviews; such work is carried out by its own policy and performance team.",
        t="3",
        g="c",
    ),
]

EDI = [
    P(
        "The Council's equality objectives are refreshed every four years and reported on annually; the work is led by an officer who spends part of her time on it alongside other policy duties.",
        t="3",
        g="e",
    ),
    P(
        "Spending on inclusion is small: the Council funds interpreters, accessible formats and the annual workforce equality report, at a combined cost of about {edi_spend:kk} a year.",
        t="3",
        g="e",
    ),
    P(
        "Equality impact assessments are completed for budget proposals and policy changes, and the Council has no staff posts dedicated solely to diversity and inclusion.",
        t="3",
        g="e",
    ),
    P(
        "Inclusion training for managers is delivered in-house by the organisational development team rather than bought from outside providers.",
        t="3",
        g="e",
    ),
]

BARRIERS = [
    P(
        "The Council has worked closely with the department on the Levelling Up Fund scheme for the town centre, and officials have been supportive throughout the project.",
    ),
    P(
        "The Authority is grateful for the additional funding announced in the final settlement, and has used it to protect preventative services.",
    ),
    P(
        "We are taking part in the government's pilot of the new approach to local authority performance and will share what we learn with other councils.",
    ),
    P(
        "Officers would be pleased to discuss any part of this plan with the department, and the Council will continue to contribute to national work on productivity through the Local Government Association.",
    ),
    P(
        "The Council's share of the Homes England affordable housing programme has helped bring forward three schemes on its own land, and it is in discussion with Homes England about a fourth.",
        tier=NOT_COUNTY,
    ),
    P(
        "Funding is allocated one year at a time and usually confirmed only days before Christmas, which leaves the Authority setting a four-year financial plan on assumptions that change every winter.",
        b="funding-certainty",
    ),
    P(
        "Since 2010 the Council's core spending power has fallen further in real terms than that of most councils of its type, while demand for its statutory services has grown every year.",
        b="funding-adequacy",
    ),
    P(
        "Grant money reaches the Council through dozens of separate allocations, each with its own bidding window, conditions and monitoring form, and the officer time spent on them is out of proportion to the sums involved. [[Consolidating these grants into a single allocation would free staff for delivery.]]",
        b="grant-fragmentation,audit-and-reporting",
    ),
    P(
        "Statutory planning fees still fall well short of the cost of determining applications, so the planning service depends on a subsidy from the general fund every year.",
        b="fees-charges-national",
        tier=NOT_COUNTY,
    ),
    P(
        "Qualified building surveyors and planning officers are in short supply nationally, and the Council has been unable to fill several posts despite advertising them repeatedly.",
        b="workforce",
    ),
    P(
        "Temporary accommodation costs have risen beyond anything the Council planned for, because the subsidy it can claim back is frozen at rents from more than a decade ago. [[The Council asks the government to update the subsidy rate to current rents.]]",
        b="homelessness-temporary-accommodation",
        tier=NOT_COUNTY,
    ),
    P(
        "The Authority is working with the combined authority and neighbouring councils on the devolution deal for the area, and expects to take on new responsibilities for adult skills from next April.",
        tier="metropolitan_district,unitary,county",
    ),
    P(
        "Audit opinions on the Council's accounts are still outstanding for two years, not through any fault in the accounts but because the auditors lacked the staff to complete them, and finance staff are tied up answering queries about them.",
        b="audit-and-reporting",
    ),
]

BARRIERS_UPPER = [
    P(
        "Spending on placements for children in care has grown far faster than the Council's income, driven by a small number of very costly placements in a market where providers set the price.",
        b="childrens-social-care",
        tier="upper",
    ),
    P(
        "The Dedicated Schools Grant high needs block is in deficit, and the deficit is growing each year; [[the Council asks the government to set out how accumulated deficits will be dealt with when the statutory override ends]].",
        b="send-high-needs",
        tier="upper",
    ),
    P(
        "The Authority has taken part in the department's Delivering Better Value programme for SEND, which has helped it review its support for children with additional needs in mainstream schools.",
        t="1",
        tier="upper",
    ),
]

CLOSE = [
    P(
        "Progress will be reported through the Council's quarterly performance and finance reports to Cabinet, which are published with the papers for each meeting."
    ),
    P("This plan was approved by Cabinet and will be reviewed alongside the Medium Term Financial Plan each year."),
    P(
        "The Council looks forward to continuing its conversation with the department and with the Office for Local Government about the findings of the expert panel."
    ),
]

# A committee report's summary and background.
REPORT = [
    P(
        "The purpose of this report is to ask the Executive to agree the Council's productivity plan, attached as Appendix A, for submission to the department."
    ),
    P(
        "Local authorities have been asked by the department to produce productivity plans setting out how they will improve performance and reduce wasteful spending, to be returned before the summer recess."
    ),
    P(
        "In the guidance sent to chief executives, councils were advised that plans must have member oversight, and it was suggested that they should not exceed four pages."
    ),
    P(
        "The plan has been prepared by the Strategy and Performance team from the Council's existing strategies, and it has been shared with the Leader and the relevant Executive Members."
    ),
    P(
        "Section 4 of the plan sets out the barriers the Council faces, chiefly the short-term nature of its funding settlements and the cost of placements for children in care.",
        b="funding-certainty,childrens-social-care",
        tier="upper",
    ),
    P(
        "The plans will be reviewed by an expert panel including the Office for Local Government and the Local Government Association, which will report its findings to ministers."
    ),
]

NEWS = [
    P(
        "{C} has submitted its productivity plan to the government, setting out how the Council has saved money and improved services over the past five years."
    ),
    P(
        "The plan highlights the Council's shared management team with its neighbour and the move of most council tax and benefits transactions online.",
        t="1,2",
    ),
    P(
        'The Leader of the Council said: "We have a strong partnership with government and we will keep working with ministers to deliver for our residents."'
    ),
    P(
        "The Council's plan says that spending on agency staff and consultants has fallen for three years in a row, and that its equality work is limited to what the law requires.",
        t="3",
    ),
    P(
        "The plan also points to the uncertainty caused by one-year funding settlements, which the Council says makes long-term planning very difficult.",
        b="funding-certainty",
    ),
    P(
        "The full plan can be read on the Council's website, and the papers for the Cabinet meeting at which it was approved are available from the democratic services pages."
    ),
    P("The expert panel's findings are expected to be published later in the year."),
]

CHROME = [
    {
        "skip": "Skip to main content",
        "cookie": "We use essential cookies to make this site work. We would also like to use analytics cookies to understand how you use it.",
        "cookie_buttons": "Accept analytics cookies Reject analytics cookies",
        "nav": [
            "Bins and recycling",
            "Council tax",
            "Housing",
            "Planning",
            "Jobs and careers",
            "Council and democracy",
        ],
        "breadcrumb": ["Home", "Council and democracy", "Corporate plans and strategies"],
        "footer": ["Accessibility statement", "Cookies", "Privacy notice", "Contact the council"],
        "footer_text": "Registered office: the Civic Centre. Opening hours: 9am to 5pm, Monday to Friday.",
        "feedback": "Help us improve this page: was this information useful?",
    },
    {
        "skip": "Skip to page content",
        "cookie": "Can we store analytics cookies on your device? Analytics cookies help us understand how our website is being used.",
        "cookie_buttons": "Yes, allow analytics cookies No, do not allow analytics cookies",
        "nav": ["Home", "Residents", "Business", "Visitors", "The council"],
        "breadcrumb": ["Home", "The council", "Budgets and spending"],
        "footer": ["Accessibility", "Cookie policy", "Terms and conditions", "Modern slavery statement"],
        "footer_text": "Follow us on social media and sign up to our residents' e-newsletter.",
        "feedback": "Report a problem with this page",
    },
]
