"""How well the service reads and analyses the documents the department really meets: issue 12's figures.

Run from the project root: `.venv/bin/python bench/bench_documents.py [--split heldout|train|dev]`
(held-out by default; `dev` is a split to tune on whose passages were written apart from the train
pool; `--no-speed` leaves out the timing of the 317-plan corpus). It sets up Django itself with a
throwaway SQLite file and media folder, like the other bench scripts, then:

1. turns each evaluation document of the split (bench/eval/documents/, see its README) into the file
   the department would receive (a web page or plain text as it is; a PDF printed with WeasyPrint; a
   Word file built with python-docx; in a temporary folder) and imports it with
   `analysis.services.import_document`, the path an analyst's import takes: read in the limited child
   process, stored, analysed (themes, barriers and asks, figures, guidance flags, document kind where
   the service has one);
2. matches the passages the service made to the labelled passages by their labelled substring
   (whitespace aside), so the labels do not depend on how the text was split. A labelled passage gets
   the tags of every passage it lies in (text merged with other passages shares their tags); a
   passage the service made that holds no labelled text and is not a heading (navigation, cookie
   banners, footers) should carry no tag. Quoted government text should carry none either;
3. prints, beside the issue's targets: theme macro-F1 and each theme's precision and recall; barrier
   precision and recall (micro over passages x categories); ask F1; figure kind-and-value accuracy;
   document-kind accuracy; the guidance flags on full plans; and, unless `--no-speed`, importing and
   analysing the 317 four-page plan PDFs of bench/bench_import.py against bare pypdfium2 text
   extraction of the same files, in the same run.

Where the service classifies a document as another regime's plan or unrelated, its passages' tags
count as absent (the explorer leaves such documents out).
"""

import argparse
import os
import sys
import tempfile
import time
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "bench" / "eval" / "documents"))
WORK = tempfile.mkdtemp(prefix="bench-documents-")
os.environ["DATABASE_URL"] = f"sqlite:///{WORK}/bench.sqlite3"
os.environ["MEDIA_ROOT"] = f"{WORK}/media"
os.environ["TASKS_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"
# Tasks run inline here; the explorer's warming task, which the worker runs after changes to the corpus, would
# then run after every imported document and be timed as importing. Off, as in the tests (see bench/README.md).
os.environ.setdefault("WARM_SHARED_RESULTS", "false")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

import evalset  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from analysis.classify.evaluate import Score, ask_matches  # noqa: E402

RETURN = "productivity-plan-2024"
TARGETS = {
    "theme_f1": 0.90,
    "theme_precision": 0.85,
    "barrier_precision": 0.85,
    "barrier_recall": 0.85,
    "figures": 0.90,
    "kind": 0.95,
    "flags": 1.0,
    "speed": 3.0,
}


# --- Reading and analysing each document through the service -----------------------------------


def council_for(register: dict, document: evalset.EvalDocument, used: dict):
    """A council of the register of the document's type (and region, where there is one), taking
    each in turn so that documents spread over councils."""
    kind, region = document.labels["council"]["type"], document.labels["council"]["region"]
    choices = register.get((kind, region)) or register[(kind, None)]
    used[(kind, region)] += 1
    return choices[used[(kind, region)] % len(choices)]


def service_kind(document, passages) -> str | None:
    """The document kind the service gives, if it classifies kinds: the stored field, else the
    classifier function; None when the service has neither."""
    if hasattr(document, "kind") and "kind" in {f.name for f in document._meta.get_fields()}:
        return document.kind
    try:
        from analysis.reading import document_kind
    except ImportError:
        return None
    classify = getattr(document_kind, "classify_document", None)
    if classify is None:
        return None
    return classify([p["text"] for p in passages], document.title)[0]


def analyse(documents, folder: Path) -> list[dict]:
    from analysis import services
    from analysis.models import Document
    from councils.selectors import search_councils
    from plans.selectors import return_by_slug

    return_definition = return_by_slug(RETURN)
    register: dict = defaultdict(list)
    for council in search_councils().order_by("gss_code"):
        register[(council.authority_type, council.region)].append(council)
        register[(council.authority_type, None)].append(council)
    used: dict = defaultdict(int)
    results = []
    for item in documents:
        data = evalset.file_bytes(item)
        (folder / item.filename).write_bytes(data)
        document = services.import_document(
            council=council_for(register, item, used),
            return_definition=return_definition,
            filename=item.filename,
            data=data,
            actor=None,
            analyse=True,
            existing=services.ADD,
        )
        document = Document.objects.get(pk=document.pk)
        passages = []
        for passage in document.passages.order_by("position").prefetch_related(
            "theme_tags__theme", "barrier_tags__category", "figures"
        ):
            passages.append(
                {
                    "kind": passage.kind,
                    "text": passage.text,
                    "themes": {t.theme.number for t in passage.theme_tags.all() if t.present},
                    "barriers": {b.category.slug: b.ask for b in passage.barrier_tags.all() if b.present},
                    "figures": [f for f in passage.figures.all() if f.present],
                }
            )
        results.append(
            {
                "item": item,
                "passages": passages,
                "kind": service_kind(document, passages),
                "guidance": {
                    "consultants": document.consultants_addressed,
                    "agency": document.agency_addressed,
                    "edi": document.edi_addressed,
                },
            }
        )
    return results


# --- Scoring ---------------------------------------------------------------------------------


def locate(passages: list[dict], match: str) -> list[int]:
    """The service's passages the labelled text lies in (several when the service split it)."""
    texts = [evalset.normalise(p["text"]) for p in passages]
    joined, starts = "", []
    for text in texts:
        starts.append(len(joined))
        joined += text + " "
    at = joined.find(evalset.normalise(match))
    if at < 0:
        return []
    end = at + len(evalset.normalise(match))
    return [i for i, start in enumerate(starts) if start < end and start + len(texts[i]) > at]


def equal(a, b) -> bool:
    return Decimal(str(a)) == Decimal(str(b))


class Tally:
    def __init__(self):
        self.themes = {n: Score() for n in (1, 2, 3, 4)}
        self.barriers = Score()
        self.asks = Score()
        self.figures_right = self.figures = self.figures_extra = 0
        self.qualifiers_right = self.qualifiers = 0
        self.lost = self.labelled = self.merged = 0
        self.kinds_right = self.kinds = 0
        self.kind_errors: list[tuple[str, str, str]] = []
        self.flag_errors: list[tuple[str, str, bool]] = []  # (document, flag, what the label says)
        self.flags = {"consultants": [0, 0], "agency": [0, 0], "edi": [0, 0]}
        self.plans_all_flags_right = self.plans = 0
        self.theme_errors: list[tuple[str, str, set, set]] = []
        self.barrier_errors: list[tuple[str, str, set, set]] = []
        self.figure_errors: list[tuple[str, dict, list]] = []

    def unit(self, name, text, gold_themes, gold_barriers, gold_asks, predicted_themes, predicted_barriers):
        for n, score in self.themes.items():
            count(score, n in gold_themes, n in predicted_themes)
        for category in set(gold_barriers) | set(predicted_barriers):
            count(self.barriers, category in gold_barriers, category in predicted_barriers)
        if set(gold_themes) != set(predicted_themes):
            self.theme_errors.append((name, text, set(gold_themes), set(predicted_themes)))
        if set(gold_barriers) != set(predicted_barriers):
            self.barrier_errors.append((name, text, set(gold_barriers), set(predicted_barriers)))
        predicted_asks = {a for a in predicted_barriers.values() if a}
        for ask in gold_asks:
            if any(ask_matches(ask, p) for p in predicted_asks):
                self.asks.tp += 1
            else:
                self.asks.fn += 1
        self.asks.fp += sum(1 for p in predicted_asks if not any(ask_matches(g, p) for g in gold_asks))


def count(score: Score, gold: bool, predicted: bool) -> None:
    if gold and predicted:
        score.tp += 1
    elif predicted:
        score.fp += 1
    elif gold:
        score.fn += 1


def figure_right(gold: dict, found: list) -> bool:
    of_kind = [f for f in found if f.kind == gold["kind"]]
    if "value" in gold:
        return any(equal(f.value, gold["value"]) for f in of_kind)
    # A range is one figure with both ends (value and upper), or two figures, one per end.
    if any(equal(f.value, gold["low"]) and equal(getattr(f, "upper", None) or -1, gold["high"]) for f in of_kind):
        return True
    return any(equal(f.value, gold["low"]) for f in of_kind) and any(equal(f.value, gold["high"]) for f in of_kind)


def qualifier_right(gold: dict, found: list) -> bool:
    words = gold["qualifier"].replace("_", " ")
    value = gold.get("value", gold.get("high"))
    return any(equal(f.value, value) and words in f"{getattr(f, 'qualifier', '')} {f.measures}".lower() for f in found)


def score(results) -> Tally:
    tally = Tally()
    for result in results:
        item, passages = result["item"], result["passages"]
        if result["kind"] in ("other_regime", "unrelated"):
            passages = [{**p, "themes": set(), "barriers": {}, "figures": p["figures"]} for p in passages]
        covered: set[int] = set()
        for label in item.labels["passages"]:
            tally.labelled += 1
            where = locate(passages, label["match"])
            if not where:
                tally.lost += 1
            covered.update(where)
            if len(where) == 1 and len(evalset.normalise(passages[where[0]]["text"])) > 1.5 * len(label["text"]):
                tally.merged += 1
            themes = set().union(*(passages[i]["themes"] for i in where)) if where else set()
            barriers = {c: a for i in where for c, a in passages[i]["barriers"].items()}
            tally.unit(item.name, label["text"], label["themes"], label["barriers"], label["asks"], themes, barriers)
            found = [f for i in where for f in passages[i]["figures"]]
            for gold in label["figures"]:
                tally.figures += 1
                if figure_right(gold, found):
                    tally.figures_right += 1
                else:
                    tally.figure_errors.append((item.name, gold, [(f.kind, f.value) for f in found]))
                if gold.get("qualifier") and gold["unit"] != "count":
                    tally.qualifiers += 1
                    tally.qualifiers_right += qualifier_right(gold, found)
            tally.figures_extra += sum(
                1
                for f in found
                if not f.computed
                and not any(equal(f.value, g.get("value", g.get("low", -1))) for g in label["figures"])
                and not any(equal(f.value, g.get("high", -1)) for g in label["figures"])
            )
        for index, passage in enumerate(passages):
            if index in covered or passage["kind"] == "heading":
                continue
            tally.unit(item.name, passage["text"], set(), {}, [], passage["themes"], passage["barriers"])
            tally.figures_extra += sum(1 for f in passage["figures"] if not f.computed)
        if result["kind"] is not None:
            tally.kinds += 1
            tally.kinds_right += result["kind"] == item.kind
            if result["kind"] != item.kind:
                tally.kind_errors.append((item.name, item.kind, result["kind"]))
        if item.kind == "plan":
            tally.plans += 1
            right = 0
            for flag, gold in item.labels["guidance"].items():
                tally.flags[flag][1] += 1
                tally.flags[flag][0] += result["guidance"][flag] == gold
                if result["guidance"][flag] != gold:
                    tally.flag_errors.append((item.name, flag, gold))
                right += result["guidance"][flag] == gold
            tally.plans_all_flags_right += right == 3
    return tally


# --- Speed ------------------------------------------------------------------------------------


def speed(sample: int | None = None) -> dict:
    """Importing and analysing the 317 plan PDFs (or the first `sample`) through the command against bare
    pypdfium2 text extraction of the same files, both measured now (bench_import.speed_against_bare)."""
    saved = {k: os.environ[k] for k in ("DATABASE_URL", "MEDIA_ROOT")}
    import bench_import  # sets up Django as it does when run alone; the settings already loaded stay

    os.environ.update(saved)
    bench_import.WORK = WORK
    from councils.selectors import search_councils

    folder = bench_import.print_pdfs(list(search_councils().order_by("gss_code")))
    files = sorted(folder.glob("E*.pdf"))[:sample]
    return bench_import.speed_against_bare(files)


# --- Report -------------------------------------------------------------------------------------


def mark(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def report(split: str, documents, tally: Tally, timing) -> None:
    kinds = defaultdict(int)
    for item in documents:
        kinds[item.kind] += 1
    print(f"\nSplit: {split} — {len(documents)} documents ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))})")
    print(
        f"Labelled passages: {tally.labelled}; not found in the service's passages: {tally.lost}; "
        f"merged into a passage at least half as long again: {tally.merged}\n"
    )
    macro = sum(s.f1 for s in tally.themes.values()) / 4
    worst_precision = min(s.precision for s in tally.themes.values())
    print("| figure | today | target | |")
    print("| --- | --- | --- | --- |")
    print(
        f"| theme macro-F1 | {macro:.2f} | ≥ {TARGETS['theme_f1']:.2f} | "
        f"{mark(macro >= TARGETS['theme_f1'] and worst_precision >= TARGETS['theme_precision'])} |"
    )
    for n, s in tally.themes.items():
        print(
            f"| theme {n} precision / recall (n={s.support}) | {s.precision:.2f} / {s.recall:.2f} | "
            f"precision ≥ {TARGETS['theme_precision']:.2f} | {mark(s.precision >= TARGETS['theme_precision'])} |"
        )
    b = tally.barriers
    print(
        f"| barrier precision / recall (n={b.support}, passages × categories) | {b.precision:.2f} / {b.recall:.2f} | "
        f"≥ {TARGETS['barrier_precision']:.2f} / ≥ {TARGETS['barrier_recall']:.2f} | "
        f"{mark(b.precision >= TARGETS['barrier_precision'] and b.recall >= TARGETS['barrier_recall'])} |"
    )
    a = tally.asks
    print(f"| ask F1 (n={a.support}) | {a.f1:.2f} (P {a.precision:.2f}, R {a.recall:.2f}) | — | |")
    accuracy = tally.figures_right / tally.figures if tally.figures else 0.0
    print(
        f"| figure kind and value (n={tally.figures}) | {accuracy:.2f} | ≥ {TARGETS['figures']:.2f} | "
        f"{mark(accuracy >= TARGETS['figures'])} |"
    )
    if tally.qualifiers:
        print(
            f"| figure qualifier kept (per resident, per household; n={tally.qualifiers}) | "
            f"{tally.qualifiers_right / tally.qualifiers:.2f} | — | |"
        )
    print(f"| figures found that no label names | {tally.figures_extra} | — | |")
    if tally.kinds:
        kind_accuracy = tally.kinds_right / tally.kinds
        print(
            f"| document kind (n={tally.kinds}) | {kind_accuracy:.2f} | ≥ {TARGETS['kind']:.2f} | "
            f"{mark(kind_accuracy >= TARGETS['kind'])} |"
        )
    else:
        print(
            "| document kind | not measured yet (the service has no document-kind classifier) | "
            f"≥ {TARGETS['kind']:.2f} | |"
        )
    for flag, (right, total) in tally.flags.items():
        print(f"| guidance flag: {flag}, right on full plans | {right}/{total} | 100% | {mark(right == total)} |")
    print(
        f"| full plans with all three flags right | {tally.plans_all_flags_right}/{tally.plans} | 100% | "
        f"{mark(tally.plans_all_flags_right == tally.plans)} |"
    )
    if timing:
        print(
            f"| speed: {timing['files']} plan PDFs imported and analysed ({timing['service']:.1f} s; "
            f"{timing['service_processes']} processes) ÷ bare pypdfium2 text extraction ({timing['bare']:.2f} s; "
            f"{timing['bare_processes']} process), same run | {timing['ratio']:.1f}× (CPU time "
            f"{timing['cpu_ratio']:.1f}×) | ≤ {TARGETS['speed']:.0f}× | {mark(timing['ratio'] <= TARGETS['speed'])} |"
        )
    print(f"| machine load while measuring | {os.getloadavg()[0]:.1f} (1-minute load average) | | |")


def print_errors(tally: Tally, limit: int) -> None:
    print(f"\nFirst {limit} theme errors (gold → service):")
    for name, text, gold, predicted in tally.theme_errors[:limit]:
        print(f"  {name}: {sorted(gold)} → {sorted(predicted)}  {text[:100]!r}")
    print(f"\nFirst {limit} barrier errors (gold → service):")
    for name, text, gold, predicted in tally.barrier_errors[:limit]:
        print(f"  {name}: {sorted(gold)} → {sorted(predicted)}  {text[:100]!r}")
    print(f"\nFirst {limit} figure errors (label → what the service found in the passage):")
    for name, gold, found in tally.figure_errors[:limit]:
        print(f"  {name}: {gold} → {found}")
    if tally.kind_errors:
        print("\nDocument kind errors (label → service):")
        for name, gold, predicted in tally.kind_errors[:limit]:
            print(f"  {name}: {gold} → {predicted}")
    if tally.flag_errors:
        print("\nGuidance flag errors (the plan addresses it, per its label → the service says the opposite):")
        for name, flag, gold in tally.flag_errors[:limit]:
            print(f"  {name}: {flag} {'addressed' if gold else 'not addressed'}")


def record(split: str, documents, tally: Tally) -> None:
    """The split's figures for the runs page, keyed by the classifier's METHOD_VERSION."""
    import datetime

    from analysis.classify import METHOD_VERSION
    from analysis.classify.evaluation import record_measured

    rows = [("Theme macro-F1", f"{sum(s.f1 for s in tally.themes.values()) / 4:.2f}")]
    rows += [(f"Theme {n} precision / recall", f"{s.precision:.2f} / {s.recall:.2f}") for n, s in tally.themes.items()]
    rows += [
        ("Barrier precision / recall", f"{tally.barriers.precision:.2f} / {tally.barriers.recall:.2f}"),
        ("Ask of government F1", f"{tally.asks.f1:.2f}"),
    ]
    if tally.figures:
        rows.append(("Figure kind and value", f"{tally.figures_right / tally.figures:.2f}"))
    if tally.kinds:
        rows.append(("Document kind", f"{tally.kinds_right / tally.kinds:.2f}"))
    rows.append(("Full plans with all three guidance flags right", f"{tally.plans_all_flags_right} of {tally.plans}"))
    record_measured(
        method_version=METHOD_VERSION,
        key=f"2-documents-{split}",
        title=f"Evaluation documents, {'held-out' if split == 'heldout' else split} split "
        f"({len(documents)} documents, bench/bench_documents.py)",
        measured_on=datetime.date.today().isoformat(),
        rows=rows,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("heldout", "train", "dev"), default="heldout")
    parser.add_argument("--no-speed", action="store_true", help="leave out timing the 317-plan corpus")
    parser.add_argument("--speed-only", action="store_true", help="only the speed figure (no evaluation documents)")
    parser.add_argument("--sample", type=int, help="time the first N plan PDFs only (while iterating)")
    parser.add_argument(
        "--errors", type=int, default=0, help="print this many errors of each sort (train and dev only)"
    )
    parser.add_argument(
        "--record", action="store_true", help="record the figures for the runs page (analysis/classify/measured.json)"
    )
    arguments = parser.parse_args()

    from councils.services import load_council_register
    from plans.services import define_returns_from_files

    call_command("migrate", verbosity=0)
    load_council_register(path=settings.COUNCILS_CSV)
    define_returns_from_files()
    if arguments.speed_only:
        timing = speed(arguments.sample)
        print(
            f"{timing['files']} plan PDFs imported and analysed in {timing['service']:.1f} s "
            f"({timing['service_processes']} processes, {timing['service_cpu']:.1f} CPU s: "
            f"{timing['service_cpu_split'][0]:.1f} storing, {timing['service_cpu_split'][1]:.1f} reading); "
            "bare pypdfium2 "
            f"{timing['bare']:.2f} s ({timing['bare_processes']} process, {timing['bare_cpu']:.2f} CPU s); ratio "
            f"{timing['ratio']:.1f}× wall clock, {timing['cpu_ratio']:.1f}× CPU time; load {timing['load']:.1f}"
        )
        return
    documents = evalset.documents(arguments.split)
    folder = Path(WORK) / "documents"
    folder.mkdir()
    started = time.perf_counter()
    results = analyse(documents, folder)
    print(f"Imported and analysed {len(documents)} documents in {time.perf_counter() - started:.0f} s")
    tally = score(results)
    timing = None if arguments.no_speed else speed(arguments.sample)
    report(arguments.split, documents, tally, timing)
    if arguments.record:
        record(arguments.split, documents, tally)
    if arguments.errors:
        if arguments.split == "heldout":
            print(
                "\n(Errors are printed for the train and dev splits only: the held-out part is never looked at "
                "to tune.)"
            )
        else:
            print_errors(tally, arguments.errors)


if __name__ == "__main__":
    main()
