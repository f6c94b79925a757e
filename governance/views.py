"""Pages for decision reports, assurance checklists, decisions, call-in and delegated amendments.

Thin: access -> form -> service -> redirect (POST) or render (GET).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core.forms import add_refusal
from core.refusals import Refusal
from councils.selectors import council_of, members_of
from governance import access, rendering, selectors
from governance.exceptions import NotYourLine
from governance.forms import (
    CallInForm,
    ConsulteeForm,
    DecisionForm,
    NamePersonForm,
    PublishRecordForm,
    ResolveCallInForm,
    ScrutinyForm,
    SettingsForm,
    SignLineForm,
)
from governance.forms import ReportForm as _ReportForm
from governance.services import checklist, configuration, decisions, reports


def _people(council):
    memberships = list(members_of(council))
    officers, members, seen = [], [], set()
    for membership in memberships:
        if membership.role == "lead_member":
            members.append(membership.user)
    for membership in memberships:
        user = membership.user
        if membership.role != "lead_member" and user.pk not in seen and user not in members:
            officers.append(user)
            seen.add(user.pk)
    return officers, members


def _pick(users, value):
    return next((u for u in users if str(u.pk) == str(value)), None) if value else None


# --- Decisions --------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@login_required
def record_decision(request, version_id):
    version = access.get_version_for_decision(request.user, version_id)
    officers, members = _people(version.council)
    values = configuration.settings_values(version.council)
    form = DecisionForm(
        request.POST if request.method == "POST" else None,
        officers=officers,
        members=members,
        call_in_default=values["call_in_working_days"],
        initial={"decision_maker": values["decision_maker"]},
    )
    report = selectors.report_for_version(version)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        officer = _pick(officers, data["delegate_to"])
        try:
            decision = decisions.record_decision(
                version=version,
                outcome=data["outcome"],
                decision_maker=data["decision_maker"],
                decided_on=data["decided_on"],
                resolution=data["resolution"],
                actor=request.user,
                details=decisions.RecordDetails(
                    report=report,
                    is_executive=data["is_executive"],
                    call_in_working_days=data["call_in_working_days"],
                    reasons=data["reasons"],
                    alternatives_rejected=data["alternatives_rejected"],
                    conflicts_of_interest=data["conflicts_of_interest"],
                    dispensation=data["dispensation"],
                ),
                delegation=decisions.DelegationTerms(officer, _pick(members, data["consult_with"]))
                if officer is not None
                else None,
            )
        except Refusal as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(
                request, f"Decision recorded: {decision.get_outcome_display().lower()} by {decision.decision_maker}"
            )
            if report is None:  # the decision was recorded from the council's plans page: back there
                return redirect("submissions:council_dashboard")
            return redirect("governance:decision_detail", decision_id=decision.pk)
    return render(
        request,
        "governance/record_decision.html",
        {"version": version, "form": form, "decisions": selectors.decisions_on(version), "report": report},
    )


@require_http_methods(["GET"])
@login_required
def decision_detail(request, decision_id):
    decision = access.get_decision_for_view(request.user, decision_id)
    summary = selectors.decision_summary(decision)
    delegations = [
        {"delegation": d, "amendments": selectors.amendments_under(d), "mine": d.officer_id == request.user.pk}
        for d in summary.delegations
    ]
    return render(
        request,
        "governance/decision_detail.html",
        {
            "decision": decision,
            "version": decision.version,
            "summary": summary,
            "delegations": delegations,
            "can_record": request.user.has_perm("governance.record_decision", decision.version.council),
            "publish_form": PublishRecordForm(),
            "history": selectors.history_of(decision),
        },
    )


@require_POST
@login_required
def publish_decision_record(request, decision_id):
    decision = access.get_decision_for_clerk(request.user, decision_id)
    form = PublishRecordForm(request.POST)
    if form.is_valid():
        try:
            decisions.publish_decision_record(
                decision=decision, actor=request.user, published_on=form.cleaned_data["published_on"]
            )
        except Refusal as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, "The decision record is published")
            return redirect("governance:decision_detail", decision_id=decision.pk)
    summary = selectors.decision_summary(decision)
    return render(
        request,
        "governance/decision_detail.html",
        {
            "decision": decision,
            "version": decision.version,
            "summary": summary,
            "delegations": [],
            "can_record": True,
            "publish_form": form,
            "form": form,
            "history": selectors.history_of(decision),
        },
        status=400,
    )


@require_http_methods(["GET", "POST"])
@login_required
def record_call_in(request, decision_id):
    decision = access.get_decision_for_clerk(request.user, decision_id)
    form = CallInForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            decisions.record_call_in(decision=decision, actor=request.user, **form.cleaned_data)
        except Refusal as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, "The call-in is recorded: the decision does not take effect until it is resolved")
            return redirect("governance:decision_detail", decision_id=decision.pk)
    return render(request, "governance/call_in.html", {"decision": decision, "form": form})


@require_http_methods(["GET", "POST"])
@login_required
def resolve_call_in(request, decision_id):
    decision = access.get_decision_for_clerk(request.user, decision_id)
    call_in = selectors.call_in_of(decision)
    if call_in is None:  # nothing to resolve
        return redirect("governance:decision_detail", decision_id=decision.pk)
    form = ResolveCallInForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            decisions.resolve_call_in(call_in=call_in, actor=request.user, **form.cleaned_data)
        except Refusal as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, "Scrutiny's decision on the call-in is recorded")
            return redirect("governance:decision_detail", decision_id=decision_id)
    return render(
        request, "governance/resolve_call_in.html", {"decision": call_in.decision, "call_in": call_in, "form": form}
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


# --- Delegated amendments -----------------------------------------------------------------------


# --- Reports --------------------------------------------------------------------------------------


@require_POST
@login_required
def create_report(request, version_id):
    version = access.get_version_for_report(request.user, version_id)
    report = reports.create_report(version=version, actor=request.user)
    return redirect("governance:report_detail", report_id=report.pk)


@require_http_methods(["GET"])
@login_required
def report_detail(request, report_id):
    report = access.get_report_for_view(request.user, report_id)
    council = report.council
    decision = selectors.endorsing_decision(report.version)
    return render(
        request,
        "governance/report_detail.html",
        {
            "report": report,
            "version": report.version,
            "template": selectors.template_of(report),
            "checklist": selectors.checklist_of(report),
            "blockers": selectors.agenda_blockers(report),
            "scrutiny": selectors.scrutiny_of(report),
            "decision": decision,
            "decisions": selectors.decisions_on(report.version),
            "can_write": request.user.has_perm("governance.write_report", council) and decision is None,
            "can_clerk": request.user.has_perm("governance.configure_checklist", council),
            "can_decide": request.user.has_perm("governance.record_decision", council),
            "history": selectors.history_of(report),
        },
    )


@require_http_methods(["GET"])
@login_required
def report_read(request, report_id):
    report = access.get_report_for_view(request.user, report_id)
    return render(
        request,
        "governance/report_read.html",
        {"report": report, "fragment": rendering.report_fragment(report)},
    )


@require_http_methods(["GET"])
@login_required
def report_pdf(request, report_id):
    report = access.get_report_for_view(request.user, report_id)
    rendered = rendering.render_report_pdf(report)
    response = HttpResponse(rendered.pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="decision-report-{report.pk}-{report.short_hash}.pdf"'
    return response


@require_http_methods(["GET", "POST"])
@login_required
def report_edit(request, report_id):
    report = access.get_report_for_change(request.user, report_id)
    template = selectors.template_of(report)
    initial = {
        "title": report.title,
        "meeting_body": report.meeting_body,
        "meeting_date": report.meeting_date,
        "author_names": report.author_names,
        "revision": report.revision,
        **{f"section_{key}": value for key, value in (report.sections or {}).items()},
    }
    form = _ReportForm(request.POST if request.method == "POST" else None, template=template, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report, voided = reports.save_report(
                report=report,
                title=data["title"],
                sections=form.sections(),
                meeting_body=data["meeting_body"],
                meeting_date=data["meeting_date"],
                author_names=data["author_names"],
                based_on_revision=data["revision"],
                actor=request.user,
            )
        except Refusal as refusal:
            add_refusal(form, refusal)
        else:
            message = "The report is saved"
            if voided:
                message += (
                    ". These sign-offs no longer count because the report changed, and must be given again: "
                    + "; ".join(voided)
                )
            messages.success(request, message)
            return redirect("governance:report_detail", report_id=report.pk)
    return render(request, "governance/report_edit.html", {"report": report, "template": template, "form": form})


@require_http_methods(["GET", "POST"])
@login_required
def sign_line(request, report_id, line_id):
    line = access.get_line_for_signing(request.user, report_id, line_id)
    report = line.report
    form = SignLineForm(
        request.POST if request.method == "POST" else None, allow_not_applicable=line.only_if_implications
    )
    if request.method == "POST" and form.is_valid():
        not_applicable = form.cleaned_data["answer"] == "not_applicable"
        try:
            checklist.sign_line(
                line=line, actor=request.user, not_applicable=not_applicable, reason=form.cleaned_data["reason"]
            )
        except NotYourLine as error:  # pragma: no cover - access already refused someone else
            raise PermissionDenied(error.message) from error
        except Refusal as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(
                request,
                f"{line.label}: {'marked not applicable' if not_applicable else 'signed off'}",
            )
            return redirect("governance:report_detail", report_id=report.pk)
    return render(request, "governance/sign_line.html", {"line": line, "report": report, "form": form})


@require_http_methods(["GET", "POST"])
@login_required
def name_person(request, report_id, line_id):
    line = access.get_line_for_clerk(request.user, report_id, line_id)
    if line.kind != "sign_off":  # a consultee line is recorded, not signed: send them to the report
        return redirect("governance:report_detail", report_id=line.report_id)
    people = [m.user for m in members_of(line.report.council) if m.role == line.role]
    form = NamePersonForm(
        request.POST if request.method == "POST" else None,
        people=people,
        initial={"person": str(line.person_id) if line.person_id else None},
    )
    if request.method == "POST" and form.is_valid():
        try:
            checklist.name_line_person(line=line, person=_pick(people, form.cleaned_data["person"]), actor=request.user)
        except Refusal as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, f"{line.label}: person named")
            return redirect("governance:report_detail", report_id=line.report_id)
    return render(request, "governance/name_person.html", {"line": line, "report": line.report, "form": form})


@require_http_methods(["GET", "POST"])
@login_required
def record_consultee(request, report_id, line_id):
    line = access.get_line_for_clerk(request.user, report_id, line_id)
    if line.kind != "consultee":  # signed off by the person named on it, not recorded here
        return redirect("governance:report_detail", report_id=line.report_id)
    form = ConsulteeForm(
        request.POST if request.method == "POST" else None,
        allow_not_applicable=line.only_if_implications,
        initial={"consultee_name": line.consultee_name},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            checklist.record_consultee(
                line=line,
                consultee_name=data["consultee_name"],
                informed_on=data["informed_on"],
                not_applicable=data["answer"] == "not_applicable",
                reason=data["reason"],
                actor=request.user,
            )
        except Refusal as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, f"{line.label}: recorded")
            return redirect("governance:report_detail", report_id=line.report_id)
    return render(request, "governance/consultee.html", {"line": line, "report": line.report, "form": form})


@require_http_methods(["GET", "POST"])
@login_required
def scrutiny_comment(request, report_id):
    report = access.get_report_for_clerk(request.user, report_id)
    form = ScrutinyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            reports.record_scrutiny_comment(report=report, actor=request.user, **form.cleaned_data)
        except Refusal as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, "Scrutiny's comments are recorded and shown in the report")
            return redirect("governance:report_detail", report_id=report.pk)
    return render(request, "governance/scrutiny.html", {"report": report, "form": form})


# --- Settings -------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@login_required
def governance_settings(request):
    council = access.get_council_for_settings(request.user, council_of(request.user))
    values = configuration.settings_values(council)
    form = SettingsForm(request.POST if request.method == "POST" else None, initial=values)
    if request.method == "POST" and form.is_valid():
        try:
            configuration.configure_governance(council=council, actor=request.user, **form.cleaned_data)
        except Refusal as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, "The decision settings are saved. Reports made from now on use them.")
            return redirect("governance:settings")
    return render(request, "governance/settings.html", {"council": council, "form": form})


@require_http_methods(["GET"])
@login_required
def council_reports(request):
    """The council's reports and decisions, and the checklist lines waiting for this person."""
    council = council_of(request.user)
    if council is None or not request.user.has_perm("plans.view_council_work", council):
        raise Http404("No council")
    can_write = request.user.has_perm("governance.write_report", council)
    return render(
        request,
        "governance/council_reports.html",
        {
            "council": council,
            "reports": selectors.reports_of(council),
            "decisions": selectors.decisions_of(council),
            "unreported": selectors.versions_without_report(council) if can_write else [],
            "waiting": selectors.lines_waiting_for(request.user),
            "delegations": selectors.delegations_for(request.user),
            "can_configure": request.user.has_perm("governance.configure_checklist", council),
        },
    )
