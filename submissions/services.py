"""Writes for submissions: returning an endorsed version, publishing it, and keeping each
council's stored status in step."""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from core import shared_cache
from core.audit import record_event
from core.dates import long_date, uk_date
from core.refusals import Refusal
from councils.models import Council
from plans.models import Draft, PlanVersion, Return
from submissions import standing
from submissions.models import (
    CertifierRole,
    Chase,
    Extension,
    ExtensionRequest,
    Publication,
    ReturnStatus,
    Stage,
    Submission,
)
from submissions.selectors import certifiers_of, latest_submission_of, named_contact_emails
from submissions.tasks import email_certification_request, email_chase, email_submission_receipt


def _reference(version: PlanVersion, sequence: int) -> str:
    return f"{version.return_definition.slug.upper()}-{version.council.gss_code}-{sequence:02d}"


class SubmissionRefused(Refusal):
    """A submission, extension or chase that the rules do not allow; the message says why in plain words."""


def certification_statement(*, version: PlanVersion, endorsement, certifier, role: str) -> str:
    """The words the responsible officer confirms: which version, what members endorsed, which text.

    `endorsement` is `standing.Endorsement`: a version made under delegated authority is described as
    the endorsed version with minor amendments, never as the version members endorsed."""
    what = endorsement.description if endorsement is not None else "endorsed by members (no endorsement is recorded)"
    return (
        f"I, {certifier.display_name}, {CertifierRole(role).label.lower()} of {version.council.name}, certify that "
        f"version {version.number} of the {version.return_definition.title.lower()} is {what}, and that its "
        f"content hash (SHA-256) is {version.content_hash}."
    )


def submit_version(
    *,
    version: PlanVersion,
    actor,
    certifier_role: str,
    idempotency_key: str | None = None,
    at: datetime.datetime | None = None,
    send_receipt: bool = True,
) -> Submission:
    """Return an endorsed version to the department and issue its receipt.

    The actor certifies, as `certifier_role` (chief_executive or section_151_officer), that this is
    the version members endorsed; anyone who does not hold that role at the council is refused, so
    no return reaches the department uncertified. On time is judged against the council's effective deadline (the
    return's, or its latest extension) at the moment of submission, and stored.

    The receipt is emailed by the background worker once the submission is committed.

    Submitting the same version again, or posting the same `idempotency_key` again, returns the
    first receipt (a double click submits once; a race is settled by the unique constraints).
    A later endorsed version can be submitted too: its receipt links to the one it replaces.
    """
    moment = at or timezone.now()
    if idempotency_key:
        earlier = Submission.objects.filter(idempotency_key=idempotency_key).first()
        if earlier is not None:
            if earlier.version_id != version.pk:
                raise SubmissionRefused("This form has already been used; open the submit page again")
            return earlier
    with transaction.atomic():
        locked = (
            PlanVersion.objects.select_for_update().select_related("council", "return_definition").get(pk=version.pk)
        )
        existing = Submission.objects.filter(version=locked).first()
        if existing is not None:
            return existing
        where = standing.standing_of(locked)
        refused = where.why_not(standing.SUBMIT)
        if refused is not None:
            raise SubmissionRefused(refused)
        refusal = standing.certifier_refusal(actor, locked.council, certifier_role)
        if refusal:
            raise SubmissionRefused(refusal)
        endorsement, previous = where.endorsement, where.latest_submission
        deadline, extension = where.deadline, where.extension
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
                    on_time=uk_date(moment) <= deadline,
                    deadline=deadline,
                    extension=extension,
                    replaces=previous,
                    certified_by=actor,
                    certifier_role=certifier_role,
                    certification=certification_statement(
                        version=locked, endorsement=endorsement, certifier=actor, role=certifier_role
                    ),
                    idempotency_key=idempotency_key or None,
                )
        except IntegrityError:
            # Another request submitted this version (or this form) at the same moment: theirs is the receipt.
            winner = Submission.objects.filter(version=locked).first()
            if winner is None:
                raise SubmissionRefused("This form has already been used; open the submit page again") from None
            return winner
        record_event(
            action="PlanSubmitted",
            actor=actor,
            subject=submission,
            council_code=locked.council.gss_code,
            content_hash=locked.content_hash,
            data={
                "reference": submission.reference,
                "on_time": submission.on_time,
                "version": locked.number,
                "deadline": deadline.isoformat(),
                "extension": extension.pk if extension else None,
                "certified_by": actor.pk,
                "certifier_role": certifier_role,
                "replaces": previous.reference if previous else None,
            },
        )
        refresh_return_status(council_id=locked.council_id, return_id=locked.return_definition_id)
        if send_receipt:
            transaction.on_commit(lambda: email_submission_receipt.enqueue(submission.pk))
    return submission


def request_certification(*, version: PlanVersion, actor, link: str) -> list[str]:
    """Someone who prepares the return (an executive director) asks the council's chief executive and
    section 151 officer to certify and submit an endorsed version. Returns the addresses written to."""
    refused = standing.standing_of(version, user=actor).why_not(standing.SUBMIT)
    if refused is not None:
        raise SubmissionRefused(refused)
    recipients = sorted({m.user.email for m in certifiers_of(version.council) if m.user.email})
    if not recipients:
        raise SubmissionRefused(
            f"{version.council.name} has no chief executive or section 151 officer with an email address in the "
            "service; ask them to sign in and submit the return"
        )
    with transaction.atomic():
        record_event(
            action="CertificationRequested",
            actor=actor,
            subject=version,
            council_code=version.council.gss_code,
            content_hash=version.content_hash,
            data={"version": version.number, "recipients": recipients},
        )
        transaction.on_commit(lambda: email_certification_request.enqueue(version.pk, actor.pk, link, recipients))
    return recipients


# Publishing writes the plan's files once; it lives in its own module.
from submissions.publishing import publish_version  # noqa: E402, F401


def _derive_status(council_id: int, return_id: int) -> dict | None:
    extension = (
        Extension.objects.filter(council_id=council_id, return_definition_id=return_id)
        .order_by("-granted_at", "-pk")
        .first()
    )
    last_chase = (
        Chase.objects.filter(council_id=council_id, return_definition_id=return_id).order_by("-sent_at").first()
    )
    draft = Draft.objects.filter(council_id=council_id, return_definition_id=return_id).first()
    if draft is None and extension is None and last_chase is None:
        return None
    versions = list(PlanVersion.objects.filter(draft=draft).order_by("-number")) if draft else []
    submissions = Submission.objects.filter(council_id=council_id, return_definition_id=return_id)
    first_submission = submissions.order_by("submitted_at").first()
    latest_submission = submissions.order_by("-submitted_at").first()
    latest_publication = (
        Publication.objects.filter(council_id=council_id, return_definition_id=return_id)
        .order_by("-published_at")
        .first()
    )
    endorsement = next((e for e in (standing.endorsement_in_effect(v) for v in versions) if e is not None), None)
    if latest_publication is not None:
        stage = Stage.PUBLISHED
    elif latest_submission is not None:
        stage = Stage.SUBMITTED
    elif endorsement is not None:
        stage = Stage.ENDORSED
    elif draft is not None:
        stage = Stage.DRAFT
    else:
        stage = Stage.NOT_STARTED
    return {
        "stage": stage,
        "on_time": first_submission.on_time if first_submission else None,
        "latest_version_hash": versions[0].content_hash if versions else "",
        "endorsed_on": endorsement.decided_on if endorsement else None,
        "submitted_at": latest_submission.submitted_at if latest_submission else None,
        "latest_submission": latest_submission,
        "published_at": latest_publication.published_at if latest_publication else None,
        "deadline": extension.deadline
        if extension
        else Return.objects.values_list("deadline", flat=True).get(pk=return_id),
        "extension": extension,
        "last_chased_at": last_chase.sent_at if last_chase else None,
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
    pairs = (
        set(Draft.objects.values_list("council_id", "return_definition_id"))
        | set(Extension.objects.values_list("council_id", "return_definition_id"))
        | set(Chase.objects.values_list("council_id", "return_definition_id"))
    )
    with transaction.atomic():
        ReturnStatus.objects.exclude(
            pk__in=[s.pk for s in ReturnStatus.objects.all() if (s.council_id, s.return_definition_id) in pairs]
        ).delete()
        for council_id, return_id in sorted(pairs):
            refresh_return_status(council_id=council_id, return_id=return_id)
        # A repair records no audit event, so it retires the cached register and workspaces itself.
        shared_cache.shared_changed()
    return len(pairs)


# --- Extensions -----------------------------------------------------------------------------


def request_extension(
    *, council, return_definition, deadline: datetime.date, reason: str, actor, at: datetime.datetime | None = None
) -> ExtensionRequest:
    """A council asks the department for a later deadline. One request waits at a time; a council
    that has submitted has nothing to extend."""
    moment = at or timezone.now()
    reason = (reason or "").strip()
    if not actor.has_perm("submissions.submit_return", council):
        raise SubmissionRefused(
            "Only the council's chief executive, executive directors and section 151 officers can ask for an extension"
        )
    if not reason:
        raise SubmissionRefused("Enter why the council needs more time", field="reason")
    current, _ = standing.effective_deadline(council=council, return_definition=return_definition)
    if deadline <= current:
        raise SubmissionRefused(
            f"Ask for a date after {council.name}'s deadline now, {long_date(current)}", field="deadline"
        )
    with transaction.atomic():
        list(ReturnStatus.objects.select_for_update().filter(council=council, return_definition=return_definition))
        if Submission.objects.filter(council=council, return_definition=return_definition).exists():
            raise SubmissionRefused(f"{council.name} has already submitted this return, so there is nothing to extend")
        waiting = ExtensionRequest.objects.filter(
            council=council, return_definition=return_definition, outcome=ExtensionRequest.Outcome.WAITING
        ).first()
        if waiting is not None:
            raise SubmissionRefused(
                f"{council.name} already asked for {long_date(waiting.deadline)} on "
                f"{long_date(uk_date(waiting.requested_at))}; the department has not answered yet"
            )
        try:
            with transaction.atomic():
                request = ExtensionRequest.objects.create(
                    council=council,
                    return_definition=return_definition,
                    deadline=deadline,
                    reason=reason,
                    requested_by=actor,
                    requested_at=moment,
                )
        except IntegrityError:
            raise SubmissionRefused(f"{council.name} has just asked for an extension") from None
        record_event(
            action="ExtensionRequested",
            actor=actor,
            subject=request,
            council_code=council.gss_code,
            data={"return": return_definition.slug, "deadline": deadline.isoformat(), "reason": reason},
        )
    return request


def refuse_extension_request(
    *, request: ExtensionRequest, reason: str, actor, at: datetime.datetime | None = None
) -> ExtensionRequest:
    """The department says no to a council's request, with its reason; the deadline stays as it was."""
    moment = at or timezone.now()
    reason = (reason or "").strip()
    if not actor.has_perm("submissions.manage_returns"):
        raise SubmissionRefused("Only department analysts and administrators can answer a request for an extension")
    if not reason:
        raise SubmissionRefused("Enter why the request is refused", field="refusal_reason")
    with transaction.atomic():
        locked = ExtensionRequest.objects.select_for_update().select_related("council").get(pk=request.pk)
        if locked.outcome != ExtensionRequest.Outcome.WAITING:
            raise SubmissionRefused(f"This request was already {locked.get_outcome_display().lower()}")
        locked.outcome = ExtensionRequest.Outcome.REFUSED
        locked.decided_by, locked.decided_at, locked.decision_note = actor, moment, reason
        locked.save(update_fields=["outcome", "decided_by", "decided_at", "decision_note"])
        record_event(
            action="ExtensionRefused",
            actor=actor,
            subject=locked,
            council_code=locked.council.gss_code,
            data={"deadline_asked": locked.deadline.isoformat(), "reason": reason},
        )
    return locked


def grant_extension(
    *, council, return_definition, deadline: datetime.date, reason: str, actor, at: datetime.datetime | None = None
) -> Extension:
    """Give one council a later deadline for one return. The latest extension granted is the one
    that counts; it must fall after the return's own deadline, and only a council that has not yet
    submitted can be given one (on time is settled at the moment of submission)."""
    moment = at or timezone.now()
    reason = (reason or "").strip()
    if not actor.has_perm("submissions.manage_returns"):
        raise SubmissionRefused("Only department analysts and administrators can grant an extension")
    if not reason:
        raise SubmissionRefused("Enter the reason for the extension", field="reason")
    if deadline <= return_definition.deadline:
        raise SubmissionRefused(
            f"An extension must end after the return's deadline of {return_definition.deadline:%-d %B %Y}",
            field="deadline",
        )
    with transaction.atomic():
        # Serialise with submissions from the council: lock its status row if it has one.
        list(ReturnStatus.objects.select_for_update().filter(council=council, return_definition=return_definition))
        submitted = (
            Submission.objects.filter(council=council, return_definition=return_definition)
            .order_by("submitted_at")
            .first()
        )
        if submitted is not None:
            raise SubmissionRefused(
                f"{council.name} has already submitted ({submitted.reference} on "
                f"{uk_date(submitted.submitted_at):%-d %B %Y}); an extension cannot change that"
            )
        extension = Extension.objects.create(
            council=council,
            return_definition=return_definition,
            deadline=deadline,
            reason=reason,
            granted_by=actor,
            granted_at=moment,
        )
        # A waiting request from the council is answered by this grant, whatever date it asked for.
        answered = (
            ExtensionRequest.objects.select_for_update()
            .filter(council=council, return_definition=return_definition, outcome=ExtensionRequest.Outcome.WAITING)
            .first()
        )
        if answered is not None:
            answered.outcome, answered.extension = ExtensionRequest.Outcome.GRANTED, extension
            answered.decided_by, answered.decided_at, answered.decision_note = actor, moment, reason
            answered.save(update_fields=["outcome", "extension", "decided_by", "decided_at", "decision_note"])
        record_event(
            action="ExtensionGranted",
            actor=actor,
            subject=extension,
            council_code=council.gss_code,
            data={
                "return": return_definition.slug,
                "deadline": deadline.isoformat(),
                "reason": reason,
                "request": answered.pk if answered else None,
            },
        )
        refresh_return_status(council_id=council.pk, return_id=return_definition.pk)
    return extension


# --- Chasing --------------------------------------------------------------------------------


def _record_chase(
    *, council, return_definition, kind, actor, moment, days_before_deadline=None, notify: bool = True
) -> Chase:
    recipients = named_contact_emails(council)
    if not recipients:
        raise SubmissionRefused(
            f"{council.name} has no named contact with an email address (executive director, chief executive, "
            "section 151 officer or democratic services), so no reminder can be sent"
        )
    chase = Chase.objects.create(
        council=council,
        return_definition=return_definition,
        kind=kind,
        sent_by=actor if getattr(actor, "pk", None) else None,
        sent_at=moment,
        recipients="\n".join(recipients),
        days_before_deadline=days_before_deadline,
    )
    record_event(
        action="CouncilChased" if kind == Chase.Kind.MANUAL else "ReminderSent",
        actor=actor,
        subject=chase,
        council_code=council.gss_code,
        data={"return": return_definition.slug, "recipients": recipients, "days_before_deadline": days_before_deadline},
    )
    refresh_return_status(council_id=council.pk, return_id=return_definition.pk)
    if notify:
        transaction.on_commit(lambda: email_chase.enqueue(chase.pk))
    return chase


def chase_council(
    *, council, return_definition, actor, at: datetime.datetime | None = None, notify: bool = True
) -> Chase:
    """Email a reminder to the council's named contacts about a return it has not made, and record it."""
    if not actor.has_perm("submissions.manage_returns"):
        raise SubmissionRefused("Only department analysts and administrators can chase a council")
    with transaction.atomic():
        if Submission.objects.filter(council=council, return_definition=return_definition).exists():
            raise SubmissionRefused(f"{council.name} has already submitted; there is nothing to chase")
        return _record_chase(
            council=council,
            return_definition=return_definition,
            kind=Chase.Kind.MANUAL,
            actor=actor,
            moment=at or timezone.now(),
            notify=notify,
        )


def send_due_reminders(
    *,
    return_definition,
    today: datetime.date | None = None,
    schedule: list[int] | None = None,
    at=None,
    notify: bool = True,
) -> list[Chase]:
    """Send each automatic reminder that is due today or overdue, once per council and schedule day.

    A council gets the reminder for N days before its effective deadline when today is on or after
    that day and on or before the deadline, it has not submitted, and it has not had that reminder.
    Councils with no named contact are skipped (the register shows they were never chased).
    """
    moment = at or timezone.now()
    today = today or uk_date(moment)
    schedule = sorted(set(settings.RETURN_REMINDER_DAYS if schedule is None else schedule))
    submitted = set(Submission.objects.filter(return_definition=return_definition).values_list("council_id", flat=True))
    extended = {}
    for extension in Extension.objects.filter(return_definition=return_definition).order_by("granted_at", "pk"):
        extended[extension.council_id] = extension.deadline  # the latest one wins
    already = set(
        Chase.objects.filter(return_definition=return_definition, kind=Chase.Kind.AUTOMATIC).values_list(
            "council_id", "days_before_deadline"
        )
    )
    sent = []
    for council in Council.objects.order_by("name"):
        if council.pk in submitted:
            continue
        deadline = extended.get(council.pk, return_definition.deadline)
        if today > deadline:
            continue
        due = [days for days in schedule if today >= deadline - datetime.timedelta(days=days)]
        if not due:
            continue
        days = min(due)  # the nearest reminder stands for any earlier ones missed
        if (council.pk, days) in already:
            continue
        try:
            with transaction.atomic():
                sent.append(
                    _record_chase(
                        council=council,
                        return_definition=return_definition,
                        kind=Chase.Kind.AUTOMATIC,
                        actor=None,
                        moment=moment,
                        days_before_deadline=days,
                        notify=notify,
                    )
                )
        except SubmissionRefused:
            continue  # no named contact to write to
        except IntegrityError:
            continue  # another run sent this reminder at the same moment
    return sent


# --- Minor amendments under delegated authority ------------------------------------------------


def amend_endorsed_version(
    *,
    delegation,
    summary: str,
    consulted_on: datetime.date,
    actor,
    confirmed_minor_reason: str = "",
    at: datetime.datetime | None = None,
):
    """Make a minor amendment under a decision's delegation, if the delegation still applies.

    A delegation "to make minor amendments prior to submission" ends when the return is submitted:
    after that any change needs a new decision of members, and this says so (`standing`). Otherwise
    governance freezes the amended version and records the delegation, the scale of the change and,
    above the council's threshold, why the officer judged it minor.
    """
    from governance.exceptions import GovernanceRefusal
    from governance.services.amendments import amend_under_delegation

    endorsed = delegation.decision.version
    with transaction.atomic():
        # Serialise with a submission of the same return: both lock the council's status row.
        list(
            ReturnStatus.objects.select_for_update().filter(
                council=endorsed.council, return_definition=endorsed.return_definition
            )
        )
        latest = latest_submission_of(council=endorsed.council, return_definition=endorsed.return_definition)
        refusal = standing.amendment_refusal(delegation=delegation, latest_submission=latest)
        if refusal:
            raise GovernanceRefusal(refusal)
        return amend_under_delegation(
            delegation=delegation,
            summary=summary,
            consulted_on=consulted_on,
            actor=actor,
            confirmed_minor_reason=confirmed_minor_reason,
            at=at,
        )
