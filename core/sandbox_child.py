"""The limited child process that parses untrusted uploads (started by core/sandbox.py; decision 0025).

    python -m core.sandbox_child <memory bytes> <cpu seconds> --allow <name>=<module>:<function> ...
                                 [--warm <module>:<function> ...] [--fork <request fd>:<answer fd> ...]

The limits are set first (address space, CPU, no core file, no file written), before any parser is
imported, so a decompression bomb or a runaway parse ends this process, never the web server or worker.
Then each `--warm` function is called once (importing the parsers, training a classifier) under the same
limits, and requests are answered until stdin closes. With `--fork`, this process answers nothing itself: once
warm it forks one child per pair of pipes the parent passed it, each answering on its own pair, writes their
process ids and ends (`core.sandbox.start_together`: several readers warmed up once).

A request is a 4-byte big-endian header length and a 4-byte data length, then the JSON header
`{"parser": <name>, "options": {...}}`, then the file's bytes. The child calls the parser registered under
that name (only names given with `--allow` at start: nothing in a request can make the child import any
other code) as `function(data, **options)`, which returns a JSON-ready dict. The answer is a 4-byte length
and the JSON of that dict plus `resident` (the bytes this process holds, so the parent can retire it), or
`{"failed": "memory" | "structure" | "error" | "parser"}` when the parser ran out of memory, nested too
deep, failed unexpectedly, or was not allowed. Each request gets its own CPU allowance; the memory limit
covers the process.

Domain-free, and no Django: the parsers are plain functions in each app (`analysis.reading.extract_child.parse`,
`plans.uploads.parse_docx`, ...).
"""

import importlib
import json
import os
import resource
import struct
import sys

HEADER = struct.Struct(">II")  # header length, data length
ANSWER = struct.Struct(">I")


def set_limits(memory_bytes: int, cpu_seconds: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    # Each request raises the soft limit above the CPU used so far (allow_cpu); SIGXCPU ends the process.
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, resource.RLIM_INFINITY))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # an abort must not write a core file
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))  # the parse has no business writing files


def allow_cpu(cpu_seconds: int) -> None:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = int(usage.ru_utime + usage.ru_stime) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (used + cpu_seconds, resource.RLIM_INFINITY))


def resident_bytes() -> int:
    """The memory this process holds now (resident set), or 0 where /proc is not there."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def read_exactly(stream, size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = stream.read(left)
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def load(target: str):
    """The function `module:function` names."""
    module, _, function = target.partition(":")
    return getattr(importlib.import_module(module), function)


def answer(parsers: dict[str, str], header: dict, data: bytes) -> dict:
    target = parsers.get(header.get("parser", ""))
    if target is None:
        return {"failed": "parser"}
    try:
        return load(target)(data, **(header.get("options") or {}))
    except MemoryError:
        return {"failed": "memory"}
    except RecursionError:
        return {"failed": "structure"}
    except Exception:  # noqa: BLE001 - an unexpected failure refuses this file; the child carries on
        return {"failed": "error"}


def serve(
    memory_bytes: int,
    cpu_seconds: int,
    parsers: dict[str, str],
    warm: list[str],
    forks: list[tuple[int, int]] | None = None,
) -> int:
    """Set the limits, run the warm functions, then answer requests on stdin until it closes; or, given
    `forks`, fork one child per (request pipe, answer pipe) to answer on those, write their ids and end."""
    set_limits(memory_bytes, cpu_seconds)
    for target in warm:
        try:
            load(target)()
        except Exception:  # noqa: BLE001 - a request will meet the same failure and answer for it  # nosec B110
            pass
    if forks:
        return fork_children(forks, parsers, cpu_seconds)
    return answer_requests(parsers, cpu_seconds)


def answer_requests(parsers: dict[str, str], cpu_seconds: int) -> int:
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while True:
        prefix = read_exactly(stdin, HEADER.size)
        if prefix is None:
            return 0
        header_length, data_length = HEADER.unpack(prefix)
        header = json.loads(read_exactly(stdin, header_length) or b"{}")
        data = read_exactly(stdin, data_length) or b""
        allow_cpu(cpu_seconds)
        result = answer(parsers, header, data)
        try:
            body = json.dumps({**result, "resident": resident_bytes()}).encode()
        except MemoryError:
            body = json.dumps({"failed": "memory"}).encode()
        stdout.write(ANSWER.pack(len(body)) + body)
        stdout.flush()


def fork_children(forks: list[tuple[int, int]], parsers: dict[str, str], cpu_seconds: int) -> int:
    """One child per (request pipe, answer pipe), each a copy of this process as the warm functions left it
    (the parsers imported, a classifier trained) under the same limits; each answers on its own pipes. Their
    process ids go to stdout as JSON, and this process ends, so the parent (a subreaper, core.sandbox) adopts
    them and sees how each ends. A child's CPU time starts from nothing, and each request gets its allowance."""
    own = {descriptor for pair in forks for descriptor in pair}
    children = []
    for requests, answers in forks:
        child = os.fork()
        if child == 0:
            os.dup2(requests, 0)
            os.dup2(answers, 1)
            for descriptor in own:  # the other children's pipes: their ends must close when those children end
                os.close(descriptor)
            code = answer_requests(parsers, cpu_seconds)
            sys.stdout.flush()
            os._exit(code)
        children.append(child)
    sys.stdout.buffer.write(json.dumps(children).encode())
    return 0


def parse_arguments(argv: list[str]) -> tuple[int, int, dict[str, str], list[str], list[tuple[int, int]]]:
    memory_bytes, cpu_seconds = int(argv[1]), int(argv[2])
    parsers, warm, forks, option = {}, [], [], None
    for argument in argv[3:]:
        if argument in ("--allow", "--warm", "--fork"):
            option = argument
        elif option == "--allow":
            name, _, target = argument.partition("=")
            parsers[name] = target
        elif option == "--warm":
            warm.append(argument)
        elif option == "--fork":
            requests, _, answers = argument.partition(":")
            forks.append((int(requests), int(answers)))
    return memory_bytes, cpu_seconds, parsers, warm, forks


if __name__ == "__main__":
    code = serve(*parse_arguments(sys.argv))
    sys.stdout.flush()
    # Every answer is written and flushed: leave without the interpreter's tidy-up of the parsers and any
    # classifier, which takes longer than a file's reading and serves nothing.
    os._exit(code)
