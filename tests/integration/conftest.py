"""Fixtures for the integration layer: plans walked through the services, and two speed-ups.

The shared fixtures (register, councils, people, draft -> submitted version) live in
tests/conftest.py. This file adds `walked_plan` and `somerset_plan`, and keeps the layer fast:
`client` shares one request handler, and `reference_data` loads the register once per module.
"""

from types import SimpleNamespace

import pytest

from tests.conftest import THEME_TEXT


@pytest.fixture(scope="session")
def _shared_client_handler():
    from django.test.client import ClientHandler

    return ClientHandler(enforce_csrf_checks=False)


@pytest.fixture
def client(_shared_client_handler):
    """Django's test client, sharing one request handler across the session.

    A new handler builds the middleware chain on its first request, and WhiteNoise's middleware reads
    every static file when it is built: about a tenth of a second per test. The chain is the same
    settings-wise in every integration test, so it is built once. A test that changes MIDDLEWARE or
    static-file settings must make its own `django.test.Client()`.
    """
    from django.test import Client

    fresh = Client()
    fresh.handler = _shared_client_handler
    return fresh


@pytest.fixture(scope="module")
def reference_data(django_db_setup, django_db_blocker):
    """The 317 councils and the 2024 return, loaded once per module through the real services and
    committed, then removed again, so the database is as empty after the module as before it.

    Loading the register takes a tenth of a second, and nearly every test needs it; this keeps the
    layer fast. Each test still runs in its own rolled-back transaction on top of it. Ask for it with
    `pytestmark = pytest.mark.usefixtures("reference_data")`; `register` below then has nothing to do.
    Modules that do not ask for it load the register in each test, as tests/conftest.py does.
    """
    from django.conf import settings
    from django.db import models

    from core.models import AuditEvent
    from councils.models import Council
    from councils.services import load_council_register
    from plans.models import Return
    from plans.services import define_returns_from_files

    def ids():
        return {model: set(model.objects.values_list("pk", flat=True)) for model in (AuditEvent, Council, Return)}

    with django_db_blocker.unblock():
        before = ids()
        load_council_register(path=settings.COUNCILS_CSV)
        define_returns_from_files()
        added = {model: pks - before[model] for model, pks in ids().items()}
    yield
    with django_db_blocker.unblock():
        # AuditEvent refuses deletes, by design; these are the module's own set-up rows, so the
        # base QuerySet.delete is called directly to tidy them away.
        models.QuerySet.delete(AuditEvent.objects.filter(pk__in=added[AuditEvent]))
        Return.objects.filter(pk__in=added[Return]).delete()
        Council.objects.filter(pk__in=added[Council], county__isnull=False).delete()
        Council.objects.filter(pk__in=added[Council]).delete()


@pytest.fixture
def register(request, db):
    """All 317 councils: already there when the module uses `reference_data`, else loaded now."""
    if "reference_data" in request.fixturenames:
        return
    from django.conf import settings

    from councils.services import load_council_register

    load_council_register(path=settings.COUNCILS_CSV)


def _rewrite(theme_text: dict, suffix: str) -> dict:
    return {number: f"{text} {suffix}" for number, text in theme_text.items()}


@pytest.fixture
def walked_plan(plan_return, dorset, dorset_author, dorset_clerk, dorset_chief_executive):
    """Dorset's plan with one version at every stage, all made through the real services:

    version 1 published, version 2 submitted (replacing 1), version 3 endorsed, version 4 frozen.
    So every page that shows a form before a step has a version for which the step is still to come.
    """
    from django.utils import timezone

    from governance.services.decisions import record_decision
    from plans.services import freeze_draft, save_draft, start_draft
    from submissions.services import publish_version, submit_version

    today = timezone.localdate()
    draft = start_draft(council=dorset, return_definition=plan_return, actor=dorset_author)
    from plans.models import BarrierCategory
    from plans.services import add_barrier, add_commitment

    barrier = add_barrier(
        draft=draft,
        category=BarrierCategory.objects.get(slug="funding-certainty"),
        description="One-year settlements.",
        ask="Multi-year settlements.",
        actor=dorset_author,
    )
    commitment = add_commitment(
        draft=draft,
        action="Close two depots.",
        owner="Director of Place",
        due_on=today,
        measure="Depots open",
        baseline="5",
        target="3",
        actor=dorset_author,
    )
    draft.refresh_from_db()
    versions, submissions = [], []
    for number in range(1, 5):
        bodies = dict(THEME_TEXT) if number == 1 else _rewrite(THEME_TEXT, f"(Revised for version {number}.)")
        draft = save_draft(draft=draft, bodies=bodies, based_on_revision=draft.revision, actor=dorset_author)
        version = freeze_draft(draft=draft, actor=dorset_author)
        versions.append(version)
        if number <= 3:
            record_decision(
                version=version, outcome="approved", decision_maker="Cabinet", decided_on=today, actor=dorset_clerk
            )
        if number <= 2:
            submissions.append(
                submit_version(version=version, actor=dorset_chief_executive, certifier_role="chief_executive")
            )
    publication = publish_version(version=versions[0], actor=dorset_clerk)
    draft.refresh_from_db()
    return SimpleNamespace(
        barrier=barrier,
        commitment=commitment,
        draft=draft,
        versions=versions,
        submissions=submissions,
        publication=publication,
        published=versions[0],
        submitted=versions[1],
        endorsed=versions[2],
        frozen=versions[3],
        council=dorset,
        return_definition=plan_return,
    )


@pytest.fixture
def somerset_plan(plan_return, somerset, somerset_author, somerset_clerk, somerset_chief_executive):
    """Somerset's plan: a written draft, version 1 endorsed and submitted, version 2 endorsed only."""
    from django.utils import timezone

    from governance.services.decisions import record_decision
    from plans.services import freeze_draft, save_draft, start_draft
    from submissions.services import submit_version

    text = {n: f"Somerset's own words for theme {n}: confidential draft text SOMERSET-SECRET-{n}." for n in range(1, 5)}
    draft = start_draft(council=somerset, return_definition=plan_return, actor=somerset_author)
    draft = save_draft(draft=draft, bodies=text, based_on_revision=draft.revision, actor=somerset_author)
    first = freeze_draft(draft=draft, actor=somerset_author)
    record_decision(
        version=first,
        outcome="approved",
        decision_maker="Executive",
        decided_on=timezone.localdate(),
        actor=somerset_clerk,
    )
    submission = submit_version(version=first, actor=somerset_chief_executive, certifier_role="chief_executive")
    draft = save_draft(
        draft=draft, bodies={1: text[1] + " Amended."}, based_on_revision=draft.revision, actor=somerset_author
    )
    second = freeze_draft(draft=draft, actor=somerset_author)
    record_decision(
        version=second,
        outcome="approved",
        decision_maker="Executive",
        decided_on=timezone.localdate(),
        actor=somerset_clerk,
    )
    draft.refresh_from_db()
    return SimpleNamespace(
        draft=draft, submitted=first, endorsed=second, submission=submission, text=text, council=somerset
    )
