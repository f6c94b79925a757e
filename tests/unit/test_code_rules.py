"""Rules about the code itself that keep the architecture visible."""

import re
from pathlib import Path

import pytest
from django.template import engines

ROOT = Path(__file__).resolve().parents[2]


def _local_apps() -> list[str]:
    """The project's own apps, from the app registry: every installed app whose code is in this tree."""
    from django.apps import apps

    return sorted(
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == ROOT and "." not in config.name
    )


def _view_modules() -> list[Path]:
    """Every views.py and views_*.py of a local app, and every module of the API (its operations are views):
    new view modules are covered without a list."""
    views = {path for app in _local_apps() for path in (ROOT / app).glob("views*.py")}
    return sorted(views | set((ROOT / "api").glob("*.py")))


def test_the_rules_see_every_local_app():
    assert {"plans", "governance", "meetings", "submissions", "analysis", "worklist"} <= set(_local_apps())


@pytest.mark.parametrize("views", _view_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_views_reach_objects_only_through_access_and_selectors(views):
    """Views never query models directly: tenancy is checked in access.py, reads live in selectors.py."""
    offending = [
        f"{views.name}:{number}: {line.strip()}"
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


def test_only_core_files_reaches_the_file_store():
    """Every file the service keeps is written, read, hashed and checked by core/files.py, so a local
    folder and object storage behave the same everywhere and a file is checked the same way everywhere."""
    store = re.compile(r"\bdefault_storage\b|django\.core\.files\.storage|\bstorages\[")
    offending = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for app in _local_apps()
        for path in sorted((ROOT / app).rglob("*.py"))
        if path != ROOT / "core" / "files.py" and "migrations" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if store.search(line)
    ]
    assert offending == [], "Use core.files to store and read files:\n" + "\n".join(offending)
