"""Parse an untrusted upload in a limited child process: the one way every upload is read (decision 0025).

An 886-byte PDF can expand to a gigabyte inside pdfium, which aborts the whole process when memory runs
out; a 915 KB .docx drove a web worker to 4.5 GB; a zip can be a bomb. So no upload is parsed in the web or
worker process. Each app keeps its parsers (plain functions, no Django: `function(data, **options) -> dict`)
and registers each under a name with `register`; the caller asks `run_in_child` (one file) or a `Reader`
(many files, one child) to run it. The child, `python -m core.sandbox_child`, sets RLIMIT_AS and RLIMIT_CPU
on itself before importing any parser, and may import only the parsers named to it at start. The parent
waits a bounded wall-clock time before killing it. Whatever happens in the child, the caller gets the
parser's dict or a `ChildRefused` whose message a person can act on.

Archive expansion is checked in the child before a parser opens an archive: `check_zip` refuses a zip (a
.docx) that would expand past a limit, or whose parts expand far more than any document's.
"""

import io
import json
import os
import select
import signal
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
MEMORY_LIMIT_BYTES = 768 * 1024 * 1024
CPU_LIMIT_SECONDS = 15
WALL_CLOCK_SECONDS = 30

# One thread for numerical libraries a parser may load in the child: each thread would reserve address space
# counted against the memory limit, and the readers already run one per core.
CHILD_ENVIRONMENT = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}

TOO_BIG = (
    "The file could not be read within the memory allowed. It may be built to expand when opened (a "
    "decompression bomb), or be far larger than the service expects. Nothing was imported."
)
TOO_SLOW = "The file took too long to read, far longer than the service expects. Nothing was imported."
UNREADABLE = "The file could not be read. Nothing was imported."

# The allow-list: name -> "module:function". Only these can run in a child, and a child is told at start
# which of them it may run.
PARSERS: dict[str, str] = {}


class ChildRefused(ValueError):
    """The child could not read the file: `reason` is memory, time, structure, error or parser."""

    def __init__(self, message: str, *, reason: str):
        super().__init__(message)
        self.reason = reason


def register(name: str, target: str) -> str:
    """Allow the parser `target` ("package.module:function") to run in a child under `name`; returns the name."""
    module, _, function = target.partition(":")
    if not module or not function.isidentifier():
        raise ValueError(f"A parser is named as module:function, not {target!r}")
    PARSERS[name] = target
    return name


# --- Archives, checked in the child before a parser opens them ----------------------------------------


class ArchiveRefused(ValueError):
    """The archive is damaged or would expand far beyond any document; the message says which."""


def check_zip(
    data: bytes, *, what: str, max_total: int, max_ratio: int, big_part: int = 1024 * 1024
) -> zipfile.ZipFile:
    """The archive, once its directory shows it will expand to no more than `max_total` bytes and no part
    bigger than `big_part` expands more than `max_ratio` times; `what` names the file in the refusal ("The
    Word document"). The sizes a zip declares are what zipfile enforces as it reads, so a part that
    understates its size fails when read rather than expanding further."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as error:
        raise ArchiveRefused(f"{what} is damaged and could not be read.") from error
    total = sum(info.file_size for info in infos)
    if total > max_total:
        raise ArchiveRefused(
            f"{what} expands to {total // (1024 * 1024):,} MB when opened, far more than the service expects; "
            "it was not imported."
        )
    for info in infos:
        if info.file_size > big_part and info.file_size > max_ratio * max(info.compress_size, 1):
            raise ArchiveRefused(
                f"{what} is built to expand enormously when opened (a 'zip bomb'); it was not imported."
            )
    return archive


# --- The parent's side ---------------------------------------------------------------------------------


def _refusal_for_exit(code: int | None) -> ChildRefused:
    if code in (-signal.SIGXCPU, -signal.SIGKILL):
        return ChildRefused(TOO_SLOW, reason="time")
    # SIGABRT / SIGSEGV from a native parser out of memory, or Python's MemoryError before the answer was written.
    return ChildRefused(TOO_BIG, reason="memory")


class Reader:
    """A limited child that runs the parsers named in `parsers` over many files, one after another.

    Each file gets its own CPU allowance and wall-clock limit; the memory limit covers the child. A child
    that is killed (a bomb, a timeout) is replaced at the next file. A child is retired once it holds more
    than half its memory limit, after `files_per_child` files, or when a parser's answer says `retire`, so
    nothing files leave behind can build up to refuse a good file. `warm` names functions ("module:function")
    the child calls once at start, under the limits (importing parsers, training a classifier); `start`
    begins that work before the first file arrives. Use one Reader per thread.
    """

    def __init__(
        self,
        parsers: list[str],
        *,
        warm: list[str] | None = None,
        memory_bytes: int = MEMORY_LIMIT_BYTES,
        cpu_seconds: int = CPU_LIMIT_SECONDS,
        timeout: float = WALL_CLOCK_SECONDS,
        files_per_child: int = 1000,
    ):
        unknown = [name for name in parsers if name not in PARSERS]
        if unknown:
            raise ValueError(f"Parsers not registered with core.sandbox.register: {', '.join(unknown)}")
        self.parsers = list(parsers)
        self.warm = list(warm or [])
        self.memory_bytes, self.cpu_seconds, self.timeout = memory_bytes, cpu_seconds, timeout
        self.files_per_child = files_per_child
        self.process: subprocess.Popen | None = None
        self.files_read = 0

    def _command(self) -> list[str]:
        command = [sys.executable, "-m", "core.sandbox_child", str(self.memory_bytes), str(self.cpu_seconds)]
        command += ["--allow", *(f"{name}={PARSERS[name]}" for name in self.parsers)]
        if self.warm:
            command += ["--warm", *self.warm]
        return command

    def _start(self) -> subprocess.Popen:
        return subprocess.Popen(  # nosec B603 - our own module, fixed arguments; parsers only from the allow-list
            self._command(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            bufsize=0,  # unbuffered: select() on the pipe then sees every byte the child wrote
            cwd=BASE_DIR,
            env={**os.environ, **CHILD_ENVIRONMENT},
        )

    def start(self) -> "Reader":
        """Start the child now (it runs the `warm` functions while nothing waits on it)."""
        if self.process is None:
            self.process, self.files_read = self._start(), 0
        return self

    def __enter__(self) -> "Reader":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self, *, kill: bool = False) -> int | None:
        """Stop the child (closing its input ends it; `kill` for one that is stuck); returns its exit code."""
        process, self.process = self.process, None
        if process is None:
            return None
        assert process.stdin is not None and process.stdout is not None  # both are pipes (_start)
        if kill:
            process.kill()
        try:
            process.stdin.close()
        except BrokenPipeError:
            pass  # nosec B110 - a child that died has closed its end already
        try:
            code = process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            code = process.wait()
        process.stdout.close()
        return code

    def _read(self, process: subprocess.Popen, size: int, deadline: float) -> bytes | None:
        assert process.stdout is not None
        out, descriptor = b"", process.stdout.fileno()
        while len(out) < size:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([descriptor], [], [], left)[0]:
                raise TimeoutError
            chunk = os.read(descriptor, size - len(out))
            if not chunk:
                return None
            out += chunk
        return out

    def run(self, parser: str, data: bytes, **options) -> dict:
        """The parser's answer for `data`; ChildRefused when the child runs out of memory or time, or fails."""
        if parser not in self.parsers:
            raise ValueError(f"This reader was not started with the parser {parser!r}")
        if self.process is None or self.files_read >= self.files_per_child:
            self.close()
            self.process, self.files_read = self._start(), 0
        process = self.process
        assert process.stdin is not None
        self.files_read += 1
        header = json.dumps({"parser": parser, "options": options}).encode()
        deadline = time.monotonic() + self.timeout
        try:
            process.stdin.write(struct.pack(">II", len(header), len(data)) + header + data)
            process.stdin.flush()
            prefix = self._read(process, 4, deadline)
            answer = self._read(process, struct.unpack(">I", prefix)[0], deadline) if prefix else None
        except TimeoutError as error:
            self.close(kill=True)
            raise ChildRefused(TOO_SLOW, reason="time") from error
        except BrokenPipeError:
            answer = None
        if answer is None:  # the child died on this file
            raise _refusal_for_exit(self.close())
        result = json.loads(answer)
        failed = result.get("failed")
        if failed == "memory" or result.get("retire"):
            self.close()  # a child that ran out of memory is not trusted with another file
        elif result.get("resident", 0) > self.memory_bytes // 2:
            self.close()  # grown past half its limit: the next file gets a fresh child
        if failed == "memory":
            raise ChildRefused(TOO_BIG, reason="memory")
        if failed:
            raise ChildRefused(UNREADABLE, reason=failed)
        return result


# --- Several readers warmed up once -------------------------------------------------------------------

PR_SET_CHILD_SUBREAPER = 36  # prctl(2), Linux 3.4 and later


def _become_subreaper() -> bool:
    """Make this process the one that adopts its descendants when their parent ends (Linux), so it can wait for
    a child forked by another child and see how it ended. False where that is not possible."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


class _Warmed:
    """The child that runs the warm functions once and forks the readers' children (`start_together`); it ends
    once they are forked, having written their process ids."""

    def __init__(self, process: subprocess.Popen, timeout: float):
        self.process, self.timeout = process, timeout
        self.pids: list[int] | None = None

    def pid(self, index: int) -> int | None:
        """The process id of the `index`th child, once this process has forked them and ended; None if it ended
        first (it ran out of memory or time while warming up) or did not end in time (then it is killed)."""
        if self.pids is None:
            try:
                out, _ = self.process.communicate(timeout=self.timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                out, _ = self.process.communicate()
            try:
                self.pids = [int(pid) for pid in json.loads(out or b"[]")]
            except (ValueError, TypeError):
                self.pids = []
        return self.pids[index] if index < len(self.pids) else None


class _Forked:
    """What `Reader` uses of a Popen, for a child forked by `_Warmed`: its pipes, its process id, kill and wait.
    This process adopts the child (a subreaper) when the warmed process ends, so waiting gives its exit status
    as Popen would: negative for the signal that ended it."""

    def __init__(self, warmed: _Warmed, index: int, requests: int, answers: int):
        self.warmed, self.index = warmed, index
        self.stdin = os.fdopen(requests, "wb", buffering=0)
        self.stdout = os.fdopen(answers, "rb", buffering=0)
        self.returncode: int | None = None

    @property
    def pid(self) -> int | None:
        return self.warmed.pid(self.index)

    def kill(self) -> None:
        pid = self.pid
        if pid is not None and self.returncode is None:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass  # nosec B110 - it has ended already

    def wait(self, timeout: float | None = None) -> int:
        pid = self.pid
        if pid is None:  # the warmed process ended before forking: how it ended is this child's answer
            self.returncode = self.warmed.process.returncode
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.returncode is None:
            try:
                done, status = os.waitpid(pid, os.WNOHANG)  # type: ignore[arg-type]
            except ChildProcessError:  # not adopted (no subreaper) or already waited for
                self.returncode = -signal.SIGKILL
                break
            if done:
                self.returncode = os.waitstatus_to_exitcode(status)
                break
            if deadline is not None and time.monotonic() >= deadline:
                raise subprocess.TimeoutExpired(f"forked reader {pid}", timeout or 0)
            time.sleep(0.005)
        return self.returncode


def start_together(readers: "list[Reader]") -> "list[Reader]":
    """Start the children of several readers (not started, with the same parsers, warm functions and limits)
    from one child that runs the warm functions once and then forks one child per reader: each is a copy of a
    warmed child under the same limits, with its own pipes, its own CPU allowance per file and its own memory
    limit, and no Django. Starting a reader's child with the classifier costs about 1.35 CPU s, so N readers
    save N-1 of those. A child that has to be replaced later starts on its own, as before. Where a forked child
    could not be adopted (not Linux), each reader starts its own child."""
    first = readers[0] if readers else None
    same = first is not None and all(
        (r.parsers, r.warm, r.memory_bytes, r.cpu_seconds)
        == (first.parsers, first.warm, first.memory_bytes, first.cpu_seconds)
        and r.process is None
        for r in readers
    )
    if first is None or len(readers) < 2 or not same or not _become_subreaper():
        return [reader.start() for reader in readers]
    pipes = [(os.pipe(), os.pipe()) for _ in readers]  # ((requests read, write), (answers read, write))
    child_ends = [(requests[0], answers[1]) for requests, answers in pipes]
    command = first._command() + ["--fork", *(f"{r}:{w}" for r, w in child_ends)]
    try:
        process = subprocess.Popen(  # nosec B603 - our own module, fixed arguments; parsers only from the allow-list
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=BASE_DIR,
            env={**os.environ, **CHILD_ENVIRONMENT},
            pass_fds=[descriptor for pair in child_ends for descriptor in pair],
        )
    finally:
        for descriptor in (d for pair in child_ends for d in pair):
            os.close(descriptor)
    warmed = _Warmed(process, first.timeout)
    for index, (reader, (requests, answers)) in enumerate(zip(readers, pipes, strict=True)):
        reader.process, reader.files_read = _Forked(warmed, index, requests[1], answers[0]), 0  # type: ignore[assignment]
    return readers


def run_in_child(
    parser: str,
    data: bytes,
    *,
    memory_bytes: int = MEMORY_LIMIT_BYTES,
    cpu_seconds: int = CPU_LIMIT_SECONDS,
    timeout: float = WALL_CLOCK_SECONDS,
    **options,
) -> dict:
    """Run the registered `parser` over one file in a child of its own, which ends when the answer is in."""
    with Reader([parser], memory_bytes=memory_bytes, cpu_seconds=cpu_seconds, timeout=timeout) as reader:
        return reader.run(parser, data, **options)
