"""A linear classifier trained on the project's own labelled passages.

Themes: TF-IDF over word 1-2-grams of the text (character 3-5-grams optional, measured and left
off), plus the words of the heading as separate features, feeding one logistic regression per
theme. Barriers: TF-IDF over the words of the text alone, one strongly regularised logistic
regression per category, trained on the examples plus each category's label and description from
the taxonomy (with about five examples a category, richer features only add noise: bench/README.md
has the cross-validation figures). It is trained from `data/training/*.txt` the first time it is
needed (about 0.15 CPU seconds), so no model file is committed and the model always matches the
examples it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .corpus import LabelledPassage, load_dir
from .rules import THEMES, clean, clean_council
from .taxonomy import barrier_ids, barrier_taxonomy
from .types import PassageInput

if TYPE_CHECKING:  # scikit-learn, SciPy and NumPy are imported when the model is first built, so
    # importing analysis.classify (e.g. when Django loads URLs) costs nothing.
    import numpy as np
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

TRAINING_DIR = Path(__file__).resolve().parent / "data" / "training"

# Regularisation strength, chosen by cross-validation on the training examples (bench/README.md),
# never on the evaluation set. The decision thresholds are in methods.py.
C_THEMES = 4.0
C_BARRIERS = 1.0
# Character 3-5-grams for the theme model: measured, they add about 0.01 to the themes' macro F1 in
# cross-validation and cost several times the training and classification time, so they are off.
CHAR_NGRAMS = False


_DIGITS = re.compile(r"\d+")
# A training example whose style says this trains the theme model only.
THEMES_ONLY = "themes only"
# What a word is to the model: in a passage, hyphens and apostrophes stay inside words; in a heading, not.
WORD_REGEX = r"(?u)\b\w[\w'-]*\b"
HEADING_WORD_REGEX = r"(?u)\b\w+\b"


def _text(passage: PassageInput) -> str:
    return clean_council(passage.text)


def _heading(passage: PassageInput) -> str:
    return clean(passage.heading or "").lower()


@dataclass
class LinearModel:
    words: TfidfVectorizer
    chars: TfidfVectorizer | None
    headings: TfidfVectorizer
    barrier_words: TfidfVectorizer
    themes: dict[int, LogisticRegression | None]
    barriers: dict[str, LogisticRegression | None]

    def __post_init__(self):
        # Every label's weights side by side, so a batch of passages is scored with one sparse matrix product
        # per family instead of one scikit-learn call (and its input checks) per label: the same numbers.
        self._theme_weights = _stacked(self.themes, self.words, self.headings, self.chars)
        self._barrier_weights = _stacked(self.barriers, self.barrier_words)
        self._analyser = self.words.build_analyzer()

    def predict_proba(
        self, passages: list[PassageInput], *, without_heading: list[int] = ()
    ) -> tuple[dict[int, np.ndarray], dict[str, np.ndarray], dict[int, np.ndarray]]:
        """Probability of each theme and barrier per passage, and of each theme for the passages listed in
        `without_heading` read as if they had no heading. A passage with no word the model knows (empty,
        numbers only, another language) gets 0 rather than the models' prior."""
        import numpy as np
        from scipy import sparse

        texts = [_text(p) for p in passages]
        # A word (or pair) of the model's vocabulary in the text without its numbers: what a nonzero row of
        # `words.transform` of that text means, without building the matrix.
        analyse, vocabulary = self._analyser, self.words.vocabulary_
        known = np.array([any(f in vocabulary for f in analyse(_DIGITS.sub(" ", t))) for t in texts])[:, None]
        words = self.words.transform(texts)
        heads = self.headings.transform([_heading(p) for p in passages])
        chars = [self.chars.transform(texts)] if self.chars is not None else []
        themes = _probabilities(sparse.hstack([words, heads, *chars]).tocsr(), self._theme_weights) * known
        barriers = _probabilities(self.barrier_words.transform(texts), self._barrier_weights) * known
        alone = {}
        if len(without_heading):
            rows = list(without_heading)
            no_heads = sparse.csr_matrix((len(rows), heads.shape[1]))
            chars_alone = [chars[0][rows]] if chars else []
            x = sparse.hstack([words[rows], no_heads, *chars_alone]).tocsr()
            alone = dict(zip(self.themes, (_probabilities(x, self._theme_weights) * known[rows]).T, strict=True))
        return (
            dict(zip(self.themes, themes.T, strict=True)),
            dict(zip(self.barriers, barriers.T, strict=True)),
            alone,
        )


def _stacked(models: dict, *vectorizers) -> tuple[np.ndarray, np.ndarray]:
    """(weights: features x labels, intercepts) of binary logistic regressions; a label never seen in
    training (no model) gets no weights and an intercept that makes its probability 0."""
    import numpy as np

    width = sum(len(v.vocabulary_) for v in vectorizers if v is not None)
    weights = np.zeros((width, len(models)))
    intercepts = np.full(len(models), -np.inf)
    for column, model in enumerate(models.values()):
        if model is not None:
            weights[:, column] = model.coef_[0]
            intercepts[column] = model.intercept_[0]
    return weights, intercepts


def _probabilities(x: sparse.csr_matrix, stacked: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """What LogisticRegression.predict_proba(x)[:, 1] gives for each label: the logistic of x·w + b."""
    from scipy.special import expit

    weights, intercepts = stacked
    return expit(x @ weights + intercepts)


def _fit_one(x: sparse.csr_matrix, y: np.ndarray, c: float) -> LogisticRegression | None:
    from sklearn.linear_model import LogisticRegression

    if y.sum() == 0 or y.sum() == len(y):
        return None
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000, solver="liblinear", random_state=0)
    return model.fit(x, y)


def fit(examples: list[LabelledPassage], *, char_ngrams: bool = CHAR_NGRAMS) -> LinearModel:
    import numpy as np
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer

    passages = [e.passage for e in examples]
    texts = [_text(p) for p in passages]
    heads = [_heading(p) for p in passages]
    words = TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True, token_pattern=WORD_REGEX)
    headings = TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True, token_pattern=HEADING_WORD_REGEX)
    parts = [words.fit_transform(texts), headings.fit_transform(heads)]
    chars = None
    if char_ngrams:
        chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True, max_features=5000)
        parts.append(chars.fit_transform(texts))
    x = sparse.hstack(parts).tocsr()
    themes = {n: _fit_one(x, np.array([n in e.labels.themes for e in examples], dtype=int), C_THEMES) for n in THEMES}
    categories = [row[0] for row in barrier_taxonomy()]
    descriptions = [f"{label}. {description}".lower() for _, label, description in barrier_taxonomy()]
    # Examples marked "themes only" (background that names no barrier, written to calibrate the theme model)
    # stay out of the barrier models.
    kept = [i for i, e in enumerate(examples) if THEMES_ONLY not in e.style]
    barrier_words = TfidfVectorizer(ngram_range=(1, 1), sublinear_tf=True)
    xb = barrier_words.fit_transform([texts[i] for i in kept] + descriptions)
    barriers = {}
    for category in categories:
        y = [any(b.category == category for b in examples[i].labels.barriers) for i in kept]
        y += [c == category for c in categories]
        barriers[category] = _fit_one(xb, np.array(y, dtype=int), C_BARRIERS)
    return LinearModel(words, chars, headings, barrier_words, themes, barriers)


def training_examples() -> list[LabelledPassage]:
    return load_dir(TRAINING_DIR, known_barriers=set(barrier_ids()))


@cache
def trained_model() -> LinearModel:
    """The model trained on the committed examples, built once per process."""
    return fit(training_examples())
