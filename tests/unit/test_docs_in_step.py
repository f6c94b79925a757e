"""The docs a newcomer reads first stay true to the code: every local app is on the map, and every
dotted name or file path the docs give in backticks still exists."""

import importlib
import re

import pytest

from tests.unit.test_code_rules import ROOT, _local_apps

DOCS = sorted([ROOT / "README.md", *ROOT.glob("docs/**/*.md")])
CODE = re.compile(r"`([^`\s]+)`")


def _is_model_or_permission(dotted: str) -> bool:
    """`app.Model` and `app.Model.field` as Django names them; `app.permission` as councils/permissions.py does."""
    import rules
    from django.apps import apps

    app, name, *rest = dotted.split(".")
    try:
        model = apps.get_model(app, name)
    except LookupError:
        return not rest and rules.perm_exists(dotted)
    return all(any(f.name == field for f in model._meta.get_fields()) or hasattr(model, field) for field in rest)


def _resolves(dotted: str) -> bool:
    if _is_model_or_permission(dotted):
        return True
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            target = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            if not hasattr(target, name):
                return False
            target = getattr(target, name)
        return True
    return False


def _references(kind: str) -> list[tuple[str, str]]:
    apps = tuple(_local_apps())
    found = set()
    for doc in DOCS:
        for code in CODE.findall(doc.read_text(encoding="utf-8")):
            code = code.rstrip(".,:;()")
            if (
                kind == "dotted"
                and re.fullmatch(r"[a-z_]+(\.[A-Za-z_]\w*)+", code)
                and code.startswith(tuple(f"{app}." for app in apps))
            ):
                found.add((str(doc.relative_to(ROOT)), code))
            if (
                kind == "path"
                and re.fullmatch(r"[\w./-]+\.(py|md|json|csv|toml|html)", code)
                and code.startswith(
                    tuple(f"{app}/" for app in apps) + ("docs/", "bench/", "templates/", "tests/", "scripts/")
                )
            ):
                found.add((str(doc.relative_to(ROOT)), code))
    return sorted(found)


def test_every_local_app_is_on_the_map():
    text = (ROOT / "docs" / "directory-structure.md").read_text(encoding="utf-8")
    missing = [app for app in _local_apps() if not re.search(rf"^{app}/", text, re.MULTILINE)]
    assert missing == [], f"docs/directory-structure.md does not say what these apps hold: {missing}"


@pytest.mark.parametrize("doc, dotted", _references("dotted"))
def test_every_dotted_name_in_the_docs_exists(doc, dotted):
    assert _resolves(dotted), f"{doc} names `{dotted}`, which the code no longer has"


@pytest.mark.parametrize("doc, path", _references("path"))
def test_every_file_path_in_the_docs_exists(doc, path):
    candidates = [ROOT / path, *ROOT.glob(f"*/{path}")]
    assert any(candidate.exists() for candidate in candidates), f"{doc} names `{path}`, which does not exist"
