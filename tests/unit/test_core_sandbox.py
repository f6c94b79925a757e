"""The one limited child (core.sandbox): it runs only the parsers registered and named to it at start, and
whatever a parser does (run out of memory, recurse, fail, run for ever) the caller gets an answer."""

import pytest

from core import sandbox

ECHO = sandbox.register("tests.echo", "tests.unit.test_core_sandbox:echo")
GREEDY = sandbox.register("tests.greedy", "tests.unit.test_core_sandbox:greedy")
BROKEN = sandbox.register("tests.broken", "tests.unit.test_core_sandbox:broken")
DEEP = sandbox.register("tests.deep", "tests.unit.test_core_sandbox:deep")


# Parsers run in the child (this module is imported there by its dotted path).
def echo(data: bytes, *, upper: bool = False) -> dict:
    text = data.decode()
    return {"text": text.upper() if upper else text}


def greedy(data: bytes) -> dict:
    held = [bytearray(64 * 1024 * 1024) for _ in range(100)]  # 6.4 GB, far past the limit
    return {"held": len(held)}


def broken(data: bytes) -> dict:
    raise KeyError("a bug in a parser")


def deep(data: bytes) -> dict:
    def down(n):
        return down(n + 1)

    return down(0)


def test_a_registered_parser_runs_in_the_child_with_its_options():
    assert sandbox.run_in_child(ECHO, b"plan", upper=True)["text"] == "PLAN"


def test_a_parser_is_named_as_module_and_function():
    with pytest.raises(ValueError, match="module:function"):
        sandbox.register("tests.bad", "os.system; rm")
    with pytest.raises(ValueError, match="not registered"):
        sandbox.Reader(["tests.never-registered"])


def test_a_child_runs_only_the_parsers_it_was_started_with():
    reader = sandbox.Reader([ECHO]).start()
    try:
        reader.parsers.append(BROKEN)  # the parent's list changes; the child's allow-list does not
        with pytest.raises(sandbox.ChildRefused) as refused:
            reader.run(BROKEN, b"")
        assert refused.value.reason == "parser"
        assert reader.run(ECHO, b"still here")["text"] == "still here"
    finally:
        reader.close()


@pytest.mark.parametrize(
    ("parser", "reason", "message"),
    [
        (GREEDY, "memory", "memory allowed"),
        (BROKEN, "error", "could not be read"),
        (DEEP, "structure", "could not be read"),
    ],
)
def test_whatever_a_parser_does_the_caller_gets_a_refusal(parser, reason, message):
    with pytest.raises(sandbox.ChildRefused) as refused:
        sandbox.run_in_child(parser, b"", memory_bytes=256 * 1024 * 1024)
    assert refused.value.reason == reason and message in str(refused.value)


def test_a_child_that_ran_out_of_memory_is_not_trusted_with_another_file():
    reader = sandbox.Reader([GREEDY, ECHO], memory_bytes=256 * 1024 * 1024)
    try:
        assert reader.run(ECHO, b"one")["text"] == "one"
        first = reader.process.pid
        with pytest.raises(sandbox.ChildRefused):
            reader.run(GREEDY, b"")
        assert reader.process is None
        assert reader.run(ECHO, b"two")["text"] == "two" and reader.process.pid != first
    finally:
        reader.close()


def test_a_zip_is_refused_by_how_far_it_would_expand():
    from tests.unit.test_analysis_sandbox import docx_zip_bomb

    with pytest.raises(sandbox.ArchiveRefused, match="The upload expands to 200 MB"):
        sandbox.check_zip(docx_zip_bomb(), what="The upload", max_total=60 * 1024 * 1024, max_ratio=150)
    with pytest.raises(sandbox.ArchiveRefused, match="damaged"):
        sandbox.check_zip(b"PK\x03\x04 truncated", what="The upload", max_total=1, max_ratio=1)
