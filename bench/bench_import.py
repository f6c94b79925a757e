"""How long importing and analysing every council's plan takes: 317 four-page PDFs, on this machine's cores.

Run from the project root: `.venv/bin/python bench/bench_import.py`. It sets up Django itself with a
throwaway SQLite file and media folder (nothing is read from or written to the project's database),
prints one four-page plan PDF per council in the register (written from the demo's templates with a
seed per council; the PDFs are kept in a temporary folder between runs, since printing them is set-up,
not the thing measured), then times:

1. one document at a time, end to end (read in the limited child process, stored, analysed alone):
   the median over 31 documents;
2. the whole corpus through `manage.py import_plan_document --folder` (files read in parallel child
   processes, one per core; stored one by one; then one analysis run over all of them): total time and
   documents per second; target all 317 in under 60 s;
3. reading alone (in this process, no limits) with table finding and with it turned off, over the same
   31 PDFs: what keeping tables whole costs, as a ratio measured in the same run; and how well the
   passages read back match the plans the PDFs were printed from (paragraphs exactly, headings,
   tables whole);
4. the main aggregate reads the explorer builds on (councils per barrier category by council type and by
   region, theme coverage, figures by kind, the passages behind a count, full-text search): the median of
   20 calls each, in milliseconds; target under 100 ms.
"""

import io
import json
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = tempfile.mkdtemp(prefix="bench-import-")
os.environ["DATABASE_URL"] = f"sqlite:///{WORK}/bench.sqlite3"
os.environ["MEDIA_ROOT"] = f"{WORK}/media"
os.environ["TASKS_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"
# Tasks run inline here, so the explorer's warming task would run after every imported document and be timed as
# importing; in production a worker runs it, one queued at a time (core.shared_cache). As the tests do.
os.environ.setdefault("WARM_SHARED_RESULTS", "false")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

PDF_CACHE = Path(tempfile.gettempdir()) / "bench-import-pdfs-v1"
SAMPLE = 31
RETURN = "productivity-plan-2024"


def four_page_plan(name: str, seed: int):
    """The demo's plan for a council, lengthened with more of its own kind of paragraphs to four A4 pages."""
    from devdata.analysis_demo import THEME_1, THEME_2, THEME_3_OTHER, generate_plan

    plan = generate_plan(name, seed, long=True)
    values = {"small": 1 + seed % 5, "sites": 2 + seed % 7, "systems": 3 + seed % 9, "threshold": 10}
    extra = [("paragraph", text.format(**values)) for text in THEME_1 + THEME_2 + THEME_3_OTHER]
    at = next(i for i, (kind, text) in enumerate(plan.blocks) if text.startswith("3."))
    plan.blocks[at:at] = extra * 2
    return plan


def _print_one(job: tuple[str, str, int, str]) -> str:
    code, name, seed, path = job
    if not Path(path).exists():
        from devdata.analysis_demo import pdf_bytes

        Path(path).write_bytes(pdf_bytes(four_page_plan(name, seed)))
    return path


def print_pdfs(councils) -> Path:
    PDF_CACHE.mkdir(exist_ok=True)
    jobs = []
    for seed, council in enumerate(councils):
        slug = council.name.lower().replace(" ", "-").replace(",", "").replace("'", "")
        jobs.append((council.gss_code, council.name, seed, str(PDF_CACHE / f"{council.gss_code}-{slug}.pdf")))
    missing = [job for job in jobs if not Path(job[3]).exists()]
    if missing:
        print(f"Printing {len(missing)} plan PDFs (set-up, kept in {PDF_CACHE})...", flush=True)
        with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
            list(pool.map(_print_one, missing))
    return PDF_CACHE


def cpu_seconds() -> tuple[float, float]:
    """CPU time of this process (storing and analysing) and of its finished children (the limited readers)."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def read_all(paths, *, find_tables: bool) -> tuple[float, list]:
    """(median seconds to read one PDF into passages, what each was read as), table finding on or off."""
    from analysis.reading import extract

    original = extract._tables
    if not find_tables:
        extract._tables = lambda data, page_numbers, pdf=None, held=None: {}
    try:
        times, read = [], []
        for path in paths:
            data = path.read_bytes()
            started = time.perf_counter()
            read.append(extract.extract("pdf", data))
            times.append(time.perf_counter() - started)
    finally:
        extract._tables = original
    return statistics.median(times), read


def splitting(plans, read) -> tuple[int, int, int, int, int]:
    """How the passages read from the PDFs match the plans they were printed from: (paragraphs read
    back exactly as one passage, paragraphs, headings read back as headings, headings, tables read
    back whole as one passage with every row)."""
    paragraphs = exact = headings = found_headings = tables = 0
    for plan, extracted in zip(plans, read, strict=True):
        passages = Counter((block.kind, block.text) for block in extracted.blocks)  # a repeated paragraph counts twice
        for kind, text in plan.blocks:
            wanted = ("paragraph" if kind == "paragraph" else "heading", text)
            found = passages[wanted] > 0
            passages[wanted] -= found
            if kind == "paragraph":
                paragraphs, exact = paragraphs + 1, exact + found
            else:
                headings, found_headings = headings + 1, found_headings + found
        tables += passages[("table", "\n".join(" | ".join(row) for row in plan.table))] == 1
    return exact, paragraphs, found_headings, headings, tables


def bare_pypdfium2(paths) -> tuple[float, float]:
    """(wall seconds, CPU seconds) to pull every page's text out of the files with bare pypdfium2, in this one
    process: the yardstick of issue 12's speed figure."""
    import pypdfium2

    started, cpu = time.perf_counter(), time.process_time()
    for path in paths:
        pdf = pypdfium2.PdfDocument(path.read_bytes())
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        pdf.close()
    return time.perf_counter() - started, time.process_time() - cpu


def speed_against_bare(paths, *, workers: int | None = None) -> dict:
    """Import and analyse the files through `import_plan_document --folder` (one storing process and `workers`
    reading children) and read them with bare pypdfium2 (one process) just before and just after, in the same
    run: wall-clock and CPU seconds of each side and the processes each used. The corpus is emptied first."""
    import shutil

    from analysis.models import Document

    workers = workers or os.cpu_count() or 1
    folder = Path(tempfile.mkdtemp(prefix="bench-speed-", dir=WORK))
    for path in paths:
        (folder / path.name).symlink_to(path)
    Document.objects.all().delete()
    bare_pypdfium2(paths[:5])  # warm up: pypdfium2's first import is not reading
    before = bare_pypdfium2(paths)
    cpu_before = cpu_seconds()
    started = time.perf_counter()
    call_command(
        "import_plan_document",
        "--return",
        RETURN,
        "--folder",
        str(folder),
        "--workers",
        str(workers),
        "--json",
        stdout=io.StringIO(),
    )
    service = time.perf_counter() - started
    cpu_main, cpu_children = (after - b for after, b in zip(cpu_seconds(), cpu_before, strict=True))
    after = bare_pypdfium2(paths)
    shutil.rmtree(folder)
    bare, bare_cpu = (before[0] + after[0]) / 2, (before[1] + after[1]) / 2
    return {
        "files": len(paths),
        "service": service,
        "service_cpu": cpu_main + cpu_children,
        "service_cpu_split": (cpu_main, cpu_children),
        "service_processes": f"1 storing and analysing + {workers} reading",
        "bare": bare,
        "bare_cpu": bare_cpu,
        "bare_processes": "1",
        "ratio": service / bare,
        "cpu_ratio": (cpu_main + cpu_children) / bare_cpu,
        "load": os.getloadavg()[0],
    }


def speed_rows(timing: dict) -> list[str]:
    """The speed figure as table rows (| measure | result |): both sides, same run, their processes."""
    return [
        f"| {timing['files']} plan PDFs imported and analysed (`--folder`; {timing['service_processes']} processes) | "
        f"{timing['service']:.1f} s wall, {timing['service_cpu']:.1f} s CPU |",
        f"| bare pypdfium2 text extraction of the same files ({timing['bare_processes']} process; mean of just "
        f"before and just after) | {timing['bare']:.2f} s wall, {timing['bare_cpu']:.2f} s CPU |",
        f"| speed ratio, same run | **{timing['ratio']:.1f}×** wall clock; {timing['cpu_ratio']:.1f}× CPU time "
        f"(1-minute load {timing['load']:.1f}) |",
    ]


def milliseconds(function, repeat: int = 20) -> float:
    function()  # warm up
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    import pypdfium2

    from analysis import selectors, services
    from analysis.models import Document
    from analysis.runs import services as runs
    from councils.selectors import council_by_code, search_councils
    from councils.services import load_council_register
    from plans.selectors import return_by_slug
    from plans.services import define_returns_from_files

    call_command("migrate", verbosity=0)
    load_council_register(path=settings.COUNCILS_CSV)
    define_returns_from_files()
    return_definition = return_by_slug(RETURN)
    councils = list(search_councils().order_by("gss_code"))
    folder = print_pdfs(councils)
    files = sorted(folder.glob("E*.pdf"))
    pages = [len(pypdfium2.PdfDocument(str(path))) for path in files[:25]]
    print(f"{len(files)} plan PDFs, {statistics.median(pages):.0f} pages each (median of 25); {os.cpu_count()} cores")

    # 1. One document at a time, end to end.
    single = []
    for path in files[:SAMPLE]:
        council = council_by_code(path.name[:9])
        started = time.perf_counter()
        services.import_document(
            council=council,
            return_definition=return_definition,
            filename=path.name,
            data=path.read_bytes(),
            actor=None,
            analyse=True,
        )
        single.append(time.perf_counter() - started)
    Document.objects.all().delete()

    # 2. The whole corpus through the command, and bare pypdfium2 over the same files just before and after.
    bare_pypdfium2(files[:5])  # warm up
    bare_before = bare_pypdfium2(files)
    out = io.StringIO()
    cpu_before = cpu_seconds()
    started = time.perf_counter()
    call_command("import_plan_document", "--return", RETURN, "--folder", str(folder), "--json", stdout=out)
    total = time.perf_counter() - started
    cpu_main, cpu_children = (after - before for after, before in zip(cpu_seconds(), cpu_before, strict=True))
    bare_after = bare_pypdfium2(files)
    workers = os.cpu_count() or 1
    timing = {
        "files": len(files),
        "service": total,
        "service_cpu": cpu_main + cpu_children,
        "service_cpu_split": (cpu_main, cpu_children),
        "service_processes": f"1 storing and analysing + {workers} reading",
        "bare": (bare_before[0] + bare_after[0]) / 2,
        "bare_cpu": (bare_before[1] + bare_after[1]) / 2,
        "bare_processes": "1",
        "load": os.getloadavg()[0],
    }
    timing["ratio"], timing["cpu_ratio"] = total / timing["bare"], timing["service_cpu"] / timing["bare_cpu"]
    result = json.loads(out.getvalue())
    imported = len(result["document_ids"])
    run = runs.run_corpus_analysis_now(actor=None)

    # 3. Reading alone, with and without table finding, over the same files in the same run.
    read_all(files[:5], find_tables=True)  # warm up: the parsers' first import is not reading
    without, read_without = read_all(files[:SAMPLE], find_tables=False)
    with_tables, read_with = read_all(files[:SAMPLE], find_tables=True)
    plans = [four_page_plan(council.name, seed) for seed, council in enumerate(councils[:SAMPLE])]

    # 4. The explorer's aggregate reads.
    category = selectors.barrier_council_counts(return_definition=return_definition)[0]["category"]
    reads = {
        "councils per barrier category by council type": lambda: selectors.barrier_council_counts(
            return_definition=return_definition, by="authority_type"
        ),
        "councils per barrier category by region": lambda: selectors.barrier_council_counts(
            return_definition=return_definition, by="region"
        ),
        "theme coverage": lambda: selectors.theme_coverage(return_definition=return_definition),
        "figures by kind": lambda: selectors.figures_by_kind(return_definition=return_definition),
        "first 50 passages behind one barrier count": lambda: list(
            selectors.passages_for_barrier(return_definition=return_definition, category_slug=category)[:50]
        ),
        "full-text search 'agency staff' (50 hits)": lambda: selectors.search_passages("agency staff"),
        "one document's analysis (API answer)": lambda: selectors.document_analysis(Document.objects.first()),
    }
    timings = {name: milliseconds(read) for name, read in reads.items()}

    print()
    print("| measure | result |")
    print("| --- | --- |")
    print(
        f"| one document end to end (parse in child, store, analyse) | median {statistics.median(single):.2f} s "
        f"over {SAMPLE} |"
    )
    print(
        f"| {imported} PDFs imported and analysed (`--folder`, {os.cpu_count()} cores) | {total:.1f} s, "
        f"{imported / total:.1f} documents/s ({'under' if total < 60 else 'OVER'} the 60 s target) |"
    )
    cores = os.cpu_count() or 1
    floor = max(cpu_main, (cpu_main + cpu_children) / cores)
    print(
        f"| CPU time of that import | {cpu_main:.1f} s storing and analysing (one thread) + {cpu_children:.1f} s "
        f"in the reading children: at least {floor:.0f} s of wall time on {cores} idle cores |"
    )
    for row in speed_rows(timing):
        print(row)
    print(f"| machine load while measuring | {os.getloadavg()[0]:.1f} (1-minute load average) |")
    print(
        f"| corpus | {run.counts['passages']:,} passages, {run.counts['theme_tags']:,} theme tags, "
        f"{run.counts['barrier_tags']:,} barrier tags, {run.counts['figures']:,} figures |"
    )
    print(
        f"| re-run over the corpus (analysis only) | {(run.finished_at - run.started_at).total_seconds():.1f} s; "
        f"same result hash as the import's run: {run.result_hash == _import_run_hash(result)} |"
    )
    print(
        f"| reading one PDF (in this process) | median {without * 1000:.0f} ms without pdfplumber's table finding, "
        f"{with_tables * 1000:.0f} ms with it: ratio {with_tables / without:.1f} |"
    )
    for label, read in (("without pdfplumber's table finding", read_without), ("with it", read_with)):
        exact, paragraphs, found_headings, headings, tables = splitting(plans, read)
        print(
            f"| passages read back from {SAMPLE} PDFs, {label} | {exact}/{paragraphs} paragraphs exactly, "
            f"{found_headings}/{headings} headings, {tables}/{SAMPLE} tables whole |"
        )
    for name, ms in timings.items():
        print(f"| {name} | median {ms:.1f} ms |")
    if result["refused"]:
        print("Refused:", result["refused"])


def _import_run_hash(result: dict) -> str:
    from analysis.models import AnalysisRun

    return AnalysisRun.objects.get(pk=result["run_id"]).result_hash


if __name__ == "__main__":
    main()
