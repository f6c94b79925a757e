"""Write the evaluation documents and their labels from the hand-written passage pools.

Run from the project root: `.venv/bin/python bench/eval/documents/generate.py`. It rewrites
`files/` (the documents' sources and a `NAME.labels.json` beside each) and `SPLIT.toml`. The output
is committed; the same pools always give the same files. Each document takes its passages only from
the pool of its split (pools/train.py, pools/heldout.py or one of the dev pools, pools/dev*.py), so no document shares a
passage with a document of another split. The `dev` documents are listed, numbered and drawn after
the others, with councils of their own and random generators seeded apart, so adding or changing
them leaves every train and held-out file as it was. See README.md for the forms, the labels and
the split rule.
"""

import codecs
import html
import itertools
import json
import random
import re
import shutil
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from pools import dev as DEV_POOL  # noqa: E402
from pools import dev2 as DEV2_POOL  # noqa: E402
from pools import dev3 as DEV3_POOL  # noqa: E402
from pools import heldout as HELDOUT_POOL  # noqa: E402
from pools import train as TRAIN_POOL  # noqa: E402

OUT = HERE / "files"
SPLIT_DATE = "2026-12-06"
POOLS = {"train": TRAIN_POOL, "heldout": HELDOUT_POOL, "dev": DEV_POOL}
# A dev document takes its passages from one dev pool: the first (pools/dev.py), or, for the documents
# numbered after the first pool's (dev2_specs), the second (pools/dev2.py), or, for those numbered after
# the second pool's (dev3_specs), the third (pools/dev3.py).
# The fourth dev group (dev4_specs), numbered after the third pool's, has no pool of its own: it draws from the
# first and third in turn, and is there for its forms (web pages from a content management system or saved from
# Word, text saved as UTF-16).

# Invented councils (name, short name, type, region), except the two that are one of a kind.
COUNCILS = [
    ("Wealdshire County Council", "Wealdshire", "county", "South East"),
    ("Northmoor County Council", "Northmoor", "county", "North West"),
    ("Oakshire County Council", "Oakshire", "county", "East Midlands"),
    ("Severnshire County Council", "Severnshire", "county", "West Midlands"),
    ("East Anglemere County Council", "East Anglemere", "county", "East of England"),
    ("Dunmoor County Council", "Dunmoor", "county", "South West"),
    ("Wexcombe District Council", "Wexcombe", "district", "South East"),
    ("Hollinbridge District Council", "Hollinbridge", "district", "East of England"),
    ("Carrowdale Borough Council", "Carrowdale", "district", "North West"),
    ("Stanmere District Council", "Stanmere", "district", "East Midlands"),
    ("Brackley Vale District Council", "Brackley Vale", "district", "West Midlands"),
    ("Ashby Fen District Council", "Ashby Fen", "district", "East of England"),
    ("Tamberley District Council", "Tamberley", "district", "South West"),
    ("Kestrel Moor Borough Council", "Kestrel Moor", "district", "Yorkshire and the Humber"),
    ("Elmsworth Borough Council", "Elmsworth", "district", "South East"),
    ("Portmere Council", "Portmere", "unitary", "South West"),
    ("Tyneham Borough Council", "Tyneham", "unitary", "North East"),
    ("Kelbridge Borough Council", "Kelbridge", "unitary", "North West"),
    ("Eastwold Council", "Eastwold", "unitary", "Yorkshire and the Humber"),
    ("Medford Unitary Council", "Medford", "unitary", "South East"),
    ("Graystone City Council", "Graystone", "unitary", "East Midlands"),
    ("Wrekinford Council", "Wrekinford", "unitary", "West Midlands"),
    ("Saltmarsh Borough Council", "Saltmarsh", "unitary", "East of England"),
    ("Coldharbour Metropolitan Borough Council", "Coldharbour", "metropolitan_district", "North West"),
    ("Sheaf Valley City Council", "Sheaf Valley", "metropolitan_district", "Yorkshire and the Humber"),
    ("Blackwater Metropolitan Borough Council", "Blackwater", "metropolitan_district", "West Midlands"),
    ("Wearmouth City Council", "Wearmouth", "metropolitan_district", "North East"),
    ("London Borough of Thameside", "Thameside", "london_borough", "London"),
    ("Royal Borough of Northwood Green", "Northwood Green", "london_borough", "London"),
    ("London Borough of Lea Bridge", "Lea Bridge", "london_borough", "London"),
    ("City of London Corporation", "the City", "city_of_london", "London"),
    ("Council of the Isles of Scilly", "the Isles of Scilly", "isles_of_scilly", "South West"),
]
# The dev documents' councils: invented apart from the train and held-out ones, every type and region.
DEV_COUNCILS = [
    ("Westmarch County Council", "Westmarch", "county", "West Midlands"),
    ("Brindleshire County Council", "Brindleshire", "county", "East Midlands"),
    ("Calderwold County Council", "Calderwold", "county", "Yorkshire and the Humber"),
    ("Holmshire County Council", "Holmshire", "county", "South East"),
    ("Ravensford District Council", "Ravensford", "district", "East of England"),
    ("Millbeck Borough Council", "Millbeck", "district", "North West"),
    ("Sedgebury District Council", "Sedgebury", "district", "South West"),
    ("Cresswold District Council", "Cresswold", "district", "East Midlands"),
    ("Thornleigh Borough Council", "Thornleigh", "district", "South East"),
    ("Kilnsey Vale District Council", "Kilnsey Vale", "district", "Yorkshire and the Humber"),
    ("Oxley Marsh District Council", "Oxley Marsh", "district", "East of England"),
    ("Harbourne Council", "Harbourne", "unitary", "North East"),
    ("Castlemead Borough Council", "Castlemead", "unitary", "South East"),
    ("Penmarrow Council", "Penmarrow", "unitary", "South West"),
    ("Ashcombe City Council", "Ashcombe", "unitary", "East of England"),
    ("Lindale Borough Council", "Lindale", "unitary", "North West"),
    ("Stourholm Council", "Stourholm", "unitary", "West Midlands"),
    ("Hallamgate City Council", "Hallamgate", "metropolitan_district", "Yorkshire and the Humber"),
    ("Mersevale Metropolitan Borough Council", "Mersevale", "metropolitan_district", "North West"),
    ("Tynecross Metropolitan Borough Council", "Tynecross", "metropolitan_district", "North East"),
    ("Foundry Hill Metropolitan Borough Council", "Foundry Hill", "metropolitan_district", "West Midlands"),
    ("London Borough of Fleetbank", "Fleetbank", "london_borough", "London"),
    ("London Borough of Riverside Heath", "Riverside Heath", "london_borough", "London"),
    ("Royal Borough of Kingsmere", "Kingsmere", "london_borough", "London"),
    ("City of London Corporation", "the City", "city_of_london", "London"),
    ("Council of the Isles of Scilly", "the Isles of Scilly", "isles_of_scilly", "South West"),
    ("Dunholm Borough Council", "Dunholm", "district", "North East"),
]
# The second dev pool's councils: invented apart from every other list, every type and region.
DEV2_COUNCILS = [
    ("Greyfriars County Council", "Greyfriars", "county", "East of England"),
    ("Marlstone County Council", "Marlstone", "county", "South West"),
    ("Wendlebury District Council", "Wendlebury", "district", "South East"),
    ("Corbridge Moor District Council", "Corbridge Moor", "district", "North East"),
    ("Hatherleigh Borough Council", "Hatherleigh", "district", "East Midlands"),
    ("Stainforth District Council", "Stainforth", "district", "Yorkshire and the Humber"),
    ("Lowther Vale Borough Council", "Lowther Vale", "district", "North West"),
    ("Abbotsmere Council", "Abbotsmere", "unitary", "West Midlands"),
    ("Kingsbridge Water Council", "Kingsbridge Water", "unitary", "South West"),
    ("Radstone Borough Council", "Radstone", "unitary", "North West"),
    ("Irongate Metropolitan Borough Council", "Irongate", "metropolitan_district", "West Midlands"),
    ("Aireborough City Council", "Aireborough", "metropolitan_district", "Yorkshire and the Humber"),
    ("London Borough of Southwark Reach", "Southwark Reach", "london_borough", "London"),
    ("London Borough of Hollowgate", "Hollowgate", "london_borough", "London"),
    ("City of London Corporation", "the City", "city_of_london", "London"),
    ("Council of the Isles of Scilly", "the Isles of Scilly", "isles_of_scilly", "South West"),
]
# The third dev pool's councils: invented apart from every other list, every type and region.
DEV3_COUNCILS = [
    ("Wyvernshire County Council", "Wyvernshire", "county", "East of England"),
    ("Ambervale County Council", "Ambervale", "county", "South West"),
    ("Pelham Downs District Council", "Pelham Downs", "district", "South East"),
    ("Rookham District Council", "Rookham", "district", "East Midlands"),
    ("Skelderby District Council", "Skelderby", "district", "Yorkshire and the Humber"),
    ("Harrowfield Borough Council", "Harrowfield", "district", "North West"),
    ("Brantwick District Council", "Brantwick", "district", "West Midlands"),
    ("Eskmoor Council", "Eskmoor", "unitary", "North East"),
    ("Wolsey Bay Council", "Wolsey Bay", "unitary", "East of England"),
    ("Marden Cross Borough Council", "Marden Cross", "unitary", "South East"),
    ("Trewarren Council", "Trewarren", "unitary", "South West"),
    ("Ashgrove Metropolitan Borough Council", "Ashgrove", "metropolitan_district", "North West"),
    ("Sallowmoor City Council", "Sallowmoor", "metropolitan_district", "Yorkshire and the Humber"),
    ("Brennock Metropolitan Borough Council", "Brennock", "metropolitan_district", "North East"),
    ("London Borough of Quillsbury", "Quillsbury", "london_borough", "London"),
    ("Royal Borough of Ferncastle", "Ferncastle", "london_borough", "London"),
    ("City of London Corporation", "the City", "city_of_london", "London"),
    ("Council of the Isles of Scilly", "the Isles of Scilly", "isles_of_scilly", "South West"),
]
# The fourth dev group's councils (web pages from a content management system or saved from Word, and text
# saved as UTF-16): invented apart from every other list, every type and region, one document each.
DEV4_COUNCILS = [
    ("Lynchcombe County Council", "Lynchcombe", "county", "South East"),
    ("Brackenshire County Council", "Brackenshire", "county", "West Midlands"),
    ("Oldcastle Fen District Council", "Oldcastle Fen", "district", "East of England"),
    ("Wharfebeck District Council", "Wharfebeck", "district", "Yorkshire and the Humber"),
    ("Tarnside Borough Council", "Tarnside", "district", "North West"),
    ("Hexley Water Council", "Hexley Water", "unitary", "North East"),
    ("Quarrington Council", "Quarrington", "unitary", "South West"),
    ("Sandleigh Borough Council", "Sandleigh", "unitary", "East Midlands"),
    ("Coalbrook Metropolitan Borough Council", "Coalbrook", "metropolitan_district", "North West"),
    ("Dernwick City Council", "Dernwick", "metropolitan_district", "Yorkshire and the Humber"),
    ("London Borough of Elverton", "Elverton", "london_borough", "London"),
    ("City of London Corporation", "the City", "city_of_london", "London"),
    ("Council of the Isles of Scilly", "the Isles of Scilly", "isles_of_scilly", "South West"),
]
UPPER = {"county", "unitary", "metropolitan_district", "london_borough", "city_of_london", "isles_of_scilly"}

THEME_HEADINGS = [
    ["1. Transformation of services", "2. Technology and data", "3. Reducing wasteful spend", "4. Barriers"],
    [
        "Theme 1: How we have transformed our services",
        "Theme 2: Using technology and data",
        "Theme 3: Tackling wasteful spend",
        "Theme 4: Barriers the government could help remove",
    ],
    ["Transforming services", "Digital and data", "Value for money", "What holds us back"],
    ["Service transformation", "Technology", "Spending well", "Asks of government"],
]

TABLE_ROWS = {
    "train": [
        ("Agency staff as a share of the pay budget", "agency_share_of_staff_budget", "pct"),
        ("Consultancy spend", "consultant_spend", "k"),
        ("Savings delivered in year", "savings", "m"),
    ],
    "heldout": [
        ("Agency workers, share of employee costs", "agency_share_of_staff_budget", "pct"),
        ("Spend on external consultants", "consultant_spend", "k"),
        ("Efficiencies achieved", "savings", "m"),
    ],
    "dev": [
        ("Agency and interim staff, share of the paybill", "agency_share_of_staff_budget", "pcs"),
        ("Consultancy and specialist advice", "consultant_spend", "k"),
        ("Cashable efficiencies delivered", "savings", "m"),
    ],
}

SLOT = re.compile(r"\{([a-z_]+):([a-z]+)(?::([a-z_ ]+))?\}")
ASK = re.compile(r"\[\[(.+?)\]\]")


# --- Figures --------------------------------------------------------------------------------


def _d(value) -> str:
    return format(Decimal(str(value)).normalize(), "f")


def figure(rng: random.Random, kind: str, gen: str, qualifier: str | None) -> tuple[str, dict]:
    """The figure as printed, and its label."""
    label = {"kind": kind, "qualifier": qualifier}
    if gen == "m":
        v = round(rng.uniform(0.4, 24), 1)
        shown = rng.choice([f"£{v}m", f"£{v} million"])
        label |= {"unit": "gbp", "value": _d(Decimal(str(v)) * 10**6)}
    elif gen == "k":
        v = rng.randrange(40, 960) * 1000
        shown = f"£{v:,}"
        label |= {"unit": "gbp", "value": str(v)}
    elif gen == "pr":
        v = rng.randrange(24, 390)
        shown = f"£{v}"
        label |= {"unit": "gbp", "value": str(v)}
    elif gen == "pct":
        v = round(rng.uniform(0.4, 9.5), 1)
        shown = rng.choice([f"{v}%", f"{v} per cent"])
        label |= {"unit": "percent", "value": _d(v)}
    elif gen == "pctr":
        low = round(rng.uniform(1, 8), 1)
        high = round(low + rng.choice([0.2, 0.3, 0.5, 0.8]), 1)
        shown = rng.choice([f"{low}–{high}%", f"{low}-{high}%", f"{low} to {high} per cent"])
        label |= {"unit": "percent", "low": _d(low), "high": _d(high)}
    elif gen == "mr":
        low = rng.randrange(3, 30)
        high = low + rng.randrange(2, 9)
        shown = rng.choice([f"£{low}m–£{high}m", f"between £{low}m and £{high}m", f"£{low}–{high} million"])
        label |= {"unit": "gbp", "low": str(low * 10**6), "high": str(high * 10**6)}
    elif gen == "n":
        v = rng.randrange(120, 9000)
        shown = f"{v:,}"
        label |= {"unit": "count", "value": str(v)}
    elif gen == "sn":
        v = rng.randrange(5, 40)
        shown = str(v)
        label |= {"unit": "count", "value": str(v)}
    elif gen == "kk":  # thousands written short or in full: "£350k", "£350,000"
        v = rng.randrange(25, 980)
        shown = rng.choice([f"£{v}k", f"£{v},000", f"£{v} thousand"])
        label |= {"unit": "gbp", "value": str(v * 1000)}
    elif gen == "kr":  # a range in thousands
        low = rng.randrange(100, 700) * 1000
        high = low + rng.randrange(50, 300) * 1000
        shown = rng.choice([f"£{low:,} to £{high:,}", f"between £{low // 1000}k and £{high // 1000}k"])
        label |= {"unit": "gbp", "low": str(low), "high": str(high)}
    elif gen == "pcs":  # a small share with two decimal places: "0.42%"
        v = round(rng.uniform(0.1, 2.6), 2)
        shown = rng.choice([f"{v}%", f"{v} per cent"])
        label |= {"unit": "percent", "value": _d(v)}
    else:
        raise ValueError(gen)
    return shown, label


class Passage:
    """A pool passage filled in for one council: its text, and its labels."""

    def __init__(self, p, rng: random.Random, council):
        text = p.text.replace("{C}", council[0]).replace("{c}", council[1])
        if text[:1].islower():
            text = text[0].upper() + text[1:]
        figures = []

        def fill(match):
            shown, label = figure(rng, match.group(1), match.group(2), match.group(3))
            figures.append(label)
            return shown

        text = SLOT.sub(fill, text)
        self.asks = [a.strip() for a in ASK.findall(text)]
        self.text = ASK.sub(lambda m: m.group(1), text)
        self.barriers = sorted(b for b in p.b.split(",") if b)
        themes = {int(t) for t in p.t.split(",") if t}
        if self.barriers:
            themes.add(4)
        self.themes = sorted(themes)
        self.quoted = p.q
        self.guidance = set(p.g)
        self.figures = figures
        self.match = ""

    def labels(self) -> dict:
        return {
            "match": self.match,
            "text": self.text,
            "quoted": self.quoted,
            "themes": [] if self.quoted else self.themes,
            "barriers": [] if self.quoted else self.barriers,
            "asks": [] if self.quoted else self.asks,
            "figures": self.figures,
        }


class TablePassage(Passage):
    def __init__(self, rows, rng, council, split):
        self.header = ["Measure", "2022/23", "2023/24"]
        self.rows, self.figures = [], []
        for label, kind, gen in rows:
            cells = [label]
            for _ in range(2):
                shown, fig = figure(rng, kind, gen, None)
                cells.append(shown)
                self.figures.append(fig)
            self.rows.append(cells)
        self.text = "\n".join(" | ".join(r) for r in [self.header, *self.rows])
        self.asks, self.barriers, self.themes, self.quoted, self.guidance = [], [], [3], False, set()
        if any("gency" in r[0] for r in self.rows):
            self.guidance.add("a")
        if any("onsult" in r[0] for r in self.rows):
            self.guidance.add("c")
        self.match = self.rows[0][0]


# --- Building documents as blocks -------------------------------------------------------------
# A document is a list of blocks: ("title", str), ("meta", str), ("h", str), ("p", Passage),
# ("ul", [Passage]), ("table", TablePassage), ("quote", Passage).


def pick(rng, items, low, high, tier, council_type=None):
    """A random sample of the passages a council of this tier may say (a dev passage may instead name
    the council types it suits, "district,unitary")."""
    usable = [p for p in items if p.tier in ("any", tier) or council_type in p.tier.split(",")]
    return rng.sample(usable, min(len(usable), rng.randint(low, high)))


def plan_blocks(rng, pool, council, style, split, *, short=False):
    tier = "upper" if council[2] in UPPER else "lower"

    def P(items, low, high):
        return [Passage(p, rng, council) for p in pick(rng, items, low, high, tier, council[2])]

    intro = P(pool.INTRO, 1, 2 if short else 3)
    quoted = P(pool.QUOTED, 0, 2) if not short else []
    t1 = P(pool.T1, 2, 3 if short else 4)
    t2 = P(pool.T2, 1 if short else 2, 4)
    t3 = P(pool.T3, 1, 3) + P(pool.NOT_BARRIERS, 1, 2)
    spend = P(pool.AGENCY, 0, 3) + P(pool.EDI, 0, 2)
    barriers = P(pool.BARRIERS, 2, 3 if short else 5) + (P(pool.BARRIERS_UPPER, 1, 2) if tier == "upper" else [])
    close = P(pool.CLOSE, 0 if short else 1, 2)
    headings = rng.choice(THEME_HEADINGS)
    title = rng.choice(
        ["Productivity plan", "Productivity Plan 2024", "Our productivity plan", "Productivity plan: July 2024"]
    )
    blocks = [("title", f"{council[0]} {title}" if rng.random() < 0.5 else f"{title} – {council[0]}")]
    if quoted:
        blocks.append(("h", rng.choice(["What the government asked", "Background", "Introduction"])))
        blocks += [("quote", q) for q in quoted]
    elif style != "noheadings":
        blocks.append(("h", rng.choice(["Introduction", "About this plan", "Foreword"])))
    blocks += [("p", p) for p in intro]
    table = TablePassage(TABLE_ROWS[split], rng, council, split) if style == "tables" else None
    sections = [t1, t2, t3 + spend, barriers]
    for number, (heading, passages) in enumerate(zip(headings, sections, strict=True), start=1):
        if style != "noheadings":
            blocks.append(("h", heading))
        if style == "bullets" and len(passages) > 1:
            lead = passages[0]
            blocks += [("p", lead), ("ul", passages[1:])]
        elif style == "tables" and number == 4:
            blocks.append(("meta", "Summary of the barriers we face:"))
            blocks += [("p", b) for b in passages]
        else:
            blocks += [("p", p) for p in passages]
        if table is not None and number == 3:
            blocks.append(("table", table))
    if style == "noheadings":
        # Prose with no headings: the themes run on in one order or another.
        body = [b for b in blocks[1:] if b[0] != "h"]
        head, rest = body[: len(intro) + len(quoted)], body[len(intro) + len(quoted) :]
        if rng.random() < 0.5:
            rest = rest[len(t1) :] + rest[: len(t1)]
        blocks = [blocks[0], *head, *rest]
    if close:
        if style != "noheadings":
            blocks.append(("h", rng.choice(["Next steps", "Conclusion", "Monitoring and review"])))
        blocks += [("p", p) for p in close]
    return blocks


def report_blocks(rng, pool, council, split, variant):
    tier = "upper" if council[2] in UPPER else "lower"

    def P(items, low, high):
        return [Passage(p, rng, council) for p in pick(rng, items, low, high, tier, council[2])]

    if variant == "cabinet":
        meeting = rng.choice(["Cabinet", "Executive", "Policy and Resources Committee"])
        blocks = [
            ("title", f"Report to {meeting}"),
            ("meta", f"{council[0]} – {rng.choice(['Productivity Plan', 'Submission of the Productivity Plan'])}"),
            ("meta", f"Report of: {rng.choice(['Chief Executive', 'Director of Finance', 'Section 151 Officer'])}"),
            ("meta", "Wards affected: All"),
            ("h", "Purpose of the report"),
        ]
        rep = P(pool.REPORT, 4, 6)
        blocks += [("p", rep[0]), ("h", "Recommendations"), ("p", rep[1])]
        blocks += [("h", rng.choice(["Reasons for the recommendations", "Background"]))] + [("p", p) for p in rep[2:]]
        blocks.append(("h", "Appendix A: Productivity plan"))
        plan = plan_blocks(rng, pool, council, rng.choice(["headings", "bullets"]), split, short=True)
        blocks += [("h", plan[0][1]) if plan[0][0] == "title" else plan[0], *plan[1:]]
        return blocks
    if variant == "decision":
        blocks = [
            ("title", rng.choice(["Record of decision", "Officer decision record", "Executive decision notice"])),
            ("meta", f"{council[0]}"),
            ("meta", "Subject: Productivity plan"),
        ]
        minutes, rep = P(pool.MINUTES, 2, 3), P(pool.REPORT, 2, 3)
        return blocks + [("p", p) for p in minutes + rep]
    blocks = [
        ("title", f"Minutes of the meeting of the {rng.choice(['Cabinet', 'Executive', 'Full Council'])}"),
        ("meta", f"{council[0]}"),
        ("meta", "Present: the Leader (in the chair) and Cabinet Members"),
        ("h", f"Item {rng.randrange(4, 12)}: Productivity plan"),
    ]
    minutes = P(pool.MINUTES, 3, 5)
    extra = P(pool.NEWS[1:3], 0, 1)
    return blocks + [("p", p) for p in minutes + extra]


def dev_report_blocks(rng, pool, council, variant):
    """The dev split's reports, laid out with the furniture of a committee report: a cover of meta
    lines, summary, recommendations, background, implications, clearance; a decision record with its
    call-in note; minutes."""
    tier = "upper" if council[2] in UPPER else "lower"

    def P(items, low, high):
        return [Passage(p, rng, council) for p in pick(rng, items, low, high, tier, council[2])]

    def in_order(items, low, high):
        """As P, in the order the pool lists them (the order a meeting or a record takes them)."""
        chosen = sorted(pick(rng, items, low, high, tier, council[2]), key=items.index)
        return [Passage(p, rng, council) for p in chosen]

    if variant == "cabinet":
        meeting = rng.choice(
            ["Cabinet", "Executive", "Strategy and Resources Committee", "Policy and Resources Committee"]
        )
        blocks = [
            ("title", rng.choice(["Productivity Plan 2024", "Submission of the council's productivity plan"])),
            ("meta", f"{council[0]} – Report to {meeting}"),
            ("meta", f"Date of meeting: {rng.randrange(2, 17)} July 2024"),
            ("meta", f"Report of: {rng.choice(['Chief Executive', 'Director of Resources', 'Head of Policy'])}"),
            ("meta", f"Key decision: {rng.choice(['Yes', 'No'])}. Exempt information: None. Wards: All"),
            ("h", rng.choice(["Summary", "Purpose of the report", "Executive summary"])),
        ]
        report = [Passage(pool.REPORT[0], rng, council), *P(pool.REPORT[1:], 2, 4)]
        blocks += [("p", report[0]), ("h", "Recommendations")]
        recommendations = in_order(pool.RECOMMENDATIONS, 2, 4)
        blocks += [("ul", recommendations)] if rng.random() < 0.6 else [("p", r) for r in recommendations]
        blocks += [("h", rng.choice(["Background", "Background and reasons"]))] + [("p", p) for p in report[1:]]
        blocks += [("h", "Implications")] + [("p", p) for p in in_order(pool.IMPLICATIONS, 3, 6)]
        blocks.append(
            (
                "meta",
                rng.choice(
                    [
                        "Report clearance: Monitoring Officer – cleared; Section 151 Officer – cleared; "
                        "Portfolio Holder – cleared",
                        "Assurance checklist complete. Legal, finance and HR sign-off obtained.",
                    ]
                ),
            )
        )
        blocks.append(("h", "Appendix A – Productivity plan"))
        plan = plan_blocks(rng, pool, council, rng.choice(["headings", "bullets", "noheadings"]), "dev", short=True)
        return blocks + [("h", plan[0][1]) if plan[0][0] == "title" else plan[0], *plan[1:]]
    if variant == "decision":
        blocks = [
            (
                "title",
                rng.choice(["Record of executive decision", "Leader's decision notice", "Officer decision record"]),
            ),
            ("meta", council[0]),
            ("meta", "Subject: Productivity plan for submission to the department"),
            ("meta", f"Decision reference: {rng.choice(['ED', 'LD', 'OD'])}/{rng.randrange(10, 99)}/24"),
        ]
        decision = in_order(pool.DECISION, 3, 5)
        blocks += [("p", decision[0])] + [("p", p) for p in P(pool.REPORT[1:], 1, 2)] + [("p", p) for p in decision[1:]]
        return blocks + [("p", p) for p in P(pool.CALL_IN, 1, 1)]
    blocks = [
        ("title", f"Minutes of the {rng.choice(['Cabinet', 'Executive', 'Full Council'])}"),
        ("meta", council[0]),
        ("meta", "Present: the Leader (Chair), the Deputy Leader and Cabinet Members"),
        ("h", f"{rng.randrange(20, 90)}. Productivity plan"),
    ]
    return blocks + [("p", p) for p in in_order(pool.MINUTES, 4, 7)]


def publication_blocks(rng, pool, council, variant):
    tier = "upper" if council[2] in UPPER else "lower"

    def P(items, low, high):
        return [Passage(p, rng, council) for p in pick(rng, items, low, high, tier, council[2])]

    if variant == "news":
        news = P(pool.NEWS, 3, 5)
        return [
            ("title", rng.choice(["Council publishes productivity plan", "How we are making every pound count"]))
        ] + [("p", p) for p in news]
    if variant == "press":
        news = P(pool.NEWS, 3, 5)
        return (
            [("title", "PRESS RELEASE"), ("meta", f"{council[0]} – for immediate release")]
            + [("p", p) for p in news]
            + [("meta", "ENDS")]
        )
    if variant == "guidance":
        intro = P(pool.INTRO[:1], 1, 1)
        quoted = P(pool.QUOTED, 3, 5)
        return (
            [("title", "Our productivity plan: what we were asked to do")]
            + [("p", p) for p in intro]
            + [("h", "The government's request")]
            + [("quote", q) for q in quoted]
        )
    # The minister's letter: all government's words.
    quoted = P(pool.QUOTED, 3, 5)
    return (
        [("title", "Letter to council leaders: productivity plans"), ("meta", "Dear Leader,")]
        + [("quote", q) for q in quoted]
        + [("meta", "Yours sincerely, Minister for Local Government")]
    )


REGIMES = {
    "fire": ("FIRE", ["Fire and Rescue Service Productivity and Efficiency Plan", "Productivity and efficiency plan"]),
    "police": (
        "POLICE",
        ["Police and Crime Commissioner: efficiency plan", "Force efficiency and productivity statement"],
    ),
    "nhs": ("NHS", ["NHS Foundation Trust efficiency and productivity plan", "Trust cost improvement plan"]),
    "luf": ("LUF", ["Levelling Up Fund bid: town centre scheme", "Levelling Up Fund application"]),
}


def other_blocks(rng, pool, council, regime):
    name, titles = REGIMES[regime]
    items = [
        Passage(p, rng, council) for p in rng.sample(getattr(pool, name), rng.randint(3, len(getattr(pool, name))))
    ]
    blocks = [("title", rng.choice(titles))]
    for i, p in enumerate(items):
        if i and rng.random() < 0.3:
            blocks.append(("h", rng.choice(["Our approach", "Progress", "Efficiency", "Next steps", "Summary"])))
        blocks.append(("p", p))
    return blocks


def unrelated_blocks(rng, pool, council):
    items = [Passage(p, rng, council) for p in rng.sample(pool.UNRELATED, rng.randint(2, 4))]
    return [("title", rng.choice(["News", "Latest updates", "Your council this month", "Service update"]))] + [
        ("p", p) for p in items
    ]


# --- Rendering ---------------------------------------------------------------------------------


def passages_of(blocks):
    for kind, value in blocks:
        if kind in ("p", "quote", "table"):
            yield value
        elif kind == "ul":
            yield from value


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def body_html(blocks, *, h1="h1") -> str:
    out = []
    for kind, value in blocks:
        if kind == "title":
            out.append(f"<{h1}>{esc(value)}</{h1}>")
        elif kind == "meta":
            out.append(f'<p class="meta">{esc(value)}</p>')
        elif kind == "h":
            out.append(f"<h2>{esc(value)}</h2>")
        elif kind == "p":
            out.append(f"<p>{esc(value.text)}</p>")
        elif kind == "quote":
            out.append(f"<blockquote><p>{esc(value.text)}</p></blockquote>")
        elif kind == "ul":
            out.append("<ul>" + "".join(f"<li>{esc(p.text)}</li>" for p in value) + "</ul>")
        elif kind == "table":
            head = "".join(f"<th>{esc(c)}</th>" for c in value.header)
            rows = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in value.rows)
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    return "\n".join(out)


def web_page(blocks, council, chrome, rng, *, content=None, head_title=None, footer_text=None):
    """A page saved from a council website, with its navigation chrome; returns the page and the chrome's texts.
    `content`, `head_title` and `footer_text` replace the plain rendering of the blocks, the <title> and the
    footer's line (cms_page's forms)."""
    title = blocks[0][1]
    nav = "".join(f'<li><a href="#">{esc(x)}</a></li>' for x in chrome["nav"])
    crumbs = " &gt; ".join(f'<a href="#">{esc(x)}</a>' for x in chrome["breadcrumb"])
    footer = "".join(f'<li><a href="#">{esc(x)}</a></li>' for x in chrome["footer"])
    nav_tag = "nav" if rng.random() < 0.5 else 'div class="navigation"'
    nav_close = nav_tag.split()[0]
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">{head_title or f"<title>{esc(title)} | {esc(council[0])}</title>"}
<link rel="stylesheet" href="/assets/site.css"></head>
<body>
<a href="#main" class="skip-link">{esc(chrome["skip"])}</a>
<div class="cookie-banner"><p>{esc(chrome["cookie"])}</p>
<button>{esc(chrome["cookie_buttons"].split(" cookies ")[0])} cookies</button></div>
<header><div class="logo">{esc(council[0])}</div>
<{nav_tag}><ul>{nav}</ul></{nav_close}></header>
<div class="breadcrumbs">{crumbs}</div>
<main id="main">
{body_html(blocks) if content is None else content}
</main>
<div class="feedback"><p>{esc(chrome["feedback"])}</p></div>
<footer><ul>{footer}</ul><p>{footer_text or esc(chrome["footer_text"])}</p></footer>
</body></html>
"""
    texts = [
        chrome["skip"],
        chrome["cookie"],
        council[0],
        chrome["feedback"],
        chrome["footer_text"],
        chrome["breadcrumb"][-1],
    ]
    return page, texts


def plain_text(blocks, rng, *, single=True) -> str:
    """Plain text as copied from a page or a PDF: a heading on its own line, paragraphs wrapped at
    about 70 characters with single line breaks, bullets with '-' or '•'."""
    width = rng.choice([66, 70, 72, 76])
    bullet = rng.choice(["-", "•"])
    gap = "" if single else "\n"
    lines = []
    for kind, value in blocks:
        if kind in ("title", "h", "meta"):
            text = value.upper() if kind == "title" and rng.random() < 0.3 else value
            lines.append(text + gap)
        elif kind in ("p", "quote"):
            lines.append(textwrap.fill(value.text, width) + gap)
        elif kind == "ul":
            for p in value:
                lines.append(textwrap.fill(p.text, width, initial_indent=f"{bullet} ", subsequent_indent="  "))
            lines[-1] += gap
        elif kind == "table":
            lines.append("\n".join(f"| {' | '.join(r)} |" for r in [value.header, *value.rows]) + "\n")
    return "\n".join(lines).rstrip() + "\n"


# --- The fourth dev group's forms: pages from a content management system, HTML saved from Word, UTF-16 text -----

# A fourth dev document's style is its look and then its layout or variant: "cms-tables", "word-cabinet",
# "utf16-headings".
LOOKS = ("cms", "word", "utf16")
SOURCE_LINKS = [
    ("Workforce report to the Employment Committee", "/your-council/committees/employment/workforce-report"),
    ("Statement of accounts", "/your-council/budgets-and-spending/statement-of-accounts"),
    ("Revenue outturn report", "/your-council/budgets-and-spending/revenue-outturn"),
    ("Efficiency programme update to Cabinet", "/your-council/cabinet/efficiency-programme-update"),
    ("Contracts register and spending over the threshold", "/your-council/transparency/contracts-register"),
    ("Medium term financial strategy", "/your-council/budgets-and-spending/medium-term-financial-strategy"),
]


def wrapped(line: str, width: int, indent: str = "") -> str:
    """A line of HTML source broken at spaces, as an editor saves it, the lines after the first indented."""
    return textwrap.fill(line, width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False)


def add_source_column(table, rng) -> None:
    """A "Source" or "More information" column naming the report each row's figures come from (its label text
    is the table as a reader sees it, links' words included)."""
    table.header = [*table.header, rng.choice(["Source", "More information"])]
    table.links = rng.sample(SOURCE_LINKS, len(table.rows))
    table.rows = [[*row, words] for row, (words, _) in zip(table.rows, table.links, strict=True)]
    table.text = "\n".join(" | ".join(r) for r in [table.header, *table.rows])


def cms_page(blocks, council, chrome, rng) -> tuple[str, list[str]]:
    """A page saved from a council's content management system: the site's chrome, but the content as its
    editor writes it: headings as paragraphs wholly in bold, the source wrapped at 76 to 80 characters inside
    paragraphs, headings, table cells and the title, one section's paragraphs in a single <div> parted by two
    <br>, one paragraph with a single <br> between two sentences, and tables whose first column is bold and
    whose last column links to the report the figures come from."""
    width = rng.choice([76, 78, 80])
    indent = rng.choice(["  ", "    ", "      "])
    bold = rng.choice(["strong", "b"])
    # The longest run of two or more paragraphs in a row (the first such run on a tie) goes in one <div>.
    runs, start = [], None
    for i, (kind, _) in enumerate([*blocks, ("end", None)]):
        if kind == "p" and start is None:
            start = i
        elif kind != "p" and start is not None:
            if i - start >= 2:
                runs.append((start, i))
            start = None
    divided = max(runs, key=lambda r: r[1] - r[0]) if runs else (0, 0)
    broken = next(
        (
            i
            for i, (kind, value) in enumerate(blocks)
            if kind == "p" and not divided[0] <= i < divided[1] and ". " in value.text.rstrip(". ")
        ),
        None,
    )
    out = []
    for i, (kind, value) in enumerate(blocks):
        if kind == "title":
            out.append(wrapped(f"<h1>{esc(value)}</h1>", width, indent))
        elif kind == "meta":
            out.append(wrapped(f'<p class="summary">{esc(value)}</p>', width, indent))
        elif kind == "h":
            out.append(wrapped(f"<p><{bold}>{esc(value)}</{bold}></p>", width, indent))
        elif kind == "p" and i == divided[0]:
            paragraphs = [wrapped(esc(v.text), width) for _, v in blocks[divided[0] : divided[1]]]
            out.append('<div class="editor-content">\n' + "<br>\n<br>\n".join(paragraphs) + "\n</div>")
        elif kind == "p" and divided[0] < i < divided[1]:
            continue
        elif kind == "p" and i == broken:  # a line break typed between its first two sentences
            first, rest = value.text.split(". ", 1)
            out.append(
                wrapped(f"<p>{esc(first)}.<br>", width, indent)
                + "\n"
                + wrapped(indent + f"{esc(rest)}</p>", width, indent)
            )
        elif kind == "p":
            out.append(wrapped(f"<p>{esc(value.text)}</p>", width, indent))
        elif kind == "quote":
            out.append("<blockquote>\n" + wrapped(f"<p>{esc(value.text)}</p>", width, indent) + "\n</blockquote>")
        elif kind == "ul":
            items = [wrapped(f"  <li>{esc(p.text)}</li>", width, "  " + indent) for p in value]
            out.append("<ul>\n" + "\n".join(items) + "\n</ul>")
        elif kind == "table":
            add_source_column(value, rng)
            head = "".join(f"<th>{esc(c)}</th>" for c in value.header)
            rows = []
            for row, (_, href) in zip(value.rows, value.links, strict=True):
                cells = f"<td><{bold}>{esc(row[0])}</{bold}></td>" + "".join(f"<td>{esc(c)}</td>" for c in row[1:-1])
                cells += f'<td><a href="{href}">{esc(row[-1])}</a></td>'
                rows.append(wrapped(f"<tr>{cells}</tr>", width, indent))
            out.append(
                f'<table class="data-table">\n<thead><tr>{head}</tr></thead>\n<tbody>\n'
                + "\n".join(rows)
                + "\n</tbody>\n</table>"
            )
    title = wrapped(f"<title>{esc(blocks[0][1])} | {esc(council[0])}</title>", width, indent)
    footer_text = esc(chrome["footer_text"]).replace(". ", ".<br>", 1)
    return web_page(blocks, council, chrome, rng, content="\n".join(out), head_title=title, footer_text=footer_text)


WORD_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta charset="windows-1252">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<title>{title}</title>
<style>
<!--
 /* Font Definitions */
 @font-face
	{font-family:Calibri;
	panose-1:2 15 5 2 2 2 4 3 2 4;}
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin-top:0cm;
	margin-right:0cm;
	margin-bottom:8.0pt;
	margin-left:0cm;
	line-height:107%;
	font-size:11.0pt;
	font-family:"Calibri",sans-serif;}
p.MsoTitle, li.MsoTitle, div.MsoTitle
	{margin:0cm;
	font-size:28.0pt;
	font-family:"Calibri Light",sans-serif;}
p.MsoListParagraph, li.MsoListParagraph, div.MsoListParagraph
	{margin-left:36.0pt;}
@page WordSection1
	{size:595.3pt 841.9pt;
	margin:72.0pt 72.0pt 72.0pt 72.0pt;}
div.WordSection1
	{page:WordSection1;}
-->
</style>
</head>

<body lang=EN-GB style='word-wrap:break-word'>

<div class=WordSection1>

"""


def word_html(blocks, rng) -> bytes:
    """A document saved from Word as a web page: Windows-1252 with CRLF line ends, no site chrome, the source
    wrapped at 76 characters (continuation lines not indented), paragraphs as <p class=MsoNormal>, headings as
    bold paragraphs, bullets as list paragraphs with a Symbol-font dot, empty paragraphs between sections, the
    title's dash and the bullets' spacing as entities (&ndash;, &nbsp;)."""

    def dashes(text: str) -> str:
        return esc(text).replace("–", "&ndash;")

    size = rng.choice(["13.0pt", "14.0pt", "12.0pt"])
    out = []
    for kind, value in blocks:
        if kind == "title":
            out.append(wrapped(f"<p class=MsoTitle>{dashes(value)}</p>", 76))
        elif kind == "meta":
            out.append(wrapped(f"<p class=MsoNormal>{esc(value)}</p>", 76))
        elif kind == "h":
            out.append("<p class=MsoNormal>&nbsp;</p>")
            out.append(
                wrapped(
                    f"<p class=MsoNormal><b><span style='font-size:{size};line-height:107%'>{dashes(value)}"
                    "</span></b></p>",
                    76,
                )
            )
        elif kind == "p":
            out.append(wrapped(f"<p class=MsoNormal>{esc(value.text)}</p>", 76))
        elif kind == "quote":
            out.append(wrapped(f"<p class=MsoQuote><i>{esc(value.text)}</i></p>", 76))
        elif kind == "ul":
            for n, p in enumerate(value):
                place = (
                    "" if len(value) == 1 else ("CxSpFirst", "CxSpMiddle", "CxSpLast")[(n > 0) + (n == len(value) - 1)]
                )
                out.append(
                    wrapped(
                        f"<p class=MsoListParagraph{place} style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'>"
                        "<![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt \"Times New "
                        "Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>"
                        f"{esc(p.text)}</p>",
                        76,
                    )
                )
        elif kind == "table":
            rows = []
            for r, row in enumerate([value.header, *value.rows]):
                cells = "".join(
                    "<td width=200 valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>"
                    + (f"<p class=MsoNormal><b>{esc(c)}</b></p>" if r == 0 else f"<p class=MsoNormal>{esc(c)}</p>")
                    + "</td>"
                    for c in row
                )
                rows.append(wrapped(f" <tr>{cells}</tr>", 76))
            out.append(
                "<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0\nstyle='border-collapse:collapse;"
                "border:none'>\n" + "\n".join(rows) + "\n</table>\n<p class=MsoNormal>&nbsp;</p>"
            )
    page = WORD_HEAD.replace("{title}", dashes(blocks[0][1])) + "\n\n".join(out) + "\n\n</div>\n\n</body>\n\n</html>\n"
    return page.replace("\n", "\r\n").encode("cp1252", errors="xmlcharrefreplace")


def utf16_text(blocks, rng) -> bytes:
    """Plain text saved by Windows Notepad as "Unicode": UTF-16 little-endian with a byte order mark, CRLF."""
    return codecs.BOM_UTF16_LE + plain_text(blocks, rng).replace("\n", "\r\n").encode("utf-16-le")


PDF_CSS = {
    "plain": "body{font-family:sans-serif;font-size:10.5pt;line-height:1.35} h1{font-size:18pt}",
    "headings": (
        "body{font-family:serif;font-size:11pt}h1{font-size:20pt;color:#1d3c6e}h2{font-size:13pt;color:#1d3c6e}"
    ),
    "twocol": (
        "@page{size:A4;margin:16mm}"
        "body{font-family:sans-serif;font-size:9.5pt;column-count:2;column-gap:9mm}"
        "h1{column-span:all;font-size:17pt}"
    ),
    "tables": (
        "body{font-family:sans-serif;font-size:10pt}"
        "table{border-collapse:collapse;width:100%}"
        "td,th{border:1px solid #444;padding:3pt;text-align:left}"
    ),
    "boxed": (
        "body{font-family:sans-serif;font-size:10pt}"
        "h2{background:#e8eef5;padding:3pt}"
        "blockquote{border-left:3pt solid #999;padding-left:6pt;font-style:italic}"
    ),
}


def pdf_source(blocks, layout) -> str:
    title = blocks[0][1]
    css = PDF_CSS[layout]
    if layout != "tables":
        css += " table{border-collapse:collapse} td,th{border:1px solid #666;padding:2pt}"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{esc(title)}</title>
<style>{css} p.meta{{color:#555}}</style></head>
<body>
{body_html(blocks)}
</body></html>
"""


def docx_source(blocks, rng) -> list:
    out = []
    for kind, value in blocks:
        if kind == "title":
            out.append(["Title", value])
        elif kind == "meta":
            out.append(["Normal", value])
        elif kind == "h":
            out.append(["Heading 1" if rng.random() < 0.8 else "Heading 2", value])
        elif kind in ("p", "quote"):
            out.append(["Quote" if kind == "quote" and rng.random() < 0.5 else "Normal", value.text])
        elif kind == "ul":
            out += [["List Bullet", p.text] for p in value]
        elif kind == "table":
            out.append(["table", [value.header, *value.rows]])
    return out


def choose_matches(passages, whole: str) -> None:
    """For each passage, a distinctive exact substring: its opening words, lengthened until they
    occur once in the document."""
    norm = " ".join(whole.split())
    for p in passages:
        if isinstance(p, TablePassage):
            continue
        words = p.text.split()
        for n in range(6, len(words) + 1):
            candidate = " ".join(words[:n])
            if len(candidate) >= 30 and norm.count(candidate) == 1:
                break
        p.match = candidate


# --- The documents --------------------------------------------------------------------------

KINDS = ("plan", "report", "publication", "other_regime", "unrelated")


def in_turn(councils, *, step: int):
    """A function giving the next council each time it is called: every `step`-th of `councils`, round and
    round, so documents written one after another go to councils of every type and region."""
    calls = itertools.count(1)
    return lambda: councils[(next(calls) * step) % len(councils)]


def specs():
    """(group, kind, form, style) for every document; a group is one council's document, which may
    be saved in two forms (a web page and the same as plain text)."""
    rng = random.Random(2024)
    out = []
    council = in_turn(list(COUNCILS), step=7)

    plan_forms = (
        [
            ("pdf", layout)
            for layout in ["headings", "noheadings", "tables", "bullets", "twocol", "boxed"]
            for _ in range(4)
        ]
        + [("docx", style) for style in ["headings", "bullets", "tables", "noheadings"] for _ in range(4)]
        + [("html", style) for style in ["headings", "bullets", "noheadings"] for _ in range(5)]
        + [("text", style) for style in ["single", "blank", "bullets"] for _ in range(5)]
    )
    for form, style in plan_forms:
        c = council()
        group = [("plan", form, style, c)]
        if form == "html" and rng.random() < 0.6:
            group.append(("plan", "text", "from-web", c))
        out.append(group)
    for form, variant in (
        [("pdf", "cabinet")] * 5
        + [("docx", "cabinet")] * 4
        + [("html", "decision")] * 4
        + [("text", "decision")] * 4
        + [("text", "minutes")] * 5
        + [("pdf", "minutes")] * 3
    ):
        out.append([("report", form, variant, council())])
    for form, variant in (
        [("html", "news")] * 8
        + [("text", "press")] * 4
        + [("docx", "press")] * 3
        + [("html", "guidance")] * 4
        + [("text", "letter")] * 2
        + [("pdf", "letter")] * 2
    ):
        out.append([("publication", form, variant, council())])
    for regime, forms in {
        "fire": ["pdf", "html", "text", "pdf", "docx", "html"],
        "police": ["pdf", "html", "text", "docx"],
        "nhs": ["pdf", "html", "text", "pdf"],
        "luf": ["pdf", "docx", "html", "text"],
    }.items():
        for form in forms:
            out.append([("other_regime", form, regime, council())])
    for form in [
        "html",
        "html",
        "html",
        "pdf",
        "pdf",
        "text",
        "text",
        "docx",
        "html",
        "text",
        "pdf",
        "html",
        "docx",
        "text",
    ]:
        out.append([("unrelated", form, "misc", council())])
    return out


def dev_specs():
    """The dev documents, as specs() gives the others: about half full plans, in every form and
    layout, and the rest reports, publications, other regimes and unrelated pages; councils of every
    type and region (DEV_COUNCILS) taken in turn."""
    out = []
    council = in_turn(DEV_COUNCILS, step=5)

    plan_forms = (
        [("pdf", layout) for layout in ["headings", "noheadings", "tables", "bullets", "twocol", "boxed"]]
        + [("pdf", "headings"), ("pdf", "noheadings")]
        + [("docx", style) for style in ["headings", "bullets", "tables", "noheadings", "headings"]]
        + [("html", style) for style in ["headings", "bullets", "noheadings"] for _ in range(2)]
        + [("text", style) for style in ["single", "blank", "bullets"] for _ in range(2)]
    )
    html_plans = 0
    for form, style in plan_forms:
        c = council()
        group = [("plan", form, style, c)]
        if form == "html":
            html_plans += 1
            if html_plans % 2:
                group.append(("plan", "text", "from-web", c))
        out.append(group)
    for form, variant in (
        [("pdf", "cabinet")] * 2
        + [("docx", "cabinet")] * 2
        + [("html", "decision")] * 2
        + [("text", "decision")]
        + [("text", "minutes")] * 2
        + [("pdf", "minutes")]
    ):
        out.append([("report", form, variant, council())])
    for form, variant in [
        ("html", "news"),
        ("html", "news"),
        ("html", "news"),
        ("text", "press"),
        ("docx", "press"),
        ("html", "guidance"),
        ("text", "letter"),
        ("pdf", "letter"),
    ]:
        out.append([("publication", form, variant, council())])
    for regime, forms in {
        "fire": ["pdf", "html"],
        "police": ["text", "docx"],
        "nhs": ["pdf", "html"],
        "luf": ["docx", "text"],
    }.items():
        for form in forms:
            out.append([("other_regime", form, regime, council())])
    for form in ["html", "pdf", "text", "docx", "html"]:
        out.append([("unrelated", form, "misc", council())])
    return out


def dev2_specs():
    """The second dev pool's documents: plans in every form, with reports and publications about them
    (the pool has no other regimes or unrelated pages), councils of every type taken in turn."""
    out = []
    council = in_turn(DEV2_COUNCILS, step=3)

    plan_forms = (
        [("pdf", layout) for layout in ["headings", "noheadings", "bullets", "twocol", "boxed"]]
        + [("docx", style) for style in ["headings", "bullets", "noheadings", "tables"]]
        + [("html", style) for style in ["headings", "bullets", "noheadings", "headings"]]
        + [("text", style) for style in ["single", "blank", "bullets"]]
    )
    for i, (form, style) in enumerate(plan_forms):
        c = council()
        group = [("plan", form, style, c)]
        if form == "html" and i % 2:
            group.append(("plan", "text", "from-web", c))
        out.append(group)
    for form, variant in [("pdf", "cabinet"), ("pdf", "cabinet"), ("docx", "cabinet"), ("html", "decision")]:
        out.append([("report", form, variant, council())])
    out.append([("report", "text", "minutes", council())])
    for form, variant in [("html", "news"), ("html", "news"), ("text", "press"), ("docx", "press")]:
        out.append([("publication", form, variant, council())])
    out.append([("publication", "html", "guidance", council())])
    out.append([("publication", "pdf", "letter", council())])
    return out


def dev3_specs():
    """The third dev pool's documents: plans in every form and layout (two web pages also saved as
    plain text), reports and publications about them, and a few other regimes' plans and unrelated
    pages; councils of every type taken in turn."""
    out = []
    council = in_turn(DEV3_COUNCILS, step=7)

    plan_forms = (
        [("pdf", layout) for layout in ["headings", "noheadings", "tables", "bullets", "twocol", "boxed"]]
        + [("docx", style) for style in ["headings", "bullets", "tables", "noheadings"]]
        + [("html", style) for style in ["headings", "bullets", "noheadings"]]
        + [("text", style) for style in ["single", "blank", "bullets"]]
    )
    for form, style in plan_forms:
        c = council()
        group = [("plan", form, style, c)]
        if form == "html" and style != "bullets":
            group.append(("plan", "text", "from-web", c))
        out.append(group)
    for form, variant in [
        ("pdf", "cabinet"),
        ("docx", "cabinet"),
        ("html", "decision"),
        ("text", "minutes"),
        ("pdf", "minutes"),
    ]:
        out.append([("report", form, variant, council())])
    for form, variant in [("html", "news"), ("text", "press"), ("docx", "press"), ("html", "news")]:
        out.append([("publication", form, variant, council())])
    out.append([("other_regime", "html", "nhs", council())])
    out.append([("other_regime", "text", "fire", council())])
    out.append([("unrelated", "docx", "misc", council())])
    return out


def dev4_specs():
    """The fourth dev group's documents, in the forms people bring that the others lack: web pages saved from
    a content management system (`cms`), HTML saved from Word (`word`), and plain text saved as UTF-16
    (`utf16`); mostly plans, with a report and a publication in each of the first two looks and a press
    release in the third. Their passages come from the first and third dev pools, in turn; their councils
    (DEV4_COUNCILS) are their own, one document each. Returns the groups and each one's pool."""
    council = in_turn(DEV4_COUNCILS, step=5)
    documents = [
        ("plan", "html", "cms-tables"),
        ("plan", "html", "cms-bullets"),
        ("plan", "html", "cms-tables"),
        ("plan", "html", "cms-tables"),
        ("report", "html", "cms-decision"),
        ("publication", "html", "cms-news"),
        ("plan", "html", "word-bullets"),
        ("plan", "html", "word-tables"),
        ("plan", "html", "word-headings"),
        ("report", "html", "word-cabinet"),
        ("plan", "text", "utf16-headings"),
        ("plan", "text", "utf16-bullets"),
        ("publication", "text", "utf16-press"),
    ]
    groups = [[(kind, form, style, council())] for kind, form, style in documents]
    return groups, [(DEV_POOL, DEV3_POOL)[i % 2] for i in range(len(groups))]


def split_groups(groups):
    """Stratified by (kind, council type): the groups sorted by kind, council type and the order they
    were written, then of every run of five in that order the second and fourth go to heldout."""
    order = sorted(range(len(groups)), key=lambda i: (groups[i][0][0], groups[i][0][3][2], i))
    splits = [""] * len(groups)
    for position, index in enumerate(order):
        splits[index] = "heldout" if position % 5 in (1, 3) else "train"
    return splits


def build(kind, form, style, council, split, rng, cached_blocks=None, pool=None):
    pool = pool or POOLS[split]
    # A fourth dev document's style names its look before its layout or variant ("cms-tables").
    look, _, variant = style.partition("-")
    if look not in LOOKS:
        look, variant = "", style
    if cached_blocks is not None:
        blocks = cached_blocks
    elif kind == "plan":
        layout_style = {"twocol": "headings", "boxed": "headings", "single": "headings", "blank": "noheadings"}
        blocks = plan_blocks(rng, pool, council, layout_style.get(variant, variant), split)
    elif kind == "report" and split == "dev":
        blocks = dev_report_blocks(rng, pool, council, variant)
    elif kind == "report":
        blocks = report_blocks(rng, pool, council, split, style)
    elif kind == "publication":
        blocks = publication_blocks(rng, pool, council, variant)
    elif kind == "other_regime":
        blocks = other_blocks(rng, pool, council, style)
    else:
        blocks = unrelated_blocks(rng, pool, council)
    chrome_texts: list[str] = []
    if look == "cms":
        chrome = pool.CHROME if isinstance(pool.CHROME, dict) else rng.choice(pool.CHROME)
        source, chrome_texts = cms_page(blocks, council, chrome, rng)
        ext = "html"
    elif look == "word":
        source, ext = word_html(blocks, rng), "html"
    elif look == "utf16":
        source, ext = utf16_text(blocks, rng), "txt"
    elif form == "html":
        if kind in ("plan", "publication", "unrelated") or rng.random() < 0.5:
            chrome = pool.CHROME if isinstance(pool.CHROME, dict) else rng.choice(pool.CHROME)
            source, chrome_texts = web_page(blocks, council, chrome, rng)
        else:
            head = f'<html lang="en"><head><meta charset="utf-8"><title>{esc(blocks[0][1])}</title></head>'
            source = f"<!DOCTYPE html>\n{head}<body>\n{body_html(blocks)}\n</body></html>\n"
        ext = "html"
    elif form == "text":
        source = plain_text(blocks, rng, single=style not in ("blank",))
        ext = "txt"
    elif form == "pdf":
        layout = style if style in PDF_CSS else rng.choice(["plain", "headings", "boxed"])
        source = pdf_source(blocks, layout)
        ext = "pdf.html"
    else:
        source = json.dumps(docx_source(blocks, rng), indent=1, ensure_ascii=False) + "\n"
        ext = "docx.json"
    return blocks, source, ext, chrome_texts


def main() -> None:
    sys.path.insert(0, str(HERE))
    from evalset import source_text

    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir()
    groups = specs()
    splits = split_groups(groups)
    # The dev groups come after the others, so their numbers and seeds never move a train or held-out file.
    dev_groups = dev_specs()
    groups += dev_groups
    splits += ["dev"] * len(dev_groups)
    pools = [None] * len(groups)
    dev2_groups = dev2_specs()
    groups += dev2_groups
    splits += ["dev"] * len(dev2_groups)
    pools += [DEV2_POOL] * len(dev2_groups)
    dev3_groups = dev3_specs()
    groups += dev3_groups
    splits += ["dev"] * len(dev3_groups)
    pools += [DEV3_POOL] * len(dev3_groups)
    dev4_groups, dev4_pools = dev4_specs()
    groups += dev4_groups
    splits += ["dev"] * len(dev4_groups)
    pools += dev4_pools
    listing = {"train": [], "heldout": [], "dev": []}
    number = 0
    for group, split, pool in zip(groups, splits, pools, strict=True):
        blocks = None
        for kind, form, style, council in group:
            number += 1
            slug = re.sub(r"[^a-z]+", "-", council[1].lower()).strip("-")
            name = f"{number:03d}-{kind.replace('_', '-')}-{form}-{style}-{slug}"
            # Each document draws from its own generator, seeded by its name (a dev document's by
            # its name and split), so no document's draws depend on another's.
            rng = random.Random(f"dev:{name}" if split == "dev" else name)
            blocks = write_document(name, kind, form, style, council, split, rng, blocks, source_text, pool)
            listing[split].append(name)
    lines = [
        "# The split of the evaluation documents (bench/eval/documents/README.md).",
        f'date = "{SPLIT_DATE}"',
        'rule = "train and heldout: stratified by (kind, council type): items sorted by kind, council type and number; '
        "of every run of five, the second and fourth are heldout and the rest train; a plan saved as a web page and "
        "as plain text is one item; each split takes its passages only from its own pool (pools/train.py, "
        "pools/heldout.py). dev: separate documents, with councils of their own, that take their passages only from "
        "pools/dev.py, pools/dev2.py or pools/dev3.py, written apart from both other pools; dev is for tuning (rules, "
        'thresholds, choices between methods) on material the classifier was not shaped by; heldout is never tuned on"',
        "",
    ]
    for split, names in listing.items():
        lines.append(f"{split} = [")
        lines += [f'  "{n}",' for n in names]
        lines.append("]")
    (HERE / "SPLIT.toml").write_text("\n".join(lines) + "\n")
    print({k: len(v) for k, v in listing.items()})


def write_document(name, kind, form, style, council, split, rng, blocks, source_text, pool=None):
    """Write one document's source and its labels; returns its blocks (a plan saved twice shares them)."""
    blocks, source, ext, chrome = build(kind, form, style, council, split, rng, blocks, pool)
    path = OUT / f"{name}.{ext}"
    if isinstance(source, bytes):  # a fourth dev document in another encoding, as the department would receive it
        path.write_bytes(source)
    else:
        path.write_text(source, encoding="utf-8")
    passages = list(passages_of(blocks))
    choose_matches(passages, source_text(path))
    council_written = [p for p in passages if not p.quoted]
    labels = {
        "kind": kind,
        "form": form,
        "style": style,
        "council": {"name": council[0], "type": council[2], "region": council[3]},
        "source": path.name,
        "passages": [p.labels() if kind not in ("other_regime", "unrelated") else _empty(p) for p in passages],
        "chrome": chrome,
    }
    if kind == "plan":
        flags = set().union(*(p.guidance for p in council_written)) if council_written else set()
        labels["guidance"] = {"consultants": "c" in flags, "agency": "a" in flags, "edi": "e" in flags}
    (OUT / f"{name}.labels.json").write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n")
    return blocks


def _empty(p) -> dict:
    """Another regime's plan or an unrelated document speaks to none of the return's themes."""
    return {
        "match": p.match,
        "text": p.text,
        "quoted": p.quoted,
        "themes": [],
        "barriers": [],
        "asks": [],
        "figures": p.figures,
    }


if __name__ == "__main__":
    main()
