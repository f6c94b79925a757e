"""Serve the public site's written files as static files, before any view or template runs.

Published plans (`/published/<hash>/plan.html|pdf|json`), each council's latest published plan
(`/councils/<code>/plans/<slug>/`) and the index of councils (`/councils/`, unfiltered, for people
who are not signed in) are files in the default storage, written when something is published. This
middleware sits just after WhiteNoise and serves them the way WhiteNoise serves static files (its
`StaticFile`: ETag, Last-Modified, 304, Range, HEAD, the file streamed by the server), with one
addition: a file's bytes are checked against the SHA-256 recorded when it was written.

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

from django.core.files.storage import default_storage
from django.http import HttpResponse
from whitenoise.middleware import WhiteNoiseMiddleware
from whitenoise.responders import StaticFile

from portal import site_files
from submissions.publishing import expected_hash, sha256

logger = logging.getLogger(__name__)

PUBLICATION_FILE = re.compile(r"^/published/([0-9a-f]{64})/plan\.(html|pdf|json)$")
LATEST_PLAN = re.compile(r"^/councils/([A-Z][0-9]{8})/plans/([a-z0-9-]{1,80})/$")
FOREVER = 60 * 60 * 24 * 365
TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "json": "application/json; charset=utf-8",
}
REFUSED = object()
UNKNOWN = object()  # no publication or page recorded this file: not ours to serve


def storage_name_for(path: str, request) -> tuple[str, str, bool] | None:
    """(storage name, kind, immutable) for a URL this middleware may serve, else None."""
    match = PUBLICATION_FILE.match(path)
    if match:
        return f"published/{match[1]}/plan.{match[2]}", match[2], True
    match = LATEST_PLAN.match(path)
    if match and not request.GET:
        return f"published/councils/{match[1]}/{match[2]}/index.html", "html", False
    if path == site_files.COUNCIL_INDEX_URL and not request.GET and not _has_session(request):
        return site_files.COUNCIL_INDEX_NAME, "html", False
    return None


def _has_session(request) -> bool:
    # Someone signed in (or with messages waiting) gets the page rendered for them.
    from django.conf import settings

    return settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES


def _expected(name: str) -> str | None:
    if name == site_files.COUNCIL_INDEX_NAME:
        return site_files.expected_hash(name)
    return expected_hash(name)


class PublishedFilesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._served: dict[str, tuple[tuple, object]] = {}
        self._lock = Lock()

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        target = storage_name_for(request.path_info, request)
        if target is None:
            return self.get_response(request)
        name, kind, immutable = target
        try:
            path = default_storage.path(name)
            stat = os.stat(path)
        except (NotImplementedError, OSError, ValueError):
            return self.get_response(request)
        signature = (stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
        cached = self._served.get(path)
        if cached is None or cached[0] != signature:
            cached = (signature, self._index(path, name, kind, immutable, stat))
            with self._lock:
                self._served[path] = cached
        static_file = cached[1]
        if static_file is UNKNOWN:
            return self.get_response(request)
        if static_file is REFUSED:
            if immutable:
                return HttpResponse(
                    "This published file does not match the record made when it was published, so it is not "
                    "being served. The service's team has been told.",
                    status=503,
                    content_type="text/plain; charset=utf-8",
                )
            return self.get_response(request)
        return WhiteNoiseMiddleware.serve(static_file, request)

    def _index(self, path: str, name: str, kind: str, immutable: bool, stat):
        expected = _expected(name)
        if not expected:
            return UNKNOWN
        with open(path, "rb") as handle:
            actual = sha256(handle.read())
        if actual != expected:
            logger.error(
                "Published file %s does not match its recorded SHA-256 (%s, expected %s)", name, actual, expected
            )
            return REFUSED
        headers = [
            ("Content-Type", TYPES[kind]),
            ("ETag", f'"{actual}"'),
            ("Cache-Control", f"public, max-age={FOREVER}, immutable" if immutable else "public, max-age=60"),
            ("X-Content-Type-Options", "nosniff"),
        ]
        if kind == "html":
            headers.append(("X-Frame-Options", "DENY"))
        if name == site_files.COUNCIL_INDEX_NAME:
            headers.append(("Vary", "Cookie"))
        return StaticFile(path, headers, stat_cache={path: stat})
