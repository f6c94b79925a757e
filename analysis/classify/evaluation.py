"""What the method is measured against, kept apart from what it learns from; and the figures measured.

- `nearly_repeats`: whether a passage repeats, or nearly repeats, a passage of the evaluation sets (the
  passage evaluation set in bench/eval/*.txt and every labelled passage of the evaluation documents in
  bench/eval/documents/, both splits). No such passage may become a training example: the unit tests check
  the committed examples, and the export of analysts' reviewed passages leaves them out.
- `recorded_figures`: the evaluation figures that justified the method, written by the benches
  (bench/bench_classifier.py and bench/bench_documents.py with `--record`) to `measured.json` beside this
  module, keyed by METHOD_VERSION. The file is not part of METHOD_VERSION's hash (only `*.py` and `data/`
  are), so recording figures does not change the version they describe.
"""

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .corpus import load_dir
from .taxonomy import barrier_ids

ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = ROOT / "bench" / "eval"
EVAL_DOCUMENTS_DIR = EVAL_DIR / "documents" / "files"
MEASURED_PATH = Path(__file__).resolve().parent / "measured.json"

# Two passages whose sets of words overlap this much (Jaccard) are near repeats.
NEAR_REPEAT = 0.6
_WORD = re.compile(r"[a-z0-9£%]+")


def words(text: str) -> str:
    """The passage's words, lower case, one space apart: what near repeats are judged on."""
    return " ".join(_WORD.findall(text.lower()))


class RepeatCheck:
    """Tells whether a text repeats or nearly repeats one of `texts`."""

    def __init__(self, texts: Iterable[str], threshold: float = NEAR_REPEAT):
        self.threshold = threshold
        self.exact = {words(t) for t in texts}
        self.sets = [frozenset(t.split()) for t in self.exact if t]
        self.index: dict[str, list[int]] = {}
        for i, word_set in enumerate(self.sets):
            for word in word_set:
                self.index.setdefault(word, []).append(i)

    def closest(self, text: str) -> float:
        """The highest word overlap (Jaccard, 0 to 1) between `text` and any of the texts."""
        normalised = words(text)
        if normalised in self.exact:
            return 1.0
        mine = set(normalised.split())
        if not mine:
            return 0.0
        shared: dict[int, int] = {}
        for word in mine:
            for i in self.index.get(word, ()):
                shared[i] = shared.get(i, 0) + 1
        return max((n / len(mine | self.sets[i]) for i, n in shared.items()), default=0.0)

    def nearly_repeats(self, text: str) -> bool:
        return self.closest(text) >= self.threshold


def evaluation_texts() -> list[str]:
    """Every evaluation passage's text: bench/eval/*.txt and the labelled passages of the evaluation documents."""
    texts = [e.passage.text for e in load_dir(EVAL_DIR, known_barriers=set(barrier_ids()))] if EVAL_DIR.is_dir() else []
    for path in sorted(EVAL_DOCUMENTS_DIR.glob("*.labels.json")) if EVAL_DOCUMENTS_DIR.is_dir() else []:
        labels = json.loads(path.read_text(encoding="utf-8"))
        texts += [p["text"] for p in labels.get("passages", []) if p.get("text")]
    return texts


@cache
def evaluation_check() -> RepeatCheck:
    return RepeatCheck(evaluation_texts())


def nearly_repeats(text: str) -> bool:
    """The text repeats or nearly repeats an evaluation passage, so it may never be a training example."""
    return evaluation_check().nearly_repeats(text)


# --- the figures that justified the method ------------------------------------------------------


@dataclass(frozen=True)
class MeasuredSet:
    """One evaluation's figures: `rows` are (figure, value) in the order the page shows them."""

    key: str
    title: str
    measured_on: str
    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class RecordedFigures:
    method_version: str
    sets: tuple[MeasuredSet, ...] = field(default_factory=tuple)

    def is_for(self, method_version: str) -> bool:
        """The figures describe this method version (a run's version may add the figure rules' after a '+')."""
        return method_version.split("+", 1)[0] == self.method_version


def read_measured(path: Path | None = None) -> dict:
    path = path or MEASURED_PATH
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


def record_measured(*, method_version: str, key: str, title: str, measured_on: str, rows, path: Path | None = None):
    """Write one evaluation's figures for `method_version`. Figures kept for another version are dropped: the
    file only ever describes one method version."""
    data = read_measured(path)
    if data.get("method_version") != method_version:
        data = {"method_version": method_version, "sets": {}}
    data["sets"][key] = {"title": title, "measured_on": measured_on, "rows": [[str(a), str(b)] for a, b in rows]}
    data["sets"] = dict(sorted(data["sets"].items()))
    (path or MEASURED_PATH).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def recorded_figures(path: Path | None = None) -> RecordedFigures | None:
    """The figures in `measured.json`, or None when none have been recorded."""
    data = read_measured(path)
    if not data.get("method_version"):
        return None
    sets = tuple(
        MeasuredSet(
            key=key,
            title=value.get("title", key),
            measured_on=value.get("measured_on", ""),
            rows=tuple((str(a), str(b)) for a, b in value.get("rows", [])),
        )
        for key, value in data.get("sets", {}).items()
    )
    return RecordedFigures(method_version=data["method_version"], sets=sets)


@dataclass(frozen=True)
class FiguresOnPage:
    """What the runs pages show: the recorded figures, whether they describe the method in use now, and
    (on a run's page) whether they describe the method that run used."""

    method_version: str
    sets: tuple[MeasuredSet, ...]
    is_current: bool
    for_run: bool


def figures_for_page(*, method_now: str, run_version: str | None = None, path: Path | None = None):
    figures = recorded_figures(path)
    if figures is None:
        return None
    return FiguresOnPage(
        method_version=figures.method_version,
        sets=figures.sets,
        is_current=figures.is_for(method_now),
        for_run=figures.is_for(run_version) if run_version else True,
    )
