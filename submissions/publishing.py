"""Publication: a submitted version written once as files, which the public site serves as static files.

Publishing a version writes three files through core.files (a folder on a laptop, object storage
when scaled out), named by the plan's content hash:

- `published/<content_hash>/plan.html`  the public page, a complete GOV.UK page (the primary copy)
- `published/<content_hash>/plan.pdf`   the tagged PDF, printed from the same plan partial
- `published/<content_hash>/plan.json`  the structured content, under the Open Government Licence

and a copy of the page at `published/councils/<ONS code>/<return slug>/index.html`, the council's
latest publication of that return, served at `/councils/<code>/plans/<slug>/`. The three files of a
publication are never rewritten; a correction is a new publication (new files) that names the one
it replaces, and only the latest copy moves to it.

The SHA-256 of each file's bytes is stored on the `Publication` (`file_hashes`), so whatever serves
the files (portal.middleware, the fallback views, `manage.py verify_publications`) can refuse a file
whose bytes no longer match.
"""

import datetime
import json
import logging
import re

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.dispatch import Signal
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from core import audit, files
from core.audit import record_event
from core.refusals import Refusal
from governance import selectors as governance_selectors
from plans import rendering
from plans.models import PlanVersion
from submissions import standing
from submissions.models import Publication, Submission

logger = logging.getLogger(__name__)

PUBLISHED_DIR = "published"
PUBLISHED_URL = "/published/"
FILE_KINDS = ("html", "pdf", "json")
LICENCE = {
    "name": "Open Government Licence v3.0",
    "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
}
HASH_PATTERN = re.compile(r"[0-9a-f]{64}")

# Sent after a publication is committed, with `publication`. The public site listens: it emails
# subscribers and rewrites its index of councils. (Publishing cannot import the portal, a later stage.)
plan_published = Signal()


class PublicationRefused(Refusal):
    """A publication the rules do not allow; the message says why. Nothing was written."""


# --- Names and URLs ------------------------------------------------------------------------------


def file_name(content_hash: str, kind: str) -> str:
    """The storage name of one of a publication's files."""
    if not HASH_PATTERN.fullmatch(content_hash) or kind not in FILE_KINDS:
        raise ValueError("Not a publication file")
    return f"{PUBLISHED_DIR}/{content_hash}/plan.{kind}"


def file_url(content_hash: str, kind: str) -> str:
    """The public URL of one of a publication's files (the site serves `published/` at /published/)."""
    return f"{PUBLISHED_URL}{content_hash}/plan.{kind}"


def latest_copy_name(council_code: str, return_slug: str) -> str:
    return f"{PUBLISHED_DIR}/councils/{council_code.upper()}/{return_slug}/index.html"


def latest_url(council_code: str, return_slug: str) -> str:
    return reverse("portal:published_plan", kwargs={"code": council_code.upper(), "slug": return_slug})


# --- Writing ---------------------------------------------------------------------------------------


def _write_once(name: str, data: bytes) -> None:
    """Write a publication file. A file already at the name with other bytes can only be left by a
    publication that was rolled back (a published content hash is never published again), so it is replaced."""
    if files.read(name) != data:
        files.replace(name, data)


# --- What is written ----------------------------------------------------------------------------------


def _decision_record_url(decision) -> str | None:
    """The public record of the decision, once it is published; before that there is nothing to link to."""
    if decision is None or governance_selectors.publication_of(decision) is None:
        return None
    try:
        return reverse("governance:decision_record", kwargs={"decision_id": decision.pk})
    except NoReverseMatch:
        return None


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def publication_document(
    *,
    version: PlanVersion,
    submission: Submission,
    endorsement,
    published_at: datetime.datetime,
    replaces: Publication | None,
    correction_note: str,
    audit_head,
    pdf_sha256: str,
) -> dict:
    """The published JSON: the plan's structured content and the facts around it."""
    council = version.council
    return_definition = version.return_definition
    return {
        "licence": LICENCE,
        "council": {
            "ons_code": council.gss_code,
            "name": council.name,
            "type": council.authority_type,
            "region": council.region,
        },
        "return": {
            "slug": return_definition.slug,
            "title": return_definition.title,
            "deadline": return_definition.deadline.isoformat(),
        },
        "version": version.number,
        "frozen_at": _iso(version.frozen_at),
        "content_hash": version.content_hash,
        "endorsement": (
            {**endorsement.as_data(), "decision_record_url": _decision_record_url(endorsement.decision)}
            if endorsement
            else None
        ),
        "submission": {
            "submitted_at": _iso(submission.submitted_at),
            "on_time": submission.on_time,
            "content_hash": submission.content_hash,
        },
        "published_at": _iso(published_at),
        "replaces": (
            {
                "content_hash": replaces.content_hash,
                "version": replaces.version.number,
                "published_at": _iso(replaces.published_at),
                "html_url": file_url(replaces.content_hash, "html"),
            }
            if replaces
            else None
        ),
        "correction_note": correction_note,
        "audit_head": {"event_id": audit_head.event_id, "event_hash": audit_head.event_hash},
        "files": {
            "html": file_url(version.content_hash, "html"),
            "pdf": {"url": file_url(version.content_hash, "pdf"), "sha256": pdf_sha256},
            "json": file_url(version.content_hash, "json"),
            "latest": latest_url(council.gss_code, return_definition.slug),
        },
        "content": version.content,
    }


def page_html(*, document: dict, version: PlanVersion, endorsement, submission, json_sha256: str) -> str:
    """The public page, a complete GOV.UK page rendered once. It is the same for everyone who reads
    it (nobody is signed in on a file), so it carries no session, CSRF token or messages."""
    from core.context_processors import service

    class _Anonymous:
        is_authenticated = False

    class _Request:
        path = PUBLISHED_URL
        user = _Anonymous()

    context = {
        **service(_Request()),
        "document": document,
        "version": version,
        "content": version.content,
        "council": version.council,
        "return_definition": version.return_definition,
        "endorsement": endorsement,
        "submission": submission,
        "json_sha256": json_sha256,
        "published_at": datetime.datetime.fromisoformat(document["published_at"]),
        "replaced_published_at": (
            datetime.datetime.fromisoformat(document["replaces"]["published_at"]) if document["replaces"] else None
        ),
        "council_url": reverse("portal:council_detail", kwargs={"code": version.council.gss_code}),
        "static_prefix": "/static/",
    }
    return render_to_string("submissions/published/plan_page.html", context)


def _json_bytes(document: dict) -> bytes:
    return (json.dumps(document, indent=2, ensure_ascii=False, cls=DjangoJSONEncoder) + "\n").encode("utf-8")


def _current_audit_head():
    return audit.chain_head()


# --- The service -------------------------------------------------------------------------------------


def publish_version(
    *, version: PlanVersion, actor, at: datetime.datetime | None = None, correction_note: str = ""
) -> Publication:
    """Make a submitted version public by writing its files once. Publishing it again returns the
    first publication.

    When the council has already published this return, the new publication is a correction: it
    names the one it replaces (which stays available) and says what changed (`correction_note`,
    required then). A version older than the one published, or with the same text as a published
    one, is refused.
    """
    from submissions.services import refresh_return_status

    moment = at or timezone.now()
    correction_note = (correction_note or "").strip()
    # The PDF is printed before any lock is taken: it is the version's own render, stored by its hash.
    pdf = rendering.render_version(version).pdf
    with transaction.atomic():
        locked = (
            PlanVersion.objects.select_for_update().select_related("council", "return_definition").get(pk=version.pk)
        )
        existing = Publication.objects.filter(version=locked).first()
        if existing is not None:
            return existing
        submission = Submission.objects.filter(version=locked).first()
        if submission is None:
            raise PublicationRefused(f"Submit version {locked.number} to the department before publishing it")
        replaces = (
            Publication.objects.filter(council=locked.council, return_definition=locked.return_definition)
            .select_related("version")
            .order_by("-published_at", "-pk")
            .first()
        )
        if replaces is not None and replaces.version.number > locked.number:
            raise PublicationRefused(
                f"Version {replaces.version.number} is already published; version {locked.number} is older"
            )
        same_text = Publication.objects.filter(content_hash=locked.content_hash).select_related("version").first()
        if same_text is not None:
            raise PublicationRefused(
                f"Version {locked.number} has the same text as version {same_text.version.number}, "
                "which is already published, so there is nothing to correct"
            )
        if replaces is not None and not correction_note:
            raise PublicationRefused(
                "Say what this correction changes, so readers know why there is a new version", field="correction_note"
            )
        if replaces is None:
            correction_note = ""
        endorsement = standing.endorsement_in_effect(locked)
        head = _current_audit_head()
        pdf_hash = files.sha256_of(pdf)
        document = publication_document(
            version=locked,
            submission=submission,
            endorsement=endorsement,
            published_at=moment,
            replaces=replaces,
            correction_note=correction_note,
            audit_head=head,
            pdf_sha256=pdf_hash,
        )
        json_data = _json_bytes(document)
        html_data = page_html(
            document=document,
            version=locked,
            endorsement=endorsement,
            submission=submission,
            json_sha256=files.sha256_of(json_data),
        ).encode("utf-8")
        contents = {"html": html_data, "pdf": pdf, "json": json_data}
        for kind, data in contents.items():
            _write_once(file_name(locked.content_hash, kind), data)
        publication = Publication.objects.create(
            council=locked.council,
            return_definition=locked.return_definition,
            version=locked,
            content_hash=locked.content_hash,
            published_by=actor,
            published_at=moment,
            replaces=replaces,
            html_name=file_name(locked.content_hash, "html"),
            pdf_name=file_name(locked.content_hash, "pdf"),
            json_name=file_name(locked.content_hash, "json"),
            file_hashes={kind: files.sha256_of(data) for kind, data in contents.items()},
            audit_head=head.event_hash,
        )
        # The council's latest copy moves to this publication (earlier files stay where they are). Should
        # the transaction fail after this, the copy no longer matches the latest record's hash and the
        # server falls back to the checked file of the latest publication.
        files.replace(latest_copy_name(locked.council.gss_code, locked.return_definition.slug), html_data)
        record_event(
            action="PlanPublished",
            actor=actor,
            subject=publication,
            council_code=locked.council.gss_code,
            content_hash=locked.content_hash,
            data={
                "version": locked.number,
                "files": publication.file_hashes,
                "replaces": replaces.pk if replaces else None,
                "correction_note": correction_note,
                "audit_head": head.event_hash,
            },
        )
        refresh_return_status(council_id=locked.council_id, return_id=locked.return_definition_id)
        code = locked.council.gss_code
        transaction.on_commit(lambda: _after_publication(publication, code))
    return publication


def _after_publication(publication: Publication, council_code: str) -> None:
    write_anchor = getattr(audit, "write_anchor", None)
    if write_anchor is not None:
        try:
            write_anchor(reason=f"publication {council_code}")
        except Exception:  # the anchor is a second copy; the daily anchor catches up if this one fails
            logger.exception("Could not write the audit anchor after publishing %s", publication.pk)
    plan_published.send(sender=Publication, publication=publication)


# --- Checking files against their hashes ---------------------------------------------------------------


def expected_hash(name: str) -> str | None:
    """The SHA-256 a file the public site serves must have, or None if no publication wrote it."""
    parts = name.split("/")
    if len(parts) == 3 and parts[0] == PUBLISHED_DIR and HASH_PATTERN.fullmatch(parts[1]):
        kind = parts[2].removeprefix("plan.")
        if kind not in FILE_KINDS or parts[2] != f"plan.{kind}":
            return None
        publication = Publication.objects.filter(content_hash=parts[1]).only("file_hashes").first()
        if publication is None:
            return None
        # The audit log's hash wins: a file changed together with the hash on its record is refused.
        audited = audited_file_hashes([publication]).get(publication.pk)
        return (audited or publication.file_hashes).get(kind)
    if len(parts) == 5 and parts[:2] == [PUBLISHED_DIR, "councils"] and parts[4] == "index.html":
        latest = (
            Publication.objects.filter(council__gss_code=parts[2], return_definition__slug=parts[3])
            .order_by("-published_at", "-pk")
            .only("file_hashes")
            .first()
        )
        return latest.file_hashes.get("html") if latest else None
    return None


def files_of(publication: Publication) -> list[tuple[str, str]]:
    """(storage name, expected SHA-256) for each file of a publication."""
    names = {"html": publication.html_name, "pdf": publication.pdf_name, "json": publication.json_name}
    return [(names[kind], publication.file_hashes.get(kind, "")) for kind in FILE_KINDS]


FILES_RECORDED = ["PlanPublished", "PublicationFilesWritten"]


def audited_file_hashes(publications) -> dict[int, dict[str, str]]:
    """Each publication's file hashes as its audit entry holds them (the newest PlanPublished or
    PublicationFilesWritten naming files): the record a signed head covers, unlike the hash on the row."""
    audited: dict[int, dict[str, str]] = {}
    for event in audit.events_of_any(actions=FILES_RECORDED, subjects=publications):
        if event.data.get("files"):
            audited[int(event.subject_id)] = event.data["files"]
    return audited


def verify_files() -> tuple[int, list[str]]:
    """Read every published file back and compare its bytes with the hash recorded when it was written,
    and that hash with the one in the publication's audit entry. Returns how many files were checked and
    a line for each problem (naming the file)."""
    problems: list[str] = []
    checked = 0
    latest: dict[tuple[str, str], Publication] = {}
    publications = list(
        Publication.objects.select_related("council", "return_definition").order_by("published_at", "pk")
    )
    audited = audited_file_hashes(publications)
    for publication in publications:
        latest[(publication.council.gss_code, publication.return_definition.slug)] = publication
        if not publication.html_name:
            problems.append(f"publication {publication.pk} ({publication}) has no files recorded")
            continue
        in_log = audited.get(publication.pk)
        if in_log is None:
            problems.append(f"publication {publication.pk} ({publication}) has no audit entry recording its files")
        for kind, (name, expected) in zip(FILE_KINDS, files_of(publication), strict=True):
            checked += 1
            problems += _check(name, expected)
            if in_log is not None and in_log.get(kind) != expected:
                problems.append(
                    f"{name}: the hash recorded for it ({expected[:12]}) is not the one its audit entry holds "
                    f"({str(in_log.get(kind))[:12]}): the publication's record was changed"
                )
    for (code, slug), publication in latest.items():
        if publication.html_name:
            checked += 1
            recorded = audited.get(publication.pk) or publication.file_hashes
            problems += _check(latest_copy_name(code, slug), recorded.get("html", ""))
    return checked, problems


def _check(name: str, expected: str) -> list[str]:
    check = files.verify(name, expected)
    if check.missing:
        return [f"{name}: missing"]
    if not check.intact:
        return [f"{name}: its bytes have changed (SHA-256 {check.sha256}, published as {expected})"]
    return []


def write_missing_files(publication: Publication) -> bool:
    """Write the files of a publication made before publications had files, once. The record's file
    fields were blank then; they are filled in, never changed. Returns whether anything was written."""
    if publication.html_name:
        return False
    version = PlanVersion.objects.select_related("council", "return_definition").get(pk=publication.version_id)
    submission = Submission.objects.filter(version=version).first()
    pdf = rendering.render_version(version).pdf
    endorsement = standing.endorsement_of(version)
    document = publication_document(
        version=version,
        submission=submission,
        endorsement=endorsement,
        published_at=publication.published_at,
        replaces=publication.replaces,
        correction_note="",
        audit_head=_current_audit_head(),
        pdf_sha256=files.sha256_of(pdf),
    )
    json_data = _json_bytes(document)
    html_data = page_html(
        document=document,
        version=version,
        endorsement=endorsement,
        submission=submission,
        json_sha256=files.sha256_of(json_data),
    ).encode("utf-8")
    contents = {"html": html_data, "pdf": pdf, "json": json_data}
    with transaction.atomic():
        for kind, data in contents.items():
            _write_once(file_name(version.content_hash, kind), data)
        values = {
            "html_name": file_name(version.content_hash, "html"),
            "pdf_name": file_name(version.content_hash, "pdf"),
            "json_name": file_name(version.content_hash, "json"),
            "file_hashes": {kind: files.sha256_of(data) for kind, data in contents.items()},
            "audit_head": document["audit_head"]["event_hash"],
        }
        # Filling blank fields on an append-only record: the base queryset's update, for this row only
        # and only while the fields are still blank.
        from django.db.models import QuerySet

        QuerySet.update(Publication.objects.filter(pk=publication.pk, html_name=""), **values)
        latest = (
            Publication.objects.filter(council=version.council, return_definition=version.return_definition)
            .order_by("-published_at", "-pk")
            .first()
        )
        if latest.pk == publication.pk:
            files.replace(latest_copy_name(version.council.gss_code, version.return_definition.slug), html_data)
        record_event(
            action="PublicationFilesWritten",
            actor=None,
            subject=publication,
            council_code=version.council.gss_code,
            content_hash=version.content_hash,
            data={"files": values["file_hashes"]},
        )
    return True
