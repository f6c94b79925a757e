"""Pages for monitoring: a council follows its commitments with metrics and loads, approves and comments
on its figures; the department loads national figures and reads progress across councils."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.forms import add_refusal
from councils.models import AuthorityType
from monitoring import access, exports, presenting, selectors, services
from monitoring.exceptions import ImportRefused, MonitoringRefused
from monitoring.figures import with_unit
from monitoring.forms import ApproveForm, CommentaryForm, HoldForm, LoadFiguresForm, TrackCommitmentForm
from monitoring.periods import period_of
from monitoring.similar import METHOD
from monitoring.status import RULE

PROBLEMS_SHOWN = 500


# --- A council's pages ----------------------------------------------------------------------------


@require_GET
@login_required
def council_home(request):
    """The council's commitments and the metrics that follow them, figures waiting and recent loads."""
    if request.user.has_perm("monitoring.read_monitoring"):
        return redirect("monitoring:department_home")
    council = access.get_council_for_monitoring(request.user)
    user = request.user
    return render(
        request,
        "monitoring/council_home.html",
        {
            "council": council,
            "commitments": selectors.commitments_for_tracking(council),
            "tracked": selectors.tracked_of(council),
            "waiting": selectors.waiting_count(council),
            "holds": selectors.holds_for_approval(council),
            "imports": selectors.imports_of(council)[:5],
            "may_manage": user.has_perm("monitoring.manage_figures", council),
            "may_approve": user.has_perm("monitoring.approve_figures", council),
            "rule": RULE,
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def load_figures(request):
    """Upload a CSV of figures: every row is checked, and a file with any bad row imports nothing."""
    scope, council = access.loading_scope(request.user)
    form = LoadFiguresForm(request.POST if request.method == "POST" else None, request.FILES or None)
    problems, unchanged = [], None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = services.import_metric_values(
                data=upload.read(),
                file_name=upload.name,
                actor=request.user,
                source="browser",
                council=council,
            )
        except ImportRefused as refusal:
            add_refusal(form, refusal)
            problems = [p.describe() for p in refusal.problems]
        else:
            if result.changed_anything:
                messages.success(request, f"{upload.name} imported")
                return redirect("monitoring:import_detail", import_id=result.value_import.pk)
            unchanged = result
    return render(
        request,
        "monitoring/load_figures.html",
        {
            "form": form,
            "council": council,
            "scope": scope,
            "problems": problems[:PROBLEMS_SHOWN],
            "more_problems": max(0, len(problems) - PROBLEMS_SHOWN),
            "unchanged": unchanged,
            "metrics": selectors.metrics(),
        },
        status=400 if form.errors else 200,
    )


@require_GET
@login_required
def import_detail(request, import_id):
    value_import = access.get_import_for_view(request.user, import_id)
    return render(
        request,
        "monitoring/import_detail.html",
        {"value_import": value_import, "values": selectors.values_in_import(value_import)},
    )


@require_http_methods(["GET", "POST"])
@login_required
def track_commitment(request, commitment_id):
    commitment = access.get_commitment_for_tracking(request.user, commitment_id)
    council = commitment.draft.council
    metric_list = selectors.metrics_for(council)
    tracked = getattr(commitment, "tracking", None)
    initial = {"target_on": commitment.due_on}
    if tracked is not None:
        initial = {
            "metric": tracked.metric.slug,
            "baseline_value": f"{tracked.baseline_value.normalize():f}",
            "baseline_period": tracked.baseline_period,
            "target_value": f"{tracked.target_value.normalize():f}",
            "target_on": tracked.target_on,
        }
    form = TrackCommitmentForm(request.POST if request.method == "POST" else None, metrics=metric_list, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            tracked = services.track_commitment(
                commitment=commitment,
                metric=selectors.metric_by_slug(data["metric"]),
                baseline_value=data["baseline_value"],
                baseline_period=data["baseline_period"],
                target_value=data["target_value"],
                target_on=data["target_on"],
                actor=request.user,
            )
        except MonitoringRefused as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, f"Commitment linked to {tracked.metric.title}")
            return redirect("monitoring:tracked_detail", tracked_id=tracked.pk)
    return render(
        request,
        "monitoring/track_commitment.html",
        {"form": form, "commitment": commitment, "council": council, "tracked": tracked},
        status=400 if form.errors else 200,
    )


@require_GET
@login_required
def tracked_detail(request, tracked_id):
    tracked = access.get_tracked_for_view(request.user, tracked_id)
    may_manage = request.user.has_perm("monitoring.manage_figures", tracked.council)
    progress = selectors.progress_of(
        tracked, include_waiting=request.user.has_perm("plans.view_council_work", tracked.council)
    )
    return render(
        request,
        "monitoring/tracked_detail.html",
        {
            "tracked": tracked,
            "progress": progress,
            "chart": presenting.progress_chart(tracked, progress.values, chart_id="progress"),
            "may_manage": may_manage,
            "rule": RULE,
            "target_period": period_of(tracked.target_on, frequency=tracked.metric.frequency),
            "baseline_words": with_unit(tracked.baseline_value, tracked.metric.unit),
            "target_words": with_unit(tracked.target_value, tracked.metric.unit),
        },
    )


@require_POST
@login_required
def stop_tracking(request, tracked_id):
    tracked = access.get_tracked_for_change(request.user, tracked_id)
    services.stop_tracking(tracked=tracked, actor=request.user)
    messages.success(request, "The commitment is no longer followed with a metric; its figures are kept")
    return redirect("monitoring:council_home")


@require_http_methods(["GET", "POST"])
@login_required
def write_commentary(request, value_id):
    value = access.get_value_for_commentary(request.user, value_id)
    form = CommentaryForm(request.POST if request.method == "POST" else None, initial={"note": value.note})
    back = request.GET.get("tracked", "")
    if request.method == "POST" and form.is_valid():
        try:
            new = services.write_commentary(value=value, note=form.cleaned_data["note"], actor=request.user)
        except MonitoringRefused as refusal:
            add_refusal(form, refusal)
        else:
            held = new.approved_at is None
            messages.success(
                request,
                "Commentary saved; it will be published when the figure is approved"
                if held
                else "Commentary published",
            )
            if back.isdigit():
                return redirect("monitoring:tracked_detail", tracked_id=int(back))
            return redirect("monitoring:council_home")
    return render(
        request,
        "monitoring/write_commentary.html",
        {"form": form, "value": value, "history": selectors.history_of(value), "back": back},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@login_required
def approvals(request):
    council = access.get_council_for_approving(request.user)
    waiting = selectors.waiting_values(council)
    form = ApproveForm(request.POST if request.method == "POST" else None, waiting=waiting)
    if request.method == "POST" and form.is_valid():
        chosen = [int(v) for v in form.cleaned_data["values"]]
        setting_aside = request.POST.get("action") == "set_aside"
        try:
            if setting_aside:
                count = services.set_aside_values(
                    council=council, value_ids=chosen, reason=form.cleaned_data["reason"], actor=request.user
                )
            else:
                count = services.approve_values(council=council, value_ids=chosen, actor=request.user)
        except MonitoringRefused as refusal:
            add_refusal(form, refusal)
        else:
            figures = "figure" if count == 1 else "figures"
            done = "set aside; they will not be published" if setting_aside else "approved and published"
            messages.success(request, f"{count} {figures} {done}")
            return redirect("monitoring:approvals")
    published = {
        value.pk: selectors.published_for(council, value.metric, value.period) for value in waiting[:PROBLEMS_SHOWN]
    }
    return render(
        request,
        "monitoring/approvals.html",
        {"form": form, "council": council, "waiting": waiting, "published": published},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@login_required
def monitoring_settings(request):
    council = access.get_council_for_approving(request.user)
    holds = selectors.holds_for_approval(council)
    form = HoldForm(request.POST if request.method == "POST" else None, initial={"hold": "yes" if holds else "no"})
    if request.method == "POST" and form.is_valid():
        services.set_hold_for_approval(council=council, hold=form.cleaned_data["hold"], actor=request.user)
        messages.success(request, "Settings saved")
        return redirect("monitoring:council_home")
    return render(
        request, "monitoring/settings.html", {"form": form, "council": council}, status=400 if form.errors else 200
    )


# --- The department's pages -----------------------------------------------------------------------


def _type_labels() -> dict[str, str]:
    return dict(AuthorityType.choices)


@require_GET
@login_required
def department_home(request):
    access.require_department(request.user)
    themes = {}
    for return_definition in selectors.open_returns():
        for theme in return_definition.themes.all():
            themes.setdefault(theme.number, theme.short_title)
    by_theme = selectors.status_counts(by="theme")
    by_type = selectors.status_counts(by="type")
    statuses = selectors.STATUS_CHOICES
    return render(
        request,
        "monitoring/department_home.html",
        {
            "statuses": statuses,
            "theme_rows": [(number, title, by_theme.get(number, {})) for number, title in sorted(themes.items())]
            + ([(None, "No theme given", by_theme[None])] if None in by_theme else []),
            "type_rows": [(value, label, by_type.get(value, {})) for value, label in AuthorityType.choices],
            "metrics": selectors.performance_metrics(),
            "responsible_use": exports.RESPONSIBLE_USE,
            "imports": selectors.imports_of(None)[:5],
            "may_load": request.user.has_perm("monitoring.load_national_figures"),
        },
    )


@require_GET
@login_required
def department_commitments(request):
    access.require_department(request.user)
    status, theme, kind = request.GET.get("status", ""), request.GET.get("theme", ""), request.GET.get("type", "")
    tracked = selectors.all_tracked()
    statuses = dict(selectors.STATUS_CHOICES)
    if status in statuses:
        tracked = tracked.filter(status=status)
    if theme.isdigit():
        tracked = tracked.filter(theme_number=int(theme))
    if kind in AuthorityType.values:
        tracked = tracked.filter(council__authority_type=kind)
    return render(
        request,
        "monitoring/department_commitments.html",
        {
            "tracked": tracked,
            "status_label": statuses.get(status, ""),
            "theme": theme if theme.isdigit() else "",
            "type_label": _type_labels().get(kind, ""),
            "responsible_use": exports.RESPONSIBLE_USE,
        },
    )


@require_GET
@login_required
def department_metric(request, metric):
    access.require_department(request.user)
    metric = selectors.metric_by_slug(metric)
    if metric is None:
        raise Http404("No such metric")
    by_type: dict[str, list] = {}
    for summary in selectors.summaries_of(metric):
        by_type.setdefault(summary.authority_type, []).append(summary)
    labels = _type_labels()
    groups = []
    for kind, summaries in by_type.items():
        groups.append(
            {
                "label": labels.get(kind, kind),
                "summaries": summaries,
                "chart": presenting.distribution_chart(
                    metric, labels.get(kind, kind), summaries, chart_id=f"type-{kind}"
                ),
            }
        )
    return render(
        request,
        "monitoring/department_metric.html",
        {"metric": metric, "groups": groups, "responsible_use": exports.RESPONSIBLE_USE, "method": METHOD},
    )


@require_GET
@login_required
def department_export(request, dataset):
    access.require_department(request.user)
    if dataset == "commitments":
        text = exports.csv_text(
            exports.COMMITMENT_COLUMNS, exports.commitment_rows(selectors.all_tracked()), note=exports.RESPONSIBLE_USE
        )
    elif dataset == "distributions":
        text = exports.csv_text(
            exports.DISTRIBUTION_COLUMNS,
            exports.distribution_rows(selectors.all_summaries()),
            note=exports.RESPONSIBLE_USE,
        )
    else:
        raise Http404("No such export")
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="monitoring-{dataset}.csv"'
    return response
