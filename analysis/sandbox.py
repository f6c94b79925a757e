"""Parse an untrusted upload in a child process with hard memory and CPU limits.

An 886-byte PDF can expand to a gigabyte inside pdfium, and pdfium aborts the whole process when
memory runs out; a .docx can be a zip bomb. So the parse never runs in the web or worker process:
`extract_in_child` starts `python -m analysis.extract_child`, which sets RLIMIT_AS and RLIMIT_CPU
on itself before importing any parser, and the parent waits at most `timeout` seconds (wall
clock) before killing it. Whatever happens in the child, the caller gets an `Extracted` or an
`ExtractionRefused` with a message a person can act on.
"""

import json
import os
import select
import signal
import struct
import subprocess
import sys
import time
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

# One thread for numerical libraries the classifier may load in a reading child: each thread would
# reserve address space counted against the memory limit, and the readers already run one per core.
CHILD_ENVIRONMENT = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def _child_environment() -> dict:
    return {**os.environ, **CHILD_ENVIRONMENT}


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
            command,
            input=data,
            capture_output=True,
            timeout=timeout,
            cwd=BASE_DIR,
            check=False,
            env=_child_environment(),
        )
    except subprocess.TimeoutExpired as error:
        raise ExtractionRefused(TOO_SLOW) from error
    _refuse_for_exit(finished.returncode)
    try:
        result = json.loads(finished.stdout)
    except ValueError as error:
        raise ExtractionRefused(TOO_BIG) from error
    return _extracted(result)


def _refuse_for_exit(code: int | None) -> None:
    if code in (-signal.SIGXCPU, -signal.SIGKILL):
        raise ExtractionRefused(TOO_SLOW)
    if code != 0:
        # SIGABRT / SIGSEGV from pdfium out of memory, or Python's MemoryError before JSON was written.
        raise ExtractionRefused(TOO_BIG)


def _extracted(result: dict) -> Extracted:
    if not result.get("ok"):
        if result.get("reason") == "memory":
            raise ExtractionRefused(TOO_BIG)
        raise ExtractionRefused(result.get("message") or "The file could not be read.")
    return Extracted(
        kind=result["kind"],
        page_count=result["page_count"],
        title=result["title"],
        blocks=[Block(**block) for block in result["blocks"]],
        labels=result.get("labels"),
    )


def extract_file(filename: str, data: bytes, **limits) -> Extracted:
    """The kind from the file's name, the size checked, then the limited parse."""
    kind = kind_for_filename(filename)
    check_size(len(data))
    return extract_in_child(kind, data, **limits)


class Reader:
    """A child that reads many files one after another, for bulk imports: the same limits and refusals as
    `extract_in_child`, without starting a new interpreter for every file.

    Each file gets its own CPU allowance and wall-clock limit; the memory limit covers the child. A child
    that is killed (a bomb, a timeout) is replaced at the next file. A child is retired once it holds more
    than half its memory limit, or after `files_per_child` files, so nothing files leave behind can build
    up to refuse a good file (reading the 317 bench plans, a child stays near 150 MB). Starting a child
    costs about 1.5 CPU seconds with the classifier (importing scikit-learn and training it), so a child
    reads many files; `start` begins that work before the first file arrives. Use one Reader per thread.
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
        self.memory_bytes, self.cpu_seconds, self.timeout = memory_bytes, cpu_seconds, timeout
        self.files_per_child = files_per_child
        self.classify = classify  # also run the (pure) passage classifier in the child, in parallel
        self.process: subprocess.Popen | None = None
        self.files_read = 0

    def _start(self) -> subprocess.Popen:
        command = [sys.executable, "-m", "analysis.extract_child", "--serve", str(self.memory_bytes)]
        return subprocess.Popen(  # noqa: S603 - our own module, fixed arguments
            [*command, str(self.cpu_seconds), *(["--classify"] if self.classify else [])],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            bufsize=0,  # unbuffered: select() on the pipe then sees every byte the child wrote
            cwd=BASE_DIR,
            env=_child_environment(),
        )

    def start(self) -> "Reader":
        """Start the child now (it loads the parsers, and the classifier if asked, while nothing waits on it)."""
        if self.process is None:
            self.process, self.files_read = self._start(), 0
        return self

    def close(self, *, kill: bool = False) -> int | None:
        """Stop the child (closing its input ends it; `kill` for one that is stuck); returns its exit code."""
        process, self.process = self.process, None
        if process is None:
            return None
        if kill:
            process.kill()
        try:
            process.stdin.close()
        except BrokenPipeError:
            pass
        try:
            code = process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            code = process.wait()
        process.stdout.close()
        return code

    def _read(self, size: int, deadline: float) -> bytes | None:
        out, descriptor = b"", self.process.stdout.fileno()
        while len(out) < size:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([descriptor], [], [], left)[0]:
                raise TimeoutError
            chunk = os.read(descriptor, size - len(out))
            if not chunk:
                return None
            out += chunk
        return out

    def extract(self, kind: str, data: bytes) -> Extracted:
        if kind not in KINDS:
            raise ExtractionRefused("Unknown kind of file.")
        check_size(len(data))
        if self.process is None or self.files_read >= self.files_per_child:
            self.close()
            self.process, self.files_read = self._start(), 0
        self.files_read += 1
        header = json.dumps({"kind": kind, "classify": self.classify}).encode()
        deadline = time.monotonic() + self.timeout
        try:
            self.process.stdin.write(struct.pack(">II", len(header), len(data)) + header + data)
            self.process.stdin.flush()
            prefix = self._read(4, deadline)
            answer = self._read(struct.unpack(">I", prefix)[0], deadline) if prefix else None
        except TimeoutError as error:
            self.close(kill=True)
            raise ExtractionRefused(TOO_SLOW) from error
        except BrokenPipeError:
            answer = None
        if answer is None:  # the child died on this file
            _refuse_for_exit(self.close())
            raise ExtractionRefused(TOO_BIG)
        result = json.loads(answer)
        if result.get("reason") == "memory" or result.get("retire"):
            self.close()  # a child that ran out of memory is not trusted with another file
        elif result.get("resident", 0) > self.memory_bytes // 2:
            self.close()  # grown past half its limit: the next file gets a fresh child
        return _extracted(result)

    def extract_file(self, filename: str, data: bytes) -> Extracted:
        kind = kind_for_filename(filename)
        check_size(len(data))
        return self.extract(kind, data)
