# ruff: noqa: E501  (hand-written passages, one per line)
"""Passages for the held-out documents (see pools/__init__.py). Never used to tune anything."""

from . import P

INTRO = [
    P(
        "Councils across England were invited to explain how they are improving productivity; this document is {C}'s response."
    ),
    P(
        "{c} is home to a growing and ageing population, with pockets of deprivation alongside some of the most prosperous neighbourhoods in the country."
    ),
    P(
        "Our political leadership and senior officers agreed the content of this plan together, and it reflects the administration's priorities for the rest of its term."
    ),
    P(
        "Much of what follows describes work that is already well advanced, alongside some newer proposals still being tested."
    ),
    P("The council has around {count:n:employees} employees working across offices, depots and community venues."),
    P("Our vision is for a fairer, greener and more prosperous borough where nobody is left behind."),
]

T1 = [
    P(
        "A locality model now places social workers, health visitors and housing officers in the same neighbourhood teams, each serving a defined patch.",
        t="1",
        tier="upper",
    ),
    P(
        "Revenues and benefits are run jointly with a neighbouring authority through a shared service that handles collection, billing and appeals for both.",
        t="1",
    ),
    P(
        "We rebuilt our planning validation process from the applicant's point of view, cutting the number of applications returned as incomplete.",
        t="1",
    ),
    P(
        "Libraries have become community hubs offering council advice, health checks and job support under one roof.",
        t="1",
    ),
    P(
        "Building maintenance was brought back in house after the previous contract ended, giving us direct control over quality and response times.",
        t="1",
    ),
    P(
        "Prevention sits at the centre of our approach: we fund voluntary groups to tackle loneliness because it reduces later demand on care and health services.",
        t="1",
    ),
    P(
        "Foster carers recruited through our own service have allowed more children to live in family settings close to home.",
        t="1",
        tier="upper",
    ),
    P(
        "A single enforcement team now covers fly-tipping, parking and licensing, so one visit can deal with several problems at the same address.",
        t="1",
    ),
    P(
        "We redesigned the homelessness pathway so that caseworkers keep a household from first contact until it is settled, rather than passing it between teams.",
        t="1",
    ),
    P(
        "The redesign of our highways service into area-based gangs has saved {savings:k} a year and improved repair times.",
        t="1,3",
        tier="upper",
    ),
]

T2 = [
    P(
        "A chatbot on the website now answers common questions about bins, parking and council tax around the clock, passing harder queries to an adviser.",
        t="2",
    ),
    P(
        "Our new case management system for planning and building control lets applicants track progress online without phoning the office.",
        t="2",
    ),
    P(
        "Predictive analytics help us identify older people at risk of falls so that an occupational therapist can visit before a crisis.",
        t="1,2",
        tier="upper",
    ),
    P(
        "Microsoft 365 has been rolled out to all staff, replacing shared drives and paper-based approvals with digital workflows.",
        t="2",
    ),
    P(
        "We publish open data on spending, planning decisions and performance so residents and businesses can hold us to account.",
        t="2",
    ),
    P(
        "Technology-enabled care such as door sensors and video calls lets people stay safely in their own homes for longer.",
        t="1,2",
        tier="upper",
    ),
    P(
        "Automated matching of council tax and electoral records found single person discounts that were no longer valid.",
        t="2,3",
    ),
    P(
        "Our cyber security work has been recognised nationally, and every member of staff completes annual training on phishing and data protection.",
        t="2",
    ),
    P(
        "Online forms now account for {other_percent:pct} of all requests for service, compared with a minority before the pandemic.",
        t="2",
    ),
]

T3 = [
    P(
        "Over the last four years we have delivered efficiencies worth {savings:m}, mainly from contract renegotiation and reduced office space.",
        t="3",
    ),
    P(
        "Surplus land and buildings are being sold, with receipts of {funding:m} expected over the next two years.",
        t="3",
    ),
    P(
        "A vacancy management process means no post is advertised until its manager has shown why it cannot be removed or redesigned.",
        t="3",
    ),
    P("We moved our insurance and banking contracts to new providers, saving {savings:k} a year.", t="3"),
    P("Spending on stationery, printing and postage has been cut by a third since we moved to digital post.", t="2,3"),
    P("Our gross expenditure this year is {spending:m} across all services.", t=""),
    P("The projected shortfall in next year's budget stands at {budget_gap:m}, rising further the year after.", t="3"),
    P("Our overspend this year is forecast at {deficit:m}, largely in temporary accommodation.", t="3"),
    P(
        "Day-to-day spending works out at about {spending:pr:per_resident} per resident each year, well below the national average.",
        t="3",
    ),
]

AGENCY = [
    P(
        "The cost of agency workers was {agency_share_of_staff_budget:pct} of our employee costs this year, down from the year before.",
        t="3",
        g="a",
    ),
    P(
        "Agency spend was {agency_spend:m} last year, concentrated in children's social work where vacancies are hard to fill.",
        t="3",
        g="a",
        tier="upper",
    ),
    P(
        "External consultants cost us {consultant_spend:k} last year, almost all of it on specialist engineering and valuation advice.",
        t="3",
        g="c",
    ),
    P(
        "Consultancy spend represents about {consultant_share_of_staff_budget:pct} of the paybill, and a business case is required for every engagement.",
        t="3",
        g="c",
    ),
    P(
        "We expect agency costs to settle at {agency_share_of_staff_budget:pctr} of the pay budget once the new recruitment campaign takes effect.",
        t="3",
        g="a",
    ),
    P(
        "We reduced our reliance on interim managers by filling three senior posts permanently, and no consultants were engaged on transformation work.",
        t="3",
        g="ac",
    ),
    P("The total paybill for the year is {staff_budget:m}, including pension contributions.", t="3"),
    P(
        "We have {count:sn:vacancies} vacancies for qualified planners and have filled some with agency staff at a premium rate.",
        t="3",
        g="a",
    ),
]

EDI = [
    P(
        "Equality, diversity and inclusion work costs the council about {edi_spend:k} a year, mostly staff time spent meeting our legal duties under the Equality Act.",
        t="3",
        g="e",
    ),
    P(
        "We do not employ any diversity officers; our equality duty is met through training for managers and assessments of policy changes.",
        t="3",
        g="e",
    ),
    P(
        "Inclusion training is delivered by our own learning and development team rather than by external providers.",
        t="3",
        g="e",
    ),
    P(
        "The equality and diversity group meets quarterly and is led by a director as part of their normal duties.",
        t="3",
        g="e",
    ),
]

BARRIERS = [
    P(
        "The money we receive has not kept pace with inflation and pay awards, which means we face a disproportionate share of the cuts compared with councils elsewhere.",
        b="funding-adequacy,fair-funding",
    ),
    P(
        "Without a settlement covering several years, we cannot commit to invest-to-save schemes whose returns arrive after the current year. [[A three-year settlement would let us plan properly.]]",
        b="funding-certainty",
    ),
    P(
        "The business rates reset threatens to remove the growth we have worked hard to attract. [[Government should protect growth already achieved when the reset happens.]]",
        b="fair-funding",
    ),
    P(
        "Bidding for pots of money drains officer time: each fund has different rules, deadlines and reporting, and unsuccessful bids are money lost.",
        b="grant-fragmentation",
    ),
    P(
        "Capping council tax increases without a vote of residents leaves us unable to cover inflation from local income.",
        b="council-tax-limits",
    ),
    P(
        "Licensing and land search fees are fixed by national rules at levels well below what it costs us to deliver them.",
        b="fees-charges-national",
    ),
    P(
        "Extended producer responsibility and simpler recycling are being introduced before councils know what funding they will receive. [[We ask for confirmed funding before new waste duties start.]]",
        b="new-burdens",
    ),
    P(
        "New statutory duties keep being imposed without engaging the sector or assessing their cost to councils.",
        b="new-burdens",
    ),
    P(
        "The volume of data returns we must send to different departments each year is out of proportion to their value. [[One annual data collection would be far better.]]",
        b="audit-and-reporting",
    ),
    P(
        "Shortages of environmental health officers and qualified engineers mean we rely on expensive temporary cover for key roles.",
        b="workforce",
    ),
    P(
        "Planning policy changes and appeals decisions outside our control have left the local plan unable to meet housing targets.",
        b="planning-system",
    ),
    P(
        "The cost of borrowing for new council homes has risen so far that several schemes no longer stack up.",
        b="capital-and-borrowing,homelessness-temporary-accommodation",
    ),
    P(
        "Coastal and island communities are expensive to serve, with ferry crossings, seasonal populations and long travel times for staff. [[Funding should reflect the extra cost of rurality and remoteness.]]",
        b="rurality-geography",
    ),
    P(
        "Sharing information with health partners is held back by uncertainty over data protection rules and incompatible NHS systems.",
        t="2",
        b="data-sharing,health-integration",
    ),
    P(
        "We spent {spending:m} on temporary accommodation last year, and only part of that was recovered through housing benefit because of the subsidy cap.",
        b="homelessness-temporary-accommodation",
    ),
    P(
        "Two tiers of local government in the county create duplication that residents do not understand. [[We would welcome a conversation with ministers about simpler structures.]]",
        b="devolution-and-structures",
        tier="lower",
    ),
    P(
        "Levies from internal drainage boards rise every year and we have no say over them. [[The levy should be funded directly by government.]]",
        b="internal-drainage-board-levies",
        tier="lower",
    ),
    P("Regulations on public procurement make small contracts slow and costly to let.", b="procurement"),
]

BARRIERS_UPPER = [
    P(
        "Demand for education, health and care plans has doubled, and the dedicated schools grant deficit now stands at {deficit:m}. [[We need a national solution to high needs deficits.]]",
        b="send-high-needs",
        tier="upper",
    ),
    P(
        "Care providers tell us that fees must rise well above inflation to cover wage costs, but our funding for adult social care does not allow it.",
        b="adult-social-care",
        tier="upper",
    ),
    P(
        "A handful of private providers dominate the market for children's homes, and prices have risen faster than any other cost we face.",
        b="childrens-social-care",
        tier="upper",
    ),
    P(
        "Our share of the Better Care Fund arrives late in the year with complex conditions attached, limiting joint planning with the NHS.",
        b="health-integration",
        tier="upper",
    ),
    P(
        "We face a funding gap of {budget_gap:mr} over the medium term, mostly because of care costs outside our control. [[Government should fund care reform fully.]]",
        b="adult-social-care,funding-adequacy",
        t="3",
        tier="upper",
    ),
]

NOT_BARRIERS = [
    P(
        "The number of children in care has fallen for two years running as our edge-of-care service keeps families together safely.",
        t="1",
        tier="upper",
    ),
    P(
        "We used capital receipts to pay for new software and the redundancy costs of our restructure, as the flexibilities allow.",
        t="2,3",
    ),
    P("Our recruitment freeze means every new post now needs the agreement of the corporate leadership team.", t="3"),
    P(
        "The district does not run social care services, but our housing and benefits teams refer residents to the county's adult care team when needed.",
        t="",
        tier="lower",
    ),
    P("We maintain {count:n:homes} council homes and manage a waiting list for social housing.", t=""),
    P(
        "Our discharge to assess scheme with the hospital has reduced the time people spend waiting to leave a ward.",
        t="1",
        tier="upper",
    ),
    P("We have appointed a new head of planning and the service is now fully staffed.", t=""),
    P("The council awarded {count:sn:grants} grants to community groups this year through its community fund.", t=""),
]

QUOTED = [
    P(
        "In April the minister wrote to all council leaders asking each authority to submit a plan describing how it would raise productivity.",
        q=True,
    ),
    P(
        "The letter said plans should set out how councils will transform services, make better use of technology and data, reduce wasteful spend, and identify barriers the government can remove.",
        q=True,
    ),
    P(
        "Councils were told to look in particular at their use of expensive consultants and at spending on diversity schemes that the government considers wasteful.",
        q=True,
    ),
    P(
        "Question three of the guidance asks: what are your plans to reduce wasteful spend within your organisation and systems?",
        q=True,
    ),
    P(
        "Question one asks how the council has transformed the way it designs and delivers services to make better use of resources.",
        q=True,
    ),
]

CLOSE = [
    P(
        "Progress against this plan will be reported to the audit and governance committee alongside our regular finance reports."
    ),
    P("We are happy to share any part of our work with other councils and with the department."),
    P("Signed by the Leader of the Council and the Chief Executive."),
]

REPORT = [
    P(
        "Members are recommended to endorse the draft plan attached as Appendix 1 and authorise its submission to the department."
    ),
    P(
        "Background: in April the department wrote to every council asking for a plan by the summer, with a light-touch format and no fixed template."
    ),
    P(
        "Why the decision is needed: the plan must be approved before it is sent, and the executive meets only once before the deadline."
    ),
    P(
        "Consultation: the plan was shared with the overview and scrutiny committee, whose comments are reflected in the final version."
    ),
    P(
        "Risk management: failing to respond could affect the council's reputation with government, although no funding is attached to the plan."
    ),
    P("Background papers: the minister's letter of April and the department's accompanying note to chief executives."),
]

MINUTES = [
    P(
        "The Cabinet Member for Resources presented the report and thanked officers for preparing the plan at short notice."
    ),
    P(
        "Members discussed the section on barriers and agreed it should stress the pressures on temporary accommodation."
    ),
    P("The recommendation was moved, seconded and carried unanimously."),
    P(
        "Record of decision taken by the Chief Executive under delegated powers, following consultation with the Leader."
    ),
    P(
        "Options rejected: to produce a longer plan covering every service, which would have gone beyond what the department asked for."
    ),
    P("Call-in deadline: five working days after publication of this decision notice."),
]

NEWS = [
    P("{C} has set out how it is working smarter and saving money in a new plan sent to the government this week."),
    P(
        "The plan shows how online services, shared teams and a smaller office estate have saved {savings:m} since the last spending review.",
        t="1,2,3",
    ),
    P(
        'The Leader of the council said: "We have done everything we can locally, but we cannot keep absorbing rising costs without a fairer deal from government."',
        b="funding-adequacy",
    ),
    P("Residents can read the plan, and the council's latest budget papers, on the council's website."),
    P("Notes to editors: the productivity plans were requested by the government from every council in England."),
]

FIRE = [
    P(
        "The fire authority's productivity and efficiency plan sets out how the service will meet the sector's national targets for efficiency savings and productivity."
    ),
    P(
        "Protection officers completed more fire safety audits of high-risk premises this year with the same number of staff."
    ),
    P("The service has joined a regional procurement consortium for fire appliances and breathing apparatus."),
    P(
        "Firefighter productivity is measured through the time crews spend on prevention, protection and training outside emergencies."
    ),
    P("Our efficiency plan forms part of the integrated risk management plan approved by the fire authority."),
]

POLICE = [
    P(
        "The force's value for money profile shows spending per head of population below the average of its most similar group."
    ),
    P(
        "A new contact management platform lets the public report non-emergency crime online, reducing calls to the control room."
    ),
    P("The Commissioner has set the police precept for the year after consulting residents."),
    P("Shared estates with the fire service have allowed two police stations to close."),
]

NHS = [
    P("The hospital's efficiency plan includes consolidation of pathology services across the region's trusts."),
    P("Reducing reliance on temporary nursing staff is a priority of the trust's workforce plan."),
    P("The trust expects to meet its elective recovery targets by increasing theatre utilisation."),
    P("A virtual ward has allowed patients with heart failure to be monitored at home."),
]

LUF = [
    P(
        "Our levelling up fund bid proposes a new transport interchange linking the railway station with the bus network and cycle routes."
    ),
    P(
        "The benefit-cost ratio of the scheme is strong, reflecting journey time savings and increased footfall in the town centre."
    ),
    P("The bid has the support of the local MP, the chamber of commerce and the college."),
    P(
        "Risks to delivery include land assembly and utilities diversion, both of which are covered in the risk register."
    ),
]

UNRELATED = [
    P("Road closures will be in place on the high street while the Christmas lights are installed."),
    P("The planning committee resolved to grant permission subject to conditions and a legal agreement."),
    P("Book a collection for bulky household items such as sofas, fridges and mattresses."),
    P("Our annual report on air quality shows nitrogen dioxide levels falling at most monitoring sites."),
    P("Apply for a blue badge if you have a disability that affects your mobility."),
    P("The council's pay policy statement sets out how the pay of chief officers is determined."),
    P("Nominations are open for the mayor's civic awards, recognising volunteers across the borough."),
    P("The food hygiene rating scheme helps you choose where to eat out or shop for food."),
]

CHROME = {
    "skip": "Skip to content",
    "cookie": "Cookies on our website. We use cookies to make the site work and to collect information about how you use it.",
    "cookie_buttons": "Accept all cookies Set cookie preferences",
    "nav": ["Residents", "Business", "Council and democracy", "Jobs", "News", "Search"],
    "breadcrumb": ["You are here:", "Home", "Council and democracy", "Policies and plans"],
    "footer": ["Terms and conditions", "Privacy", "Accessibility", "Site map"],
    "footer_text": "Copyright the council. Registered address: Civic Offices.",
    "feedback": "Report a problem with this page",
}
