"""Demo plan texts, written for the demo data. Fictional wording; facts for Dorset and Somerset follow their 2024 reports."""  # noqa: E501

PLAN_TEXTS: dict[str, dict[int, str]] = {
    # Dorset Council (unitary, South West): endorsed by Cabinet, 9 July 2024
    "E06000059": {
        1: (
            "Dorset Council was established on 1 April 2019 as a single unitary authority, taking over the work "
            "of the former county council and the district and borough councils that previously served the area. "
            "Reorganisation was itself a significant efficiency: one council, one leadership team, one set of "
            "corporate systems and one budget where there had been several.\n\n"
            "Since 2019 we have brought together services that the former councils ran in different ways. We have "
            "harmonised policies, merged teams and contracts, and reviewed the large office estate we inherited "
            "so that we use fewer buildings more fully.\n\n"
            "Our current transformation programme builds on that base. It concentrates on:\n"
            "- how residents contact us, so that more questions are answered first time, and online where that "
            "suits people;\n"
            "- redesigning processes from start to finish, removing steps and hand-offs carried over from the "
            "former councils;\n"
            "- the way we buy goods and services, which accounts for a large share of our spending;\n"
            "- making better use of our land and buildings, including sharing space with partners.\n\n"
            "Prevention runs through this work. In adult social care we invest in reablement, community support "
            "and technology-enabled care so that people stay independent at home for longer. Early help for "
            "families aims to resolve difficulties before statutory intervention is needed, and our housing "
            "service works to stop homelessness happening rather than respond to it once it has.\n\n"
            "The measures for this plan are being developed alongside our new Council Plan, so that we report "
            "once against a single set of priorities. When that work is finished, the performance information "
            "will be published on our website so that residents can follow our progress."
        ),
        2: (
            "Two existing documents guide our use of technology and data: the Data and Business Intelligence "
            "Strategy and Dorset Council's Digital Vision. Between them they treat data as a corporate asset, "
            "commit us to building the skills to use it well, and ask that digital services are designed around "
            "the people who use them.\n\n"
            "In practice this means:\n"
            "- dashboards that give managers and members current information rather than reports compiled by "
            "hand;\n"
            "- analysis of demand and cost in high-spend areas, such as adult social care and home-to-school "
            "transport, to forecast pressures and target resources;\n"
            "- online services designed with residents, with telephone and face-to-face help kept for those who "
            "need it;\n"
            "- replacing older systems inherited from the former councils with fewer, shared platforms.\n\n"
            "Dorset's Integrated Care System gives us a real advantage. Health and care partners share data under "
            "agreed governance, which helps us understand the needs of local populations, plan services together "
            "and support people home from hospital sooner. We want to extend this joint approach to other "
            "partners where the law and public trust allow.\n\n"
            "We are also looking at where automation and artificial intelligence could safely take routine work "
            "away from staff, such as answering common enquiries and drafting case records, so that professionals "
            "spend more of their time with residents. Each use will be tested carefully, with proper safeguards "
            "for personal data.\n\n"
            "Going further depends on continued investment in data skills, reliable connectivity in rural parts "
            "of the county, and national systems that make it easier for councils to exchange data with "
            "government departments."
        ),
        3: (
            "Taking out spending that does not add value has been a constant since the council was formed. "
            "Replacing several councils with one removed duplicated management, systems and contracts, and each "
            "annual budget since has included savings found by reviewing how services are run. The transformation "
            "programme described under theme 1 is now the main source of further savings, so that efficiencies "
            "come from redesigning services rather than from short-term cuts.\n\n"
            "Spending is controlled through regular budget monitoring reported to members, approval steps for new "
            "posts and contracts, and a procurement approach that seeks better value each time a contract is "
            "renewed.\n\n"
            "Our spending on temporary staff and outside advice is small and closely managed:\n"
            "- agency workers make up 0.35% of the total staff budget;\n"
            "- consultants make up 0.96% of the total staff budget.\n\n"
            "Agency workers are used mainly to fill hard-to-recruit posts and short-term gaps, for example in "
            "social care, and we are working to recruit and develop permanent staff for those roles. Consultants "
            "are engaged for specialist expertise that it would not be economic to keep in-house, and only with "
            "management approval.\n\n"
            "Any equality, diversity and inclusion training we provide is limited to what we need to meet our "
            "statutory obligations under the Public Sector Equality Duty. We do not run separate EDI programmes "
            "beyond that.\n\n"
            "Some waste lies in wider systems that we cannot remove alone, such as the effort spent bidding for "
            "and reporting on many small grants. We return to this under theme 4."
        ),
        4: (
            "Some of the barriers we face come from Dorset's particular geography and socioeconomic "
            "circumstances; others are shared by every council in England.\n\n"
            "Barriers specific to Dorset:\n"
            "- Rural and coastal geography. Dorset is large and sparsely populated, with many small towns and "
            "villages and a long coastline. Home care, waste collection and school transport cost more per "
            "resident to deliver over long distances, and funding formulas do not fully recognise this. We ask "
            "that sparsity is properly reflected in future allocations.\n"
            "- An older population. A high and rising share of residents are over 65, so demand for adult social "
            "care grows faster than our income. We ask for long-term, sustainable funding for adult social care.\n"
            "- Housing costs and local wages. House prices are high compared with local earnings, which makes it "
            "harder to recruit care staff, social workers and other key workers and adds to pressure on "
            "homelessness services.\n"
            "- Planning constraints. Nutrient neutrality requirements in parts of the county have held back "
            "housing delivery. We ask for a national solution that allows development to proceed.\n\n"
            "Barriers that affect all councils:\n"
            "- Funding certainty. One-year settlements make it difficult to plan and to invest to save. We ask "
            "for multi-year settlements.\n"
            "- Fragmented grants. Many small, ring-fenced and competitive funding pots carry bidding and "
            "monitoring costs out of proportion to their value. We ask for fewer, larger and longer-term "
            "allocations with simpler reporting.\n"
            "- Special educational needs. The growing high needs deficit needs a lasting national solution before "
            "the statutory override ends.\n\n"
            "We would welcome the chance to work with the department on each of these."
        ),
    },
    # Somerset Council (unitary, South West): for Executive, 15 July 2024
    "E06000066": {
        1: (
            "Somerset Council began on 1 April 2023, replacing Somerset County Council and the four district "
            "councils of Mendip, Sedgemoor, Somerset West and Taunton, and South Somerset. Becoming one council "
            "was the biggest change to local government in Somerset for a generation, and it lets us design "
            "services around residents rather than around old organisational boundaries.\n\n"
            "We are doing this from a very serious financial position. Costs and demand in adult social care, "
            "children's services and home-to-school transport have risen much faster than our income, and "
            "balancing the budget has meant difficult decisions. Transformation is therefore central to our "
            "medium-term financial plan, not an optional extra.\n\n"
            "Changes already showing results include:\n"
            "- a new senior management structure, with around a fifth fewer senior posts than the five former "
            "councils had between them;\n"
            "- five customer contact operations brought into one, with around 15% more enquiries now resolved at "
            "the first contact;\n"
            "- an expanded reablement service, after which around seven in ten people need no ongoing package of "
            "care;\n"
            "- a review of the office estate, with around ten buildings identified for closure or disposal.\n\n"
            "The transformation programme now takes a whole-council approach, testing every service against the "
            "priorities in the Council Plan and the savings the medium-term financial plan requires. We work "
            "closely with the NHS through the Somerset Integrated Care System, especially on hospital discharge "
            "and support in the community.\n\n"
            "Each of the examples above has an owner and measures attached. Progress is followed through our "
            "corporate performance framework and reported to the Executive and to scrutiny."
        ),
        2: (
            "Becoming one council meant inheriting five sets of systems, many of which did the same job. Retiring "
            "them is a priority, because each system we close saves licence and support costs and ends the need "
            "to enter the same information twice. Staff already work on a single network, email and collaboration "
            "platform, and finance, HR and case management systems are being brought together in a planned order.\n\n"
            'Data increasingly shapes our decisions. The Council Plan sets a "golden thread" that runs from our '
            "priorities through service and team plans to each person's objectives, and our performance reporting "
            "follows the same thread so that members, managers and staff see the same information. Examples "
            "include:\n"
            "- a corporate dashboard reporting monthly against Council Plan priorities;\n"
            "- demand modelling in adult social care and children's services, feeding forecasts into the "
            "medium-term financial plan;\n"
            "- council tax and benefits data used to find and support households at greatest risk of financial "
            "hardship.\n\n"
            "We are testing automation for high-volume, rules-based tasks such as processing changes of "
            "circumstance, and trialling AI tools that help social care practitioners write up visits, with "
            "safeguards for personal data. Early results suggest savings of around two hours of practitioner time "
            "a week for each user.\n\n"
            "Sharing data with partners in the integrated care system helps us plan joint services, but "
            "information governance differs between organisations and national systems are rarely built for "
            "councils to connect to. Going further will require investment in skills and in replacing outdated "
            "systems, which we must fund from a very constrained budget."
        ),
        3: (
            "Because of our financial position, every area of spending is under review. Since April 2023 we have "
            "introduced stronger controls: a panel must approve non-essential expenditure, each vacancy is tested "
            "before it is filled, and contracts are examined well ahead of renewal. Together with the savings in "
            "the 2024/25 budget, these controls reduced in-year spending by around £8 million, and the "
            "medium-term financial plan sets out further savings over the next three years.\n\n"
            "Agency staff make up around 3% of our total staff budget, mostly covering social work and care roles "
            "that are hard to fill permanently. We are reducing this through a recruitment and retention offer "
            "for social workers, training routes that let us grow our own staff, and a regional agreement on "
            "agency pay rates. Consultants account for around 1% of the staff budget. They are used mainly for "
            "specialist work linked to the move to a single council, and each engagement needs director approval "
            "and has a fixed end date.\n\n"
            "Our equality, diversity and inclusion training does not go beyond what the Public Sector Equality "
            "Duty requires. Staff complete a short mandatory e-learning module, and employee networks are run by "
            "staff on a voluntary basis with no dedicated budget.\n\n"
            "Some waste sits outside our control. Ring-fenced grants with their own bidding and monitoring rules, "
            "and repeated data requests from government, take officer time that could otherwise go into services. "
            "These points are picked up under theme 4."
        ),
        4: (
            "The barriers below were gathered from Executive and Service Directors and from discussions with "
            "other councils. They were presented to the Corporate and Resources Scrutiny Committee on 19 June "
            "2024, and the committee's comments have been taken into account in this plan.\n\n"
            "- Funding certainty. Late, single-year settlements make it very hard to plan savings and "
            "transformation over the medium term. We ask for multi-year settlements and for the fair funding "
            "review to be completed, recognising the cost of serving a large rural county.\n"
            "- Special educational needs and home-to-school transport. Demand for education, health and care "
            "plans, and for transport across long rural distances, keeps rising. We ask for a national plan for "
            "high needs deficits before the statutory override ends, and a review of home-to-school transport "
            "duties.\n"
            "- Social care. The cost of children's placements is rising far faster than inflation and the adult "
            "care market is fragile. We ask for action on the children's placement market and for sustainable "
            "long-term funding for adult social care.\n"
            "- Internal drainage board levies. The special levies we pay to drainage boards on the Somerset "
            "Levels and Moors come from our core budget and rise every year. We ask that they are funded "
            "separately or recognised in the settlement.\n"
            "- Capital flexibilities. We ask for the flexible use of capital receipts to be widened and extended, "
            "so that we can fund transformation that lowers ongoing costs.\n\n"
            "Removing these barriers would let us put more of our limited resources into prevention and protect "
            "the services residents rely on most."
        ),
    },
    # Birmingham City Council (metropolitan district, West Midlands)
    "E08000025": {
        1: (
            "Birmingham City Council is in a period of financial recovery. Since the section 114 notices of 2023, "
            "we have been working with commissioners appointed by the Secretary of State on an improvement and "
            "recovery plan, and transformation is at its centre.\n\n"
            "Our priorities for 2024/25 and beyond are:\n"
            "- a new operating model with fewer management layers and clearer accountability;\n"
            "- adult social care built around early help in neighbourhoods, so that fewer people need long-term "
            "care;\n"
            "- more in-house fostering, reducing reliance on costly external placements for children;\n"
            "- a smaller, better used property estate, with disposals supporting our recovery.\n\n"
            "The 2024/25 budget contains around £150 million of savings. Each saving has a named lead and is "
            "tracked by a delivery board that reports monthly to Cabinet and to the commissioners."
        ),
        2: (
            "The problems with our enterprise resource planning system have taught us hard lessons about how "
            "technology change should be run. Restoring reliable finance and HR data is our first priority, "
            "through a programme with independent assurance and regular reporting to members and commissioners.\n\n"
            "Alongside that we are:\n"
            "- cutting the number of business applications we run by around a quarter over three years;\n"
            "- building a single view of residents across council tax, benefits and housing, so we can spot "
            "households at risk earlier;\n"
            "- using shared data with the NHS and police to target support for families with multiple needs.\n\n"
            "We will only adopt automation and AI where a clear business case exists and where we have the skills "
            "to manage it safely."
        ),
        3: (
            "Under the section 114 notices, all spending that is not essential or contractually committed has "
            "been stopped unless approved by a spending control board.\n\n"
            "In 2023/24 we spent around £48 million on agency staff and around £14 million on consultants. Every "
            "agency assignment longer than twelve weeks, and every consultancy commission, now needs approval by "
            "a corporate panel. We plan to reduce agency spend by around a third by March 2026, mainly by turning "
            "long-running assignments into permanent posts.\n\n"
            "Equality training for staff is limited to what the Public Sector Equality Duty requires and is "
            "delivered through mandatory e-learning. There is no separate budget for EDI programmes.\n\n"
            "We are also reviewing every contract above £500,000 as it approaches renewal."
        ),
        4: (
            "We accept that many of Birmingham's difficulties are of the council's own making, and we are "
            "addressing them. Some barriers, however, need action from the government:\n\n"
            "- Funding formula. Allocations still rest on out-of-date assessments of need that understate "
            "deprivation and a young, growing population. We ask for the fair funding review to be completed.\n"
            "- Special educational needs and transport. The high needs deficit and home-to-school transport costs "
            "continue to grow. We ask for a national settlement of high needs deficits.\n"
            "- Temporary accommodation. Numbers in temporary accommodation have risen sharply, and housing "
            "benefit subsidy does not cover the cost. We ask for subsidy to be based on current rents.\n"
            "- Capital flexibilities. We ask for more time to repay exceptional financial support, so that asset "
            "sales are not rushed."
        ),
    },
    # Westminster City Council (London borough)
    "E09000033": {
        1: (
            "Westminster serves around 200,000 residents and more than a million people who work in or visit the "
            "city each day. Our Fairer Westminster strategy sets the direction for how we change services.\n\n"
            "Recent changes include bringing housing management back in-house, which has cut repair response "
            "times and reduced complaints, and an integrated neighbourhood model that puts council, health and "
            "voluntary sector staff into shared local teams.\n\n"
            "Prevention is focused where costs are highest. Our homelessness prevention service now stops around "
            "six in ten households at risk from needing temporary accommodation. In children's services, family "
            "hubs offer early support in every part of the city.\n\n"
            "We track all of this through a quarterly performance report to Cabinet, published online."
        ),
        2: (
            "Our digital strategy puts online services first for the transactions residents use most often, such "
            "as parking, waste and council tax, while keeping help available by phone and in person.\n\n"
            "We have built a single data platform that joins up information from housing, benefits and social "
            "care. It lets us identify residents at risk of falling into arrears or crisis and contact them "
            "early.\n\n"
            "Next steps:\n"
            "- using AI to sort and route housing repair requests;\n"
            "- automating routine checks in licensing and planning applications;\n"
            "- a shared record with NHS partners for residents with complex needs.\n\n"
            "Our main constraint is recruiting data and digital specialists in a London labour market where the "
            "private sector pays far more."
        ),
        3: (
            "We review spending through a zero-based approach to each service every three years, and have removed "
            "around £12 million of recurring costs since 2022.\n\n"
            "Agency staff make up around 9% of our total staff budget, which is typical for inner London but "
            "higher than we want. Most agency workers cover social work, planning and building control posts. A "
            "market supplement and a graduate scheme are helping us bring this down. Consultants account for "
            "around 1.5% of the staff budget and are approved individually by a director.\n\n"
            "Equality training is set at the level the Public Sector Equality Duty requires: one mandatory online "
            "course at induction, refreshed every three years. We do not fund separate EDI programmes."
        ),
        4: (
            "Two barriers matter most to Westminster.\n\n"
            "Temporary accommodation is our largest budget pressure. Housing benefit subsidy for temporary "
            "accommodation is still capped at local housing allowance rates from January 2011, so we meet a "
            "growing gap from our own budget. We ask the government to base subsidy on current local housing "
            "allowance rates.\n\n"
            "Nationally set fees do not cover our costs. Planning fees and many licensing fees are fixed "
            "nationally and fall well short of the cost of processing applications in a dense, complex city. We "
            "ask for councils to be allowed to set fees that recover their costs.\n\n"
            "We also ask that any business rates reset protects the incentives for growth that have helped fund "
            "local services."
        ),
    },
    # Kent County Council (county, South East)
    "E10000016": {
        1: (
            "Kent County Council provides services to around 1.6 million residents, making it one of the largest "
            "local authorities in England. Our medium-term strategy, Securing Kent's Future, was adopted in 2023 "
            "to restore financial sustainability.\n\n"
            "It has four parts:\n"
            "- managing in-year spending within budget;\n"
            "- policy choices that focus on statutory services;\n"
            "- new models of delivery in adult social care and children's services;\n"
            "- making the most of our assets, including a review of around 100 properties.\n\n"
            "Prevention is central to the adult social care approach, with more investment in reablement and "
            "technology-enabled care. In children's services, a stronger early help offer is expected to reduce "
            "the number of children coming into care.\n\n"
            "Progress is reported quarterly to Cabinet through the corporate performance dashboard."
        ),
        2: (
            "KCC has an established analytics function that supports service planning across the council and with "
            "partners. Our technology strategy focuses on replacing ageing systems and moving to cloud services, "
            "where we expect to save around £2 million a year by 2027.\n\n"
            "Data is shared through the Kent and Medway shared care record, which gives social care staff and "
            "health professionals a common view of people they both support, and through joint intelligence work "
            "with district councils.\n\n"
            "We are trialling AI tools in adult social care to reduce time spent on assessments and in customer "
            "services to answer routine queries. Our ambition is limited by the cost of new systems and the "
            "difficulty of recruiting digital staff."
        ),
        3: (
            "Since 2023 all spending has been subject to tighter controls, including a moratorium on "
            "non-essential expenditure and a strengthened vacancy approval process. These measures contributed "
            "around £40 million to closing the 2023/24 budget gap.\n\n"
            "In 2023/24 KCC spent around £22 million on agency staff, largely for children's social work, and "
            "around £6 million on consultants. A social work academy and improved retention payments are reducing "
            "agency use. Consultancy engagements require approval by a corporate director.\n\n"
            "We have reviewed our equality, diversity and inclusion activity in the light of the Minister's "
            "letter. Staff training covers our legal duties under the Public Sector Equality Duty and as an "
            "employer; there is no separate EDI programme."
        ),
        4: (
            "KCC faces several barriers that need government action:\n\n"
            "- Unaccompanied asylum-seeking children. As the county where most arrive in England, Kent carries "
            "costs for these children and for care leavers that are not fully met by government funding. We ask "
            "for full cost recovery and a mandatory national transfer scheme.\n"
            "- Special educational needs. Despite our agreement with the Department for Education, the high needs "
            "deficit is still rising. We ask for reform of the SEND system and a plan for historic deficits.\n"
            "- Funding certainty. One-year settlements prevent proper multi-year planning. We ask for a "
            "settlement covering at least three years."
        ),
    },
    # Oxford City Council (district, South East)
    "E07000178": {
        1: (
            "We are a city council in a two-tier area, and our biggest service pressures are housing and "
            "homelessness.\n\n"
            "Over the last five years we have:\n"
            "- grown Oxford Direct Services, our council-owned company, which returns a dividend to the council "
            "and delivers repairs, waste and street services;\n"
            "- brought our housing company into closer alignment with the council to speed up building new "
            "council homes;\n"
            "- moved most customer contact online, with around 70% of transactions now completed digitally.\n\n"
            "Our homelessness prevention team works with households at least eight weeks before they would lose "
            "their home. This has helped us avoid more than 300 placements in temporary accommodation over the "
            "last year.\n\n"
            "We measure our progress against the corporate strategy and publish quarterly performance reports."
        ),
        2: (
            "Our digital strategy aims to make online services the first choice for residents who can use them, "
            "so that staff time is freed for residents who need more help.\n\n"
            "We use data to manage our housing stock, plan repairs and identify homes that need energy efficiency "
            "works. A housing register dashboard shows demand and allocations in real time.\n\n"
            "Our next steps are to automate routine benefits processing and to explore AI for answering common "
            "questions on our website. We also want to share data more easily with Oxfordshire County Council so "
            "that residents do not have to tell their story twice.\n\n"
            "Our main constraint is the cost of software licences and recruiting data analysts in a high-cost "
            "city."
        ),
        3: (
            "We look for savings through an annual budget process that challenges every service, and through our "
            "company, which competes for work and returns profit to the council. We have saved around £4 million "
            "a year since 2020.\n\n"
            "Agency staff cost around 5% of our total staff budget, mainly in planning and environmental health, "
            "where recruitment is hardest. Consultants cost around 2% of the staff budget, mostly for specialist "
            "advice on regeneration sites.\n\n"
            "We do not run EDI programmes beyond our duties under the Public Sector Equality Duty. Staff complete "
            "mandatory equality training as part of induction."
        ),
        4: (
            "Most of what holds us back comes back to housing.\n\n"
            "- Temporary accommodation and housing supply. Oxford is one of the least affordable places in "
            "England, and the cost of temporary accommodation keeps rising. We ask the government to raise local "
            "housing allowance rates and increase funding for affordable homes.\n"
            "- Nationally set fees. Planning fees do not cover the cost of our service, especially on complex "
            "sites. We ask for local fee-setting.\n"
            "- Two-tier working. Splitting responsibilities with the county council adds cost and complexity. We "
            "ask for clarity on the future of local government structures in Oxfordshire.\n\n"
            "Removing these barriers would allow us to build more homes and reduce homelessness costs."
        ),
    },
    # Nottingham City Council (unitary, East Midlands)
    "E06000018": {
        1: (
            "Nottingham City Council issued a section 114 notice in November 2023. Since then we have been "
            "working with commissioners and an improvement board to put the council on a sustainable footing.\n\n"
            "Our transformation is built around a smaller council focused on statutory duties and prevention. We "
            "have:\n"
            "- reduced our workforce by around 550 posts since 2021;\n"
            "- closed or transferred a number of community buildings;\n"
            "- brought together our adult and children's front doors, so that families receive one assessment.\n\n"
            "Prevention remains important. Investment in children's early help is aimed at reducing the number of "
            "children entering care, which is high compared with similar cities.\n\n"
            "Progress is reported to the Executive and to commissioners each month."
        ),
        2: (
            "Our data strategy aims to give decision-makers accurate, timely information. Poor data quality has "
            "been one of the problems identified in our recovery, so we are investing in better financial and "
            "performance reporting.\n\n"
            "We have introduced a new budget monitoring system with monthly forecasts at service level, and a "
            "performance dashboard showing key indicators for members.\n\n"
            "In social care, we are exploring AI tools to reduce the time practitioners spend on paperwork. In "
            "customer services, we are automating simple transactions such as bulky waste bookings.\n\n"
            "We share data with the NHS through the local integrated care board. We would like better access to "
            "DWP data to identify residents eligible for support."
        ),
        3: (
            "Since the section 114 notice, all spending other than statutory services has required approval by a "
            "spending control panel. This has saved around £10 million in 2023/24.\n\n"
            "In 2023/24 we spent around £15 million on agency staff, about 7% of the staff budget, mostly on "
            "social work and care roles. We spent around £3 million on consultants, much of it on specialist "
            "financial and legal advice during recovery. Both are now reported monthly to the Executive.\n\n"
            "Equality training is limited to what is needed to meet the Public Sector Equality Duty. Staff "
            "networks are supported with a small amount of staff time, with no separate budget."
        ),
        4: (
            "We are clear that recovery is first our own responsibility. Three barriers nonetheless sit outside "
            "our control:\n\n"
            "- Funding formula. Nottingham has high deprivation and a low council tax base, with most homes in "
            "the lowest bands. Current funding does not reflect this. We ask for the fair funding review to be "
            "completed.\n"
            "- Children's social care. Placement costs are rising steeply, with some providers making large "
            "profits. We ask for action on the children's placement market.\n"
            "- Capital finance. Minimum revenue provision rules and the cost of borrowing limit our room for "
            "manoeuvre. We ask for flexibility in applying these rules during recovery.\n\n"
            "Addressing these would help us return to financial stability sooner."
        ),
    },
    # Leeds City Council (metropolitan district, Yorkshire and The Humber)
    "E08000035": {
        1: (
            "The Best City Ambition sets out what Leeds wants to achieve, and our change programme is designed to "
            "deliver it with far less government funding, in real terms, than we received in 2010.\n\n"
            "Three approaches run through our transformation. First, strengths-based social care, which starts "
            "from what people can do and the support around them; this has helped keep the number of adults in "
            "long-term residential care broadly stable while the population ages. Second, restorative practice in "
            "children's services, which has contributed to a fall in the number of children looked after over the "
            "last decade. Third, a smaller and greener estate, with around 30 buildings released since 2020.\n\n"
            "We work with NHS partners through the Leeds Health and Care Partnership, pooling budgets for "
            "community health and care services."
        ),
        2: (
            "Leeds has a long record of opening up its data. The city's open data platform publishes hundreds of "
            "datasets, and our analytics team provides evidence for every major budget decision.\n\n"
            "Our digital strategy focuses on three things:\n"
            "- residents: more services that can be completed online from start to finish;\n"
            "- staff: modern tools and data literacy training, with around 1,500 staff trained since 2022;\n"
            "- the city: shared analytics with health partners in the Leeds Health and Care Partnership, which "
            "support planning for winter pressures and population health.\n\n"
            "We are piloting AI to summarise case notes in adult social care and to help staff draft responses to "
            "correspondence. Wider use depends on clear national guidance on data protection and on funding for "
            "the skills to use these tools well."
        ),
        3: (
            "Each service is reviewed through our annual budget process, and we have delivered more than £100 "
            "million of savings over the last three years through efficiency, income and service redesign.\n\n"
            "Agency workers cost around 2% of our total staff budget and consultants around 0.5%. Both are "
            "reported quarterly to the Executive Board, and any consultancy commission over £25,000 must be "
            "approved by a director.\n\n"
            "Most equality, diversity and inclusion training is what the Public Sector Equality Duty requires, "
            "delivered through mandatory e-learning and manager briefings. In addition, we support staff networks "
            "with an annual budget of around £25,000, which we consider a proportionate investment in recruitment "
            "and retention."
        ),
        4: (
            "The barriers that most limit our progress are shared by many large cities.\n\n"
            "Funding certainty is the first. We have not had a multi-year settlement since 2019, which makes it "
            "hard to invest in prevention that pays back over several years. We ask for a three-year settlement "
            "as a minimum.\n\n"
            "The second is fragmented grants. In 2023/24 we managed more than 40 separate grants, each with its "
            "own conditions and returns. We ask the government to combine these into fewer, longer-term "
            "allocations.\n\n"
            "Third, adult social care funding has not kept pace with demand or with the costs of the care market. "
            "We ask for a sustainable long-term plan for adult social care."
        ),
    },
    # Exeter City Council (district, South West)
    "E07000041": {
        1: (
            "Exeter City Council is a small district council serving a growing city, and since 2021 our "
            "transformation programme has reviewed how every service is delivered.\n\n"
            "We have:\n"
            "- opened a leisure centre built to Passivhaus standard, with far lower energy costs than the "
            "building it replaced;\n"
            "- combined customer service and revenues teams, reducing waiting times;\n"
            "- rolled out new waste and recycling services that increase recycling rates while reducing costs.\n\n"
            "Our ambition to become a net zero city by 2030 also shapes our investment, including energy "
            "efficiency works on council buildings that lower running costs.\n\n"
            "We report progress to the Executive quarterly through a set of key performance indicators."
        ),
        2: (
            "We are a small council, so our approach to technology is practical: we use proven systems rather "
            "than build our own.\n\n"
            "Recent work includes moving most of our systems to the cloud, introducing online forms for the most "
            "common requests and a new customer relationship management system. We use data on housing need and "
            "homelessness to target prevention work.\n\n"
            "Our next step is to automate routine processes in revenues and benefits. Our main constraint is "
            "capacity: we have a small IT team and find it hard to recruit and keep specialist staff."
        ),
        3: (
            "Our budget process looks at every service each year, and we have saved around £3 million a year "
            "since 2020 through restructures, contract renegotiation and new income.\n\n"
            "In 2023/24 we spent around £900,000 on agency staff, mainly to cover vacancies in planning and "
            "housing, and around £400,000 on consultants for specialist advice on major projects. Both figures "
            "are reported to members.\n\n"
            "Staff complete a mandatory online module on equality that covers our duties under the Public Sector "
            "Equality Duty. We have no wider EDI programme."
        ),
        4: (
            "Two barriers limit what we can do:\n"
            "- Nationally set fees. Planning and licensing fees are fixed nationally and do not cover the cost of "
            "the work. We ask for councils to be allowed to set fees locally.\n"
            "- Temporary accommodation. The number of households we place, and the nightly cost, have both risen "
            "sharply. We ask for housing benefit subsidy to reflect current rents.\n\n"
            "We also ask for multi-year settlements, so that a council of our size can plan beyond a single year."
        ),
    },
    # City of London Corporation (City of London)
    "E09000001": {
        1: (
            "The City of London Corporation is unlike any other local authority. It provides local government "
            "services to around 8,600 residents and more than half a million daily workers, and also acts as "
            "police authority for the City of London Police. This plan covers our local authority fund, City "
            "Fund.\n\n"
            "Our recent transformation has focused on:\n"
            "- a target operating model review that reduced duplication between departments and saved around £12 "
            "million a year;\n"
            "- a new property strategy that rationalises our operational buildings;\n"
            "- joint commissioning with neighbouring boroughs for adult social care and public health, where "
            "economies of scale matter most for a small resident population.\n\n"
            "Progress is reported to the Policy and Resources Committee and to the Finance Committee."
        ),
        2: (
            "Our digital strategy focuses on the services most used by businesses and visitors, such as "
            "licensing, planning, highways and waste.\n\n"
            "We use data on footfall, air quality and street activity to plan public realm works and cleansing "
            "schedules. A shared data platform supports joint work on rough sleeping with neighbouring boroughs "
            "and outreach partners.\n\n"
            "We are trialling AI tools in planning and in responding to freedom of information requests, which "
            "are a significant burden for an organisation of our size. Further progress depends on replacing our "
            "main finance and HR system, which is now underway."
        ),
        3: (
            "We review spending through an annual budget process and a programme of efficiency reviews. Around £8 "
            "million of recurring savings have been delivered in City Fund services since 2021.\n\n"
            "Agency staff make up around 4% of the total staff budget and consultants around 2%. Most consultancy "
            "is for major projects, such as the redevelopment of our markets and the new justice quarter, and is "
            "approved through our capital governance process.\n\n"
            "Our mandatory equality training meets the Public Sector Equality Duty. We also fund a small "
            "programme for staff networks, costing around £40,000 a year."
        ),
        4: (
            "Business rates are central to City Fund. A full reset of business rates retention would remove much "
            "of the income that pays for local services and the police. We ask the government to protect our "
            "business rates income, and the City's business rate premium, in any future reform.\n\n"
            "Audit and reporting also add cost. Delays in external audit have left several years of accounts "
            "unsigned, and the volume of data returns to government takes up staff time. We ask for a lighter "
            "reporting regime proportionate to our size."
        ),
    },
    # Council of the Isles of Scilly (Isles of Scilly)
    "E06000053": {
        1: (
            "The Council of the Isles of Scilly is the smallest council in England with unitary responsibilities, "
            "serving around 2,100 residents on five inhabited islands. We carry the same statutory duties as much "
            "larger councils with a very small staff.\n\n"
            "To make this work we:\n"
            "- buy in some specialist services from Cornwall Council and other mainland partners;\n"
            "- combine roles across services, so that one officer often covers several functions;\n"
            "- work closely with the NHS through the Cornwall and Isles of Scilly integrated care system, "
            "including a joint health and care team on St Mary's.\n\n"
            "Our waste service has been redesigned so that more waste is recycled on the islands and less needs "
            "to be shipped to the mainland."
        ),
        2: (
            "Digital services matter more on the islands than almost anywhere else, because residents on the "
            "off-islands cannot easily reach council offices.\n\n"
            "We have moved most of our systems to cloud services supported by a shared arrangement with a "
            "mainland council. Residents can now apply for most services online, and we use video calls for some "
            "social care reviews.\n\n"
            "We have limited capacity to analyse data, so we rely on partners in Cornwall for much of our "
            "population health information. Improving broadband and mobile coverage on the off-islands would help "
            "us deliver more services digitally."
        ),
        3: (
            "Our small budget leaves little room for waste, and every post and contract is reviewed before "
            "renewal.\n\n"
            "In 2023/24 we spent around £450,000 on agency staff, mainly to cover social care and engineering "
            "posts that we could not fill permanently. This is a higher share of our staff budget than on the "
            "mainland because of the cost of travel and accommodation for visiting staff. We spent around "
            "£200,000 on consultants, mostly for specialist engineering advice on coastal defence and harbour "
            "works.\n\n"
            "Equality training is limited to what the Public Sector Equality Duty requires and is delivered "
            "online."
        ),
        4: (
            "Our main barrier is rurality in its most extreme form. Everything costs more on islands 28 miles off "
            "the coast: construction, transport, waste disposal and recruiting staff. Funding formulas do not "
            "fully reflect this. We ask for an island-specific element in the funding settlement, recognising the "
            "cost of delivering services on Scilly.\n\n"
            "Workforce is a second barrier. The lack of affordable housing makes it hard to recruit key workers, "
            "and we rely on agency staff as a result. We ask for support for key worker housing on the islands.\n\n"
            "We also ask for fewer competitive bidding rounds, which a council of our size cannot resource."
        ),
    },
    # Surrey County Council (county, South East)
    "E10000030": {
        1: (
            "Our Community Vision for Surrey in 2030, with its guiding principle that no one is left behind, "
            "shapes how we change services.\n\n"
            "In 2018 the council faced serious financial risk. Transformation since then has taken it to a "
            "balanced budget with stronger reserves. Key changes include:\n"
            "- an adult social care model that favours independent living over residential care, with around 200 "
            "fewer people in long-term residential placements than in 2019;\n"
            "- more local provision for children with special educational needs, including new specialist school "
            "places closer to home, which cuts travel and placement costs;\n"
            "- a hybrid working model that has allowed us to release several office buildings.\n\n"
            "We work closely with the eleven district and borough councils and with NHS partners. Progress "
            "against each change is reported to Cabinet every quarter."
        ),
        2: (
            "An established data and insight team supports decisions across the council. Current priorities are:\n"
            "- a single customer platform, so residents can track their requests online;\n"
            "- predictive modelling of demand for adult social care and SEND services, used in budget setting;\n"
            "- sharing data with the NHS through our integrated care systems to speed up hospital discharge.\n\n"
            "We are testing AI in customer services and in drafting social care reports, aiming to give "
            "professionals more time for direct work with residents. Each trial is evaluated before any wider "
            "roll-out.\n\n"
            "The cost of replacing older systems, and competition for digital skills in the South East, limit how "
            "fast we can go."
        ),
        3: (
            "Savings are identified through an annual planning cycle that challenges each directorate, and we "
            "have delivered more than £250 million of efficiencies since 2018.\n\n"
            "Agency workers account for around 4% of our total staff budget, most of them in children's social "
            "care. Consultants account for around 1.2%. New agency assignments and consultancy commissions are "
            "approved by a workforce board, and both are reported to members alongside the budget monitoring.\n\n"
            "We do not run equality, diversity and inclusion programmes beyond what the Public Sector Equality "
            "Duty requires. All staff complete mandatory training on our legal duties, and no separate budget is "
            "held for EDI."
        ),
        4: (
            "The growing high needs deficit is the largest single risk to our finances. Despite our safety valve "
            "agreement with the Department for Education, demand keeps rising. We ask for national SEND reform "
            "and a plan for remaining deficits.\n\n"
            "Surrey receives very little government grant and relies heavily on council tax, so referendum limits "
            "constrain how we respond to rising demand. We ask for the fair funding review to reflect the real "
            "cost of delivering services in the South East, and for more local discretion on council tax.\n\n"
            "Finally, we ask for clarity on devolution and on two-tier arrangements, so that the county and "
            "districts can plan together."
        ),
    },
    # Adur District Council (district, South East)
    "E07000223": {
        1: (
            "Adur District Council shares a single officer team with Worthing Borough Council. The partnership "
            "has saved both councils money for more than fifteen years while each keeps its own councillors and "
            "decisions.\n\n"
            "Recent transformation has included:\n"
            "- a redesigned customer service model, with most contact now handled online;\n"
            "- a joint approach to temporary accommodation that reduces reliance on expensive nightly-paid "
            "placements;\n"
            "- buying a small number of homes to use as temporary accommodation instead of paying private "
            "providers.\n\n"
            "Prevention is at the centre of our housing work. Our prevention officers intervene as soon as a "
            "household is at risk, and around half of the households who approach us are helped to stay in their "
            "home or move without a stay in emergency accommodation."
        ),
        2: (
            "Adur and Worthing use a shared digital platform, built with low-code tools, which lets our own staff "
            "develop online services quickly instead of buying bespoke software. Around 80 processes have been "
            "rebuilt this way.\n\n"
            "We combine data on housing need, council tax and benefits to identify residents at risk of "
            "homelessness early. Next, we will automate routine work in revenues and benefits and test tools for "
            "answering common enquiries.\n\n"
            "Our limits are the size of our teams and the number of competing priorities. Better access to DWP "
            "data would help us find residents who are entitled to support but not claiming it."
        ),
        3: (
            "Sharing one officer team with Worthing spreads management and system costs across two councils, and "
            "every contract is reviewed before renewal.\n\n"
            "In 2023/24 Adur's share of spending on agency staff was around £600,000, mostly for housing and "
            "planning posts that are hard to fill. Consultants cost around £200,000, largely for advice on "
            "regeneration schemes on the Shoreham waterfront. Agency use is reviewed monthly by the leadership "
            "team.\n\n"
            "Equality training is limited to what the Public Sector Equality Duty requires, delivered as part of "
            "mandatory induction. There is no separate EDI programme or budget."
        ),
        4: (
            "Temporary accommodation costs have risen sharply and are the biggest risk to our budget. Housing "
            "benefit subsidy does not cover what we pay for nightly accommodation, so the gap falls on a very "
            "small council tax base. We ask for subsidy to reflect current rents and for more funding for "
            "affordable homes.\n\n"
            "Funding certainty is also a barrier. One-year settlements make it hard to commit to prevention "
            "schemes that pay back over several years. We ask for a multi-year settlement.\n\n"
            "We also ask for planning fees to be set at a level that covers the cost of the service."
        ),
    },
    # Durham County Council (unitary, North East)
    "E06000047": {
        1: (
            "Durham County Council serves around 530,000 residents across a large county of former mining towns, "
            "market towns and upland dales. Since becoming a unitary council in 2009, the council has saved more "
            "than £250 million through reorganisation and transformation.\n\n"
            "Current work includes:\n"
            "- an adult social care model focused on reablement and support at home, reducing admissions to "
            "residential care;\n"
            "- more council-run children's homes, to reduce reliance on expensive external placements;\n"
            "- a review of the property estate, including moving to a smaller headquarters.\n\n"
            "The council works with the new North East Combined Authority and with NHS partners on shared "
            "priorities, including employment support and health inequalities. Progress is reported to Cabinet "
            "quarterly."
        ),
        2: (
            "The council's digital strategy has two aims: services that are easier to use online, and better "
            "quality data for decisions.\n\n"
            "Data is already used to target early help for families and to plan maintenance across a long rural "
            "road network. Dashboards show members and managers performance against the council plan each month.\n\n"
            "The council is piloting AI in adult social care to cut the time spent writing up assessments, and is "
            "automating high-volume transactions in revenues and benefits.\n\n"
            "Broadband in some rural areas is poor, so telephone and face-to-face options will remain for "
            "residents who need them."
        ),
        3: (
            "The council has made substantial savings since 2010, and the annual budget process continues to "
            "challenge spending in every service.\n\n"
            "Agency workers account for around 1.8% of the total staff budget and consultants around 0.4%. Agency "
            "use is concentrated in children's social work, where a recruitment and retention package and a "
            "regional agreement on agency rates are bringing numbers down. Consultancy requires approval by a "
            "corporate director.\n\n"
            "Equality, diversity and inclusion training is confined to what the Public Sector Equality Duty "
            "requires, and there is no separate EDI budget."
        ),
        4: (
            "County Durham has a low council tax base, with a majority of homes in the lowest band, and high "
            "levels of deprivation. A rise in council tax raises far less here than in wealthier areas. The "
            "council asks for the fair funding review to be completed so that allocations reflect need and the "
            "ability to raise income locally.\n\n"
            "Rurality also adds cost. Home-to-school transport and services to remote communities in the dales "
            "are expensive to deliver. The council asks for funding that recognises sparsity.\n\n"
            "Finally, the council asks for multi-year settlements so that savings and investment can be planned "
            "with confidence."
        ),
    },
}
