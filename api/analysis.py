"""Version 1 of the analysis API: the corpus of plan documents and what the analysis found in each.

For department staff (`analysis.read_corpus`), with a bearer token, through `analysis.access` as on the
web pages. Anyone else, and any document that does not exist, gets a 404, so the API never confirms what
is in the corpus.
Plans are never rated or scored: the answers describe, they do not grade.
"""

import datetime

from ninja import Field, Query, Router, Schema

from analysis.access import check_can_read_corpus, get_document_for_view
from analysis.explorer.selectors import figure_text
from analysis.reading.extract import MAX_PASSAGES
from analysis.selectors import document_analysis, documents
from api.auth import BearerToken
from api.schemas import Error
from core import shared_cache

router = Router(auth=BearerToken(), tags=["Analysis"])
PASSAGES_PER_ANSWER = 500  # passages in one `analysis` answer unless `limit` asks for more (up to MAX_PASSAGES)


class DocumentOut(Schema):
    id: int
    council: str = Field(description="The council's ONS code.")
    council_name: str
    return_slug: str = Field(alias="return")
    title: str
    source: str = Field(description="imported (a file) or service (a plan version written in the service).")
    format: str
    page_count: int | None
    is_current: bool = Field(
        description="Counted by the explorer: one of the council's current documents for the return (a council "
        "may have more than one, such as a plan and an annex). False once another document replaced it."
    )
    imported_at: datetime.datetime
    kind: str = Field(
        description="plan, report, publication, other_regime or unrelated. The explorer and the panel summary count "
        "only plans unless asked to include every kind (kinds=all)."
    )
    kind_reason: str = Field(description="Why the document is of this kind, in plain words.")
    kind_source: str = Field(description="machine (read from the text on import) or person (an analyst set it).")


class GuidanceOut(Schema):
    consultants_addressed: bool | None
    agency_addressed: bool | None
    edi_addressed: bool | None
    over_page_limit: bool | None = Field(description="Null when the page count is not known.")


class BarrierOut(Schema):
    category: str = Field(description="An id from plans/data/barrier_taxonomy.csv.")
    label: str
    passages: list[int]
    asks: list[str] = Field(description="What the plan asks of government about this barrier, where it says.")


class FigureOut(Schema):
    kind: str = Field(
        description="What the figure is: agency_share_of_staff_budget, consultant_share_of_staff_budget, "
        "agency_spend, consultant_spend, staff_budget, savings, spending, deficit, budget_gap (a funding gap or "
        "shortfall), funding (money received or raised), edi_spend, other_money, other_percent or count."
    )
    value: float = Field(description="The figure; for a range, its lower end.")
    upper: float | None = Field(description="The top of a range (3.6–3.8% has value 3.6 and upper 3.8); else null.")
    unit: str = Field(description="gbp, percent or count.")
    qualifier: str = Field(
        description="What the figure is counted per (per resident, per household per year, per week) or, for a "
        "count, what it counts (staff, bids, households); empty when the plan says neither."
    )
    text: str = Field(description="The figure as the plan gives it: '3.6% to 3.8%', '£110 per resident', '22 bids'.")
    measures: str
    computed: bool = Field(description="Worked out from spend and staff budget rather than stated.")
    passage: int
    source: str = Field(description="machine (an analysis run) or person (a reviewer's correction).")


class PassageOut(Schema):
    id: int
    position: int
    page: int | None
    kind: str
    heading: str
    text: str
    themes: list[int]
    barriers: list[str]


class AnalysisOut(Schema):
    document: DocumentOut
    page_count: int | None
    themes_covered: list[int]
    guidance: GuidanceOut
    barriers: list[BarrierOut]
    figures: list[FigureOut]
    passage_count: int = Field(description="How many passages the document holds.")
    offset: int = Field(description="The position in the document (0 is the first) of the first passage given.")
    limit: int = Field(description="The most passages this answer may give.")
    passages: list[PassageOut] = Field(
        description="The passages from `offset`, at most `limit` of them, in the document's order. Ask again "
        "with `offset` increased by `limit` while it is less than `passage_count` for the rest."
    )
    analysed_by_run: int | None
    method_version: str | None


def _document(document) -> dict:
    return {
        "id": document.pk,
        "council": document.council.gss_code,
        "council_name": document.council.name,
        "return": document.return_definition.slug,
        "title": document.title,
        "source": document.source,
        "format": document.format,
        "page_count": document.page_count,
        "is_current": document.is_current,
        "imported_at": document.imported_at,
        "kind": document.kind,
        "kind_reason": document.kind_reason,
        "kind_source": document.kind_source,
    }


@router.get("", response={200: list[DocumentOut], 401: Error, 404: Error}, by_alias=True, summary="Plan documents")
def list_documents(request):
    """Every document in the corpus (imported files and plans written in the service)."""
    check_can_read_corpus(request.auth)
    # The same list for every reader (counting each document's passages reads them all): shared until the
    # corpus changes (decision 0027).
    return shared_cache.cached(
        "api:documents",
        namespaces=(shared_cache.CORPUS,),
        parts=(),
        compute=lambda: [_document(d) for d in documents()],
    )


@router.get(
    "/{document_id}/analysis",
    response={200: AnalysisOut, 401: Error, 404: Error},
    by_alias=True,
    summary="What the analysis found in a document",
)
def document_analysis_view(
    request,
    document_id: int,
    offset: int = Query(0, ge=0, description="Skip this many passages (0, the first page, unless given)."),
    limit: int = Query(
        PASSAGES_PER_ANSWER,
        ge=1,
        le=MAX_PASSAGES,
        description=f"Give at most this many passages ({PASSAGES_PER_ANSWER} unless given; at most {MAX_PASSAGES}).",
    ),
):
    """Themes covered, the guidance (consultants, agency staff, EDI, page limit), barriers with the
    passages that name them and figures with the passage each came from, for the whole document; then its
    passages a page at a time (`offset`, `limit`), with `passage_count` saying how many there are."""
    document = get_document_for_view(request.auth, document_id)
    found = document_analysis(document, offset=offset, limit=limit)
    run = document.analysed_by_run
    return {
        "document": _document(document),
        "page_count": found["page_count"],
        "themes_covered": found["themes_covered"],
        "guidance": found["guidance"],
        "barriers": found["barriers"],
        "figures": [
            {
                "kind": f.kind,
                "value": float(f.value),
                "upper": None if f.upper is None else float(f.upper),
                "unit": f.unit,
                "qualifier": f.qualifier,
                "text": figure_text(f),
                "measures": f.measures,
                "computed": f.computed,
                "passage": f.passage_id,
                "source": f.source,
            }
            for f in found["figures"]
        ],
        "passages": [
            {
                "id": view.passage.pk,
                "position": view.passage.position,
                "page": view.passage.page,
                "kind": view.passage.kind,
                "heading": view.passage.heading,
                "text": view.passage.text,
                "themes": view.themes,
                "barriers": view.barriers,
            }
            for view in found["passages"]
        ],
        "passage_count": found["passage_count"],
        "offset": offset,
        "limit": limit,
        "analysed_by_run": run.pk if run else None,
        "method_version": run.method_version if run else None,
    }
