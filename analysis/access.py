"""The one way views reach the analysis corpus; each function checks the person's permission.

The corpus is the department's: council people get 404 (never 403), exactly as if the page did not
exist, and so does anyone asking for a document or run that does not exist.
"""

from django.http import Http404

from analysis.models import AnalysisRun, Document

READ = "analysis.read_corpus"
IMPORT = "analysis.import_documents"
RUN = "analysis.run_analysis"
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


def get_document_for_view(user, document_id: int) -> Document:
    check_can_read_corpus(user)
    document = (
        Document.objects.select_related("council", "return_definition", "imported_by", "plan_version")
        .filter(pk=document_id)
        .first()
        if 0 < document_id <= MAX_ID
        else None
    )
    if document is None:
        raise Http404("No such document")
    return document


def get_run_for_view(user, run_id: int) -> AnalysisRun:
    check_can_read_corpus(user)
    run = AnalysisRun.objects.select_related("requested_by").filter(pk=run_id).first() if 0 < run_id <= MAX_ID else None
    if run is None:
        raise Http404("No such run")
    return run
