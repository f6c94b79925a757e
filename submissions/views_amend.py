"""A minor amendment under delegated authority: access -> form -> service -> redirect or render.

Here rather than in governance because whether a delegation still applies depends on whether the
return has been submitted (`submissions.standing`).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from core.forms import add_refusal
from core.refusals import Refusal
from governance import access as governance_access
from governance.forms import AmendmentForm
from governance.services.configuration import settings_values
from plans.diff import change_scale, compare_contents
from plans.services import plan_content
from submissions import services, standing
from submissions.selectors import latest_submission_of


@require_http_methods(["GET", "POST"])
@login_required
def amend_under_delegation(request, delegation_id):
    delegation = governance_access.get_delegation_for_use(request.user, delegation_id)
    endorsed = delegation.decision.version
    draft_content = plan_content(endorsed.draft)
    changes = [part for part in compare_contents(endorsed.content, draft_content) if part.changed]
    scale = change_scale(endorsed.content, draft_content)
    threshold = settings_values(endorsed.council)["minor_amendment_threshold_percent"]
    refusal = standing.amendment_refusal(
        delegation=delegation,
        latest_submission=latest_submission_of(council=endorsed.council, return_definition=endorsed.return_definition),
    )
    form = AmendmentForm(
        request.POST if request.method == "POST" else None, needs_reason=scale.share_percent > threshold
    )
    if request.method == "POST" and form.is_valid():
        try:
            amendment = services.amend_endorsed_version(delegation=delegation, actor=request.user, **form.cleaned_data)
        except Refusal as refused:
            add_refusal(form, refused)
        else:
            messages.success(
                request,
                f"Version {amendment.new_version.number} is frozen as a minor amendment under delegated authority. "
                f"Version {endorsed.number}, the endorsed version, is unchanged.",
            )
            return redirect("governance:decision_detail", decision_id=delegation.decision_id)
    return render(
        request,
        "governance/amend.html",
        {
            "delegation": delegation,
            "endorsed": endorsed,
            "changes": changes,
            "scale": scale,
            "threshold": threshold,
            "refusal": refusal,
            "form": form,
        },
    )
