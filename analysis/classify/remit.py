"""Barriers in services a council's type does not provide need stronger evidence before they count.

A district council does not provide adult or children's social care or education (so neither SEND nor
high needs); a county council in a two-tier area does not run housing and homelessness services and
does not pay internal drainage board levies (the district councils do). When such a council's plan
names one of those categories, the mention is usually context ("the county's adult social care
budget", "children's social care referrals have fallen"), not a barrier it faces. The tag counts only
where the council asks government about it in a sentence naming it, or states a constraint in a
sentence that names it and says how it reaches the council itself ("...which falls on our housing
budget").

`within_remit(inputs, labels, authority_type=...)` applies this to a document's labels; the explorer
says so next to its barrier counts.
"""

import re

from .rules import clean, lexicon, sentences
from .types import PassageInput, PassageLabels
from .voice import council_text

# Council types (councils.models.AuthorityType values) and the barrier categories of services they do
# not provide, with the words the explorer uses for them.
NOT_PROVIDED: dict[str, dict[str, str]] = {
    "district": {
        "adult-social-care": "adult social care",
        "childrens-social-care": "children's social care",
        "send-high-needs": "education, SEND and high needs",
    },
    "county": {
        "homelessness-temporary-accommodation": "housing and homelessness",
        "internal-drainage-board-levies": "internal drainage board levies",
    },
}

# How a constraint in another body's service reaches the council: its own budget, services or residents.
_OWN_STAKE = re.compile(
    r"\bour (?:\w+ ){0,3}(?:budgets?|services?|finances|costs?|housing|residents|teams?|staff)\b|knock-on|"
    r"(?:impact|effect|pressure|costs?) (?:\w+ ){0,2}(?:on|to) (?:us|our|the district|the council)\b|"
    r"falls? (?:on|to) (?:us|our|the district|the council)\b|we (?:have to|must|end up) (?:pay|fund|meet|house|support)"
)


def outside_remit(category: str, authority_type: str | None) -> bool:
    return category in NOT_PROVIDED.get(authority_type or "", {})


def named_as_own_barrier(text: str, category: str) -> bool:
    """An ask of government naming the category, or a constraint naming it that reaches the council."""
    lex = lexicon()
    pattern = lex.barriers.get(category)
    if pattern is None:
        return False
    for sentence in sentences(council_text(text)):
        cleaned = clean(sentence)
        if not pattern.search(cleaned):
            continue
        if lex.asks.search(cleaned):
            return True
        if lex.constraint.search(cleaned) and _OWN_STAKE.search(cleaned):
            return True
    return False


def within_remit(
    inputs: list[PassageInput], labels: list[PassageLabels], *, authority_type: str | None
) -> list[PassageLabels]:
    """The labels with barriers in services this type of council does not provide removed, unless the
    passage names them as its own barrier (`named_as_own_barrier`). Themes are left as they are."""
    if authority_type not in NOT_PROVIDED:
        return list(labels)
    out = []
    for passage, label in zip(inputs, labels, strict=True):
        kept = tuple(
            b
            for b in label.barriers
            if not outside_remit(b.category, authority_type) or named_as_own_barrier(passage.text, b.category)
        )
        out.append(label if kept == label.barriers else PassageLabels(themes=label.themes, barriers=kept))
    return out
