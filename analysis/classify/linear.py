"""A linear classifier trained on the project's own labelled passages.

Themes: TF-IDF over word 1-2-grams of the text (character 3-5-grams optional, measured and left
off), plus the words of the heading as separate features, feeding one logistic regression per
theme. Barriers: TF-IDF over the words of the text alone, one strongly regularised logistic
regression per category, trained on the examples plus each category's label and description from
the taxonomy (with about five examples a category, richer features only add noise: bench/README.md
has the cross-validation figures). It is trained from `data/training/*.txt` with scikit-learn the first time
it is needed, so no model file is committed and the model always matches the examples it came from.

Classifying needs NumPy alone (`Vectorizer`, `Rows`, `Labels`: the same numbers scikit-learn gives). Training
takes about 1.5 CPU seconds, most of it importing scikit-learn and SciPy, so the trained arrays are kept in
`.local/classifier/`, in a file named after the method version (a hash of this package's code and data) and
the versions of scikit-learn and NumPy that trained it: a process that finds the file for exactly its own code
and libraries reads it (a few milliseconds) instead of training, and a changed example, rule or library means
another file name, so the model can never drift from its examples. Only a process allowed to write files writes
it (not the limited readers of analysis/reading/sandbox.py, which start_readers gives a model trained first).
"""

from __future__ import annotations

import os
import re
import resource
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .corpus import LabelledPassage, load_dir
from .rules import THEMES, clean, clean_council
from .taxonomy import barrier_ids, barrier_taxonomy
from .types import PassageInput

if TYPE_CHECKING:  # scikit-learn and SciPy are imported only to train (decision 0011's amendment of 7 December
    # 2026): classifying needs NumPy alone, and importing analysis.classify (e.g. when Django loads URLs) costs nothing.
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
_WHITE_SPACE = re.compile(r"\s\s+")
# A training example whose style says this trains the theme model only.
THEMES_ONLY = "themes only"
# What a word is to the model: in a passage, hyphens and apostrophes stay inside words; in a heading, not.
WORD_REGEX = r"(?u)\b\w[\w'-]*\b"
HEADING_WORD_REGEX = r"(?u)\b\w+\b"


def _text(passage: PassageInput) -> str:
    return clean_council(passage.text)


def _heading(passage: PassageInput) -> str:
    return clean(passage.heading or "").lower()


@dataclass(frozen=True)
class Vectorizer:
    """What a fitted scikit-learn TfidfVectorizer (lower case, no accents stripped, no stop words, `sublinear_tf`,
    l2 norm) makes of texts, worked out with NumPy alone: the features of each text (its words and runs of
    words, or characters within words), 1 + log of each feature's count, times the feature's idf, each row
    scaled to length 1. The same features and the same arithmetic in the same order, so the same numbers."""

    analyzer: str  # "word" or "char_wb"
    token_pattern: str
    ngram_range: tuple[int, int]
    columns: dict[str, int]
    idf: np.ndarray

    @classmethod
    def of(cls, fitted: TfidfVectorizer) -> Vectorizer:
        names = fitted.get_feature_names_out()
        return cls(
            fitted.analyzer,
            fitted.token_pattern,
            tuple(fitted.ngram_range),
            {str(name): column for column, name in enumerate(names)},
            fitted.idf_.copy(),
        )

    @cached_property
    def _tokens(self) -> re.Pattern:
        return re.compile(self.token_pattern)

    def features(self, text: str) -> list[str]:
        """Every feature of `text`, each as often as it occurs (scikit-learn's `build_analyzer()`)."""
        low, high = self.ngram_range
        text = text.lower()
        if self.analyzer == "char_wb":
            found: list[str] = []
            for word in _WHITE_SPACE.sub(" ", text).split():
                word = f" {word} "
                for n in range(low, high + 1):
                    found.extend(word[start : start + n] for start in range(max(1, len(word) - n + 1)))
                    if len(word) <= n:  # a word shorter than n counts once, whole
                        break
            return found
        tokens = self._tokens.findall(text)
        found = tokens if low == 1 else []
        for n in range(max(low, 2), min(high, len(tokens)) + 1):
            # Runs of n words: the i-th of each of n copies of the tokens, each copy starting one word later.
            found.extend(map(" ".join, zip(*(tokens[start:] for start in range(n)), strict=False)))
        return found

    def knows_a_word(self, text: str) -> bool:
        """Whether any feature of `text` is in the vocabulary; the single words are looked at first, since nearly
        every passage has one the model knows."""
        known = self.columns.keys()
        if self.analyzer == "word" and self.ngram_range[0] == 1:
            if not known.isdisjoint(self._tokens.findall(text.lower())):
                return True
        return not known.isdisjoint(self.features(text))

    def rows(self, texts: list[str]) -> Rows:
        """The texts' nonzero features, row by row, each row's columns in ascending order (scikit-learn's
        `transform`, as the entries of its sparse matrix). The features of all the texts are looked up in one go
        and counted with NumPy: a Python loop over each of them would cost as much as the rest of classifying."""
        import numpy as np

        features = [self.features(text) for text in texts]
        everything = [feature for found in features for feature in found]
        columns = np.fromiter(map(self.columns.get, everything, repeat(-1)), dtype=np.intp, count=len(everything))
        rows = np.repeat(np.arange(len(texts), dtype=np.intp), [len(found) for found in features])
        known = columns >= 0
        # Each (row, column) once, in row then column order, with how often it occurs.
        keys, counts = np.unique(rows[known] * len(self.columns) + columns[known], return_counts=True)
        rows, columns = np.divmod(keys, len(self.columns))
        values = np.log(counts.astype(np.float64)) + 1.0
        values *= self.idf[columns]
        lengths = np.zeros(len(texts))
        np.add.at(lengths, rows, values * values)  # one row's squares added in column order, as scikit-learn does
        values /= np.sqrt(lengths)[rows]
        return Rows(len(texts), rows, columns, values)


@dataclass(frozen=True)
class Rows:
    """Sparse rows: entry k is (rows[k], columns[k]) = values[k]."""

    count: int
    rows: np.ndarray
    columns: np.ndarray
    values: np.ndarray

    def scores(self, weights: np.ndarray, *, offset: int = 0, into: np.ndarray | None = None) -> np.ndarray:
        """Each row times `weights` (features x labels), its columns shifted by `offset`, added to `into`: entry
        by entry in order, as SciPy multiplies a sparse matrix by a dense one."""
        import numpy as np

        out = np.zeros((self.count, weights.shape[1])) if into is None else into
        np.add.at(out, self.rows, self.values[:, None] * weights[self.columns + offset])
        return out

    def take(self, rows: list[int]) -> Rows:
        """The given rows, in that order and numbered from 0 in it (a row may be taken more than once)."""
        import numpy as np

        starts = np.searchsorted(self.rows, np.arange(self.count + 1))  # the entries are in row order
        picked = [np.arange(starts[row], starts[row + 1]) for row in rows]
        entries = np.concatenate(picked) if picked else np.zeros(0, dtype=np.intp)
        renumbered = np.repeat(np.arange(len(rows), dtype=np.intp), [len(found) for found in picked])
        return Rows(len(rows), renumbered, self.columns[entries], self.values[entries])


@dataclass(frozen=True)
class Labels:
    """Binary logistic regressions side by side: weights (features x labels) and intercepts; a label never seen in
    training has no weights and an intercept that makes its probability 0."""

    names: list
    weights: np.ndarray
    intercepts: np.ndarray

    def probabilities(self, scores: np.ndarray) -> np.ndarray:
        """The logistic of score + intercept, per passage and label (what LogisticRegression.predict_proba gives)."""
        import numpy as np

        with np.errstate(over="ignore"):  # exp(inf) for a label never seen: its probability is 0
            return 1.0 / (1.0 + np.exp(-(scores + self.intercepts)))


@dataclass(frozen=True)
class LinearModel:
    """The trained model, in NumPy arrays and plain dicts: the themes scored from the text's words and pairs
    (and characters, if trained with them) and the heading's words; the barriers from the text's words."""

    words: Vectorizer
    chars: Vectorizer | None
    headings: Vectorizer
    barrier_words: Vectorizer
    themes: Labels
    barriers: Labels

    def predict_proba(
        self, passages: list[PassageInput], *, without_heading: Sequence[int] = ()
    ) -> tuple[dict[int, np.ndarray], dict[str, np.ndarray], dict[int, np.ndarray]]:
        """Probability of each theme and barrier per passage, and of each theme for the passages listed in
        `without_heading` read as if they had no heading. A passage with no word the model knows (empty,
        numbers only, another language) gets 0 rather than the models' prior."""
        import numpy as np

        texts = [_text(p) for p in passages]
        # A word (or pair) of the model's vocabulary in the text without its numbers: what a nonzero row of the
        # words' features of that text means.
        known = np.array([self.words.knows_a_word(_DIGITS.sub(" ", t)) for t in texts])[:, None]
        words = self.words.rows(texts)
        chars = self.chars.rows(texts) if self.chars is not None else None
        heads_from = len(self.words.columns)
        chars_from = heads_from + len(self.headings.columns)

        def text_scores(words: Rows, chars: Rows | None, headings: Rows | None = None) -> np.ndarray:
            # A row's features in the order of the model's columns: the text's words, the heading's, characters.
            scores = words.scores(self.themes.weights)
            if headings is not None:
                headings.scores(self.themes.weights, offset=heads_from, into=scores)
            if chars is not None:
                chars.scores(self.themes.weights, offset=chars_from, into=scores)
            return scores

        themes = self.themes.probabilities(text_scores(words, chars, self._heading_rows(passages))) * known
        barriers = self.barriers.probabilities(self.barrier_words.rows(texts).scores(self.barriers.weights)) * known
        alone = {}
        if len(without_heading):
            rows = list(without_heading)
            scores = text_scores(words.take(rows), chars.take(rows) if chars is not None else None)
            alone = dict(zip(self.themes.names, (self.themes.probabilities(scores) * known[rows]).T, strict=True))
        return (
            dict(zip(self.themes.names, themes.T, strict=True)),
            dict(zip(self.barriers.names, barriers.T, strict=True)),
            alone,
        )

    def _heading_rows(self, passages: list[PassageInput]) -> Rows:
        """The headings' features, each different heading worked out once (the passages under one heading share
        it)."""
        headings = [_heading(p) for p in passages]
        place = {heading: row for row, heading in enumerate(dict.fromkeys(headings))}
        return self.headings.rows(list(place)).take([place[heading] for heading in headings])


def _labels(models: dict, width: int) -> Labels:
    """Labels from binary LogisticRegressions (or None for a label never seen in training)."""
    import numpy as np

    weights = np.zeros((width, len(models)))
    intercepts = np.full(len(models), -np.inf)
    for column, model in enumerate(models.values()):
        if model is not None:
            weights[:, column] = model.coef_[0]
            intercepts[column] = model.intercept_[0]
    return Labels(list(models), weights, intercepts)


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
    width = sum(len(v.vocabulary_) for v in (words, headings, chars) if v is not None)
    return LinearModel(
        Vectorizer.of(words),
        Vectorizer.of(chars) if chars is not None else None,
        Vectorizer.of(headings),
        Vectorizer.of(barrier_words),
        _labels(themes, width),
        _labels(barriers, len(barrier_words.vocabulary_)),
    )


def training_examples() -> list[LabelledPassage]:
    return load_dir(TRAINING_DIR, known_barriers=set(barrier_ids()))


CACHE_DIR = Path(__file__).resolve().parents[2] / ".local" / "classifier"
# What a saved model holds besides each vectorizer's and family's own arrays.
_VECTORIZERS = ("words", "chars", "headings", "barrier_words")
_FAMILIES = ("themes", "barriers")


def cache_path(directory: Path | None = None) -> Path:
    """Where the model trained by this code and these examples, with these scikit-learn and NumPy versions, is
    kept."""
    from importlib.metadata import version

    from . import METHOD_VERSION

    libraries = f"sklearn{version('scikit-learn')}-numpy{version('numpy')}"
    return (directory or CACHE_DIR) / f"{METHOD_VERSION}-{libraries}.npz"


def save_model(model: LinearModel, path: Path) -> bool:
    """Write the model's arrays to `path` (written aside, then moved into place, so a reader never sees half a
    file). False, writing nothing, where this process may not write files or the folder cannot be written."""
    import numpy as np

    if resource.getrlimit(resource.RLIMIT_FSIZE)[0] == 0:  # a limited reader: any write would fail
        return False
    arrays: dict[str, Any] = {}
    for name in _VECTORIZERS:
        vectorizer = getattr(model, name)
        if vectorizer is not None:
            settings = [vectorizer.analyzer, vectorizer.token_pattern, *map(str, vectorizer.ngram_range)]
            arrays[f"{name}.settings"] = np.array(settings)
            arrays[f"{name}.columns"] = np.array(list(vectorizer.columns))  # in column order
            arrays[f"{name}.idf"] = vectorizer.idf
    for name in _FAMILIES:
        labels = getattr(model, name)
        arrays[f"{name}.names"] = np.array(labels.names)
        arrays[f"{name}.weights"], arrays[f"{name}.intercepts"] = labels.weights, labels.intercepts
    part = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".part", delete=False) as file:
            part = Path(file.name)
            np.savez(file, **arrays)
        part.chmod(0o644)  # readable by the service's other processes, as the code is
        os.replace(part, path)
    except OSError:
        if part is not None:
            part.unlink(missing_ok=True)
        return False
    return True


def load_model(path: Path) -> LinearModel | None:
    """The model saved at `path`, or None when there is none or it cannot be read whole."""
    import zipfile

    import numpy as np

    if not path.is_file():
        return None
    try:
        with path.open("rb") as file, np.load(file, allow_pickle=False) as saved:
            arrays = {name: saved[name] for name in saved.files}
        chars = _saved_vectorizer(arrays, "chars") if "chars.settings" in arrays else None
        return LinearModel(
            words=_saved_vectorizer(arrays, "words"),
            chars=chars,
            headings=_saved_vectorizer(arrays, "headings"),
            barrier_words=_saved_vectorizer(arrays, "barrier_words"),
            themes=_saved_labels(arrays, "themes"),
            barriers=_saved_labels(arrays, "barriers"),
        )
    except (OSError, EOFError, ValueError, KeyError, TypeError, zipfile.BadZipFile):
        return None


def _saved_vectorizer(arrays: dict, name: str) -> Vectorizer:
    analyzer, pattern, low, high = (str(value) for value in arrays[f"{name}.settings"])
    columns = {str(feature): column for column, feature in enumerate(arrays[f"{name}.columns"].tolist())}
    return Vectorizer(analyzer, pattern, (int(low), int(high)), columns, arrays[f"{name}.idf"])


def _saved_labels(arrays: dict, name: str) -> Labels:
    return Labels(arrays[f"{name}.names"].tolist(), arrays[f"{name}.weights"], arrays[f"{name}.intercepts"])


@cache
def trained_model() -> LinearModel:
    """The model trained on the committed examples, built once per process: read from the cache when it holds
    this code's model, else trained (and saved, where this process may write)."""
    path = cache_path()
    model = load_model(path)
    if model is None:
        model = fit(training_examples())
        save_model(model, path)
    return model
