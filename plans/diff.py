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

    @property
    def words_before(self) -> int:
        return sum(len(text.split()) for kind, text in self.parts if kind != "added")

    @property
    def display_parts(self) -> list[tuple[str, str, str]]:
        """(kind, text, gap): `gap` is the space a reader needs between a removed run and the added run
        beside it, which the text itself does not hold ("brown" then "slow" must not read "brownslow")."""
        shown, previous = [], None
        for kind, text in self.parts:
            joins_change = previous is not None and previous[0] != "same" and kind != "same"
            gap = " " if joins_change and not previous[1][-1:].isspace() and not text[:1].isspace() else ""
            shown.append((kind, text, gap))
            previous = (kind, text)
        return shown


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
    return _group_changes([part for part in parts if part[1]])


def _group_changes(parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Read a run of changed words as one removal then one addition, not word-by-word alternation.

    A space left unchanged between two changes joins the run on both sides."""
    grouped: list[tuple[str, str]] = []
    removed = added = ""
    pending_space = ""

    def flush():
        nonlocal removed, added
        if removed:
            grouped.append(("removed", removed))
        if added:
            grouped.append(("added", added))
        removed = added = ""

    for kind, text in parts:
        if kind == "same" and not text.strip() and (removed or added):
            pending_space += text
            continue
        if kind == "same":
            flush()
            grouped.append(("same", pending_space + text))
            pending_space = ""
            continue
        if pending_space:
            removed, added = (
                (removed + pending_space if removed else removed),
                (added + pending_space if added else added),
            )
            pending_space = ""
        if kind == "removed":
            removed += text
        else:
            added += text
    flush()
    if pending_space:
        grouped.append(("same", pending_space))
    return grouped


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
        (
            "Spend on agency staff and consultants",
            _evidence_text(old.get("spend_evidence")),
            _evidence_text(new.get("spend_evidence")),
        ),
        ("Barriers", _barriers_text(old.get("barriers")), _barriers_text(new.get("barriers"))),
        ("Commitments", _commitments_text(old.get("commitments")), _commitments_text(new.get("commitments"))),
    ]
    return [SectionDiff(title=title, parts=diff_text(a, b)) for title, a, b in pairs if a or b]


@dataclass(frozen=True)
class ChangeScale:
    """How much of a plan a change touches: for judging whether an amendment is minor."""

    words_changed: int  # words added plus words removed
    words_before: int  # words in the earlier text
    parts_touched: list[str]

    @property
    def share_percent(self) -> float:
        """Words changed as a share of the earlier text's words, to one decimal place."""
        return round(100 * self.words_changed / max(self.words_before, 1), 1)


def change_scale(old: dict, new: dict) -> ChangeScale:
    parts = compare_contents(old, new)
    return ChangeScale(
        words_changed=sum(p.words_added + p.words_removed for p in parts),
        words_before=sum(p.words_before for p in parts),
        parts_touched=[p.title for p in parts if p.changed],
    )
