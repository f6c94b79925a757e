"""Version 1 of the plans API: councils' drafts, written and frozen through the same services as the web pages.

Plans are reached through `plans.access`, as the web pages reach them, with the same permissions
(councils/permissions.py):
- reading a plan: people who work for its council (`plans.view_council_work`);
- starting and changing a plan: `plans.edit_draft`; freezing a version: `plans.freeze_draft`.

A plan the caller may not see or may not change that way is a 404, exactly as if it did not exist,
so the API never reveals whether another council has a draft.
"""

from django.http import HttpResponse
from ninja import Router, Status

from api.auth import BearerToken
from api.schemas import (
    BarrierIn,
    BarrierOut,
    ChecksOut,
    EditConflictOut,
    Error,
    FrozenVersionOut,
    PlanDetailOut,
    PlanIdOut,
    PlanStartIn,
    PlanSummaryOut,
    RefusalOut,
    SectionIn,
    SpendEvidenceIn,
    SpendEvidenceOut,
    ValidationErrorOut,
)
from councils.selectors import council_by_code
from plans import access, rendering, services
from plans.exceptions import EditConflict
from plans.selectors import (
    barrier_categories,
    barrier_category,
    barriers_of,
    commitments_of,
    draft_for,
    latest_version,
    return_by_slug,
    spend_evidence_of,
    versions_of,
)
from submissions import standing

router = Router(auth=BearerToken(), tags=["Plans"])

INTRO = "intro"


def _not_found(detail: str) -> Status:
    return Status(404, {"detail": detail})


def _invalid(field: str, message: str, *, where: str = "body") -> Status:
    """A 422 in the same shape as django-ninja's own validation errors."""
    return Status(422, {"detail": [{"type": "value_error", "loc": [where, "payload", field], "msg": message}]})


def _summary(draft) -> dict:
    return {
        "id": draft.pk,
        "council": draft.council.gss_code,
        "council_name": draft.council.name,
        "return": draft.return_definition.slug,
        "revision": draft.revision,
        "updated_at": draft.updated_at,
    }


def _evidence(evidence) -> dict | None:
    if evidence is None:
        return None
    share = services.share_percent
    return {
        "year": evidence.year,
        "staff_budget": evidence.staff_budget,
        "agency_spend": evidence.agency_spend,
        "consultant_spend": evidence.consultant_spend,
        "agency_share_percent": share(evidence.agency_spend, evidence.staff_budget),
        "consultant_share_percent": share(evidence.consultant_spend, evidence.staff_budget),
        "edi_statement": evidence.edi_statement,
    }


def _barrier(barrier) -> dict:
    return {
        "id": barrier.pk,
        "category": barrier.category.slug,
        "category_label": barrier.category.label,
        "description": barrier.description,
        "ask": barrier.ask,
    }


def _sections(draft) -> list[dict]:
    content = services.plan_content(draft)
    sections = [{"key": INTRO, "title": "Introduction", "text": content["introduction"]}]
    sections += [{"key": str(s["theme"]), "title": s["title"], "text": s["body"]} for s in content["sections"]]
    return sections


# --- Plans ---------------------------------------------------------------------------------


@router.get("", response={200: list[PlanSummaryOut], 401: Error}, by_alias=True, summary="Plans you may see")
def list_plans(request):
    """Your council's drafts; none for anyone else."""
    return [_summary(draft) for draft in access.drafts_visible_to(request.auth)]


@router.post(
    "",
    response={200: PlanIdOut, 201: PlanIdOut, 400: Error, 401: Error, 404: Error, 422: ValidationErrorOut},
    summary="Start a council's plan",
)
def start_plan(request, payload: PlanStartIn):
    """Starts the council's draft for a return (201). If it is already started, returns the same id (200).

    404 when the council or return does not exist, or when you may not write that council's plan.
    """
    user = request.auth
    return_definition = return_by_slug(payload.return_slug)
    if return_definition is None:
        return _not_found(f"No return called {payload.return_slug!r}")
    council = access.get_council_for_drafting(user, council_by_code(payload.council))
    existing = draft_for(council=council, return_definition=return_definition)
    draft = services.start_draft(council=council, return_definition=return_definition, actor=user)
    return Status(200 if existing else 201, {"id": draft.pk})


def _version(version, user) -> dict:
    """A version with where it stands for the token's owner, from `submissions.standing`."""
    where = standing.standing_of(version, user=user)
    endorsement = where.endorsement
    return {
        "number": version.number,
        "content_hash": version.content_hash,
        "frozen_at": version.frozen_at,
        "standing": {
            "endorsement": endorsement.as_data() if endorsement else None,
            "waiting": endorsement.waiting if endorsement else "",
            "deadline": where.deadline,
            "submitted": where.submission is not None,
            "published": where.publication is not None,
            "next_steps": [
                {"action": action, "allowed": where.may(action), "why_not": where.why_not(action)}
                for action in standing.ACTIONS
            ],
        },
    }


def _etag(draft) -> str:
    return f'"{draft.revision}"'


def _revision_read(request, payload_revision: int | None) -> tuple[int | None, bool]:
    """(the revision the caller read, whether they said so with If-Match), or (None, False) if they did not say."""
    if_match = request.headers.get("If-Match", "").strip()
    if if_match:
        digits = if_match.removeprefix("W/").strip('"')
        return (int(digits), True) if digits.isdigit() else (-1, True)  # an ETag this API never gave is stale
    return payload_revision, False


@router.get(
    "/{draft_id}", response={200: PlanDetailOut, 401: Error, 404: Error}, by_alias=True, summary="A plan in full"
)
def plan_detail(request, draft_id: int, response: HttpResponse):
    """The plan's ETag header is its revision: send it back in If-Match when you change a section."""
    draft = access.get_draft_for_view(request.auth, draft_id)
    response["ETag"] = _etag(draft)
    return _detail(request, draft)


def _detail(request, draft) -> dict:
    return {
        **_summary(draft),
        "sections": _sections(draft),
        "spend_evidence": _evidence(spend_evidence_of(draft)),
        "commitments": [
            {
                "id": c.pk,
                "action": c.action,
                "owner": c.owner,
                "due_on": c.due_on,
                "theme": c.theme.number if c.theme else None,
                "measure": c.measure,
                "baseline": c.baseline,
                "target": c.target,
            }
            for c in commitments_of(draft)
        ],
        "barriers": [_barrier(b) for b in barriers_of(draft)],
        "versions": [_version(v, request.auth) for v in versions_of(draft)],
    }


# --- Sections ------------------------------------------------------------------------------


@router.put(
    "/{draft_id}/sections/{key}",
    response={
        200: PlanDetailOut,
        400: Error,
        401: Error,
        404: Error,
        409: RefusalOut | EditConflictOut,
        412: EditConflictOut,
        422: ValidationErrorOut,
        428: Error,
    },
    by_alias=True,
    summary="Replace a section's text",
)
def put_section(request, draft_id: int, key: str, payload: SectionIn, response: HttpResponse):
    """`key` is `intro` or a theme number (1 to 4). The text replaces the section's text outright.

    Say which revision you read: `If-Match` with the ETag `GET /plans/{id}` gave, or `revision` in the body.
    Nothing is written if someone saved since: 412 (If-Match) or 409 (`revision`), with the text as it is
    now. 428 if the request does not say what it read; 409 if the plan would be over the size limit.
    """
    user = request.auth
    draft = access.get_draft_for_change(user, draft_id)
    themes = {str(n) for n in draft.sections.values_list("theme__number", flat=True)}
    if key != INTRO and key not in themes:
        return _not_found(f"No section called {key!r}: use intro or a theme number ({', '.join(sorted(themes))})")
    read, by_if_match = _revision_read(request, payload.revision)
    if read is None:
        return Status(
            428,
            {
                "detail": "Say which revision of the plan you read: send If-Match with the ETag from "
                f"GET /api/v1/plans/{draft_id}, or a revision field. Nothing was saved."
            },
        )
    if key == INTRO:
        bodies, introduction = {}, payload.text
    else:
        bodies, introduction = {int(key): payload.text}, None
    try:
        saved = services.save_draft(
            draft=draft, bodies=bodies, introduction=introduction, based_on_revision=read, actor=user
        )
    except EditConflict as conflict:
        current = access.get_draft_for_view(user, draft_id)
        return Status(
            412 if by_if_match else 409,
            {
                "detail": f"{conflict}. Nothing was saved: here is the plan as it is now (revision "
                f"{conflict.current_revision}); apply your change to it and send that revision.",
                "current_revision": conflict.current_revision,
                "updated_by": conflict.updated_by,
                "updated_at": conflict.updated_at,
                "sections": _sections(current),
            },
        )
    response["ETag"] = _etag(saved)
    return _detail(request, access.get_draft_for_view(user, draft_id))


# --- Spend evidence ------------------------------------------------------------------------


@router.get(
    "/{draft_id}/evidence", response={200: SpendEvidenceOut, 401: Error, 404: Error}, summary="Theme 3's figures"
)
def get_evidence(request, draft_id: int):
    """The figures, with the shares of the staff budget worked out (percentages, two decimals).

    404 when there is no such plan, or no figures yet."""
    evidence = spend_evidence_of(access.get_draft_for_view(request.auth, draft_id))
    if evidence is None:
        return _not_found("This plan has no spend evidence yet")
    return _evidence(evidence)


@router.put(
    "/{draft_id}/evidence",
    response={200: SpendEvidenceOut, 400: Error, 401: Error, 404: Error, 422: ValidationErrorOut},
    summary="Record theme 3's figures",
)
def put_evidence(request, draft_id: int, payload: SpendEvidenceIn):
    user = request.auth
    draft = access.get_draft_for_change(user, draft_id)
    evidence = services.save_spend_evidence(
        draft=draft,
        year=payload.year,
        staff_budget=payload.staff_budget,
        agency_spend=payload.agency_spend,
        consultant_spend=payload.consultant_spend,
        edi_statement=payload.edi_statement,
        actor=user,
    )
    evidence.refresh_from_db()
    return _evidence(evidence)


# --- Barriers ------------------------------------------------------------------------------


@router.post(
    "/{draft_id}/barriers",
    response={201: BarrierOut, 400: Error, 401: Error, 404: Error, 422: ValidationErrorOut},
    summary="Name a barrier",
)
def post_barrier(request, draft_id: int, payload: BarrierIn):
    """`category` is an id from the barrier taxonomy; an unknown one is a 422."""
    user = request.auth
    draft = access.get_draft_for_change(user, draft_id)
    category = barrier_category(payload.category)
    if category is None:
        known = ", ".join(sorted(c.slug for c in barrier_categories()))
        return _invalid("category", f"No barrier category {payload.category!r}; use one of: {known}")
    if not payload.description.strip() or not payload.ask.strip():
        field = "description" if not payload.description.strip() else "ask"
        return _invalid(field, f"Enter the {field}")
    barrier = services.add_barrier(
        draft=draft, category=category, description=payload.description, ask=payload.ask, actor=user
    )
    return Status(201, _barrier(barrier))


# --- Versions ------------------------------------------------------------------------------


@router.post(
    "/{draft_id}/versions",
    response={200: FrozenVersionOut, 201: FrozenVersionOut, 401: Error, 404: Error, 409: RefusalOut},
    summary="Freeze a version",
)
def post_version(request, draft_id: int):
    """Freezes the plan's current text as a new hashed version (201). If the text is the same as the
    latest version, that version is returned (200). 409 if a theme is still empty."""
    user = request.auth
    draft = access.get_draft_for_freeze(user, draft_id)
    before = latest_version(draft)
    version = services.freeze_draft(draft=draft, actor=user)
    created = before is None or version.pk != before.pk
    return Status(201 if created else 200, {"number": version.number, "content_hash": version.content_hash})


# --- Guidance checks -----------------------------------------------------------------------


@router.get(
    "/{draft_id}/checks", response={200: ChecksOut, 401: Error, 404: Error}, summary="What the guidance still needs"
)
def plan_checks(request, draft_id: int):
    """The guidance checks on the plan's current text (advice only: they never block). `page_count` is
    null until the plan's PDF has been rendered."""
    draft = access.get_draft_for_view(request.auth, draft_id)
    checks, page_count = standing.draft_guidance(draft)
    if page_count is None:
        # Wait for the render (a fraction of a second) so the page-limit check has the real count.
        rendering.render_plan(services.plan_content(draft))
        checks, page_count = standing.draft_guidance(draft)
    return {
        "page_count": page_count,
        "checks": [{"id": c.id, "title": c.title, "status": c.status, "message": c.message} for c in checks],
    }


@router.get(
    "/{draft_id}/versions/{number}/pdf",
    response={200: None, 401: Error, 404: Error},
    summary="A frozen version as a PDF",
    openapi_extra={"responses": {200: {"description": "The PDF", "content": {"application/pdf": {}}}}},
)
def version_pdf(request, draft_id: int, number: int):
    """The tagged A4 PDF of a frozen version, printed from the same template as the web page."""
    version = access.get_draft_version_for_view(request.auth, draft_id, number)
    rendered = rendering.render_version(version)
    response = HttpResponse(rendered.pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{version.council.gss_code}-version-{number}.pdf"'
    return response
