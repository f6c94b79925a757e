"""The one way views reach the analysis corpus; each function checks the person's permission.

The corpus is the department's: council people get 404 (never 403), exactly as if the page did not
exist, and so does anyone asking for a document or run that does not exist.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from analysis.models import AnalysisRun, Document
from analysis.services import staged_upload
from councils.selectors import council_by_code
from plans.selectors import return_by_slug

READ = "analysis.read_corpus"
IMPORT = "analysis.import_documents"
RUN = "analysis.run_analysis"
REVIEW = "analysis.review_tags"
MAX_ID = 2**31 - 1


def check_can_read_corpus(user) -> None:
    if not user.has_perm(READ):
        raise Http404("No such page")


def check_can_import(user) -> None:
    if not user.has_perm(IMPORT):
        raise Http404("No such page")


def check_can_run(user) -> None:
    if not user.has_perm(RUN):
        raise Http404("No such page")


def get_staged_upload_for_confirm(user, token: str):
    """An upload this person staged and has not yet confirmed or cancelled, with its council and return."""
    check_can_import(user)
    found = staged_upload(token=token[:64], actor=user)
    if found is None:
        raise Http404("No such upload")
    staged, _ = found
    return staged, council_by_code(staged.council_code), return_by_slug(staged.return_slug)


def get_document_for_view(user, document_id: int) -> Document:
    check_can_read_corpus(user)
    document = (
        Document.objects.select_related("council", "return_definition", "imported_by", "plan_version", "kind_set_by")
        .filter(pk=document_id)
        .first()
        if 0 < document_id <= MAX_ID
        else None
    )
    if document is None:
        raise Http404("No such document")
    return document


def get_document_for_kind_change(user, document_id: int) -> Document:
    """A document whose kind the person may correct: analysts and administrators. The rest of the department
    (the panel) reads the document but is refused (403); anyone else gets 404."""
    document = get_document_for_view(user, document_id)
    if not user.has_perm(REVIEW):
        raise PermissionDenied("Only analysts may correct what kind of document this is")
    return document


def get_run_for_view(user, run_id: int) -> AnalysisRun:
    check_can_read_corpus(user)
    run = AnalysisRun.objects.select_related("requested_by").filter(pk=run_id).first() if 0 < run_id <= MAX_ID else None
    if run is None:
        raise Http404("No such run")
    return run
