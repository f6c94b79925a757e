"""What kind of document an import is: a council's productivity plan, or something else that talks about one.

Pure and explainable: `classify_document(passages, title)` returns the kind and the reason in plain words,
from cues a person would look for:

- another regime's plan: the document is written by or for a fire and rescue authority, a police force or
  its commissioner, an NHS body, or is a levelling-up bid (it names one in its title or opening, or far
  more often than it speaks of a council);
- a report or decision about a plan: the furniture of a committee paper ("Report of", "Recommendations",
  "Financial implications", "Decision record", "Minutes", "RESOLVED");
- a publication or news page: the furniture of news ("Press release", "said Cllr", "Notes to editors") or
  of a letter or guidance asking councils for plans ("Dear", "Yours sincerely", "councils are asked");
- a productivity plan: a council writing about its own work under the plan's themes (transforming
  services, technology and data, wasteful spend, barriers government could remove);
- unrelated: none of these.

The analyst sees the reason at the preview and can correct the kind.
"""

import re
from collections.abc import Sequence

PLAN = "plan"
REPORT = "report"
PUBLICATION = "publication"
OTHER_REGIME = "other_regime"
UNRELATED = "unrelated"

OPENING_PASSAGES = 4  # where a document says what it is and who wrote it

OTHER_REGIMES = [
    ("a fire and rescue service", r"fire and rescue (authority|service)|fire authority|fire service|\bfrs\b"),
    ("a police force", r"police and crime commissioner|police, fire and crime commissioner|chief constable|"
     r"\bconstabulary\b|police force|\bpcc\b"),
    ("an NHS body", r"\bnhs (foundation )?trust\b|integrated care (board|system)|\bicb\b|clinical commissioning"),
    ("a levelling-up bid", r"levelling up fund|levelling-up fund|\bluf\b (bid|round)"),
]  # fmt: skip
COUNCIL_SELF = re.compile(r"\b(the|our|this) council\b|\bcouncil's\b|\bwe\b", re.I)

REPORT_CUES = [
    ("“Report of”", r"^report (of|to|by)\b|\breport of the (director|chief|head|executive|cabinet)"),
    ("“Decision record”", r"\bdecision (record|notice|sheet)\b|\brecord of (the )?(executive |cabinet )?decision"),
    ("recommendations", r"^recommendations?\b|\bit is recommended that\b|\b(cabinet|committee) is (asked|recommended)"),
    ("implications", r"\b(financial|legal|equalit(y|ies)|risk|resource|climate) implications\b"),
    ("minutes", r"^minutes\b|\bminutes of (the|a) meeting\b|^present:|^apologies\b|\bresolved:?\b( that)?"),
    ("an agenda item", r"\bagenda item\b|\bkey decision\b|\bwards? affected\b|\bbackground papers\b"),
    ("reasons for the decision", r"\breasons? for (the )?(decision|recommendations?)\b|\boptions considered\b"),
]
NEWS_CUES = [
    ("“Press release”", r"\bpress release\b|\bnews release\b|\bmedia (release|enquiries)\b|\bnotes to editors\b"),
    ("a councillor quoted", r"\bsaid (cllr|councillor)\b|"
     r"\b(cllr|councillor) [a-z][\w'-]+( [a-z][\w'-]+)?,? (said|added)\b|"
     r"\b(leader|chief executive|cabinet member)[^.]{0,80}, said\b|,” said\b|\bsaid:"),
    ("a publication date", r"^(published|posted|first published|date)[: ]+(on )?\d{1,2} [a-z]+ 20\d\d\b"),
    ("news", r"^(latest )?news\b|\bread more news\b"),
]  # fmt: skip
LETTER_CUES = [
    ("a letter", r"^dear\b|\byours (sincerely|faithfully)\b"),
    ("the government asking for plans", r"\b(councils|local authorities) (are|will be) (asked|expected|invited) to\b|"
     r"\bwe are asking (councils|local authorities|you)\b|\bminister (of|for) (state for )?local government\b"),
]  # fmt: skip

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


def _find(cues, text: str) -> list[str]:
    return [name for name, pattern in cues if re.search(pattern, text, re.I | re.M)]


def _quoted(names: list[str]) -> str:
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]


def classify_document(passages: Sequence[str], title: str) -> tuple[str, str]:
    """(kind, reason): the document's kind (PLAN, REPORT, PUBLICATION, OTHER_REGIME or UNRELATED) and why,
    in words an analyst can check against the text."""
    title = title or ""
    texts = [text for text in passages if text and text.strip()]
    whole = "\n".join(texts)
    opening = "\n".join([title, *texts[:OPENING_PASSAGES]])

    for name, pattern in OTHER_REGIMES:
        regime = re.compile(pattern, re.I)
        if regime.search(title):
            return OTHER_REGIME, f"Its title names {name}: this is {name}'s document, not a council's plan."
        mentions = len(regime.findall(whole))
        if regime.search(opening) and mentions >= 3 and mentions * 3 >= len(COUNCIL_SELF.findall(whole)):
            return OTHER_REGIME, (
                f"It opens by naming {name} and names it {mentions} times, more than it speaks of a council: "
                f"this is {name}'s document, not a council's plan."
            )

    report = _find(REPORT_CUES, whole)
    if len(report) >= 3 or (len(report) >= 2 and _find(REPORT_CUES[:2], opening)):
        return REPORT, f"It has the furniture of a committee report or decision: {_quoted(report)}."

    news = _find(NEWS_CUES, whole)
    if len(news) >= 2 or (news and _find(NEWS_CUES[:1], opening)):
        return PUBLICATION, f"It reads as a news page or press release: {_quoted(news)}."
    letter = _find(LETTER_CUES, whole)
    if len(letter) == 2:
        return PUBLICATION, f"It reads as a letter or guidance from government: {_quoted(letter)}."

    themes = _find(THEMES, whole)
    says_plan = bool(PRODUCTIVITY_PLAN.search(opening))
    if len(themes) >= 3 or (says_plan and len(themes) >= 2):
        named = "calls itself a productivity plan and " if says_plan else ""
        return PLAN, (
            f"A council's productivity plan: it {named}writes about {len(themes)} of the 4 themes in its own "
            f"words ({_quoted(themes)})."
        )
    if says_plan and len(texts) >= 3:
        return PLAN, "It calls itself a productivity plan, though it writes about few of the themes."
    if says_plan:
        return UNRELATED, "It mentions productivity but is too short to be a plan."
    return UNRELATED, (
        "It does not call itself a productivity plan and writes about "
        + (f"only {_quoted(themes)}" if themes else "none of the plan's themes")
        + "."
    )
