"""Reads for the analysis corpus: documents, what was found in each, runs, aggregates and search.

Effective tags are the rows with `present = True`, whoever wrote them: a person's decision
replaces the machine's row for the same passage and theme (or category, or figure), so counting
`present` rows counts what the service currently says. The explorer counts only each council's
current documents for a return (`Document.is_current`; more than one when an analyst added another).
"""

import datetime
import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, Field, Q, QuerySet
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from analysis.models import (
    AnalysisRun,
    Document,
    DocumentKind,
    DocumentSource,
    Figure,
    Passage,
    PassageBarrier,
    PassageTheme,
    RunScope,
    RunStatus,
)

# --- Documents and runs -------------------------------------------------------------------------


def documents(*, query: str = "", format: str = "", source: str = "", current_only: bool = False) -> QuerySet:
    """Corpus documents, newest first, with their passage counts."""
    found = Document.objects.select_related("council", "return_definition").annotate(passage_count=Count("passages"))
    if query:
        found = found.filter(Q(council__name__icontains=query) | Q(council__gss_code__iexact=query.strip()))
    if format:
        found = found.filter(format=format)
    if source:
        found = found.filter(source=source)
    if current_only:
        found = found.filter(is_current=True)
    return found.order_by("council__name", "-imported_at", "-id")


def current_documents(*, council, return_definition) -> list[Document]:
    """The council's documents for the return that the explorer counts, oldest first: usually one, more when
    an analyst added another document rather than replacing the first."""
    found = Document.objects.filter(council=council, return_definition=return_definition, is_current=True)
    return list(found.select_related("imported_by", "plan_version").order_by("imported_at", "pk"))


def _document_ids(equal: dict, order_by: tuple[str, ...] = ()) -> list[int]:
    """The ids of the documents whose fields hold the values in `equal`, in the order of the fields `order_by`: one
    plain statement, its table and column names from the model. For the checks an import makes of every file, which
    mostly find nothing: the ORM takes many times longer to build its statement than the database to answer it."""
    meta, quote = Document._meta, connection.ops.quote_name

    def column(name: str) -> str:
        field = meta.get_field(name)
        assert isinstance(field, Field) and field.column
        return quote(field.column)

    sql = "SELECT {} FROM {} WHERE {}".format(  # names from the model; every value is a parameter  # nosec B608
        quote(meta.pk.column), quote(meta.db_table), " AND ".join(f"{column(name)} = %s" for name in equal)
    )
    if order_by:
        sql += " ORDER BY " + ", ".join(column(name) for name in order_by)
    with connection.cursor() as cursor:
        cursor.execute(sql, list(equal.values()))
        return [pk for (pk,) in cursor.fetchall()]


def current_document_ids(*, council, return_definition) -> list[int]:
    """The ids of `current_documents`, in the same order."""
    return _document_ids(
        {"council": council.pk, "return_definition": return_definition.pk, "is_current": True},
        order_by=("imported_at", "id"),
    )


def document_id_with_file(*, council, return_definition, file_sha256: str) -> int | None:
    """The id of the council's document for the return made from exactly these bytes, if there is one (at most one:
    the model's constraint)."""
    found = _document_ids(
        {"council": council.pk, "return_definition": return_definition.pk, "file_sha256": file_sha256}
    )
    return found[0] if found else None


def document_with_file(*, council, return_definition, file_sha256: str) -> Document | None:
    """The council's document for the return made from exactly these bytes, if there is one."""
    found = Document.objects.filter(council=council, return_definition=return_definition, file_sha256=file_sha256)
    return found.select_related("imported_by").first()


def imported_documents(*, return_definition, council=None) -> QuerySet:
    """Every imported (not written in the service) document for a return, or one council's, oldest first."""
    found = Document.objects.filter(return_definition=return_definition, source=DocumentSource.IMPORTED)
    if council is not None:
        found = found.filter(council=council)
    return found.select_related("council").order_by("imported_at", "pk")


def runs(*, scope: str = RunScope.CORPUS, limit: int = 50) -> list[AnalysisRun]:
    return list(AnalysisRun.objects.select_related("requested_by").filter(scope=scope).order_by("-id")[:limit])


ABANDONED_AFTER = datetime.timedelta(hours=2)


def run_in_progress(*, now: datetime.datetime | None = None) -> AnalysisRun | None:
    """The corpus run waiting or running, if any. A run still unfinished two hours after it was asked for
    (its worker stopped) no longer holds back a new one; it stays in the list as it was left."""
    since = (now or timezone.now()) - ABANDONED_AFTER
    return (
        AnalysisRun.objects.filter(
            scope=RunScope.CORPUS, status__in=[RunStatus.QUEUED, RunStatus.RUNNING], requested_at__gte=since
        )
        .order_by("-id")
        .first()
    )


# --- One document's analysis --------------------------------------------------------------------


@dataclass
class PassageView:
    passage: Passage
    themes: list[int]
    barriers: list[str]


PASSAGES_PER_PAGE = 200  # passages on one page of a document (the analysis document page)


def page_of_position(position: int, per_page: int = PASSAGES_PER_PAGE) -> int:
    """The page of a document's passages on which the passage at `position` (1, 2, ...) is shown."""
    return (max(position, 1) - 1) // per_page + 1


def passage_count(document: Document) -> int:
    return document.passages.count()


def document_analysis(document: Document, *, offset: int = 0, limit: int | None = None) -> dict:
    """What the analysis says about one document: the API's `analysis` answer and the detail page.

    The themes covered, the barriers and the figures are the whole document's; `passages` are those from
    `offset` (0 is the first), at most `limit` of them (all when None), and `passage_count` says how many
    the document holds. A handful of queries, and the work of one page, whatever the document's length.
    """
    passage_count = document.passages.count()
    window = document.passages.order_by("position")
    passages = list(window[offset : offset + limit] if limit is not None else window[offset:])
    on_page = [passage.pk for passage in passages]
    themes_by_passage: dict[int, list[int]] = {}
    for passage_id, number in (
        PassageTheme.objects.filter(document=document, present=True, passage_id__in=on_page)
        .order_by("theme__number")
        .values_list("passage_id", "theme__number")
    ):
        themes_by_passage.setdefault(passage_id, []).append(number)
    themes_covered = sorted(
        set(
            PassageTheme.objects.filter(document=document, present=True)
            .order_by()
            .values_list("theme__number", flat=True)
            .distinct()
        )
    )
    barriers_by_passage: dict[int, list[str]] = {}
    barrier_passages: dict[str, list[int]] = {}
    barrier_positions: dict[str, list[int]] = {}
    barrier_labels: dict[str, str] = {}
    asks: dict[str, list[str]] = {}
    for passage_id, position, slug, label, ask in (
        PassageBarrier.objects.filter(document=document, present=True)
        .order_by("passage__position", "category__slug")
        .values_list("passage_id", "passage__position", "category__slug", "category__label", "ask")
    ):
        barriers_by_passage.setdefault(passage_id, []).append(slug)
        barrier_passages.setdefault(slug, []).append(passage_id)
        barrier_positions.setdefault(slug, []).append(position)
        barrier_labels[slug] = label
        if ask:
            asks.setdefault(slug, []).append(ask)
    figures = list(
        Figure.objects.filter(document=document, present=True)
        .select_related("passage")
        .order_by("passage__position", "key", "kind")
    )
    for figure in figures:  # the page of the document's passages that shows the figure's passage
        figure.passage_page = page_of_position(figure.passage.position)  # type: ignore[attr-defined]
    return {
        "document": document,
        "page_count": document.page_count,
        "themes_covered": themes_covered,
        "guidance": {
            "consultants_addressed": document.consultants_addressed,
            "agency_addressed": document.agency_addressed,
            "edi_addressed": document.edi_addressed,
            "over_page_limit": document.over_page_limit,
        },
        "barriers": [
            {
                "category": slug,
                "label": barrier_labels[slug],
                "passages": ids,
                "links": [(id_, page_of_position(at)) for id_, at in zip(ids, barrier_positions[slug], strict=True)],
                "asks": asks.get(slug, []),
            }
            for slug, ids in sorted(barrier_passages.items())
        ],
        "figures": figures,
        "passage_count": passage_count,
        "offset": offset,
        "passages": [
            PassageView(passage, themes_by_passage.get(passage.pk, []), barriers_by_passage.get(passage.pk, []))
            for passage in passages
        ],
    }


# --- Aggregates for the explorer ----------------------------------------------------------------


def _current(return_definition) -> dict:
    return {"document__is_current": True, "document__return_definition": return_definition}


def barrier_council_counts(*, return_definition, by: str = "authority_type") -> list[dict]:
    """How many councils name each barrier category, split by `by` (authority_type or region).

    One aggregate query over indexed columns: [{category, group, councils}].
    """
    group = {"authority_type": "document__council__authority_type", "region": "document__council__region"}[by]
    rows = (
        PassageBarrier.objects.filter(present=True, **_current(return_definition))
        .values("category__slug", group)
        .annotate(councils=Count("document__council", distinct=True))
        .order_by("category__slug", group)
    )
    return [{"category": r["category__slug"], "group": r[group], "councils": r["councils"]} for r in rows]


def theme_coverage(*, return_definition) -> list[dict]:
    """How many councils' current plans speak to each theme: [{theme, councils}]."""
    rows = (
        PassageTheme.objects.filter(present=True, **_current(return_definition))
        .values("theme__number")
        .annotate(councils=Count("document__council", distinct=True))
        .order_by("theme__number")
    )
    return [{"theme": r["theme__number"], "councils": r["councils"]} for r in rows]


def figures_by_kind(*, return_definition) -> list[dict]:
    """How many figures of each kind, from how many councils: [{kind, figures, councils}]."""
    rows = (
        Figure.objects.filter(present=True, **_current(return_definition))
        .values("kind")
        .annotate(figures=Count("id"), councils=Count("document__council", distinct=True))
        .order_by("kind")
    )
    return list(rows)


def passages_for_barrier(*, return_definition, category_slug: str, authority_type: str = "", region: str = ""):
    """The passages behind a barrier count (what a count links down to)."""
    found = PassageBarrier.objects.filter(present=True, category__slug=category_slug, **_current(return_definition))
    if authority_type:
        found = found.filter(document__council__authority_type=authority_type)
    if region:
        found = found.filter(document__council__region=region)
    return (
        Passage.objects.filter(pk__in=found.values("passage_id"))
        .select_related("document__council")
        .order_by("document__council__name", "position")
    )


# --- Full-text search ---------------------------------------------------------------------------

START, STOP = "\x02", "\x03"
WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class SearchHit:
    passage: Passage
    snippet: SafeString


def _highlight(raw: str) -> SafeString:
    """Escape the snippet, then turn the search engine's markers into <mark> elements."""
    return mark_safe(escape(raw).replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308 - escaped first  # nosec B308 B703


def _search_ids(
    words: list[str],
    limit: int,
    *,
    return_id: int | None,
    current_only: bool,
    authority_type: str,
    region: str,
    plans_only: bool = False,
) -> list[tuple[int, str]]:
    """(passage id, snippet with markers), best match first, from the database's own full-text index.

    The document and council filters are applied inside the query, so the index stops at `limit`
    rows of the passages that will be shown rather than ranking and discarding others (and a
    narrow filter never hides matches that ranked below the limit across all councils).
    """
    filters: list[str] = []
    parameters: list[str | int] = []
    if current_only:
        filters.append("d.is_current")
    if plans_only:
        filters.append("d.kind = %s")
        parameters.append(DocumentKind.PLAN.value)
    if return_id is not None:
        filters.append("d.return_definition_id = %s")
        parameters.append(return_id)
    if authority_type:
        filters.append("c.authority_type = %s")
        parameters.append(authority_type)
    if region:
        filters.append("c.region = %s")
        parameters.append(region)
    where = "".join(f" AND {condition}" for condition in filters)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Only fixed conditions are joined into the SQL; every value is a parameter.
            cursor.execute(
                "SELECT p.id, ts_headline('english', p.text, query, %s) FROM analysis_passage p "  # nosec B608
                "JOIN analysis_document d ON d.id = p.document_id JOIN councils_council c ON c.id = d.council_id, "
                "plainto_tsquery('english', %s) query "
                f"WHERE to_tsvector('english', p.text) @@ query{where} "
                "ORDER BY ts_rank(to_tsvector('english', p.text), query) DESC, p.id LIMIT %s",
                [f"StartSel={START}, StopSel={STOP}, MaxWords=35, MinWords=15", " ".join(words), *parameters, limit],
            )
        elif connection.vendor == "sqlite":
            match = " ".join('"' + word.replace('"', "") + '"' for word in words)
            # Only fixed conditions are joined into the SQL; every value is a parameter.
            cursor.execute(
                "SELECT f.rowid, snippet(analysis_passage_fts, 0, %s, %s, '…', 24) FROM analysis_passage_fts f "  # nosec B608
                "JOIN analysis_passage p ON p.id = f.rowid JOIN analysis_document d ON d.id = p.document_id "
                "JOIN councils_council c ON c.id = d.council_id "
                f"WHERE analysis_passage_fts MATCH %s{where} ORDER BY f.rank, f.rowid LIMIT %s",
                [START, STOP, match, *parameters, limit],
            )
        else:  # pragma: no cover - the service supports SQLite and PostgreSQL only
            return []
        return [(row[0], row[1]) for row in cursor.fetchall()]


def search_passages(
    query: str,
    *,
    return_definition=None,
    authority_type: str = "",
    region: str = "",
    current_only: bool = True,
    plans_only: bool = False,
    limit: int = 50,
):
    """Passages matching every word of `query`, best first, each with a highlighted snippet.

    SQLite uses the FTS5 table, PostgreSQL the GIN index on to_tsvector('english', text); both stem
    English words ("barriers" finds "barrier"). The query is reduced to plain words, so search
    syntax typed by a person can never reach the database as syntax.
    """
    words = WORD.findall(query or "")[:20]
    if not words:
        return []
    return_id = return_definition.pk if return_definition is not None else None
    found = _search_ids(
        words,
        limit,
        return_id=return_id,
        current_only=current_only,
        authority_type=authority_type,
        region=region,
        plans_only=plans_only,
    )
    passages = Passage.objects.select_related("document__council", "document__return_definition").in_bulk(
        [pk for pk, _ in found]
    )
    return [SearchHit(passage=passages[pk], snippet=_highlight(snippet)) for pk, snippet in found if pk in passages]
