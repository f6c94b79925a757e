"""Passage classifier: which themes of the return a passage speaks to, which barriers it names,
and the ask of government for each barrier.

Pure Python, no database. `classify_passages` is deterministic and works on a batch.
`METHOD_VERSION` changes whenever the rules, the training examples or the method change, so
stored results can say which classifier produced them. The method was chosen by measurement:
see docs/decisions/0011-passage-classifier-method.md and bench/bench_classifier.py.
"""

import hashlib
from pathlib import Path

from .linear import trained_model
from .methods import classify_combined
from .remit import NOT_PROVIDED, within_remit
from .types import BarrierLabel, PassageInput, PassageLabels
from .voice import council_text, quoted_spans

__all__ = [
    "METHOD",
    "METHOD_VERSION",
    "NOT_PROVIDED",
    "BarrierLabel",
    "PassageInput",
    "PassageLabels",
    "classify_passages",
    "council_text",
    "prepare",
    "quoted_spans",
    "within_remit",
]

METHOD = "combined"
_PACKAGE = Path(__file__).resolve().parent


def _method_version(package: Path = _PACKAGE) -> str:
    """The method's name and a hash of its code, rules, training examples and taxonomy."""
    digest = hashlib.sha256(METHOD.encode())
    files = sorted(package.glob("*.py")) + sorted(p for p in (package / "data").rglob("*") if p.is_file())
    files.append(package.parents[1] / "plans" / "data" / "barrier_taxonomy.csv")
    for path in files:
        digest.update(path.relative_to(package.parents[1]).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{METHOD}-{digest.hexdigest()[:12]}"


METHOD_VERSION: str = _method_version()


def classify_passages(passages: list[PassageInput], *, authority_type: str | None = None) -> list[PassageLabels]:
    """Labels for each passage, in the same order. The same input always gives the same output.

    With the council's `authority_type`, barriers in services that type of council does not provide
    count only on stronger evidence (remit.py); callers that classify first and learn the council later
    apply `within_remit` themselves."""
    passages = list(passages)
    labels = classify_combined(passages)
    return within_remit(passages, labels, authority_type=authority_type) if authority_type else labels


def prepare() -> None:
    """Build the model now rather than on the first call: read from the model cache, or, the first time for this
    method version, trained (about 1.5 CPU seconds, most of it importing scikit-learn) and kept there
    (linear.py). A worker may call this at start. Calling it again does nothing."""
    trained_model()
