"""Rules about the code itself that keep the architecture visible."""

import re
from pathlib import Path

import pytest
from django.template import engines

ROOT = Path(__file__).resolve().parents[2]
APPS = ["core", "accounts", "councils", "plans", "governance", "submissions", "portal", "api"]


@pytest.mark.parametrize("app", APPS)
def test_views_reach_objects_only_through_access_and_selectors(app):
    """Views never query models directly: tenancy is checked in access.py, reads live in selectors.py."""
    views = ROOT / app / "views.py"
    if not views.exists():
        pytest.skip(f"{app} has no views")
    offending = [
        f"views.py:{number}: {line.strip()}"
        for number, line in enumerate(views.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"\.objects\.", line)
    ]
    assert offending == [], "Use access.py or selectors.py instead of querying in a view:\n" + "\n".join(offending)


def _templates():
    paths = [*ROOT.glob("templates/**/*.html"), *ROOT.glob("*/templates/**/*.html")]
    return sorted(p for p in paths if "node_modules" not in p.parts)


@pytest.mark.parametrize("path", _templates(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_template_compiles(path):
    engine = engines["django"]
    engine.from_string(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", _templates(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_template_comment_spans_lines(path):
    """Django's {# #} comments are single-line; a two-line one prints on the page."""
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"\{#(?:(?!#\}).)*\n", text), f"{path.name}: use {{% comment %}} for multi-line comments"
