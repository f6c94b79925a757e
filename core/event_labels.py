"""What each audit event is called on a page. Core knows no event: each app that writes events names
them in its own `<app>/events.py`, as a `LABELS` dict from the event's name to what a page calls it,
and this module finds those modules through the app registry, as the admin finds `admin.py`.
"""

from functools import cache
from importlib import import_module

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import module_has_submodule


@cache
def labels() -> dict[str, str]:
    """Every event's label, from every installed app's `events.LABELS`."""
    found: dict[str, str] = {}
    for config in apps.get_app_configs():
        if not module_has_submodule(config.module, "events"):
            continue
        for action, label in import_module(f"{config.name}.events").LABELS.items():
            if action in found:
                raise ImproperlyConfigured(f"Two apps name the event {action}")
            found[action] = label
    return found


def label(action: str) -> str:
    """The event's label; an event no app names reads as its name (tests require every event named)."""
    return labels().get(action, action)
