"""Readers started together (core.sandbox.start_together): their children are forked from one child that ran
the warm functions once, and each keeps what a child started on its own has: its own pipes, the limits, the
refusals, and a fresh child when it has to be replaced."""

import os
import sys
from contextlib import contextmanager

import pytest

from core import sandbox

WHO = sandbox.register("tests.forked.who", "tests.unit.test_core_sandbox_forked:who")
GREEDY = sandbox.register("tests.forked.greedy", "tests.unit.test_core_sandbox_forked:greedy")
SPIN = sandbox.register("tests.forked.spin", "tests.unit.test_core_sandbox_forked:spin")
WARM = "tests.unit.test_core_sandbox_forked:warm"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forked readers are adopted on Linux")

WARMED_IN: int | None = None


# Run in the children (this module is imported there by its dotted path).
def warm() -> None:
    global WARMED_IN
    WARMED_IN = os.getpid()


def who(data: bytes) -> dict:
    return {"pid": os.getpid(), "warmed_in": WARMED_IN, "django": "django" in sys.modules, "text": data.decode()}


def greedy(data: bytes) -> dict:
    held = [bytearray(64 * 1024 * 1024) for _ in range(100)]  # 6.4 GB, far past the limit
    return {"held": len(held)}


def spin(data: bytes) -> dict:
    while True:
        pass


@contextmanager
def started_together(readers: list[sandbox.Reader]):
    """The readers started together, and closed afterwards whatever the test found."""
    started = sandbox.start_together(readers)
    try:
        yield started
    finally:
        for reader in started:
            reader.close()


def readers(count: int = 2, **limits):
    return started_together([sandbox.Reader([WHO, GREEDY, SPIN], warm=[WARM], **limits) for _ in range(count)])


def test_the_readers_children_are_forked_from_one_that_warmed_up_once():
    with readers(3) as started:
        answers = [reader.run(WHO, f"file {n}".encode()) for n, reader in enumerate(started)]
        assert [a["text"] for a in answers] == ["file 0", "file 1", "file 2"]
        assert len({a["pid"] for a in answers}) == 3  # a child each
        assert len({a["warmed_in"] for a in answers}) == 1  # one warm-up, before the forks
        assert answers[0]["warmed_in"] not in {a["pid"] for a in answers}
        assert not any(a["django"] for a in answers)
        assert [reader.run(WHO, b"again")["pid"] for reader in started] == [a["pid"] for a in answers]
    assert [reader.process for reader in started] == [None, None, None]


def test_a_forked_child_that_runs_out_of_memory_is_refused_and_replaced():
    with readers(memory_bytes=256 * 1024 * 1024) as started:
        first = started[0].run(WHO, b"one")["pid"]
        with pytest.raises(sandbox.ChildRefused) as refused:
            started[0].run(GREEDY, b"")
        assert refused.value.reason == "memory" and "memory allowed" in str(refused.value)
        assert started[0].process is None
        again = started[0].run(WHO, b"two")
        assert again["pid"] != first and again["warmed_in"] == again["pid"]  # started on its own, as before
        assert started[1].run(WHO, b"other")["text"] == "other"  # its sibling is untouched


def test_a_forked_child_that_runs_out_of_cpu_time_is_refused_for_time():
    with readers(cpu_seconds=1) as started:
        with pytest.raises(sandbox.ChildRefused) as refused:
            started[1].run(SPIN, b"")
        assert refused.value.reason == "time"
        assert started[0].run(WHO, b"still here")["text"] == "still here"


def test_a_forked_child_that_takes_too_long_is_killed():
    with readers(timeout=1) as started:
        with pytest.raises(sandbox.ChildRefused) as refused:
            started[0].run(SPIN, b"")
        assert refused.value.reason == "time"


def test_readers_that_differ_start_on_their_own():
    with started_together([sandbox.Reader([WHO], warm=[WARM]), sandbox.Reader([WHO, SPIN], warm=[WARM])]) as started:
        answers = [reader.run(WHO, b"x") for reader in started]
        assert [a["warmed_in"] for a in answers] == [a["pid"] for a in answers]
