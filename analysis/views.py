"""Pages for the analysis corpus: import (upload, preview, confirm), documents, and analysis runs.

Thin: access -> form -> service -> redirect or render. Department pages only; council people get 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from analysis import access, selectors, services
from analysis.classify.evaluation import figures_for_page
from analysis.forms import ConfirmImportForm, DocumentKindForm, ImportDocumentForm
from analysis.runs import services as runs
from core.forms import add_refusal, add_refusal_after_redirect
from core.refusals import Refusal
from councils.selectors import council_by_code
from plans.selectors import open_returns, return_by_slug

REFRESH_SECONDS = 2
FORMATS = [("", "Any format"), ("pdf", "PDF"), ("docx", "Word"), ("html", "Web page"), ("text", "Plain text")]
FORMATS += [("service", "Written in the service")]


@require_GET
@login_required
def document_list(request):
    """Every plan document in the corpus, filtered by council and format."""
    access.check_can_read_corpus(request.user)
    query = request.GET.get("q", "")[:100]
    format_ = request.GET.get("format", "")
    format_ = format_ if format_ in dict(FORMATS) else ""
    found = selectors.documents(query=query, format=format_)
    return render(
        request,
        "analysis/document_list.html",
        {
            "documents": found[:500],
            "total": found.count(),
            "query": query,
            "format": format_,
            "formats": FORMATS,
            "may_import": request.user.has_perm(access.IMPORT),
        },
    )


@require_GET
@login_required
def document_detail(request, document_id):
    """One document: its passages with page numbers, themes and barriers, its figures and the guidance."""
    document = access.get_document_for_view(request.user, document_id)
    return _document_page(request, document, DocumentKindForm(initial={"kind": document.kind}))


def _document_page(request, document, kind_form, status=200):
    """The document's summary, then one page of its passages (`?page=`), so a long document is quick to show."""
    pages = Paginator(range(selectors.passage_count(document)), selectors.PASSAGES_PER_PAGE)
    page = pages.get_page(request.GET.get("page"))
    offset = (page.number - 1) * selectors.PASSAGES_PER_PAGE
    return render(
        request,
        "analysis/document_detail.html",
        {
            "analysis": selectors.document_analysis(document, offset=offset, limit=selectors.PASSAGES_PER_PAGE),
            "page": page,
            "kind_form": kind_form,
            "form": kind_form,
            "may_correct_kind": request.user.has_perm(access.REVIEW),
        },
        status=status,
    )


@require_POST
@login_required
def document_kind(request, document_id):
    """An analyst corrects what kind of document this is (audited, before and after); the panel may not."""
    document = access.get_document_for_kind_change(request.user, document_id)
    form = DocumentKindForm(request.POST)
    if not form.is_valid():
        return _document_page(request, document, form, status=400)
    updated = services.correct_document_kind(document=document, kind=form.cleaned_data["kind"], actor=request.user)
    if updated.kind == "plan":
        counted = "The explorer and the panel summary count it as a plan."
    else:
        counted = "The explorer and the panel summary count it only when asked to include every kind of document."
    messages.success(request, f"{updated.title} is now recorded as: {updated.get_kind_display()}. {counted}")
    return redirect("analysis:document_detail", document_id=updated.pk)


@require_http_methods(["GET", "POST"])
@login_required
def import_document(request):
    """Upload a plan document; its text is read (in a limited child process) and shown for checking.

    Nothing joins the corpus until the person confirms the preview. `?upload=` opens the preview of an
    upload the person staged and has not yet confirmed (linked from "Waiting for you")."""
    access.check_can_import(request.user)
    if request.method == "GET" and "upload" in request.GET:
        staged, council, return_definition = access.get_staged_upload_for_confirm(request.user, request.GET["upload"])
        return _preview(request, staged, council, return_definition)
    returns = list(open_returns())
    form = ImportDocumentForm(request.POST or None, request.FILES or None, returns=returns)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["document"]
        return_definition = next(r for r in returns if r.slug == form.cleaned_data["return_slug"])
        try:
            staged = services.stage_upload(
                council=form.cleaned_data["council"],
                return_definition=return_definition,
                filename=upload.name,
                data=upload.read(),
                actor=request.user,
            )
        except Refusal as refusal:
            add_refusal(form, refusal)
        else:
            return _preview(request, staged, form.cleaned_data["council"], return_definition)
    return render(request, "analysis/import_document.html", {"form": form})


def _preview(request, staged, council, return_definition, confirm=None):
    """The text of a staged upload, and what the council already has for the return: the same file (then
    confirming adds nothing), or its current documents, with the choice to replace them or add this one."""
    same_file = selectors.document_with_file(
        council=council, return_definition=return_definition, file_sha256=staged.file_sha256
    )
    current = [] if same_file else selectors.current_documents(council=council, return_definition=return_definition)
    if confirm is None:
        seen = ",".join(str(document.pk) for document in current)
        confirm = ConfirmImportForm(initial={"token": staged.token, "seen": seen, "kind": staged.kind}, current=current)
    return render(
        request,
        "analysis/import_preview.html",
        {
            "staged": staged,
            "council": council,
            "return_definition": return_definition,
            "confirm": confirm,
            "form": confirm,
            "current": current,
            "same_file": same_file,
        },
    )


def _preview_again(request, staged, council, return_definition, refusal):
    """The preview shown again with the council's documents as they are now, saying why nothing was added."""
    now = selectors.current_documents(council=council, return_definition=return_definition)
    seen = ",".join(str(d.pk) for d in now)
    kind = request.POST.get("kind") or staged.kind
    again = ConfirmImportForm({"token": staged.token, "seen": seen, "action": "confirm", "kind": kind}, current=now)
    again.is_valid()
    again.errors.pop("existing", None)  # the person has not been asked about these documents yet
    add_refusal(again, refusal)
    return _preview(request, staged, council, return_definition, confirm=again)


def _titles(documents) -> str:
    return " and ".join(f"“{document.title}”" for document in documents)


@require_POST
@login_required
def import_confirm(request):
    """Add a previewed upload to the corpus, or cancel it.

    When the council already has a document for the return, nothing is added until the person chooses to
    replace it or to add this one beside it; a choice made about other documents than are there now is
    refused, and the preview is shown again with the documents as they are."""
    access.check_can_import(request.user)
    form = ConfirmImportForm(request.POST)
    if not form.is_valid():
        messages.error(request, "There is no upload to confirm. Upload the file again.")
        return redirect("analysis:import_document")
    token = form.cleaned_data["token"]
    if form.cleaned_data["action"] == "cancel":
        services.discard_staged_upload(token=token)
        messages.info(request, "The upload was cancelled. Nothing was added.")
        return redirect("analysis:import_document")
    found = services.staged_upload(token=token, actor=request.user)
    if found is None:
        messages.error(request, "That upload is no longer waiting to be confirmed. Upload the file again.")
        return redirect("analysis:import_document")
    staged = found[0]
    council, return_definition = council_by_code(staged.council_code), return_by_slug(staged.return_slug)
    same_file = selectors.document_with_file(
        council=council, return_definition=return_definition, file_sha256=staged.file_sha256
    )
    current = [] if same_file else selectors.current_documents(council=council, return_definition=return_definition)
    if not same_file and form.cleaned_data["seen"] != sorted(d.pk for d in current):
        refusal = services.DocumentsChanged(services.documents_changed_message(council, return_definition))
        return _preview_again(request, staged, council, return_definition, refusal)
    form = ConfirmImportForm(request.POST, current=current)
    if not form.is_valid():
        return _preview(request, staged, council, return_definition, confirm=form)
    choice = form.cleaned_data["existing"] if current else None
    try:
        document = services.confirm_staged_upload(
            token=token,
            actor=request.user,
            existing=choice,
            seen=form.cleaned_data["seen"],
            kind=form.cleaned_data["kind"] or None,
        )
    except (services.DocumentsChanged, services.ChoiceNeeded) as refusal:
        return _preview_again(request, staged, council, return_definition, refusal)
    except Refusal as refusal:
        add_refusal_after_redirect(request, refusal)
        return redirect("analysis:import_document")
    if same_file is not None:
        messages.info(
            request, f"This file is already in the corpus for {council.name}, as {document.title}. Nothing was added."
        )
    elif choice == services.REPLACE:
        messages.success(
            request,
            f"{document.title} was added to the corpus for {council.name}. It replaces {_titles(current)}, which "
            + (
                "stay in the corpus marked replaced and are"
                if len(current) > 1
                else "stays in the corpus marked replaced and is"
            )
            + " no longer counted.",
        )
    elif choice == services.ADD:
        messages.success(
            request,
            f"{document.title} was added to the corpus for {council.name} as another document, beside "
            f"{_titles(current)}.",
        )
    else:
        messages.success(request, f"{document.title} was added to the corpus for {council.name}.")
    return redirect("analysis:document_detail", document_id=document.pk)


@require_GET
@login_required
def run_list(request):
    """Analysis runs over the corpus: when, which method, what each found; start a new one."""
    access.check_can_read_corpus(request.user)
    return render(
        request,
        "analysis/run_list.html",
        {
            "runs": selectors.runs(),
            "in_progress": selectors.run_in_progress(),
            "may_run": request.user.has_perm(access.RUN),
            "method_now": runs.method_version(),
            "measured": figures_for_page(method_now=runs.method_version()),
        },
    )


@require_POST
@login_required
def start_run(request):
    """Queue a run over the whole corpus (one at a time), then show its progress."""
    access.check_can_run(request.user)
    running = selectors.run_in_progress()
    if running is not None:
        return redirect("analysis:run_detail", run_id=running.pk)
    run = runs.request_analysis_run(actor=request.user)
    return redirect("analysis:run_detail", run_id=run.pk)


@require_GET
@login_required
def run_detail(request, run_id):
    """Where a run has got to; refreshes itself every 2 seconds (no JavaScript) until it finishes."""
    run = access.get_run_for_view(request.user, run_id)
    return render(
        request,
        "analysis/run_detail.html",
        {
            "run": run,
            "refresh": run.status in ("queued", "running"),
            "refresh_seconds": REFRESH_SECONDS,
            "method_now": runs.method_version(),
            "measured": figures_for_page(method_now=runs.method_version(), run_version=run.method_version),
        },
    )
