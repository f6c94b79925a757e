"""How long the explorer's queries take over a corpus of every council's plan: 317 councils' documents.

Run from the project root: `.venv/bin/python bench/bench_explorer.py`. It sets up Django itself with a
throwaway SQLite file (or the database in DATABASE_URL if you set BENCH_DATABASE_URL), builds through
the models a corpus shaped like four-page plans: for each of the 317 councils in the register one
current document of 40 passages (plus an older document for one council in ten, which must not be
counted), with theme tags, barrier tags and figures as an analysis run writes them, and a person's
review on about one tag in fifty. Then it times each explorer query (analysis/explorer/selectors.py and
analysis/summaries/services.py, and the full-text search) and the explorer's pages through Django's test client:
the median of 15 calls each, in milliseconds. Target: every query under 100 ms.
"""

import os
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = tempfile.mkdtemp(prefix="bench-explorer-")
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{WORK}/bench.sqlite3")
os.environ["MEDIA_ROOT"] = f"{WORK}/media"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

RUNS = 15
PASSAGES = 40
TARGET_MS = 100

SENTENCES = [
    "We brought customer contact into one centre and moved {n} services online, saving money each year.",
    "Our data strategy joins up housing, benefits and social care records so managers see demand early.",
    "Agency staff cost {p}% of the total staff budget and consultants {q}%, both lower than last year.",
    "Training on equality, diversity and inclusion is limited to what the Public Sector Equality Duty requires.",
    "One-year settlements stop us planning; we ask the government for multi-year settlements.",
    "High needs deficits in special educational needs grow each year; we ask for the statutory override to stay.",
    "Recruiting social workers and planners is hard, and agency rates keep rising.",
    "Fragmented, competitive grants cost time to bid for; we ask for fewer, larger and longer allocations.",
    "We closed {n} depots and share offices with health partners and the police.",
    "Temporary accommodation costs have trebled; we ask for housing benefit subsidy rates to be updated.",
]


def build_corpus() -> int:
    """317 councils' documents, written in bulk through the models as an analysis run writes them."""
    from accounts.models import User
    from analysis.models import AnalysisRun, Document, Figure, Passage, PassageBarrier, PassageTheme
    from councils.models import Council
    from councils.services import load_council_register
    from plans.models import BarrierCategory, Return
    from plans.services import define_returns_from_files

    load_council_register(path=settings.COUNCILS_CSV)
    define_returns_from_files()
    return_definition = Return.objects.get(slug="productivity-plan-2024")
    themes = list(return_definition.themes.order_by("number"))
    categories = list(BarrierCategory.objects.order_by("slug"))
    reviewer = User.objects.create_user(username="bench-analyst", department_role="analyst")
    now = timezone.now()
    run = AnalysisRun.objects.create(method_version="bench", requested_at=now, status="done")
    councils = list(Council.objects.order_by("gss_code"))
    rng = random.Random(2024)
    with transaction.atomic():
        documents = []
        for index, council in enumerate(councils):
            documents.append(
                Document(
                    council=council,
                    return_definition=return_definition,
                    title=f"{council.name} productivity plan",
                    source="imported",
                    format="pdf",
                    file_sha256=f"{index:064d}",
                    imported_at=now,
                    page_count=4,
                )
            )
            if index % 10 == 0:
                documents.append(
                    Document(
                        council=council,
                        return_definition=return_definition,
                        title=f"{council.name} draft",
                        source="imported",
                        format="pdf",
                        file_sha256=f"old{index:061d}",
                        imported_at=now,
                        page_count=5,
                        is_current=False,
                    )
                )
        Document.objects.bulk_create(documents)
        documents = list(Document.objects.order_by("pk"))
        passages = []
        for document in documents:
            for position in range(1, PASSAGES + 1):
                text = rng.choice(SENTENCES).format(
                    n=rng.randint(2, 9), p=f"{rng.uniform(0.1, 6):.2f}", q=f"{rng.uniform(0.1, 3):.2f}"
                )
                passages.append(
                    Passage(
                        document=document,
                        position=position,
                        page=1 + (position - 1) * 4 // PASSAGES,
                        kind="paragraph",
                        heading="Theme",
                        text=text,
                    )
                )
        Passage.objects.bulk_create(passages, batch_size=2000)
        passages = list(Passage.objects.select_related("document").order_by("pk"))
        theme_tags, barrier_tags, figures = [], [], []
        for passage in passages:
            for theme in rng.sample(themes, rng.choice([0, 1, 1, 1, 2])):
                theme_tags.append(PassageTheme(passage=passage, document=passage.document, theme=theme, run=run))
            if rng.random() < 0.12:
                for category in rng.sample(categories, rng.choice([1, 1, 2])):
                    barrier_tags.append(
                        PassageBarrier(
                            passage=passage,
                            document=passage.document,
                            category=category,
                            ask="We ask the government for multi-year settlements.",
                            run=run,
                        )
                    )
            if "% of the total staff budget" in passage.text:
                for kind, value in (
                    ("agency_share_of_staff_budget", rng.uniform(0.1, 6)),
                    ("consultant_share_of_staff_budget", rng.uniform(0.1, 3)),
                ):
                    figures.append(
                        Figure(
                            passage=passage,
                            document=passage.document,
                            kind=kind,
                            key="s0",
                            value=Decimal(f"{value:.2f}"),
                            unit="percent",
                            quote=f"{value:.2f}%",
                            run=run,
                        )
                    )
        for rows in (theme_tags, barrier_tags, figures):
            for row in rows:
                if rng.random() < 0.02:
                    row.source, row.reviewed_by, row.reviewed_at = "person", reviewer, now
                    row.present = rng.random() < 0.7
        PassageTheme.objects.bulk_create(theme_tags, batch_size=2000)
        PassageBarrier.objects.bulk_create(barrier_tags, batch_size=2000)
        Figure.objects.bulk_create(figures, batch_size=2000)
    print(
        f"Corpus: {len(councils)} councils, {len(documents)} documents, {len(passages)} passages, "
        f"{len(theme_tags)} theme tags, {len(barrier_tags)} barrier tags, {len(figures)} figures"
    )
    return len(councils)


def median_ms(call) -> float:
    call()  # warm: first-call costs (query compilation, template loading) are not the steady state
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def main() -> None:
    call_command("migrate", verbosity=0)
    build_corpus()
    from accounts.models import User
    from analysis.explorer import selectors as explorer
    from analysis.selectors import search_passages
    from analysis.summaries import services as summary
    from plans.models import Return
    from plans.selectors import barrier_categories

    return_definition = Return.objects.get(slug="productivity-plan-2024")
    themes = list(return_definition.themes.order_by("number"))
    categories = barrier_categories()
    everything = explorer.Filters(return_definition)
    counties = explorer.Filters(return_definition, authority_type="district", region="South East")

    def page_of_evidence():
        tags = explorer.evidence_tags(everything, explorer.Question(barrier="funding-certainty"))
        explorer.evidence(tags[:50])
        explorer.councils_behind(tags)

    queries = {
        "councils in scope (by type and region)": lambda: explorer.scope(everything),
        "barrier categories by councils, type and region": lambda: explorer.barrier_counts(everything, categories),
        "  the same, districts in the South East": lambda: explorer.barrier_counts(counties, categories),
        "theme coverage by councils, type and region": lambda: explorer.theme_counts(everything, themes),
        "figure kinds (councils, figures)": lambda: explorer.figure_kind_counts(everything),
        "agency share as distributions by type": lambda: explorer.compare_figures(
            everything, "agency_share_of_staff_budget"
        ),
        "tags reviewed by a person": lambda: explorer.review_counts(everything),
        "passages behind a barrier count (page of 50)": page_of_evidence,
        "passages behind a figure range": lambda: list(
            explorer.evidence_tags(
                everything,
                explorer.Question(figure="agency_share_of_staff_budget", low=Decimal("1"), high=Decimal("2")),
            )[:50]
        ),
        "full-text search (analysis.selectors.search_passages)": lambda: search_passages(
            "multi-year settlements", return_definition=return_definition, limit=200
        ),
    }
    exports = {
        "panel summary data (every citation, for the exports)": lambda: summary.panel_summary(
            everything, themes=themes, categories=categories
        ),
    }
    print(f"\nExplorer queries over 317 councils' documents (median of {RUNS}, ms; target < {TARGET_MS} ms):")
    slow = []
    for name, call in queries.items():
        found = median_ms(call)
        print(f"  {name:<52} {found:8.1f}{'' if found < TARGET_MS else '  OVER TARGET'}")
        if found >= TARGET_MS:
            slow.append(name)

    print(f"\nExports (median of {RUNS}, ms; not explorer queries, no target):")
    for name, call in exports.items():
        print(f"  {name:<52} {median_ms(call):8.1f}")

    client = Client()
    client.force_login(User.objects.get(username="bench-analyst"))
    pages = {
        "overview": "/analysis/explorer/",
        "barriers": "/analysis/explorer/barriers/",
        "themes": "/analysis/explorer/themes/",
        "figures": "/analysis/explorer/figures/",
        "passages behind a count": "/analysis/explorer/passages/?barrier=funding-certainty",
        "search": "/analysis/explorer/search/?q=multi-year+settlements",
        "panel summary CSV": "/analysis/explorer/summary.csv",
        "panel summary page": "/analysis/explorer/summary/",
    }
    print(f"\nWhole pages through the test client (median of {RUNS}, ms):")
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        print(f"  {name:<52} {median_ms(lambda url=url: client.get(url)):8.1f}")
    import pypdfium2

    offer = client.get("/analysis/explorer/summary.pdf")
    assert offer["Content-Type"].startswith("text/html"), "a whole-corpus summary is printed in the background"
    found = summary.panel_summary(everything, themes=themes, categories=categories)
    started = time.perf_counter()
    summary.store_pdf(found)  # what the background task does
    elapsed = (time.perf_counter() - started) * 1000
    response = client.get("/analysis/explorer/summary.pdf")
    pages_in_pdf = len(pypdfium2.PdfDocument(response.content))
    print(f"  {f'panel summary PDF, printed by the worker ({pages_in_pdf} pages)':<52} {elapsed:8.1f}")
    served = median_ms(lambda: client.get("/analysis/explorer/summary.pdf"))
    print(f"  {'panel summary PDF, served once printed':<52} {served:8.1f}")
    print(f"\n{len(queries) - len(slow)} of {len(queries)} queries under {TARGET_MS} ms.", flush=True)


if __name__ == "__main__":
    main()
