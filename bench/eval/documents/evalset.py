"""Load the evaluation documents: their labels, their split, their text, and the file each becomes.

Used by tests/unit/test_eval_documents.py and bench/bench_documents.py. A document's source is
`files/NAME.html` or `files/NAME.txt` (imported as it is), `files/NAME.pdf.html` (printed to a PDF
with WeasyPrint when the bench runs) or `files/NAME.docx.json` (built as a Word file with
python-docx when the bench runs); its labels are `files/NAME.labels.json`. Web pages and text are UTF-8,
except a few dev documents saved as people save them: a page from Word in Windows-1252 (its <meta> says so) and
text in UTF-16 with a byte order mark.
"""

import codecs
import html
import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"
SPLIT_FILE = HERE / "SPLIT.toml"
KINDS = ("plan", "report", "publication", "other_regime", "unrelated")
COUNCIL_TYPES = (
    "county",
    "district",
    "unitary",
    "metropolitan_district",
    "london_borough",
    "city_of_london",
    "isles_of_scilly",
)
SOURCE_SUFFIXES = (".pdf.html", ".docx.json", ".html", ".txt")
TAG = re.compile(r"<[^>]+>")
CHARSET = re.compile(rb"""<meta[^>]*\bcharset\s*=\s*["']?([\w-]+)""", re.I)
# UTF-32's little-endian mark begins with UTF-16's, so the longer marks first.
MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class EvalDocument:
    name: str
    source: Path
    labels: dict

    @property
    def kind(self) -> str:
        return self.labels["kind"]

    @property
    def form(self) -> str:
        return self.labels["form"]

    @property
    def filename(self) -> str:
        """The name the document is imported under."""
        return self.name + {"pdf": ".pdf", "docx": ".docx", "html": ".html", "text": ".txt"}[self.form]


def normalise(text: str) -> str:
    """Whitespace as one space, so a label's words match wherever lines were wrapped."""
    return " ".join(text.split())


def read_source(path: Path) -> str:
    """A source file's text: UTF-16 or UTF-32 where it starts with that byte order mark, the encoding a web
    page's <meta> declares, else UTF-8. (The file itself is what is imported: see file_bytes.)"""
    data = path.read_bytes()
    for mark, encoding in MARKS:
        if data.startswith(mark):
            return data.decode(encoding)
    declared = CHARSET.search(data[:4096]) if path.name.endswith(".html") else None
    return data.decode(declared.group(1).decode("ascii") if declared else "utf-8")


def source_text(path: Path) -> str:
    """The words a reader of the document sees, from its source."""
    raw = read_source(path)
    if path.name.endswith(".docx.json"):
        parts = []
        for style, value in json.loads(raw):
            if style == "table":
                parts += [" | ".join(row) for row in value]
            else:
                parts.append(value)
        return "\n".join(parts)
    if path.name.endswith(".html"):
        body = re.sub(r"(?is)<(head|style|script)\b.*?</\1>", " ", raw)
        return html.unescape(TAG.sub(" ", body))
    return raw


SPLITS = ("train", "dev", "heldout")


def split_names() -> dict[str, list[str]]:
    """The documents of each split: `train` (tune on it and train from it), `dev` (tune on it: its
    passages come from a pool of their own, pools/dev.py) and `heldout` (measure only)."""
    data = tomllib.loads(SPLIT_FILE.read_text(encoding="utf-8"))
    return {split: data.get(split, []) for split in SPLITS}


def documents(split: str | None = None) -> list[EvalDocument]:
    names = (
        split_names()[split] if split else sorted(p.name[: -len(".labels.json")] for p in FILES.glob("*.labels.json"))
    )
    out = []
    for name in names:
        labels = json.loads((FILES / f"{name}.labels.json").read_text(encoding="utf-8"))
        out.append(EvalDocument(name, FILES / labels["source"], labels))
    return out


def file_bytes(document: EvalDocument) -> bytes:
    """The file the department would receive: the source as it is (a web page or text in whatever encoding it
    was saved in, byte order mark and line ends included), or printed to PDF, or built as Word."""
    if document.form == "pdf":
        from core.pdf import render_pdf

        return render_pdf(read_source(document.source)).pdf
    if document.form == "docx":
        return _docx(json.loads(read_source(document.source)))
    return document.source.read_bytes()


def _docx(spec: list) -> bytes:
    import io

    import docx

    built = docx.Document()
    for style, value in spec:
        if style == "table":
            table = built.add_table(rows=len(value), cols=len(value[0]))
            table.style = "Table Grid"
            for row, cells in zip(table.rows, value, strict=True):
                for cell, text in zip(row.cells, cells, strict=True):
                    cell.text = text
        elif style == "Title":
            built.add_paragraph(value, style="Title")
            built.core_properties.title = value
        else:
            built.add_paragraph(value, style=style)
    out = io.BytesIO()
    built.save(out)
    return out.getvalue()
