"""The state of an assurance checklist line: pure rules, no database.

A sign-off counts only while the report and plan version still have the hashes it was made
against, and only if the person who made it is still the person named on the line. Consultee
lines record that someone was informed on a date; they are not bound to the text.
"""

from dataclasses import dataclass

WAITING = "waiting"
UNASSIGNED = "unassigned"
DONE = "done"
NOT_APPLICABLE = "not_applicable"
INFORMED = "informed"
VOIDED = "voided"

SATISFIED = {DONE, NOT_APPLICABLE, INFORMED}

LABELS = {
    WAITING: "Waiting",
    UNASSIGNED: "No one named",
    DONE: "Signed off",
    NOT_APPLICABLE: "Not applicable",
    INFORMED: "Informed",
    VOIDED: "Void: report changed",
}


@dataclass(frozen=True)
class EntryFacts:
    status: str  # completed | not_applicable | informed
    made_by_id: int
    report_hash: str


def line_state(*, kind: str, person_id: int | None, entry: EntryFacts | None, report_hash: str) -> str:
    """One of WAITING, UNASSIGNED, DONE, NOT_APPLICABLE, INFORMED or VOIDED."""
    if kind == "consultee":
        if entry is None:
            return WAITING
        return NOT_APPLICABLE if entry.status == "not_applicable" else INFORMED
    if person_id is None:
        return UNASSIGNED
    if entry is None or entry.made_by_id != person_id:
        return WAITING
    if entry.report_hash != report_hash:
        return VOIDED
    return NOT_APPLICABLE if entry.status == "not_applicable" else DONE


def is_satisfied(state: str) -> bool:
    return state in SATISFIED
