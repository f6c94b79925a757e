"""Every audit event the code writes is named by its own app, so no page shows a bare event name, and
core, which shows the names, knows none of them."""

import ast
import re

from core import event_labels
from tests.unit.test_code_rules import ROOT, _local_apps

EVENT_NAME = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]*)+")  # VersionFrozen, PlanSubmitted: past tense, CamelCase


def _names_given(call: ast.Call) -> list[str]:
    """Event names given to a call as `action=`, a constant or either side of a conditional."""
    given = []
    for keyword in call.keywords:
        if keyword.arg == "action":
            value = keyword.value
            sides = [value.body, value.orelse] if isinstance(value, ast.IfExp) else [value]
            given += [side.value for side in sides if isinstance(side, ast.Constant) and isinstance(side.value, str)]
    return [name for name in given if EVENT_NAME.fullmatch(name)]


def _events_written() -> dict[str, str]:
    """Each event name given as `action=` anywhere in the apps' code, with the first place it is given."""
    found: dict[str, str] = {}
    for app in _local_apps():
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call):
                    for name in _names_given(node):
                        found.setdefault(name, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_event_written_is_named_by_an_app():
    unnamed = {name: where for name, where in _events_written().items() if name not in event_labels.labels()}
    assert unnamed == {}, f"say what these events are called in the writing app's events.py: {unnamed}"


def test_the_search_finds_the_events_of_every_stage():
    """The test above is only as good as the search: it must see events written in the usual ways."""
    written = _events_written()
    assert {"DraftSaved", "VersionFrozen", "ReportEdited", "ChecklistLineSigned", "ConsulteeInformed"} <= set(written)
    assert {"AgendaPublished", "PlanSubmitted", "ReminderSent", "PlanDocumentImported"} <= set(written)


def test_core_names_no_event():
    """Core shows the names but holds none: no string in its code is an event or an event's label."""
    strings = {
        node.value
        for path in (ROOT / "core").rglob("*.py")
        if "migrations" not in path.parts
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    named_in_core = sorted(strings & {*event_labels.labels(), *event_labels.labels().values()})
    assert named_in_core == [], f"core should know no domain event; it names {named_in_core}"
