"""How long the guidance checks and a four-page plan's PDF take.

Run from the project root: `.venv/bin/python bench/bench_checks_and_pdf.py`. It sets up Django
itself with a throwaway SQLite file and media folder (nothing is read from or written to the
project's database), builds a plan that renders to exactly four A4 pages, then times:

1. every guidance check over that plan (plans.checks.run_checks), in milliseconds;
2. its PDF through core.pdf.render_pdf (tagged PDF/UA-1, page count) against bare WeasyPrint
   `HTML(string=same_html).write_pdf()` on the same HTML, in the same run, as a ratio.
"""

import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = tempfile.mkdtemp(prefix="bench-checks-pdf-")
os.environ["DATABASE_URL"] = f"sqlite:///{WORK}/bench.sqlite3"
os.environ["MEDIA_ROOT"] = f"{WORK}/media"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from weasyprint import HTML  # noqa: E402

from core.pdf import render_pdf  # noqa: E402
from plans.checks import run_checks  # noqa: E402
from plans.rendering import plan_html  # noqa: E402

PARAGRAPH = (
    "We brought the customer contact teams of the former district councils together into one service, answering "
    "most calls at the first point of contact and moving routine requests online, which saved money each year. "
)
THEMES = {
    1: "Transformation of services to make better use of resources",
    2: "Using technology and data to improve decisions, service design and use of resources",
    3: "Reducing wasteful spend within the organisation and wider systems",
    4: "Barriers preventing progress that the government can help to reduce or remove",
}
RETURN = {
    "slug": "productivity-plan-2024",
    "title": "Productivity plan 2024",
    "deadline": datetime.date(2024, 7, 19),
    "page_limit": 4,
    "requires_member_endorsement": True,
}


def plan(paragraphs: int) -> dict:
    body = "\n\n".join([PARAGRAPH * 3] * paragraphs)
    return {
        "return": "productivity-plan-2024",
        "return_title": "Productivity plan 2024",
        "council": {"ons_code": "E06000059", "name": "Dorset Council"},
        "introduction": "Dorset Council serves 379,000 residents across a large rural area.",
        "sections": [{"theme": n, "title": title, "body": body} for n, title in THEMES.items()],
        "spend_evidence": {
            "year": "2023/24",
            "staff_budget": "100000000.00",
            "agency_spend": "350000.00",
            "consultant_spend": "960000.00",
            "agency_share_percent": "0.35",
            "consultant_share_percent": "0.96",
            "edi_statement": "Staff EDI training is limited to the Public Sector Equality Duty.",
        },
        "barriers": [
            {
                "category": "funding-certainty",
                "category_label": "Funding certainty",
                "description": "One-year settlements stop us planning.",
                "ask": "Multi-year settlements.",
            }
        ],
        "commitments": [
            {
                "action": "Move 80% of contacts online",
                "owner": "Director of Corporate Development",
                "due_on": "2025-03-31",
                "theme": 2,
                "measure": "Share of contacts online",
                "baseline": "55%",
                "target": "80%",
            }
        ],
    }


def four_page_plan() -> tuple[dict, str]:
    for paragraphs in range(1, 20):
        content = plan(paragraphs)
        html = plan_html(content)
        pages = render_pdf(html).page_count
        if pages == 4:
            return content, html
        if pages > 4:
            break
    raise SystemExit("could not build a plan of exactly four pages")


def timed(function, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    content, html = four_page_plan()
    words = sum(len(s["body"].split()) for s in content["sections"])
    today = datetime.date(2024, 7, 9)
    print(f"A four-page plan: {words:,} words in the themes, {len(html):,} characters of HTML")

    first = timed(lambda: run_checks(content, RETURN, 4, today, False), 1)[0]
    checks = timed(lambda: run_checks(content, RETURN, 4, today, False), 500)
    print(
        f"checks (all {len(run_checks(content, RETURN, 4, today, False))}): "
        f"median {statistics.median(checks) * 1000:.3f} ms, max {max(checks) * 1000:.3f} ms "
        f"(first call, reading the return file: {first * 1000:.3f} ms)"
    )

    project, bare = [], []
    for _ in range(5):  # interleaved, so both see the same machine state
        project += timed(lambda: render_pdf(html), 1)
        bare += timed(lambda: HTML(string=html).write_pdf(), 1)
    p, b = statistics.median(project), statistics.median(bare)
    print(f"render_pdf (PDF/UA-1, page count): median {p * 1000:.0f} ms over {len(project)} runs")
    print(f"bare WeasyPrint write_pdf():        median {b * 1000:.0f} ms over {len(bare)} runs")
    print(f"ratio render_pdf / bare: {p / b:.2f}")


if __name__ == "__main__":
    main()
