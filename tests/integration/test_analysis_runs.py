"""Analysis runs over the whole corpus: plans written in the service join it without re-import, runs are
recorded and repeatable, people's corrections survive every later run, and the explorer's reads work.
"""

import pytest
from django.utils import timezone

from analysis import selectors, services
from analysis.models import AnalysisRun, Document, Figure, Passage, PassageBarrier, PassageTheme
from analysis.runs import services as runs
from core.models import AuditEvent
from devdata.analysis_demo import generate_plan, html_bytes, text_bytes
from plans.models import BarrierCategory, Theme
from tests.integration.pages import soup, text_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def import_plan(
    council, plan_return, *, seed: int, fmt: str = "text", analyse: bool = False, existing: str | None = None
) -> Document:
    data = (text_bytes if fmt == "text" else html_bytes)(generate_plan(council.name, seed=seed))
    return services.import_document(
        council=council,
        return_definition=plan_return,
        filename=f"plan.{'txt' if fmt == 'text' else 'html'}",
        data=data,
        actor=None,
        analyse=analyse,
        existing=existing,
    )


def test_submitted_and_published_versions_join_the_corpus_at_the_next_run_without_reimport(walked_plan):
    """The run-time sync: the walked plan has a published version 1 and a submitted version 2 (endorsed and frozen
    versions 3 and 4 stay out); each becomes a document whose passages are its sections, once."""
    run = runs.run_corpus_analysis_now(actor=None)
    documents = Document.objects.filter(source="service").order_by("plan_version__number")
    assert [d.plan_version.number for d in documents] == [1, 2]
    assert run.counts["service_versions_added"] == 2
    assert [d.is_current for d in documents] == [False, True], "the later version is the council's current plan"
    headings = list(documents[0].passages.filter(kind="heading").values_list("text", flat=True))
    assert headings[:2] == [
        "Theme 1: Transformation of services to make better use of resources",
        "Theme 2: Using technology and data to improve decisions, service design and use of resources",
    ]
    barrier = documents[0].passages.get(text__startswith="Funding certainty:")
    assert "We ask the government to: Multi-year settlements." in barrier.text
    assert PassageBarrier.objects.filter(passage=barrier, category__slug="funding-certainty", present=True).exists()
    again = runs.run_corpus_analysis_now(actor=None)
    assert again.counts["service_versions_added"] == 0 and Document.objects.count() == 2
    assert AuditEvent.objects.filter(action="PlanVersionAddedToCorpus").count() == 2


def test_a_run_is_recorded_and_the_same_corpus_and_method_give_the_same_result(dorset, somerset, plan_return):
    import_plan(dorset, plan_return, seed=1)
    import_plan(somerset, plan_return, seed=2, fmt="html")
    first = runs.run_corpus_analysis_now(actor=None)
    second = runs.run_corpus_analysis_now(actor=None)
    for run in (first, second):
        assert run.status == "done" and run.documents_done == run.documents_total == 2
        assert run.method_version == runs.method_version() and run.started_at <= run.finished_at
        assert run.counts["passages"] == Passage.objects.count()
    assert first.result_hash and first.result_hash == second.result_hash
    assert first.counts == second.counts
    assert PassageTheme.objects.filter(source="machine", run=second).count() == PassageTheme.objects.count()
    finished = AuditEvent.objects.filter(action="AnalysisRunFinished").order_by("id")
    assert [e.subject_id for e in finished] == [str(first.pk), str(second.pk)]
    assert finished.last().content_hash == second.result_hash


def test_a_persons_corrections_win_over_every_later_run(dorset, plan_return, analyst):
    """A theme a person removed is not brought back, a theme a person added is not taken away, and a figure a
    person corrected keeps its value, whatever later machine runs find."""
    document = import_plan(dorset, plan_return, seed=4, analyse=True)
    removed = PassageTheme.objects.filter(document=document).first()
    removed.source, removed.present = "person", False
    removed.reviewed_by, removed.reviewed_at = analyst, timezone.now()
    removed.save()
    heading = document.passages.filter(kind="heading").first()
    tagged = set(PassageTheme.objects.filter(passage=heading).values_list("theme__number", flat=True))
    extra_theme = Theme.objects.filter(return_definition=plan_return).exclude(number__in=tagged).first()
    added = PassageTheme.objects.create(
        passage=heading,
        document=document,
        theme=extra_theme,
        source="person",
        reviewed_by=analyst,
        reviewed_at=timezone.now(),
    )
    corrected = Figure.objects.filter(document=document).first()
    corrected.source, corrected.value, corrected.reviewed_by = "person", 12345, analyst
    corrected.save()
    person_barrier = PassageBarrier.objects.create(
        passage=heading,
        document=document,
        category=BarrierCategory.objects.get(slug="procurement"),
        source="person",
        reviewed_by=analyst,
    )

    run = runs.run_corpus_analysis_now(actor=None)
    removed.refresh_from_db()
    added.refresh_from_db()
    corrected.refresh_from_db()
    assert (removed.source, removed.present) == ("person", False), "a removed tag is not resurrected"
    assert added.present and PassageTheme.objects.filter(pk=added.pk).exists()
    assert corrected.value == 12345
    assert PassageBarrier.objects.filter(pk=person_barrier.pk, present=True).exists()
    assert run.counts["person_decisions_kept"] >= 3
    analysis = selectors.document_analysis(document)
    passage_themes = {v.passage.pk: v.themes for v in analysis["passages"]}
    assert removed.theme.number not in passage_themes[removed.passage_id]
    assert extra_theme.number in passage_themes[heading.pk]


def test_starting_a_run_in_the_browser_queues_it_and_its_page_shows_progress(
    client, analyst, dorset, plan_return, django_capture_on_commit_callbacks
):
    import_plan(dorset, plan_return, seed=5)
    client.force_login(analyst)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/analysis/runs/start/")
    run = AnalysisRun.objects.get(scope="corpus")
    assert response.status_code == 302 and response["Location"] == f"/analysis/runs/{run.pk}/"
    assert run.status == "done" and run.requested_by == analyst  # the test settings run tasks at once
    page = client.get(response["Location"])
    assert "has finished" in text_of(soup(page).h1)
    assert not soup(page).select('meta[http-equiv="refresh"]'), "a finished run's page stops refreshing"
    listing = client.get("/analysis/runs/")
    assert f"Run {run.pk}" in text_of(soup(listing).select_one("table"))
    assert AuditEvent.objects.filter(action="AnalysisRunRequested", subject_id=str(run.pk)).exists()


def test_a_run_in_progress_refreshes_its_page_and_a_second_start_goes_to_it(client, analyst):
    run = AnalysisRun.objects.create(
        method_version="m", requested_at=timezone.now(), status="running", documents_total=10, documents_done=4
    )
    client.force_login(analyst)
    page = client.get(f"/analysis/runs/{run.pk}/")
    assert soup(page).select_one('meta[http-equiv="refresh"]')["content"] == "2"
    assert "4 of 10 documents analysed (40%)" in text_of(soup(page).select_one("[role=status]"))
    response = client.post("/analysis/runs/start/")
    assert response["Location"] == f"/analysis/runs/{run.pk}/" and AnalysisRun.objects.count() == 1


def test_a_panel_member_sees_runs_but_cannot_start_one(client, panel_member):
    client.force_login(panel_member)
    page = client.get("/analysis/runs/")
    assert page.status_code == 200 and not soup(page).select("form[action='/analysis/runs/start/']")
    assert client.post("/analysis/runs/start/").status_code == 404
    assert not AnalysisRun.objects.exists()


def test_a_failed_run_is_recorded_with_its_reason(monkeypatch, dorset, plan_return):
    import_plan(dorset, plan_return, seed=6)

    def broken(passages):
        raise RuntimeError("classifier unavailable")

    monkeypatch.setattr("analysis.classify.classify_passages", broken)
    with pytest.raises(RuntimeError):
        runs.run_corpus_analysis_now(actor=None)
    run = AnalysisRun.objects.get()
    assert run.status == "failed" and "classifier unavailable" in run.message
    assert AuditEvent.objects.filter(action="AnalysisRunFailed", subject_id=str(run.pk)).exists()


# --- Reads the explorer builds on ---------------------------------------------------------------


def test_search_finds_passages_by_stemmed_words_with_a_highlighted_escaped_snippet(dorset, somerset, plan_return):
    import_plan(dorset, plan_return, seed=1)
    services.import_document(
        council=somerset,
        return_definition=plan_return,
        filename="plan.txt",
        actor=None,
        analyse=False,
        data=b"Barriers\n\nThe <script>alert(1)</script> barrier is one-year settlements for consultants.\n",
    )
    hits = selectors.search_passages("settlement consultant")
    assert hits and all("settlement" in h.passage.text.lower() for h in hits)
    somerset_hit = next(h for h in hits if h.passage.document.council == somerset)
    assert "<mark>settlements</mark>" in somerset_hit.snippet and "<mark>consultants</mark>" in somerset_hit.snippet
    # SQLite's snippet keeps the words and they are escaped; PostgreSQL's ts_headline drops tags: never markup.
    assert "<script>" not in somerset_hit.snippet and "alert(1)" in somerset_hit.snippet
    assert selectors.search_passages('" OR * NEAR(') == [], "search syntax typed by a person is only words"
    assert selectors.search_passages("") == []


def test_search_follows_passages_as_documents_come_and_go(dorset, plan_return):
    document = import_plan(dorset, plan_return, seed=1)
    assert selectors.search_passages("reablement zzqx") == []
    Passage.objects.filter(document=document, position=2).update(text="Reablement zzqx pilot.")
    assert len(selectors.search_passages("reablement zzqx")) == 1
    Passage.objects.filter(document=document).delete()
    assert selectors.search_passages("reablement") == []


def test_aggregates_count_councils_once_from_current_documents_only(dorset, somerset, plan_return):
    import_plan(dorset, plan_return, seed=1)
    import_plan(dorset, plan_return, seed=2, fmt="html", existing=services.REPLACE)  # it replaces the first
    import_plan(somerset, plan_return, seed=3)
    runs.run_corpus_analysis_now(actor=None)
    coverage = selectors.theme_coverage(return_definition=plan_return)
    assert coverage == [{"theme": n, "councils": 2} for n in (1, 2, 3, 4)]
    barriers = selectors.barrier_council_counts(return_definition=plan_return, by="region")
    # Dorset and Somerset are both in the South West; each counts once per category, whatever its passages say.
    assert barriers and all(row["group"] == "South West" and 1 <= row["councils"] <= 2 for row in barriers)
    kinds = {row["kind"]: row for row in selectors.figures_by_kind(return_definition=plan_return)}
    assert all(row["councils"] <= 2 for row in kinds.values())
    category = barriers[0]["category"]
    behind = selectors.passages_for_barrier(return_definition=plan_return, category_slug=category)
    assert behind and all(p.document.is_current for p in behind)


def test_a_run_whose_worker_stopped_does_not_hold_back_a_new_one(client, analyst, django_capture_on_commit_callbacks):
    import datetime

    stuck = AnalysisRun.objects.create(
        method_version="m", requested_at=timezone.now() - datetime.timedelta(hours=3), status="running"
    )
    client.force_login(analyst)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/analysis/runs/start/")
    new = AnalysisRun.objects.exclude(pk=stuck.pk).get()
    assert response["Location"] == f"/analysis/runs/{new.pk}/" and new.status == "done"
    stuck.refresh_from_db()
    assert stuck.status == "running", "the abandoned run is left as it was, for the record"


def test_rows_written_with_one_prepared_insert_read_back_as_the_orm_writes_them(dorset, plan_return):
    """Passages and machine tags are written with executemany (services.insert_rows), not bulk_create: the same
    row either way, decimals, empty values and flags included."""
    from decimal import Decimal

    document = import_plan(dorset, plan_return, seed=3)
    passage = document.passages.order_by("position").first()
    for upper in (None, Decimal("4.25")):
        row = {
            "passage_id": passage.pk,
            "document_id": document.pk,
            "kind": "agency_spend",
            "value": Decimal("1234567.5"),
            "upper": upper,
            "unit": "gbp",
            "measures": "agency staff",
            "quote": "£1.2m",
            "computed": True,
        }
        services.insert_rows(Figure, [Figure(key=f"fast{upper}", **row)])
        Figure.objects.bulk_create([Figure(key=f"orm{upper}", **row)])
        fast, orm = (Figure.objects.filter(key=f"{how}{upper}").values().get() for how in ("fast", "orm"))
        assert {**fast, "id": None, "key": None} == {**orm, "id": None, "key": None}
        assert fast["value"] == Decimal("1234567.5") and fast["upper"] == upper and fast["present"] is True


def test_a_run_over_more_documents_than_one_batch_analyses_each_once(dorset, somerset, plan_return):
    """Runs write documents `runs.BATCH` at a time; a corpus larger than a batch is analysed whole, with the same
    result as a second run."""
    for seed in range(runs.BATCH + 2):
        import_plan(dorset if seed % 2 else somerset, plan_return, seed=seed, existing=services.ADD)
    first = runs.run_corpus_analysis_now(actor=None)
    second = runs.run_corpus_analysis_now(actor=None)
    assert first.documents_done == first.documents_total == runs.BATCH + 2
    assert set(Document.objects.values_list("analysed_by_run", flat=True)) == {second.pk}
    assert first.result_hash == second.result_hash and first.counts == second.counts
    assert first.counts["passages"] == Passage.objects.count()
    assert PassageTheme.objects.filter(run=second).count() == PassageTheme.objects.count() > 0


def test_documents_of_one_batch_keep_their_own_guidance_flags(dorset, somerset, plan_return):
    """A batch's documents are saved with one UPDATE per set of flags: a plan that speaks of agency staff and
    EDI and one that speaks of neither, analysed in one batch, each keep what their own text says."""

    def import_text(council, text: str) -> Document:
        return services.import_document(
            council=council,
            return_definition=plan_return,
            filename="plan.txt",
            data=text.encode(),
            actor=None,
            analyse=False,
        )

    speaks = import_text(
        dorset,
        "Dorset productivity plan\n\nWe spent 3% of the staff budget on agency staff last year.\n\n"
        "Our EDI training is limited to what the Public Sector Equality Duty requires.\n",
    )
    silent = import_text(somerset, "Somerset productivity plan\n\nWe have moved our contact centre online.\n")
    run = runs.run_corpus_analysis_now(actor=None)

    speaks.refresh_from_db()
    silent.refresh_from_db()
    assert (speaks.agency_addressed, speaks.edi_addressed, speaks.consultants_addressed) == (True, True, False)
    assert (silent.agency_addressed, silent.edi_addressed, silent.consultants_addressed) == (False, False, False)
    assert speaks.analysed_by_run == silent.analysed_by_run == run
    assert speaks.over_page_limit is None and silent.over_page_limit is None  # plain text has no pages to count
