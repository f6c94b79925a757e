"""Which bytes of a published file a Range header gets (RFC 9110, section 14)."""

import pytest

from portal.ranges import RangeNotSatisfiable, requested_range

ETAG = '"abc"'


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("bytes=0-99", (0, 99)),
        ("bytes=100-", (100, 999)),
        ("bytes=-200", (800, 999)),
        ("bytes=-5000", (0, 999)),  # more than the file: the whole file, as a range
        ("bytes=990-5000", (990, 999)),  # runs past the end: up to the end
        ("bytes=999-999", (999, 999)),
    ],
)
def test_one_range_is_served(header, expected):
    assert requested_range(header, None, ETAG, 1000) == expected


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "bytes=0-99,200-299",  # several ranges
        "items=0-9",  # another unit
        "bytes=99-0",  # the end before the start
        "bytes=-",
        "bytes=a-b",
        "0-99",
    ],
)
def test_anything_else_gets_the_whole_file(header):
    assert requested_range(header, None, ETAG, 1000) is None


@pytest.mark.parametrize("header", ["bytes=1000-", "bytes=5000-6000", "bytes=-0"])
def test_a_range_past_the_end_is_not_satisfiable(header):
    with pytest.raises(RangeNotSatisfiable):
        requested_range(header, None, ETAG, 1000)


def test_if_range_with_an_older_etag_gets_the_whole_file_so_parts_of_two_files_are_never_joined():
    assert requested_range("bytes=0-99", '"older"', ETAG, 1000) is None
    assert requested_range("bytes=0-99", ETAG, ETAG, 1000) == (0, 99)
