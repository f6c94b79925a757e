"""Labelled passages in the project's plain-text format (training examples and the evaluation set).

A file holds passages, each opened by a header line:

    === themes: 3, 4 | barriers: workforce | heading: Reducing wasteful spend | style: district, plain
    The passage text, on one or more lines. [[The sentence asking government to act.]]

- `themes`: the return's theme numbers the passage speaks to, or `none`.
- `barriers`: barrier category ids from plans/data/barrier_taxonomy.csv, or empty.
- The text keeps its line breaks (bullets and table rows are lines), so write a paragraph on one line.
- `heading`: the heading the passage sits under in its plan; leave it out for prose without one.
- `style`: free words on the kind of council and writing, for the reader only.
- `[[...]]` marks an ask of government; it belongs to every barrier of the passage, unless it is
  written `[[id-one,id-two> ...]]`, when it belongs to those barriers only. The brackets are not part
  of the text. Lines starting with `#` outside a passage are comments.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from .types import BarrierLabel, PassageInput, PassageLabels

_ASK = re.compile(r"\[\[(?:([a-z\-,\s]+)>\s*)?(.+?)\]\]", re.DOTALL)


@dataclass(frozen=True)
class LabelledPassage:
    passage: PassageInput
    labels: PassageLabels
    style: str
    line: int


class CorpusError(ValueError):
    pass


def _header(line: str, where: str) -> dict[str, str]:
    fields = {}
    for part in line[3:].split("|"):
        if not part.strip():
            continue
        key, sep, value = part.partition(":")
        if not sep:
            raise CorpusError(f"{where}: header part {part.strip()!r} has no ':'")
        fields[key.strip()] = value.strip()
    return fields


def parse(text: str, *, source: str = "<text>", known_barriers: set[str] | None = None) -> list[LabelledPassage]:
    passages: list[LabelledPassage] = []
    header: dict[str, str] | None = None
    start = 0
    body: list[str] = []

    def flush() -> None:
        if header is None:
            return
        where = f"{source}:{start}"
        raw = "\n".join(line.strip() for line in body if line.strip())
        if not raw:
            raise CorpusError(f"{where}: passage has no text")
        themes_field = header.get("themes", "")
        if themes_field in ("", "none"):
            themes = frozenset()
        else:
            themes = frozenset(int(t) for t in themes_field.split(","))
            if not themes <= {1, 2, 3, 4}:
                raise CorpusError(f"{where}: themes must be 1 to 4")
        categories = [b.strip() for b in header.get("barriers", "").split(",") if b.strip()]
        if known_barriers is not None and set(categories) - known_barriers:
            raise CorpusError(f"{where}: unknown barrier {sorted(set(categories) - known_barriers)}")
        asks: dict[str, str] = {}
        general: str | None = None
        for match in _ASK.finditer(raw):
            ask_text = match.group(2).strip()
            if match.group(1):
                for category in (c.strip() for c in match.group(1).split(",")):
                    if category not in categories:
                        raise CorpusError(f"{where}: ask for {category!r}, which is not among the barriers")
                    asks.setdefault(category, ask_text)
            elif general is None:
                general = ask_text
        text = _ASK.sub(lambda m: m.group(2).strip(), raw)
        barriers = tuple(BarrierLabel(category=c, ask=asks.get(c, general)) for c in sorted(set(categories)))
        passages.append(
            LabelledPassage(
                passage=PassageInput(text=text, heading=header.get("heading") or None),
                labels=PassageLabels(themes=themes, barriers=barriers),
                style=header.get("style", ""),
                line=start,
            )
        )

    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("==="):
            flush()
            header, start, body = _header(line, f"{source}:{number}"), number, []
        elif header is None:
            if line.strip() and not line.startswith("#"):
                raise CorpusError(f"{source}:{number}: text before the first '===' header")
        else:
            body.append(line)
    flush()
    return passages


def load(path: Path | str, *, known_barriers: set[str] | None = None) -> list[LabelledPassage]:
    path = Path(path)
    return parse(path.read_text(encoding="utf-8"), source=path.name, known_barriers=known_barriers)


def load_dir(folder: Path | str, *, known_barriers: set[str] | None = None) -> list[LabelledPassage]:
    """Every `*.txt` file of a folder, in name order."""
    out: list[LabelledPassage] = []
    for path in sorted(Path(folder).glob("*.txt")):
        out.extend(load(path, known_barriers=known_barriers))
    return out


def format_passage(passage: PassageInput, labels: PassageLabels, *, style: str = "") -> str:
    """One labelled passage in the format `parse` reads, so that `parse(format_passage(...))` gives it back.

    Each barrier's ask is marked where it stands in the text (`[[category> ...]]`, or `[[...]]` when every
    barrier shares it); an ask that is not in the text as written is left out. Raises CorpusError for a text
    the format cannot hold (a line starting with '===', or brackets of its own)."""
    lines = [line.strip() for line in passage.text.splitlines() if line.strip()]
    if not lines:
        raise CorpusError("passage has no text")
    if any(line.startswith("===") for line in lines) or "[[" in passage.text or "]]" in passage.text:
        raise CorpusError("passage text holds the format's own markers")
    text = "\n".join(lines)
    by_ask: dict[str, list[str]] = {}
    for barrier in labels.barriers:
        ask = " ".join((barrier.ask or "").split())
        if ask and ask in text:
            by_ask.setdefault(ask, []).append(barrier.category)
    taken: list[tuple[int, int]] = []
    marks: list[tuple[int, int, str]] = []
    for ask, owners in sorted(by_ask.items(), key=lambda item: text.find(item[0])):
        start = text.find(ask)
        end = start + len(ask)
        if any(start < b and a < end for a, b in taken):
            continue  # overlaps an ask already marked
        taken.append((start, end))
        every = len(owners) == len(labels.barriers)
        prefix = "" if every else f"{','.join(sorted(owners))}> "
        marks.append((start, end, prefix))
    for start, end, prefix in sorted(marks, reverse=True):
        text = f"{text[:start]}[[{prefix}{text[start:end]}]]{text[end:]}"
    themes = ", ".join(str(n) for n in sorted(labels.themes)) or "none"
    header = [f"themes: {themes}"]
    if labels.barriers:
        header.append(f"barriers: {', '.join(sorted(b.category for b in labels.barriers))}")
    heading = " ".join((passage.heading or "").replace("|", "/").split())
    if heading:
        header.append(f"heading: {heading}")
    if style:
        header.append(f"style: {' '.join(style.replace('|', '/').split())}")
    return f"=== {' | '.join(header)}\n{text}\n"
