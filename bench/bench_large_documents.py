"""How long the analysis document page and the analysis API take for the largest document the limits allow.

Run from the project root: `.venv/bin/python bench/bench_large_documents.py`. It sets up Django itself with a
throwaway SQLite file and media folder, then imports two plain-text documents through the real import
(`import_plan_document`: read in the limited child process, stored, analysed):

- the largest the limits allow: `analysis.reading.extract.MAX_PASSAGES` passages of plan-like text (themes,
  barriers and figures found throughout), as close to `analysis.reading.extract.MAX_CHARACTERS` as they go;
- a small one: 40 passages of the same text.

It checks that one passage more than the limit is refused, then times, server-side through the test client
(median of several calls): the document page (`/analysis/documents/<id>/`, one page of
`analysis.selectors.PASSAGES_PER_PAGE` passages), its last page, the API answer
(`/api/v1/documents/<id>/analysis`, its default page) and the API asked for every passage at once
(`limit=MAX_PASSAGES`). Each is printed in milliseconds and as a ratio against the small document in the
same run. Target: every one under 2 s.
"""

import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = tempfile.mkdtemp(prefix="bench-large-documents-")
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{WORK}/bench.sqlite3")
os.environ["MEDIA_ROOT"] = f"{WORK}/media"
os.environ["TASKS_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("REQUIRE_TWO_FACTOR", "false")  # the bench signs its analyst in without a second factor
os.environ.setdefault("STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage")
os.environ.setdefault("STATIC_ROOT", f"{WORK}/static")
os.makedirs(os.environ["STATIC_ROOT"], exist_ok=True)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import CommandError, call_command  # noqa: E402
from django.test import Client  # noqa: E402

RUNS = 7
TARGET_S = 2.0
RETURN = "productivity-plan-2024"
SMALL_PASSAGES = 40


def plan_paragraphs(count: int, budget: int) -> bytes:
    """`count` paragraphs of the demo plans' own kinds of text (with themes, barriers and figures), each
    lengthened to about `budget` characters."""
    from devdata.analysis_demo import BARRIERS, THEME_1, THEME_2, THEME_3_OTHER

    values = {"small": 2, "sites": 3, "systems": 4, "threshold": 10}
    texts = [t.format(**values) for t in THEME_1 + THEME_2 + THEME_3_OTHER] + [text for _, text in BARRIERS]
    out = []
    for n in range(count):
        text = f"{n + 1}. {texts[n % len(texts)]}"
        while len(text) < budget - 120:
            text += " " + texts[(n * 7 + len(text)) % len(texts)]
        out.append(text[: budget - 2].rstrip() + ".")
    return "\n\n".join(out).encode()


def import_text(name: str, data: bytes, council: str = "E06000059") -> int:
    path = Path(WORK) / name
    path.write_bytes(data)
    out = io.StringIO()
    call_command("import_plan_document", "--council", council, "--return", RETURN, str(path), "--json", stdout=out)
    return json.loads(out.getvalue())["document_id"]


def median_s(client: Client, url: str, **headers) -> tuple[float, int]:
    response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.status_code)
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        client.get(url, **headers)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples), len(response.content)


def main() -> None:
    from accounts.services import issue_api_token
    from analysis.models import Document, PassageBarrier, PassageTheme
    from analysis.reading.extract import MAX_CHARACTERS, MAX_PASSAGES
    from analysis.selectors import PASSAGES_PER_PAGE
    from councils.services import load_council_register
    from plans.services import define_returns_from_files

    call_command("migrate", verbosity=0)
    load_council_register(path=settings.COUNCILS_CSV)
    define_returns_from_files()
    User = django.contrib.auth.get_user_model()
    analyst = User.objects.create_user(username="bench-analyst", department_role="analyst")

    budget = (MAX_CHARACTERS - 2 * MAX_PASSAGES) // MAX_PASSAGES
    try:
        import_text("too-long.txt", plan_paragraphs(MAX_PASSAGES + 1, 100))
        raise SystemExit("A file with one passage more than the limit was imported")
    except CommandError as refused:
        print(f"One passage over the limit: refused ({refused})")
    started = time.perf_counter()
    largest = import_text("largest.txt", plan_paragraphs(MAX_PASSAGES, budget))
    import_s = time.perf_counter() - started
    small = import_text("small.txt", plan_paragraphs(SMALL_PASSAGES, budget), council="E06000066")
    document = Document.objects.get(pk=largest)
    passages = document.passages.count()
    characters = sum(len(text) for text in document.passages.values_list("text", flat=True))
    themes = PassageTheme.objects.filter(document=document, present=True).count()
    barriers = PassageBarrier.objects.filter(document=document, present=True).count()
    print(
        f"Largest document: {passages:,} passages, {characters:,} characters, {themes:,} theme tags, "
        f"{barriers:,} barrier tags; imported in {import_s:.1f} s"
    )

    client = Client()
    client.force_login(analyst)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {issue_api_token(user=analyst)}"}
    last_page = (passages - 1) // PASSAGES_PER_PAGE + 1
    cases = [
        ("document page (first page)", "/analysis/documents/{id}/", {}),
        ("document page (last page)", "/analysis/documents/{id}/?page=99", {}),
        ("API answer (default page)", "/api/v1/documents/{id}/analysis", headers),
        (f"API answer (limit={MAX_PASSAGES})", f"/api/v1/documents/{{id}}/analysis?limit={MAX_PASSAGES}", headers),
    ]
    print(f"Server time, median of {RUNS} (largest: {passages:,} passages, {last_page} pages; small: {SMALL_PASSAGES})")
    worst = 0.0
    for label, url, extra in cases:
        big_s, big_bytes = median_s(client, url.format(id=largest), **extra)
        small_s, _ = median_s(client, url.format(id=small), **extra)
        worst = max(worst, big_s)
        print(
            f"  {label:32} {big_s * 1000:7.1f} ms ({big_bytes / 1024:6.0f} KB)   small {small_s * 1000:6.1f} ms"
            f"   ratio {big_s / small_s:5.1f}x"
        )
    print(
        f"Slowest: {worst * 1000:.0f} ms (target: under {TARGET_S:.0f} s) - {'met' if worst < TARGET_S else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
