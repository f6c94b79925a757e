"""Results many people read (the register's rows, the explorer's counts, a council's waiting work), cached
in the database so every app server shares them, and invalidated by version keys (decision 0027).

Each cached result names the *namespaces* it depends on. A namespace has a version: a random token kept in
the cache under `version:<namespace>`. A result is stored under a key made of its name, its parameters and
the current tokens of its namespaces, so changing a token retires every result that depended on it; the
old entries are never read again and expire or are culled.

Tokens change in the same database transaction as the change itself: `record_event` (core/audit.py) saves an
AuditEvent for every state change, and the receiver below changes the tokens of the namespaces that event
can affect, inside that transaction. A reader on any server either sees the old data and the old token or
the new data and the new token; a result computed from old data can only be stored under a token that is
already retired. Tokens are random, never counters, so a token the cache culled and made again can never
match an old entry.
"""

import functools
import hashlib
import uuid
from collections.abc import Callable, Iterable
from importlib import import_module
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.module_loading import module_has_submodule

from core.models import AuditEvent

# The namespaces. REGISTER: each council's stage, deadline and chases on each return (the department's
# register, its counts, the API's statuses). CORPUS: the analysis corpus (the explorer's counts, the panel
# summary, search, the API's documents). WORKSPACE: every council's own work at once (events that name no
# council, such as loading national figures). COUNCIL: one council's own work (its workspace and waiting work).
REGISTER = "register"
CORPUS = "corpus"
WORKSPACE = "workspace"


def council(code: str) -> str:
    return f"council:{code}"


# What an audit event may change, as the app that writes it says in its `<app>/events.py` (a `CHANGES` dict
# from the event's name to one of these); core knows no event. An event no app names changes everything,
# so a new kind of event is safe by default.
NOTHING_SHOWN = "nothing shown"  # signing in, second factors, API tokens
COUNCIL_WORK = "the council's own work"  # a draft's text, its report, checklist, meetings, monitoring
CORPUS_ONLY = "the corpus only"  # documents, passages, tags, reviews, analysis runs
STAGE = "the council's stage and work"  # the flow's steps, deadlines and chases; never the corpus


@functools.cache
def changes_by_event() -> dict[str, str]:
    """Every event's CHANGES entry, from every installed app's `events` module (as core.event_labels)."""
    found: dict[str, str] = {}
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "events"):
            found |= getattr(import_module(f"{config.name}.events"), "CHANGES", {})
    return found


DAY = 24 * 60 * 60
MISSING = object()


def namespaces_changed_by(action: str, council_code: str) -> tuple[str, ...]:
    """The namespaces an audit event of this kind, about this council (or none), may change."""
    change = changes_by_event().get(action)
    if change == NOTHING_SHOWN:
        return ()
    if change == CORPUS_ONLY:
        return (CORPUS,)
    work = council(council_code) if council_code else WORKSPACE
    if change == COUNCIL_WORK:
        return (work,)
    if change == STAGE:
        return (work, REGISTER)
    return (work, REGISTER, CORPUS)


def changed(*namespaces: str) -> None:
    """Retire every result depending on these namespaces. Call inside the transaction of the change."""
    if namespaces:
        cache.set_many({f"version:{name}": uuid.uuid4().hex for name in namespaces}, timeout=None)
        for name in namespaces:
            if name in _warmers and settings.WARM_SHARED_RESULTS:
                transaction.on_commit(functools.partial(_queue_warming, name))


# Results too costly to work out while a reader waits (the panel summary over a large corpus) are worked out
# again by a task as soon as a change retires them, so the first reader after the change finds them ready.
# An app registers the task that does it for a namespace (`warm_after_change`, in its AppConfig.ready).
_warmers: dict[str, list[Callable[[], Any]]] = {}
WARMING_PENDING_SECONDS = 600


def warm_after_change(namespace: str, enqueue: Callable[[], Any]) -> None:
    """After any committed change to `namespace`, call `enqueue` (which queues a task) once, however many
    changes come before the task starts."""
    _warmers.setdefault(namespace, []).append(enqueue)


def _queue_warming(namespace: str) -> None:
    # add() is atomic across servers: one task queued until it starts (`warming_started`), not one per change.
    if cache.add(f"warming:{namespace}", 1, timeout=WARMING_PENDING_SECONDS):
        for enqueue in _warmers[namespace]:
            enqueue()


def warming_started(namespace: str) -> None:
    """Called first by a warming task: a change from here on queues the task again."""
    cache.delete(f"warming:{namespace}")


def shared_changed() -> None:
    """For writes that record no audit event of their own (a repair of stored statuses; bulk loads in
    benchmarks and tests): retire every shared result, every council's own work included."""
    changed(REGISTER, CORPUS, WORKSPACE)


def versions(namespaces: Iterable[str]) -> tuple[str, ...]:
    """The current token of each namespace, made (and shared) if the cache holds none. One query."""
    names = list(namespaces)
    keys = [f"version:{name}" for name in names]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            token = uuid.uuid4().hex
            # add, not set: if another server made a token meanwhile, use theirs.
            found[key] = token if cache.add(key, token, timeout=None) else cache.get(key, token)
    return tuple(found[key] for key in keys)


def key_for(name: str, namespaces: Iterable[str], parts: Iterable[Any]) -> str:
    tokens = versions(namespaces)
    digest = hashlib.sha256(repr((tuple(parts), tokens)).encode()).hexdigest()
    return f"{name}:{digest}"


def cached_entry(
    name: str, *, namespaces: Iterable[str], parts: Iterable[Any], compute: Callable[[], Any]
) -> tuple[str, Any]:
    """(key, value): `compute()`'s result, shared through the cache until one of `namespaces` changes. Two
    queries when cached (the tokens, the result); `parts` are whatever else the result depends on (filters,
    a date). The key names this version of the result: a template's `{% cache %}` fragment varied on it is
    retired with it."""
    key = key_for(name, namespaces, parts)
    value = cache.get(key, MISSING)
    if value is MISSING:
        value = compute()
        cache.set(key, value, timeout=DAY)
    return key, value


def cached(name: str, *, namespaces: Iterable[str], parts: Iterable[Any], compute: Callable[[], Any]) -> Any:
    """`compute()`'s result, shared through the cache until one of `namespaces` changes (`cached_entry`)."""
    return cached_entry(name, namespaces=namespaces, parts=parts, compute=compute)[1]


@receiver(post_save, sender=AuditEvent, dispatch_uid="shared_cache_audit_event")
def _audit_event_saved(sender, instance: AuditEvent, created: bool, **kwargs) -> None:
    if created:
        changed(*namespaces_changed_by(instance.action, instance.council_code))
