"""A draft's page and its guidance checks: access -> plans' selectors and standing -> render.

They live here, not in plans, because they say where the draft stands: the council's deadline with
any extension and whether members' endorsement of its text is in effect (`submissions.standing`).
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.audit import events_for
from plans import access as plans_access
from plans import rendering, selectors, services
from submissions import standing


@require_GET
@login_required
def draft_detail(request, draft_id):
    draft = plans_access.get_draft_for_view(request.user, draft_id)
    content = services.plan_content(draft)
    return render(
        request,
        "plans/draft_detail.html",
        {
            "draft": draft,
            "content": content,
            "barriers": selectors.barriers_of(draft),
            "checks_and_pages": standing.draft_guidance(draft, content),
            "pdf_state": rendering.pdf_state(draft, content),
            "commitments": selectors.commitments_of(draft),
            "sections": selectors.sections_with_guidance(draft),
            "versions": selectors.versions_of(draft),
            "can_edit": request.user.has_perm("plans.edit_draft", draft.council),
            "can_freeze": request.user.has_perm("plans.freeze_draft", draft.council),
            "events": events_for(draft),
        },
    )


@require_GET
@login_required
def draft_checks(request, draft_id):
    """What the guidance still needs, as a task list. Advice only: nothing here blocks the author."""
    draft = plans_access.get_draft_for_view(request.user, draft_id)
    checks, page_count = standing.draft_guidance(draft)
    return render(
        request,
        "plans/checks.html",
        {
            "draft": draft,
            "checks": checks,
            "page_count": page_count,
            "needs_attention": sum(1 for c in checks if c.status == "fail"),
        },
    )
