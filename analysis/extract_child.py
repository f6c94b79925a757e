"""Child process that reads one untrusted file, under hard limits (run by analysis/sandbox.py).

Usage: python -m analysis.extract_child <kind> <memory bytes> <cpu seconds> < file
Writes one JSON object to stdout: {"ok": true, ...the extracted passages} or {"ok": false, "message": ...}.

The limits are set before any parser is imported, so a decompression bomb or a runaway parse
ends this process (out of memory, or SIGXCPU / SIGKILL at the CPU limit), never the web server.
No Django here: the child only parses.
"""

import json
import resource
import sys


def set_limits(memory_bytes: int, cpu_seconds: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # an abort must not write a core file
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))  # the parse has no business writing files


def main(argv: list[str]) -> int:
    kind, memory_bytes, cpu_seconds = argv[1], int(argv[2]), int(argv[3])
    set_limits(memory_bytes, cpu_seconds)
    data = sys.stdin.buffer.read()
    from analysis.extract import ExtractionRefused, extract

    try:
        result = {"ok": True, **extract(kind, data).as_dict()}
    except ExtractionRefused as refusal:
        result = {"ok": False, "message": str(refusal)}
    except MemoryError:
        result = {"ok": False, "reason": "memory"}
    except RecursionError:
        result = {"ok": False, "reason": "structure"}
    sys.stdout.write(json.dumps(result))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
