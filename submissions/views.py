"""Council workspace, submission and publication, and the department's register."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core import csv_files
from core.forms import ConfirmForm, add_refusal, add_refusal_after_redirect
from core.refusals import Refusal
from councils.selectors import council_of
from plans import access as plans_access
from plans.selectors import open_returns
from submissions import access, selectors, services, standing
from submissions.forms import (
    ExtensionForm,
    ExtensionRequestForm,
    RefuseExtensionForm,
    RegisterFilterForm,
    SubmitForm,
)


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
            "items": selectors.shared_workspace(council=council, user=user),
            "can_edit": user.has_perm("plans.edit_draft", council),
            "can_decide": user.has_perm("governance.record_decision", council),
            "can_submit": user.has_perm("submissions.submit_return", council),
            "can_certify": user.has_perm("submissions.certify_return", council),
            "can_publish": user.has_perm("submissions.publish_plan", council),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def submit(request, version_id):
    """The responsible officer certifies and submits; an executive director prepares and asks them to."""
    version = access.get_version_for_submit(request.user, version_id)
    existing = selectors.submission_of(version)
    if existing is not None:
        return redirect("submissions:receipt", submission_id=existing.pk)
    where = standing.standing_of(version, user=request.user)
    roles = selectors.certifier_roles_of(request.user, version.council)
    # The certification form is offered only when the version may be certified now (endorsement in
    # effect, nothing newer submitted); otherwise the page says why, and a POST gets the same words.
    refusal = where.why_not(standing.SUBMIT)
    form = (
        SubmitForm(request.POST if request.method == "POST" else None, roles=roles) if roles and not refusal else None
    )
    # The form whose errors the summary lists; asking for certification has no fields of its own.
    shown = form or ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form is None and "ask_for_certification" in request.POST and not roles:
            link = settings.SITE_URL + reverse("submissions:submit", args=[version.pk])
            try:
                recipients = services.request_certification(version=version, actor=request.user, link=link)
            except Refusal as refused:
                add_refusal(shown, refused)
            else:
                messages.success(
                    request, f"Asked {', '.join(recipients)} to certify and submit version {version.number}"
                )
                return redirect("submissions:council_dashboard")
        elif form is None:
            shown.add_error(None, refusal or where.why_not(standing.CERTIFY))
        elif form.is_valid():
            try:
                submission = services.submit_version(
                    version=version,
                    actor=request.user,
                    certifier_role=form.cleaned_data["certifier_role"],
                    idempotency_key=form.cleaned_data["idempotency_key"],
                )
            except Refusal as refused:
                add_refusal(form, refused)
            else:
                return redirect("submissions:receipt", submission_id=submission.pk)
    statement_role = form["certifier_role"].value() if form is not None else ""
    if statement_role not in roles:
        statement_role = roles[0] if roles else ""
    return render(
        request,
        "submissions/submit.html",
        {
            "version": version,
            "endorsement": where.endorsement,
            "refusal": refusal,
            "can_certify": bool(roles),
            "form": shown,
            "certify_form": form,
            "statement": services.certification_statement(
                version=version, endorsement=where.endorsement, certifier=request.user, role=statement_role
            )
            if form is not None
            else "",
            "certifiers": selectors.certifiers_of(version.council),
            "deadline": where.deadline,
            "extension": where.extension,
            "today": where.today,
        },
        status=400 if shown.errors else 200,
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


# Publishing (and publishing a correction) has its own module.
from submissions.views_publish import publish  # noqa: E402, F401


@require_GET
@login_required
def department_home(request):
    access.require_department(request.user)
    returns = [{"return": r, "counts": selectors.shared_stage_counts(return_definition=r)} for r in open_returns()]
    return render(request, "submissions/department_home.html", {"returns": returns})


@require_GET
@login_required
def department_register(request, slug):
    access.require_department(request.user)
    return_definition = plans_access.get_return(slug)
    form = RegisterFilterForm(request.GET or None)
    filters = {key: value for key, value in form.filters().items() if value}
    shared_key, (rows, all_counts) = selectors.shared_register_entry(return_definition=return_definition, **filters)
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
            "all_counts": all_counts,
            "shared_key": shared_key,  # the rendered table is cached with the rows it shows
            "csv_query": (request.GET.urlencode() + "&" if request.GET else "") + "format=csv",
            "can_manage": request.user.has_perm("submissions.manage_returns"),
        },
    )


@require_GET
@login_required
def late_and_missing(request, slug):
    """Councils past their effective deadline with nothing submitted, or that submitted late, with the
    date each was last chased and the chase button."""
    access.require_department(request.user)
    return_definition = plans_access.get_return(slug)
    form = RegisterFilterForm(request.GET or None)
    filters = {key: value for key, value in form.filters().items() if key in ("query", "authority_type", "region")}
    shared_key, (rows, _) = selectors.shared_register_entry(
        return_definition=return_definition, timeliness="late_or_missing", **filters
    )
    return render(
        request,
        "submissions/late_and_missing.html",
        {
            "return": return_definition,
            "shared_key": shared_key,
            "filter_form": form,
            "missing": [row for row in rows if row.is_missing],
            "late": [row for row in rows if row.is_late],
            "can_manage": request.user.has_perm("submissions.manage_returns"),
        },
    )


def _back_to(request, slug: str) -> str:
    """Where to go after a department action: the page it was taken from, if it is one of ours."""
    wanted = request.POST.get("next", "")
    allowed = (
        reverse("submissions:department_register", args=[slug]),
        reverse("submissions:late_and_missing", args=[slug]),
    )
    if wanted.split("?", 1)[0] in allowed and url_has_allowed_host_and_scheme(wanted, allowed_hosts=None):
        return wanted
    return allowed[1]


@require_POST
@login_required
def chase(request, slug, code):
    council = access.get_council_for_department(request.user, code)
    return_definition = plans_access.get_return(slug)
    try:
        sent = services.chase_council(council=council, return_definition=return_definition, actor=request.user)
    except Refusal as refused:
        add_refusal_after_redirect(request, refused)
    else:
        count = len(sent.recipients.splitlines())
        messages.success(request, f"{council.name} chased: a reminder went to {count} named contact{pluralize(count)}")
    return redirect(_back_to(request, slug))


@require_http_methods(["GET", "POST"])
@login_required
def grant_extension(request, slug, code):
    council = access.get_council_for_department(request.user, code)
    return_definition = plans_access.get_return(slug)
    form = ExtensionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            extension = services.grant_extension(
                council=council,
                return_definition=return_definition,
                deadline=form.cleaned_data["deadline"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except Refusal as refused:
            add_refusal(form, refused)
        else:
            messages.success(request, f"{council.name}'s deadline is now {extension.deadline:%-d %B %Y}")
            return redirect(
                reverse("submissions:department_register", args=[slug]) + "?" + urlencode({"q": council.gss_code})
            )
    waiting = selectors.waiting_extension_request(council=council, return_definition=return_definition)
    if waiting is not None and not form.is_bound:
        form = ExtensionForm(initial={"deadline": waiting.deadline})
    refuse_form = RefuseExtensionForm() if waiting else None
    return _extension_page(request, council, return_definition, form, waiting=waiting, refuse_form=refuse_form)


def _extension_page(request, council, return_definition, form, *, waiting, refuse_form, grant_form=None):
    """The department's extension page: the council's deadline and history, the grant form and, for a
    waiting request, the refuse form. `form` is the one whose errors the page's summary lists."""
    deadline, _ = standing.effective_deadline(council=council, return_definition=return_definition)
    return render(
        request,
        "submissions/grant_extension.html",
        {
            "return": return_definition,
            "council": council,
            "form": form,
            "grant_form": grant_form or form,
            "deadline": deadline,
            "extensions": selectors.extensions_for(council=council, return_definition=return_definition),
            "chases": selectors.chases_for(council=council, return_definition=return_definition),
            "status": selectors.status_of(council=council, return_definition=return_definition),
            "waiting_request": waiting,
            "refuse_form": refuse_form,
        },
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def refuse_extension(request, request_id):
    extension_request = access.get_extension_request_for_department(request.user, request_id)
    slug, code = extension_request.return_definition.slug, extension_request.council.gss_code
    form = RefuseExtensionForm(request.POST)
    if form.is_valid():
        try:
            services.refuse_extension_request(
                request=extension_request, reason=form.cleaned_data["refusal_reason"], actor=request.user
            )
        except Refusal as refused:
            add_refusal(form, refused)
        else:
            messages.success(request, f"{extension_request.council.name}'s request for an extension is refused")
            return redirect(reverse("submissions:department_register", args=[slug]) + "?" + urlencode({"q": code}))
    return _extension_page(
        request,
        extension_request.council,
        extension_request.return_definition,
        form,
        waiting=extension_request,
        refuse_form=form,
        grant_form=ExtensionForm(initial={"deadline": extension_request.deadline}),
    )


@require_http_methods(["GET", "POST"])
@login_required
def request_extension(request, slug):
    """A council asks the department for a later deadline for one return."""
    council = access.get_council_for_extension_request(request.user)
    return_definition = plans_access.get_return(slug)
    form = ExtensionRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_extension(
                council=council,
                return_definition=return_definition,
                deadline=form.cleaned_data["deadline"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except Refusal as refused:
            add_refusal(form, refused)
        else:
            messages.success(request, "Your request for an extension is sent to the department")
            return redirect("submissions:council_dashboard")
    deadline, extension = standing.effective_deadline(council=council, return_definition=return_definition)
    return render(
        request,
        "submissions/request_extension.html",
        {
            "return": return_definition,
            "council": council,
            "form": form,
            "deadline": deadline,
            "extension": extension,
            "requests": selectors.extension_requests_for(council=council, return_definition=return_definition),
        },
        status=400 if form.errors else 200,
    )


CSV_COLUMNS = [
    "ons_code",
    "council",
    "type",
    "region",
    "status",
    "on_time",
    "submitted_at",
    "published_at",
    "deadline",
    "extended",
    "reference",
    "content_hash",
    "certified_by",
    "certifier_role",
    "last_chased_at",
]


def _register_csv(return_definition, rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{return_definition.slug}-register.csv"'
    writer = csv_files.Writer(response)  # formulas neutralised (decision 0025)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        status, submission = row.status, row.submission
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
                row.deadline.isoformat(),
                "yes" if row.extension else "no",
                submission.reference if submission else "",
                submission.content_hash if submission else "",
                submission.certified_by.display_name if submission and submission.certified_by else "",
                submission.certifier_role if submission else "",
                row.last_chased_at.isoformat() if row.last_chased_at else "",
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
            "endorsement": standing.endorsement_of(submission.version),
        },
    )
