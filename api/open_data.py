"""Open data in the API (version 1): publications, submissions and published plans' content.

Everything here is public and read-only, under the Open Government Licence v3.0.

Submissions are public facts: that a council returned its plan, when, whether on time, and the
content hash of what it sent. The public register (`/v1/returns/{slug}/status`) already says the same
of every council, so listing them adds no new disclosure. The text of a plan stays private until the
council publishes it: `published` says whether it has, and only published plans' content is served.
Receipt references and the people who submitted stay on the department's pages.

Lists are paged with `limit` (1-500, default 100) and `offset`, newest first, and say how many items
match in `count`.
"""

import datetime

from ninja import Field, Query, Router, Schema, Status

from api.schemas import Error, ValidationErrorOut
from councils.models import AuthorityType, Region
from portal import open_data, selectors

router = Router(tags=["Open data"])

MAX_LIMIT = 500


class Page(Schema):
    limit: int = Field(100, ge=1, le=MAX_LIMIT, description="How many items to return (1-500)")
    offset: int = Field(0, ge=0, le=1_000_000, description="How many matching items to skip")


class PublicationFilters(Page):
    council: str | None = Field(None, max_length=20, description="A council's ONS code, e.g. E06000059")
    return_slug: str | None = Field(None, max_length=80, description="A return, e.g. productivity-plan-2024")
    type: AuthorityType | None = None
    region: Region | None = None
    corrections: bool | None = Field(None, description="true: only corrections; false: only first publications")


class SubmissionFilters(Page):
    council: str | None = Field(None, max_length=20, description="A council's ONS code, e.g. E06000059")
    return_slug: str | None = Field(None, max_length=80, description="A return, e.g. productivity-plan-2024")
    on_time: bool | None = Field(None, description="true: only on time; false: only late")


class PublicationOut(Schema):
    council: str = Field(description="The council's ONS code")
    council_name: str
    return_slug: str
    version: int
    content_hash: str = Field(description="SHA-256 of the plan's content, as on the receipt and the public page")
    published_at: datetime.datetime
    replaces: str | None = Field(description="The content hash of the publication this one corrects")
    html_url: str
    pdf_url: str
    json_url: str
    latest_url: str = Field(description="Where the council's current plan for this return always is")
    file_hashes: dict[str, str] = Field(description="SHA-256 of each published file's bytes: html, pdf, json")


class PublicationPage(Schema):
    count: int
    items: list[PublicationOut]


class PublishedPlanOut(PublicationOut):
    content: dict = Field(description="The plan: introduction, themes, spend figures, barriers, commitments")


class SubmissionOut(Schema):
    council: str = Field(description="The council's ONS code")
    council_name: str
    return_slug: str
    submitted_at: datetime.datetime
    on_time: bool
    content_hash: str
    published: bool = Field(description="Whether the council has published this version")


class SubmissionPage(Schema):
    count: int
    items: list[SubmissionOut]


def _publication_out(publication) -> dict:
    return open_data.publication_summary(publication)


@router.get(
    "/publications",
    response={200: PublicationPage, 422: ValidationErrorOut},
    summary="Every publication, newest first",
)
def list_publications(request, filters: Query[PublicationFilters]):
    queryset = selectors.publications()
    if filters.council:
        queryset = queryset.filter(council__gss_code=filters.council.upper())
    if filters.return_slug:
        queryset = queryset.filter(return_definition__slug=filters.return_slug)
    if filters.type:
        queryset = queryset.filter(council__authority_type=filters.type)
    if filters.region:
        queryset = queryset.filter(council__region=filters.region)
    if filters.corrections is not None:
        queryset = queryset.filter(replaces__isnull=not filters.corrections)
    items = queryset[filters.offset : filters.offset + filters.limit]
    return {"count": queryset.count(), "items": [_publication_out(p) for p in items]}


@router.get(
    "/publications/{content_hash}",
    response={200: PublishedPlanOut, 404: Error},
    summary="One publication, with the plan's structured content",
)
def get_publication(request, content_hash: str):
    publication = selectors.publication_by_hash(content_hash.lower()) if len(content_hash) == 64 else None
    if publication is None:
        return Status(404, {"detail": "No publication with that content hash"})
    return {**_publication_out(publication), "content": publication.version.content}


@router.get(
    "/councils/{code}/plans/{slug}",
    response={200: PublishedPlanOut, 404: Error},
    summary="A council's current published plan for a return",
)
def get_published_plan(request, code: str, slug: str):
    publication = selectors.latest_publication(code=code, slug=slug) if len(code) <= 20 else None
    if publication is None:
        return Status(404, {"detail": "This council has not published a plan for that return"})
    return {**_publication_out(publication), "content": publication.version.content}


@router.get(
    "/submissions",
    response={200: SubmissionPage, 422: ValidationErrorOut},
    summary="Every submission to the department, newest first",
)
def list_submissions(request, filters: Query[SubmissionFilters]):
    queryset = selectors.submissions()
    if filters.council:
        queryset = queryset.filter(council__gss_code=filters.council.upper())
    if filters.return_slug:
        queryset = queryset.filter(return_definition__slug=filters.return_slug)
    if filters.on_time is not None:
        queryset = queryset.filter(on_time=filters.on_time)
    published = selectors.published_version_ids()
    items = [
        {
            "council": s.council.gss_code,
            "council_name": s.council.name,
            "return_slug": s.return_definition.slug,
            "submitted_at": s.submitted_at,
            "on_time": s.on_time,
            "content_hash": s.content_hash,
            "published": s.version_id in published,
        }
        for s in queryset[filters.offset : filters.offset + filters.limit]
    ]
    return {"count": queryset.count(), "items": items}
