"""Shared fixtures: the 2024 return, the register of councils, and a cast of people per role.

Layers are chosen by directory: tests/unit (no database), tests/integration (Django test
client and a real database), tests/browser (headless Chromium and axe-core).
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by
# tests alongside it are safe because nothing else runs concurrently.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parent.parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _fast_test_settings(settings, tmp_path):
    # Serve static files from the finders (no collectstatic needed) and hash passwords quickly.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["default"]}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = tmp_path / "media"  # rendered PDFs go to a folder per test


@pytest.fixture
def plan_return(db):
    from plans.services import define_returns_from_files

    (return_definition,) = [r for r in define_returns_from_files() if r.slug == "productivity-plan-2024"]
    return return_definition


@pytest.fixture
def register(db):
    """All 317 councils, loaded from the ONS register the service ships."""
    from django.conf import settings

    from councils.services import load_council_register

    load_council_register(path=settings.COUNCILS_CSV)


@pytest.fixture
def dorset(register):
    from councils.selectors import council_by_code

    return council_by_code("E06000059")


@pytest.fixture
def somerset(register):
    from councils.selectors import council_by_code

    return council_by_code("E06000066")


@pytest.fixture
def make_person(db):
    """make_person("name", council=..., roles=[...]) or make_person("name", department_role="analyst")."""
    from accounts.models import User
    from councils.services import grant_council_role

    def make(username, *, council=None, roles=(), department_role=""):
        user = User.objects.create_user(
            username=username,
            password="correct-horse-battery",
            first_name=username.split("-")[0].title(),
            last_name="Tester",
            department_role=department_role,
        )
        for role in roles:
            grant_council_role(user=user, council=council, role=role)
        return user

    return make


@pytest.fixture
def dorset_author(make_person, dorset):
    return make_person("dorset-author", council=dorset, roles=["plan_author"])


@pytest.fixture
def dorset_clerk(make_person, dorset):
    return make_person("dorset-democratic-services", council=dorset, roles=["democratic_services"])


@pytest.fixture
def dorset_director(make_person, dorset):
    return make_person("dorset-executive-director", council=dorset, roles=["executive_director"])


@pytest.fixture
def dorset_monitoring_officer(make_person, dorset):
    return make_person("dorset-monitoring-officer", council=dorset, roles=["monitoring_officer"])


@pytest.fixture
def somerset_author(make_person, somerset):
    return make_person("somerset-author", council=somerset, roles=["plan_author"])


@pytest.fixture
def somerset_clerk(make_person, somerset):
    return make_person("somerset-democratic-services", council=somerset, roles=["democratic_services"])


@pytest.fixture
def somerset_director(make_person, somerset):
    return make_person("somerset-executive-director", council=somerset, roles=["executive_director"])


@pytest.fixture
def analyst(make_person):
    return make_person("department-analyst", department_role="analyst")


@pytest.fixture
def panel_member(make_person):
    return make_person("department-panel", department_role="panel_member")


THEME_TEXT = {
    1: "We merged back-office teams and moved to one customer contact centre, saving money each year.",
    2: "Our data strategy brings service data together so managers can see demand early.",
    3: "Agency staff cost 0.35% and consultants 0.96% of the total staff budget. EDI training is limited to the "
    "Public Sector Equality Duty.",
    4: "One-year settlements stop us planning; we ask for multi-year funding and fewer competitive grants.",
}


@pytest.fixture
def theme_text():
    return dict(THEME_TEXT)


@pytest.fixture
def written_draft(plan_return, dorset, dorset_author):
    """Dorset's draft with text in every theme."""
    from plans.services import save_draft, start_draft

    draft = start_draft(council=dorset, return_definition=plan_return, actor=dorset_author)
    return save_draft(draft=draft, bodies=dict(THEME_TEXT), based_on_revision=draft.revision, actor=dorset_author)


@pytest.fixture
def frozen_version(written_draft, dorset_author):
    from plans.services import freeze_draft

    return freeze_draft(draft=written_draft, actor=dorset_author)


@pytest.fixture
def endorsed_version(frozen_version, dorset_clerk):
    from django.utils import timezone

    from governance.services import record_decision

    record_decision(
        version=frozen_version,
        outcome="approved",
        decision_maker="Cabinet",
        decided_on=timezone.localdate(),
        actor=dorset_clerk,
    )
    return frozen_version


@pytest.fixture
def submitted_version(endorsed_version, dorset_director):
    from submissions.services import submit_version

    submit_version(version=endorsed_version, actor=dorset_director)
    return endorsed_version


@pytest.fixture
def dorset_chief_executive(make_person, dorset):
    """Dorset's chief executive, who may certify and submit its returns."""
    person = make_person("dorset-chief-executive", council=dorset, roles=["chief_executive"])
    person.email = "chief.executive@dorset.example.gov.uk"
    person.save()
    return person


@pytest.fixture
def dorset_s151(make_person, dorset):
    """Dorset's section 151 officer, who may certify and submit its returns."""
    person = make_person("dorset-section-151-officer", council=dorset, roles=["section_151_officer"])
    person.email = "s151@dorset.example.gov.uk"
    person.save()
    return person


@pytest.fixture
def somerset_chief_executive(make_person, somerset):
    person = make_person("somerset-chief-executive", council=somerset, roles=["chief_executive"])
    person.email = "chief.executive@somerset.example.gov.uk"
    person.save()
    return person


@pytest.fixture(autouse=True)
def _small_analysis_demo(settings):
    """The demo imports plan documents for 60 councils; tests that load the demo take 8, to stay quick."""
    settings.ANALYSIS_DEMO_COUNCILS = 8
