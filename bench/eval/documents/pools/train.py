# ruff: noqa: E501  (hand-written passages, one per line)
"""Passages for the training documents (see pools/__init__.py for the labels)."""

from . import P

INTRO = [
    P(
        "This plan sets out how {C} is making better use of its resources, in answer to the request made of every council in England in spring 2024."
    ),
    P(
        "{c} serves a mixed area of market towns, villages and one larger town, and its residents expect services that are easy to reach and good value."
    ),
    P(
        "The plan was prepared by the senior leadership team with the Leader and the portfolio holder for finance, and was discussed with all group leaders before publication."
    ),
    P(
        "We have kept this plan short and focused on what we are doing now and what we intend to do over the next two years."
    ),
    P(
        "Our corporate strategy, adopted last year, sets three priorities: a thriving local economy, safe and clean neighbourhoods, and a council that works well for its residents."
    ),
    P(
        "{C} employs around {count:n:staff} staff and delivers more than a hundred separate services, from bin collections to licensing."
    ),
]

T1 = [
    P(
        "We have brought our customer contact teams into one service, so residents now deal with a single front door whether they call, email or visit in person.",
        t="1",
    ),
    P(
        "A shared legal service with two neighbouring councils has cut duplication and given us access to specialist lawyers we could not employ alone.",
        t="1",
    ),
    P(
        "Our early help offer now works with families before problems escalate, using community hubs in each locality rather than referrals to specialist teams.",
        t="1",
    ),
    P(
        "The waste and street cleansing rounds were redesigned around demand, which reduced the number of vehicles on the road each day without reducing collections.",
        t="1",
    ),
    P(
        "We are reviewing every service against a simple test: is it statutory, is it valued by residents, and could it be delivered in a better way with partners?",
        t="1",
    ),
    P(
        "Housing options officers now sit alongside benefits staff, so people at risk of losing their home get advice and financial help in one conversation.",
        t="1",
    ),
    P(
        "A joint commissioning team with the integrated care board plans community services together, so that money follows people rather than organisations.",
        t="1",
        tier="upper",
    ),
    P(
        "Reablement has been expanded so more people regain independence after a spell in hospital, reducing the need for long-term home care packages.",
        t="1",
        tier="upper",
    ),
    P(
        "Leisure centres have moved to a not-for-profit trust, which runs them with lower overheads and reinvests any surplus in the facilities.",
        t="1",
    ),
    P(
        "We work with town and parish councils to transfer small assets such as play areas and public toilets where the community can run them well.",
        t="1",
        tier="lower",
    ),
    P(
        "Our transformation programme has delivered {savings:m} of savings since it began, through service redesign rather than cuts to frontline provision.",
        t="1,3",
    ),
]

T2 = [
    P(
        "Residents can now report a missed bin, pay for a parking permit or apply for a council tax discount online at any time, with updates by text or email.",
        t="2",
    ),
    P(
        "We are replacing our ageing finance and HR systems with a single cloud platform, removing manual re-keying between them.",
        t="2",
    ),
    P(
        "Robotic process automation handles routine benefits tasks such as change-of-address updates, freeing officers to deal with complex cases.",
        t="2",
    ),
    P(
        "A data warehouse now brings together information from housing, revenues and benefits, so we can spot households heading towards crisis earlier.",
        t="1,2",
    ),
    P(
        "We are testing artificial intelligence tools to draft routine letters and summarise case notes, with a human checking every output before it is used.",
        t="2",
    ),
    P(
        "Our digital inclusion programme lends tablets and offers free help sessions in libraries so that no resident is left behind as services move online.",
        t="2",
    ),
    P(
        "Sensors in our fleet and in public bins tell crews which bins need emptying, so rounds are planned around need rather than a fixed timetable.",
        t="2",
    ),
    P(
        "Councillors now see a live performance dashboard each month, drawn from service systems rather than spreadsheets compiled by hand.",
        t="2",
    ),
    P(
        "About {other_percent:pct} of transactions with the council now start online, up from well under half three years ago.",
        t="2",
    ),
]

T3 = [
    P(
        "Procurement savings of {savings:m} were secured over the last two years by re-tendering our largest contracts and joining regional frameworks.",
        t="3",
    ),
    P(
        "We closed two office buildings and now work from one civic centre, saving {savings:k} a year in running costs.",
        t="3",
    ),
    P(
        "Every request to spend more than a set amount is checked by a spend control panel chaired by the Section 151 officer.",
        t="3",
    ),
    P(
        "Energy use across our buildings has fallen after we installed LED lighting and solar panels, reducing our energy bill by {savings:k} a year.",
        t="3",
    ),
    P(
        "Our medium-term financial plan requires savings of {savings:m} over the next three years, and this plan shows where most of that will come from.",
        t="3",
    ),
    P(
        "We spend {spending:m} a year on contracts with external suppliers, and every contract over a set value is reviewed before it is renewed.",
        t="3",
    ),
    P(
        "The council's net revenue budget for this year is {spending:m}, of which about a third is spent on staff.",
        t="",
    ),
    P("Our budget gap for next year is {budget_gap:m}, even after the savings already agreed.", t="3"),
    P(
        "Sharing a chief executive and senior management team with a neighbouring district saves the two councils {savings:k} a year between them.",
        t="1,3",
        tier="lower",
    ),
]

AGENCY = [
    P(
        "Agency staff made up {agency_share_of_staff_budget:pct} of our pay budget last year, mostly covering vacancies in planning and environmental health.",
        t="3",
        g="a",
    ),
    P(
        "We spent {agency_spend:m} on agency workers in the last financial year; our aim is to halve this by growing our own staff through apprenticeships.",
        t="3",
        g="a",
    ),
    P(
        "Spending on consultants was {consultant_spend:k}, used only for specialist work such as structural surveys where we have no in-house expertise.",
        t="3",
        g="c",
    ),
    P(
        "Consultants accounted for {consultant_share_of_staff_budget:pct} of total employee costs, and every appointment now needs the chief executive's approval.",
        t="3",
        g="c",
    ),
    P(
        "Agency and interim staff together cost {agency_share_of_staff_budget:pctr} of the paybill over the year, depending on the month.",
        t="3",
        g="a",
    ),
    P(
        "We do not use management consultants, and interim managers are engaged only when a senior post is vacant and cannot be covered internally.",
        t="3",
        g="ac",
    ),
    P("Our staff budget is {staff_budget:m} for the current year.", t="3"),
    P(
        "We employ {count:n:agency workers} agency workers at any one time, most of them in social work teams where permanent recruitment is hardest.",
        t="3",
        g="a",
        tier="upper",
    ),
]

EDI = [
    P(
        "Our spending on equality, diversity and inclusion is small: an officer's time and {edi_spend:k} a year for training that meets our public sector equality duty.",
        t="3",
        g="e",
    ),
    P(
        "We have no dedicated EDI team; equality impact assessments are completed by service managers as part of every decision.",
        t="3",
        g="e",
    ),
    P(
        "Staff networks for disabled, LGBT+ and ethnic minority colleagues are run by volunteers in their own time, with no separate budget.",
        t="3",
        g="e",
    ),
    P(
        "Equality and diversity training is part of the induction every new starter completes online, at no additional cost.",
        t="3",
        g="e",
    ),
]

BARRIERS = [
    P(
        "Our core funding has fallen sharply in real terms since 2010 while demand for statutory services keeps rising. [[We ask the government to restore funding to a level that matches need.]]",
        b="funding-adequacy",
    ),
    P(
        "One-year settlements announced just before Christmas make it almost impossible to plan beyond the current year or to invest to save.",
        b="funding-certainty",
    ),
    P(
        "The needs assessment that decides our share of funding is more than a decade old and does not reflect how the area has changed. [[The fair funding review should be completed without further delay.]]",
        b="fair-funding",
    ),
    P(
        "We are one of the lowest funded councils of our type, receiving about {funding:pr:per_resident} per resident less than the average for similar councils.",
        b="fair-funding",
    ),
    P(
        "Time and money are lost to competitive bidding: last year we prepared {count:sn:bids} separate bids, and fewer than half succeeded.",
        b="grant-fragmentation",
    ),
    P(
        "Small ring-fenced grants each come with their own monitoring return. [[We would like these pots rolled into a single flexible allocation.]]",
        b="grant-fragmentation,audit-and-reporting",
    ),
    P(
        "The referendum limit on council tax stops us raising the income our services need, and our band D charge is among the lowest in the region.",
        b="council-tax-limits",
    ),
    P(
        "Planning application fees are set nationally and cover only part of the cost of processing applications, so council tax subsidises developers. [[Councils should be allowed to set planning fees locally.]]",
        b="fees-charges-national",
    ),
    P(
        "New duties such as weekly food waste collections arrive with capital funding for vehicles but no certainty about the running costs.",
        b="new-burdens",
    ),
    P(
        "Our accounts for two earlier years are still unaudited because of the national backlog, which ties up finance staff and delays our own planning.",
        b="audit-and-reporting",
    ),
    P(
        "We cannot match the salaries offered in the private sector for planners and building control surveyors, and posts stay vacant for months.",
        b="workforce",
    ),
    P(
        "Nutrient neutrality rules have stalled housing schemes across the district for more than a year, with no local solution we can fund ourselves.",
        b="planning-system",
    ),
    P(
        "Rising interest rates have made borrowing for regeneration far more expensive, and the rules on minimum revenue provision limit what we can do. [[We ask for a review of the capital finance rules for councils investing in regeneration.]]",
        b="capital-and-borrowing",
    ),
    P(
        "Serving a large rural area costs more: refuse rounds and home visits involve long journeys that urban councils do not face, and the formula does not recognise this.",
        b="rurality-geography,fair-funding",
    ),
    P(
        "We cannot get timely data from the Department for Work and Pensions about households receiving Universal Credit. [[Legal gateways for sharing data with DWP should be widened so we can target support.]]",
        t="2",
        b="data-sharing",
    ),
    P(
        "Temporary accommodation costs have more than doubled in three years, and housing benefit subsidy is still capped at old rent levels, leaving the council to meet a deficit of {deficit:m}.",
        b="homelessness-temporary-accommodation",
    ),
    P(
        "Procurement rules add cost and delay to even small purchases. [[Simpler thresholds for low-value contracts would help.]]",
        b="procurement",
    ),
    P(
        "Uncertainty about local government reorganisation makes long-term investment decisions hard to take.",
        b="devolution-and-structures",
    ),
    P(
        "Drainage board levies have risen faster than our income and now take a significant share of our budget, a cost few other councils bear.",
        b="internal-drainage-board-levies",
        tier="lower",
    ),
    P(
        "Homelessness presentations continue to rise, and [[we ask government to uprate the local housing allowance so that private rents are affordable again.]]",
        b="homelessness-temporary-accommodation",
    ),
]

BARRIERS_UPPER = [
    P(
        "The cost of children's residential placements is driven by a market with too few providers making large profits; one placement can cost over {spending:k} a year. [[We ask the government to act on provider profits in the placements market.]]",
        b="childrens-social-care",
        tier="upper",
    ),
    P(
        "The deficit on our high needs block has reached {deficit:m} and continues to grow; when the statutory override ends, it will fall on the general fund.",
        b="send-high-needs",
        tier="upper",
    ),
    P(
        "Adult social care fees rise each year with the national living wage, but the funding we receive does not, leaving a gap we cannot close alone. [[A long-term funding settlement for adult social care is needed.]]",
        b="adult-social-care",
        tier="upper",
    ),
    P(
        "Home to school transport for children with special educational needs now costs us {spending:m} a year, a statutory duty we cannot reduce.",
        b="send-high-needs",
        tier="upper",
    ),
    P(
        "Hospital discharge depends on NHS funding that reaches us late and for one winter at a time, so we cannot commission care capacity with confidence.",
        b="health-integration,adult-social-care",
        tier="upper",
    ),
    P(
        "Our funding gap over the next three years is {budget_gap:mr}, driven by rising demand for services that local income cannot keep up with.",
        b="funding-adequacy",
        t="3",
        tier="upper",
    ),
]

# Descriptions of services, successes and the council's own actions: not barriers.
NOT_BARRIERS = [
    P(
        "Referrals to children's social care have fallen this year as our family help teams reach families earlier.",
        t="1",
        tier="upper",
    ),
    P(
        "We are using the flexible use of capital receipts to fund the upfront costs of our transformation programme.",
        t="1,3",
    ),
    P(
        "All recruitment to vacant posts now needs approval from a director, so every vacancy is tested before it is filled.",
        t="3",
    ),
    P(
        "Our planning service determined most major applications within the statutory period last year, one of the best records in the region.",
        t="",
    ),
    P(
        "As a district council we do not provide adult or children's social care; the county council does, and we work with it on housing for vulnerable residents.",
        t="",
        tier="lower",
    ),
    P(
        "Our joint discharge team with the hospital trust helps people return home sooner with the right support in place.",
        t="1",
        tier="upper",
    ),
    P(
        "The council collects waste from {count:n:households} households every week and maintains parks, car parks and public toilets.",
        t="",
    ),
    P("We set a balanced budget for this year without using our reserves.", t=""),
]

QUOTED = [
    P(
        "The government asked councils to produce a productivity plan setting out how they will improve service performance and reduce wasteful expenditure.",
        q=True,
    ),
    P(
        "Plans were to cover four themes: how services have been transformed, how technology and data are used, plans to reduce wasteful spend, and the barriers government could help to remove.",
        q=True,
    ),
    P(
        "The minister's letter asked councils to consider spend on consultants and on discredited staff equality, diversity and inclusion programmes.",
        q=True,
    ),
    P(
        "How do you plan to use technology and data to improve decision making, service design and use of resources?",
        q=True,
    ),
    P("What are the barriers preventing progress that the government can help to reduce or remove?", q=True),
]

CLOSE = [
    P("This plan will be reviewed by the Cabinet every six months and an update published on our website."),
    P("If you have any questions about this plan, please contact the Chief Executive's office."),
    P("We welcome the chance to discuss this plan with the department and with the new productivity review panel."),
]

REPORT = [
    P(
        "That Cabinet notes the productivity plan at Appendix A and delegates authority to the Chief Executive to submit it to the department by the deadline."
    ),
    P(
        "The report asks members to approve the council's productivity plan, which councils were asked to return by mid-July."
    ),
    P(
        "Reasons for the decision: to comply with the government's request and to set out the council's approach to productivity and value for money."
    ),
    P(
        "Financial implications: there are no direct financial implications arising from this report; savings described in the plan are already in the budget."
    ),
    P(
        "Legal implications: there is no statutory duty to produce a productivity plan, but the department has said plans will inform future policy."
    ),
    P(
        "Alternative options considered: not to submit a plan. This was rejected because it would leave the council's view of the barriers it faces unheard."
    ),
    P(
        "Equality implications: the report itself has no equality implications; individual proposals in the plan will be assessed as they are developed."
    ),
]

MINUTES = [
    P(
        "The Leader introduced the item, explaining that the plan drew together work already under way rather than setting new targets."
    ),
    P(
        "In answer to a question, the Director of Resources confirmed that the plan had been shared with the scrutiny committee chair before publication."
    ),
    P(
        "A member asked whether the plan would lead to further cuts; the Leader replied that it described existing savings programmes."
    ),
    P(
        "RESOLVED: That the productivity plan be approved for submission to the Department for Levelling Up, Housing and Communities."
    ),
    P(
        "Decision: to approve the council's productivity plan. Decision maker: the Leader of the Council, in consultation with the Cabinet."
    ),
    P("Any conflicts of interest declared: none. Dispensations granted: none."),
    P("Reason for urgency: the government's deadline fell before the next scheduled Cabinet meeting."),
]

NEWS = [
    P(
        "{C} has published its productivity plan, setting out how it is getting the most from every pound of public money."
    ),
    P(
        "The plan highlights savings of {savings:m} made over recent years, largely through shared services and better use of buildings.",
        t="3",
    ),
    P(
        'Councillor for Finance said: "We have a strong record of delivering value for money, and this plan shows residents exactly where we are heading."'
    ),
    P(
        "Read the full productivity plan on our website, where you can also find the council's budget and medium-term financial strategy."
    ),
    P(
        "The council is also [[calling on the government to provide multi-year funding settlements]] so that it can plan ahead with more confidence.",
        b="funding-certainty",
    ),
    P("Media enquiries: contact the communications team during office hours."),
]

FIRE = [
    P(
        "This productivity and efficiency plan describes how the fire and rescue service will release capacity for prevention and protection work."
    ),
    P(
        "Wholetime firefighters spent more of their time on home fire safety visits this year, supported by new scheduling software."
    ),
    P(
        "The national efficiency target asks fire and rescue services to create savings of two per cent of non-pay budgets."
    ),
    P(
        "On-call availability remains the service's biggest risk, particularly in rural stations during the working day."
    ),
    P(
        "The fire authority's budget is set by the combined authority mayor, and the precept forms part of the council tax bill."
    ),
]

POLICE = [
    P(
        "The Police and Crime Commissioner's efficiency plan shows how officer time has been released from back-office tasks."
    ),
    P(
        "Body-worn video and mobile devices mean officers can complete crime reports at the scene rather than returning to the station."
    ),
    P(
        "The force's collaboration with neighbouring forces on forensic services has reduced costs and improved turnaround times."
    ),
    P("Recruitment of police staff investigators has allowed warranted officers to return to neighbourhood patrol."),
]

NHS = [
    P(
        "The trust's cost improvement programme for the year targets savings through theatre productivity and reduced use of bank and agency nurses."
    ),
    P("Length of stay for elective patients has fallen following the opening of the new day surgery unit."),
    P("The integrated care board has asked all trusts to return to their pre-pandemic levels of corporate spend."),
    P("Outpatient follow-ups are being replaced by patient-initiated follow-up where clinically safe."),
]

LUF = [
    P(
        "This bid seeks capital funding to restore the town's historic market hall and bring its upper floors back into use as workspace."
    ),
    P(
        "The scheme will create new jobs and attract more visitors to the high street, according to the economic case prepared for the bid."
    ),
    P("Match funding will come from the council's capital programme and a contribution from the landowner."),
    P(
        "Delivery would begin within a year of the award, with the main works complete before the end of the funding period."
    ),
]

UNRELATED = [
    P("Garden waste collections will be suspended over the Christmas period and resume in the second week of January."),
    P("The licensing committee will consider an application for a new premises licence at its next meeting."),
    P("Our parks team has planted wildflower verges along the main approach roads to support pollinators."),
    P("Council tax bills will be sent out in March; you can choose to pay in ten or twelve monthly instalments."),
    P(
        "The statement of accounts shows the council's financial position at the end of the year and is open for public inspection."
    ),
    P("Residents are invited to comment on the draft local plan during the consultation period."),
    P("The annual canvass checks that everyone entitled to vote is on the electoral register."),
    P("Library opening hours are changing from next month; see the list below for your local branch."),
]

CHROME = {
    "skip": "Skip to main content",
    "cookie": "We use some essential cookies to make this website work. We'd also like to use analytics cookies to understand how you use our services.",
    "cookie_buttons": "Accept analytics cookies Reject analytics cookies",
    "nav": ["Home", "Bins and recycling", "Council tax", "Planning", "Housing", "Your council"],
    "breadcrumb": ["Home", "Your council", "Budgets and spending"],
    "footer": ["Accessibility statement", "Privacy notice", "Contact us", "Cookies"],
    "footer_text": "All content is available under the Open Government Licence, except where otherwise stated.",
    "feedback": "Was this page helpful? Yes No",
}
