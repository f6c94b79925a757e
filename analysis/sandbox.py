"""Parse an untrusted upload in a child process with hard memory and CPU limits.

An 886-byte PDF can expand to a gigabyte inside pdfium, and pdfium aborts the whole process when
memory runs out; a .docx can be a zip bomb. So the parse never runs in the web or worker process:
`extract_in_child` starts `python -m analysis.extract_child`, which sets RLIMIT_AS and RLIMIT_CPU
on itself before importing any parser, and the parent waits at most `timeout` seconds (wall
clock) before killing it. Whatever happens in the child, the caller gets an `Extracted` or an
`ExtractionRefused` with a message a person can act on.
"""

import json
import signal
import subprocess
import sys
from pathlib import Path

from analysis.extract import KINDS, Block, Extracted, ExtractionRefused

BASE_DIR = Path(__file__).resolve().parent.parent
MAX_FILE_BYTES = 20 * 1024 * 1024
MEMORY_LIMIT_BYTES = 768 * 1024 * 1024
CPU_LIMIT_SECONDS = 15
WALL_CLOCK_SECONDS = 30

EXTENSIONS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
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
            "The file must be a PDF (.pdf), Word document (.docx), web page (.html) or plain text (.txt)."
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
    command = [sys.executable, "-m", "analysis.extract_child", kind, str(memory_bytes), str(cpu_seconds)]
    try:
        finished = subprocess.run(  # noqa: S603 - our own module, fixed arguments
            command, input=data, capture_output=True, timeout=timeout, cwd=BASE_DIR, check=False
        )
    except subprocess.TimeoutExpired as error:
        raise ExtractionRefused(TOO_SLOW) from error
    code = finished.returncode
    if code in (-signal.SIGXCPU, -signal.SIGKILL):
        raise ExtractionRefused(TOO_SLOW)
    if code != 0:
        # SIGABRT / SIGSEGV from pdfium out of memory, or Python's MemoryError before JSON was written.
        raise ExtractionRefused(TOO_BIG)
    try:
        result = json.loads(finished.stdout)
    except ValueError as error:
        raise ExtractionRefused(TOO_BIG) from error
    if not result.get("ok"):
        if result.get("reason") == "memory":
            raise ExtractionRefused(TOO_BIG)
        raise ExtractionRefused(result.get("message") or "The file could not be read.")
    return Extracted(
        kind=result["kind"],
        page_count=result["page_count"],
        title=result["title"],
        blocks=[Block(**block) for block in result["blocks"]],
    )


def extract_file(filename: str, data: bytes, **limits) -> Extracted:
    """The kind from the file's name, the size checked, then the limited parse."""
    kind = kind_for_filename(filename)
    check_size(len(data))
    return extract_in_child(kind, data, **limits)
