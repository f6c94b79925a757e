"""Serve the public site's written files as static files, before any view or template runs.

Published plans (`/published/<hash>/plan.html|pdf|json`), each council's latest published plan
(`/councils/<code>/plans/<slug>/`) and the index of councils (`/councils/`, unfiltered, for people
who are not signed in) are files in the default storage, written when something is published. This
middleware sits just after WhiteNoise and serves them before sessions, URL routing or templates,
with an ETag equal to the file's SHA-256 (and 304 answers to a matching If-None-Match) and single
byte ranges (portal/ranges.py). Each file's bytes are checked against the SHA-256 recorded when it
was written.

The check is made when a worker first serves a file and again whenever the file's inode, size,
modification time or change time differ from what it saw (one `stat` per request, a few
microseconds), so rewriting a file in any way is noticed on the next request. A publication file
that fails is refused (503, logged as an error); a latest copy or an index that fails falls back to
the view, which serves the checked file or renders the page. Files are only served when the default
storage is a local folder; with object storage the files are served by the store (or by the
fallback views in portal/views_files.py).
"""

import logging
import os
import re
from threading import Lock

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified

from core import files
from portal import site_files
from portal.ranges import file_response
from submissions.publishing import expected_hash

logger = logging.getLogger(__name__)

PUBLICATION_FILE = re.compile(r"^/published/([0-9a-f]{64})/plan\.(html|pdf|json)$")
LATEST_PLAN = re.compile(r"^/councils/([A-Z][0-9]{8})/plans/([a-z0-9-]{1,80})/$")
FOREVER = 60 * 60 * 24 * 365
MAX_FILES_HELD = 2000  # checked files kept in memory per worker (a plan's files are tens of kilobytes)
TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "json": "application/json; charset=utf-8",
}
OK = object()
REFUSED = object()
UNKNOWN = object()  # no publication or page recorded this file: not ours to serve


def storage_name_for(path: str, request) -> tuple[str, str, bool] | None:
    """(storage name, kind, immutable) for a URL this middleware may serve, else None."""
    match = PUBLICATION_FILE.match(path)
    if match:
        return f"published/{match[1]}/plan.{match[2]}", match[2], True
    query = request.META.get("QUERY_STRING")
    match = LATEST_PLAN.match(path)
    if match and not query:
        return f"published/councils/{match[1]}/{match[2]}/index.html", "html", False
    if path == site_files.COUNCIL_INDEX_URL and not query and not _has_session(request):
        return site_files.COUNCIL_INDEX_NAME, "html", False
    return None


def _has_session(request) -> bool:
    # Someone signed in (or with messages waiting) gets the page rendered for them.
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES


def _expected(name: str) -> str | None:
    if name == site_files.COUNCIL_INDEX_NAME:
        return site_files.expected_hash(name)
    return expected_hash(name)


class _Checked:
    """A file's bytes as checked, with the headers it is served with."""

    __slots__ = ("signature", "state", "body", "headers", "etag")

    def __init__(self, signature, state, body=b"", headers=None, etag=""):
        self.signature, self.state, self.body, self.headers, self.etag = signature, state, body, headers or {}, etag


class PublishedFilesMiddleware:
    """Serves the bytes it checked, from memory: what is served is exactly what matched the hash
    (no window between checking a file and reading it again), and a request costs one `stat`."""

    def __init__(self, get_response):
        self.get_response = get_response
        self._checked: dict[str, _Checked] = {}
        self._lock = Lock()

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        target = storage_name_for(request.path_info, request)
        if target is None:
            return self.get_response(request)
        name, kind, immutable = target
        path = files.local_path(name)
        if path is None:  # object storage: the fallback views serve the file
            return self.get_response(request)
        try:
            stat = os.stat(path)
        except (OSError, ValueError):
            return self.get_response(request)
        signature = (stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
        checked = self._checked.get(path)
        if checked is None or checked.signature != signature:
            checked = self._check(name, kind, immutable, signature)
            with self._lock:
                if len(self._checked) > MAX_FILES_HELD:
                    self._checked.clear()
                self._checked[path] = checked
        if checked.state is UNKNOWN:
            return self.get_response(request)
        if checked.state is REFUSED:
            if immutable:
                return HttpResponse(
                    "This published file does not match the record made when it was published, so it is not "
                    "being served. The service's team has been told.",
                    status=503,
                    content_type="text/plain; charset=utf-8",
                )
            return self.get_response(request)
        if request.META.get("HTTP_IF_NONE_MATCH") == checked.etag:
            response = HttpResponseNotModified()
            response["ETag"] = checked.etag
            response["Cache-Control"] = checked.headers["Cache-Control"]
            return response
        return file_response(request, checked.body, checked.headers, checked.etag)

    def _check(self, name: str, kind: str, immutable: bool, signature) -> _Checked:
        expected = _expected(name)
        if not expected:
            return _Checked(signature, UNKNOWN)
        check = files.verify(name, expected)
        if check.missing:  # removed since the stat: the view answers
            return _Checked(signature, UNKNOWN)
        if not check.intact:
            logger.error(
                "Published file %s does not match its recorded SHA-256 (%s, not %s)", name, check.sha256, expected
            )
            return _Checked(signature, REFUSED)
        body = check.content
        etag = f'"{check.sha256}"'
        headers = {
            "Content-Type": TYPES[kind],
            "Content-Length": str(len(body)),
            "ETag": etag,
            "Cache-Control": f"public, max-age={FOREVER}, immutable" if immutable else "public, no-cache",
            "X-Content-Type-Options": "nosniff",
            "Access-Control-Allow-Origin": "*",
        }
        if kind == "html":
            headers["X-Frame-Options"] = "DENY"
        if name == site_files.COUNCIL_INDEX_NAME:
            headers["Vary"] = "Cookie"
        if kind == "pdf":
            headers["Content-Disposition"] = 'inline; filename="plan.pdf"'
        return _Checked(signature, OK, body, headers, etag)
