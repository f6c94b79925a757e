"""Byte ranges of published files (RFC 9110, section 14), so a PDF viewer can fetch the pages it
shows first and an interrupted download can carry on where it stopped.

One range is served; a request for several, in another unit or written wrongly gets the whole file,
as the RFC allows a server to ignore a Range header it will not serve. `If-Range` with anything but
the file's current ETag also gets the whole file, so a client never joins parts of two files.
"""

import re

from django.http import HttpResponse

ONE_BYTE_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class RangeNotSatisfiable(ValueError):
    """The range starts past the end of the file (or asks for the last 0 bytes)."""


def requested_range(range_header: str | None, if_range: str | None, etag: str, size: int) -> tuple[int, int] | None:
    """(first, last) byte, both included, of the one range to serve; None to serve the whole file.
    Raises RangeNotSatisfiable."""
    if not range_header:
        return None
    if if_range is not None and if_range != etag:
        return None
    match = ONE_BYTE_RANGE.match(range_header.replace(" ", ""))
    if not match or match[1] == match[2] == "":
        return None
    if match[1] == "":  # "bytes=-500": the last 500 bytes
        length = int(match[2])
        if length == 0 or size == 0:
            raise RangeNotSatisfiable
        return max(size - length, 0), size - 1
    first = int(match[1])
    if match[2] and int(match[2]) < first:
        return None  # not a valid range: ignored
    if first >= size:
        raise RangeNotSatisfiable
    last = int(match[2]) if match[2] else size - 1
    return first, min(last, size - 1)


def file_response(request, body: bytes, headers: dict[str, str], etag: str) -> HttpResponse:
    """The whole file (200), the range asked for (206) or 416, with `headers` on the first two."""
    size = len(body)
    try:
        wanted = requested_range(request.headers.get("Range"), request.headers.get("If-Range"), etag, size)
    except RangeNotSatisfiable:
        refused = HttpResponse(status=416)
        refused["Content-Range"] = f"bytes */{size}"
        return refused
    status, part = 200, body
    if wanted is not None:
        first, last = wanted
        status, part = 206, body[first : last + 1]
    response = HttpResponse(part if request.method != "HEAD" else b"", status=status)
    for header, value in headers.items():
        response[header] = value
    response["Accept-Ranges"] = "bytes"
    response["Content-Length"] = str(len(part))
    if wanted is not None:
        response["Content-Range"] = f"bytes {wanted[0]}-{wanted[1]}/{size}"
    return response
