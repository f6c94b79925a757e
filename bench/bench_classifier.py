"""How well, and how fast, each passage-classification method labels the held-out evaluation set.

Run from the project root: `.venv/bin/python bench/bench_classifier.py`. No Django, no database,
no network. It loads the evaluation passages from bench/eval/*.txt (never used in training), runs
each method — rules only, the linear model only, the two combined (the method
analysis.classify uses), and the same combined with character n-grams added to the theme model —
and prints side by side:

- per-theme and per-barrier precision, recall and F1, and their macro averages;
- how often the ask of government found for a correctly found barrier matches the labelled ask;
- passages per CPU second (best of a few repeats over the whole set, after a warm-up), and the CPU
  time to train the linear model from the committed examples.

`--cv` also prints five-fold cross-validation on the training examples: the figures used to choose
the model's settings and thresholds, so that the evaluation set is only ever measured, never tuned on.
`--json PATH` writes every figure to a file (bench_classifier_embeddings.py reads it to compare).
"""

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.classify import METHOD, METHOD_VERSION, linear  # noqa: E402
from analysis.classify.corpus import load_dir  # noqa: E402
from analysis.classify.evaluate import Report, score  # noqa: E402
from analysis.classify.methods import METHODS, classify_combined  # noqa: E402
from analysis.classify.taxonomy import barrier_ids  # noqa: E402

EVAL_DIR = ROOT / "bench" / "eval"


def eval_set():
    return load_dir(EVAL_DIR, known_barriers=set(barrier_ids()))


def speed(classify, passages, *, repeats: int = 3, minimum: int = 2000) -> float:
    """Passages per CPU second of this process: the best of `repeats` runs over at least `minimum`
    passages. CPU time rather than wall time, so other work on the machine does not distort it."""
    batch = list(passages) * max(1, -(-minimum // len(passages)))
    classify(batch[:50])
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        classify(batch)
        best = min(best, time.process_time() - start)
    return len(batch) / best


def report_dict(report: Report, rate: float | None) -> dict:
    return {
        "themes": {str(n): _s(s) for n, s in report.themes.items()},
        "barriers": {b: _s(s) for b, s in report.barriers.items()},
        "theme_macro": {
            "precision": report.theme_macro_precision,
            "recall": report.theme_macro_recall,
            "f1": report.theme_macro_f1,
        },
        "barrier_macro": {
            "precision": report.barrier_macro_precision,
            "recall": report.barrier_macro_recall,
            "f1": report.barrier_macro_f1,
        },
        "asks": _s(report.asks),
        "exact": report.exact,
        "passages": report.passages,
        "passages_per_second": rate,
    }


def _s(s) -> dict:
    return {"precision": s.precision, "recall": s.recall, "f1": s.f1, "support": s.support, "fp": s.fp}


def print_table(results: dict[str, dict]) -> None:
    names = list(results)
    head = f"{'label':<38}" + "".join(f"{n + ' P/R/F1':>22}" for n in names)
    print(head)
    print("-" * len(head))

    def row(label: str, get) -> None:
        cells = []
        for n in names:
            s = get(results[n])
            cells.append(f"{s['precision']:.2f} {s['recall']:.2f} {s['f1']:.2f}".rjust(22))
        print(f"{label:<38}" + "".join(cells))

    first = results[names[0]]
    for n in first["themes"]:
        row(f"theme {n} (n={first['themes'][n]['support']})", lambda r, n=n: r["themes"][n])
    row("themes, macro", lambda r: r["theme_macro"])
    print()
    for b in first["barriers"]:
        if first["barriers"][b]["support"]:
            row(f"{b} (n={first['barriers'][b]['support']})", lambda r, b=b: r["barriers"][b])
    unseen = [b for b in first["barriers"] if not first["barriers"][b]["support"]]
    if unseen:
        print(f"(no evaluation passage names: {', '.join(unseen)})")
    row("barriers, macro", lambda r: r["barrier_macro"])
    print()
    row(f"asks (n={first['asks']['support']})", lambda r: r["asks"])
    exact = (f"{r['exact']}/{r['passages']}".rjust(22) for r in results.values())
    print(f"{'exact match, passages':<38}" + "".join(exact))
    rates = (f"{r['passages_per_second'] or 0:,.0f}".rjust(22) for r in results.values())
    print(f"{'passages per CPU second':<38}" + "".join(rates))


def cross_validation(folds: int = 5) -> dict[str, dict]:
    examples = linear.training_examples()
    order = list(range(len(examples)))
    random.Random(7).shuffle(order)
    parts = [order[i::folds] for i in range(folds)]
    names = [*METHODS, "combined+chars"]
    predictions = {name: [None] * len(examples) for name in names}
    for part in parts:
        held = set(part)
        train = [examples[i] for i in order if i not in held]
        model, with_chars = linear.fit(train), linear.fit(train, char_ngrams=True)
        passages = [examples[i].passage for i in part]
        runs = {name: method(passages, model=model) for name, method in METHODS.items()}
        runs["combined+chars"] = classify_combined(passages, model=with_chars)
        for name, labels_list in runs.items():
            for i, labels in zip(part, labels_list, strict=True):
                predictions[name][i] = labels
    return {name: report_dict(score(examples, preds), None) for name, preds in predictions.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="also cross-validate on the training examples")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument(
        "--record",
        action="store_true",
        help="record the method in use's figures for the runs page (analysis/classify/measured.json)",
    )
    args = parser.parse_args()

    examples = eval_set()
    start = time.process_time()
    import sklearn.feature_extraction.text  # noqa: F401 - imported on first use; timed apart from training
    import sklearn.linear_model  # noqa: F401

    import_seconds = time.process_time() - start
    start = time.process_time()
    linear.fit(linear.training_examples())
    train_seconds = time.process_time() - start
    linear.trained_model()  # kept in the model cache, if no run has yet
    start = time.process_time()
    linear.load_model(linear.cache_path())
    load_seconds = time.process_time() - start
    training = linear.training_examples()
    print(f"classifier in use: {METHOD} ({METHOD_VERSION})")
    print(f"evaluation set: {len(examples)} passages in {EVAL_DIR.relative_to(ROOT)}; training set: {len(training)}")
    print(
        f"first use: scikit-learn imported in {import_seconds:.2f} CPU s, then the linear model trained"
        f" from the committed examples in {train_seconds:.2f} CPU s; read from the model cache in"
        f" {load_seconds:.3f} CPU s\n"
    )

    passages = [e.passage for e in examples]
    with_chars = linear.fit(training, char_ngrams=True)
    methods = dict(METHODS)
    methods["combined+chars"] = lambda batch: classify_combined(batch, model=with_chars)
    results = {}
    for name, method in methods.items():
        report = score(examples, method(passages))
        results[name] = report_dict(report, speed(method, passages))
    print_table(results)
    out = {
        "method_in_use": METHOD,
        "method_version": METHOD_VERSION,
        "import_seconds": import_seconds,
        "train_seconds": train_seconds,
        "eval": results,
    }

    if args.cv:
        print(f"\nfive-fold cross-validation on the {len(training)} training examples (used to choose settings)\n")
        cv = cross_validation()
        for name, r in cv.items():
            print(
                f"{name:<10} themes macro F1 {r['theme_macro']['f1']:.3f}"
                f"   barriers macro F1 {r['barrier_macro']['f1']:.3f}   asks F1 {r['asks']['f1']:.3f}"
            )
        out["cross_validation"] = cv
    if args.json:
        args.json.write_text(json.dumps(out, indent=2), encoding="utf-8")
    if args.record:
        record(results[METHOD], len(examples))


def record(r: dict, passages: int) -> None:
    """The method in use's figures on the evaluation set, for the runs page, keyed by METHOD_VERSION."""
    import datetime

    from analysis.classify.evaluation import record_measured

    def prf(s: dict) -> str:
        return f"{s['precision']:.2f} / {s['recall']:.2f} / {s['f1']:.2f}"

    rows = [("Themes, macro precision / recall / F1", prf(r["theme_macro"]))]
    rows += [(f"Theme {n} precision / recall / F1", prf(s)) for n, s in r["themes"].items()]
    rows += [
        ("Barriers, macro precision / recall / F1", prf(r["barrier_macro"])),
        ("Asks of government, precision / recall / F1", prf(r["asks"])),
        ("Passages with every label right", f"{r['exact']} of {r['passages']}"),
        ("Passages per CPU second", f"{r['passages_per_second']:,.0f}"),
    ]
    record_measured(
        method_version=METHOD_VERSION,
        key="1-passages",
        title=f"Passage evaluation set (bench/eval, {passages} passages, bench/bench_classifier.py)",
        measured_on=datetime.date.today().isoformat(),
        rows=rows,
    )


if __name__ == "__main__":
    main()
