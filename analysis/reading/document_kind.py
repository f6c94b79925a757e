"""What kind of document an import is: a council's productivity plan, or something else that talks about one.

Pure and explainable: `classify_document(passages, title)` returns the kind and the reason in plain words,
from cues a person would look for, tried in this order:

- another regime's plan: the document is written by or for a fire and rescue authority, a police force or
  its commissioner, an NHS body, or is a levelling-up bid: its title names one, or it opens by naming one,
  or a good share of its passages are about that regime's work (firefighters and on-call crews; officers and
  the force; patients and the trust; the bid and its match funding) while it hardly speaks as a council;
- a report or decision about a plan: the furniture of a committee paper ("Report of", "Recommendations",
  "Financial implications", "Decision record", "Minutes", "Present:", "RESOLVED");
- a publication or news page: the furniture of news ("Press release", "said Cllr", "Notes to editors",
  "X Council has published its plan", "Read the full plan"), of a letter or guidance asking councils for
  plans ("Dear", "Yours sincerely", "councils are asked"), or a page that is largely the government's
  request quoted (analysis/classify/voice.py tells whose words they are);
- a productivity plan: a council writing at length in its own voice ("we", "our") about its work under the
  plan's themes (transforming services, technology and data, wasteful spend, barriers government could
  remove);
- unrelated: none of these.

The analyst sees the reason at the preview and can correct the kind.
"""

import re
from collections.abc import Sequence
from functools import cache

from analysis.classify.patterns import Alternation, branches

PLAN = "plan"
REPORT = "report"
PUBLICATION = "publication"
OTHER_REGIME = "other_regime"
UNRELATED = "unrelated"

OPENING_PASSAGES = 4  # where a document says what it is and who wrote it

# Each regime: how it is named, and the words of its work (a council's plan may mention its partners in
# a passage or two; another regime's plan is about them throughout).
OTHER_REGIMES = [
    ("a fire and rescue service", r"fire and rescue (authority|service)|fire authority|fire service|\bfrs\b",
     r"fire and rescue|fire authority|fire service|\bfirefighters?\b|\bon-call\b|\bwholetime\b|"
     r"\bfire (stations?|safety|engines?|appliances?|cover)\b|\bretained duty\b|\bemergency (cover|calls?)\b"),
    ("a police force", r"police and crime commissioner|police, fire and crime commissioner|chief constable|"
     r"\bconstabulary\b|police force|\bpcc\b",
     r"\bpolice\b|\bpolicing\b|\bconstabulary\b|\bconstables?\b|\bforce'?s\b|\bforces\b|\bthe force\b|"
     r"\b(warranted |police |neighbourhood )officers?\b|\bofficer time\b|\bcrime reports?\b"),
    ("an NHS body", r"\bnhs (foundation )?trust\b|integrated care (board|system)|\bicb\b|clinical commissioning",
     r"\bnhs\b|\b(the|foundation|hospital|acute) trusts?\b|\btrust's\b|\bintegrated care (board|system)\b|"
     r"\bpatients?\b|\boutpatients?\b|\bclinical(ly)?\b|\bnurses?\b|\belective\b|\btheatres?\b|\bambulances?\b|"
     r"\bwaiting (lists?|times?)\b|\bprimary care\b|\bcost improvement\b"),
    ("a levelling-up bid", r"levelling[- ]up fund|\bluf\b (bid|round)",
     r"levelling[- ]up fund|\bluf\b|\b(this|the|our) (bid|application)\b|\bmatch funding\b|\beconomic case\b|"
     r"\bfunding period\b"),
]  # fmt: skip
COUNCIL_SELF = re.compile(r"\b(the|our|this) council\b|\bcouncil's\b|\bwe\b", re.I)
OWN_VOICE = re.compile(r"\b(we|our|us)\b|\b(the|this) council('s)?\b", re.I)
OWN_VOICE_PLAN = 6  # a plan speaks as the council throughout ("we", "our", "the council"); a page about one, rarely
REGIME_SHARE = 1 / 3  # of a document's passages about another regime's work: that regime's document

REPORT_CUES = [
    ("“Report of”", r"^report (of|to|by)\b|\breport of the (director|chief|head|executive|cabinet)"),
    ("“Decision record”", r"\bdecision (record|notice|sheet)\b|\brecord of (the )?(executive |cabinet )?decision|"
     r"^decision( maker)?:"),
    ("minutes", r"^minutes\b|\bminutes of (the|a) meeting\b"),
    ("recommendations", r"^recommendations?\b|\bit is recommended that\b|\b(cabinet|committee) is (asked|recommended)"),
    ("implications", r"\b(financial|legal|equalit(y|ies)|risk|resource|climate) implications\b"),
    ("a resolution", r"\bresolved:?\b( that)?|\bdecision maker\b"),
    ("who attended", r"^present:|^apologies\b|\b(declarations?|conflicts?) of interests?\b|\bin the chair\b"),
    ("an agenda item", r"\bagenda item\b|\bkey decision\b|\bwards? affected\b|\bbackground papers\b|^item \d+\b"),
    ("reasons for the decision", r"\breasons? for (the )?(decision|recommendations?|urgency)\b|"
     r"\b(alternative )?options considered\b"),
]  # fmt: skip
REPORT_OPENINGS = 3  # the first three cues say what the document is when it opens with them
NEWS_CUES = [
    ("“Press release”", r"\bpress release\b|\bnews release\b|\bmedia (release|enquiries)\b|\bnotes to editors\b|"
     r"\bfor immediate release\b"),
    ("a councillor quoted", r"\bsaid (cllr|councillor)\b|"
     r"\b(cllr|councillor) [a-z][\w'-]+( [a-z][\w'-]+)?,? (said|added)\b|"
     r"\b(leader|chief executive|cabinet member)[^.]{0,80}, said\b|,” said\b|\bsaid:"),
    ("a publication date", r"^(published|posted|first published|date)[: ]+(on )?\d{1,2} [a-z]+ 20\d\d\b"),
    ("news", r"^(latest )?news\b|\bread more news\b|^ends$"),
    ("the plan described from outside", r"\bhas (published|launched|agreed|approved|submitted|set out) (its|a) "
     r"([\w-]+ ){0,3}plan\b|\bread the (full )?([\w-]+ ){0,2}plan\b|\bthe plan (highlights|shows)\b"),
]  # fmt: skip
LETTER_CUES = [
    ("a letter", r"^dear\b|\byours (sincerely|faithfully)\b"),
    ("the government asking for plans", r"\b(councils|local authorities) (are|will be) (asked|expected|invited) to\b|"
     r"\bwe are asking (councils|local authorities|you)\b|\bminister (of|for) (state for )?local government\b"),
]  # fmt: skip
QUOTED_SHARE = 0.25  # of a document's words quoted from government: a page about the request, not a plan

THEMES = [
    ("transforming services", r"\btransform\w*|\bredesign\w*|\bservice (review|improvement)|\bprevention\b|"
     r"\bshared services?\b|\bcustomer (contact|services?)\b"),
    ("technology and data", r"\bdigital\w*|\btechnology\b|\bdata\b|\bautomat\w+|\bartificial intelligence\b|\bai\b|"
     r"\bonline\b|\bsystems?\b"),
    ("wasteful spend", r"\bagency (staff|spend|workers)\b|\bconsultan\w+|\bwasteful\b|\bsavings?\b|\bprocurement\b|"
     r"\bdiscretionary\b|\bequality, diversity\b|\bedi\b"),
    ("barriers government could remove", r"\bbarriers?\b|\bgovernment could\b|\bwe (ask|would ask|urge|call on)\b|"
     r"\bmulti-year\b|\bfunding settlements?\b|\bring-?fenc\w+|\bcompetitive bidding\b"),
]  # fmt: skip
PRODUCTIVITY_PLAN = re.compile(r"\bproductivity (and efficiency )?plan\b|\bproductivity\b", re.I)
# A news page may never say "productivity": it speaks of "the plan" the government asked for and will review.
THE_PLAN = re.compile(r"\b(the|its|this|their|every council's|the council's) (full )?plan\b(?! (for|to) )", re.I)
GOVERNMENT_READS_PLANS = re.compile(
    r"\bgovernment asked\b|\bministers?\b|\bthe department\b|\bexpert panel\b|\boffice for local government\b|"
    r"\boflog\b",
    re.I,
)
NAMES_A_PLAN = re.compile(r"\bproductivity (and efficiency )?plans?\b", re.I)


@cache
def _cue(pattern: str, flags: int) -> Alternation:
    """The cue's pattern, compiled once, each of its alternatives run only where the words it needs are in the
    text (the same matches)."""
    return Alternation(branches(pattern), flags)


def _find(cues, text: str) -> list[str]:
    return [name for name, pattern in cues if _cue(pattern, re.I | re.M).search(text)]


def _quoted(names: list[str]) -> str:
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]


def _other_regime(texts: list[str], title: str, opening: str, whole: str) -> str | None:
    """Why the document is another regime's, or None. The whole text's counts are made only where they decide."""

    @cache
    def council() -> int:
        return len(COUNCIL_SELF.findall(whole))

    for name, named, work in OTHER_REGIMES:
        if _cue(named, re.I).search(title):
            return f"Its title names {name}: this is {name}'s document, not a council's plan."
        if _cue(named, re.I).search(opening):
            mentions = len(_cue(named, re.I).findall(whole))
            if mentions >= 3 and mentions * 3 >= council():
                return (
                    f"It opens by naming {name} and names it {mentions} times, more than it speaks of a council: "
                    f"this is {name}'s document, not a council's plan."
                )
        about = sum(1 for text in texts if _cue(work, re.I).search(text))
        if about >= 2 and about >= REGIME_SHARE * len(texts) and about * 2 > council():
            return (
                f"{about} of its {len(texts)} passages are about the work of {name}, and it hardly speaks as a "
                f"council: this is {name}'s document, not a council's plan."
            )
    return None


def _quoted_share(texts: list[str]) -> tuple[float, int]:
    """How much of the text is the government's words quoted (as a share of its characters), and in how many
    passages."""
    from analysis.classify.voice import quoted_spans_of

    spans = [quoted_spans_of(text) for text in texts]
    quoted = sum(end - start for found in spans for start, end in found)
    return quoted / max(1, sum(len(text) for text in texts)), sum(1 for found in spans if found)


def classify_document(passages: Sequence[str], title: str) -> tuple[str, str]:
    """(kind, reason): the document's kind (PLAN, REPORT, PUBLICATION, OTHER_REGIME or UNRELATED) and why,
    in words an analyst can check against the text."""
    title = title or ""
    texts = [text for text in passages if text and text.strip()]
    whole = "\n".join(texts)
    opening = "\n".join([title, *texts[:OPENING_PASSAGES]])

    regime = _other_regime(texts, title, opening, whole)
    if regime:
        return OTHER_REGIME, regime

    report = _find(REPORT_CUES, f"{title}\n{whole}")
    opens_as_report = _find(REPORT_CUES[:REPORT_OPENINGS], opening)
    if len(report) >= 3 or (len(report) >= 2 and opens_as_report):
        return REPORT, f"It has the furniture of a committee report or decision: {_quoted(report)}."

    about_plans = bool(PRODUCTIVITY_PLAN.search(whole)) or (
        len(THE_PLAN.findall(whole)) >= 2 and bool(GOVERNMENT_READS_PLANS.search(whole))
    )
    news = _find(NEWS_CUES, f"{title}\n{whole}")
    if about_plans and (len(news) >= 2 or (news and _find(NEWS_CUES[:1], opening))):
        return PUBLICATION, f"It reads as a news page or press release: {_quoted(news)}."
    letter = _find(LETTER_CUES, whole)
    if len(letter) == 2:
        return PUBLICATION, f"It reads as a letter or guidance from government: {_quoted(letter)}."
    share, quoted_passages = _quoted_share(texts)
    if share >= QUOTED_SHARE and quoted_passages >= 2:
        return PUBLICATION, (
            f"{round(share * 100)}% of its words, in {quoted_passages} passages, are the government's request "
            "quoted: it is a page about what councils were asked, not a plan."
        )

    themes = _find(THEMES, whole)
    says_plan = bool(PRODUCTIVITY_PLAN.search(opening))
    voice = len(OWN_VOICE.findall(whole))
    if voice >= OWN_VOICE_PLAN and (len(themes) >= 3 or (says_plan and len(themes) >= 2)):
        named = "calls itself a productivity plan and " if says_plan else ""
        return PLAN, (
            f"A council's productivity plan: it {named}writes about {len(themes)} of the 4 themes in its own "
            f"words ({_quoted(themes)}), speaking as the council (“we”, “our”, “the council”) {voice} times."
        )
    if report and opens_as_report:
        return REPORT, f"It opens as a committee report or decision: {_quoted(report)}."
    if about_plans and news:
        return PUBLICATION, f"It speaks of a productivity plan from outside and reads as news: {_quoted(news)}."
    if says_plan and voice >= OWN_VOICE_PLAN and len(texts) >= 3:
        return PLAN, "It calls itself a productivity plan in its own voice, though it writes about few of the themes."
    if NAMES_A_PLAN.search(whole):
        return PUBLICATION, (
            "It speaks of a productivity plan from outside, not in the council's own voice and without a report's "
            "furniture: a page about a plan."
        )
    if says_plan:
        return UNRELATED, "It mentions productivity but is not a plan, nor a report, news page or letter about one."
    return UNRELATED, (
        "It does not call itself a productivity plan and writes about "
        + (f"only {_quoted(themes)}" if themes else "none of the plan's themes")
        + "."
    )
