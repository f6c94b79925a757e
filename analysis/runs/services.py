"""Analysis runs: the classifier, the figure rules and the guidance flags applied to documents of the corpus,
one document at a time, with progress on the run and one result hash per run. A run replaces earlier machine
tags and keeps every tag a person decided (`_merge`).

Runs build on the corpus (analysis/services.py): a corpus run first brings in the plans published in the
service.
"""

import datetime
import hashlib
import json
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from analysis.models import (
    AnalysisRun,
    Document,
    Figure,
    Passage,
    PassageBarrier,
    PassageTheme,
    RunScope,
    RunStatus,
    TagSource,
)
from analysis.reading import figures as figure_rules
from analysis.services import insert_rows, sync_service_versions, unsaved_row
from core.audit import record_event
from plans.models import BarrierCategory, Theme

logger = logging.getLogger(__name__)

BATCH = 10  # documents analysed and written together (one transaction), and between progress writes


def method_version() -> str:
    """The classifier's and the figure rules' versions: a run's results depend on both."""
    from analysis.classify import METHOD_VERSION

    return f"{METHOD_VERSION}+{figure_rules.EXTRACTION_VERSION}"


def _new_corpus_run(*, actor, at: datetime.datetime | None = None) -> AnalysisRun:
    """A requested run over the whole corpus, with its audit event; the caller holds the transaction."""
    run = AnalysisRun.objects.create(
        scope=RunScope.CORPUS,
        method_version=method_version(),
        requested_by=actor if getattr(actor, "pk", None) else None,
        requested_at=at or timezone.now(),
    )
    record_event(action="AnalysisRunRequested", actor=actor, subject=run, data={"method": run.method_version})
    return run


def request_analysis_run(*, actor, at: datetime.datetime | None = None) -> AnalysisRun:
    """Queue a run over the whole corpus; the worker performs it (analysis.runs.tasks.run_analysis)."""
    from analysis.runs.tasks import run_analysis

    with transaction.atomic():
        run = _new_corpus_run(actor=actor, at=at)
        transaction.on_commit(lambda: run_analysis.enqueue(run_id=run.pk))
    return run


def run_corpus_analysis_now(*, actor=None) -> AnalysisRun:
    """A run over the whole corpus, performed in this process (the import command, the demo, the benchmark)."""
    with transaction.atomic():
        run = _new_corpus_run(actor=actor)
    return perform_analysis_run(run=run, actor=actor)


def analyse_now(*, documents: list[Document], actor) -> AnalysisRun:
    """Analyse some documents at once, in this process (a one-document run on import)."""
    run = AnalysisRun.objects.create(
        scope=RunScope.DOCUMENT,
        method_version=method_version(),
        requested_by=actor if getattr(actor, "pk", None) else None,
        requested_at=timezone.now(),
    )
    return perform_analysis_run(run=run, documents=documents, actor=actor)


@dataclass
class _Lookups:
    themes: dict[tuple[int, int], Theme]  # (return id, theme number) -> theme
    categories: dict[str, BarrierCategory]


def _lookups() -> _Lookups:
    return _Lookups(
        themes={(t.return_definition_id, t.number): t for t in Theme.objects.all()},
        categories={c.slug: c for c in BarrierCategory.objects.all()},
    )


@dataclass
class _Writes:
    """The rows one model needs written to make the machine's findings for some documents current."""

    stale: list[int] = field(default_factory=list)  # machine rows no longer found
    create: list = field(default_factory=list)
    changed: list = field(default_factory=list)  # found again, read differently
    kept: list[int] = field(default_factory=list)  # found again, the same

    def apply(self, model, *, run: AnalysisRun, fields: list[str]) -> None:
        """One statement of each sort for the whole batch of documents, not one per document."""
        if self.stale:
            model.objects.filter(pk__in=self.stale).delete()
        insert_rows(model, self.create)
        if self.changed:  # rare: only what a new method reads differently
            model.objects.bulk_update(self.changed, fields)
        if self.kept:  # the common case on a re-run: the same finding, now credited to this run
            model.objects.filter(pk__in=self.kept).update(run=run)


def _merge(writes: _Writes, *, existing: dict, wanted: dict, fields: list[str]) -> tuple[int, int]:
    """Add to `writes` what makes the machine's rows for a document match `wanted` (key -> unsaved row),
    keeping every row a person decided. Returns (rows given by the machine, rows a person decided, all kept)."""
    person_keys = {key for key, row in existing.items() if row.source == TagSource.PERSON}
    writes.stale += [row.pk for key, row in existing.items() if row.source == TagSource.MACHINE and key not in wanted]
    for key, row in wanted.items():
        if key in person_keys:
            continue
        current = existing.get(key)
        if current is None:
            writes.create.append(row)
            continue
        writes.kept.append(current.pk)
        if any(getattr(current, field) != getattr(row, field) for field in fields):
            for field in fields:
                setattr(current, field, getattr(row, field))
            writes.changed.append(current)
    return len(set(wanted) - person_keys), len(person_keys)


@dataclass(frozen=True)
class _ReaderFindings:
    labels: list
    figures: list
    guidance: figure_rules.GuidanceFound


def _findings_from_reader(precomputed: dict | None, inputs: list) -> _ReaderFindings | None:
    """What a bulk reader's child found (labels, figures, guidance flags), if it was made from exactly these
    passages by the classifier this process would use; otherwise None (read them here)."""
    from analysis.classify import METHOD_VERSION, BarrierLabel, PassageLabels
    from analysis.reading.extract_child import inputs_digest

    if not precomputed or precomputed.get("method") != METHOD_VERSION or "figures" not in precomputed:
        return None
    if precomputed.get("inputs") != inputs_digest(inputs):
        return None
    labels = [
        PassageLabels(
            themes=frozenset(label["themes"]),
            barriers=tuple(BarrierLabel(category=c, ask=a) for c, a in label["barriers"]),
        )
        for label in precomputed["passages"]
    ]
    figures = [
        figure_rules.FoundFigure(
            **{
                **found,
                "value": Decimal(found["value"]),
                "upper": None if found["upper"] is None else Decimal(found["upper"]),
            }
        )
        for found in precomputed["figures"]
    ]
    return _ReaderFindings(labels, figures, figure_rules.GuidanceFound(*precomputed["guidance"]))


FIGURE_FIELDS = ["value", "upper", "unit", "qualifier", "measures", "quote", "computed"]
DOCUMENT_FIELDS = ["consultants_addressed", "agency_addressed", "edi_addressed", "over_page_limit", "analysed_by_run"]


@dataclass
class _BatchWrites:
    themes: _Writes = field(default_factory=_Writes)
    barriers: _Writes = field(default_factory=_Writes)
    figures: _Writes = field(default_factory=_Writes)

    def apply(self, run: AnalysisRun) -> None:
        self.themes.apply(PassageTheme, run=run, fields=[])
        self.barriers.apply(PassageBarrier, run=run, fields=["ask"])
        self.figures.apply(Figure, run=run, fields=FIGURE_FIELDS)


def _by_document(rows, key) -> dict[int, dict]:
    grouped: dict[int, dict] = defaultdict(dict)
    for row in rows:
        grouped[row.document_id][key(row)] = row
    return grouped


def _analyse_documents(batch: list[tuple[Document, dict | None]], run: AnalysisRun, lookups: _Lookups) -> list:
    """Themes, barriers, figures and guidance for a batch of documents, read and written with a few statements
    for the whole batch; returns (counts, digest) for each document, in order. The caller holds the transaction."""
    ids = [document.pk for document, _ in batch]
    passages_of: dict[int, list] = defaultdict(list)
    # What the analysis reads of each passage, as tuples rather than model instances.
    found = Passage.objects.filter(document_id__in=ids).order_by("document_id", "position")
    for passage in found.values_list("pk", "document_id", "position", "text", "heading", named=True):
        passages_of[passage.document_id].append(passage)
    themes_of = _by_document(PassageTheme.objects.filter(document_id__in=ids), lambda t: (t.passage_id, t.theme_id))
    barriers_of = _by_document(
        PassageBarrier.objects.filter(document_id__in=ids), lambda b: (b.passage_id, b.category_id)
    )
    figures_of = _by_document(Figure.objects.filter(document_id__in=ids), lambda f: (f.passage_id, f.kind, f.key))
    writes = _BatchWrites()
    results = [
        _analyse_document(
            document,
            run,
            lookups,
            precomputed,
            passages=passages_of[document.pk],
            existing=(themes_of[document.pk], barriers_of[document.pk], figures_of[document.pk]),
            writes=writes,
        )
        for document, precomputed in batch
    ]
    writes.apply(run)
    _save_document_findings([document for document, _ in batch])
    return results


def _save_document_findings(documents: list[Document]) -> None:
    """DOCUMENT_FIELDS of each document, with one UPDATE per set of values: the documents of a batch mostly share
    them (the flags, the page limit, the run), and `bulk_update` builds a CASE over every document for each field."""
    by_values: dict[tuple, list[int]] = defaultdict(list)
    for document in documents:
        by_values[tuple(getattr(document, name) for name in DOCUMENT_FIELDS)].append(document.pk)
    for values, ids in by_values.items():
        Document.objects.filter(pk__in=ids).update(**dict(zip(DOCUMENT_FIELDS, values, strict=True)))


def _analyse_document(
    document: Document,
    run: AnalysisRun,
    lookups: _Lookups,
    precomputed: dict | None,
    *,
    passages: list,
    existing: tuple[dict, dict, dict],
    writes: _BatchWrites,
) -> tuple[dict, str]:
    """Themes, barriers, figures and guidance for one document, added to `writes` and set on `document` (not yet
    saved); returns counts and a digest."""
    from analysis.classify import PassageInput, classify_passages, within_remit

    inputs = [PassageInput(text=p.text, heading=p.heading or None) for p in passages]
    texts = [p.text for p in passages]
    from_reader = _findings_from_reader(precomputed, inputs)
    labels = from_reader.labels if from_reader else classify_passages(inputs)
    # A barrier in a service this type of council does not provide needs stronger evidence (classify/remit.py).
    labels = within_remit(inputs, labels, authority_type=document.council.authority_type)
    themes, barriers = {}, {}
    for passage, label in zip(passages, labels, strict=True):
        for number in sorted(label.themes):
            theme = lookups.themes.get((document.return_definition_id, number))
            if theme is not None:
                # Rows for insert_rows with keys set by id, not model instances: a run makes tens of thousands.
                themes[(passage.pk, theme.pk)] = unsaved_row(
                    PassageTheme,
                    passage_id=passage.pk,
                    document_id=document.pk,
                    theme_id=theme.pk,
                    source=TagSource.MACHINE,
                    run_id=run.pk,
                )
        for barrier in label.barriers:
            category = lookups.categories.get(barrier.category)
            if category is not None and (passage.pk, category.pk) not in barriers:
                barriers[(passage.pk, category.pk)] = unsaved_row(
                    PassageBarrier,
                    passage_id=passage.pk,
                    document_id=document.pk,
                    category_id=category.pk,
                    ask=(barrier.ask or "")[:2000],
                    source=TagSource.MACHINE,
                    run_id=run.pk,
                )
    found_figures = from_reader.figures if from_reader else figure_rules.document_figures(texts)
    figures = {}
    for found in found_figures:
        passage = passages[found.passage]
        figures[(passage.pk, found.kind, found.key)] = unsaved_row(
            Figure,
            passage_id=passage.pk,
            document_id=document.pk,
            kind=found.kind,
            key=found.key,
            value=found.value,
            upper=found.upper,
            unit=found.unit,
            qualifier=found.qualifier[:60],
            measures=found.measures[:200],
            quote=found.quote[:300],
            computed=found.computed,
            source=TagSource.MACHINE,
            run_id=run.pk,
        )
    existing_themes, existing_barriers, existing_figures = existing
    theme_count, kept_themes = _merge(writes.themes, existing=existing_themes, wanted=themes, fields=[])
    barrier_count, kept_barriers = _merge(writes.barriers, existing=existing_barriers, wanted=barriers, fields=["ask"])
    figure_count, kept_figures = _merge(writes.figures, existing=existing_figures, wanted=figures, fields=FIGURE_FIELDS)
    guidance = from_reader.guidance if from_reader else figure_rules.guidance_found(texts)
    limit = document.return_definition.page_limit
    document.consultants_addressed = guidance.consultants_addressed
    document.agency_addressed = guidance.agency_addressed
    document.edi_addressed = guidance.edi_addressed
    document.over_page_limit = None if document.page_count is None or not limit else document.page_count > limit
    document.analysed_by_run = run
    position = {p.pk: p.position for p in passages}
    machine_output = {
        "document": document.pk,
        "themes": sorted((position[p], t) for p, t in themes),
        "barriers": sorted((position[p], c, row.ask) for (p, c), row in barriers.items()),
        "figures": sorted(
            (position[p], k, key, str(row.value), str(row.upper or ""), row.qualifier)
            for (p, k, key), row in figures.items()
        ),
        "guidance": [guidance.consultants_addressed, guidance.agency_addressed, guidance.edi_addressed],
    }
    digest = hashlib.sha256(json.dumps(machine_output, sort_keys=True).encode()).hexdigest()
    counts = {
        "passages": len(passages),
        "theme_tags": theme_count,
        "barrier_tags": barrier_count,
        "figures": figure_count,
        "person_decisions_kept": kept_themes + kept_barriers + kept_figures,
    }
    return counts, digest


class RunInProgress:
    """The work of one run, document by document: progress on the run row, totals, and the result hash.

    The hash is made from each document's findings in document order, so a run that analysed documents
    as they were imported gives the same hash as a later run over the same corpus.
    """

    def __init__(self, run: AnalysisRun, *, actor=None, service_versions_added: int = 0, expected: int = 0):
        self.run, self.actor = run, actor
        self.lookups = _lookups()
        self.totals = {"documents": 0, "passages": 0, "theme_tags": 0, "barrier_tags": 0, "figures": 0}
        self.totals |= {"person_decisions_kept": 0, "service_versions_added": service_versions_added}
        self.digests: dict[int, str] = {}
        self.pending: list[tuple[Document, dict | None]] = []
        AnalysisRun.objects.filter(pk=run.pk).update(
            status=RunStatus.RUNNING, started_at=timezone.now(), documents_total=expected
        )

    def analyse(self, document: Document, *, labels: dict | None = None) -> None:
        """Analyse one document; `labels` are the classifier's, when a bulk reader's child already made them.
        Documents are written BATCH at a time (`flush`), so a bulk import pays for a few statements and one
        commit per batch rather than per document."""
        self.pending.append((document, labels))
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Write the analysis of the documents waiting in `pending`, in one transaction."""
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        with transaction.atomic():
            results = _analyse_documents(batch, self.run, self.lookups)
        for (document, _), (counts, digest) in zip(batch, results, strict=True):
            self.digests[document.pk] = digest
            self.totals["documents"] += 1
            for key, value in counts.items():
                self.totals[key] += value
        AnalysisRun.objects.filter(pk=self.run.pk).update(documents_done=len(self.digests))

    def analyse_the_rest(self) -> None:
        """Every document of the corpus this run has not analysed yet."""
        self.flush()
        remaining = Document.objects.select_related("return_definition", "council").exclude(pk__in=list(self.digests))
        AnalysisRun.objects.filter(pk=self.run.pk).update(documents_total=len(self.digests) + remaining.count())
        for document in remaining.order_by("pk"):
            self.analyse(document)
        self.flush()

    def finish(self) -> AnalysisRun:
        self.flush()
        result_hash = hashlib.sha256("\n".join(d for _, d in sorted(self.digests.items())).encode()).hexdigest()
        with transaction.atomic():
            AnalysisRun.objects.filter(pk=self.run.pk).update(
                status=RunStatus.DONE,
                documents_total=len(self.digests),
                documents_done=len(self.digests),
                finished_at=timezone.now(),
                counts=self.totals,
                result_hash=result_hash,
            )
            self.run.refresh_from_db()
            record_event(
                action="AnalysisRunFinished",
                actor=self.actor,
                subject=self.run,
                content_hash=result_hash,
                data={"scope": self.run.scope, "method": self.run.method_version, **self.totals},
            )
        return self.run

    def fail(self, error: Exception) -> None:
        record_run_failure(run=self.run, error=error, actor=self.actor)


def record_run_failure(*, run: AnalysisRun, error: Exception, actor=None) -> None:
    """Mark a run failed with its reason, so its page says so rather than waiting for ever."""
    logger.exception("Analysis run %s failed", run.pk)
    AnalysisRun.objects.filter(pk=run.pk).update(
        status=RunStatus.FAILED, finished_at=timezone.now(), message=f"The run stopped: {error}"[:2000]
    )
    run.refresh_from_db()
    record_event(action="AnalysisRunFailed", actor=actor, subject=run, data={"message": run.message})


def begin_corpus_run(*, actor=None, expected: int = 0) -> RunInProgress:
    """Start a corpus run in this process (the folder import analyses each document as it is stored, while the
    next files are still being read): plans written in the service are brought in first."""
    with transaction.atomic():
        run = _new_corpus_run(actor=actor)
    added = sync_service_versions(actor=actor)
    return RunInProgress(run, actor=actor, service_versions_added=added, expected=expected)


def perform_analysis_run(*, run: AnalysisRun, documents: list[Document] | None = None, actor=None) -> AnalysisRun:
    """Do the work of a run: bring in service plans (corpus runs), then analyse each document,
    writing progress as it goes. Re-runnable: a run replaces earlier machine tags, never a person's."""
    try:
        added = sync_service_versions(actor=actor) if documents is None else 0
        work = RunInProgress(run, actor=actor, service_versions_added=added, expected=len(documents or []))
        if documents is None:
            work.analyse_the_rest()
        else:
            for document in documents:
                work.analyse(document)
        return work.finish()
    except Exception as error:
        record_run_failure(run=run, error=error, actor=actor)
        raise
