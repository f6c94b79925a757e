"""Precision, recall and F1 of a method's labels against labelled passages; used by the bench and tests."""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .corpus import LabelledPassage
from .rules import THEMES
from .taxonomy import barrier_ids
from .types import PassageInput, PassageLabels


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    themes: dict[int, Score] = field(default_factory=dict)
    barriers: dict[str, Score] = field(default_factory=dict)
    asks: Score = field(default_factory=Score)
    exact: int = 0
    passages: int = 0

    @property
    def theme_macro_f1(self) -> float:
        return sum(s.f1 for s in self.themes.values()) / len(self.themes)

    def barrier_scores_with_support(self) -> dict[str, Score]:
        return {b: s for b, s in self.barriers.items() if s.support}

    @property
    def barrier_macro_f1(self) -> float:
        scores = self.barrier_scores_with_support()
        return sum(s.f1 for s in scores.values()) / len(scores) if scores else 0.0

    @property
    def barrier_macro_precision(self) -> float:
        scores = self.barrier_scores_with_support()
        return sum(s.precision for s in scores.values()) / len(scores) if scores else 0.0

    @property
    def barrier_macro_recall(self) -> float:
        scores = self.barrier_scores_with_support()
        return sum(s.recall for s in scores.values()) / len(scores) if scores else 0.0

    @property
    def theme_macro_precision(self) -> float:
        return sum(s.precision for s in self.themes.values()) / len(self.themes)

    @property
    def theme_macro_recall(self) -> float:
        return sum(s.recall for s in self.themes.values()) / len(self.themes)


_WORD = re.compile(r"[a-z0-9£%]+")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def ask_matches(gold: str, predicted: str) -> bool:
    """The predicted ask covers most of the gold ask's words and is not mostly other text."""
    g, p = _words(gold), _words(predicted)
    if not g or not p:
        return False
    shared = len(g & p)
    return shared / len(g) >= 0.7 and shared / len(p) >= 0.5


def score(examples: Sequence[LabelledPassage], predicted: Sequence[PassageLabels]) -> Report:
    report = Report(
        themes={n: Score() for n in THEMES},
        barriers={b: Score() for b in barrier_ids()},
        passages=len(examples),
    )
    for example, labels in zip(examples, predicted, strict=True):
        gold = example.labels
        for n in THEMES:
            _count(report.themes[n], n in gold.themes, n in labels.themes)
        gold_b = {b.category: b.ask for b in gold.barriers}
        pred_b = {b.category: b.ask for b in labels.barriers}
        for category in report.barriers:
            _count(report.barriers[category], category in gold_b, category in pred_b)
        for category in gold_b.keys() & pred_b.keys():
            g, p = gold_b[category], pred_b[category]
            if g and p and ask_matches(g, p):
                report.asks.tp += 1
            else:
                if p:
                    report.asks.fp += 1
                if g:
                    report.asks.fn += 1
        if gold.themes == labels.themes and gold_b.keys() == pred_b.keys():
            report.exact += 1
    return report


def _count(s: Score, gold: bool, predicted: bool) -> None:
    if gold and predicted:
        s.tp += 1
    elif predicted:
        s.fp += 1
    elif gold:
        s.fn += 1


Classifier = Callable[[list[PassageInput]], list[PassageLabels]]


def evaluate(classify: Classifier, examples: Sequence[LabelledPassage]) -> Report:
    return score(examples, classify([e.passage for e in examples]))
