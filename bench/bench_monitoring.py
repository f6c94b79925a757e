"""Monitoring: how fast figures import and how fast a council's progress page is served.

Run from the project root: `.venv/bin/python bench/bench_monitoring.py`. It sets up Django itself with a
throwaway SQLite file (or BENCH_DATABASE_URL), loads the register, the return and the metrics catalogue,
and writes a CSV of 317 councils x every metric that applies to each (about 30) x 5 periods, about
48,000 rows, like the demo's generated figures. Then, in the same run:

- **import**: the whole file through `monitoring.services.import_metric_values` (every row checked,
  written, distributions and similar councils worked out, one audit event), as rows per second, against
  reading the same file with Python's csv module (the least any import must do), and the same file again
  (nothing changes). Target: the whole file in under 10 s.
- **progress page**: Dorset's public progress page (its published plan's two commitments followed with
  metrics, and every metric that applies to a unitary authority against similar councils: about 30 SVG
  charts, each with its table), server time through Django's test client, median of 25, against a page of
  the same size with no data work (the same HTML rendered into the same base template from a string, through
  the same middleware), interleaved. Target: under 100 ms.
"""

import csv
import datetime
import io
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = tempfile.mkdtemp(prefix="bench-monitoring-")
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{WORK}/bench.sqlite3")
os.environ["MEDIA_ROOT"] = f"{WORK}/media"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage")
os.environ.setdefault("STATIC_ROOT", f"{WORK}/static")
os.makedirs(os.environ["STATIC_ROOT"], exist_ok=True)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.template import engines  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import include, path  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.safestring import mark_safe  # noqa: E402

RUNS = 25
PERIODS = 5
IMPORT_TARGET_S = 10
PAGE_TARGET_MS = 100
PAGE = "/councils/E06000059/progress/"


def figures_file() -> tuple[bytes, int]:
    """317 councils x every metric that applies x 5 periods, generated as the demo generates them."""
    from councils.selectors import search_councils
    from devdata.monitoring_demo import demo_csv, demo_rows
    from monitoring.selectors import metrics

    rows = demo_rows(list(search_councils().order_by("gss_code")), list(metrics()))
    kept, seen = [], {}
    for row in rows:  # five periods of each council and metric (the last five quarters of a quarterly one)
        seen.setdefault(row[:2], []).append(row)
    for series in seen.values():
        kept += series[-PERIODS:]
    return demo_csv(kept), len(kept)


def publish_dorset(analyst):
    """Dorset's plan, published with two commitments, each followed with a metric."""
    from councils.selectors import council_by_code
    from councils.services import grant_council_role
    from governance.services.decisions import record_decision
    from monitoring.selectors import metric_by_slug
    from monitoring.services import track_commitment
    from plans.selectors import return_by_slug
    from plans.services import add_commitment, freeze_draft, save_draft, start_draft
    from submissions.services import publish_version, submit_version

    User = django.contrib.auth.get_user_model()
    dorset = council_by_code("E06000059")
    author = User.objects.create_user(username="bench-author")
    chief = User.objects.create_user(username="bench-chief")
    grant_council_role(user=author, council=dorset, role="plan_author")
    grant_council_role(user=author, council=dorset, role="democratic_services")
    grant_council_role(user=chief, council=dorset, role="chief_executive")
    draft = start_draft(council=dorset, return_definition=return_by_slug("productivity-plan-2024"), actor=author)
    draft = save_draft(
        draft=draft,
        bodies={n: f"Theme {n} text." for n in range(1, 5)},
        based_on_revision=draft.revision,
        actor=author,
    )
    commitments = [
        add_commitment(
            draft=draft,
            action=action,
            owner="Director",
            due_on=datetime.date(2026, 3, 31),
            measure=measure,
            baseline=baseline,
            target=target,
            actor=author,
        )
        for action, measure, baseline, target in [
            ("Move more customer contact online", "Contacts handled online", "48%", "60%"),
            ("Cut sickness absence", "Days lost per employee", "10", "8.5"),
        ]
    ]
    draft.refresh_from_db()
    version = freeze_draft(draft=draft, actor=author)
    record_decision(
        version=version, outcome="approved", decision_maker="Cabinet", decided_on=timezone.localdate(), actor=author
    )
    submit_version(version=version, actor=chief, certifier_role="chief_executive", send_receipt=False)
    publish_version(version=version, actor=author)
    for commitment, slug, baseline, target in [
        (commitments[0], "corporate-contacts-online", "48", "60"),
        (commitments[1], "workforce-sickness-absence", "10", "8.5"),
    ]:
        track_commitment(
            commitment=commitment,
            metric=metric_by_slug(slug),
            baseline_value=Decimal(baseline),
            baseline_period="2022-23",
            target_value=Decimal(target),
            target_on=datetime.date(2026, 3, 31),
            actor=author,
        )


# A page of the same size with no data work: the progress page's main content, rendered into the same base
# template from a string, through the same URL routing and middleware.
SAME_SIZE = {"html": ""}
_frame = None


def same_size_page(request):
    global _frame
    if _frame is None:
        _frame = engines["django"].from_string(
            '{% extends "base.html" %}{% block page_title %}Same size{% endblock %}{% block content %}{{ body }}'
            "{% endblock %}"
        )
    return HttpResponse(_frame.render({"body": mark_safe(SAME_SIZE["html"])}, request))


urlpatterns = [path("bench/same-size/", same_size_page), path("", include("config.urls"))]


def median_ms(samples) -> float:
    return statistics.median(samples) * 1000


def main() -> None:
    call_command("migrate", verbosity=0)
    from councils.services import load_council_register
    from monitoring.services import define_metrics, import_metric_values
    from plans.services import define_returns_from_files

    load_council_register(path=settings.COUNCILS_CSV)
    define_returns_from_files()
    define_metrics()
    User = django.contrib.auth.get_user_model()
    analyst = User.objects.create_user(username="bench-analyst", department_role="analyst")
    data, rows = figures_file()

    started = time.perf_counter()
    list(csv.reader(io.StringIO(data.decode("utf-8"))))
    read_s = time.perf_counter() - started
    started = time.perf_counter()
    result = import_metric_values(data=data, file_name="bench.csv", actor=analyst)
    import_s = time.perf_counter() - started
    started = time.perf_counter()
    again = import_metric_values(data=data, file_name="bench.csv", actor=analyst)
    again_s = time.perf_counter() - started
    assert result.created == rows and again.unchanged == rows and not again.changed_anything

    print(
        f"Import of {rows:,} rows ({len(data) / 1024 / 1024:.1f} MB, 317 councils x their metrics x {PERIODS} periods)"
    )
    print(
        f"  import_metric_values:   {import_s:6.2f} s  {rows / import_s:10,.0f} rows/s  "
        f"(target: under {IMPORT_TARGET_S} s)"
    )
    print(f"  csv.reader of the file: {read_s:6.2f} s  {rows / read_s:10,.0f} rows/s  (baseline)")
    print(f"  ratio import / bare read: {import_s / read_s:.1f}x")
    print(f"  the same file again:    {again_s:6.2f} s  (nothing changed: {again.unchanged:,} rows unchanged)")

    publish_dorset(analyst)
    settings.ROOT_URLCONF = __name__
    client = Client()
    page = client.get(PAGE)
    assert page.status_code == 200, page.status_code
    html = page.content.decode()
    main_html = html[html.index('<main class="govuk-main-wrapper" id="main-content">') : html.index("</main>")]
    SAME_SIZE["html"] = main_html
    same = client.get("/bench/same-size/")
    charts = html.count('<svg class="app-chart"')
    tables = html.count("<table")
    page_times, same_times = [], []
    for _ in range(RUNS):
        started = time.perf_counter()
        client.get(PAGE)
        page_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        client.get("/bench/same-size/")
        same_times.append(time.perf_counter() - started)
    page_ms, same_ms = median_ms(page_times), median_ms(same_times)
    print(f"Progress page {PAGE}: {charts} charts, {tables} tables, {len(page.content) / 1024:.0f} KB")
    print(f"  progress page:          median {page_ms:6.1f} ms  (target: under {PAGE_TARGET_MS} ms)")
    print(f"  same size, no data work: median {same_ms:6.1f} ms  ({len(same.content) / 1024:.0f} KB)")
    print(f"  ratio: {page_ms / same_ms:.2f}x")


if __name__ == "__main__":
    main()
