"""Figures a plan gives (money, percentages, counts) with what each measures; and whether the plan
speaks to consultants, agency staff and EDI at all.

Pure functions over passage text, no database; the same text always gives the same figures.
`EXTRACTION_VERSION` changes whenever the rules here change, so a run records which rules it used.

What a number measures comes from the words nearest to it in its sentence: the words between the
previous number (or the sentence start) and this one, else the words after it. So in "agency
staff cost 0.35% and consultants 0.96% of the total staff budget", 0.35% is agency staff's share
of the staff budget and 0.96% the consultants'. When a plan gives agency or consultant spend and
the staff budget but no share, the share is worked out (and marked computed).

A table (a passage whose every line is a row of cells split by "|") is read cell by cell: what a
figure measures is its row's words and its column's heading, so "Agency social workers in post |
40 | 20" under "Measure | Now | Target" gives 40 agency social workers (Now) and 20 (Target).
"""

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache

from analysis.classify.patterns import Alternation, branches
from analysis.classify.voice import council_text

EXTRACTION_VERSION = "figures-10"

MONEY = re.compile(
    r"£\s?(?P<number>\d{1,3}(?:,\d{3})+|\d+)(?P<decimals>\.\d+)?\s*(?P<scale>bn\b|billion\b|m\b|million\b|k\b|thousand\b)?",
    re.I,
)
PERCENT = re.compile(r"(?<![\d.])(?P<number>\d{1,3}(?:\.\d+)?)\s?(?:%|per\s?cent\b)", re.I)
# What a count counts. Longer names first, so "agency workers" is not read as "workers".
COUNTED = (
    r"full[- ]time equivalent posts|full[- ]time equivalent staff|fte posts|fte roles|fte staff|full[- ]time posts|"
    r"full[- ]time equivalents?|ftes?|agency workers|agency staff|agency social workers|interim staff|"
    r"social workers|care workers|staff|employees|workers|posts|roles|jobs|"
    r"residents|households|councillors|schools|homes|contracts|grant schemes|grants|funding streams|funding pots|"
    r"bids|bidding rounds|competitions|systems|buildings|sites|libraries|services|"
    r"people|children|families|visits|transactions|applications|apprentices|volunteers|vacancies|officers|"
    r"consultants|interims|care homes|properties|dwellings|vehicles|depots|offices|partners|suppliers|"
    r"home adaptations|adaptations"
)
COUNT = re.compile(
    r"(?<![£\d.,])(?P<number>\d{1,3}(?:,\d{3})+|\d+)\s+"
    r"(?:(?:separate|different|individual|new|additional|extra|permanent|temporary|vacant|frontline|front-line|"
    r"local|council|qualified|interim|active|small|short-term|one-off|specific|ring-fenced|competitive|grant|"
    r"off-payroll|supply|relief)\s+){0,2}"
    rf"(?P<noun>(?:{COUNTED})\b)",
    re.I,
)
COUNTED_NOUN = re.compile(rf"\b(?:{COUNTED})\b", re.I)
# A range: "3.6–3.8%", "3.6% to 3.8%", "£2m to £3m", "between £2m and £3m" keep both ends.
RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|and)\s*$", re.I)
BARE_BEFORE_RANGE = re.compile(r"(?<![\d.£])(?P<number>\d{1,3}(?:\.\d+)?)\s*(?:-|–|—|to)\s*$", re.I)
# What a figure is counted per: "£110 per resident", "£3 a week", "per household per year".
QUALIFIER = re.compile(
    r"^\s*(?:(?:each|per|a|an|every)\s+(?P<per>resident|head|person|household|home|property|pupil|child|"
    r"year|annum|month|week|day|hour|band d property|band d home))\b"
    r"(?:\s+(?:each|per|a|every)\s+(?P<per2>year|annum|month|week|day))?",
    re.I,
)
# "Our funding per head is £386 below the average": the qualifier named just before the amount.
QUALIFIER_BEFORE = re.compile(
    r"\bper (?P<per>resident|head|person|household|home|property|pupil|child)\b"
    r"(?:\s+(?:is|was|are|were|of|at|stands at|comes to|came to|now|about|around|just|only)){0,3}\s*$",
    re.I,
)
SCALES = {"bn": Decimal(10) ** 9, "billion": Decimal(10) ** 9, "m": Decimal(10) ** 6, "million": Decimal(10) ** 6}
SCALES |= {"k": Decimal(1000), "thousand": Decimal(1000)}

# The NHS's clinicians are not the council's consultants or agency staff: "locum GPs", "consultant surgeons",
# "the day the consultant says they are ready".
CLINICIANS = (
    r"(?:gps?|doctors?|nurses?|surgeons?|physicians?|psychiatrists?|paediatricians?|geriatricians?|"
    r"pharmacists?|dentists?|clinicians?|medics?)"
)
CONSULTANTS_NOT_CLINICAL = (
    rf"consultan(?!ts? (?:{CLINICIANS}|led)\b)(?!t (?:says|said|decides|decided|agrees|agreed|confirms)\b)"
)
LOCUMS_NOT_CLINICAL = rf"\blocums?\b(?! (?:{CLINICIANS}|consultants?)\b)"
# Staff bought in by other names: supply staff, staffing firms, off-payroll workers.
STAFF_BOUGHT_IN = (
    r"\bsupply (?:staff|workers?)\b|\bstaffing (?:firms?|agenc(?:y|ies)|compan(?:y|ies)|suppliers?)\b|"
    r"\boff[- ]payroll\b"
)
AGENCY = re.compile(
    rf"\bagency\b|\binterims?\b|\btemporary (?:staff|workers?)|{LOCUMS_NOT_CLINICAL}|{STAFF_BOUGHT_IN}", re.I
)
CONSULTANT = re.compile(
    rf"{CONSULTANTS_NOT_CLINICAL}|\b(?:external|specialist|professional|outside) advis[eo]rs?\b|"
    r"\b(?:outside|external) experts?\b|\b(?:specialist|expert) help bought in\b",
    re.I,
)
STAFF_BUDGET = re.compile(
    r"staff(?:ing)? budget|pay ?bill|pay budget|workforce (?:budget|costs?|spend)|employee (?:budget|costs|spend)|"
    r"employment costs|staff(?:ing)? costs|total (?:staff|pay|employee)|salary budget|salaries budget|staff spend|"
    r"salary bill|salaries bill|wage bill|pay costs",
    re.I,
)
SAVINGS = re.compile(
    r"\bsav(?:ing|ings|ed|e|es)\b|efficienc|out of (?:its|our|the) (?:running |operating )?(?:costs|budget)|"
    r"cost reductions?|cashable|less (?:a year |each year |every year )?to (?:run|deliver|operate|provide)\b|"
    r"\b(?:lower|less) than (?:[a-z]+ )?(?:years? ago|last year|the year before)|"
    r"\b(?:lower|less) than the (?:contractor|previous|old|former|last|existing)\b|cost improvement",
    re.I,
)
# "reducing our energy bill by £692,000", "cut the cost of printing by £40,000": what came off is a saving.
REDUCED_BY = re.compile(
    r"\b(?:reduc(?:e|es|ed|ing)|cut(?:s|ting)?|lower(?:s|ed|ing)?|bring(?:ing)? down|brought down|fell|fallen|"
    r"dropped|down)\b[^£\d]{0,60}\bby\s*(?:over |about |around |some |nearly |almost |more than )?$",
    re.I,
)
# Nothing but a qualifier and a joining word between two amounts: the second restates the first's measure.
RESTATED = re.compile(
    r"^\s*(?:(?:a|an|per|each|every)\s+[a-z]+\s*)?,?\s*"
    r"(?:(?:last|this|next) year|the (?:year|one) before|in \d{4}(?:[-–/]\d{2,4})?)?,?\s*"
    r"(?:to|or|and|about|around|roughly|some|nearly|almost|"
    r"equivalent to|which is|that is)?\s*(?:about|around|roughly|some|nearly|almost|over|under)?\s*$",
    re.I,
)
CLAUSE_END = re.compile(r"[,;]|\band\b(?! (?:diversity|inclusion)\b)|\bbut\b")  # not "equality and diversity"
GAP = re.compile(r"\bgap\b|shortfall|funding pressures?|unfunded", re.I)
DEFICIT = re.compile(r"\bdeficits?\b|\boverspen(?:d|ds|t|ding)\b|in the red\b", re.I)
FUNDING = re.compile(
    r"\bfund(?:ed|ing)\b|\breceiv(?:e|es|ed|ing)\b|\bgrants?\b|capital receipts|\bincome\b|"
    r"\bsettlement\b|\ballocat(?:ed|ion)\b|\braise[ds]?\b|\braising\b|council tax|business rates|\bawarded\b|"
    r"\bbring(?:s|ing)? in\b",
    re.I,
)
SPENDING = re.compile(
    r"\bspen(?:d|ds|t|ding)\b|\bcosts?\b|\bcosting\b|\bbudgets?\b|expenditure|\bpa(?:y|ys|id|ying) for\b|\bpaid\b|"
    r"\binvest(?:s|ed|ing|ment)?\b|\bcontracts? (?:worth|valued?)\b",
    re.I,
)
EDI = re.compile(
    r"\bEDI\b|equality,? diversity|diversity and inclusion|equality and diversity|"
    r"(?<!digital )(?<!social )(?<!financial )\b(?:on|for) inclusion\b|\bspending on inclusion\b",
    re.I,
)

MEASURES = (
    ("agency", AGENCY),
    ("consultant", CONSULTANT),
    ("staff_budget", STAFF_BUDGET),
    ("edi", EDI),
    ("savings", SAVINGS),
    ("deficit", DEFICIT),
    ("gap", GAP),
    ("funding", FUNDING),
    ("spending", SPENDING),
)
SHARE_MEASURES = tuple(measure for measure in MEASURES if measure[0] != "staff_budget")
# Spending and funding are named in general words ("costs", "budget", "receive"): they measure a
# figure only when nothing more specific (agency staff, a saving, a deficit...) is named near it.
GENERAL_MEASURES = ("funding", "spending")

# Guidance: is the subject addressed at all, anywhere in the plan?
# Plans name these in many words: consultancy, external or specialist advisers; agency, temporary, interim or
# locum staff; inclusion work and workforce equality. "Inclusion" alone is not EDI: digital, social and financial
# inclusion are services to residents. Nor is an equality impact assessment of a budget proposal: that is the
# procedure every decision follows, not the council's own work or spending on equality, diversity and inclusion.
ADDRESSES_CONSULTANTS = re.compile(
    rf"{CONSULTANTS_NOT_CLINICAL}|"
    r"\b(?:external|specialist|professional|management) advis[eo]rs?\b|\badvisory firms?\b|"
    r"\b(?:outside|external|independent) (?:experts?|specialists?|advis[eo]rs?)\b|"
    r"\b(?:specialist|expert|outside) (?:help|support|advice) (?:was |were |is |has been )?(?:bought|brought) in\b|"
    r"\bfirm of (?:\w+ )?(?:engineers|surveyors|accountants|advis[eo]rs|lawyers)\b",
    re.I,
)
ADDRESSES_AGENCY = re.compile(
    r"(?<!environment )(?<!improvement )\bagency "
    r"(?:staff|workers?|spend|costs?|usage|use|social workers?|placements?|contracts?|supply)|"
    r"\binterim (?:staff|managers?|workers?)|"
    # agency and a word of money or staff later in the sentence, but not another body called an agency.
    r"(?<!environment )(?<!improvement )(?<!lead )(?<!housing )(?<!length )\bagency\b[^.]{0,60}"
    r"\b(?:spend(?:ing)?|costs?|staff|workers?)\b|"
    r"\b(?:temporary|locum|interim|agency)(?: and (?:temporary|locum|interim|agency))? "
    r"(?:staff|workers?|labour|cover)\b|"
    rf"{LOCUMS_NOT_CLINICAL}|{STAFF_BOUGHT_IN}|"
    # and contractors filling posts.
    r"\bcontractors? on day rates\b|\bday[- ]rate (?:contractors?|staff|workers?)\b|"
    r"\b(?:posts?|roles?|vacancies) (?:\w+ ){0,3}(?:filled|covered) by contractors\b|"
    # agency by its other nouns ("the agency bill", "our reliance on agency"), never "multi-agency" working,
    r"(?<!multi-)(?<!inter-)(?<!multi )(?<!environment )\bagency "
    r"(?:expenditure|premium|rates?|bill|fees?|numbers|hires?|roles?|colleagues|"
    r"assignments?|employees|personnel|teachers|nurses|carers|drivers|locums?|reliance|dependency)\b|"
    r"\b(?:reliance|dependence|dependency|spend(?:ing)?|expenditure) on (?:\w+ ){0,2}agency\b"
    r"(?![- ](?:partners?|working))|"
    # interim posts and the temporary workforce by their other names.
    r"\binterims\b|"
    r"\binterim (?:posts?|appointments?|roles?|directors?|heads? of|executives?|officers?|leaders?)\b|"
    r"\b(?:contingent|non-permanent|temporary) (?:workforce|labour|workers?|staff|employees)\b|"
    r"\btemps\b|\bbank staff\b|"
    # the firms that supply them, and the rules on paying them.
    r"\b(?:recruitment|employment|staffing) agencies\b|"
    r"\b(?:use of|reliance on|spend(?:ing)? (?:with|through)) agencies\b|"
    r"\bagencies (?:to (?:fill|cover)|for (?:cover|staff))\b|"
    r"\bneutral vendors?\b|\bumbrella compan(?:y|ies)\b|\bIR35\b|\bsupply teachers?\b|\btemporary appointments?\b",
    re.I,
)
ADDRESSES_EDI = re.compile(
    r"\bEDI\b|equality,? diversity|diversity and inclusion|equality and diversity|equality duty|\bPSED\b|"
    r"equality act|equality (?:networks?|training|objectives|strategy|scheme|monitoring)|"
    r"staff networks?|"
    r"(?:lgbt\+?|ethnic minority|disabled|race|women'?s) (?:staff |colleagues'? |employees'? )?networks?|"
    r"workforce equality|equal opportunities|unconscious bias|unbiased recruitment|inclusive recruitment|"
    r"(?<!digital )(?<!social )(?<!financial )\binclusion (?:training|work|spend(?:ing)?|budget|programmes?|strategy|"
    r"team|leads?|officers?|posts?)\b|\b(?:spend(?:ing)?|costs?|budget|money) (?:on|for) inclusion\b",
    re.I,
)

# A sentence, or a line of a list or table (which ends without a full stop).
SENTENCE = re.compile(r"(?:[^.!?\n]|(?<=\d)\.(?=\d)|\.(?=[a-z,]))+(?:[.!?]+|(?=\n)|$)")
DIGIT = re.compile(r"\d")
HUNDRED = Decimal(100)
TWO_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class FoundFigure:
    """A figure found in the passage at `passage` (an index into the document's passages)."""

    passage: int
    kind: str
    key: str
    value: Decimal
    unit: str
    measures: str
    quote: str
    computed: bool = False
    upper: Decimal | None = None  # the top of a range ("3.6–3.8%": value 3.6, upper 3.8)
    qualifier: str = ""  # what it is counted per: "per resident", "per household per year"


def _number(text: str, decimals: str | None = None, scale: str | None = None) -> Decimal | None:
    try:
        value = Decimal(text.replace(",", "") + (decimals or ""))
    except InvalidOperation:
        return None
    if scale:
        value *= SCALES[scale.lower()]
    return value


SPENT_ON = re.compile(r"^\s*(?:was |were |is )?(?:spent )?(?:on|for|in|of)\b", re.I)
# "The high needs deficit is our biggest risk. It stands at £9.4m": a sentence that goes on about the last one.
GOES_ON = re.compile(r"^\s*(?:it|this|that|this figure|the figure|the total)\b", re.I)
# The top of a range whose scale is written once, at the end: "£5–13 million", "£6 to 14m".
MONEY_RANGE_TOP = re.compile(
    r"^\s*(?:-|–|—|to)\s*(?P<number>\d{1,3}(?:,\d{3})+|\d+)(?P<decimals>\.\d+)?\s*"
    r"(?P<scale>bn\b|billion\b|m\b|million\b|k\b|thousand\b)",
    re.I,
)


def _first_measure(text: str, measures=MEASURES) -> str | None:
    best, best_start = None, len(text) + 1
    for name, pattern in measures:
        match = pattern.search(text)
        if match and match.start() < best_start:
            best, best_start = name, match.start()
    return best


def _nearest_measure(
    before: str, after: str, *, prefer_after: bool = False, measures=MEASURES
) -> tuple[str | None, str]:
    """The measure named nearest to a number: the last one in the words before it, else the first
    one after; but "£3m on agency staff" names its measure after the amount. A specific measure
    (agency staff, savings, a deficit...) comes before a general one (spending, funding). Returns
    (measure, the words that name it)."""
    specific = tuple(m for m in measures if m[0] not in GENERAL_MEASURES)
    general = tuple(m for m in measures if m[0] in GENERAL_MEASURES)
    for tier in (specific, general):
        measure, words = _nearest_in(before, after, prefer_after=prefer_after, measures=tier)
        if measure is not None:
            return measure, words
    return None, after if re.search("[A-Za-z]", after) else before


def _nearest_in(before: str, after: str, *, prefer_after: bool, measures) -> tuple[str | None, str]:
    if prefer_after and SPENT_ON.match(after):
        measure = _first_measure(after, measures)
        if measure is not None:
            return measure, after
    best, best_end = None, -1
    for name, pattern in measures:
        for match in pattern.finditer(before):
            if match.end() > best_end:
                best, best_end = name, match.end()
    if best is not None:
        return best, before
    return _first_measure(after, measures), after


def _words(text: str, limit: int = 10) -> str:
    words = re.findall(r"[A-Za-z][A-Za-z'&-]*", text)
    return " ".join(words[:limit] if SPENT_ON.match(text) else words[-limit:])[:200]


PERCENT_KINDS = {"agency": "agency_share_of_staff_budget", "consultant": "consultant_share_of_staff_budget"}
MONEY_KINDS = {
    "agency": "agency_spend",
    "consultant": "consultant_spend",
    "staff_budget": "staff_budget",
    "edi": "edi_spend",
    "savings": "savings",
    "deficit": "deficit",
    "gap": "budget_gap",
    "funding": "funding",
    "spending": "spending",
}
MEASURE_OF_MONEY_KIND = {kind: measure for measure, kind in MONEY_KINDS.items()}


BARE_NUMBER = re.compile(r"^(?P<number>\d{1,3}(?:,\d{3})+|\d+)$")
YEAR = range(1900, 2100)


def _table_cells(text: str) -> list[tuple[str, list[tuple[int, str]]]] | None:
    """(row, [(offset in the passage, cell text)]) for each row when the passage is a table, else None."""
    lines = text.split("\n")
    if len(lines) < 2 or not all("|" in line for line in lines):
        return None
    rows, offset = [], 0
    for line in lines:
        cells, position = [], offset
        parts = line.split("|")
        if parts and not parts[0].strip() and line.lstrip().startswith("|"):  # "| a | b |" as Markdown writes it
            position += len(parts[0]) + 1
            parts = parts[1:]
        if parts and not parts[-1].strip():
            parts = parts[:-1]
        for part in parts:
            cell = part.strip()
            cells.append((position + (part.index(cell) if cell else 0), cell))
            position += len(part) + 1
        rows.append((line.strip(), cells))
        offset += len(line) + 1
    return rows


def _table_figures(rows, passage: int) -> list[FoundFigure]:
    def figures_of(cell: str) -> bool:
        return bool(MONEY.search(cell) or PERCENT.search(cell) or BARE_NUMBER.match(cell))

    header: list[str] = []
    if not any(figures_of(cell) for _, cell in rows[0][1]):
        header = [cell for _, cell in rows[0][1]]
        rows = rows[1:]
    found: list[FoundFigure] = []
    for line, cells in rows:
        # What a row measures is named before its figures: text after them (a source, a link, a note) says where the
        # figure comes from, and its words ("Efficiency programme update") are not the measure. A row whose figures
        # come first is named by the rest of its text.
        first = next((i for i, (_, cell) in enumerate(cells) if cell and figures_of(cell)), len(cells))
        named = [cell for _, cell in cells[:first] if cell]
        label = " ".join(named or [cell for _, cell in cells if cell and not figures_of(cell)])
        for column, (offset, cell) in enumerate(cells):
            if not cell or not figures_of(cell):
                continue
            heading = header[column] if len(header) == len(cells) else ""
            # The heading over the row labels ("Share of the pay budget") says what every row measures.
            corner = header[0] if heading and column and not figures_of(cells[0][1]) else ""
            measures = f"{label} ({heading})" if label and heading else label or heading
            bare = BARE_NUMBER.match(cell)
            if bare:
                value = _number(bare.group("number"))
                if value is not None and not (len(cell) == 4 and int(value) in YEAR):  # a year, not a count
                    counted = COUNTED_NOUN.findall(label) or COUNTED_NOUN.findall(heading)
                    found.append(
                        FoundFigure(
                            passage,
                            "count",
                            f"s{offset}",
                            value,
                            "count",
                            measures[:200],
                            line[:300],
                            qualifier=_counted(counted[-1]) if counted else "",
                        )
                    )
                continue
            # Read the cell as a sentence naming its measure first, so the usual rules give its kind.
            prefix = f"{corner} {label} {heading}: ".lstrip()
            for figure in figures_in(prefix + cell, passage):
                start = int(figure.key[1:]) - len(prefix)
                found.append(
                    FoundFigure(
                        passage,
                        figure.kind,
                        f"s{offset + start}",
                        figure.value,
                        figure.unit,
                        measures[:200],
                        line[:300],
                        upper=figure.upper,
                        qualifier=figure.qualifier,
                    )
                )
    return found


def figures_in(text: str, passage: int = 0) -> list[FoundFigure]:
    """Every amount of money, percentage and count stated in one passage."""
    table = _table_cells(text)
    if table is not None:
        return _table_figures(table, passage)
    found: list[FoundFigure] = []
    previous_sentence = ""
    for sentence_match in SENTENCE.finditer(text):
        sentence, last_sentence = sentence_match.group(0), previous_sentence
        previous_sentence = sentence
        if not DIGIT.search(sentence):
            continue  # every amount, percentage and count has a digit: nothing to read in this sentence
        offset = sentence_match.start()
        quote = sentence.strip()[:300]
        numbers = []
        for unit, pattern in (("gbp", MONEY), ("percent", PERCENT), ("count", COUNT)):
            for match in pattern.finditer(sentence):
                numbers.append((match.start(), match.end(), unit, match))
        numbers.sort(key=lambda item: item[0])
        # A count inside a money or percentage match (the "5" of "£5 million staff") is not a count.
        taken: list[tuple[int, int]] = []
        kept = []
        for start, end, unit, match in numbers:
            if any(start < t_end and end > t_start for t_start, t_end in taken):
                continue
            taken.append((start, end))
            kept.append((start, end, unit, match))
        share_of_staff_budget = bool(STAFF_BUDGET.search(sentence))
        previous_end = 0
        previous_money: tuple[str, str] | None = None  # the sentence's last amount of money: (kind, its words)
        skip: set[int] = set()
        for index, (start, end, unit, match) in enumerate(kept):
            next_start = kept[index + 1][0] if index + 1 < len(kept) else len(sentence)
            before, after = sentence[previous_end:start], sentence[end:next_start]
            rest = _qualifier(after)[1]
            after = after if rest is None else rest  # "£3 a week for parking": what it measures follows "a week"
            clause_end = CLAUSE_END.search(after)
            after = after[: clause_end.start()] if clause_end else after  # what follows, within its own clause
            previous_end = end
            measure, words = (
                # A percentage is a share *of* the staff budget, never the budget itself.
                _nearest_measure(before, after, measures=SHARE_MEASURES)
                if unit == "percent"
                else _nearest_measure(before, after, prefer_after=True)
            )
            if measure is None and unit != "count" and GOES_ON.match(sentence):
                measure, words = _nearest_measure(last_sentence, "")
            key = f"s{offset + start}"
            if unit == "gbp":
                value = _number(match.group("number"), match.group("decimals"), match.group("scale"))
                if REDUCED_BY.search(before) and measure in (None, "spending", "savings"):
                    measure = "savings"  # "reducing our energy bill by £692,000": what came off is a saving
                kind = MONEY_KINDS.get(measure or "", "other_money")
                if measure is None and previous_money and RESTATED.match(before):
                    # "from £4.1m to £2.9m", "£98m a year, about £640 per household": the same measure again
                    kind, words = previous_money
                previous_money = (kind, words)
            elif unit == "percent":
                value = _number(match.group("number"))
                if measure not in PERCENT_KINDS and previous_money and RESTATED.match(before):
                    # "£19.8m on temporary staff, equivalent to 6.9% of the employee budget": the same measure
                    measure = MEASURE_OF_MONEY_KIND.get(previous_money[0])
                kind = PERCENT_KINDS.get(measure or "", "other_percent")
                if kind != "other_percent" and not share_of_staff_budget:
                    kind = "other_percent"
            else:
                value = _number(match.group("number"))
                kind = "count"
                words = match.group(0)[len(match.group("number")) :].strip()  # "separate grants", as written
            if value is None:
                continue
            upper = None
            if unit in ("gbp", "percent"):
                bare = BARE_BEFORE_RANGE.search(sentence[:start]) if unit == "percent" else None
                if bare is not None and not kept_range_start(kept, index, bare.start()):
                    lower = _number(bare.group("number"))
                    if lower is not None and lower < value:  # "3.6–3.8%": the first end has no % of its own
                        value, upper = lower, value
                        key = f"s{offset + bare.start()}"
                if index + 1 < len(kept) and kept[index + 1][2] == unit:
                    joined = sentence[end : kept[index + 1][0]]
                    if RANGE_JOIN.match(joined) and (joined.strip() != "and" or "between" in before.lower()[-12:]):
                        nxt = kept[index + 1][3]
                        if unit == "gbp":
                            top = _number(nxt.group("number"), nxt.group("decimals"), nxt.group("scale"))
                            if top is not None and not match.group("scale") and nxt.group("scale"):
                                value = _number(match.group("number"), match.group("decimals"), nxt.group("scale"))
                        else:
                            top = _number(nxt.group("number"))
                        if top is not None and value is not None and top > value:
                            upper = top
                            skip.add(index + 1)
                            next_start = kept[index + 2][0] if index + 2 < len(kept) else len(sentence)
                            end = kept[index + 1][1]
                top_written_once = MONEY_RANGE_TOP.match(sentence[end:next_start]) if unit == "gbp" else None
                if upper is None and top_written_once is not None and not match.group("scale"):
                    top = _number(*top_written_once.group("number", "decimals", "scale"))
                    low = _number(match.group("number"), match.group("decimals"), top_written_once.group("scale"))
                    if top is not None and low is not None and top > low:  # "£5–13 million": both ends in millions
                        value, upper, end = low, top, end + top_written_once.end()
                if upper is not None and unit == "gbp" and kind in ("other_money", "spending", "funding"):
                    # What a range measures is often named after its top: "£20m–£24m out of our running costs".
                    tail = sentence[end:next_start]
                    clause_end = CLAUSE_END.search(tail)
                    named, named_words = _nearest_measure(before, tail[: clause_end.start()] if clause_end else tail)
                    if named is not None and MONEY_KINDS[named] != kind:
                        kind, words = MONEY_KINDS[named], named_words
            if index in skip:
                continue
            qualifier = _counted(match.group("noun")) if unit == "count" else _qualifier(sentence[end:next_start])[0]
            named_before = QUALIFIER_BEFORE.search(before) if unit == "gbp" else None
            if named_before and qualifier in ("", "per year", "per month", "per week"):
                qualifier = f"per {_per(named_before.group('per'))} {qualifier}".strip()
            measures = _words(words)
            found.append(
                FoundFigure(passage, kind, key, value, unit, measures[:200], quote, upper=upper, qualifier=qualifier)
            )
    return found


def kept_range_start(kept, index: int, position: int) -> bool:
    """Whether the bare number before a percentage is already read as a figure of its own."""
    return any(start <= position < end for start, end, _, _ in kept[:index])


def _qualifier(after: str) -> tuple[str, str | None]:
    """What the figure just before `after` is counted per ("per resident", "per household per year"),
    and the words after the qualifier (None when there is no qualifier)."""
    match = QUALIFIER.match(after)
    if not match:
        return "", None
    words = f"per {_per(match.group('per'))}"
    if match.group("per2"):
        words += f" per {_per(match.group('per2'))}"
    return words, after[match.end() :]


def _per(unit: str) -> str:
    """What a figure is counted per, in one word for each: a head or a person is a resident, an annum a year."""
    unit = unit.lower()
    return "year" if unit == "annum" else "resident" if unit in ("head", "person") else unit


def _counted(noun: str) -> str:
    """What a count counts, in plain words: "FTE posts" and "full-time equivalent posts" alike."""
    words = " ".join(noun.lower().split())
    if re.fullmatch(r"full[- ]time equivalents?|ftes?", words):
        return "full-time equivalent posts"
    return re.sub(r"^(?:full[- ]time equivalent|fte)\b", "full-time equivalent", words)


def _share(part: Decimal, whole: Decimal) -> Decimal | None:
    if not whole:
        return None
    return (part * HUNDRED / whole).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def document_figures(texts: list[str]) -> list[FoundFigure]:
    """Figures in every passage of a document, plus agency and consultant shares of the staff
    budget worked out from spend and budget where the plan does not state them."""
    found = [figure for index, text in enumerate(texts) for figure in figures_in(text, index)]
    by_kind: dict[str, list[FoundFigure]] = {}
    for figure in found:
        by_kind.setdefault(figure.kind, []).append(figure)
    budget = by_kind.get("staff_budget", [None])[0]
    if budget is not None:
        for spend_kind, share_kind, label in (
            ("agency_spend", "agency_share_of_staff_budget", "agency staff spend as a share of the staff budget"),
            ("consultant_spend", "consultant_share_of_staff_budget", "consultant spend as a share of the staff budget"),
        ):
            spend = by_kind.get(spend_kind, [None])[0]
            if spend is None or share_kind in by_kind:
                continue
            share = _share(spend.value, budget.value)
            if share is not None and share <= HUNDRED:
                found.append(
                    FoundFigure(spend.passage, share_kind, "computed", share, "percent", label, spend.quote, True)
                )
    return found


@dataclass(frozen=True)
class GuidanceFound:
    consultants_addressed: bool
    agency_addressed: bool
    edi_addressed: bool


def guidance_found(texts: list[str]) -> GuidanceFound:
    """Whether the plan speaks to consultants, agency staff and EDI anywhere, in its own words: the
    government's words it quotes (the minister's letter on EDI and consultants) do not count."""
    # Passage by passage, each looking only for the flags not yet found: a passage's literals are found once for
    # all three (analysis/classify/patterns.py), where the whole text made each flag's pattern scan it all.
    wanted = {name: _where_its_words_are(pattern) for name, pattern in GUIDANCE_WORDS}
    found: set[str] = set()
    for text in texts:
        own = council_text(text)
        found |= {name for name, pattern in wanted.items() if name not in found and pattern.search(own)}
        if len(found) == len(wanted):
            break
    return GuidanceFound(*(name in found for name, _pattern in GUIDANCE_WORDS))


GUIDANCE_WORDS = (
    ("consultants_addressed", ADDRESSES_CONSULTANTS),
    ("agency_addressed", ADDRESSES_AGENCY),
    ("edi_addressed", ADDRESSES_EDI),
)


@cache
def _where_its_words_are(pattern: re.Pattern) -> Alternation:
    """The pattern with each of its alternatives run only where the words it needs are in the text (the same
    matches; analysis/classify/patterns.py): a plan's whole text is long, and most alternatives have no words
    in it."""
    return Alternation(branches(pattern.pattern), pattern.flags)
