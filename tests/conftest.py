"""Shared fixtures: the 2024 return, the register of councils, and a cast of people per role.

Layers are chosen by directory: tests/unit (no database), tests/integration (Django test
client and a real database), tests/browser (headless Chromium and axe-core).
"""

import os
import uuid
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by
# tests alongside it are safe because nothing else runs concurrently.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parent.parent
# A fixed Ed25519 key (base64 of its 32 bytes) for the audit log's signed heads in tests.
TEST_AUDIT_SIGNING_KEY = "dGVzdC1vbmx5LWF1ZGl0LXNpZ25pbmcta2V5LTMyYnk="


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
    # Tasks run at once in tests: working out the panel summary again after every change would slow every test
    # that changes the corpus. The test of it (test_department_pages_at_scale.py) switches it back on.
    settings.WARM_SHARED_RESULTS = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = tmp_path / "media"  # rendered PDFs go to a folder per test
    # Tests run with DEBUG off, as a deployment does; two-factor sign-in is then required unless
    # switched off here. The tests of it (test_two_factor.py) switch it back on.
    settings.REQUIRE_TWO_FACTOR = False
    settings.AUDIT_SIGNING_KEY = TEST_AUDIT_SIGNING_KEY  # signs the audit log's heads; never a file in the repository


@pytest.fixture(autouse=True)
def _own_part_of_the_shared_cache(settings):
    """Each test reads and writes its own keys in the shared cache (a key prefix of its own), so a result
    cached by a test whose writes are committed (browser and transactional tests) is never read by the next."""
    settings.CACHES = {"default": {**settings.CACHES["default"], "KEY_PREFIX": uuid.uuid4().hex}}


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


def publish_through_the_route(draft, *, author, clerk, chief_executive):
    """Freeze the draft, record Cabinet's approval today, submit and publish it, through the services as a
    council would; returns the publication."""
    from django.utils import timezone

    from governance.services.decisions import record_decision
    from plans.services import freeze_draft
    from submissions.services import publish_version, submit_version

    draft.refresh_from_db()
    version = freeze_draft(draft=draft, actor=author)
    record_decision(
        version=version, outcome="approved", decision_maker="Cabinet", decided_on=timezone.localdate(), actor=clerk
    )
    submit_version(version=version, actor=chief_executive, certifier_role="chief_executive")
    return publish_version(version=version, actor=clerk)


@pytest.fixture
def endorsed_version(frozen_version, dorset_clerk):
    from django.utils import timezone

    from governance.services.decisions import record_decision

    record_decision(
        version=frozen_version,
        outcome="approved",
        decision_maker="Cabinet",
        decided_on=timezone.localdate(),
        actor=dorset_clerk,
    )
    return frozen_version


@pytest.fixture
def submitted_version(endorsed_version, dorset_chief_executive):
    from submissions.services import submit_version

    submit_version(version=endorsed_version, actor=dorset_chief_executive, certifier_role="chief_executive")
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


@pytest.fixture
def explorer_corpus(plan_return, register):
    """A small hand-built analysis corpus with known tags, written through the models as a run would.

    Current documents: Dorset (unitary, South West), Kent (county, South East), Cheltenham (district,
    South West). Dorset also has an older document, and Camden (London) only an older one: their tags
    must never be counted. Barrier funding-certainty: Dorset (passages 1 and 3) and Kent (passage 2);
    send-high-needs: Dorset (3) and Cheltenham (2). Themes: 1 Dorset+Kent, 2 Kent+Cheltenham,
    3 Dorset+Cheltenham, 4 Dorset+Kent. Agency share of staff budget: Dorset 0.35, Kent 2.10,
    Cheltenham 1.00 (per cent).
    """
    from decimal import Decimal
    from types import SimpleNamespace

    from django.utils import timezone

    from analysis.models import AnalysisRun, Document, Figure, Passage, PassageBarrier, PassageTheme
    from councils.selectors import council_by_code
    from plans.models import BarrierCategory

    now = timezone.now()
    run = AnalysisRun.objects.create(method_version="test", requested_at=now, status="done")
    themes = {t.number: t for t in plan_return.themes.all()}
    categories = {c.slug: c for c in BarrierCategory.objects.all()}
    councils = {code: council_by_code(code) for code in ("E06000059", "E10000016", "E07000078", "E09000007")}

    def document(code, title, *, current=True):
        return Document.objects.create(
            council=councils[code],
            return_definition=plan_return,
            title=title,
            source="imported",
            format="text",
            file_sha256=f"{code}-{title}".encode().hex()[:64],
            imported_at=now,
            is_current=current,
            page_count=4,
        )

    def passage(doc, position, text, *, themes_=(), barriers=(), figures=()):
        found = Passage.objects.create(
            document=doc, position=position, page=position, kind="paragraph", heading="Plan", text=text
        )
        for number in themes_:
            PassageTheme.objects.create(passage=found, document=doc, theme=themes[number], run=run)
        for slug, ask in barriers:
            PassageBarrier.objects.create(passage=found, document=doc, category=categories[slug], ask=ask, run=run)
        for kind, value, quote in figures:
            Figure.objects.create(
                passage=found,
                document=doc,
                kind=kind,
                key="s0",
                value=Decimal(value),
                unit="percent",
                quote=quote,
                run=run,
            )
        return found

    dorset = document("E06000059", "Dorset productivity plan")
    dorset_old = document("E06000059", "Dorset draft plan (older)", current=False)
    kent = document("E10000016", "Kent productivity plan")
    cheltenham = document("E07000078", "Cheltenham productivity plan")
    camden_old = document("E09000007", "Camden plan (older)", current=False)
    passages = {
        "dorset1": passage(
            dorset,
            1,
            "One-year settlements stop us planning. We ask for multi-year settlements.",
            themes_=[1],
            barriers=[("funding-certainty", "multi-year settlements")],
        ),
        "dorset2": passage(
            dorset,
            2,
            "Agency staff cost 0.35% and consultants 0.96% of the total staff budget.",
            themes_=[3],
            figures=[
                ("agency_share_of_staff_budget", "0.35", "0.35%"),
                ("consultant_share_of_staff_budget", "0.96", "0.96%"),
            ],
        ),
        "dorset3": passage(
            dorset,
            3,
            "High needs deficits and funding uncertainty: we ask for the statutory override to stay.",
            themes_=[4],
            barriers=[("funding-certainty", "the statutory override to stay"), ("send-high-needs", "")],
        ),
        "dorset_old": passage(
            dorset_old,
            1,
            "Recruiting social workers is hard.",
            themes_=[1, 2, 3, 4],
            barriers=[("workforce", "national pay")],
        ),
        "kent1": passage(kent, 1, "We redesigned services around digital contact and shared data.", themes_=[1, 2]),
        "kent2": passage(
            kent,
            2,
            "Funding certainty would let us invest; we ask for three-year settlements.",
            themes_=[4],
            barriers=[("funding-certainty", "three-year settlements")],
        ),
        "kent3": passage(
            kent,
            3,
            "Agency spend was 2.1% of the staff budget.",
            figures=[("agency_share_of_staff_budget", "2.10", "2.1%")],
        ),
        "cheltenham1": passage(cheltenham, 1, "Our data platform joins up services.", themes_=[2]),
        "cheltenham2": passage(
            cheltenham,
            2,
            "School transport for pupils with SEND costs more each year. Agency staff 1% of pay.",
            barriers=[("send-high-needs", "")],
            figures=[("agency_share_of_staff_budget", "1.00", "1%")],
        ),
        "cheltenham3": passage(cheltenham, 3, "We cut spend on consultants.", themes_=[3]),
        "camden_old": passage(
            camden_old,
            1,
            "Temporary accommodation costs are rising.",
            themes_=[1],
            barriers=[("workforce", "")],
            figures=[("agency_share_of_staff_budget", "9.00", "9%")],
        ),
    }
    return SimpleNamespace(
        run=run,
        return_definition=plan_return,
        councils=councils,
        documents={
            "dorset": dorset,
            "dorset_old": dorset_old,
            "kent": kent,
            "cheltenham": cheltenham,
            "camden_old": camden_old,
        },
        passages=passages,
    )


@pytest.fixture(scope="session", autouse=True)
def _no_connection_outlives_the_suite(django_db_setup, django_db_blocker):
    """On PostgreSQL the test database can only be dropped once nobody is connected to it. A thread
    that opened its own connection (the browser tests' live server answers each request in a thread
    of its own) can still hold it when the suite ends, and the whole run then fails at teardown
    after every test passed. Such a connection is closed here, before the database is dropped."""
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    import sys

    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid, left(query, 200), pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        for pid, query, _ in cursor.fetchall():
            print(f"\nA connection outlived its test and was closed (pid {pid}): {query}", file=sys.stderr)  # noqa: T201
