# ruff: noqa: E501  (hand-written passages, one per line)
"""Passages for the dev documents (see pools/__init__.py for the labels).

Written separately from the train and held-out pools, in the looser voice councils often write in:
long paragraphs, a success and a constraint in one passage, a theme touched in passing, barriers
named indirectly, descriptions of what a council does, committee-report furniture, and the
look-alikes (fire, police, NHS, bids) and unrelated pages the department also receives. Besides
`any`, `upper` and `lower`, a passage's `tier` may list the council types it suits (`county`,
`district`, `unitary`, `metropolitan_district`, `london_borough`, `city_of_london`,
`isles_of_scilly`, separated by commas): it is then used only for councils of those types. Lists
whose order matters (minutes, decision records) are written in the order a meeting takes them.
"""

from . import P

# Housing, council tax, waste collection and licensing are not a county council's services.
NOT_COUNTY = "district,unitary,metropolitan_district,london_borough,city_of_london,isles_of_scilly"
# Towns, villages and countryside.
SHIRE = "county,district,unitary"
RURAL = "county,district,unitary,isles_of_scilly"

# Openings, and what kind of council this is: mostly no theme.
INTRO = [
    P(
        "What follows is {C}'s answer to the government's request for a productivity plan. It gathers up work that is already going on across the council rather than announcing anything new, and it is best read next to our budget book and the council plan."
    ),
    P(
        "{c} is a big, mostly rural place with two market towns, a long stretch of coast and a population that is older than England's as a whole; roughly one resident in four has passed retirement age, and that shapes nearly every service we run.",
        tier=SHIRE,
    ),
    P(
        "We are a small organisation whichever way you count it: fewer than {count:n:staff} staff look after everything from the crematorium to the coastal footpath, and most of them live in the district they serve.",
        tier="district",
    ),
    P(
        "The last few years have not been easy, but they have not been wasted either: we closed the old town hall annex, moved most routine transactions online and now share a management team with our neighbours, and those changes are the backbone of this plan.",
        t="1,2,3",
    ),
    P(
        "Our council plan was agreed after the biggest resident survey we have ever carried out, and its three promises, homes people can afford, a cleaner and greener place, and help for those who need it most, run through every page of this document."
    ),
    P(
        "We have tried to write this for residents as much as for the department, so we have kept the jargon out and organised it around the four headings we were given."
    ),
    P(
        "{C} is one of the lowest funded councils per head in the country. That is the backdrop to everything here: we have had to be lean because there was never much slack to take out in the first place.",
        b="fair-funding",
    ),
    P(
        "The population of {c} has grown by about a fifth in fifteen years as new estates have gone up on the edge of the towns, and the council has had to grow its services to keep pace with them.",
        tier=SHIRE,
    ),
    P(
        "{C} collects the bins, decides planning applications, runs the housing register, collects council tax and pays housing benefit, licenses pubs and taxis and looks after parks and car parks; education, roads and social care are the county council's responsibility.",
        tier="district",
    ),
    P(
        "{C} provides social care for adults and children, support for schools, the highway network, libraries, waste disposal and public health, alongside the district councils in its area, which empty the bins and decide most planning applications.",
        tier="county",
    ),
    P(
        "As a unitary authority we run every local service in {c}, from bin collections and planning to adult social care and school places, which lets us join services up in ways that are harder where responsibilities are split between two councils.",
        tier="unitary",
    ),
    P(
        "{C} is one of the member councils of the combined authority, which holds the transport and adult skills budgets under the devolution deal; we remain responsible for care, schools, housing and neighbourhood services in our own borough.",
        tier="metropolitan_district",
    ),
    P(
        "As a London borough we work within arrangements shared across the capital, from a joint pension investment pool to a pan-London agreement on the rates paid for emergency accommodation, and many of our services are commissioned together with neighbouring boroughs.",
        t="1",
        tier="london_borough",
    ),
    P(
        "The City has a small resident population of about {count:n:residents} people, but its weekday population is many times larger, and most of our services are shaped around the workers, visitors and firms who arrive each morning and leave each evening.",
        tier="city_of_london",
    ),
    P(
        "Alongside the usual council functions, the Council of the Isles of Scilly runs services that no other council in England provides, among them the airport on St Mary's and the islands' water and sewerage.",
        tier="isles_of_scilly",
    ),
]

T1 = [
    P(
        "We used to run housing advice, benefits and council tax as three separate teams with three phone numbers. Since last spring one team handles all three, so a tenant who has fallen behind can sort out the rent, council tax support and a hardship payment in one conversation instead of being passed from desk to desk.",
        t="1",
        tier=NOT_COUNTY,
    ),
    P(
        "Adult social care staff now work out of the same buildings as the community nurses in each of our four localities. Agreeing the arrangements with the trust took much longer than we had hoped, but staff tell us it is the most useful change they have seen, and people waiting for a care assessment are seen sooner.",
        t="1",
        tier="upper",
    ),
    P(
        "Family hubs have opened in each of the main towns, bringing health visitors, early help workers and the voluntary sector under one roof. Referrals to children's social care have fallen for the second year running, and fewer children are coming into care.",
        t="1",
        tier="upper",
    ),
    P(
        "Building control is now a single service hosted by us on behalf of two neighbouring districts. Neither of our partners could keep enough surveyors on its own; together we can cover leave and sickness and offer a career path that makes people want to stay.",
        t="1",
        tier="lower",
    ),
    P(
        "Homelessness work has been rebuilt around prevention. Officers now get in touch as soon as a landlord serves notice, and more than half of the households who come to us are helped to stay where they are rather than waiting until they are on the street.",
        t="1",
        tier=NOT_COUNTY,
    ),
    P(
        "Street cleansing, grounds maintenance and the parks used to sit with three different contractors. Bringing them back in-house under one manager has given us a single team that can be sent wherever it is needed, and residents report problems through one route instead of guessing who is responsible.",
        t="1",
        tier=NOT_COUNTY,
    ),
    P(
        "Our reablement service now helps {count:n:people} people a year to regain their independence after a hospital stay, and most of them need no ongoing care afterwards. What it cannot fix is the lack of home care in the remote west of the county, where we still struggle to find carers prepared to drive long distances for short visits.",
        t="1",
        b="adult-social-care,rurality-geography",
        tier="upper",
    ),
    P(
        "Working with the housing associations and the mental health trust, we have set up a small team that finds tenancies for people leaving hospital or prison and supports them for their first months, people who would otherwise have ended up in bed and breakfast.",
        t="1",
    ),
    P(
        "Our libraries have become the council's shop window in each town: residents can get help with a benefit claim, borrow a laptop, see a housing officer or pick up recycling sacks in one visit, and running them this way is how we have kept every branch open.",
        t="1,2",
        tier="unitary,metropolitan_district,london_borough",
    ),
    P(
        "The waste collection contract came back in-house in April. The first few months were bumpy, but missed bins are now fewer than they were under the contractor, and the service costs about {savings:k} a year less to run.",
        t="1,3",
        tier=NOT_COUNTY,
    ),
    P(
        "A joint team with the police and the fire service now deals with antisocial behaviour, working from one shared caseload and meeting every week, so residents no longer have to tell their story three times to three organisations.",
        t="1",
    ),
    P(
        "We have changed the way we arrange school transport for children with additional needs, grouping routes together and offering independent travel training to the young people who want it, which has slowed the rise in cost even though more children are eligible every year.",
        t="1,3",
        tier="upper",
    ),
    P(
        "As a district council our biggest lever on people's wellbeing is housing. We have built sixty homes for social rent on our own land in three years and brought empty properties back into use through a loan scheme we run jointly with the county.",
        t="1",
        tier="lower",
    ),
    P(
        "Every service has been through a zero-based review over the past eighteen months, led by its own managers with challenge from the finance team, and the changes they proposed are already built into next year's budget.",
        t="1,3",
    ),
    P(
        "We have had real success joining up our own services, and the planning and housing teams now sit together and agree priorities for each development site. It is harder to do the same with the county, because two councils with two budgets and two sets of priorities have to agree every step.",
        t="1",
        b="devolution-and-structures",
        tier="lower",
    ),
]

T2 = [
    P(
        "We put a chatbot on the website to answer the simple questions, such as when the bins are collected or how to pay for a parking permit, so that staff on the phones have time for the callers who really need a person. It now deals with around {other_percent:pct} of web enquiries without anyone picking up the phone.",
        t="2",
    ),
    P(
        "Our new social care case management system went live in the autumn after a long and, frankly, painful migration. Social workers now write up visits on a tablet in the family's home instead of typing notes up back at the office.",
        t="2",
        tier="upper",
    ),
    P(
        "By linking what we hold on council tax, housing benefit and the housing register, we can now see which households are heading for trouble. In its first year the work reached {count:n:households} households before their arrears turned into an eviction.",
        t="1,2",
        tier=NOT_COUNTY,
    ),
    P(
        "Our data team has built a single view of residents who may need help, but it is only ever half the picture, because we still cannot see the Universal Credit information the DWP holds about the same families. [[We ask that councils be given routine access to it so we can act months earlier.]]",
        t="2",
        b="data-sharing",
    ),
    P(
        "Planning, licensing and building control are moving onto one cloud system in place of three that no longer talk to each other; the contract was let through a national framework and will cost less each year than the three systems it replaces.",
        t="2,3",
        tier=NOT_COUNTY,
    ),
    P(
        "Most of our forms are online now and, where it makes sense, handled from start to finish without anyone rekeying them, but we have kept the phone and the front counter for residents who cannot or would rather not go online.",
        t="2",
    ),
    P(
        "We are being careful with artificial intelligence. A small trial is using it to summarise long responses to planning consultations, with officers still reading the originals, and we will publish what we learn before going any further.",
        t="2",
    ),
    P(
        "Councillors get a quarterly performance report built straight from the service systems, and the same figures go on our website so that residents can check how we are doing against the council plan.",
        t="2",
    ),
    P(
        "Housing benefit still runs on national rules that change at short notice, and every change to how Universal Credit is rolled out means manual workarounds and fixes we have to pay our software supplier to build. [[We ask the DWP to give councils more notice and to meet the cost of the changes it requires.]]",
        t="2",
        b="data-sharing",
        tier=NOT_COUNTY,
    ),
    P(
        "Sensors fitted in our council homes warn us where damp and mould are likely to develop before tenants have to report it, and the repairs teams are now sent out on that evidence.",
        t="2",
        tier=NOT_COUNTY,
    ),
    P(
        "A small digital team of {count:sn:staff} staff, most of them recruited from inside the council, now redesigns transactions with the services that own them rather than buying in outside help.",
        t="2",
    ),
    P(
        "We moved every member of staff onto laptops and one set of collaboration tools during the office move, which has done more for joint working between teams than any restructure.",
        t="1,2",
    ),
]

T3 = [
    P(
        "Any contract above a modest value now goes to a monthly board chaired by the finance director before it can be let or extended. In its first year the board refused or cut back enough requests to save {savings:m}, and it has changed the way managers think about spending.",
        t="3",
    ),
    P(
        "We have halved the number of buildings we occupy. The main offices were refitted for flexible working, two depots were merged and the surplus sites sold, raising capital receipts of {funding:m} that are paying for the next stage of the programme.",
        t="3",
    ),
    P(
        "Our net budget this year is {spending:m}. More than half of it goes on care for adults and children, which leaves comparatively little for everything else residents see day to day.",
        tier="upper",
    ),
    P(
        "The medium-term financial strategy shows a shortfall of {budget_gap:m} by the end of the period, even after the savings in this plan have been delivered.",
        t="3",
    ),
    P(
        "Over the past four years we have taken {savings:mr} out of our running costs, depending on how the one-off items are counted.",
        t="3",
    ),
    P(
        "We spend about {spending:m} a year buying goods and services from outside suppliers, and a little over half of it goes to firms based in the area.",
        t="3",
    ),
    P(
        "Sending bills and letters by email wherever residents have agreed to it has cut our printing and postage costs by {savings:k} a year, and people are paying sooner as a result.",
        t="2,3",
    ),
    P(
        "Overtime, mileage and mobile phone budgets were all looked at again last year. None of those savings is large on its own, but together they add up to {savings:kk}.",
        t="3",
    ),
    P(
        "Our building cleaning and catering services now trade through a company wholly owned by the council, which wins work from schools and other public bodies and pays a modest dividend back to us each year.",
        t="1,3",
    ),
    P(
        "We spend {spending:pr:per_resident} per resident on waste and recycling, well below the average for councils like ours, and the collection rounds were rerouted last year to keep it that way.",
        t="3",
        tier=NOT_COUNTY,
    ),
    P(
        "Our pension fund costs were cut by {savings:k} a year after the employer contribution rate was reset at the last valuation, money that has been kept in services rather than reserves.",
        t="3",
    ),
    P(
        "The forecast overspend for this year is {deficit:m}, and a freeze on all spending that is not essential has been in place since the summer to bring the budget back into balance.",
        t="3",
    ),
]

AGENCY = [
    P(
        "Agency workers cost us {agency_share_of_staff_budget:pct} of the total paybill last year, nearly all of it in children's social work, where permanent recruitment has been hard for a decade.",
        t="3",
        b="workforce",
        g="a",
        tier="upper",
    ),
    P(
        "Spending on agency staff was {agency_spend:m} last year and {agency_spend:m} the year before; since the spring, any booking longer than twelve weeks has needed a director's sign-off.",
        t="3",
        g="a",
    ),
    P(
        "We use consultants sparingly. Last year's spend of {consultant_spend:k} was almost all on specialist valuation, engineering and legal advice for the regeneration scheme, work we would not need often enough to justify employing people to do it.",
        t="3",
        g="c",
    ),
    P(
        "Consultancy came to {consultant_share_of_staff_budget:pcs} of our employee costs and agency staff to {agency_share_of_staff_budget:pcs}, both well down on three years ago.",
        t="3",
        g="ac",
    ),
    P(
        "Our workforce budget is {staff_budget:m}; of that, {agency_spend:kk} went on agency cover for hard-to-fill posts in the waste service and environmental health.",
        t="3",
        g="a",
    ),
    P(
        "We do not employ management consultants to tell us how to run services. Where we have brought in outside help, for the leisure procurement and the finance system, it was for a fixed period with a clear end date and a named officer learning alongside them.",
        t="3",
        g="c",
    ),
    P(
        "Agency use is reported to the corporate management team every month, team by team, and set against the pay budget; month by month over the past year it has run at {agency_share_of_staff_budget:pctr} of that budget.",
        t="3",
        g="a",
    ),
    P(
        "There are {count:sn:agency workers} agency workers in the council today, fewer than half the number we had eighteen months ago.",
        t="3",
        g="a",
    ),
    P(
        "Interim managers covered two director posts while we restructured, at a cost of {agency_spend:kk}; both posts have since been filled permanently.",
        t="3",
        g="a",
    ),
    P(
        "Specialist consultancy support for the new finance system will cost {consultant_spend:kr} in all, depending on how smoothly the data moves across, and it ends when the system goes live next spring.",
        t="2,3",
        g="c",
    ),
    P("Total employee costs for the year come to {staff_budget:m}, roughly two fifths of our gross spending.", t="3"),
    P(
        "The salary bill is {staff_budget:m} and consultants cost us {consultant_spend:k} on top of it, most of that on a one-off valuation of our housing stock.",
        t="3",
        g="c",
    ),
]

EDI = [
    P(
        "On equality, diversity and inclusion we do what the law asks of us and little more: managers complete an equality impact assessment for significant decisions, and the only training is a short online module every employee takes.",
        t="3",
        g="e",
    ),
    P(
        "We have no EDI officers and no external EDI contracts. Spending in this area last year was {edi_spend:kk}, nearly all of it on sign language interpreters and translation so that residents can use our services.",
        t="3",
        g="e",
    ),
    P(
        "Our staff-led equality networks meet in work time once a month. They cost nothing beyond that hour, and they helped us understand why some groups of staff were leaving us sooner than others.",
        t="3",
        g="e",
    ),
    P(
        "After the minister's letter we went back through our equality, diversity and inclusion activity and found nothing we would call wasteful; the public sector equality duty sets the floor, and we have not gone much beyond it.",
        t="3",
        g="e",
    ),
    P(
        "{c} spends {edi_spend:k} a year on equality and diversity, which pays for meeting the statutory equality duty and our share of an apprenticeship scheme for care leavers run across the county.",
        t="3",
        g="e",
    ),
]

BARRIERS = [
    P(
        "Over the past decade we have been left with a disproportionate share of the reductions in local government funding, because our grant was cut as a proportion of a budget that depended heavily on it. [[We ask that the next settlement puts this right.]]",
        b="fair-funding",
    ),
    P(
        "A great deal of officer time goes into preparing competitive bids for money that may never come our way. Last year we put in {count:sn:bids} bids, and the consultants we hired to write the more technical ones cost {consultant_spend:k}.",
        t="3",
        b="grant-fragmentation",
        g="c",
    ),
    P(
        "Money spent preparing competitive bids is money not spent on services. [[Allocating the same funding by formula, over several years, would be simpler for everyone.]]",
        b="grant-fragmentation,funding-certainty",
    ),
    P(
        "Duties are placed on us without consultation and often without the money to go with them. The changes to waste collection, the new biodiversity rules and the extension of licensing have each added work and cost, and the funding, where it has come at all, has arrived after the duty began.",
        b="new-burdens",
    ),
    P(
        "The settlement arrives in the week before Christmas and covers a single year. So we budget three years ahead on guesswork, keep more in reserve than we would like, and put off investments that would pay for themselves over a longer period.",
        b="funding-certainty",
    ),
    P(
        "Our council tax is low for historical reasons, and the cap on increases means it will stay low however much residents might be willing to pay for better services. [[A one-off freedom to bring our band D charge up to the average for councils like ours would put our finances on a sustainable footing.]]",
        b="council-tax-limits",
    ),
    P(
        "The fees for taxi and premises licences are fixed in law at levels that do not cover what it costs us to inspect and enforce, so council taxpayers meet the difference.",
        b="fees-charges-national",
        tier=NOT_COUNTY,
    ),
    P(
        "Our accounts are three years behind through no fault of our own. The finance team spends weeks every year answering questions about old accounts instead of supporting services, and [[we ask that the backstop arrangements are kept under review so that they do not simply move the problem elsewhere]].",
        b="audit-and-reporting",
    ),
    P(
        "We are asked for much the same information by several departments, in different formats and to different timetables. [[A single annual data return, collected once and shared across Whitehall, would free officers for front-line work.]]",
        b="audit-and-reporting",
    ),
    P(
        "Recruiting environmental health officers, planners and surveyors has become very hard; private firms and bigger councils pay more, and we lose people almost as soon as we have trained them.",
        b="workforce",
    ),
    P(
        "We have built more affordable homes in the past two years than in the decade before, but new schemes have stopped adding up as construction and borrowing costs have climbed. [[We ask for more freedom over how right to buy receipts can be spent.]]",
        b="capital-and-borrowing,homelessness-temporary-accommodation",
        tier=NOT_COUNTY,
    ),
    P(
        "The number of families in temporary accommodation has doubled, and because the housing benefit we can reclaim is pegged to rents from 2011, we lose money on almost every placement, leaving an overspend of {deficit:m} on the homelessness budget last year.",
        b="homelessness-temporary-accommodation",
        tier=NOT_COUNTY,
    ),
    P(
        "More and more government money is handed out through short competitions with tight deadlines: we counted {count:sn:funding streams} separate funding streams last year, each with its own rules and its own monitoring return.",
        b="grant-fragmentation,audit-and-reporting",
    ),
    P(
        "Part of the district drains into a protected river, and the rules on nutrients mean that housing schemes which already have planning permission cannot start. [[We need a national mitigation scheme that developers can pay into now.]]",
        b="planning-system",
        tier=NOT_COUNTY,
    ),
    P(
        "Around a fifth of our council tax goes straight to the internal drainage boards in levies we have no say over, and the levies go up every year with the boards' own costs. [[The levies should be funded outside our core spending power.]]",
        b="internal-drainage-board-levies",
        tier="lower",
    ),
    P(
        "Residents do not understand why the county disposes of their waste while we collect it from the kerb, or why potholes are somebody else's job. Working in two tiers costs both councils time and money, and the uncertainty over reorganisation makes it hard to plan shared services with any confidence.",
        b="devolution-and-structures",
        tier="lower",
    ),
    P(
        "The procurement rules push us into lengthy tenders for contracts only local firms would ever bid for, and the new regime has brought training and system costs of its own.",
        b="procurement",
    ),
    P(
        "We serve a scattered population across long distances, which means more vehicles, more staff time on the road and smaller libraries and offices than a city council would run, and none of that is recognised in the funding we receive.",
        b="rurality-geography,fair-funding",
        tier=RURAL,
    ),
    P(
        "Interest rates have made borrowing to invest far dearer than when our capital programme was agreed, and several schemes that would have saved money over twenty years no longer stack up.",
        b="capital-and-borrowing",
    ),
    P(
        "Pay awards are agreed nationally and passed on to us without the money to meet them: last year's award cost us {spending:m}, more than the whole of the increase in our core funding.",
        b="funding-adequacy",
    ),
    P(
        "If the government wants councils to be more productive, [[the single most useful thing it could do is give us a settlement that runs for three years]].",
        b="funding-certainty",
    ),
    P(
        "Demand for the services we must provide grows every year while the money to provide them has not kept pace; the easy savings were made long ago, and what is left are choices about which services to stop.",
        b="funding-adequacy",
    ),
    P(
        "Growth in business rates in our area has been reset away more than once, so the council gains nothing from backing the new employment sites it has worked so hard to bring forward.",
        b="fair-funding",
    ),
    P(
        "The disabled facilities grant reaches us through the county's share of the better care fund, late and with conditions attached, so home adaptations take longer than they should.",
        b="health-integration",
        tier="lower",
    ),
    P(
        "We could do much more to stop people losing their homes if HMRC and the DWP told us when a tenant's income falls; at present we find out when the rent arrears letter arrives.",
        t="2",
        b="data-sharing",
        tier=NOT_COUNTY,
    ),
    P(
        "Our funding per head is {funding:pr:per_resident} below the average for our class of authority, a gap that has widened every year since the needs assessment was last updated.",
        b="fair-funding",
    ),
    P(
        "The spending review promised real-terms growth, but once inflation and the national living wage are taken into account our spending power has fallen, and we are expected to do more with it. [[We ask ministers to fund pay and price pressures in full.]]",
        b="funding-adequacy",
    ),
    P(
        "Our new food waste service starts next year. We were given money for the caddies and the vehicles, but nobody can yet tell us what the running costs will be met from, and the depot it needs has no funding at all.",
        b="new-burdens",
        tier="lower",
    ),
]

BARRIERS_UPPER = [
    P(
        "The high needs deficit is the biggest single risk to our finances. It stands at {deficit:m} and is still rising, and the statutory override only puts off the day it lands on the general fund. [[We ask the government to write off the accumulated deficits and reform the SEND system so that demand can be met within the funding.]]",
        b="send-high-needs",
        tier="upper",
    ),
    P(
        "Children's placements are the clearest example of a market that does not work: a handful of providers set the price, and last year we paid {spending:m} for fewer than twenty children in residential care.",
        b="childrens-social-care",
        tier="upper",
    ),
    P(
        "Adult social care takes a larger share of the budget every year. Our fair cost of care exercise showed that the fees we pay are below what providers need, but closing that gap would cost money we simply do not have.",
        b="adult-social-care",
        tier="upper",
    ),
    P(
        "Between them, the council tax cap and the limit on the adult social care precept mean that what we can raise each year does not even cover the rise in care fees that follows the national living wage.",
        b="council-tax-limits,adult-social-care",
        tier="upper",
    ),
    P(
        "The cost of getting children with education, health and care plans to school has grown faster than any other budget we hold and reached {spending:m} this year; the law leaves us very little discretion over it.",
        b="send-high-needs",
        tier="upper",
    ),
    P(
        "Hospital discharge money arrives in short bursts, often announced in the middle of winter, so we cannot offer care providers the longer contracts they need to recruit. [[Discharge funding should be confirmed for several years at a time and paid through the better care fund.]]",
        b="health-integration,adult-social-care",
        tier="upper",
    ),
    P(
        "The forecast shortfall of {budget_gap:mr} over the next three years comes almost entirely from social care for adults and children and from special educational needs; the rest of the council has been cut back as far as it can go.",
        t="3",
        b="adult-social-care,childrens-social-care,send-high-needs",
        tier="upper",
    ),
    P(
        "An overspend of {deficit:m} on children's placements last year had to be met from reserves, and we cannot go on doing that.",
        t="3",
        b="childrens-social-care",
        tier="upper",
    ),
    P(
        "We want to pool more money with the NHS, but the rules on how health budgets may be spent and the yearly cycle of NHS planning make joint commissioning slow and fragile.",
        b="health-integration",
        tier="upper",
    ),
]

# Successes and the council's own actions: not barriers.
NOT_BARRIERS = [
    P(
        "Referrals to children's social care have fallen by a fifth over two years since social workers began working alongside schools, and the number of children we look after is now below the average for similar councils.",
        t="1",
        tier="upper",
    ),
    P(
        "Recruitment to any vacant post now needs a director's sign-off, and a post left empty for six months is reviewed to see whether it is still needed at all.",
        t="3",
    ),
    P(
        "We use the flexibility on capital receipts to pay for the one-off costs of change, such as new systems, redundancy costs and project staff, rather than drawing down reserves.",
        t="1,3",
    ),
    P(
        "Our planning service decided more applications on time last year than in any year on record, after the team was reorganised around the size of application rather than the area.",
        t="1",
        tier=NOT_COUNTY,
    ),
    P(
        "We met our savings target in full last year and finished with a small underspend, which has been added to the reserve set aside for transformation.",
        t="3",
    ),
    P(
        "The council has {count:sn:councillors} councillors and a cabinet of eight, and the full council meets six times a year."
    ),
    P("We pay the real living wage to our own staff and expect our larger contractors to do the same."),
    P(
        "As a district we do not run social care or education, but our housing and benefits teams see many of the same families, and we share information with the county's early help service every week.",
        t="1",
        tier="lower",
    ),
    P(
        "Delayed discharges from hospital have come down steadily since our joint brokerage team with the NHS started finding care packages seven days a week.",
        t="1",
        tier="upper",
    ),
    P(
        "We run a vacancy management process: every post that falls vacant is looked at again by the service director and the finance business partner before it is advertised.",
        t="3",
    ),
]

QUOTED = [
    P(
        "The department asked every council to prepare a plan, of around four pages at most, showing how it will raise productivity and cut out wasteful spending, drawing on work already in hand.",
        q=True,
    ),
    P(
        "Councils were asked how they have transformed the way they design and deliver services so as to make better use of their resources.",
        q=True,
    ),
    P(
        "How will your council use technology and data to make better decisions and design better services?",
        q=True,
    ),
    P(
        "Councils should describe the steps they will take to cut out waste across the organisation and its wider systems, including what they spend on consultants and on staff equality, diversity and inclusion programmes.",
        q=True,
    ),
    P("Which obstacles are holding back your progress that the government could help to lift?", q=True),
    P(
        "The minister wrote that a panel would look at the plans together, and that the government would follow progress and take account of it when making future funding decisions.",
        q=True,
    ),
    P(
        "Plans were to be discussed by elected members, sent back by the middle of July, and published on the council's website so that residents can read them.",
        q=True,
    ),
    P("There is no template, and individual plans will not be rated or ranked.", q=True),
]

CLOSE = [
    P(
        "We will report progress against this plan to the cabinet twice a year, next to the regular finance and performance reports, and each report will be published on the website."
    ),
    P("Questions about the plan can be sent to the policy team through the contact page on our website."),
    P("We would be glad to welcome officials from the department to see some of this work for themselves."),
    P(
        "Cabinet agreed this plan in July and it will be refreshed when the council plan is next reviewed, so that the two stay in step."
    ),
    P(
        "We want to be a constructive partner in all of this, and [[we ask only for the stable, longer-term funding that would let us plan]].",
        b="funding-certainty",
    ),
]

# A committee report: summary and background, recommendations, implications.
REPORT = [
    P("This report presents the council's draft productivity plan for approval before it is sent to the department."),
    P(
        "In April the Minister for Local Government wrote to the chief executive of every council asking for a productivity plan by July; a copy of the letter is at Appendix B."
    ),
    P(
        "The plan has been drafted by officers from existing strategies and performance information, so it commits the council to no new spending and no new policy."
    ),
    P(
        "Group leaders and the chair of the overview and scrutiny committee were briefed on the draft, and their comments are reflected in the version attached."
    ),
    P(
        "Section 3 of the plan sets out the savings made through the office move and the shared management team, and section 4 records the council's concern about one-year settlements and the rising cost of temporary accommodation.",
        t="3",
        b="funding-certainty,homelessness-temporary-accommodation",
        tier=NOT_COUNTY,
    ),
    P(
        "The plan will be monitored through the council's existing performance framework; nothing further has to be reported to the department unless ministers ask for it later."
    ),
    P(
        "The overview and scrutiny committee looked at the draft earlier this month and asked for the section on barriers to say more about the cost of housing, which has been done."
    ),
    P(
        "Other options considered: not to respond. That would have left the council's voice out when ministers look at the plans together, and it is not recommended."
    ),
    P(
        "Reasons for the recommendations: to meet the government's deadline and to put on record both what the council has achieved and what holds it back."
    ),
]

RECOMMENDATIONS = [
    P(
        "That the Cabinet approves the productivity plan at Appendix A for submission to the Department for Levelling Up, Housing and Communities by the July deadline."
    ),
    P(
        "That authority is delegated to the Chief Executive, in consultation with the Leader, to make minor amendments to the plan before it is submitted."
    ),
    P("That the Cabinet notes that the plan will be published on the council's website once it has been submitted."),
    P("That progress against the plan is reported to the Overview and Scrutiny Committee in six months' time."),
]

IMPLICATIONS = [
    P(
        "Financial implications: none arise directly from this report. The savings referred to in the plan are already built into the approved budget and the medium-term financial strategy."
    ),
    P(
        "Legal implications: the council is under no statutory duty to produce the plan, but the request came from the Secretary of State and a response is expected. The Monitoring Officer has been consulted."
    ),
    P(
        "Workforce implications: there are none from this report. Any restructure that follows from the plan will go through the council's usual consultation with staff and the trade unions."
    ),
    P(
        "Equalities implications: an equality impact assessment is not needed for this report, as it proposes no change to any service."
    ),
    P("Climate and environmental implications: the report itself has none."),
    P(
        "Risk: if no plan is submitted there is a reputational risk, and a risk that the council's position is not heard. Current risk: medium. Residual risk after mitigation: low."
    ),
    P("Health and wellbeing, community safety and social value implications have been considered and none identified."),
    P(
        "Background papers: the minister's letter to chief executives of spring 2024 and the council's medium-term financial strategy."
    ),
]

# A decision record, and its call-in note.
DECISION = [
    P(
        "Decision: the Leader approved the productivity plan for submission, delegating authority to the Director of Resources to make minor drafting changes."
    ),
    P(
        "Reasons for the decision: the government asked every council to return a plan by July, and the next scheduled Cabinet meeting falls after that date."
    ),
    P(
        "Alternative options rejected: to wait for the September Cabinet meeting, which would have missed the government's deadline."
    ),
    P(
        "Consultees: the Monitoring Officer, the Section 151 Officer, the portfolio holder for resources and the chair of the scrutiny committee, none of whom raised objections."
    ),
    P("Declarations of interest by the decision maker: none. Dispensations granted: not applicable."),
]

CALL_IN = [
    P(
        "Call-in: this decision may be called in by any five non-executive councillors within five working days of publication. Unless it is called in, it takes effect on the sixth working day."
    ),
    P(
        "This decision is not subject to call-in, because the chair of the scrutiny committee agreed that the delay would seriously prejudice the council's interests."
    ),
]

MINUTES = [
    P("Apologies for absence were received from two members of the Cabinet."),
    P(
        "The Cabinet Member for Resources presented the report, noting that the plan had been written to be read by residents and that most of its content came from the budget agreed in February."
    ),
    P(
        "Councillor Reed asked why the plan did not say more about temporary accommodation. The Director of Housing said the barriers section had been strengthened to make the point, and that [[the council would press the government to lift the cap on housing benefit subsidy]].",
        b="homelessness-temporary-accommodation",
        tier=NOT_COUNTY,
    ),
    P(
        "An opposition member said the plan read too much like a press release; the Leader replied that it had been written for residents and kept short, as the government had asked."
    ),
    P(
        "Councillor Osei asked whether the council could charge more for planning applications. Officers explained that fees were set nationally and that [[the council had asked ministers to let councils set their own]].",
        b="fees-charges-national",
        tier=NOT_COUNTY,
    ),
    P(
        "Answering a question about agency staff, the Chief Executive said the spending had fallen by a third in two years and was now mainly confined to social work.",
        t="3",
        tier="upper",
    ),
    P("Members thanked officers for producing the plan within a tight timetable and without any extra cost."),
    P(
        "RESOLVED: (1) That the productivity plan be approved and submitted to the department. (2) That the Chief Executive be authorised to make minor amendments in consultation with the Leader."
    ),
    P("The recommendations were carried with eight votes in favour and none against; there were no abstentions."),
]

NEWS = [
    P(
        "Ministers have now received {C}'s productivity plan, a short document the council drew up over the spring and approved at its July cabinet meeting."
    ),
    P(
        "The plan shows the council has cut what it spends on agency staff and consultants, and now shares its senior management team with a neighbouring council.",
        t="1,3",
    ),
    P(
        'The council leader said: "We have done a great deal with very little. [[What we need now from government is the certainty of a settlement that lasts longer than a year.]]"',
        b="funding-certainty",
    ),
    P(
        "The plan also warns that the rising cost of temporary accommodation is squeezing the council's budget, with {count:n:households} households now placed by the council.",
        b="homelessness-temporary-accommodation",
        tier=NOT_COUNTY,
    ),
    P(
        "Residents can read the plan in full on the council's website, and printed copies are available at the main council offices and in libraries."
    ),
    P(
        "Notes to editors: every council in England was asked by the government to produce a productivity plan by July. The plans will not be scored."
    ),
    P(
        "For media enquiries please contact the press office; out of hours, ask the switchboard for the duty press officer."
    ),
    P(
        "The council's digital services, including a new app for reporting problems in the street, are highlighted as examples of technology saving officers' time.",
        t="2",
    ),
]

FIRE = [
    P(
        "This productivity and efficiency plan sets out how the fire and rescue authority will make the best use of its resources over the next two years, as the Home Office has asked of every service in England."
    ),
    P(
        "Efficiency savings of {savings:m} have been found over three years, mainly from changes to shift patterns and the fleet workshop we now share with the police."
    ),
    P(
        "Productivity is measured as the share of wholetime firefighter hours spent on prevention and protection work, which rose to {other_percent:pct} this year."
    ),
    P(
        "Barriers to further progress include the national pay negotiating arrangements and the lack of a multi-year settlement for fire authorities."
    ),
    P(
        "The service's spending on agency staff and consultants is negligible, and it has no EDI budget beyond the duties that apply to every public body."
    ),
    P(
        "Our control room is shared with two neighbouring services and handled {count:n:emergency calls} emergency calls last year."
    ),
]

POLICE = [
    P(
        "The force's productivity review found that officers spent a third of every shift on paperwork, and new mobile apps have cut that by a quarter."
    ),
    P(
        "The Police and Crime Commissioner has set an efficiency target of {savings:m} for next year, to be met mainly from estates and procurement."
    ),
    P("Human resources, payroll and vehicle maintenance are now shared with the neighbouring force."),
    P(
        "The precept is capped by government, and the Commissioner has asked for the freedom to raise it further to pay for more neighbourhood officers."
    ),
    P("Overtime spending across the force fell by {other_percent:pct} over the year."),
]

NHS = [
    P(
        "The trust's productivity and efficiency plan aims to reduce its use of agency nurses and locum doctors, which cost {agency_spend:m} last year."
    ),
    P("Theatre utilisation has risen to {other_percent:pct}, close to the national benchmark for trusts of our size."),
    P("The integrated care board's financial plan shows a deficit of {deficit:m} across the system this year."),
    P("Virtual wards now look after patients at home who would otherwise be taking up a hospital bed."),
    P(
        "Video and telephone outpatient appointments have saved patients many journeys, and clinics now start on time more often."
    ),
]

LUF = [
    P(
        "This levelling-up bid seeks {funding:m} to turn the derelict station quarter into homes, workspace and a new public square."
    ),
    P(
        "The economic case shows that the scheme would raise the productivity of the town centre economy by bringing higher-value jobs into the area."
    ),
    P("Match funding of {funding:m} has been secured from the combined authority."),
    P(
        "Efficient delivery will be assured by using the council's existing contractor framework and a single programme board."
    ),
    P("The preferred option's benefit-cost ratio is above two, which counts as high value for money."),
]

# Other council pages that have nothing to do with the return.
UNRELATED = [
    P(
        "Flood warnings for the river are issued by the Environment Agency; sign up on its website to get alerts by text or phone."
    ),
    P(
        "The consultation on next year's budget is now open. Tell us which services matter most to you before the closing date."
    ),
    P(
        "Our recycling centres are open seven days a week in summer; you will need to book a slot online before visiting with a van or a trailer."
    ),
    P(
        "Applications to the community grants scheme close at the end of the month. Groups can apply for up to {funding:kk} for projects that bring people together."
    ),
    P(
        "The Remembrance parade will set off from the war memorial at a quarter to eleven, and the High Street will be closed to traffic for an hour."
    ),
    P(
        "Find out how to register a birth, a death or a marriage, and book an appointment with the registration service."
    ),
    P(
        "We are recruiting seasonal grounds maintenance staff. No experience is needed, and full training and protective clothing are provided."
    ),
    P(
        "The council has adopted its local cycling and walking infrastructure plan, which sets out the routes to be improved over the next ten years."
    ),
    P(
        "Pest control: we can treat rats, mice and wasps' nests at your home, with a reduced charge for residents who receive certain benefits."
    ),
    P(
        "Our data protection officer can be contacted about subject access requests or any concern about how we use your personal information."
    ),
    P(
        "Councillors' allowances for the year are published as the regulations require, together with the expenses they claimed."
    ),
    P(
        "The leisure centre pool will close for two weeks in August while the changing rooms are refurbished; swimming lessons will move to the school pool."
    ),
]

CHROME = [
    {
        "skip": "Skip to content",
        "cookie": "This website uses cookies. Some are essential to make it work; others help us improve it and are only set if you agree.",
        "cookie_buttons": "Accept all cookies Reject optional cookies",
        "nav": ["Home", "Services", "News", "Jobs", "Councillors and democracy", "Contact us"],
        "breadcrumb": ["Home", "Council and democracy", "Strategies, plans and policies"],
        "footer": ["Accessibility", "Privacy and cookies", "Terms of use", "Site map"],
        "footer_text": "Council offices are open Monday to Friday; see our contact page for opening times.",
        "feedback": "Is there anything wrong with this page? Report a problem",
    },
    {
        "skip": "Jump to main content",
        "cookie": "Tell us whether you accept cookies. We use cookies to collect information about how you use this site.",
        "cookie_buttons": "Accept additional cookies Reject additional cookies",
        "nav": ["Rubbish and recycling", "Parking and roads", "Benefits", "Planning and building", "About the council"],
        "breadcrumb": ["Home", "About the council", "Finance and performance"],
        "footer": ["Accessibility statement", "Data protection", "Freedom of information", "Cookie settings"],
        "footer_text": "This website is run by the council's digital team. Follow us on social media for the latest news.",
        "feedback": "Did you find what you were looking for? Yes / No",
    },
    {
        "skip": "Skip navigation",
        "cookie": "Cookies on this site: we would like to set optional cookies to remember your settings and understand how the site is used.",
        "cookie_buttons": "Allow optional cookies Refuse optional cookies",
        "nav": ["Home", "A to Z of services", "Pay", "Apply", "Report", "Your council"],
        "breadcrumb": ["Home", "Your council", "How we spend our money"],
        "footer": ["Accessibility", "Privacy", "Complaints", "Jobs", "Newsletter sign-up"],
        "footer_text": "Sign up to our email newsletter for news, events and service updates.",
        "feedback": "Rate this page: was it useful?",
    },
]
