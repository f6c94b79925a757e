"""The linear model classifies with NumPy alone and is kept in a cache named after its method version.

What the department relies on: the labels of every passage are those of the model scikit-learn trained (the
numbers are scikit-learn's own), a cached model is read back exactly, and a cache made by other code, other
libraries or a broken write is never used, so the model can never drift from its examples.
"""

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from analysis.classify import METHOD_VERSION, PassageInput, linear

ROOT = Path(__file__).resolve().parents[2]

TEXTS = [
    "We ask the government to end competitive bidding for small pots of funding.",
    "Agency staff spend fell to 0.4% of the pay budget; agency staff spend fell again.",
    "Our new data platform joins up housing and council tax records.",
    "A",  # a word shorter than the character n-grams
    "2024 2025",  # numbers only
    "",
    "Re-procurement of the council's fleet saved £1.2m — the fleet's fuel costs fell by a third.",
]


@pytest.fixture(scope="module")
def model():
    return linear.trained_model()


@pytest.mark.parametrize(
    "options",
    [
        {"ngram_range": (1, 2), "token_pattern": linear.WORD_REGEX},
        {"ngram_range": (1, 2), "token_pattern": linear.HEADING_WORD_REGEX},
        {"ngram_range": (1, 1)},
        {"analyzer": "char_wb", "ngram_range": (3, 5)},
    ],
    ids=["passage words", "heading words", "barrier words", "characters"],
)
def test_the_features_and_weights_of_a_text_are_scikit_learns(options):
    fitted = TfidfVectorizer(sublinear_tf=True, **options).fit(TEXTS[:3] + TEXTS[6:])
    expected = fitted.transform(TEXTS).toarray()
    found = linear.Vectorizer.of(fitted).rows(TEXTS)
    got = np.zeros_like(expected)
    got[found.rows, found.columns] = found.values
    assert np.array_equal(got, expected)


def test_the_probabilities_are_those_of_scikit_learns_logistic_regression():
    fitted = TfidfVectorizer(sublinear_tf=True).fit(TEXTS)
    x = fitted.transform(TEXTS)
    regression = LogisticRegression(solver="liblinear").fit(x, [1, 0, 0, 0, 1, 0, 1])
    labels = linear._labels({"a": regression, "never seen": None}, len(fitted.vocabulary_))
    probabilities = labels.probabilities(linear.Vectorizer.of(fitted).rows(TEXTS).scores(labels.weights))
    assert np.allclose(probabilities[:, 0], regression.predict_proba(x)[:, 1], rtol=0, atol=1e-15)
    assert (probabilities[:, 1] == 0).all()  # a label with no training example is never given


def test_a_saved_model_reads_back_exactly(tmp_path, model):
    passages = [PassageInput(text=t, heading="Barriers" if i % 2 else None) for i, t in enumerate(TEXTS)]
    path = tmp_path / "model.npz"
    assert linear.save_model(model, path)
    assert not list(tmp_path.glob("*.part"))  # written aside, then moved into place
    again = linear.load_model(path)
    assert again is not None
    before = model.predict_proba(passages, without_heading=[1, 3])
    after = again.predict_proba(passages, without_heading=[1, 3])
    for one, other in zip(before, after, strict=True):
        assert one.keys() == other.keys()
        assert all(np.array_equal(one[label], other[label]) for label in one)


def test_a_model_with_character_ngrams_is_saved_too(tmp_path):
    examples = linear.training_examples()
    with_chars = linear.fit(examples[:60], char_ngrams=True)
    path = tmp_path / "chars.npz"
    assert linear.save_model(with_chars, path)
    passages = [PassageInput(text=t, heading=None) for t in TEXTS]
    assert np.array_equal(
        with_chars.predict_proba(passages)[0][1], linear.load_model(path).predict_proba(passages)[0][1]
    )


def test_the_cache_is_named_after_the_method_version_and_the_libraries():
    name = linear.cache_path().name
    assert name.startswith(f"{METHOD_VERSION}-sklearn")
    assert "-numpy" in name


@pytest.mark.parametrize(
    "content", [b"", b"not a zip file", b"PK\x03\x04 half a zip"], ids=["empty", "not numpy", "cut short"]
)
def test_a_broken_cache_file_is_not_used(tmp_path, content):
    path = tmp_path / "model.npz"
    path.write_bytes(content)
    assert linear.load_model(path) is None


def test_a_cache_missing_an_array_is_not_used(tmp_path, model):
    path = tmp_path / "model.npz"
    linear.save_model(model, path)
    with np.load(path) as saved:
        arrays = {name: saved[name] for name in saved.files if name != "themes.weights"}
    np.savez(path, **arrays)
    assert linear.load_model(path) is None


def test_no_cache_file_means_no_model(tmp_path):
    assert linear.load_model(tmp_path / "none.npz") is None


def test_a_process_that_may_not_write_files_does_not_try(tmp_path, model, monkeypatch):
    monkeypatch.setattr(linear.resource, "getrlimit", lambda limit: (0, 0))
    assert not linear.save_model(model, tmp_path / "model.npz")
    assert not list(tmp_path.iterdir())


def test_a_folder_that_cannot_be_written_is_left_alone(tmp_path, model):
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    assert not linear.save_model(model, blocked / "model.npz")


def test_with_the_cache_classifying_imports_neither_scikit_learn_nor_scipy(model):
    """Why the cache exists: a bulk import's readers start without importing scikit-learn and SciPy (about a
    second each time)."""
    assert linear.cache_path().is_file()  # the module's model was kept by the fixture
    script = (
        "import sys; from analysis.classify import PassageInput, classify_passages;"
        "classify_passages([PassageInput(text='Agency staff costs rose.', heading=None)]);"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'sklearn', 'scipy'}))"
    )
    found = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"


def test_a_write_that_fails_half_way_leaves_nothing(tmp_path, model, monkeypatch):
    def full_disk(file, **arrays):
        file.write(b"PK")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(np, "savez", full_disk)
    assert not linear.save_model(model, tmp_path / "model.npz")
    assert not list(tmp_path.iterdir())
