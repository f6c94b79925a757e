"""Fixtures for the integration layer: a Dorset plan walked all the way, and the people who walk it.

The shared fixtures (register, councils, people, draft -> submitted version) live in
tests/conftest.py; this file only adds what several integration modules need together.
"""

from types import SimpleNamespace

import pytest

from tests.conftest import THEME_TEXT


def _rewrite(theme_text: dict, suffix: str) -> dict:
    return {number: f"{text} {suffix}" for number, text in theme_text.items()}


@pytest.fixture
def dorset_s151(make_person, dorset):
    return make_person("dorset-section-151", council=dorset, roles=["section_151_officer"])


@pytest.fixture
def walked_plan(plan_return, dorset, dorset_author, dorset_clerk, dorset_director):
    """Dorset's plan with one version at every stage, all made through the real services:

    version 1 published, version 2 submitted (replacing 1), version 3 endorsed, version 4 frozen.
    So every page that shows a form before a step has a version for which the step is still to come.
    """
    from django.utils import timezone

    from governance.services import record_decision
    from plans.services import freeze_draft, save_draft, start_draft
    from submissions.services import publish_version, submit_version

    today = timezone.localdate()
    draft = start_draft(council=dorset, return_definition=plan_return, actor=dorset_author)
    versions, submissions = [], []
    for number in range(1, 5):
        bodies = dict(THEME_TEXT) if number == 1 else _rewrite(THEME_TEXT, f"(Revised for version {number}.)")
        draft = save_draft(draft=draft, bodies=bodies, based_on_revision=draft.revision, actor=dorset_author)
        version = freeze_draft(draft=draft, actor=dorset_author)
        versions.append(version)
        if number <= 3:
            record_decision(version=version, outcome="approved", decision_maker="Cabinet", decided_on=today,
                            actor=dorset_clerk)
        if number <= 2:
            submissions.append(submit_version(version=version, actor=dorset_director))
    publication = publish_version(version=versions[0], actor=dorset_clerk)
    draft.refresh_from_db()
    return SimpleNamespace(
        draft=draft, versions=versions, submissions=submissions, publication=publication,
        published=versions[0], submitted=versions[1], endorsed=versions[2], frozen=versions[3],
        council=dorset, return_definition=plan_return,
    )


@pytest.fixture
def somerset_plan(plan_return, somerset, somerset_author, somerset_clerk, somerset_director):
    """Somerset's plan: a written draft, version 1 endorsed and submitted, version 2 endorsed only."""
    from django.utils import timezone

    from governance.services import record_decision
    from plans.services import freeze_draft, save_draft, start_draft
    from submissions.services import submit_version

    text = {n: f"Somerset's own words for theme {n}: confidential draft text SOMERSET-SECRET-{n}." for n in range(1, 5)}
    draft = start_draft(council=somerset, return_definition=plan_return, actor=somerset_author)
    draft = save_draft(draft=draft, bodies=text, based_on_revision=draft.revision, actor=somerset_author)
    first = freeze_draft(draft=draft, actor=somerset_author)
    record_decision(version=first, outcome="approved", decision_maker="Executive", decided_on=timezone.localdate(),
                    actor=somerset_clerk)
    submission = submit_version(version=first, actor=somerset_director)
    draft = save_draft(draft=draft, bodies={1: text[1] + " Amended."}, based_on_revision=draft.revision,
                       actor=somerset_author)
    second = freeze_draft(draft=draft, actor=somerset_author)
    record_decision(version=second, outcome="approved", decision_maker="Executive", decided_on=timezone.localdate(),
                    actor=somerset_clerk)
    draft.refresh_from_db()
    return SimpleNamespace(draft=draft, submitted=first, endorsed=second, submission=submission, text=text,
                           council=somerset)
