"""Server time and query count of the department's pages, the council workspace and the API's lists, over
the demo's data and over ten times the demo's analysis corpus.

Run from the project root: `.venv/bin/python bench/bench_department_pages.py [requests per page]`. It sets
up Django itself with a throwaway SQLite file (or the database in BENCH_DATABASE_URL) and media folder,
loads the demo through devdata (`build_demo`, as `make run` does), then measures each page through
Django's test client: the number of database queries, and the median server time of several requests
with a cold shared cache (emptied before each request) and with a warm one. Then it copies every
document of the demo's analysis corpus nine times over (passages, theme and barrier tags and figures
written in bulk, as an analysis run writes them), to other councils of the register, and measures again.
Target: every page under 100 ms warm, and the same number of queries at both sizes.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = tempfile.mkdtemp(prefix="bench-department-")
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{WORK}/bench.sqlite3")
os.environ["MEDIA_ROOT"] = f"{WORK}/media"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage")
os.environ["REQUIRE_TWO_FACTOR"] = "0"  # the test client signs in without a second factor

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 7
TARGET_MS = 100
RETURN = "productivity-plan-2024"
COPIES = 9  # ten times the corpus: the demo's documents and nine copies of each


def pages() -> list[tuple[str, str, str, dict]]:
    """(name, who, URL, headers) for every page measured."""
    token = {"HTTP_AUTHORIZATION": f"Bearer {TOKEN}"}
    explorer = "/analysis/explorer/"
    return [
        ("department home", "analyst", "/department/", {}),
        ("register", "analyst", f"/department/returns/{RETURN}/", {}),
        ("register, filtered", "analyst", f"/department/returns/{RETURN}/?type=district&stage=not_started", {}),
        ("late and missing", "analyst", f"/department/returns/{RETURN}/late-and-missing/", {}),
        ("explorer home", "analyst", explorer, {}),
        ("explorer themes", "analyst", explorer + "themes/", {}),
        ("explorer barriers", "analyst", explorer + "barriers/", {}),
        ("explorer figures", "analyst", explorer + "figures/", {}),
        ("explorer passages (choose)", "analyst", explorer + "passages/", {}),
        ("explorer passages behind a count", "analyst", explorer + "passages/?barrier=funding-certainty", {}),
        ("explorer search", "analyst", explorer + "search/?q=agency+staff", {}),
        ("panel summary", "analyst", explorer + "summary/", {}),
        ("council workspace (your plans)", "officer", "/your-plans/", {}),
        ("index of councils, signed in", "officer", "/councils/", {}),
        ("index of councils, searched", "anonymous", "/councils/?q=bor", {}),
        ("API councils", "anonymous", "/api/v1/councils", {}),
        ("API return status", "anonymous", f"/api/v1/returns/{RETURN}/status", {}),
        ("API publications", "anonymous", "/api/v1/publications", {}),
        ("API submissions", "anonymous", "/api/v1/submissions", {}),
        ("API documents", "analyst", "/api/v1/documents", token),
        ("API metrics", "anonymous", "/api/v1/metrics", {}),
        ("API meetings", "anonymous", "/api/v1/meetings", {}),
        ("API tracked commitments", "analyst", "/api/v1/monitoring/commitments", token),
    ]


TOKEN = ""


def clients() -> dict[str, Client]:
    from accounts.models import User

    found = {"anonymous": Client()}
    for who, username in (("analyst", "department-analyst"), ("officer", "dorset-executive-director")):
        found[who] = Client()
        found[who].force_login(User.objects.get(username=username))
    return found


def measure(client: Client, url: str, headers: dict) -> tuple[int, int, float, float]:
    """(queries cold, queries warm, median ms cold, median ms warm) of one page."""

    def get() -> float:
        started = time.perf_counter()
        response = client.get(url, **headers)
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, (url, response.status_code)
        return elapsed

    get()  # first-call costs (templates loaded, queries compiled) are not the steady state
    counts = []
    for empty_first in (True, False):
        if empty_first:
            cache.clear()
        reset_queries()  # each request empties the log as it starts: count from an empty one, at once
        with CaptureQueriesContext(connection) as captured:
            get()
        counts.append(len(captured))
    cold, warm = [], []
    for _ in range(RUNS):
        cache.clear()
        cold.append(get())
        warm.append(get())
    return counts[0], counts[1], statistics.median(cold), statistics.median(warm)


def corpus_size() -> str:
    from analysis.models import Document, Figure, Passage, PassageBarrier, PassageTheme

    return (
        f"{Document.objects.count()} documents, {Passage.objects.count()} passages, "
        f"{PassageTheme.objects.count()} theme tags, {PassageBarrier.objects.count()} barrier tags, "
        f"{Figure.objects.count()} figures"
    )


def multiply_corpus(copies: int) -> None:
    """Copy every document of the corpus `copies` times, to councils of the register that have none yet
    (then round again), with its passages, tags and figures, in bulk. Then tell the shared cache."""
    from analysis.models import Document, Figure, Passage, PassageBarrier, PassageTheme
    from core import shared_cache
    from councils.models import Council

    originals = list(Document.objects.order_by("pk"))
    councils = list(Council.objects.order_by("gss_code").values_list("pk", flat=True))
    used = set(Document.objects.values_list("council_id", flat=True))
    spare = [pk for pk in councils if pk not in used] or councils
    tag_fields = ("source", "present", "reviewed_by_id", "reviewed_at", "run_id")
    with transaction.atomic():
        for copy in range(1, copies + 1):
            for index, original in enumerate(originals):
                document = Document.objects.get(pk=original.pk)
                document.pk = None
                document.plan_version = None
                document.council_id = spare[(copy * len(originals) + index) % len(spare)]
                document.file_sha256 = f"{copy:04d}{original.file_sha256}"[:64]
                document.title = f"{original.title} (copy {copy})"
                document.save()
                passages = list(Passage.objects.filter(document=original).order_by("position"))
                new_passages = Passage.objects.bulk_create(
                    [
                        Passage(
                            document=document,
                            position=p.position,
                            page=p.page,
                            kind=p.kind,
                            heading=p.heading,
                            text=p.text,
                        )
                        for p in passages
                    ],
                    batch_size=2000,
                )
                passage_of = {old.pk: new for old, new in zip(passages, new_passages, strict=True)}

                def copied(model, extra, original=original, document=document, passage_of=passage_of):
                    rows = []
                    for tag in model.objects.filter(document=original):
                        values = {name: getattr(tag, name) for name in (*tag_fields, *extra)}
                        rows.append(model(document=document, passage=passage_of[tag.passage_id], **values))
                    model.objects.bulk_create(rows, batch_size=2000)

                copied(PassageTheme, ("theme_id",))
                copied(PassageBarrier, ("category_id", "ask"))
                copied(
                    Figure,
                    ("kind", "key", "value", "upper", "unit", "qualifier", "measures", "quote", "computed"),
                )
        # Written in bulk, as an analysis run writes: the run's event is what tells the cache.
        shared_cache.shared_changed()


def report(results: dict, sizes: list[str]) -> None:
    print(
        f"\n{'page':<36} {'queries cold/warm':>19} {'cold ms':>15} {'warm ms':>15}\n{'':<36} {'1x   / 10x':>19} "
        f"{'1x / 10x':>15} {'1x / 10x':>15}"
    )
    over, grew = [], []
    for name, rows in results.items():
        (q1c, q1w, c1, w1), (q10c, q10w, c10, w10) = rows
        print(
            f"{name:<36} {f'{q1c}/{q1w} / {q10c}/{q10w}':>19} {f'{c1:6.1f} / {c10:6.1f}':>15} "
            f"{f'{w1:6.1f} / {w10:6.1f}':>15}"
        )
        if max(w1, w10) >= TARGET_MS:
            over.append(name)
        if (q1c, q1w) != (q10c, q10w):
            grew.append(name)
    print(f"\nCorpus: {sizes[0]}; then {sizes[1]}.")
    print(f"Queries that grew with the corpus: {', '.join(grew) or 'none'}.")
    print(f"{len(results) - len(over)} of {len(results)} pages under {TARGET_MS} ms warm at both sizes.")
    print(f"Load average (1, 5, 15 min): {', '.join(f'{n:.1f}' for n in os.getloadavg())}", flush=True)


def main() -> None:
    global TOKEN
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    from devdata.build import build_demo

    build_demo(log=lambda line: None)
    print(f"Demo built in {time.perf_counter() - started:.0f} s ({settings.DATABASES['default']['ENGINE']})")
    print(f"Load average (1, 5, 15 min): {', '.join(f'{n:.1f}' for n in os.getloadavg())}")
    from accounts.models import User
    from accounts.services import issue_api_token

    TOKEN = issue_api_token(user=User.objects.get(username="department-analyst"))
    sizes = [corpus_size()]
    found = clients()
    results: dict[str, list] = {}
    for name, who, url, headers in pages():
        results.setdefault(name, []).append(measure(found[who], url, headers))
    multiply_corpus(COPIES)
    sizes.append(corpus_size())
    for name, who, url, headers in pages():
        results[name].append(measure(found[who], url, headers))
    report(results, sizes)


if __name__ == "__main__":
    main()
