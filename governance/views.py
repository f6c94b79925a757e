from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from governance import access, selectors, services
from governance.forms import DecisionForm
from plans.exceptions import InvalidTransition


@require_http_methods(["GET", "POST"])
@login_required
def record_decision(request, version_id):
    version = access.get_version_for_decision(request.user, version_id)
    form = DecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            decision = services.record_decision(
                version=version,
                outcome=form.cleaned_data["outcome"],
                decision_maker=form.cleaned_data["decision_maker"],
                decided_on=form.cleaned_data["decided_on"],
                resolution=form.cleaned_data["resolution"],
                actor=request.user,
            )
        except InvalidTransition as error:
            field = "decided_on" if "date" in error.reason else None
            form.add_error(field, error.reason)
        else:
            messages.success(
                request, f"Decision recorded: {decision.get_outcome_display().lower()} by {decision.decision_maker}"
            )
            return redirect("submissions:council_dashboard")
    return render(
        request,
        "governance/record_decision.html",
        {
            "version": version,
            "form": form,
            "decisions": selectors.decisions_on(version),
        },
    )


@require_http_methods(["GET"])
def decision_record(request, decision_id):
    """The published decision record: public once published, 404 before."""
    decision = access.get_published_decision(decision_id)
    return render(
        request,
        "governance/decision_record.html",
        {"summary": selectors.decision_summary(decision), "decision": decision, "version": decision.version},
    )
