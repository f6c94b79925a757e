"""The methods measured in bench/bench_classifier.py: rules only, linear only, and the two combined.

Every method finds asks of government the same way (`rules.attach_asks`), so the figures compare
how well each finds themes and barriers.
"""

from dataclasses import dataclass

from .linear import LinearModel, trained_model
from .rules import THEMES, attach_asks, classify_rules, evidence, is_lead_in, stated_as_barrier, states_constraint
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
    theme_p, barrier_p = model.predict_proba(passages)
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
            reads = theme_p[4][i] >= thresholds.reads_as_barrier
            categories = {
                c
                for c in categories
                if stated_as_barrier(passage.text, c, heading_says_barriers=heading_4, reads_as_barrier=reads)
            }
        themes = set()
        for n in THEMES:
            p = theme_p[n][i]
            bar = thresholds.theme_alone
            if ev is not None and n in ev.strong:
                bar = min(bar, thresholds.theme_with_rule)
            if ev is not None and n in ev.heading:
                bar = min(bar, thresholds.theme_with_heading)
            if p >= bar:
                themes.add(n)
        if categories:
            themes.add(4)
        elif (
            4 in themes
            and ev is not None
            and thresholds.barrier_needs_constraint
            and not states_constraint(passage, ev)
        ):
            themes.discard(4)  # a success or a description, with nothing the government could help remove
        out.append(PassageLabels(themes=frozenset(themes), barriers=attach_asks(passage.text, categories)))
    return out


METHODS = {
    "rules": lambda passages, model=None: classify_rules(passages),
    "linear": lambda passages, model=None: classify_linear(passages, model=model),
    "combined": lambda passages, model=None: classify_combined(passages, model=model),
}
