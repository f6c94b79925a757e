"""Thin views for drafting: access -> form -> service -> redirect or render."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.audit import events_for
from core.dates import long_date
from core.forms import ConfirmForm, add_refusal, add_refusal_after_redirect
from core.refusals import Refusal
from councils.selectors import council_of
from plans import access, selectors, services
from plans.diff import compare_contents
from plans.docx_import import DocxImportError
from plans.exceptions import EditConflict
from plans.forms import (
    BarrierForm,
    CommitmentForm,
    CompareVersionsForm,
    DraftForm,
    ExpenseTypesForm,
    ImportDocxForm,
    SpendEvidenceForm,
    SpendUploadForm,
)
from plans.spend_csv import SpendCsvError
from plans.uploads import read_docx_upload, read_spend_upload


@require_POST
@login_required
def start_draft(request, slug):
    return_definition = access.get_return(slug)
    council = access.get_council_for_drafting(request.user, council_of(request.user))
    draft = services.start_draft(council=council, return_definition=return_definition, actor=request.user)
    return redirect("plans:draft_edit", draft_id=draft.pk)


@require_http_methods(["GET", "POST"])
@login_required
def draft_edit(request, draft_id):
    draft = access.get_draft_for_change(request.user, draft_id)
    sections = selectors.sections_with_guidance(draft)
    conflict = None
    if request.method == "POST":
        form = DraftForm(request.POST, sections=sections)
        if form.is_valid():
            try:
                services.save_draft(
                    draft=draft,
                    bodies=form.bodies(),
                    based_on_revision=form.cleaned_data["revision"],
                    introduction=form.cleaned_data["introduction"],
                    actor=request.user,
                )
            except Refusal as refusal:
                add_refusal(form, refusal)
            except EditConflict as error:
                conflict = error
                form.add_error(
                    None,
                    f"{error.updated_by} saved this draft while you were editing it. "
                    "Your text is below and has not been saved; their saved text is shown under each box. "
                    "Copy what you need, then save again.",
                )
            else:
                messages.success(request, "Your draft has been saved")
                return redirect("submissions:draft_detail", draft_id=draft.pk)
    else:
        initial = {DraftForm.field_name(s.theme.number): s.body for s in sections}
        initial["revision"] = draft.revision
        initial["introduction"] = draft.introduction
        form = DraftForm(initial=initial, sections=sections)
    if conflict is not None:
        # Give the form the new revision so the next save is based on what is now stored.
        data = request.POST.copy()
        data["revision"] = conflict.current_revision
        form.data = data
    return render(
        request,
        "plans/draft_edit.html",
        {
            "draft": draft,
            "form": form,
            "conflict": conflict,
            "saved_bodies": {s.theme.number: s.body for s in selectors.sections_with_guidance(draft)}
            if conflict
            else {},
            "saved_introduction": access.get_draft_for_change(request.user, draft_id).introduction if conflict else "",
        },
    )


@require_POST
@login_required
def freeze(request, draft_id):
    draft = access.get_draft_for_freeze(request.user, draft_id)
    latest = selectors.latest_version(draft)
    try:
        version = services.freeze_draft(draft=draft, actor=request.user)
    except Refusal as refusal:
        add_refusal_after_redirect(request, refusal)
        return redirect("submissions:draft_detail", draft_id=draft.pk)
    if latest is not None and version.pk == latest.pk:
        # Freezing text that is already a version makes nothing new: say so rather than claim it did.
        messages.info(
            request,
            f"Nothing new was frozen: the draft's text is already version {version.number}, frozen on "
            f"{long_date(timezone.localdate(version.frozen_at))}",
        )
        return redirect("plans:version_detail", version_id=version.pk)
    messages.success(request, f"Version {version.number} has been frozen")
    return redirect("plans:version_detail", version_id=version.pk)


@require_GET
@login_required
def version_detail(request, version_id):
    version = access.get_version_for_council_view(request.user, version_id)
    return render(request, "plans/version_detail.html", {"version": version, "events": events_for(version)})


@require_http_methods(["GET", "POST"])
@login_required
def spend_evidence(request, draft_id):
    draft = access.get_draft_for_change(request.user, draft_id)
    existing = selectors.spend_evidence_of(draft)
    initial = (
        {
            "year": existing.year,
            "staff_budget": existing.staff_budget,
            "agency_spend": existing.agency_spend,
            "consultant_spend": existing.consultant_spend,
            "edi_statement": existing.edi_statement,
        }
        if existing
        else {}
    )
    prefill = request.session.get(SPEND_PREFILL_KEY.format(draft_id=draft.pk))
    if prefill:
        initial.update(agency_spend=prefill["agency_spend"], consultant_spend=prefill["consultant_spend"])
    form = SpendEvidenceForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.save_spend_evidence(draft=draft, actor=request.user, **form.cleaned_data)
        request.session.pop(SPEND_PREFILL_KEY.format(draft_id=draft.pk), None)
        messages.success(request, "The spend figures have been saved and added to theme 3")
        return redirect("submissions:draft_detail", draft_id=draft.pk)
    return render(request, "plans/spend_evidence.html", {"draft": draft, "form": form, "prefill": prefill})


@require_http_methods(["GET", "POST"])
@login_required
def add_barrier(request, draft_id):
    draft = access.get_draft_for_change(request.user, draft_id)
    form = BarrierForm(request.POST if request.method == "POST" else None, categories=selectors.barrier_categories())
    if request.method == "POST" and form.is_valid():
        services.add_barrier(draft=draft, actor=request.user, **form.cleaned_data)
        messages.success(request, "The barrier has been added to theme 4")
        return redirect("submissions:draft_detail", draft_id=draft.pk)
    return render(request, "plans/add_barrier.html", {"draft": draft, "form": form})


@require_POST
@login_required
def remove_barrier(request, draft_id, barrier_id):
    barrier = access.get_barrier_for_change(request.user, draft_id, barrier_id)
    services.remove_barrier(barrier=barrier, actor=request.user)
    messages.success(request, "The barrier has been removed")
    return redirect("submissions:draft_detail", draft_id=draft_id)


@require_http_methods(["GET", "POST"])
@login_required
def add_commitment(request, draft_id):
    draft = access.get_draft_for_change(request.user, draft_id)
    form = CommitmentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.add_commitment(draft=draft, actor=request.user, **form.cleaned_data)
        messages.success(request, "The commitment has been added")
        return redirect("submissions:draft_detail", draft_id=draft.pk)
    return render(request, "plans/add_commitment.html", {"draft": draft, "form": form})


@require_POST
@login_required
def remove_commitment(request, draft_id, commitment_id):
    commitment = access.get_commitment_for_change(request.user, draft_id, commitment_id)
    services.remove_commitment(commitment=commitment, actor=request.user)
    messages.success(request, "The commitment has been removed")
    return redirect("submissions:draft_detail", draft_id=draft_id)


@require_GET
@login_required
def compare_versions(request, draft_id):
    draft = access.get_draft_for_view(request.user, draft_id)
    versions = {version.number: version for version in selectors.versions_of(draft)}
    numbers = sorted(versions)
    default = {"old": numbers[-2], "new": numbers[-1]} if len(numbers) >= 2 else {}
    form = CompareVersionsForm(request.GET or default or None, numbers=numbers)
    sections = None
    if len(numbers) >= 2 and form.is_valid():
        old, new = versions[form.cleaned_data["old"]], versions[form.cleaned_data["new"]]
        sections = compare_contents(old.content, new.content)
    return render(
        request,
        "plans/compare_versions.html",
        {"draft": draft, "compare_form": form, "sections": sections, "enough_versions": len(numbers) >= 2},
    )


IMPORT_SESSION_KEY = "docx-import-{draft_id}"


@require_http_methods(["GET", "POST"])
@login_required
def import_docx(request, draft_id):
    """Upload a Word draft; its text is read and held for a preview, not saved."""
    draft = access.get_draft_for_change(request.user, draft_id)
    form = ImportDocxForm(request.POST if request.method == "POST" else None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        titles = {theme.number: theme.title for theme in draft.return_definition.themes.all()}
        try:
            imported = read_docx_upload(form.cleaned_data["document"].read(), theme_titles=titles)
        except DocxImportError as error:
            form.add_error("document", str(error))
        else:
            request.session[IMPORT_SESSION_KEY.format(draft_id=draft.pk)] = {
                "file": form.cleaned_data["document"].name,
                "revision": draft.revision,
                "introduction": imported.introduction,
                "bodies": {str(n): text for n, text in imported.bodies.items()},
                "unmatched": imported.unmatched_headings,
            }
            return redirect("plans:import_preview", draft_id=draft.pk)
    return render(request, "plans/import_docx.html", {"draft": draft, "form": form})


@require_http_methods(["GET", "POST"])
@login_required
def import_preview(request, draft_id):
    """Show what the upload would put in each section; saving replaces the draft's text."""
    draft = access.get_draft_for_change(request.user, draft_id)
    pending = request.session.get(IMPORT_SESSION_KEY.format(draft_id=draft.pk))
    if pending is None:
        messages.error(request, "There is no upload to confirm. Upload the document again.")
        return redirect("plans:import_docx", draft_id=draft.pk)
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        try:
            services.save_draft(
                draft=draft,
                bodies={int(n): text for n, text in pending["bodies"].items()},
                introduction=pending["introduction"],
                based_on_revision=pending["revision"],
                actor=request.user,
            )
        except EditConflict as conflict:
            form.add_error(
                None, f"{conflict.updated_by} saved the draft after you uploaded the document. Upload it again."
            )
        except Refusal as refusal:
            add_refusal(form, refusal)
        else:
            del request.session[IMPORT_SESSION_KEY.format(draft_id=draft.pk)]
            messages.success(request, f"The text from {pending['file']} has been saved to the draft")
            return redirect("submissions:draft_detail", draft_id=draft.pk)
    themes = list(draft.return_definition.themes.all())
    sections = [(theme, pending["bodies"].get(str(theme.number), "")) for theme in themes]
    return render(
        request,
        "plans/import_preview.html",
        {"draft": draft, "pending": pending, "sections": sections, "form": form},
        status=409 if form.errors else 200,
    )


SPEND_SESSION_KEY = "spend-csv-{draft_id}"
SPEND_PREFILL_KEY = "spend-prefill-{draft_id}"


@require_http_methods(["GET", "POST"])
@login_required
def spend_upload(request, draft_id):
    """Upload spend data; every bad row is reported and nothing is kept until the file is clean."""
    draft = access.get_draft_for_change(request.user, draft_id)
    form = SpendUploadForm(request.POST if request.method == "POST" else None, request.FILES or None)
    row_errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["spend_file"]
        try:
            spend = read_spend_upload(upload.read())
        except SpendCsvError as refused:
            row_errors = refused.errors
            form.add_error(
                "spend_file",
                f"The file was not used: {len(row_errors)} problem{'s' * (len(row_errors) != 1)} "
                "listed below. Correct the file and upload it again.",
            )
        else:
            request.session[SPEND_SESSION_KEY.format(draft_id=draft.pk)] = {
                "file": upload.name,
                "rows": spend.rows,
                "totals": {name: str(total) for name, total in spend.totals_by_type.items()},
            }
            return redirect("plans:spend_types", draft_id=draft.pk)
    return render(request, "plans/spend_upload.html", {"draft": draft, "form": form, "row_errors": row_errors})


@require_http_methods(["GET", "POST"])
@login_required
def spend_types(request, draft_id):
    """Pick which expense types in the uploaded file are agency staff and which are consultants."""
    draft = access.get_draft_for_change(request.user, draft_id)
    uploaded = request.session.get(SPEND_SESSION_KEY.format(draft_id=draft.pk))
    if uploaded is None:
        return redirect("plans:spend_upload", draft_id=draft.pk)
    form = ExpenseTypesForm(request.POST if request.method == "POST" else None, totals=uploaded["totals"])
    if request.method == "POST" and form.is_valid():
        totals = {name: Decimal(total) for name, total in uploaded["totals"].items()}
        request.session[SPEND_PREFILL_KEY.format(draft_id=draft.pk)] = {
            "file": uploaded["file"],
            "agency_spend": str(sum((totals[t] for t in form.cleaned_data["agency_types"]), Decimal("0"))),
            "consultant_spend": str(sum((totals[t] for t in form.cleaned_data["consultant_types"]), Decimal("0"))),
        }
        return redirect("plans:spend_evidence", draft_id=draft.pk)
    return render(request, "plans/spend_types.html", {"draft": draft, "form": form, "uploaded": uploaded})
