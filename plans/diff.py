"""Word-level differences between two plan versions, for people to read (not only to see in colour)."""

import difflib
import re
from dataclasses import dataclass, field

TOKEN = re.compile(r"\s+|[^\s]+")


@dataclass
class SectionDiff:
    title: str
    parts: list[tuple[str, str]] = field(default_factory=list)  # ("same" | "added" | "removed", text)

    @property
    def changed(self) -> bool:
        return any(kind != "same" for kind, _ in self.parts)

    @property
    def words_added(self) -> int:
        return sum(len(text.split()) for kind, text in self.parts if kind == "added")

    @property
    def words_removed(self) -> int:
        return sum(len(text.split()) for kind, text in self.parts if kind == "removed")


def diff_text(old: str, new: str) -> list[tuple[str, str]]:
    """Split both texts into words and spaces and mark what was added and removed."""
    before, after = TOKEN.findall(old or ""), TOKEN.findall(new or "")
    parts: list[tuple[str, str]] = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(("same", "".join(before[a1:a2])))
            continue
        if op in ("delete", "replace"):
            parts.append(("removed", "".join(before[a1:a2])))
        if op in ("insert", "replace"):
            parts.append(("added", "".join(after[b1:b2])))
    return [part for part in parts if part[1]]


def _evidence_text(evidence: dict | None) -> str:
    if not evidence:
        return ""
    return (
        f"Year {evidence['year']}. Staff budget £{evidence['staff_budget']}. "
        f"Agency £{evidence['agency_spend']} ({evidence['agency_share_percent']}%). "
        f"Consultants £{evidence['consultant_spend']} ({evidence['consultant_share_percent']}%). "
        f"{evidence.get('edi_statement', '')}"
    )


def _barriers_text(barriers: list[dict]) -> str:
    return "\n".join(f"{b['category_label']}: {b['description']} Ask: {b['ask']}" for b in barriers or [])


def _commitments_text(commitments: list[dict]) -> str:
    return "\n".join(
        f"{c['action']} ({c['owner']}, by {c['due_on']}; {c['measure']}: {c['baseline'] or 'no baseline'} to "
        f"{c['target']})"
        for c in commitments or []
    )


def compare_contents(old: dict, new: dict) -> list[SectionDiff]:
    """One SectionDiff per part of the plan, in the plan's order."""
    pairs = [("Introduction", old.get("introduction", ""), new.get("introduction", ""))]
    old_sections = {s["theme"]: s for s in old.get("sections", [])}
    for section in new.get("sections", []):
        previous = old_sections.get(section["theme"], {})
        pairs.append((f"Theme {section['theme']}: {section['title']}", previous.get("body", ""), section["body"]))
    pairs += [
        ("Spend on agency staff and consultants", _evidence_text(old.get("spend_evidence")),
         _evidence_text(new.get("spend_evidence"))),
        ("Barriers", _barriers_text(old.get("barriers")), _barriers_text(new.get("barriers"))),
        ("Commitments", _commitments_text(old.get("commitments")), _commitments_text(new.get("commitments"))),
    ]
    return [SectionDiff(title=title, parts=diff_text(a, b)) for title, a, b in pairs if a or b]
