"""The starter catalogue of metrics, written as data: `define_metrics` loads it, and loading it again
changes only what this file changed.

Each entry: identifier, title, description, unit, polarity, frequency, source, service area, the
return's themes it evidences (1 transformation, 2 technology and data, 3 reducing wasteful spend,
4 barriers), the council types it applies to, and the lowest and highest values that make sense
(an import refuses a value outside them). Descriptions say what is counted in plain words.

Context metrics describe the area rather than the council's performance; the similar-councils method
(`monitoring.similar`) uses them, and they have no "better" direction.
"""

COUNTY = ("county",)
DISTRICT = ("district",)
SINGLE_TIER = ("unitary", "metropolitan_district", "london_borough", "city_of_london", "isles_of_scilly")
UPPER_TIER = COUNTY + SINGLE_TIER  # social care, highways, waste disposal
BILLING = DISTRICT + SINGLE_TIER  # council tax, waste collection, most planning
ALL = COUNTY + DISTRICT + SINGLE_TIER

ASCOF = "NHS England, Adult Social Care Outcomes Framework"
DFE_CIN = "Department for Education, Characteristics of children in need"
DFE_LAC = "Department for Education, Children looked after in England"
DEFRA = "Defra, Local authority collected waste statistics (WasteDataFlow)"
PLANNING = "Ministry of Housing, Communities and Local Government, Planning applications statistics"
DFT = "Department for Transport, Road condition statistics (RDC0121)"
REVENUE = "Ministry of Housing, Communities and Local Government, Revenue outturn and capital statistics"
COUNCIL = "The council's own records, published with its productivity plan"
COLLECTION = (
    "Ministry of Housing, Communities and Local Government, Collection rates for council tax and business rates"
)
ONS = "Office for National Statistics, mid-year population estimates and Standard Area Measurements"

# slug, title, description, unit, polarity, frequency, source, area, themes, applies to, (minimum, maximum)
# fmt: off
METRICS = [
    # Adult social care
    (
        "asc-care-home-admissions-65",
        "Older people admitted to care homes",
        "Permanent admissions of people aged 65 and over to residential and nursing care homes in the year, "
        "per 100,000 people of that age living in the area.",
        "per_100k", "lower", "annual", ASCOF, "Adult social care", [1], UPPER_TIER, (0, 5000),
    ),
    (
        "asc-home-after-reablement",
        "Older people still at home 91 days after reablement",
        "Of people aged 65 and over who left hospital for reablement or rehabilitation, the share still living "
        "at home 91 days later.",
        "percent", "higher", "annual", ASCOF, "Adult social care", [1], UPPER_TIER, (0, 100),
    ),
    (
        "asc-direct-payments",
        "People choosing direct payments for their care",
        "Of people receiving long-term support in the community, the share who take it as a direct payment "
        "and arrange it themselves.",
        "percent", "higher", "annual", ASCOF, "Adult social care", [1], UPPER_TIER, (0, 100),
    ),
    (
        "asc-assessment-wait",
        "Average wait for a care needs assessment",
        "The average number of days between a request for a care needs assessment and the assessment "
        "taking place.",
        "days", "lower", "annual", COUNCIL, "Adult social care", [1, 2], UPPER_TIER, (0, 730),
    ),
    (
        "asc-satisfaction",
        "People satisfied with their care and support",
        "Of people who use care and support services and answered the national survey, the share who are "
        "extremely or very satisfied.",
        "percent", "higher", "annual", ASCOF, "Adult social care", [1], UPPER_TIER, (0, 100),
    ),
    # Children's services
    (
        "cs-ehcp-within-20-weeks",
        "Education, health and care plans issued within 20 weeks",
        "Of new education, health and care plans issued in the year, the share issued within the 20 weeks "
        "the law allows (exceptions excluded).",
        "percent", "higher", "annual", "Department for Education, Education, health and care plans (SEN2)",
        "Children's services", [1], UPPER_TIER, (0, 100),
    ),
    (
        "cs-repeat-child-protection",
        "Children on a child protection plan for a second or later time",
        "Of children who became the subject of a child protection plan in the year, the share for whom it was "
        "the second or a later plan.",
        "percent", "lower", "annual", DFE_CIN, "Children's services", [1], UPPER_TIER, (0, 100),
    ),
    (
        "cs-placement-moves",
        "Children looked after who moved home three or more times",
        "Of children looked after at the end of March, the share who had three or more placements during "
        "the year.",
        "percent", "lower", "annual", DFE_LAC, "Children's services", [1], UPPER_TIER, (0, 100),
    ),
    (
        "cs-care-leavers-eet",
        "Care leavers in education, employment or training",
        "Of young people aged 19 to 21 who were looked after, the share in education, employment or training.",
        "percent", "higher", "annual", DFE_LAC, "Children's services", [1], UPPER_TIER, (0, 100),
    ),
    (
        "cs-agency-social-workers",
        "Children's social workers employed through agencies",
        "Of children's social worker posts filled at 30 September, the share filled by agency workers.",
        "percent", "lower", "annual", "Department for Education, Children's social work workforce",
        "Children's services", [3], UPPER_TIER, (0, 100),
    ),
    # Waste and recycling
    (
        "waste-recycling-rate",
        "Household waste reused, recycled or composted",
        "Of all household waste collected, the share sent for reuse, recycling or composting.",
        "percent", "higher", "annual", DEFRA, "Waste and recycling", [1], ALL, (0, 100),
    ),
    (
        "waste-residual-per-household",
        "Waste not recycled, per household",
        "Household waste collected and not sent for reuse, recycling or composting, in kilograms per "
        "household per year.",
        "kilograms", "lower", "annual", DEFRA, "Waste and recycling", [1], BILLING, (0, 2000),
    ),
    (
        "waste-missed-collections",
        "Missed bin collections",
        "Bin collections reported missed and confirmed, per 100,000 collections scheduled.",
        "per_100k", "lower", "annual", COUNCIL, "Waste and recycling", [1, 2], BILLING, (0, 10000),
    ),
    (
        "waste-landfill",
        "Council-collected waste sent to landfill",
        "Of all waste the council collected or received for disposal, the share sent to landfill.",
        "percent", "lower", "annual", DEFRA, "Waste and recycling", [1], UPPER_TIER, (0, 100),
    ),
    # Planning
    (
        "planning-major-on-time",
        "Major planning applications decided on time",
        "Of decisions on major planning applications in the quarter, the share made within 13 weeks (16 for "
        "those needing an environmental statement) or a time agreed with the applicant.",
        "percent", "higher", "quarterly", PLANNING, "Planning", [1], ALL, (0, 100),
    ),
    (
        "planning-minor-on-time",
        "Minor and other planning applications decided on time",
        "Of decisions on minor and other planning applications in the quarter, the share made within 8 weeks "
        "or a time agreed with the applicant.",
        "percent", "higher", "quarterly", PLANNING, "Planning", [1], BILLING, (0, 100),
    ),
    (
        "planning-overturned-at-appeal",
        "Planning decisions overturned at appeal",
        "Of all decisions on major applications, the share overturned when the applicant appealed.",
        "percent", "lower", "annual", PLANNING, "Planning", [1], BILLING, (0, 100),
    ),
    # Roads
    (
        "roads-a-needing-repair",
        "A roads where maintenance should be considered",
        "The share of the council's A roads surveyed as in a condition where maintenance should be considered.",
        "percent", "lower", "annual", DFT, "Roads", [1], UPPER_TIER, (0, 100),
    ),
    (
        "roads-bc-needing-repair",
        "B and C roads where maintenance should be considered",
        "The share of the council's B and C roads surveyed as in a condition where maintenance should be "
        "considered.",
        "percent", "lower", "annual", DFT, "Roads", [1], UPPER_TIER, (0, 100),
    ),
    (
        "roads-unclassified-needing-repair",
        "Unclassified roads where maintenance should be considered",
        "The share of the council's unclassified roads surveyed as in a condition where maintenance should be "
        "considered.",
        "percent", "lower", "annual", DFT, "Roads", [1], UPPER_TIER, (0, 100),
    ),
    # Finance
    (
        "finance-reserves-share",
        "Usable reserves compared with spending",
        "Reserves not set aside for a particular purpose, plus earmarked reserves, as a share of net revenue "
        "expenditure.",
        "percent", "higher", "annual", REVENUE, "Finance", [3, 4], ALL, (0, 1000),
    ),
    (
        "finance-debt-servicing-share",
        "Debt servicing as a share of spending",
        "Interest paid and the minimum revenue provision for repaying debt, as a share of core spending power.",
        "percent", "lower", "annual", REVENUE, "Finance", [3, 4], ALL, (0, 100),
    ),
    (
        "finance-debt-to-spending-power",
        "Total debt compared with spending power",
        "Borrowing and other long-term liabilities as a share of core spending power.",
        "percent", "lower", "annual", REVENUE, "Finance", [3, 4], ALL, (0, 5000),
    ),
    (
        "finance-savings-delivered",
        "Planned savings delivered",
        "Of the savings in the council's budget for the year, the share delivered by the end of it.",
        "percent", "higher", "annual", COUNCIL, "Finance", [1, 3], ALL, (0, 200),
    ),
    # Workforce
    (
        "workforce-agency-spend-share",
        "Agency staff spend as a share of the pay bill",
        "Spending on agency workers as a share of the total staff budget.",
        "percent", "lower", "annual", COUNCIL, "Workforce", [3], ALL, (0, 100),
    ),
    (
        "workforce-consultant-spend-share",
        "Consultant spend as a share of the pay bill",
        "Spending on consultants as a share of the total staff budget.",
        "percent", "lower", "annual", COUNCIL, "Workforce", [3], ALL, (0, 100),
    ),
    (
        "workforce-sickness-absence",
        "Working days lost to sickness absence",
        "Working days lost to sickness absence in the year, per full-time equivalent employee.",
        "days", "lower", "annual", COUNCIL, "Workforce", [3], ALL, (0, 100),
    ),
    (
        "workforce-vacancy-rate",
        "Posts vacant",
        "Of the council's established posts at the end of the year, the share vacant.",
        "percent", "lower", "annual", COUNCIL, "Workforce", [3], ALL, (0, 100),
    ),
    # Corporate
    (
        "corporate-council-tax-collected",
        "Council tax collected in the year",
        "Of the council tax due in the year, the share collected by 31 March.",
        "percent", "higher", "annual", COLLECTION, "Corporate", [1], BILLING, (0, 100),
    ),
    (
        "corporate-business-rates-collected",
        "Business rates collected in the year",
        "Of the business rates due in the year, the share collected by 31 March.",
        "percent", "higher", "annual", COLLECTION, "Corporate", [1], BILLING, (0, 100),
    ),
    (
        "corporate-contacts-online",
        "Customer contacts handled online",
        "Of contacts from residents and businesses (calls, visits, emails, web forms), the share completed "
        "online without speaking to anyone.",
        "percent", "higher", "annual", COUNCIL, "Corporate", [1, 2], ALL, (0, 100),
    ),
    (
        "corporate-foi-on-time",
        "Information requests answered on time",
        "Of Freedom of Information and Environmental Information requests, the share answered within 20 "
        "working days.",
        "percent", "higher", "annual", COUNCIL, "Corporate", [2], ALL, (0, 100),
    ),
    (
        "corporate-office-buildings",
        "Office buildings in use",
        "The number of office buildings the council uses for its staff at the end of the year.",
        "number", "lower", "annual", COUNCIL, "Corporate", [1, 3], ALL, (0, 1000),
    ),
    # Context: facts about the area, used to find similar councils
    (
        "context-population",
        "Population",
        "People living in the council's area (mid-year estimate).",
        "number", "context", "annual", ONS, "Context", [], ALL, (0, 10_000_000),
    ),
    (
        "context-density",
        "Population density",
        "People living in the area per square kilometre of land.",
        "per_km2", "context", "annual", ONS, "Context", [], ALL, (0, 100_000),
    ),
    (
        "context-deprivation",
        "Deprivation",
        "The average score of the area's neighbourhoods on the English Indices of Deprivation (higher means "
        "more deprived).",
        "score", "context", "annual",
        "Ministry of Housing, Communities and Local Government, English Indices of Deprivation", "Context", [],
        ALL, (0, 100),
    ),
    (
        "context-spending-per-head",
        "Spending per resident",
        "The council's net revenue expenditure divided by the number of people living in the area.",
        "pounds", "context", "annual", REVENUE, "Context", [], ALL, (0, 100_000),
    ),
]
# fmt: on

# The context metrics the similar-councils method reads, in the order it names them.
SIMILARITY_INPUTS = ("context-population", "context-density", "context-deprivation", "context-spending-per-head")
