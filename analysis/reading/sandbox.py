"""Reading plan documents (PDF, Word, web pages, text) in the limited child process of `core.sandbox`.

The limits, the child and its protocol are `core.sandbox`'s, shared by every upload in the service
(decision 0025); this module names the analysis parser (`analysis.reading.extract_child.parse`) and keeps the
analysis's own refusals: the kind from the file's name, the size, and the reasons in the corpus's words.
`extract_in_child` reads one file in a child of its own; the bulk import's `Reader` keeps one child per
thread for many files. Whatever happens in the child, the caller gets an `Extracted` or an
`ExtractionRefused` with a message a person can act on.
"""

from pathlib import Path

from analysis.reading.extract import KINDS, Block, Extracted, ExtractionRefused
from core import sandbox

MAX_FILE_BYTES = 20 * 1024 * 1024
MEMORY_LIMIT_BYTES = sandbox.MEMORY_LIMIT_BYTES
CPU_LIMIT_SECONDS = sandbox.CPU_LIMIT_SECONDS
WALL_CLOCK_SECONDS = sandbox.WALL_CLOCK_SECONDS
PARSER = sandbox.register("analysis.document", "analysis.reading.extract_child:parse")
WARM_READERS = "analysis.reading.extract_child:warm_up_readers"
WARM_CLASSIFIER = "analysis.reading.extract_child:warm_up_classifier"

EXTENSIONS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".odt": "odt",  # OpenDocument text, as LibreOffice saves it
    ".html": "html",
    ".htm": "html",
    ".mhtml": "html",  # a web archive: the page is read from inside it (extract.page_in_web_archive)
    ".mht": "html",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
}

TOO_BIG = (
    "The file could not be read within the memory allowed for a plan document. It may be built to "
    "expand when opened (a decompression bomb), or be far larger than a plan. Nothing was imported."
)
TOO_SLOW = "The file took too long to read, far longer than any plan document. Nothing was imported."


def kind_for_filename(filename: str) -> str:
    kind = EXTENSIONS.get(Path(filename or "").suffix.lower())
    if kind is None:
        raise ExtractionRefused(
            "The file must be a PDF (.pdf), Word document (.docx), OpenDocument text (.odt), web page (.html or "
            ".mhtml) or plain text (.txt)."
        )
    return kind


def check_size(size: int) -> None:
    if size == 0:
        raise ExtractionRefused("The file is empty.")
    if size > MAX_FILE_BYTES:
        raise ExtractionRefused(
            f"The file is {size / (1024 * 1024):.1f} MB; "
            f"files must be smaller than {MAX_FILE_BYTES // (1024 * 1024)} MB."
        )


def _extracted(result: dict) -> Extracted:
    if not result.get("ok"):
        raise ExtractionRefused(result.get("message") or "The file could not be read.")
    return Extracted(
        kind=result["kind"],
        page_count=result["page_count"],
        title=result["title"],
        blocks=[Block(**block) for block in result["blocks"]],
        labels=result.get("labels"),
    )


def _refused(refusal: sandbox.ChildRefused) -> ExtractionRefused:
    if refusal.reason == "time":
        return ExtractionRefused(TOO_SLOW)
    if refusal.reason == "memory":
        return ExtractionRefused(TOO_BIG)
    return ExtractionRefused("The file could not be read.")


def extract_in_child(
    kind: str,
    data: bytes,
    *,
    memory_bytes: int = MEMORY_LIMIT_BYTES,
    cpu_seconds: int = CPU_LIMIT_SECONDS,
    timeout: float = WALL_CLOCK_SECONDS,
) -> Extracted:
    """Extract `data` as `kind` in a limited child process; raise ExtractionRefused on any failure."""
    if kind not in KINDS:
        raise ExtractionRefused("Unknown kind of file.")
    check_size(len(data))
    try:
        result = sandbox.run_in_child(
            PARSER, data, memory_bytes=memory_bytes, cpu_seconds=cpu_seconds, timeout=timeout, kind=kind
        )
    except sandbox.ChildRefused as refusal:
        raise _refused(refusal) from refusal
    return _extracted(result)


def extract_file(filename: str, data: bytes, **limits) -> Extracted:
    """The kind from the file's name, the size checked, then the limited parse."""
    kind = kind_for_filename(filename)
    check_size(len(data))
    return extract_in_child(kind, data, **limits)


class Reader(sandbox.Reader):
    """A child that reads many plan documents one after another, for bulk imports: the same limits and refusals
    as `extract_in_child`, without starting a new interpreter for every file (`core.sandbox.Reader`).

    Starting a child costs about 0.4 CPU seconds with the classifier (importing the parsers and NumPy, reading
    the model's cache), so a child reads many files; `start` begins that work before the first file arrives.
    Reading the 317 bench plans, a child stays near 150 MB. Use one Reader per thread.
    """

    def __init__(
        self,
        *,
        memory_bytes: int = MEMORY_LIMIT_BYTES,
        cpu_seconds: int = CPU_LIMIT_SECONDS,
        timeout: float = WALL_CLOCK_SECONDS,
        files_per_child: int = 1000,
        classify: bool = False,
    ):
        super().__init__(
            [PARSER],
            warm=[WARM_READERS, *([WARM_CLASSIFIER] if classify else [])],
            memory_bytes=memory_bytes,
            cpu_seconds=cpu_seconds,
            timeout=timeout,
            files_per_child=files_per_child,
        )
        self.classify = classify  # also run the (pure) passage classifier in the child, in parallel

    def extract(self, kind: str, data: bytes) -> Extracted:
        if kind not in KINDS:
            raise ExtractionRefused("Unknown kind of file.")
        check_size(len(data))
        try:
            result = self.run(PARSER, data, kind=kind, classify=self.classify)
        except sandbox.ChildRefused as refusal:
            raise _refused(refusal) from refusal
        return _extracted(result)

    def extract_file(self, filename: str, data: bytes) -> Extracted:
        kind = kind_for_filename(filename)
        check_size(len(data))
        return self.extract(kind, data)


def start_readers(count: int, *, classify: bool = False) -> list[Reader]:
    """`count` started Readers, one per reading thread; their children are forked from one that has loaded the
    parsers and the classifier once (`core.sandbox.start_together`), so a bulk import pays for that once.

    With `classify`, the classifier's model is trained here first if no process has yet kept it for this method
    version (analysis/classify/linear.py): the children may not write files, so without it each bulk import's
    children would train it again, where they now read it in a few milliseconds."""
    if classify:
        from analysis.classify import prepare

        prepare()
    return sandbox.start_together([Reader(classify=classify) for _ in range(count)])  # type: ignore[return-value]
