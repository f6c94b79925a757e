"""Files uploaded to a council's draft (a Word or OpenDocument draft, a spend CSV), read in the limited child process.

No upload is parsed in the web process (decision 0025): `read_docx_upload` and `read_spend_upload` send the
bytes to `core.sandbox`'s child, which runs `parse_docx` or `parse_spend_csv` there under its memory, CPU and
wall-clock limits, and turn the answer back into an `ImportedDraft` or a `SpendFile`. A file the child cannot
read (a zip bomb, a parse that runs away) is refused with the reason, like any damaged file. The parsing
rules themselves stay in `plans.docx_import` and `plans.spend_csv`, pure functions with their own tests.
No Django here: this module is imported by the child.
"""

from decimal import Decimal

from core import sandbox
from plans.docx_import import MAX_DOCX_BYTES, DocxImportError, ImportedDraft, read_draft
from plans.spend_csv import MAX_CSV_BYTES, SpendCsvError, SpendFile, read_spend_csv

DOCX = sandbox.register("plans.docx", "plans.uploads:parse_docx")
SPEND_CSV = sandbox.register("plans.spend_csv", "plans.uploads:parse_spend_csv")


# --- In the child -------------------------------------------------------------------------------------


def parse_docx(data: bytes, *, theme_titles: dict[str, str]) -> dict:
    try:
        draft = read_draft(data, theme_titles={int(number): title for number, title in theme_titles.items()})
    except DocxImportError as refusal:
        return {"ok": False, "message": str(refusal)}
    return {
        "ok": True,
        "introduction": draft.introduction,
        "bodies": {str(number): text for number, text in draft.bodies.items()},
        "unmatched": draft.unmatched_headings,
    }


def parse_spend_csv(data: bytes) -> dict:
    try:
        spend = read_spend_csv(data)
    except SpendCsvError as refusal:
        return {"ok": False, "errors": refusal.errors}
    return {
        "ok": True,
        "rows": spend.rows,
        "totals": {name: str(total) for name, total in spend.totals_by_type.items()},
    }


# --- In the web process -------------------------------------------------------------------------------


def read_docx_upload(data: bytes, *, theme_titles: dict[int, str]) -> ImportedDraft:
    """A Word or OpenDocument draft's text sorted into sections, read in the limited child; DocxImportError says why
    not."""
    if len(data) > MAX_DOCX_BYTES:
        raise DocxImportError(f"The file must be smaller than {MAX_DOCX_BYTES // (1024 * 1024)} MB")
    try:
        answer = sandbox.run_in_child(
            DOCX, data, theme_titles={str(number): title for number, title in theme_titles.items()}
        )
    except sandbox.ChildRefused as refusal:
        raise DocxImportError(str(refusal)) from refusal
    if not answer["ok"]:
        raise DocxImportError(answer["message"])
    return ImportedDraft(
        introduction=answer["introduction"],
        bodies={int(number): text for number, text in answer["bodies"].items()},
        unmatched_headings=answer["unmatched"],
    )


def read_spend_upload(data: bytes) -> SpendFile:
    """A spend file's totals by expense type, read in the limited child; SpendCsvError lists every bad row."""
    if len(data) > MAX_CSV_BYTES:
        raise SpendCsvError([f"The file must be smaller than {MAX_CSV_BYTES // (1024 * 1024)} MB"])
    try:
        answer = sandbox.run_in_child(SPEND_CSV, data)
    except sandbox.ChildRefused as refusal:
        raise SpendCsvError([str(refusal)]) from refusal
    if not answer["ok"]:
        raise SpendCsvError(answer["errors"])
    return SpendFile(rows=answer["rows"], totals_by_type={name: Decimal(t) for name, t in answer["totals"].items()})
