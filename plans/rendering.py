"""A plan as a PDF: rendered from the same partial as the HTML view, stored once per content hash.

Renders live in the default storage (a folder on a laptop, object storage when scaled out):

- `plan-renders/<content_hash>.pdf`  the PDF itself
- `plan-renders/<content_hash>.json` {"page_count": N, "rendered_at": ISO time}
- `plan-renders/progress/<draft_id>.json` where a draft's background render has got to

A content hash names exactly one text, so a stored render never goes stale: an edited draft has a
new hash and so a new file. Frozen versions never change, so their render is made once.
"""

import json

from django.template.loader import render_to_string
from django.utils import timezone

from core import files
from core.hashing import content_hash
from core.pdf import RenderedPdf, render_pdf
from plans.models import PlanVersion

RENDERS_DIR = "plan-renders"
TEMPLATE = "plans/plan_pdf.html"


class ProgressState:
    QUEUED = "queued"
    RENDERING = "rendering"
    DONE = "done"
    FAILED = "failed"


def _pdf_name(digest: str) -> str:
    return f"{RENDERS_DIR}/{digest}.pdf"


def _meta_name(digest: str) -> str:
    return f"{RENDERS_DIR}/{digest}.json"


def _progress_name(draft_id: int) -> str:
    return f"{RENDERS_DIR}/progress/{int(draft_id)}.json"


def plan_html(content: dict, *, version_number: int | None = None, dated=None) -> str:
    """The standalone HTML document the PDF is made from (the shared plan_content partial inside)."""
    return render_to_string(
        TEMPLATE,
        {"content": content, "rendered_on": dated or timezone.localdate(), "version_number": version_number},
    )


def cached_render(digest: str) -> tuple[bytes, int] | None:
    """The stored PDF and its page count for a content hash, or None if it has not been rendered."""
    meta = files.read(_meta_name(digest))
    pdf = files.read(_pdf_name(digest)) if meta is not None else None
    if pdf is None:
        return None
    return pdf, json.loads(meta)["page_count"]


def cached_page_count(digest: str) -> int | None:
    meta = files.read(_meta_name(digest))
    return None if meta is None else json.loads(meta)["page_count"]


def render_plan(content: dict, *, version_number: int | None = None, dated=None) -> RenderedPdf:
    """The plan as a PDF, rendered once per content hash and stored; later calls read the stored file.

    A version's PDF carries its number and the day it was frozen, so it is stored under its own
    name (`<hash>-v<number>`) rather than sharing the draft's file for the same text."""
    digest = content_hash(content) + (f"-v{version_number}" if version_number else "")
    cached = cached_render(digest)
    if cached is not None:
        return RenderedPdf(pdf=cached[0], page_count=cached[1])
    rendered = render_pdf(plan_html(content, version_number=version_number, dated=dated))
    # PDF first, then the metadata: cached_render only trusts a PDF whose metadata exists.
    files.replace(_pdf_name(digest), rendered.pdf)
    meta = {"page_count": rendered.page_count, "rendered_at": timezone.now().isoformat()}
    files.replace(_meta_name(digest), json.dumps(meta).encode("utf-8"))
    return rendered


def render_version(version: PlanVersion) -> RenderedPdf:
    """A frozen version's PDF (its stored content is already hashed; versions never change)."""
    return render_plan(
        version.content, version_number=version.number, dated=timezone.localtime(version.frozen_at).date()
    )


# --- Progress of a draft's background render ------------------------------------------------


def write_progress(draft_id: int, *, state: str, digest: str = "", page_count: int | None = None, message: str = ""):
    status = {"state": state, "content_hash": digest, "page_count": page_count, "message": message}
    files.replace(_progress_name(draft_id), json.dumps(status).encode("utf-8"))
    return status


def read_progress(draft_id: int) -> dict | None:
    raw = files.read(_progress_name(draft_id))
    return None if raw is None else json.loads(raw)


# --- What the checks need to know about a draft ----------------------------------------------


def return_values(return_definition) -> dict:
    """The return's fields the guidance checks read."""
    return {
        "slug": return_definition.slug,
        "title": return_definition.title,
        "deadline": return_definition.deadline,
        "page_limit": return_definition.page_limit,
        "requires_member_endorsement": return_definition.requires_member_endorsement,
    }


def pdf_state(draft, content: dict | None = None) -> dict:
    """Where the PDF of the draft's current text is: "done" (with its page count), "queued" or
    "rendering" (a render of exactly this text is asked for), "failed", or "not-made" (nothing is
    queued, so the page offers to make it rather than saying it is being prepared)."""
    from plans.services import plan_content

    digest = content_hash(content if content is not None else plan_content(draft))
    page_count = cached_page_count(digest)
    if page_count is not None:
        return {"state": ProgressState.DONE, "page_count": page_count}
    progress = read_progress(draft.pk)
    if progress is None or progress.get("content_hash") != digest:
        return {"state": "not-made", "page_count": None}
    return {"state": progress["state"], "page_count": None, "message": progress.get("message", "")}


def request_render(draft) -> str:
    """Queue a background render of the draft's current text unless it is already stored."""
    from plans.services import plan_content
    from plans.tasks import render_plan_pdf

    digest = content_hash(plan_content(draft))
    if cached_render(digest) is None:
        write_progress(draft.pk, state=ProgressState.QUEUED, digest=digest)
        render_plan_pdf.enqueue(draft_id=draft.pk)
    return digest
