"""Bringing the public site's files up to date: each publication's files, and the index of councils."""

from core import files
from portal import selectors, site_files
from submissions.publishing import latest_copy_name, write_missing_files


def write_public_files() -> dict:
    """Write what is missing, idempotently: the files of publications made before publications had
    files, any council's latest copy that is missing or out of step, and the index of councils.
    Files already written are never rewritten (their hashes are on record)."""
    written = 0
    for publication in selectors.publications().order_by("published_at", "pk"):
        if write_missing_files(publication):
            written += 1
    copies = 0
    for publication in selectors.latest_publications():
        name = latest_copy_name(publication.council.gss_code, publication.return_definition.slug)
        page = files.read(publication.html_name)
        if page is not None and files.read(name) != page:
            files.replace(name, page)
            copies += 1
    index = site_files.write_council_index()
    return {"publications": written, "latest_copies": copies, "council_index": index.sha256}
