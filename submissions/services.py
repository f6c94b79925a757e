"""Writes for submissions: returning an endorsed version, publishing it, and keeping each
council's stored status in step."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from core.audit import record_event
from governance.selectors import endorsement_of
from plans.exceptions import InvalidTransition
from plans.models import Draft, PlanVersion
from submissions.models import Publication, ReturnStatus, Stage, Submission
from submissions.tasks import email_submission_receipt


def _reference(version: PlanVersion, sequence: int) -> str:
    return f"{version.return_definition.slug.upper()}-{version.council.gss_code}-{sequence:02d}"


def submit_version(
    *, version: PlanVersion, actor, at: datetime.datetime | None = None, send_receipt: bool = True
) -> Submission:
    """Return an endorsed version to the department and issue its receipt.

    The receipt is emailed by the background worker once the submission is committed.

    Submitting the same version again returns the first receipt (a double click submits once).
    A later endorsed version can be submitted too: its receipt links to the one it replaces.
    """
    moment = at or timezone.now()
    with transaction.atomic():
        locked = (
            PlanVersion.objects.select_for_update().select_related("council", "return_definition").get(pk=version.pk)
        )
        existing = Submission.objects.filter(version=locked).first()
        if existing is not None:
            return existing
        if endorsement_of(locked) is None:
            raise InvalidTransition(
                "PlanVersion",
                "frozen",
                "submitted",
                reason=f"Version {locked.number} has not been endorsed by members, so it cannot be submitted",
            )
        previous = (
            Submission.objects.filter(council=locked.council, return_definition=locked.return_definition)
            .select_related("version")
            .order_by("-submitted_at")
            .first()
        )
        if previous is not None and previous.version.number > locked.number:
            raise InvalidTransition(
                "PlanVersion",
                "endorsed",
                "submitted",
                reason=f"Version {previous.version.number} has already been submitted; "
                f"version {locked.number} is older",
            )
        sequence = (
            Submission.objects.filter(council=locked.council, return_definition=locked.return_definition).count() + 1
        )
        try:
            with transaction.atomic():
                submission = Submission.objects.create(
                    reference=_reference(locked, sequence),
                    council=locked.council,
                    return_definition=locked.return_definition,
                    version=locked,
                    content_hash=locked.content_hash,
                    submitted_by=actor,
                    submitted_at=moment,
                    on_time=locked.return_definition.is_on_time(moment),
                    replaces=previous,
                )
        except IntegrityError:
            # Another request submitted this version at the same moment: theirs is the receipt.
            return Submission.objects.get(version=locked)
        record_event(
            action="PlanSubmitted",
            actor=actor,
            subject=submission,
            council_code=locked.council.gss_code,
            content_hash=locked.content_hash,
            data={"reference": submission.reference, "on_time": submission.on_time, "version": locked.number},
        )
        refresh_return_status(council_id=locked.council_id, return_id=locked.return_definition_id)
        if send_receipt:
            transaction.on_commit(lambda: email_submission_receipt.enqueue(submission.pk))
    return submission


def publish_version(*, version: PlanVersion, actor, at: datetime.datetime | None = None) -> Publication:
    """Make a submitted version public. Publishing it again returns the first publication."""
    moment = at or timezone.now()
    with transaction.atomic():
        locked = (
            PlanVersion.objects.select_for_update().select_related("council", "return_definition").get(pk=version.pk)
        )
        existing = Publication.objects.filter(version=locked).first()
        if existing is not None:
            return existing
        if not Submission.objects.filter(version=locked).exists():
            raise InvalidTransition(
                "PlanVersion",
                "endorsed",
                "published",
                reason=f"Submit version {locked.number} to the department before publishing it",
            )
        publication = Publication.objects.create(
            council=locked.council,
            return_definition=locked.return_definition,
            version=locked,
            content_hash=locked.content_hash,
            published_by=actor,
            published_at=moment,
        )
        record_event(
            action="PlanPublished",
            actor=actor,
            subject=publication,
            council_code=locked.council.gss_code,
            content_hash=locked.content_hash,
            data={"version": locked.number},
        )
        refresh_return_status(council_id=locked.council_id, return_id=locked.return_definition_id)
    return publication


def _derive_status(council_id: int, return_id: int) -> dict | None:
    draft = Draft.objects.filter(council_id=council_id, return_definition_id=return_id).first()
    if draft is None:
        return None
    versions = list(PlanVersion.objects.filter(draft=draft).order_by("-number"))
    submissions = Submission.objects.filter(council_id=council_id, return_definition_id=return_id)
    first_submission = submissions.order_by("submitted_at").first()
    latest_submission = submissions.order_by("-submitted_at").first()
    latest_publication = (
        Publication.objects.filter(council_id=council_id, return_definition_id=return_id)
        .order_by("-published_at")
        .first()
    )
    endorsement = next((e for e in (endorsement_of(v) for v in versions) if e is not None), None)
    if latest_publication is not None:
        stage = Stage.PUBLISHED
    elif latest_submission is not None:
        stage = Stage.SUBMITTED
    elif endorsement is not None:
        stage = Stage.ENDORSED
    else:
        stage = Stage.DRAFT
    return {
        "stage": stage,
        "on_time": first_submission.on_time if first_submission else None,
        "latest_version_hash": versions[0].content_hash if versions else "",
        "endorsed_on": endorsement.decided_on if endorsement else None,
        "submitted_at": latest_submission.submitted_at if latest_submission else None,
        "latest_submission": latest_submission,
        "published_at": latest_publication.published_at if latest_publication else None,
    }


def refresh_return_status(*, council_id: int, return_id: int) -> ReturnStatus | None:
    """Recompute and store one council's status on one return from the records behind it."""
    values = _derive_status(council_id, return_id)
    if values is None:
        ReturnStatus.objects.filter(council_id=council_id, return_definition_id=return_id).delete()
        return None
    status, _ = ReturnStatus.objects.update_or_create(
        council_id=council_id, return_definition_id=return_id, defaults=values
    )
    return status


def refresh_status_on_progress(sender, *, council_id: int, return_id: int, **kwargs) -> None:
    """Receiver for core.signals.return_progress_changed."""
    refresh_return_status(council_id=council_id, return_id=return_id)


def recompute_all_statuses() -> int:
    """Recompute every stored status (after a data repair, say). Returns how many councils have one."""
    pairs = set(Draft.objects.values_list("council_id", "return_definition_id"))
    with transaction.atomic():
        ReturnStatus.objects.exclude(
            pk__in=[s.pk for s in ReturnStatus.objects.all() if (s.council_id, s.return_definition_id) in pairs]
        ).delete()
        for council_id, return_id in sorted(pairs):
            refresh_return_status(council_id=council_id, return_id=return_id)
    return len(pairs)
