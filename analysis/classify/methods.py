"""The methods measured in bench/bench_classifier.py: rules only, linear only, and the two combined.

Every method finds asks of government the same way (`rules.attach_asks`), so the figures compare
how well each finds themes and barriers.
"""

from dataclasses import dataclass

from .linear import LinearModel, trained_model
from .rules import (
    THEMES,
    attach_asks,
    classify_rules,
    evidence,
    is_lead_in,
    lexicon,
    sentences_cleaned,
    stated_as_barrier,
)
from .types import PassageInput, PassageLabels


@dataclass(frozen=True)
class Thresholds:
    """Probability a label needs from the linear model, with and without the rules agreeing.

    Chosen by cross-validation on the training examples, never on the evaluation set.
    """

    theme_alone: float = 0.4
    theme_with_rule: float = 0.15
    theme_with_heading: float = 0.1
    barrier_alone: float = 0.4
    barrier_with_rule: float = 0.1
    barrier_needs_constraint: bool = True
    reads_as_barrier: float = 0.5
    # A heading names a theme the text leaves open; it does not add one where the text (read without the
    # heading) is clearly about another theme and gives the heading's theme less than `heading_text_floor`.
    heading_yields: bool = True
    heading_text_floor: float = 0.25
    text_clearly: float = 0.5
    # Nor does a heading give its theme to a passage whose text says nothing of any theme (the budget timetable,
    # a peer review, the number of councillors under a spending heading): a headed passage's theme needs a rule
    # of the theme in its text (strong, or one weak word) or the model, reading the text alone, at this floor.
    heading_needs_text: float = 0.3


LINEAR_ONLY = Thresholds(
    theme_alone=0.5, theme_with_rule=0.5, theme_with_heading=0.5, barrier_alone=0.3, barrier_with_rule=0.3
)
COMBINED = Thresholds()


def classify_linear(
    passages: list[PassageInput], *, model: LinearModel | None = None, thresholds: Thresholds = LINEAR_ONLY
) -> list[PassageLabels]:
    """Labels from the linear model alone (rules only to find the ask sentences)."""
    return _classify(passages, model=model, thresholds=thresholds, use_rules=False)


def classify_combined(
    passages: list[PassageInput], *, model: LinearModel | None = None, thresholds: Thresholds = COMBINED
) -> list[PassageLabels]:
    """The linear model's probabilities, with a lower bar where the keyword rules or the heading agree."""
    return _classify(passages, model=model, thresholds=thresholds, use_rules=True)


def _classify(
    passages: list[PassageInput], *, model: LinearModel | None, thresholds: Thresholds, use_rules: bool
) -> list[PassageLabels]:
    passages = list(passages)
    if not passages:
        return []
    model = model or trained_model()
    headed = [i for i, p in enumerate(passages) if p.heading] if use_rules and thresholds.heading_yields else []
    theme_p, barrier_p, alone = model.predict_proba(passages, without_heading=headed)
    text_p = {i: {n: float(alone[n][k]) for n in THEMES} for k, i in enumerate(headed)}
    out = []
    for i, passage in enumerate(passages):
        if use_rules and is_lead_in(passage.text):
            out.append(PassageLabels(themes=frozenset(), barriers=()))  # "Our asks of government:" says nothing itself
            continue
        ev = evidence(passage) if use_rules else None
        categories = set()
        for category, probs in barrier_p.items():
            p = probs[i]
            bar = thresholds.barrier_alone
            if ev is not None and category in ev.barriers:
                bar = thresholds.barrier_with_rule
            if p >= bar:
                categories.add(category)
        if ev is not None and thresholds.barrier_needs_constraint:
            heading_4 = 4 in ev.heading
            # The passage reads as a barrier with its heading and without it: under a barriers heading the model
            # reads almost anything as theme 4, and the heading alone is not enough (`stated_as_barrier`).
            text_4 = min(text_p[i][4], theme_p[4][i]) if i in text_p else theme_p[4][i]
            reads = text_4 >= thresholds.reads_as_barrier
            categories = {
                c
                for c in categories
                if stated_as_barrier(passage.text, c, heading_says_barriers=heading_4, reads_as_barrier=reads)
            }
        if ev is not None and "funding-adequacy" in categories and categories & SERVICE_CATEGORIES:
            categories = _service_money(passage.text, categories)
        themes = set()
        for n in THEMES:
            p = theme_p[n][i]
            bar = thresholds.theme_alone
            if ev is not None and n in ev.strong:
                bar = min(bar, thresholds.theme_with_rule)
            if ev is not None and n in ev.heading:
                bar = min(bar, thresholds.theme_with_heading)
            heading_alone = i in text_p and (
                _heading_only(n, text_p[i], ev, thresholds) or _text_silent(n, text_p[i], ev, thresholds)
            )
            if p >= bar and not heading_alone:
                themes.add(n)
        if categories:
            themes.add(4)
        elif ev is not None and thresholds.barrier_needs_constraint:
            # Theme 4 is the barriers government could help remove: a passage that names none of them (a success,
            # a description, a constraint's word in passing) is not about it, whatever its heading or its words.
            themes.discard(4)
        if "data-sharing" in categories:
            themes.add(2)  # information government holds and will not share is a barrier to using data
        out.append(PassageLabels(themes=frozenset(themes), barriers=attach_asks(passage.text, categories)))
    return out


SERVICE_CATEGORIES = frozenset(
    {"adult-social-care", "childrens-social-care", "send-high-needs", "homelessness-temporary-accommodation"}
)


def _service_money(text: str, categories: set[str]) -> set[str]:
    """Funding that does not keep up with one service's costs ("care fees rise with the national living wage,
    but our funding does not") is that service's barrier, not the general adequacy of funding: drop
    funding-adequacy where every sentence naming it also names a service category the passage has."""
    lex = lexicon()
    services = [lex.barriers[c] for c in categories & SERVICE_CATEGORIES]
    _written, cleaned, could = sentences_cleaned(text)
    named = [s for s in cleaned if lex.barriers["funding-adequacy"].search(s, could=could)]
    if named and all(any(p.search(s, could=could) for p in services) for s in named):
        return categories - {"funding-adequacy"}
    return categories


def _heading_only(n: int, text_p: dict[int, float], ev, thresholds: Thresholds) -> bool:
    """Theme `n` comes from the heading alone while the text itself is clearly about another theme: a success
    in early help placed under a spending heading is theme 1, not theme 3."""
    if n in ev.strong or ev.weak_hits.get(n, 0) >= 2 or text_p[n] >= thresholds.heading_text_floor:
        return False
    return any(m != n and (m in ev.strong or text_p[m] >= thresholds.text_clearly) for m in THEMES)


def _text_silent(n: int, text_p: dict[int, float], ev, thresholds: Thresholds) -> bool:
    """The text under a heading, read alone, says nothing of theme `n`: no rule of the theme matches it and the
    model gives the theme less than `heading_needs_text`."""
    return n not in ev.strong and ev.weak_hits.get(n, 0) == 0 and text_p[n] < thresholds.heading_needs_text


METHODS = {
    "rules": lambda passages, model=None: classify_rules(passages),
    "linear": lambda passages, model=None: classify_linear(passages, model=model),
    "combined": lambda passages, model=None: classify_combined(passages, model=model),
}
