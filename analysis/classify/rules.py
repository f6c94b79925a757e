"""Keyword rules: themes, barriers and asks of government from `data/lexicon.toml`.

The rules are the explainable half of the classifier: every label they give can be traced to a
pattern in the lexicon. They also find the ask of government in a passage, for every method.
"""

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from .patterns import Alternation, EveryFamily, families_in
from .taxonomy import barrier_ids
from .types import BarrierLabel, PassageInput, PassageLabels
from .voice import council_text

LEXICON_PATH = Path(__file__).resolve().parent / "data" / "lexicon.toml"
THEMES = (1, 2, 3, 4)


# Patterns are written in lower case and matched against lower-cased text: several times faster
# than re.IGNORECASE, which defeats the regex engine's literal-prefix search. Each family runs only the
# alternatives whose literals are in the text, with the same matches (patterns.py): about four times faster.
def _compile(patterns: list[str]) -> Alternation:
    return Alternation(patterns)


def _compile_each(patterns: list[str]) -> tuple[Alternation, ...]:
    return tuple(Alternation([p]) for p in patterns)


@dataclass(frozen=True)
class Lexicon:
    not_about: Alternation
    theme_strong: dict[int, Alternation]
    theme_weak: dict[int, tuple[Alternation, ...]]
    heading: dict[int, Alternation]
    barriers: dict[str, Alternation]
    barriers_need_context: frozenset[str]
    barrier_context: Alternation
    constraint: Alternation
    achievement: Alternation
    asks: Alternation


@cache
def lexicon() -> Lexicon:
    data = tomllib.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    known = set(barrier_ids())
    unknown = (set(data["barriers"]) | set(data["barriers_need_context"]["ids"])) - known
    if unknown:
        raise ValueError(f"lexicon.toml names barriers missing from the taxonomy: {sorted(unknown)}")
    never = Alternation([r"(?!x)x"])
    return Lexicon(
        not_about=_compile(data["not_about"]["patterns"]),
        theme_strong={n: _compile(data["themes"][str(n)]["strong"]) for n in THEMES},
        theme_weak={n: _compile_each(data["themes"][str(n)].get("weak", [])) for n in THEMES},
        heading={n: _compile(data["heading"][str(n)]) for n in THEMES},
        barriers={b: _compile(data["barriers"][b]["patterns"]) if b in data["barriers"] else never for b in known},
        barriers_need_context=frozenset(data["barriers_need_context"]["ids"]),
        barrier_context=_compile(data["barrier_context"]["patterns"]),
        constraint=_compile(data["constraint"]["patterns"]),
        achievement=_compile(data["achievement"]["patterns"]),
        asks=_compile(data["asks"]["patterns"]),
    )


def clean(text: str) -> str:
    """The text in lower case, with phrases that only look like theme words blanked out
    (e.g. "Environment Agency")."""
    return lexicon().not_about.sub(" ", text.lower())


def clean_council(text: str) -> str:
    """A passage's own words as `clean` gives them, after the government's quoted words and web-page
    chrome are blanked (voice.py): only what the council writes counts towards a theme or barrier."""
    return clean(council_text(text))


def heading_themes(heading: str | None) -> frozenset[int]:
    if not heading:
        return frozenset()
    lex = lexicon()
    cleaned = clean(heading)
    could = families_in(cleaned)
    return frozenset(n for n in THEMES if lex.heading[n].search(cleaned, could=could))


@dataclass(frozen=True)
class RuleEvidence:
    """What the rules saw in one passage; the combined method uses it as features."""

    strong: frozenset[int]
    weak_hits: dict[int, int]
    heading: frozenset[int]
    barriers: frozenset[str]
    barrier_context: bool


def evidence(passage: PassageInput) -> RuleEvidence:
    lex = lexicon()
    text = clean_council(passage.text)
    could = families_in(text)  # some sixty families ask about this text: those without a literal in it answer at once
    strong = frozenset(n for n in THEMES if lex.theme_strong[n].search(text, could=could))
    weak_hits = {n: sum(1 for p in lex.theme_weak[n] if p.search(text, could=could)) for n in THEMES}
    heading = heading_themes(passage.heading)
    context = bool(
        4 in strong or 4 in heading or lex.barrier_context.search(text, could=could) or _asks_government(text)
    )
    found = set()
    for category, pattern in lex.barriers.items():
        # A category that needs context is not looked for in a passage without it.
        if (context or category not in lex.barriers_need_context) and pattern.search(text, could=could):
            found.add(category)
    return RuleEvidence(strong, weak_hits, heading, frozenset(found), context)


def _asks_government(cleaned: str) -> bool:
    """A sentence of the (cleaned, council-only) text asks government for something: the passage reads as a
    barrier, so a category with common words may count."""
    lex = lexicon()
    could = families_in(cleaned)  # a sentence holds only words of the whole text
    return any(lex.asks.search(s, could=could) for s in sentences(cleaned))


# A short line that only introduces what follows ("Summary of the barriers we face:"): it says nothing itself.
_LEAD_IN = re.compile(r"^[^\n.!?]{0,80}:\s*$")


def is_lead_in(text: str) -> bool:
    stripped = text.strip()
    return bool(_LEAD_IN.match(stripped)) and len(stripped.split()) <= 10


def rule_themes(ev: RuleEvidence) -> frozenset[int]:
    themes = set(ev.strong)
    themes |= {n for n, hits in ev.weak_hits.items() if hits >= 2}
    themes |= ev.heading
    if ev.barriers:
        themes.add(4)
    return frozenset(themes)


def _spans(pattern: Alternation, text: str) -> list[str]:
    """The pieces of `text` (as written) that `pattern` matches in its lower-cased, blanked form.
    Blanking keeps every character's place, so a match's span is the same in both."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a character whose lower case is longer: places would not line up
        return []
    blanked = lexicon().not_about.sub(lambda match: " " * len(match.group(0)), council_text(text).lower())
    return [text[match.start() : match.end()].strip() for match in pattern.finditer(blanked) if match.group(0).strip()]


def theme_phrases(text: str, theme: int) -> list[str]:
    """The words in a passage that the rules take as speaking to a theme, to show a reader why."""
    lex = lexicon()
    if theme not in lex.theme_strong:
        return []
    found = _spans(lex.theme_strong[theme], text)
    for pattern in lex.theme_weak[theme]:
        found += _spans(pattern, text)
    return found


def barrier_phrases(text: str, category: str) -> list[str]:
    """The words in a passage that the rules take as naming a barrier category."""
    pattern = lexicon().barriers.get(category)
    return _spans(pattern, text) if pattern is not None else []


# Sentences: split after . ! ? or ; followed by space, and at line breaks (bullets, table rows).
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[\"'‘“(A-Z0-9•\-])|\s*\n+\s*")
_BULLET = re.compile(r"^\s*(?:[-•*▪·]|\(?[a-z0-9]{1,3}[.)])\s+", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    parts = (_BULLET.sub("", part).strip() for part in _SENTENCE_END.split(text))
    return [part for part in parts if part]


@lru_cache(maxsize=64)
def sentences_cleaned(text: str) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[int] | EveryFamily]:
    """A passage's council-only sentences as written and as `clean` gives them, and the families that can match in
    any of them (`patterns.families_in`): each barrier category of a passage asks about the same sentences."""
    written = tuple(sentences(council_text(text)))
    cleaned = tuple(clean(s) for s in written)
    return written, cleaned, families_in("\n".join(cleaned))


def ask_sentences(text: str) -> list[str]:
    """Sentences (or bullet lines) of the passage that ask government to do something."""
    lex = lexicon()
    return [s for s in sentences(council_text(text)) if lex.asks.search(clean(s))]


def attach_asks(text: str, categories: frozenset[str] | set[str]) -> tuple[BarrierLabel, ...]:
    """Pair each barrier with the ask that concerns it.

    An ask sentence that itself names one or more of the barriers goes to those; the barriers left
    over take the nearest ask sentence that follows their own mention, else the passage's last ask.
    """
    if not categories:
        return ()
    lex = lexicon()
    sents, cleaned, could = sentences_cleaned(text)
    ask_idx = [i for i, s in enumerate(cleaned) if lex.asks.search(s, could=could)]
    chosen: dict[str, str | None] = {}
    for category in sorted(categories):
        if not ask_idx:
            chosen[category] = None
            continue
        pattern = lex.barriers[category]
        own = [i for i in ask_idx if pattern.search(cleaned[i], could=could)]
        if own:
            chosen[category] = sents[own[0]]
            continue
        mentions = [i for i, s in enumerate(cleaned) if pattern.search(s, could=could)]
        after = [i for i in ask_idx if mentions and i >= mentions[0]]
        chosen[category] = sents[after[0]] if after else sents[ask_idx[-1]]
    return tuple(BarrierLabel(category=c, ask=chosen[c]) for c in sorted(categories))


def stated_as_barrier(
    text: str, category: str, *, heading_says_barriers: bool = False, reads_as_barrier: bool = False
) -> bool:
    """Whether the passage presents `category` as a barrier: a constraint the council faces, or an ask of
    government; not a description of a service, an achievement ("referrals to children's social care have
    fallen") or the council's own action ("we used the flexible use of capital receipts").

    A category named by the rules needs a constraint in a sentence naming it or next to it, or an ask in the
    passage; a sentence that reports an achievement and states no constraint does not count. A category the
    rules do not find in the text (the model's alone) needs a constraint or an ask anywhere in the passage.
    Under a barriers heading, or where the whole passage reads as one (`reads_as_barrier`: the model's
    theme 4 probability is high), a category needs only not to sit in achievements alone.
    Categories whose words are themselves a constraint ("new burdens", "one year at a time") need only not to
    sit in an achievement alone.
    """
    lex = lexicon()
    _written, cleaned, could = sentences_cleaned(text)
    if not cleaned:
        return False
    asks = any(lex.asks.search(s, could=could) for s in cleaned)
    pattern = lex.barriers.get(category)
    mentions = [i for i, s in enumerate(cleaned) if pattern is not None and pattern.search(s, could=could)]

    def answered(i: int) -> bool:
        # "Demand for temporary accommodation has doubled. In response we bought 23 homes": demand given as the
        # reason for the council's own action, which the next sentence reports with no constraint of its own, is
        # not a constraint the council still faces.
        if i + 1 >= len(cleaned) or not _RESPONSE.match(cleaned[i + 1]):
            return False
        return not lex.constraint.search(cleaned[i + 1], could=could)

    def states_constraint(i: int) -> bool:
        return bool(lex.constraint.search(cleaned[i], could=could)) and not answered(i)

    # A barriers heading is not enough on its own: the passage must still state a constraint somewhere (the
    # section also holds "Homes England's programme has helped bring forward three schemes"). The model reading
    # the whole passage as a barrier still is (requiring a constraint there too cost recall on the passage
    # evaluation set, 0.85 to 0.81, for 0.01 of precision on the dev documents).
    constrained = any(states_constraint(i) for i in range(len(cleaned)))
    if not mentions:
        return asks or constrained
    if asks:
        return True
    heading_says_barriers = (heading_says_barriers and constrained) or reads_as_barrier

    def constraint_near(i: int) -> bool:
        return any(states_constraint(j) for j in range(max(0, i - 1), min(len(cleaned), i + 2)))

    def achievement_only(i: int) -> bool:
        # "Delayed discharges from hospital have come down": a constraint's words before the achievement are
        # what was overcome; only a constraint stated after it ("...but demand is rising faster") still stands.
        achieved = lex.achievement.search(cleaned[i], could=could)
        if achieved and not lex.constraint.search(cleaned[i], achieved.start(), could=could):
            return True
        return answered(i)

    if category not in lex.barriers_need_context:
        return not all(achievement_only(i) for i in mentions)
    if heading_says_barriers:
        return not all(achievement_only(i) for i in mentions)
    return any(constraint_near(i) and not achievement_only(i) for i in mentions)


# A sentence opening with the council's response to what the sentence before it said.
_RESPONSE = re.compile(
    r"\s*(?:in response|to (?:meet|manage|cope with) (?:it|this|that|the (?:demand|rise|increase))|"
    r"(?:that|this) is why (?:we|the council)|we responded by)\b"
)


def classify_rules(passages: list[PassageInput]) -> list[PassageLabels]:
    out = []
    for passage in passages:
        ev = evidence(passage)
        out.append(PassageLabels(themes=rule_themes(ev), barriers=attach_asks(passage.text, ev.barriers)))
    return out
