"""The department's pages, the council workspace, the index of councils and the API's lists at national
scale (decision 0027): each costs the same number of queries with a small corpus as with a larger one
(more councils' documents, passages, tags and figures; more councils with a status), cold and warm; and
each result shared through the cache is retired by the event that changes it, so a page never states an
old figure after the change (`bench/bench_department_pages.py` times the same pages)."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core import shared_cache
from tests.conftest import publish_through_the_route
from tests.integration.pages import soup, table_rows, text_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

RETURN = "productivity-plan-2024"
REGISTER = f"/department/returns/{RETURN}/"
EXPLORER = "/analysis/explorer/"

DEPARTMENT_PAGES = [
    "/department/",
    REGISTER,
    f"{REGISTER}?type=district&stage=not_started",
    f"{REGISTER}late-and-missing/",
    EXPLORER,
    EXPLORER + "themes/",
    EXPLORER + "barriers/",
    EXPLORER + "figures/",
    EXPLORER + "figures/?kind=agency_share_of_staff_budget&split=region",
    EXPLORER + "passages/",
    EXPLORER + "passages/?barrier=funding-certainty",
    EXPLORER + "passages/?theme=1&page=2",
    EXPLORER + "search/?q=agency+staff",
    EXPLORER + "summary/",
]
API_LISTS = [
    "/api/v1/councils",
    "/api/v1/meetings",
    "/api/v1/councils?type=district",
    f"/api/v1/returns/{RETURN}/status",
    "/api/v1/publications",
    "/api/v1/submissions",
    "/api/v1/metrics",
]
API_LISTS_WITH_TOKEN = ["/api/v1/documents", "/api/v1/plans", "/api/v1/governance/reports"]


def queries(client, url: str, **headers) -> tuple[int, int]:
    """(queries with an empty cache, queries with the result cached) for one page."""
    client.get(url, **headers)  # the session's first request saves it: not the page's cost
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        response = client.get(url, **headers)

    assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as warm:
        client.get(url, **headers)
    return len(cold), len(warm)


def grow_corpus(corpus, councils: int) -> None:
    """Copy the corpus's current documents, with their passages, tags and figures, to `councils` more
    councils, in bulk as an analysis run writes (no event: the run's event is what tells the cache)."""
    from analysis.models import Document, Figure, Passage, PassageBarrier, PassageTheme
    from councils.models import Council

    used = set(Document.objects.values_list("council_id", flat=True))
    others = list(Council.objects.exclude(pk__in=used).order_by("gss_code")[:councils])
    originals = [corpus.documents[name] for name in ("dorset", "kent", "cheltenham")]
    for index, council in enumerate(others):
        original = originals[index % len(originals)]
        document = Document.objects.create(
            council=council,
            return_definition=original.return_definition,
            title=f"{council.name} plan",
            source="imported",
            format="text",
            file_sha256=f"{index:064d}",
            imported_at=original.imported_at,
            page_count=4,
        )
        passages = {}
        for passage in Passage.objects.filter(document=original):
            for copy in range(3):  # three times the passages of the original
                passages[(passage.pk, copy)] = Passage(
                    document=document,
                    position=passage.position + 10 * copy,
                    page=passage.page,
                    kind=passage.kind,
                    heading=passage.heading,
                    text=passage.text,
                )
        Passage.objects.bulk_create(passages.values())
        themes, barriers, figures = [], [], []
        for (old, copy), new in passages.items():
            for tag in PassageTheme.objects.filter(passage_id=old):
                themes.append(PassageTheme(passage=new, document=document, theme_id=tag.theme_id, run=tag.run))
            for tag in PassageBarrier.objects.filter(passage_id=old):
                barriers.append(
                    PassageBarrier(
                        passage=new, document=document, category_id=tag.category_id, ask=tag.ask, run=tag.run
                    )
                )
            for figure in Figure.objects.filter(passage_id=old):
                figures.append(
                    Figure(
                        passage=new,
                        document=document,
                        kind=figure.kind,
                        key=f"s{copy}",
                        value=figure.value,
                        unit=figure.unit,
                        quote=figure.quote,
                        run=figure.run,
                    )
                )
        PassageTheme.objects.bulk_create(themes)
        PassageBarrier.objects.bulk_create(barriers)
        Figure.objects.bulk_create(figures)
    shared_cache.shared_changed()


def grow_register(return_definition, councils: int, actor) -> None:
    """Give `councils` more councils a status on the return, each with an extension."""
    from councils.models import Council
    from submissions.services import grant_extension

    for council in Council.objects.order_by("-gss_code")[:councils]:
        grant_extension(
            council=council,
            return_definition=return_definition,
            deadline=datetime.date(2024, 8, 2),
            reason="More time",
            actor=actor,
        )


def grow_meetings(councils: int, actor, *, after: int = 0) -> None:
    """Give `councils` councils (after the first `after`) a Cabinet meeting whose agenda is published."""
    from councils.models import Council
    from meetings.models import Committee, Meeting

    now = timezone.now()
    for council in Council.objects.order_by("gss_code")[after : after + councils]:
        cabinet = Committee.objects.create(council=council, name="Cabinet", kind="cabinet")
        Meeting.objects.create(
            committee=cabinet,
            council=council,
            date=datetime.date(2024, 7, 1),
            starts_at=datetime.time(10),
            venue="Council chamber",
            created_by=actor,
            created_at=now,
            agenda_published_on=datetime.date(2024, 6, 20),
        )


@pytest.fixture
def analyst_client(client, analyst):
    client.force_login(analyst)
    return client


@pytest.fixture
def analyst_token(analyst):
    from accounts.services import issue_api_token

    return {"HTTP_AUTHORIZATION": f"Bearer {issue_api_token(user=analyst)}"}


# --- Query counts that do not grow --------------------------------------------------------------------


def test_the_department_pages_cost_the_same_queries_with_ten_times_the_corpus_and_register(
    analyst_client, analyst, explorer_corpus
):
    small = {url: queries(analyst_client, url) for url in DEPARTMENT_PAGES}
    grow_corpus(explorer_corpus, councils=27)
    grow_register(explorer_corpus.return_definition, councils=10, actor=analyst)
    large = {url: queries(analyst_client, url) for url in DEPARTMENT_PAGES}
    assert large == small
    for url, (cold, warm) in small.items():
        # Warm: the session and user, the return or filters, the cache's tokens and the result; the
        # navigation reads the department's waiting requests.
        assert warm <= 12, (url, warm)
        assert warm < cold, url


def test_the_council_workspace_and_its_navigation_cost_the_same_with_more_councils_at_work(
    client, walked_plan, somerset_plan, dorset_author, analyst, explorer_corpus
):
    """What a council officer sees first, and the 'Waiting for you' count on every page they open."""
    client.force_login(dorset_author)
    pages = ["/your-plans/", "/councils/", "/councils/?q=bor&page=1", "/account/"]
    small = {url: queries(client, url) for url in pages}
    grow_corpus(explorer_corpus, councils=27)
    grow_register(explorer_corpus.return_definition, councils=10, actor=analyst)
    assert {url: queries(client, url) for url in pages} == small
    cold, warm = small["/your-plans/"]
    # Warm: session, user, their council, its permissions, and the workspace and the waiting work from the cache.
    assert warm <= 13 < cold


def test_the_apis_lists_cost_the_same_with_ten_times_the_corpus(
    client, analyst, analyst_token, explorer_corpus, walked_plan
):
    grow_meetings(1, analyst)
    small = {url: queries(client, url) for url in API_LISTS}
    small |= {url: queries(client, url, **analyst_token) for url in API_LISTS_WITH_TOKEN}
    grow_corpus(explorer_corpus, councils=27)
    grow_register(explorer_corpus.return_definition, councils=10, actor=analyst)
    grow_meetings(30, analyst, after=1)
    large = {url: queries(client, url) for url in API_LISTS}
    large |= {url: queries(client, url, **analyst_token) for url in API_LISTS_WITH_TOKEN}
    assert large == small


# --- What changes a cached result retires it --------------------------------------------------------


def _stage_counts(response) -> dict[str, str]:
    found = {}
    for item in soup(response).select("#stage-counts li"):
        number, label = item.select_one(".app-stat__number"), item.select_one(".app-stat__label")
        found[text_of(label)] = text_of(number)
    return found


def test_publishing_a_plan_shows_in_the_register_and_the_department_home_at_once(
    analyst_client, written_draft, dorset_author, dorset_clerk, dorset_chief_executive
):
    before = _stage_counts(analyst_client.get(REGISTER))
    home = text_of(soup(analyst_client.get("/department/")).select_one("main"))
    assert _stage_counts(analyst_client.get(REGISTER)) == before  # read from the cache
    publish_through_the_route(
        written_draft, author=dorset_author, clerk=dorset_clerk, chief_executive=dorset_chief_executive
    )
    after = _stage_counts(analyst_client.get(REGISTER))
    assert after != before
    assert int(after["published"]) == int(before["published"]) + 1
    assert text_of(soup(analyst_client.get("/department/")).select_one("main")) != home


def test_submitting_shows_in_the_register_api_and_the_councils_workspace(
    client, analyst, endorsed_version, dorset_chief_executive, dorset_author
):
    from submissions.services import submit_version

    def dorset_status():
        rows = client.get(f"/api/v1/returns/{RETURN}/status").json()["councils"]
        return next(row["status"] for row in rows if row["ons_code"] == "E06000059")

    client.force_login(dorset_author)
    workspace = text_of(soup(client.get("/your-plans/")).select_one("main"))
    before = dorset_status()
    assert before != "submitted"
    submit_version(version=endorsed_version, actor=dorset_chief_executive, certifier_role="chief_executive")
    assert dorset_status() == "submitted"
    assert text_of(soup(client.get("/your-plans/")).select_one("main")) != workspace


def test_a_chase_and_an_extension_show_in_the_register_at_once(
    analyst_client, analyst, dorset, dorset_chief_executive, plan_return
):
    from submissions.services import chase_council, grant_extension

    def dorset_row():
        page = analyst_client.get(f"{REGISTER}?q=E06000059")
        (row,) = table_rows(page)
        return text_of(row)

    before = dorset_row()
    assert dorset_row() == before
    chase_council(council=dorset, return_definition=plan_return, actor=analyst)
    chased = dorset_row()
    assert chased != before
    grant_extension(
        council=dorset, return_definition=plan_return, deadline=datetime.date(2024, 8, 2), reason="x", actor=analyst
    )
    assert "2 August 2024" in dorset_row()


def test_a_review_shows_in_every_explorer_count_and_the_summary_at_once(analyst_client, analyst, explorer_corpus):
    from analysis.review.services import review_barriers, state_token

    def funding_councils(url):
        page = soup(analyst_client.get(url))
        return text_of(page.select_one("main"))

    pages = [EXPLORER, EXPLORER + "barriers/", EXPLORER + "summary/", EXPLORER + "passages/?barrier=funding-certainty"]
    before = {url: funding_councils(url) for url in pages}
    assert {url: funding_councils(url) for url in pages} == before  # from the cache
    kent = explorer_corpus.passages["kent2"]
    review_barriers(passage=kent, category_slugs=[], token=state_token(kent), actor=analyst)
    after = {url: funding_councils(url) for url in pages}
    for url in pages:
        assert after[url] != before[url], url
    behind = analyst_client.get(EXPLORER + "passages/?barrier=funding-certainty")
    assert "Kent" not in text_of(soup(behind).select_one("#evidence-count").parent)


def test_after_a_change_to_the_corpus_a_task_works_out_the_summary_before_anyone_asks(
    settings,
    monkeypatch,
    analyst_client,
    analyst,
    explorer_corpus,
    django_capture_on_commit_callbacks,
    django_assert_max_num_queries,
):
    """The first reader after a change finds the panel summary ready: the change queues one task (however many
    events it writes) that works it out again, and the page is then read from the cache."""
    from analysis.review.services import review_barriers, state_token
    from analysis.summaries import tasks
    from core import shared_cache

    settings.WARM_SHARED_RESULTS = True
    analyst_client.get(EXPLORER + "summary/")
    queued = []

    def enqueue_and_count():
        queued.append(tasks.queue_warm_explorer())

    monkeypatch.setitem(shared_cache._warmers, shared_cache.CORPUS, [enqueue_and_count])
    kent = explorer_corpus.passages["kent2"]
    with django_capture_on_commit_callbacks(execute=True):
        review_barriers(passage=kent, category_slugs=[], token=state_token(kent), actor=analyst)
    with django_capture_on_commit_callbacks(execute=True):
        review_barriers(passage=kent, category_slugs=["funding-certainty"], token=state_token(kent), actor=analyst)
    assert len(queued) == 2, "one task for each committed change, each started before the next change"
    assert queued[-1].return_value == 1, "the one open return's summary and counts were worked out"

    with django_assert_max_num_queries(12):  # read from the cache: no count or citation worked out here
        page = analyst_client.get(EXPLORER + "summary/")
    assert page.status_code == 200 and "Kent" in text_of(soup(page).select_one("main"))


def test_importing_a_document_shows_in_the_explorer_and_the_documents_api_at_once(
    analyst_client, analyst, analyst_token, explorer_corpus
):
    from analysis.services import import_document
    from councils.selectors import council_by_code

    def scope():  # every kind of document: whether the import reads as a plan is not what is tested here
        return text_of(soup(analyst_client.get(EXPLORER + "?kinds=all")).select_one("main"))

    before = scope()
    documents = len(analyst_client.get("/api/v1/documents", **analyst_token).json())
    import_document(
        council=council_by_code("E08000025"),
        return_definition=explorer_corpus.return_definition,
        filename="plan.txt",
        data=b"Birmingham productivity plan\n\nWe ask the government for multi-year settlements.\n",
        actor=analyst,
    )
    assert scope() != before
    assert len(analyst_client.get("/api/v1/documents", **analyst_token).json()) == documents + 1


def test_the_waiting_count_follows_the_councils_events_and_no_one_elses(
    client, frozen_version, dorset_clerk, somerset, somerset_author, plan_return
):
    from governance.services.decisions import record_decision
    from plans.services import start_draft

    client.force_login(dorset_clerk)

    def waiting():
        links = soup(client.get("/account/")).select(".govuk-service-navigation__list a[href='/waiting-for-you/']")
        return text_of(links[0])

    before = waiting()
    assert waiting() == before
    with CaptureQueriesContext(connection) as unchanged:
        client.get("/account/")
    # Another council's work retires only that council's cached work.
    start_draft(council=somerset, return_definition=plan_return, actor=somerset_author)
    with CaptureQueriesContext(connection) as after_somerset:
        client.get("/account/")
    assert len(after_somerset) == len(unchanged)
    record_decision(
        version=frozen_version,
        outcome="approved",
        decision_maker="Cabinet",
        decided_on=timezone.localdate(),
        actor=dorset_clerk,
    )
    assert waiting() != before


def test_a_cached_result_is_shared_and_retired_by_the_namespace_its_event_names():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    def read():
        return shared_cache.cached("t", namespaces=(shared_cache.council("E06000059"),), parts=(1,), compute=compute)

    assert (read(), read()) == (1, 1)
    shared_cache.changed(*shared_cache.namespaces_changed_by("DraftSaved", "E06000066"))
    assert read() == 1  # another council's draft
    shared_cache.changed(*shared_cache.namespaces_changed_by("SecondFactorPassed", ""))
    assert read() == 1  # signing in changes nothing shown
    shared_cache.changed(*shared_cache.namespaces_changed_by("DraftSaved", "E06000059"))
    assert read() == 2


def test_every_event_said_to_change_less_than_everything_is_an_event_the_service_writes():
    from core import event_labels

    assert set(shared_cache.changes_by_event()) <= set(event_labels.labels())
    assert shared_cache.namespaces_changed_by("CouncilRegisterLoaded", "") == (
        shared_cache.WORKSPACE,
        shared_cache.REGISTER,
        shared_cache.CORPUS,
    )
    assert shared_cache.namespaces_changed_by("PassageThemesReviewed", "E06000059") == (shared_cache.CORPUS,)
    assert shared_cache.namespaces_changed_by("PlanSubmitted", "E06000059") == (
        shared_cache.council("E06000059"),
        shared_cache.REGISTER,
    )


def test_an_event_rolled_back_leaves_the_cached_result_in_place_and_a_committed_one_retires_it():
    from django.db import transaction

    from core.audit import record_event
    from councils.selectors import council_by_code

    dorset = council_by_code("E06000059")
    read = lambda: shared_cache.key_for("t", (shared_cache.REGISTER,), ())  # noqa: E731
    key = read()
    with pytest.raises(RuntimeError), transaction.atomic():
        record_event(action="CouncilChased", actor=None, subject=dorset, council_code=dorset.gss_code)
        assert read() != key  # inside the transaction the token has changed with the event
        raise RuntimeError("changed our minds")
    assert read() == key
    record_event(action="CouncilChased", actor=None, subject=dorset, council_code=dorset.gss_code)
    assert read() != key


def test_the_cache_table_is_made_by_migrate():
    from django.conf import settings

    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert settings.CACHES["default"]["LOCATION"] in connection.introspection.table_names()


def test_the_summary_is_worked_out_a_few_seconds_after_a_change_so_a_bulk_import_starts_it_once(settings, db):
    """With a real queue, the work waits WARM_AFTER_SECONDS: the changes that follow meanwhile (a bulk import
    commits a document at a time) are taken in by the same run, and only one task waits however many come."""
    import datetime

    from django.core.cache import cache
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from analysis.summaries import tasks
    from core import shared_cache

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    cache.delete(f"warming:{shared_cache.CORPUS}")
    before = timezone.now()
    for _ in range(5):  # five documents committed one after another
        shared_cache._queue_warming(shared_cache.CORPUS)
    (queued,) = DBTaskResult.objects.filter(task_path__endswith="warm_explorer", enqueued_at__gte=before)
    assert queued.run_after >= before + datetime.timedelta(seconds=tasks.WARM_AFTER_SECONDS)
