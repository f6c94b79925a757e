"""A plan as a PDF: access -> rendering -> response. (The guidance checks page is in
submissions/views_draft.py, because it says where the draft stands.)

Kept apart from plans/views.py so the drafting views stay small. GETs never queue work: making
a draft's PDF is a POST (`render_pdf`), and the progress page refreshes itself until it is ready.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_POST

from core.hashing import content_hash
from plans import access, rendering, services

REFRESH_SECONDS = 2


def _pdf_response(pdf: bytes, *, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _filename(content: dict, suffix: str) -> str:
    return f"{slugify(content['council']['name'])}-{slugify(content['return'])}-{suffix}.pdf"


@require_GET
@login_required
def draft_pdf(request, draft_id):
    """The PDF of the draft's current text if it has been made; otherwise a page offering to make it."""
    draft = access.get_draft_for_view(request.user, draft_id)
    content = services.plan_content(draft)
    digest = content_hash(content)
    cached = rendering.cached_render(digest)
    if cached is not None:
        return _pdf_response(cached[0], filename=_filename(content, f"draft-{digest[:12]}"))
    return render(
        request,
        "plans/render_progress.html",
        {"draft": draft, "progress": rendering.read_progress(draft.pk), "state": "not-made", "refresh": False},
    )


@require_POST
@login_required
def render_pdf(request, draft_id):
    """Queue the render of the draft's current text, then show its progress."""
    draft = access.get_draft_for_view(request.user, draft_id)
    rendering.request_render(draft)
    return redirect("plans:render_progress", draft_id=draft.pk)


@require_GET
@login_required
def render_progress(request, draft_id):
    """Where the draft's PDF has got to; refreshes itself every 2 seconds (no JavaScript) until made."""
    draft = access.get_draft_for_view(request.user, draft_id)
    digest = content_hash(services.plan_content(draft))
    progress = rendering.read_progress(draft.pk)
    page_count = rendering.cached_page_count(digest)
    if page_count is not None:
        state = "done"
    elif progress is None:
        state = "not-made"
    elif progress["content_hash"] != digest:
        state = "changed"  # the text was edited after this render was asked for
    else:
        state = progress["state"]
    return render(
        request,
        "plans/render_progress.html",
        {
            "draft": draft,
            "progress": progress,
            "state": state,
            "page_count": page_count,
            "refresh": state in (rendering.ProgressState.QUEUED, rendering.ProgressState.RENDERING),
            "refresh_seconds": REFRESH_SECONDS,
        },
    )


@require_GET
@login_required
def version_pdf(request, version_id):
    """A frozen version's PDF, made on first request and stored (versions never change)."""
    version = access.get_version_for_council_view(request.user, version_id)
    rendered = rendering.render_version(version)
    return _pdf_response(rendered.pdf, filename=_filename(version.content, f"version-{version.number}"))
