"""Version 1 of the JSON API. Read-mostly open data plus authenticated endpoints."""

from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import NinjaAPI, Query, Schema, Status

from api.auth import BearerToken
from api.docs import ServiceDocs
from api.schemas import CouncilOut, Error, MeOut, ReturnStatusOut
from core.refusals import Refusal
from councils.models import AuthorityType, Region
from councils.selectors import council_of, roles_of, search_councils
from plans.selectors import return_by_slug
from submissions.selectors import shared_register, stage_count_map

api = NinjaAPI(
    title="Productivity plans API",
    version="1.0.0",
    description="Open data on councils' productivity plans, and endpoints for councils and the department. "
    "Public data is available under the Open Government Licence v3.0.",
    urls_namespace="api",
    docs=ServiceDocs(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
api.add_router("/v1/plans", "api.plans.router")
api.add_router("/v1/governance", "api.governance.router")
api.add_router("/v1", "api.open_data.router")
api.add_router("/v1/meetings", "api.meetings.router")
api.add_router("/v1/audit-events", "api.audit.audit_router")
api.add_router("/v1/documents", "api.analysis.router")
api.add_router("/v1/metrics", "api.monitoring.metrics_router")
api.add_router("/v1/councils", "api.monitoring.councils_router")
api.add_router("/v1/monitoring", "api.monitoring.department_router")


@api.exception_handler(Refusal)
def refused(request: HttpRequest, refusal: Refusal):
    """Every refusal a service gives is answered one way: why, the field it concerns, and its status (409
    unless the refusal says otherwise, as `NotYourLine` says 403). Nothing was changed."""
    return api.create_response(request, {"detail": refusal.message, "field": refusal.field}, status=refusal.status_code)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404):
    """Each app's `access` functions raise Http404 for what is missing and for what belongs to someone else
    alike; the answer is the same words for both, so it never tells another council's object exists."""
    return api.create_response(request, {"detail": "Not found"}, status=404)


class CouncilFilters(Schema):
    type: AuthorityType | None = None
    region: Region | None = None
    q: str | None = None


def _council_out(request: HttpRequest, council) -> dict:
    return {
        "ons_code": council.gss_code,
        "name": council.name,
        "type": council.authority_type,
        "type_label": council.get_authority_type_display(),
        "region": council.region,
        "county_ons_code": council.county.gss_code if council.county else None,
        "url": request.build_absolute_uri(reverse("portal:council_detail", args=[council.gss_code])),
    }


@api.get("/v1/councils", response=list[CouncilOut], tags=["Councils"], summary="List English councils")
def list_councils(request, filters: Query[CouncilFilters]):
    councils = search_councils(query=filters.q or "", authority_type=filters.type or "", region=filters.region or "")
    return [_council_out(request, council) for council in councils]


@api.get(
    "/v1/returns/{slug}/status",
    response={200: ReturnStatusOut, 404: Error},
    tags=["Returns"],
    summary="Every council's status on a return",
)
def return_status(request, slug: str):
    return_definition = return_by_slug(slug)
    if return_definition is None:
        return Status(404, {"detail": f"No return called {slug!r}"})
    rows, _ = shared_register(return_definition=return_definition)
    councils = []
    for row in rows:
        status = row.status
        councils.append(
            {
                "ons_code": row.council.gss_code,
                "name": row.council.name,
                "type": row.council.authority_type,
                "region": row.council.region,
                "status": row.stage,
                "status_label": row.stage_label,
                "on_time": row.on_time,
                "endorsed_on": status.endorsed_on if status else None,
                "submitted_at": status.submitted_at if status else None,
                "published_at": status.published_at if status else None,
                # Only versions that have reached the department are identified publicly.
                "content_hash": (
                    status.latest_submission.content_hash if status and status.latest_submission else None
                ),
            }
        )
    return {
        "slug": return_definition.slug,
        "title": return_definition.title,
        "deadline": return_definition.deadline,
        "counts": stage_count_map(rows),
        "councils": councils,
    }


@api.get(
    "/v1/me",
    response={200: MeOut, 401: Error},
    auth=BearerToken(),
    tags=["Accounts"],
    summary="Who the token belongs to",
)
def me(request):
    user = request.auth
    council = council_of(user)
    return {
        "username": user.username,
        "name": user.display_name,
        "department_role": user.department_role or None,
        "council": council.gss_code if council else None,
        "council_roles": sorted(roles_of(user)),
    }
