"""Keyword rules: themes, barriers and asks of government from `data/lexicon.toml`.

The rules are the explainable half of the classifier: every label they give can be traced to a
pattern in the lexicon. They also find the ask of government in a passage, for every method.
"""

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .taxonomy import barrier_ids
from .types import BarrierLabel, PassageInput, PassageLabels

LEXICON_PATH = Path(__file__).resolve().parent / "data" / "lexicon.toml"
THEMES = (1, 2, 3, 4)


# Patterns are written in lower case and matched against lower-cased text: several times faster
# than re.IGNORECASE, which defeats the regex engine's literal-prefix search.
def _compile(patterns: list[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def _compile_each(patterns: list[str]) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in patterns)


@dataclass(frozen=True)
class Lexicon:
    not_about: re.Pattern
    theme_strong: dict[int, re.Pattern]
    theme_weak: dict[int, tuple[re.Pattern, ...]]
    heading: dict[int, re.Pattern]
    barriers: dict[str, re.Pattern]
    barriers_need_context: frozenset[str]
    barrier_context: re.Pattern
    asks: re.Pattern


@cache
def lexicon() -> Lexicon:
    data = tomllib.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    known = set(barrier_ids())
    unknown = (set(data["barriers"]) | set(data["barriers_need_context"]["ids"])) - known
    if unknown:
        raise ValueError(f"lexicon.toml names barriers missing from the taxonomy: {sorted(unknown)}")
    never = re.compile(r"(?!x)x")
    return Lexicon(
        not_about=_compile(data["not_about"]["patterns"]),
        theme_strong={n: _compile(data["themes"][str(n)]["strong"]) for n in THEMES},
        theme_weak={n: _compile_each(data["themes"][str(n)].get("weak", [])) for n in THEMES},
        heading={n: _compile(data["heading"][str(n)]) for n in THEMES},
        barriers={b: _compile(data["barriers"][b]["patterns"]) if b in data["barriers"] else never for b in known},
        barriers_need_context=frozenset(data["barriers_need_context"]["ids"]),
        barrier_context=_compile(data["barrier_context"]["patterns"]),
        asks=_compile(data["asks"]["patterns"]),
    )


def clean(text: str) -> str:
    """The text in lower case, with phrases that only look like theme words blanked out
    (e.g. "Environment Agency")."""
    return lexicon().not_about.sub(" ", text.lower())


def heading_themes(heading: str | None) -> frozenset[int]:
    if not heading:
        return frozenset()
    lex = lexicon()
    cleaned = clean(heading)
    return frozenset(n for n in THEMES if lex.heading[n].search(cleaned))


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
    text = clean(passage.text)
    strong = frozenset(n for n in THEMES if lex.theme_strong[n].search(text))
    weak_hits = {n: sum(1 for p in lex.theme_weak[n] if p.search(text)) for n in THEMES}
    heading = heading_themes(passage.heading)
    context = bool(4 in strong or 4 in heading or lex.barrier_context.search(text))
    found = set()
    for category, pattern in lex.barriers.items():
        if pattern.search(text) and (context or category not in lex.barriers_need_context):
            found.add(category)
    return RuleEvidence(strong, weak_hits, heading, frozenset(found), context)


def rule_themes(ev: RuleEvidence) -> frozenset[int]:
    themes = set(ev.strong)
    themes |= {n for n, hits in ev.weak_hits.items() if hits >= 2}
    themes |= ev.heading
    if ev.barriers:
        themes.add(4)
    return frozenset(themes)


def _spans(pattern: re.Pattern, text: str) -> list[str]:
    """The pieces of `text` (as written) that `pattern` matches in its lower-cased, blanked form.
    Blanking keeps every character's place, so a match's span is the same in both."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a character whose lower case is longer: places would not line up
        return []
    blanked = lexicon().not_about.sub(lambda match: " " * len(match.group(0)), lowered)
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


def ask_sentences(text: str) -> list[str]:
    """Sentences (or bullet lines) of the passage that ask government to do something."""
    lex = lexicon()
    return [s for s in sentences(text) if lex.asks.search(clean(s))]


def attach_asks(text: str, categories: frozenset[str] | set[str]) -> tuple[BarrierLabel, ...]:
    """Pair each barrier with the ask that concerns it.

    An ask sentence that itself names one or more of the barriers goes to those; the barriers left
    over take the nearest ask sentence that follows their own mention, else the passage's last ask.
    """
    if not categories:
        return ()
    lex = lexicon()
    sents = sentences(text)
    cleaned = [clean(s) for s in sents]
    ask_idx = [i for i, s in enumerate(cleaned) if lex.asks.search(s)]
    chosen: dict[str, str | None] = {}
    for category in sorted(categories):
        if not ask_idx:
            chosen[category] = None
            continue
        pattern = lex.barriers[category]
        own = [i for i in ask_idx if pattern.search(cleaned[i])]
        if own:
            chosen[category] = sents[own[0]]
            continue
        mentions = [i for i, s in enumerate(cleaned) if pattern.search(s)]
        after = [i for i in ask_idx if mentions and i >= mentions[0]]
        chosen[category] = sents[after[0]] if after else sents[ask_idx[-1]]
    return tuple(BarrierLabel(category=c, ask=chosen[c]) for c in sorted(categories))


def classify_rules(passages: list[PassageInput]) -> list[PassageLabels]:
    out = []
    for passage in passages:
        ev = evidence(passage)
        out.append(PassageLabels(themes=rule_themes(ev), barriers=attach_asks(passage.text, ev.barriers)))
    return out
