"""Writes for the analysis corpus: importing plan documents, bringing in plans written in the
service, and analysis runs.

Each function is a verb with keyword-only arguments, writes in a transaction and records an
audit event. Parsing untrusted files happens in a limited child process (analysis/reading/sandbox.py)
before anything is written, so a refused file leaves no row and no stored file behind.
"""

import datetime
import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, partial
from operator import attrgetter
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from django.db import connection, transaction
from django.db.models import DateTimeField, DecimalField, F, Q
from django.utils import timezone

from analysis.models import (
    Document,
    DocumentFormat,
    DocumentKind,
    DocumentSource,
    Figure,
    Passage,
    PassageBarrier,
    PassageTheme,
    TagSource,
)
from analysis.reading.document_kind import classify_document
from analysis.reading.extract import Block, Extracted, ExtractionRefused, split_plain_text
from analysis.reading.sandbox import extract_file
from analysis.selectors import current_document_ids, current_documents, document_id_with_file
from core import files
from core.audit import record_event
from core.refusals import Refusal
from councils.models import Council
from plans.models import PlanVersion

logger = logging.getLogger(__name__)

STORAGE_DIR = "analysis/documents"
STAGING_DIR = "analysis/staging"


class ImportRefused(Refusal):
    """A document that cannot be imported; the message says why. Nothing was stored."""


# What to do when the council already has a document for the return: the person must say.
REPLACE = "replace"  # the new document becomes the council's current one; the others stay, marked replaced
ADD = "add"  # the new document is counted beside the others


class ChoiceNeeded(ImportRefused):
    """The council already has a document for the return and nobody said whether to replace it or add another."""

    def __init__(self, message: str, documents: list[Document]):
        super().__init__(message)
        self.documents = documents


class DocumentsChanged(ImportRefused):
    """The council's documents for the return are not the ones the person saw when they chose."""


# --- Reading files ------------------------------------------------------------------------


def read_document(*, filename: str, data: bytes, reader=None) -> Extracted:
    """Read a file's text in a limited child process (a new one, or `reader`'s for bulk imports).
    Raises ImportRefused."""
    try:
        return reader.extract_file(filename, data) if reader is not None else extract_file(filename, data)
    except ExtractionRefused as refusal:
        raise ImportRefused(str(refusal), field="document") from refusal


INSERT_BATCH = 500  # rows per executemany


def insert_rows(model, rows: list) -> None:
    """Insert unsaved rows of `model` with one prepared INSERT run over them (executemany), for rows nobody needs
    the ids of. The ORM's bulk_create prepares every field of every row through the field (most of storing a
    document's passages and tags); here each row's values are read as they are, and only decimals and times go
    through the backend's adapters, as `monitoring.services._insert_values` does (decision 0022)."""
    if not rows:
        return
    ops = connection.ops
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    adapters: list[Callable[[Any], Any] | None] = []
    for field in fields:
        if isinstance(field, DecimalField):
            adapters.append(
                partial(ops.adapt_decimalfield_value, max_digits=field.max_digits, decimal_places=field.decimal_places)
            )
        elif isinstance(field, DateTimeField):
            adapters.append(ops.adapt_datetimefield_value)
        else:
            adapters.append(None)
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # table and column names from the model; every value is a parameter  # nosec B608
        ops.quote_name(model._meta.db_table),
        ", ".join(ops.quote_name(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    # Each row's values read in one call (attrgetter gives a tuple for two names or more), then only the columns
    # with an adapter changed.
    read = attrgetter(*(field.attname for field in fields))
    adapted = [(index, adapt) for index, adapt in enumerate(adapters) if adapt is not None]
    values = [read(row) for row in rows] if len(fields) > 1 else [(read(row),) for row in rows]
    if adapted:
        values = [_adapted(value, adapted) for value in values]
    with connection.cursor() as cursor:
        for start in range(0, len(values), INSERT_BATCH):
            cursor.executemany(sql, values[start : start + INSERT_BATCH])


def _adapted(value: tuple, adapted: list) -> tuple:
    """`value` with each (index, adapter) of `adapted` applied to its column, empty values left as they are."""
    row = list(value)
    for index, adapt in adapted:
        if row[index] is not None:
            row[index] = adapt(row[index])
    return tuple(row)


@cache
def _defaults(model) -> tuple[dict, tuple]:
    """The defaults of the columns `insert_rows` writes: ({attname: value} for the columns whose default is a plain
    value, the same for every row; ((attname, field), ...) for those whose default is made for each row)."""
    fixed, made = {}, []
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        if callable(field.default) or field.has_db_default() or (field.is_relation and field.has_default()):
            made.append((field.attname, field))
        else:
            fixed[field.attname] = field.get_default()
    return fixed, tuple(made)


def unsaved_row(model, **values) -> SimpleNamespace:
    """A row of `model` for `insert_rows`: `values` by attname and the model's default for every other column,
    as `model(**values)` would hold them, at a fraction of the cost of making the model instance (a bulk import
    makes one for each of its tens of thousands of passages and tags)."""
    fixed, made = _defaults(model)
    row = {**fixed, **values}
    for name, field in made:
        if name not in values:
            row[name] = field.get_default()
    return SimpleNamespace(**row)


def _passages_from_blocks(document: Document, blocks: list[Block]) -> list[Passage]:
    """Passages in order, each with the nearest heading above it."""
    return [Passage(document=document, **row) for row in _passage_values(blocks)]


def _passage_values(blocks: list[Block]) -> list[dict]:
    values, heading = [], ""
    for position, block in enumerate(blocks, start=1):
        values.append(
            {"position": position, "page": block.page, "kind": block.kind, "heading": heading[:300], "text": block.text}
        )
        if block.kind == "heading":
            heading = block.text
    return values


def lock_statement(model, *, row_locks: bool) -> str:
    """The statement `select_for_update()` makes to hold one row of `model`, written from the model's names: with
    `FOR UPDATE` where the database has row locks, without it where it has none (SQLite, whose write transactions
    run one at a time), as the ORM does."""
    quote = connection.ops.quote_name
    pk_column = quote(model._meta.pk.column)
    sql = f"SELECT {pk_column} FROM {quote(model._meta.db_table)} WHERE {pk_column} = %s"  # nosec B608
    return f"{sql} {connection.ops.for_update_sql()}" if row_locks else sql


def lock_row(model, pk) -> None:
    """Hold one row of `model` until the transaction ends, with a statement written once rather than built by the
    ORM again for each of a bulk import's files."""
    with connection.cursor() as cursor:
        cursor.execute(lock_statement(model, row_locks=connection.features.has_select_for_update), [pk])
        cursor.fetchall()


def describe_document(document: Document) -> dict:
    """What an audit event says of a document another one replaced or joined."""
    by = document.imported_by
    return {
        "document": document.pk,
        "title": document.title,
        "filename": document.original_filename,
        "file_sha256": document.file_sha256,
        "imported_at": document.imported_at.isoformat(timespec="seconds"),
        "imported_by": (by.get_full_name() or by.username) if by is not None else "",
        "plan_version": document.plan_version.number if document.plan_version is not None else None,
    }


def _document_words(document: Document) -> str:
    by = document.imported_by
    who = f" by {by.get_full_name() or by.username}" if by is not None else ""
    when = timezone.localtime(document.imported_at)
    return f"“{document.title}”, imported on {when.day} {when:%B %Y}{who}"


def documents_changed_message(council, return_definition) -> str:
    return (
        f"{council.name}'s documents for {return_definition.title} have changed since the preview. Nothing was "
        "added: check them below and choose again."
    )


def _check_existing(*, council, return_definition, existing: str | None, seen: list[int] | None) -> list[Document]:
    """The council's current documents for the return, once the person's choice about them is known to hold.

    Refused when there are some and no choice was made (ChoiceNeeded), and when they are not the ones the
    person saw at the preview (DocumentsChanged): a choice applies only to the documents it was made about.
    """
    if existing not in (None, REPLACE, ADD):
        raise ImportRefused("Choose whether to replace the council's document or add this one as another.")
    # Most imports find no current document: a plain check of the ids, and the documents read only when there are
    # some to name.
    if current_document_ids(council=council, return_definition=return_definition):
        current = current_documents(council=council, return_definition=return_definition)
    else:
        current = []
    if seen is not None and sorted(seen) != sorted(d.pk for d in current):
        raise DocumentsChanged(documents_changed_message(council, return_definition))
    if current and existing is None:
        listed = "; ".join(_document_words(d) for d in current)
        raise ChoiceNeeded(
            f"{council.name} already has {'a document' if len(current) == 1 else f'{len(current)} documents'} for "
            f"{return_definition.title}: {listed}. Nothing was imported: say whether to replace "
            f"{'it' if len(current) == 1 else 'them'} or to add this one as another document.",
            current,
        )
    return current


# --- What kind of document it is ---------------------------------------------------------------


def machine_kind(extracted: Extracted) -> tuple[str, str]:
    """The kind of document read from its text (analysis/reading/document_kind.py), and why: as a bulk reader's child
    already read it from these blocks, or read here."""
    if extracted.labels and extracted.labels.get("document_kind"):
        kind, reason = extracted.labels["document_kind"]
        return kind, reason
    return classify_document([block.text for block in extracted.blocks], extracted.title)


def _kind_check(kind: str | None) -> None:
    if kind is not None and kind not in DocumentKind.values:
        raise ImportRefused("Choose what kind of document this is.")


def _describe_kind(document: Document) -> dict:
    return {"kind": document.kind, "reason": document.kind_reason, "source": document.kind_source}


def _record_kind_change(*, document: Document, before: dict, actor, at_import: bool) -> None:
    record_event(
        action="DocumentKindCorrected",
        actor=actor,
        subject=document,
        council_code=document.council.gss_code,
        data={"document": document.pk, "at_import": at_import, "before": before, "after": _describe_kind(document)},
    )


def correct_document_kind(*, document: Document, kind: str, actor, at: datetime.datetime | None = None) -> Document:
    """A person says what kind of document this is (a plan, a report about one, another regime's plan...).

    Written on the document with who and when; the audit event keeps the kind before and after. The explorer
    counts the document as a plan only when its kind is a plan. Saying the kind it already has, as a person
    said it, changes nothing."""
    _kind_check(kind)
    if kind is None:
        raise ImportRefused("Choose what kind of document this is.")
    with transaction.atomic():
        locked = Document.objects.select_for_update().select_related("council").get(pk=document.pk)
        if locked.kind == kind and locked.kind_source == TagSource.PERSON:
            return locked
        before = _describe_kind(locked)
        who = (actor.get_full_name() or actor.username) if getattr(actor, "pk", None) else "a person"
        if locked.kind == kind:
            reason = f"Confirmed by {who}. Before: {locked.kind_reason or 'counted as a plan by default.'}"
        else:
            reason = f"Corrected by {who} from “{DocumentKind(locked.kind).label}”."
        locked.kind, locked.kind_reason, locked.kind_source = kind, reason[:2000], TagSource.PERSON
        locked.kind_set_by = actor if getattr(actor, "pk", None) else None
        locked.kind_set_at = at or timezone.now()
        locked.save(update_fields=["kind", "kind_reason", "kind_source", "kind_set_by", "kind_set_at"])
        _record_kind_change(document=locked, before=before, actor=actor, at_import=False)
    return locked


def _extension(kind: str, filename: str) -> str:
    """The stored file's extension: its format's, except that a web archive stays one (.mhtml), since its bytes
    are the archive, not the page inside it."""
    if kind == "html" and Path(filename).suffix.lower() in (".mhtml", ".mht"):
        return "mhtml"
    return {"pdf": "pdf", "docx": "docx", "odt": "odt", "html": "html", "text": "txt"}[kind]


def import_document(
    *,
    council,
    return_definition,
    filename: str,
    data: bytes,
    actor,
    extracted: Extracted | None = None,
    analyse: bool = True,
    at: datetime.datetime | None = None,
    existing: str | None = None,
    seen: list[int] | None = None,
    kind: str | None = None,
) -> Document:
    """Import a plan document for a council and a return: text, passages and the stored file.

    The file is read in a limited child process unless `extracted` (from an earlier preview of the
    same bytes) is given. Importing the same file again for the same council returns the document
    already made. With `analyse`, the new document is analysed at once (a one-document run).

    Nothing is replaced without being asked: when the council already has a document for the return,
    `existing` must say REPLACE (the new one becomes current; the others stay in the corpus, marked
    replaced) or ADD (the new one is counted beside them), else ChoiceNeeded. With `seen` (the ids of
    the documents the person was shown), any other set of documents is refused (DocumentsChanged).
    The audit event names every document replaced or joined.

    The document's kind is read from its text (machine_kind); `kind`, when it differs, is the person's
    correction at the preview, recorded as theirs with its own audit event (before and after).
    """
    _kind_check(kind)
    if council is None:
        raise ImportRefused("There is no council with that ONS code.")
    if return_definition is None:
        raise ImportRefused("There is no return with that name.")
    digest = files.sha256_of(data)
    same_file = document_id_with_file(council=council, return_definition=return_definition, file_sha256=digest)
    if same_file is not None:
        return Document.objects.get(pk=same_file)
    if extracted is None:  # asked before the file is read (which takes a while), and again under the lock below
        _check_existing(council=council, return_definition=return_definition, existing=existing, seen=seen)
        extracted = read_document(filename=filename, data=data)
    found_kind, kind_reason = machine_kind(extracted)
    moment = at or timezone.now()
    name = f"{STORAGE_DIR}/{digest[:2]}/{digest}.{_extension(extracted.kind, filename)}"
    stored = None
    try:
        with transaction.atomic():
            # One import per council at a time: what the person chose about is what is there.
            lock_row(Council, council.pk)
            others = _check_existing(council=council, return_definition=return_definition, existing=existing, seen=seen)
            stored = files.store(name, data)  # named on the row it makes, rather than saved onto it after
            document = Document.objects.create(
                council=council,
                return_definition=return_definition,
                title=(extracted.title or filename)[:300],
                source=DocumentSource.IMPORTED,
                format=extracted.kind,
                original_filename=filename[:255],
                file_sha256=digest,
                file_size=len(data),
                page_count=extracted.page_count,
                imported_by=actor if getattr(actor, "pk", None) else None,
                imported_at=moment,
                kind=found_kind,
                kind_reason=kind_reason,
                file_name=stored.name,
            )
            insert_rows(
                Passage,
                [unsaved_row(Passage, document_id=document.pk, **row) for row in _passage_values(extracted.blocks)],
            )
            if others and existing == REPLACE:
                Document.objects.filter(pk__in=[d.pk for d in others]).update(is_current=False)
            record_event(
                action="PlanDocumentImported",
                actor=actor,
                subject=document,
                council_code=council.gss_code,
                content_hash=digest,
                data={
                    "filename": filename[:255],
                    "format": extracted.kind,
                    "page_count": extracted.page_count,
                    "passages": len(extracted.blocks),
                    "return": return_definition.slug,
                    "existing": existing if others else None,
                    "replaced": [describe_document(d) for d in others] if existing == REPLACE else [],
                    "added_beside": [describe_document(d) for d in others] if existing == ADD else [],
                    "kind": found_kind,
                },
            )
            if kind is not None and kind != found_kind:
                before = _describe_kind(document)
                who = (actor.get_full_name() or actor.username) if getattr(actor, "pk", None) else "a person"
                document.kind, document.kind_source = kind, TagSource.PERSON
                document.kind_reason = f"Corrected by {who} at the preview from “{DocumentKind(found_kind).label}”."
                document.kind_set_by = actor if getattr(actor, "pk", None) else None
                document.kind_set_at = moment
                document.save(update_fields=["kind", "kind_reason", "kind_source", "kind_set_by", "kind_set_at"])
                _record_kind_change(document=document, before=before, actor=actor, at_import=True)
    except Exception:
        if stored is not None and stored.written:  # the database said no: leave no orphaned file behind
            files.delete(stored.name)
        raise
    if analyse:
        from analysis.runs.services import analyse_now  # runs build on the corpus: imported where used

        analyse_now(documents=[document], actor=actor)
    return document


@dataclass(frozen=True)
class Reread:
    document: Document
    passages_before: int
    passages_after: int
    reviewed_passages_kept: int = 0


REVIEWED_TAG_MODELS = (PassageTheme, PassageBarrier, Figure)


def _words(text: str) -> str:
    return " ".join(text.split())


def _reviewed_passage_ids(document: Document) -> set[int]:
    """Passages of the document on which a person decided at least one tag."""
    ids: set[int] = set()
    for model in REVIEWED_TAG_MODELS:
        decided = model.objects.filter(document=document, source=TagSource.PERSON)
        ids.update(decided.values_list("passage_id", flat=True))
    return ids


def match_reviewed_passages(old: list[Passage], new: list[Passage], reviewed: set[int]) -> tuple[dict[int, int], int]:
    """Where each reviewed passage is in the new reading: {old passage id: index into `new`}, and how
    many reviewed passages read differently now and so have nowhere to go.

    A person's decision is about the words they read, so it follows the same words (white space
    aside), never a passage that merely sits in the same place. A paragraph printed twice is
    matched in order: the second old copy goes to the second new copy.
    """
    places: dict[str, list[int]] = {}
    for index, passage in enumerate(new):
        places.setdefault(_words(passage.text), []).append(index)
    seen: dict[str, int] = {}
    matched, unmatched = {}, 0
    for passage in old:
        words = _words(passage.text)
        occurrence = seen.get(words, 0)
        seen[words] = occurrence + 1
        if passage.pk not in reviewed:
            continue
        candidates = places.get(words, [])
        if occurrence < len(candidates):
            matched[passage.pk] = candidates[occurrence]
        else:
            unmatched += 1
    return matched, unmatched


def reread_document(*, document: Document, actor, analyse: bool = True) -> Reread:
    """Read an imported document's stored file again, with the reading rules as they are now, and
    replace its passages (and with them its machine tags), then analyse it again.

    A person's decisions move to the new passage with the same words. Refused, with nothing
    changed, for a plan written in the service (it has no file), for a document where a passage a
    person reviewed reads differently now (their decision would have no passage to belong to), and
    for a stored file whose bytes no longer match the hash taken at import.
    """
    if document.source != DocumentSource.IMPORTED or not document.file_name:
        raise ImportRefused("This plan was written in the service; it has no file to read again.")
    try:
        check = files.verify(document.file_name, document.file_sha256)
    except OSError as error:
        raise ImportRefused("The stored file could not be opened.") from error
    if check.content is None:
        raise ImportRefused("The stored file could not be opened.")
    if not check.intact:
        raise ImportRefused("The stored file has changed since it was imported; it was not read again.")
    extracted = read_document(filename=document.file_name, data=check.content)
    with transaction.atomic():
        locked = Document.objects.select_for_update().get(pk=document.pk)
        old = list(locked.passages.order_by("position"))
        new = _passages_from_blocks(locked, extracted.blocks)
        reviewed = _reviewed_passage_ids(locked)
        matched, unmatched = match_reviewed_passages(old, new, reviewed)
        if unmatched:
            raise ImportRefused(
                f"A person has reviewed tags on {unmatched} passage(s) that read differently now; "
                "reading it again would lose their decisions."
            )
        # Old passages step out of the way of the new ones' positions until they are deleted; the
        # step is larger than any position, so no row ever collides with another on the way.
        step = max([p.position for p in old] + [len(new)]) + 1
        locked.passages.update(position=F("position") + step)
        created = Passage.objects.bulk_create(new)
        for old_id, index in matched.items():
            for model in REVIEWED_TAG_MODELS:
                model.objects.filter(passage_id=old_id, source=TagSource.PERSON).update(passage=created[index])
        locked.passages.exclude(pk__in=[p.pk for p in created]).delete()  # their machine tags go with them
        locked.page_count = extracted.page_count
        if locked.kind_source == TagSource.MACHINE:  # a person's word on the kind stands
            locked.kind, locked.kind_reason = machine_kind(extracted)
        locked.save(update_fields=["page_count", "kind", "kind_reason"])
        record_event(
            action="PlanDocumentReread",
            actor=actor,
            subject=locked,
            council_code=locked.council.gss_code,
            content_hash=locked.file_sha256,
            data={
                "passages_before": len(old),
                "passages_after": len(created),
                "format": extracted.kind,
                "reviewed_passages_kept": len(matched),
            },
        )
    if analyse:
        from analysis.runs.services import analyse_now  # runs build on the corpus: imported where used

        analyse_now(documents=[locked], actor=actor)
    return Reread(locked, len(old), len(created), len(matched))


# --- Staged uploads (preview before confirming) -----------------------------------------------


@dataclass(frozen=True)
class StagedUpload:
    token: str
    council_code: str
    return_slug: str
    filename: str
    user_id: int
    extracted: Extracted
    file_sha256: str = ""
    kind: str = DocumentKind.PLAN  # what the text reads as (analysis/reading/document_kind.py)
    kind_reason: str = ""

    @property
    def kind_label(self) -> str:
        return DocumentKind(self.kind).label


def _staged_names(token: str) -> tuple[str, str]:
    safe = "".join(ch for ch in token if ch.isalnum())[:64]
    return f"{STAGING_DIR}/{safe}.bin", f"{STAGING_DIR}/{safe}.json"


STAGING_HOURS = 24


def discard_stale_staging(*, now: datetime.datetime | None = None) -> int:
    """Remove staged uploads nobody confirmed or cancelled within a day. Returns how many files went."""
    cutoff = (now or timezone.now()) - datetime.timedelta(hours=STAGING_HOURS)
    removed = 0
    for name in files.names_in(STAGING_DIR):
        path = f"{STAGING_DIR}/{name}"
        if files.modified_at(path) < cutoff:
            files.delete(path)
            removed += 1
    return removed


def stage_upload(*, council, return_definition, filename: str, data: bytes, actor) -> StagedUpload:
    """Read an upload (refusing bad files) and keep it aside until the person confirms it.

    Nothing is added to the corpus here; a staged file is removed on confirm or cancel.
    """
    if council is None:
        raise ImportRefused("There is no council with that ONS code.", field="council")
    extracted = read_document(filename=filename, data=data)
    kind, kind_reason = machine_kind(extracted)
    discard_stale_staging()
    token = hashlib.sha256(data + timezone.now().isoformat().encode() + str(actor.pk).encode()).hexdigest()[:32]
    data_name, meta_name = _staged_names(token)
    meta = {
        "council_code": council.gss_code,
        "return_slug": return_definition.slug,
        "filename": filename[:255],
        "user_id": actor.pk,
        "extracted": extracted.as_dict(),
        "kind": kind,
        "kind_reason": kind_reason,
    }
    stored = files.store(data_name, data)
    files.store(meta_name, json.dumps(meta).encode("utf-8"))
    return StagedUpload(
        token, council.gss_code, return_definition.slug, filename, actor.pk, extracted, stored.sha256, kind, kind_reason
    )


def staged_upload(*, token: str, actor) -> tuple[StagedUpload, bytes] | None:
    """The upload staged under `token` by this person, or None."""
    data_name, meta_name = _staged_names(token)
    raw_meta = files.read(meta_name) if token else None
    if raw_meta is None:
        return None
    meta = json.loads(raw_meta)
    if meta["user_id"] != actor.pk:
        return None
    data = files.read(data_name)
    if data is None:
        return None
    raw = meta["extracted"]
    extracted = Extracted(raw["kind"], raw["page_count"], raw["title"], [Block(**b) for b in raw["blocks"]])
    kind, kind_reason = (meta["kind"], meta["kind_reason"]) if "kind" in meta else machine_kind(extracted)
    staged = StagedUpload(
        token,
        meta["council_code"],
        meta["return_slug"],
        meta["filename"],
        meta["user_id"],
        extracted,
        files.sha256_of(data),
        kind,
        kind_reason,
    )
    return staged, data


def discard_staged_upload(*, token: str) -> None:
    for name in _staged_names(token):
        files.delete(name)


@dataclass(frozen=True)
class WaitingUpload:
    """An upload someone staged and has neither confirmed nor cancelled."""

    token: str
    council_code: str
    return_slug: str
    filename: str
    staged_at: datetime.datetime


def uploads_waiting_for(*, actor, now: datetime.datetime | None = None) -> list[WaitingUpload]:
    """The uploads this person staged within the last day and has not confirmed or cancelled, oldest first."""
    cutoff = (now or timezone.now()) - datetime.timedelta(hours=STAGING_HOURS)
    waiting = []
    for name in files.names_in(STAGING_DIR):
        if not name.endswith(".json"):
            continue
        path = f"{STAGING_DIR}/{name}"
        staged_at = files.modified_at(path)
        if staged_at < cutoff:
            continue  # stale: removed at the next upload
        content = files.read(path)
        if content is None:
            continue  # removed since the folder was listed
        meta = json.loads(content)
        if meta["user_id"] == actor.pk:
            token = name.removesuffix(".json")
            waiting.append(WaitingUpload(token, meta["council_code"], meta["return_slug"], meta["filename"], staged_at))
    return sorted(waiting, key=lambda upload: (upload.staged_at, upload.token))


def confirm_staged_upload(
    *, token: str, actor, existing: str | None = None, seen: list[int] | None = None, kind: str | None = None
) -> Document:
    """Import a staged upload, then remove it from staging. `existing`, `seen` and `kind` are as for
    import_document: the person's choice about the council's documents already there, which documents they
    saw, and the kind of document they say it is."""
    from councils.selectors import council_by_code
    from plans.selectors import return_by_slug

    found = staged_upload(token=token, actor=actor)
    if found is None:
        raise ImportRefused("That upload is no longer waiting to be confirmed. Upload the file again.")
    staged, data = found
    document = import_document(
        council=council_by_code(staged.council_code),
        return_definition=return_by_slug(staged.return_slug),
        filename=staged.filename,
        data=data,
        actor=actor,
        extracted=staged.extracted,
        existing=existing,
        seen=seen,
        kind=kind,
    )
    discard_staged_upload(token=token)
    return document


# --- Plans written in the service ------------------------------------------------------------


def _money(value) -> str:
    amount = Decimal(value)
    return f"£{amount:,.0f}" if amount == amount.to_integral() else f"£{amount:,.2f}"


def version_blocks(content: dict) -> list[Block]:
    """A plan version's content as passages: introduction, each theme's section (its own headings,
    paragraphs and tables), the spend figures, barriers with their asks, and commitments."""
    blocks: list[Block] = []
    if content.get("introduction", "").strip():
        blocks.append(Block("heading", "Introduction", None))
        blocks += split_plain_text(content["introduction"])
    for section in content.get("sections", []):
        blocks.append(Block("heading", f"Theme {section['theme']}: {section['title']}", None))
        blocks += split_plain_text(section["body"])
    evidence = content.get("spend_evidence")
    if evidence:
        blocks.append(Block("heading", "Spend on agency staff and consultants", None))
        blocks.append(
            Block(
                "paragraph",
                f"In {evidence['year']} the council spent {_money(evidence['agency_spend'])} on agency staff and "
                f"{_money(evidence['consultant_spend'])} on consultants, against a staff budget of "
                f"{_money(evidence['staff_budget'])}.",
                None,
            )
        )
        if evidence.get("edi_statement"):
            blocks.append(Block("paragraph", evidence["edi_statement"], None))
    if content.get("barriers"):
        blocks.append(Block("heading", "Barriers the government could help to remove", None))
        for barrier in content["barriers"]:
            text = f"{barrier['category_label']}: {barrier['description']} We ask the government to: {barrier['ask']}"
            blocks.append(Block("paragraph", text, None))
    if content.get("commitments"):
        rows = ["Action | Measure | Baseline | Target | Due"]
        rows += [
            f"{c['action']} | {c['measure']} | {c['baseline']} | {c['target']} | {c['due_on']}"
            for c in content["commitments"]
        ]
        blocks.append(Block("heading", "Commitments", None))
        blocks.append(Block("table", "\n".join(rows), None))
    return [block for block in blocks if block.text.strip()]


def _version_takes_over(document: Document) -> list[Document]:
    """A plan the council submitted or published through the service is its plan for the return: it replaces
    the council's current documents, unless one of them is newer (then it joins the corpus as an earlier
    plan, not counted). Returns the documents it replaced."""
    others = [
        d
        for d in current_documents(council=document.council, return_definition=document.return_definition)
        if d.pk != document.pk
    ]
    if any(d.imported_at > document.imported_at for d in others):
        Document.objects.filter(pk=document.pk).update(is_current=False)
        document.is_current = False
        return []
    Document.objects.filter(pk__in=[d.pk for d in others]).update(is_current=False)
    return others


def add_service_version(*, version: PlanVersion, actor=None) -> Document:
    """A submitted or published plan version as a corpus document (once; later calls return it)."""
    existing = Document.objects.filter(plan_version=version).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        document = Document.objects.create(
            council=version.council,
            return_definition=version.return_definition,
            title=f"{version.return_definition.title}, version {version.number}",
            source=DocumentSource.SERVICE,
            format=DocumentFormat.SERVICE,
            file_sha256=version.content_hash,
            plan_version=version,
            imported_by=None,
            imported_at=version.frozen_at,
            kind=DocumentKind.PLAN,
            kind_reason="Written in the service as the council's plan for the return.",
        )
        Passage.objects.bulk_create(_passages_from_blocks(document, version_blocks(version.content)))
        replaced = _version_takes_over(document)
        record_event(
            action="PlanVersionAddedToCorpus",
            actor=actor,
            subject=document,
            council_code=version.council.gss_code,
            content_hash=version.content_hash,
            data={
                "version": version.number,
                "return": version.return_definition.slug,
                "replaced": [describe_document(d) for d in replaced],
            },
        )
    return document


def sync_service_versions(*, actor=None) -> int:
    """Bring every submitted or published plan version not yet in the corpus into it.

    Called at the start of each analysis run (the run-time sync), so plans written in the
    service join the corpus without anyone importing them. Returns how many were added.
    """
    versions = (
        PlanVersion.objects.filter(Q(submission__isnull=False) | Q(publication__isnull=False))
        .filter(corpus_document__isnull=True)
        .select_related("council", "return_definition")
        .order_by("frozen_at", "pk")
    )
    added = 0
    for version in versions:
        add_service_version(version=version, actor=actor)
        added += 1
    return added
