# ruff: noqa: E501  (hand-written passages, one per line)
"""A third pool for dev documents (see pools/__init__.py for the labels, pools/dev.py for `tier`).

Written apart from the other pools, in the mixed voices a department meets (plain, indirect and
formal), and weighted towards the hard cases the first two dev pools had few of:

- passages that look like barriers and are not: demand described as the reason for the council's
  own action, successes, the council's own controls and choices, delivery risks that are the
  council's own, consultation and procedure, work with government programmes, a district saying it
  has no social care budget, and "pressure", "challenge", "cost" and "funding" used in passing; many
  of them sit in the barriers section. Beside them, real barriers put plainly, indirectly and in the
  formal voice;
- themes 1 to 3 written without their usual words (a redesign told by what changed for residents,
  records matched and software checking forms, a lease given up or a contract left to lapse), and
  those words used in passing where the passage is not about the theme;
- look-alikes of the guidance subjects that do not count (the Environment Agency, a lead agency, an
  arm's-length agency, a home improvement agency, the council's own job agency, a housing agency
  partner, locum GPs in the NHS's figures, consultant doctors, a consultation, an interim report, an
  equality impact assessment as procedure), and real mentions in other words that do (interim cover,
  temporary staff through a framework, supply staff, contractors in posts, off-payroll workers,
  staffing firms, outside advisers, specialist help bought in, fair recruitment training, equality
  objectives);
- figures whose meaning has to be read: ranges, per resident and per household, savings beside
  spending, a deficit, a funding gap, funding received, and counts of homes, grants and workers.

Its report furniture, other regimes and unrelated pages are its own.
"""

from . import P

NOT_COUNTY = "district,unitary,metropolitan_district,london_borough,city_of_london,isles_of_scilly"
SHIRE = "county,district,unitary"
HOUSING = "district,unitary,metropolitan_district,london_borough"

INTRO = [
    P(
        "This is {C}'s productivity plan. We were asked to keep it short, so it points to where the detail is published rather than repeating it."
    ),
    P(
        "{C} does not provide social care, schools or highways, which are the county council's responsibility. Our work is housing, planning, waste collection, leisure, environmental health and council tax, and this plan keeps to those.",
        tier="district",
    ),
    P(
        "{c} is home to around {count:n:residents} people in {count:n:households} households, and about a fifth of them live in the two largest towns.",
        tier=SHIRE,
    ),
    P(
        "The challenge we set ourselves when the council plan was adopted was a simple one: every service should be easier to use at the end of each year than at the start of it."
    ),
    P(
        "As a metropolitan borough we run care, schools, housing, highways and neighbourhood services for the borough, while the combined authority and its mayor hold transport, the fire service and the adult skills budget.",
        tier="metropolitan_district",
    ),
    P(
        "More than eighty languages are spoken in the borough's schools, and nearly one resident in three was born outside the United Kingdom.",
        tier="london_borough",
    ),
    P(
        "The Corporation's local authority services sit alongside its other roles, from the wholesale markets to the open spaces it looks after well beyond the Square Mile; this plan covers only the local authority part, paid for from City Fund.",
        tier="city_of_london",
    ),
    P(
        "On the islands the council also runs the water supply, the main quays' harbour services and the collection of waste from five inhabited islands, much of which leaves by boat.",
        tier="isles_of_scilly",
    ),
    P(
        "The county stretches across eleven market towns and more than two hundred parishes, with three district councils sharing the area with us.",
        tier="county",
    ),
    P(
        "Officers drafted the plan from what we already publish, and the cabinet member for finance discussed it with the leaders of the opposition groups before cabinet approved it."
    ),
]

QUOTED = [
    P(
        "Each authority is asked to explain how it has changed the design and delivery of its services to make better use of resources, and how it intends to go further.",
        q=True,
    ),
    P(
        "Plans should describe how councils are using technology and information to make better decisions and to design services around residents.",
        q=True,
    ),
    P(
        "Councils should set out what they are doing to bring down wasteful spending, including spending on consultants and on staff equality, diversity and inclusion programmes.",
        q=True,
    ),
    P(
        "Authorities are also invited to identify the barriers that stand in their way and what the government could do to lift them.",
        q=True,
    ),
    P(
        "There is no template; plans should be no longer than about four pages and are not meant to create extra work to prepare.",
        q=True,
    ),
]

T1 = [
    P(
        "A tenant who reports a leak now gets a time for the visit before the call ends, and the person who arrives can mend the ceiling as well as the pipe, so most repairs are finished in a single trip.",
        t="1",
        tier=HOUSING,
    ),
    P(
        "Since becoming a unitary council we have brought the staff of five former councils into one organisation, with one set of terms and conditions, one contact centre and one route for planning applications.",
        t="1",
        tier="unitary",
    ),
    P(
        "Since our discharge team began working from the hospital wards, the number of people waiting in a hospital bed for care to start has halved, and most now go home on the day the consultant says they are ready.",
        t="1",
        tier="upper",
    ),
    P(
        "The home improvement agency the council runs for older and disabled residents now visits within a fortnight of a referral and fits grab rails and ramps on the same visit, so fewer people fall at home while they wait.",
        t="1",
        tier=NOT_COUNTY,
    ),
    P(
        "For domestic abuse the council is the lead agency in a partnership with the police, the health trusts and the refuge providers, and one referral now opens the door to support from all of them.",
        t="1",
    ),
    P(
        "We folded three separate employment schemes into {c} Works, the job agency the council runs for residents, and last year it found work for {count:n:people} people, many of them after a long time out of work.",
        t="1",
    ),
    P(
        "Families who need help now keep the same worker from the first phone call onwards, instead of being handed from team to team as their circumstances change, and fewer of their children come into care.",
        t="1",
        tier="upper",
    ),
    P(
        "Legal work for four councils is now done by a single team based here, and each council pays only for the hours it uses.",
        t="1",
    ),
    P(
        "Management of our council homes came back in-house from the arm's-length agency that ran them for fifteen years, so tenants now deal with the council directly for rents, repairs and lettings.",
        t="1",
        tier=HOUSING,
    ),
    P(
        "Library, registration and council tax services on the off-islands are now offered from the same counter one day a week, so islanders no longer need to take the boat to St Mary's for them.",
        t="1",
        tier="isles_of_scilly",
    ),
    P(
        "Street cleansing crews now work in small neighbourhood teams that residents get to know by name, instead of one large crew moving round the whole area on a fixed rota.",
        t="1",
        tier=NOT_COUNTY,
    ),
    P(
        "Potholes are now repaired once, with a permanent patch, instead of being filled in a hurry and coming back within months, and the same stretch of road is visited far less often.",
        t="1",
        tier="upper",
    ),
    P(
        "Our engineers now manage flood works for the Environment Agency as well as for the council, under a single agreement that pays for their time, so schemes on the same river are designed and built together.",
        t="1",
    ),
]

T2 = [
    P(
        "We can now see, street by street, which households have fallen behind with both their council tax and their rent, and an officer rings them before the first reminder is posted.",
        t="1,2",
        tier=HOUSING,
    ),
    P(
        "Crews on the bin lorries carry tablets showing which properties have reported a missed collection, and they can photograph a contaminated bin so the resident receives a note with the picture attached.",
        t="2",
        tier=NOT_COUNTY,
    ),
    P(
        "Residents can book, pay for and cancel a bulky waste collection or a parking permit at any hour of the day without speaking to anyone.",
        t="2",
        tier=NOT_COUNTY,
    ),
    P(
        "Every social care visit is now written up on a tablet in the person's own home, and team managers see the same caseload figures as the practitioners.",
        t="2",
        tier="upper",
    ),
    P(
        "A trial of speech-to-text software that drafts the notes of social work visits has given practitioners back about an hour a day; no note is filed until the social worker has read and corrected it.",
        t="2",
        tier="upper",
    ),
    P(
        "Volunteers in our libraries help residents who have never used a computer to set up an email address and apply for things online, on laptops the council refurbished when it replaced its own.",
        t="2",
    ),
    P(
        "The tracking records from our fleet showed vans crossing each other's routes several times a day; the rounds were redrawn and {count:sn:vehicles} vehicles taken off the road.",
        t="2,3",
        tier=NOT_COUNTY,
    ),
    P(
        "Applications for permits, licence renewals and the housing register are now checked by software against what we already hold, and only the doubtful ones reach an officer.",
        t="2",
        tier=NOT_COUNTY,
    ),
    P(
        "Information from the highway sensors and the drivers' own reports tells the gritting team which roads to treat first, rather than sending every lorry out on every cold night.",
        t="2",
        tier="upper",
    ),
]

T3 = [
    P(
        "We gave up the lease on two floors of a rented office block and moved the teams in with the county's staff at the library headquarters, saving the {savings:k} a year we were paying in rent.",
        t="3",
        tier="district",
    ),
    P(
        "When the grounds maintenance contract came up for renewal we let it lapse and gave the work to our own parks staff, at {savings:kk} a year less than the contractor's final price.",
        t="1,3",
        tier=NOT_COUNTY,
    ),
    P(
        "Two floors of the civic centre are now let to the police and the probation service, and the rent they pay covers most of the building's running costs.",
        t="3",
    ),
    P(
        "Our net budget for the year is {spending:m}, and the savings agreed in February take {savings:kk} out of it.",
        t="3",
    ),
    P(
        "On our central forecast the gap between what we expect to spend and what we expect to receive over the next three years is {budget_gap:mr}, and the savings programme in this plan is designed to close it.",
        t="3",
    ),
    P(
        "Bringing three recycling contracts into one has brought the cost of collecting each home's waste down to {spending:pr:per_household} a year.",
        t="3",
        tier=NOT_COUNTY,
    ),
    P(
        "Selling the old depot and two car parks we no longer needed raised {funding:m}, which is paying for the new waste vehicles instead of borrowing.",
        t="3",
        tier=NOT_COUNTY,
    ),
    P(
        "The housing revenue account ran a deficit of {deficit:kk} last year after repair costs rose; it will be back in balance within two years now that routine repairs are no longer sent to outside firms.",
        t="3",
        tier=HOUSING,
    ),
    P(
        "Going through every contract line by line when it falls due has saved {savings:kr} a year, depending on how the price rises built into the old contracts are counted.",
        t="3",
    ),
    P(
        "We stopped {count:sn:grants} small grants to outside bodies whose work no longer matched the council plan, and put the money into the two advice services residents use most.",
        t="3",
    ),
    P(
        "Net spending on the council's own services comes to {spending:pr:per_resident} per resident, among the lowest of councils like ours, which we take as a sign of how tightly costs are run.",
        t="3",
    ),
    P(
        "Stationery, furniture and cleaning materials are now bought once for the whole council, through one catalogue, instead of by each team from whichever supplier it knew.",
        t="3",
    ),
]

NOT_BARRIERS = [
    P(
        "Demand for temporary accommodation has doubled since 2021. In response we bought {count:sn:homes} homes on the open market to use in place of bed and breakfast, so families placed by the council now live nearer their children's schools.",
        t="1",
        tier=HOUSING,
    ),
    P(
        "Cost of living pressures on residents led us to bring council tax support, discretionary housing payments and the hardship fund under one team, so that a single application is considered for all three.",
        t="1",
        tier=NOT_COUNTY,
    ),
    P(
        "Residents, businesses and parish councils were consulted on the budget in December; more than a thousand responded, and the services they most wanted protected were bin collections, street cleaning and parks.",
    ),
    P(
        "An equality impact assessment was completed for each savings proposal in the budget and is published with the budget papers.",
    ),
    P(
        "Because the council has no social care or schools budget, most of what it spends goes on the staff who deliver its services directly, and the waste service alone accounts for about a third of it.",
        tier="district",
    ),
    P(
        "The budget challenge sessions held each autumn, where every director defends their proposals in front of the cabinet, are where most of the savings in this plan were first put forward.",
        t="3",
    ),
    P(
        "The crematorium's running costs are met in full by its fees, and the small surplus it makes goes towards the upkeep of the cemeteries.",
        tier=NOT_COUNTY,
    ),
    P(
        "Reserves are held at the level the chief finance officer judges prudent, and none is being used to balance this year's budget.",
    ),
    P(
        "Funding for the refurbishment of the play areas came from developers' contributions, so it has not touched the revenue budget.",
        tier=NOT_COUNTY,
    ),
    P(
        "Spending on temporary accommodation was {spending:m} last year; the homes we have bought to use instead of nightly-paid rooms are expected to bring that down by a quarter.",
        t="3",
        tier=HOUSING,
    ),
]

AGENCY = [
    P(
        "Interim cover for the two head of service posts left empty during the restructure cost {agency_spend:kk}; both posts are now filled by permanent appointments.",
        t="3",
        g="a",
    ),
    P(
        "Temporary staff supplied through the regional framework cost {agency_spend:m} last year, equivalent to {agency_share_of_staff_budget:pct} of the employee budget.",
        t="3",
        g="a",
    ),
    P(
        "Supply staff for our care homes and day centres now come from an in-house bank of relief workers rather than from outside firms, so we no longer pay a premium on each shift.",
        t="3",
        g="a",
        tier="upper",
    ),
    P(
        "For most of last year several planning officer posts were filled by contractors on day rates well above the salary for the job; two of them have since taken permanent posts with us.",
        t="3",
        g="a",
        tier=NOT_COUNTY,
    ),
    P(
        "At the end of March the council had {count:sn:workers} off-payroll workers, each approved by a director and checked for employment status.",
        t="3",
        g="a",
    ),
    P(
        "Cover bought in from staffing firms came to {agency_share_of_staff_budget:pcs} of the total pay bill last year, roughly half the share of two years earlier.",
        t="3",
        g="a",
    ),
    P(
        "Specialist help bought in for the leisure centre procurement and the valuation of our housing stock cost {consultant_spend:k}; we have no standing contracts with advisory firms.",
        t="3",
        g="c",
    ),
    P(
        "Fees paid to outside advisers were equivalent to {consultant_share_of_staff_budget:pcs} of the staff budget, most of it for one-off legal and actuarial work.",
        t="3",
        g="c",
    ),
    P(
        "A firm of structural engineers was retained to design the bridge repairs, because the council no longer employs an engineer of that kind; its fees came to {consultant_spend:k}.",
        t="3",
        g="c",
        tier="upper",
    ),
    P(
        "Outside experts spent three months with the revenues team setting up the new system and training staff to run it, at a cost of {consultant_spend:kk}; they have now left.",
        t="2,3",
        g="c",
        tier=NOT_COUNTY,
    ),
    P(
        "We have no interims, no agency workers and no consultants at present, and any proposal to engage one goes to the chief executive with the reason the work cannot be done in-house.",
        t="3",
        g="ac",
    ),
    P(
        "According to the integrated care board, locum GPs covered {other_percent:pct} of appointments in the area's practices last year; primary care is commissioned by the NHS, not by the council.",
    ),
    P(
        "Part of the civic centre is now let to the hospital trust for outpatient clinics run by its consultant doctors, bringing in {funding:k} a year towards the building's costs.",
        t="3",
    ),
    P(
        "The Rural Housing Agency, a charity we fund jointly with the parish councils, has found sites for {count:sn:homes} affordable homes in villages that had none.",
        t="1",
        tier=SHIRE,
    ),
]

EDI = [
    P(
        "Our equality objectives for 2024 to 2028 concentrate on access to services for disabled residents and on closing the gap between men's and women's pay in the council's workforce; progress is reported to councillors each year.",
        t="3",
        g="e",
    ),
    P(
        "We spent {edi_spend:kk} on inclusion last year, on a disability confidence assessment, British Sign Language interpreting and the costs of the staff networks' annual conference.",
        t="3",
        g="e",
    ),
    P(
        "Training in fair, unbiased recruitment is part of every new manager's induction and is delivered by our own HR advisers at no extra cost.",
        t="3",
        g="e",
    ),
    P(
        "Nobody at the council works full time on diversity and inclusion and there is no budget line for it; the equality information the law requires us to publish is prepared by the policy team.",
        t="3",
        g="e",
    ),
    P(
        "Budget proposals were screened for their effect on people with protected characteristics before the budget was set, as the council's procedure requires.",
    ),
]

BARRIERS = [
    P(
        "We cannot plan properly beyond next March, because the settlement says nothing about the years after it. [[Give councils a settlement that covers three years.]]",
        b="funding-certainty",
    ),
    P(
        "The formula that shares out funding still rests on population figures from more than a decade ago, while {c} has grown faster than almost anywhere else in the region.",
        b="fair-funding",
    ),
    P(
        "The Authority's ability to recover the cost of its licensing functions is constrained by fee levels prescribed in regulations that have not been revised since they were introduced.",
        b="fees-charges-national",
        tier=NOT_COUNTY,
    ),
    P(
        "Monitoring individual grants absorbs officer time out of all proportion to the sums involved. [[It is respectfully requested that the Department remove the requirement for separate monitoring returns for grants below a modest threshold.]]",
        b="audit-and-reporting,grant-fragmentation",
    ),
    P(
        "Each spring we wait to hear whether the rough sleeping money will continue, and each spring some of the staff it pays for take other jobs before we can tell them.",
        b="funding-certainty",
        tier=HOUSING,
    ),
    P(
        "Our environmental health officers are offered more by the private sector and by councils within commuting distance, and we have lost three of them in a year to better-paid jobs nearby.",
        b="workforce",
    ),
    P(
        "The housing delivery test counts homes built rather than homes permitted, so the council is penalised for developers' slow building on sites it approved years ago.",
        b="planning-system",
        tier=NOT_COUNTY,
    ),
    P(
        "The referendum threshold prevents the Council from raising council tax by more than a small percentage in any year, irrespective of local support for further investment.",
        b="council-tax-limits",
    ),
    P(
        "Drainage board levies rose by a tenth this year and now take a larger share of our council tax than the whole of the parks budget. [[Ministers should fund the levies directly.]]",
        b="internal-drainage-board-levies",
        tier="district,unitary",
    ),
    P(
        "Extended producer responsibility and the simpler recycling reforms require the Council to change its collection services before any funding for their running costs has been confirmed.",
        b="new-burdens",
        tier=NOT_COUNTY,
    ),
    P(
        "We find out that a family is struggling only when the rent stops arriving, although the DWP already knows their income has dropped. [[We ask the DWP to tell us when it does.]]",
        t="2",
        b="data-sharing",
        tier=HOUSING,
    ),
    P(
        "Everything that comes onto or leaves the islands travels by sea or air, which adds to the price of every contract we let, from waste haulage to building materials, and no funding formula recognises it.",
        b="rurality-geography,fair-funding",
        tier="isles_of_scilly",
    ),
    P(
        "The rules on how much we must set aside each year to repay borrowing were changed part way through our capital programme, adding a cost we had no chance to plan for.",
        b="capital-and-borrowing",
    ),
    P(
        "Under the new procurement regime even a small call-off from a framework needs notices and publication steps that add weeks to buying something as simple as road salt.",
        b="procurement",
    ),
    P(
        "The timetable for reorganising the councils in the county has been set and then changed twice, and until it is settled none of the councils here will commit to sharing systems with its neighbours.",
        b="devolution-and-structures",
        tier="county,district",
    ),
    P(
        "The money has not kept up with the work. Since 2015 the number of residents over eighty-five has risen by a third, while our core funding is lower in cash terms than it was then.",
        b="funding-adequacy",
        tier="upper",
    ),
    P(
        "Nightly-paid rooms in London now cost far more than the housing benefit we can claim for them, and the council meets the difference on every placement. [[We ask the government to raise the subsidy limit to today's rents.]]",
        b="homelessness-temporary-accommodation",
        tier="london_borough",
    ),
    # Look like barriers, and are not.
    P(
        "The number of households coming to us as homeless has gone up every year since 2019, which is why prevention sits at the heart of our housing strategy and why more than half of cases are now resolved before anyone has to leave home.",
        t="1",
        tier=HOUSING,
    ),
    P(
        "One barrier we could remove ourselves was the separate application form for each kind of help; residents now fill in one form whatever help they need.",
        t="1",
        tier=NOT_COUNTY,
    ),
    P(
        "We have chosen not to raise the charge for garden waste collection this year, even though the cost of running the service has gone up.",
        tier=NOT_COUNTY,
    ),
    P(
        "As a district council we hold no social care or education budgets, so the pressures councils commonly report in those services do not appear in this plan.",
        tier="district",
    ),
    P(
        "Advisers from the department's homelessness support team visited twice this year, and their suggestions are built into our housing action plan.",
        tier=HOUSING,
    ),
    P(
        "The barriers in this section were agreed with the leaders of all the political groups before the plan went to cabinet."
    ),
    P(
        "The main risk to this plan is our own capacity: a small programme team is carrying several large projects at once, so we have slowed two of them to let the others finish well."
    ),
    P(
        "The risk register names three risks to the savings in this plan: slippage in the move to the new finance system, the loss of key people from the programme team, and slower take-up of new ways of working than planned."
    ),
    P(
        "The money the government gave us to prepare for the new waste collection duties arrived on time, and we have used it to buy the caddies and the first of the new vehicles.",
        tier=NOT_COUNTY,
    ),
    P(
        "The Council continues to engage constructively with the Office for Local Government and welcomes the publication of comparable performance information across the sector."
    ),
    P(
        "The pressure on temporary accommodation eased during the year as the homes bought by the council came into use, and no family has stayed in bed and breakfast for more than six weeks since October.",
        t="1",
        tier=HOUSING,
    ),
]

BARRIERS_UPPER = [
    P(
        "The cumulative deficit on the Dedicated Schools Grant is forecast to reach {deficit:m} by March 2026, and the Authority has no means of recovering it from within the grant. [[Clarity is sought from government on how deficits will be treated once the statutory override expires.]]",
        b="send-high-needs",
        tier="upper",
    ),
    P(
        "Three children with the most complex needs account for more of our placement spending than the next forty together, and the few providers able to care for them can name their price.",
        b="childrens-social-care",
        tier="upper",
    ),
    P(
        "We pay care homes less than it costs them to provide care because we cannot afford more, and homes in the remoter parts of the area are closing.",
        b="adult-social-care",
        tier="upper",
    ),
    P(
        "Taxis taking children with education, health and care plans to schools outside the area cost {spending:m} last year; the entitlement is set nationally and we must meet it however far away the school is.",
        b="send-high-needs",
        tier="upper",
    ),
    P(
        "The NHS allocates hospital discharge funding on a timetable unrelated to the council's budget cycle, and money announced in the middle of the year cannot be committed to care contracts that outlast it.",
        b="health-integration,adult-social-care",
        tier="upper",
    ),
    # Look like barriers, and are not.
    P(
        "Requests for an education, health and care needs assessment are now decided within the statutory timescale in almost every case, since the SEND team was reorganised around groups of schools.",
        t="1",
        tier="upper",
    ),
    P(
        "Our joint commissioning with the integrated care board is among the most developed in the region, with a single manager for care home contracts and a pooled budget for community equipment.",
        t="1",
        tier="upper",
    ),
    P(
        "Demand for adult social care here rises each year with the number of residents over eighty-five, and the care strategy plans for it by offering reablement and equipment before anything else.",
        t="1",
        tier="upper",
    ),
]

CLOSE = [
    P(
        "We will publish a short update on this plan with the year-end performance report, and the plan itself will stay on our website."
    ),
    P("An interim report on progress will go to the scrutiny committee in January."),
    P("Cabinet agreed this plan in July 2024. It will be refreshed once the government's panel has reported."),
    P(
        "Unless another source is given, the figures in this plan come from our audited accounts and the returns we send to government each year."
    ),
]

# A committee report's purpose (first) and background.
REPORT = [
    P(
        "The report seeks Cabinet's agreement to the council's productivity plan (Appendix A) before it goes to the department and onto the council's website."
    ),
    P(
        "Every council in England received the request in a letter from the Minister for Local Government in April, with a return date of 19 July."
    ),
    P(
        "The plan follows the four themes the government set and draws on the budget, the council plan and the annual performance report; it makes no new commitments."
    ),
    P(
        "The barriers identified in the plan are chiefly the cost of housing homeless families and the yearly cycle of funding announcements.",
        b="homelessness-temporary-accommodation,funding-certainty",
        tier=HOUSING,
    ),
    P(
        "Scrutiny members looked at a draft on 2 July and asked for more on the council's own spending controls, which has been added."
    ),
    P(
        "No equality impact assessment has been carried out, because the report proposes no change to services; proposals that follow from the plan will be assessed in the usual way."
    ),
    P(
        "The panel that will consider the plans is chaired by the minister and includes the Office for Local Government and the Local Government Association; the plans will not be scored."
    ),
]

RECOMMENDATIONS = [
    P("Cabinet is recommended to endorse the plan in Appendix A and agree its return to government."),
    P(
        "To authorise the Director of Finance, after speaking with the Leader, to correct minor errors in the plan before 19 July."
    ),
    P("To note that residents will be able to read the plan online after the department has received it."),
    P("To ask the Audit and Governance Committee to receive a report on progress early in the new year."),
]

IMPLICATIONS = [
    P(
        "Finance: nothing in this report commits new money, and every saving the plan refers to is already counted in this year's budget."
    ),
    P(
        "Legal: the plan is requested by the Secretary of State rather than required by statute, and the Monitoring Officer has no comments on it."
    ),
    P(
        "Human resources: none. The plan describes changes already made or already agreed through the usual consultation with staff."
    ),
    P(
        "Equalities: the public sector equality duty has been considered; the plan itself changes no service, so no separate assessment is needed."
    ),
    P("Environmental and climate: the plan has no implications of its own."),
    P("Risk: the risk of not submitting is to the council's reputation. Current level: low. Residual level: low."),
    P("Background papers: the minister's letter of 16 April 2024 and the council's budget report of February 2024."),
]

DECISION = [
    P(
        "Decision taken: to approve the productivity plan and submit it to the department by 19 July 2024, with authority delegated to the Chief Executive for minor amendments."
    ),
    P("Reason: the department's deadline falls before the next ordinary meeting of the Executive."),
    P(
        "Options considered and rejected: calling a special meeting, which would have added cost and delay for no benefit."
    ),
    P(
        "Consulted before the decision: the Monitoring Officer, the Section 151 Officer and the chair of the Overview and Scrutiny Committee."
    ),
    P("Conflicts of interest declared by the decision maker: none."),
]

CALL_IN = [
    P(
        "This decision will come into force at 5pm on the fifth clear working day after its publication unless it is called in before then."
    ),
    P(
        "Urgency: with the agreement of the chair of scrutiny, call-in does not apply, because any delay would have missed the department's deadline."
    ),
]

MINUTES = [
    P("The Chair welcomed members of the public and the press to the meeting."),
    P("No declarations of interest were made on this item."),
    P(
        "The Leader introduced the productivity plan, saying that most of what it described had already been agreed in the budget and in the council plan."
    ),
    P(
        "Councillor Mahmood asked how much the council spent on agency staff. The Director of Resources said the figure was in the plan and had fallen over the year, with most of the remaining use in waste collection.",
        t="3",
        tier=NOT_COUNTY,
    ),
    P(
        "Councillor Byrne said the plan should have been clearer that one-year settlements made planning ahead impossible; the Leader agreed and [[said the council would keep pressing ministers for a settlement covering several years]].",
        b="funding-certainty",
    ),
    P(
        "A member asked whether the Environment Agency had been consulted about the flood works described in the plan; officers confirmed that it was a partner in the scheme."
    ),
    P(
        "Councillor Ferris asked whether consultants were still working on the regeneration scheme. Officers said their contract had ended in March and the remaining work was being done in-house.",
        t="3",
    ),
    P(
        "RESOLVED: (a) to approve the plan for return to the department; (b) to let the Chief Executive, with the Leader, make minor corrections before it is sent."
    ),
    P("The recommendation was carried on a show of hands; the opposition group abstained."),
]

NEWS = [
    P("{C} has sent its productivity plan to the government and published it on the council's website."),
    P(
        "The plan explains how the council has changed the way residents get help, with one phone number and one form for problems with housing, benefits and council tax.",
        t="1",
        tier=NOT_COUNTY,
    ),
    P(
        "It says the council now spends less on temporary staff than at any time in the past five years and has no consultants working for it.",
        t="3",
    ),
    P(
        'The cabinet member for finance said: "[[We need the government to update a funding formula that still uses figures from a decade ago]], not just ask councils to write plans."',
        b="fair-funding",
    ),
    P(
        "Also in the plan is the app that lets residents report fly-tipping with a photograph and a location, which has cut the time it takes to clear it.",
        t="2",
        tier=NOT_COUNTY,
    ),
    P(
        "The plan warns that the deficit on funding for special educational needs is growing faster than the council can manage.",
        b="send-high-needs",
        tier="upper",
    ),
    P(
        "Ministers will look at every council's plan together with the Office for Local Government and the Local Government Association."
    ),
    P("Media enquiries: the communications team can be reached through the main switchboard during office hours."),
    P('The leader said: "This plan is a snapshot of work that started long before the government asked for it."'),
]

FIRE = [
    P(
        "The fire and rescue authority's productivity plan sets out how much of firefighters' time goes on prevention, protection and training, as the Home Office expects of every service."
    ),
    P(
        "The authority spent {agency_spend:kk} on agency control room staff while newly recruited operators were being trained."
    ),
    P(
        "Barriers to higher productivity include national terms and conditions that limit how wholetime crews can be rostered."
    ),
    P(
        "Equality, diversity and inclusion work in the service concentrates on recruiting more women to operational roles, at a cost of {edi_spend:kk} last year."
    ),
    P("Consultants were engaged to review emergency cover across the service area, at a cost of {consultant_spend:k}."),
]

NHS = [
    P(
        "The trust appointed {count:sn:consultants} new consultants this year, which has reduced the number of clinics cancelled at short notice."
    ),
    P("Spending on bank and agency staff fell to {agency_share_of_staff_budget:pct} of the pay bill over the year."),
    P(
        "Barriers to further improvement include the shortage of social care places for patients who are ready to leave hospital."
    ),
    P(
        "The trust's cost improvement programme delivered {savings:m}, most of it from procurement and theatre scheduling."
    ),
    P("Patients can now see their test results and appointment letters in the NHS App."),
]

UNRELATED = [
    P("Sandbags can be collected from the depot whenever the Environment Agency issues a flood warning for the river."),
    P(
        "We are taking on temporary staff through a recruitment agency to count the votes at the county elections; the work is paid by the hour."
    ),
    P(
        "The consultation on the draft local plan runs until the end of September, and drop-in sessions are being held in every library."
    ),
    P(
        "Our annual equality information report, covering both residents and the council's workforce, can now be downloaded."
    ),
    P("Grants of up to {funding:kk} are available for village hall improvements; applications close on 30 September."),
    P(
        "The barriers at the entrance to the multi-storey car park are being replaced next week, and parking will be free while the work is done."
    ),
]

CHROME = [
    {
        "skip": "Go to main content",
        "cookie": "We have put some small files called cookies on your device to make this site work and to see how it is used.",
        "cookie_buttons": "Accept optional cookies Decline optional cookies",
        "nav": ["Home", "Bins", "Council tax and benefits", "Housing", "Planning", "Your council"],
        "breadcrumb": ["Home", "Your council", "Plans and performance"],
        "footer": ["Accessibility", "Cookies", "Privacy", "Contact us", "Website feedback"],
        "footer_text": "Council offices, Market Place. Phone lines are open 8.30am to 5pm on weekdays.",
        "feedback": "Was this page helpful? Tell us how we can make it better",
    },
    {
        "skip": "Skip to the main content",
        "cookie": "Your cookie choices: essential cookies are always on; we would like your permission for analytics.",
        "cookie_buttons": "Allow analytics cookies Block analytics cookies",
        "nav": ["Services", "News", "Events", "Get involved", "About us"],
        "breadcrumb": ["Home", "About us", "Our plans"],
        "footer": ["Accessibility statement", "Privacy and data", "Complaints and compliments", "Sitemap"],
        "footer_text": "Copyright the council. Find us on social media for updates and service news.",
        "feedback": "Spotted a mistake on this page? Let us know",
    },
]
