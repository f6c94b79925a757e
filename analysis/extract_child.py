"""Child process that reads untrusted files, under hard limits (run by analysis/sandbox.py).

One file:   python -m analysis.extract_child <kind> <memory bytes> <cpu seconds> < file
            writes one JSON object: {"ok": true, ...the extracted passages} or {"ok": false, "message": ...}.
Many files: python -m analysis.extract_child --serve <memory bytes> <cpu seconds> [--classify]
            reads requests (4-byte length, then JSON header {"kind": ...} and the file's bytes, see
            `read_request`) and answers each with a 4-byte length and the JSON result, until stdin closes.
            Each file gets its own CPU allowance; the memory limit covers the whole process. Each answer
            says how much memory the process holds ("resident", bytes), so the parent can retire it.
            With --classify the classifier is loaded and trained at start, under the limits, before any
            file is read.

The limits are set before any parser is imported, so a decompression bomb or a runaway parse
ends this process (out of memory, or SIGXCPU / SIGKILL at the CPU limit), never the web server.
No Django here: the child only parses.
"""

import json
import os
import resource
import struct
import sys
from dataclasses import asdict, astuple

HEADER = struct.Struct(">II")  # header length, data length


def set_limits(memory_bytes: int, cpu_seconds: int, *, serving: bool = False) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    if serving:  # each request sets its own soft limit above the CPU used so far (see allow_cpu)
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, resource.RLIM_INFINITY))
    else:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # an abort must not write a core file
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))  # the parse has no business writing files


def allow_cpu(cpu_seconds: int) -> None:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = int(usage.ru_utime + usage.ru_stime) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (used + cpu_seconds, resource.RLIM_INFINITY))


def passage_labels(blocks) -> dict:
    """The classifier's labels for the passages, as the corpus will store them (each with the nearest heading
    above it), so a bulk import's run need not classify them again in the importing process."""
    from analysis.classify import METHOD_VERSION, PassageInput, classify_passages

    inputs, heading = [], ""
    for block in blocks:
        inputs.append(PassageInput(text=block.text, heading=heading[:300] or None))
        if block.kind == "heading":
            heading = block.text
    labels = [
        {"themes": sorted(label.themes), "barriers": [[b.category, b.ask] for b in label.barriers]}
        for label in classify_passages(inputs)
    ]
    return {"method": METHOD_VERSION, "inputs": inputs_digest(inputs), "passages": labels, **text_findings(blocks)}


def text_findings(blocks) -> dict:
    """The figures and the guidance flags read from the passages' text (analysis/figures.py), as the corpus
    will store them, so the importing process need not read them again."""
    from analysis import figures

    texts = [block.text for block in blocks]
    found = [
        {**asdict(figure), "value": str(figure.value), "upper": None if figure.upper is None else str(figure.upper)}
        for figure in figures.document_figures(texts)
    ]
    return {"figures": found, "guidance": list(astuple(figures.guidance_found(texts)))}


def document_kind(extracted) -> list[str]:
    """[kind, reason] as analysis.document_kind reads them from the text, so the importing process need not."""
    from analysis.document_kind import classify_document

    return list(classify_document([block.text for block in extracted.blocks], extracted.title))


def inputs_digest(inputs) -> str:
    """What the labels were made from, so they are used only for exactly these passages."""
    import hashlib

    return hashlib.sha256(json.dumps([[i.text, i.heading] for i in inputs]).encode()).hexdigest()


def parse(kind: str, data: bytes, *, classify: bool = False) -> dict:
    from analysis.extract import ExtractionRefused, extract

    try:
        extracted = extract(kind, data)
    except ExtractionRefused as refusal:
        return {"ok": False, "message": str(refusal)}
    except MemoryError:
        return {"ok": False, "reason": "memory"}
    except RecursionError:
        return {"ok": False, "reason": "structure"}
    labels, retire = None, False
    if classify:
        try:
            labels = passage_labels(extracted.blocks)
            labels["document_kind"] = document_kind(extracted)
        except MemoryError:  # the file was read; the importing process will classify it instead
            retire = True
        except Exception:  # noqa: BLE001 - the same: never refuse a good file because labelling failed
            labels = None
    return {"ok": True, **extracted.as_dict(), "labels": labels, "retire": retire}


def read_exactly(stream, size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = stream.read(left)
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def resident_bytes() -> int:
    """The memory this process holds now (resident set), or 0 where /proc is not there."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def warm_up(*, classify: bool) -> None:
    """Import the parsers (and train the classifier) once, under the limits, before the first request."""
    import analysis.extract  # noqa: F401
    import analysis.pdf_objects  # noqa: F401
    import analysis.pdf_tables  # noqa: F401

    if classify:
        from analysis.classify import PassageInput, classify_passages

        classify_passages([PassageInput(text="Warming up.", heading=None)])


def serve(memory_bytes: int, cpu_seconds: int, *, classify: bool = False) -> int:
    set_limits(memory_bytes, cpu_seconds, serving=True)
    try:
        warm_up(classify=classify)
    except Exception:  # noqa: BLE001 - a request will meet the same failure and answer for it
        pass

    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while True:
        prefix = read_exactly(stdin, HEADER.size)
        if prefix is None:
            return 0
        header_length, data_length = HEADER.unpack(prefix)
        header = json.loads(read_exactly(stdin, header_length) or b"{}")
        data = read_exactly(stdin, data_length) or b""
        allow_cpu(cpu_seconds)
        result = parse(header.get("kind", ""), data, classify=header.get("classify", False))
        answer = json.dumps({**result, "resident": resident_bytes()}).encode()
        stdout.write(struct.pack(">I", len(answer)) + answer)
        stdout.flush()


def main(argv: list[str]) -> int:
    if argv[1] == "--serve":
        return serve(int(argv[2]), int(argv[3]), classify="--classify" in argv[4:])
    kind, memory_bytes, cpu_seconds = argv[1], int(argv[2]), int(argv[3])
    set_limits(memory_bytes, cpu_seconds)
    data = sys.stdin.buffer.read()
    sys.stdout.write(json.dumps(parse(kind, data)))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    code = main(sys.argv)
    sys.stdout.flush()
    # Every answer is written and flushed: leave without the interpreter's tidy-up of the parsers and the
    # classifier, which takes longer than a file's reading and serves nothing.
    os._exit(code)
