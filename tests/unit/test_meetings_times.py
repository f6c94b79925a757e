"""Meeting times as people type them and as agendas print them."""

import datetime

import pytest

from meetings.forms import parse_time
from meetings.pack import time_text

T = datetime.time


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("6.30pm", T(18, 30)),
        ("6:30 PM", T(18, 30)),
        ("18:30", T(18, 30)),
        ("10am", T(10)),
        ("12pm", T(12)),
        ("12am", T(0)),
        ("midday", T(12)),
        (" 9.05am ", T(9, 5)),
    ],
)
def test_times_as_people_type_them(typed, expected):
    assert parse_time(typed) == expected


@pytest.mark.parametrize("typed", ["", "6", "25:00", "13pm", "0am", "6.75pm", "half six", "18:60"])
def test_what_is_not_a_time_is_refused(typed):
    assert parse_time(typed) is None


def test_agendas_print_times_in_the_councils_style():
    assert time_text(T(18, 30)) == "6:30pm"
    assert time_text(T(10)) == "10am"
    assert time_text(T(12)) == "midday"
    assert time_text(T(0, 15)) == "12:15am"
