"""Council workspace, submission and publication, and the department's register."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from councils.selectors import council_of
from governance.selectors import endorsement_of
from plans import access as plans_access
from plans.exceptions import InvalidTransition
from plans.selectors import open_returns
from submissions import access, selectors, services
from submissions.forms import RegisterFilterForm


@require_GET
@login_required
def council_dashboard(request):
    if request.user.is_department:
        return redirect("submissions:department_home")
    council = council_of(request.user)
    if council is None:
        raise Http404("You do not work for a council")
    user = request.user
    return render(
        request,
        "submissions/council_dashboard.html",
        {
            "council": council,
            "items": selectors.workspace_for(council=council),
            "can_edit": user.has_perm("plans.edit_draft", council),
            "can_decide": user.has_perm("governance.record_decision", council),
            "can_submit": user.has_perm("submissions.submit_return", council),
            "can_publish": user.has_perm("submissions.publish_plan", council),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def submit(request, version_id):
    version = access.get_version_for_submit(request.user, version_id)
    existing = selectors.submission_of(version)
    if existing is not None:
        return redirect("submissions:receipt", submission_id=existing.pk)
    error = None
    if request.method == "POST":
        try:
            submission = services.submit_version(version=version, actor=request.user)
        except InvalidTransition as refused:
            error = refused.reason
        else:
            return redirect("submissions:receipt", submission_id=submission.pk)
    return render(
        request,
        "submissions/submit.html",
        {
            "version": version,
            "endorsement": endorsement_of(version),
            "error": error,
        },
        status=400 if error else 200,
    )


@require_GET
@login_required
def receipt(request, submission_id):
    submission = access.get_submission_for_view(request.user, submission_id)
    return render(
        request,
        "submissions/receipt.html",
        {
            "submission": submission,
            "publication": selectors.publication_of(submission.version),
            "can_publish": request.user.has_perm("submissions.publish_plan", submission.council),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def publish(request, version_id):
    version = access.get_version_for_publish(request.user, version_id)
    existing = selectors.publication_of(version)
    if existing is not None:
        return redirect("portal:published_plan", code=version.council.gss_code, slug=version.return_definition.slug)
    error = None
    if request.method == "POST":
        try:
            services.publish_version(version=version, actor=request.user)
        except InvalidTransition as refused:
            error = refused.reason
        else:
            messages.success(request, "The plan has been published")
            return redirect("portal:published_plan", code=version.council.gss_code, slug=version.return_definition.slug)
    return render(
        request,
        "submissions/publish.html",
        {
            "version": version,
            "submission": selectors.submission_of(version),
            "error": error,
        },
        status=400 if error else 200,
    )


@require_GET
@login_required
def department_home(request):
    access.require_department(request.user)
    returns = [
        {"return": r, "counts": selectors.stage_counts(selectors.register_rows(return_definition=r))}
        for r in open_returns()
    ]
    return render(request, "submissions/department_home.html", {"returns": returns})


@require_GET
@login_required
def department_register(request, slug):
    access.require_department(request.user)
    return_definition = plans_access.get_return(slug)
    form = RegisterFilterForm(request.GET or None)
    rows = selectors.register_rows(return_definition=return_definition, **form.filters())
    if request.GET.get("format") == "csv":
        return _register_csv(return_definition, rows)
    return render(
        request,
        "submissions/department_register.html",
        {
            "return": return_definition,
            "filter_form": form,
            "rows": rows,
            "counts": selectors.stage_counts(rows),
            "all_counts": selectors.stage_counts(selectors.register_rows(return_definition=return_definition)),
            "csv_query": (request.GET.urlencode() + "&" if request.GET else "") + "format=csv",
        },
    )


def _register_csv(return_definition, rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{return_definition.slug}-register.csv"'
    writer = csv.writer(response)
    writer.writerow(["ons_code", "council", "type", "region", "status", "on_time", "submitted_at", "published_at"])
    for row in rows:
        status = row.status
        writer.writerow(
            [
                row.council.gss_code,
                row.council.name,
                row.council.authority_type,
                row.council.region,
                row.stage,
                "" if row.on_time is None else ("yes" if row.on_time else "no"),
                status.submitted_at.isoformat() if status and status.submitted_at else "",
                status.published_at.isoformat() if status and status.published_at else "",
            ]
        )
    return response


@require_GET
@login_required
def department_submission(request, submission_id):
    access.require_department(request.user)
    submission = access.get_submission_for_view(request.user, submission_id)
    return render(
        request,
        "submissions/department_submission.html",
        {
            "submission": submission,
            "version": submission.version,
            "endorsement": endorsement_of(submission.version),
        },
    )
