"""Where a plan version stands: the one place that says so.

For a version (and, where it matters, the person asking) this module answers:

- its endorsement: the decision, whether it is subject to call-in, the day it takes effect (stored
  on the decision by governance's services, so here it is only compared with today) and, for a
  version made under delegated authority, the endorsed version and the delegation it descends from;
- the council's effective deadline, extension included;
- what may happen next (decide, certify, submit, publish, amend), and why not, in words that exist
  here once.

Every page, the API, the stored status, the register, the guidance checks, the certification
statement and the published files read these answers, so they cannot disagree.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from core.dates import long_date
from core.hashing import content_hash
from councils.models import Membership
from governance.models import CallInOutcome
from governance.selectors import amendment_of, endorsing_decision
from plans.models import PlanVersion
from submissions.models import CertifierRole, Extension, Publication, Submission

DECIDE, CERTIFY, SUBMIT, PUBLISH, AMEND = "decide", "certify", "submit", "publish", "amend"
ACTIONS = (DECIDE, CERTIFY, SUBMIT, PUBLISH, AMEND)

# Where an endorsement has got to.
IN_EFFECT = "in_effect"
RECORD_UNPUBLISHED = "record_unpublished"
CALL_IN_PERIOD = "call_in_period"
CALLED_IN = "called_in"
REFERRED_BACK = "referred_back"
NOT_YET = "not_yet"


def _today() -> datetime.date:
    return timezone.localdate()


def _officer(user) -> str:
    title = (getattr(user, "job_title", "") or "").strip()
    name = user.display_name
    return f"{name} ({title[0].lower() + title[1:]})" if title else name


@dataclass(frozen=True)
class Endorsement:
    """Members' endorsement behind a version, in effect or not."""

    version: PlanVersion  # the version this endorsement is asked about
    decision: object  # governance Decision: members' decision on the endorsed version
    amendment: object | None  # governance DelegatedAmendment that made `version`, if it was made so
    subject_to_call_in: bool
    takes_effect_on: datetime.date | None
    call_in: object | None
    record_published: bool
    today: datetime.date

    # The decision's own words, so a template can say "Endorsed by Cabinet on 9 July 2024".
    @property
    def decision_maker(self) -> str:
        return self.decision.decision_maker

    @property
    def decided_on(self) -> datetime.date:
        return self.decision.decided_on

    @property
    def outcome(self) -> str:
        return self.decision.outcome

    def get_outcome_display(self) -> str:
        return self.decision.get_outcome_display()

    @property
    def endorsed_version(self) -> PlanVersion:
        return self.decision.version

    @property
    def is_amended(self) -> bool:
        return self.amendment is not None

    @property
    def in_effect(self) -> bool:
        return self.takes_effect_on is not None and self.takes_effect_on <= self.today

    @property
    def state(self) -> str:
        if self.call_in is not None and self.call_in.outcome == CallInOutcome.REFERRED_BACK:
            return REFERRED_BACK
        if self.in_effect:
            return IN_EFFECT
        if self.call_in is not None and self.call_in.outcome == CallInOutcome.PENDING:
            return CALLED_IN
        if self.subject_to_call_in and not self.record_published:
            return RECORD_UNPUBLISHED
        if self.subject_to_call_in and self.takes_effect_on is not None and self.call_in is None:
            return CALL_IN_PERIOD
        return NOT_YET

    @property
    def decided_words(self) -> str:
        """'endorsed by Cabinet on 9 July 2024'."""
        return f"{self.get_outcome_display().lower()} by {self.decision_maker} on {long_date(self.decided_on)}"

    @property
    def description(self) -> str:
        """What members endorsed, truthfully, for the certification, receipt and public pages."""
        if self.amendment is None:
            return f"the version members endorsed ({self.decided_words})"
        return (
            f"version {self.endorsed_version.number} as {self.decided_words}, with minor amendments made on "
            f"{long_date(timezone.localtime(self.amendment.made_at).date())} by {_officer(self.amendment.made_by)} "
            "under the delegation in that decision"
        )

    @property
    def summary(self) -> str:
        """One line for a summary list: 'Endorsed by Cabinet on 9 July 2024' or the amendment's words."""
        if self.amendment is None:
            return self.decided_words[0].upper() + self.decided_words[1:]
        return f"Version {self.version.number}: {self.description}"

    @property
    def waiting(self) -> str:
        """Why the endorsement is not in effect yet, in plain words ('' when it is)."""
        state = self.state
        if state == IN_EFFECT:
            return ""
        if state == REFERRED_BACK:
            return (
                f"The decision of {long_date(self.decided_on)} was called in and referred back to the decision "
                "maker, so it does not take effect: members must decide again"
            )
        if state == CALLED_IN:
            return (
                f"The decision was called in on {long_date(self.call_in.received_on)} and scrutiny has not yet "
                "resolved the call-in, so it has not taken effect"
            )
        if state == RECORD_UNPUBLISHED:
            return (
                "The decision is subject to call-in and its record is not published yet, so the call-in period "
                "has not started"
            )
        if state == CALL_IN_PERIOD:
            return (
                f"The call-in period is running: the decision takes effect on {long_date(self.takes_effect_on)} "
                "if it is not called in"
            )
        if self.takes_effect_on is not None:
            return f"The decision takes effect on {long_date(self.takes_effect_on)}"
        return "The decision has not taken effect"

    def as_data(self) -> dict:
        """For the published JSON and the API."""
        amendment = self.amendment
        return {
            "outcome": self.outcome,
            "outcome_label": self.get_outcome_display(),
            "decision_maker": self.decision_maker,
            "decided_on": self.decided_on.isoformat(),
            "endorsed_version": self.endorsed_version.number,
            "endorsed_content_hash": self.endorsed_version.content_hash,
            "takes_effect_on": self.takes_effect_on.isoformat() if self.takes_effect_on else None,
            "in_effect": self.in_effect,
            "description": self.description,
            "amendment": (
                {
                    "made_on": timezone.localtime(amendment.made_at).date().isoformat(),
                    "made_by": amendment.made_by.display_name,
                    "made_by_job_title": amendment.made_by.job_title,
                    "under_delegation_to": amendment.delegation.officer.display_name,
                    "consulted": amendment.delegation.consult_with.display_name,
                    "consulted_on": amendment.consulted_on.isoformat(),
                    "summary": amendment.summary,
                    "words_changed": amendment.words_changed,
                    "share_changed_percent": float(amendment.share_changed_percent),
                    "parts_changed": [c["part"] for c in amendment.changes],
                    "confirmed_minor_reason": amendment.confirmed_minor_reason,
                }
                if amendment
                else None
            ),
        }


def endorsement_of(version: PlanVersion, today: datetime.date | None = None) -> Endorsement | None:
    """The endorsement behind this version, whether or not it is in effect yet; None when members
    have not endorsed it (or, for an amended version, the version it was amended from)."""
    today = today or _today()
    amendment = None
    decision = endorsing_decision(version)
    if decision is None:
        amendment = amendment_of(version)
        if amendment is None:
            return None
        decision = amendment.delegation.decision
    effect = getattr(decision, "effect", None)
    call_in = getattr(decision, "call_in", None)
    return Endorsement(
        version=version,
        decision=decision,
        amendment=amendment,
        subject_to_call_in=bool(effect and effect.subject_to_call_in),
        takes_effect_on=effect.takes_effect_on if effect else None,
        call_in=call_in,
        record_published=hasattr(decision, "publication"),
        today=today,
    )


def endorsement_in_effect(version: PlanVersion, today: datetime.date | None = None) -> Endorsement | None:
    """The endorsement behind this version if it is in effect today, else None."""
    endorsement = endorsement_of(version, today)
    return endorsement if endorsement is not None and endorsement.in_effect else None


def effective_deadline(*, council, return_definition) -> tuple[datetime.date, Extension | None]:
    """The deadline that applies to one council: the latest extension granted to it, or the return's."""
    extension = (
        Extension.objects.filter(council=council, return_definition=return_definition)
        .select_related("granted_by")
        .order_by("-granted_at", "-pk")
        .first()
    )
    return (extension.deadline if extension else return_definition.deadline), extension


@dataclass
class Standing:
    """Where one version stands today, and what may happen to it next."""

    version: PlanVersion
    endorsement: Endorsement | None
    deadline: datetime.date
    extension: Extension | None
    submission: Submission | None  # this version's
    latest_submission: Submission | None  # the council's latest for the return
    publication: Publication | None  # this version's
    latest_publication: Publication | None
    today: datetime.date
    user: object | None = None
    refusals: dict = field(default_factory=dict)

    @property
    def endorsed(self) -> bool:
        """Members' endorsement is in effect today."""
        return self.endorsement is not None and self.endorsement.in_effect

    @property
    def awaiting_effect(self) -> bool:
        """Members endorsed it, but the decision has not taken effect (and may still)."""
        return self.endorsement is not None and not self.endorsement.in_effect

    def may(self, action: str) -> bool:
        return self.refusals.get(action) is None

    def why_not(self, action: str) -> str | None:
        return self.refusals.get(action)


# --- Refusals: each message is written once, here -----------------------------------------------


def _submission_refusal(version, endorsement, submission, latest_submission) -> str | None:
    if submission is not None:
        return f"Version {version.number} has already been submitted ({submission.reference})"
    if endorsement is None:
        return f"Version {version.number} has not been endorsed by members, so it cannot be submitted"
    if not endorsement.in_effect:
        return f"Version {version.number} cannot be submitted yet. {endorsement.waiting}"
    if latest_submission is not None and latest_submission.version.number > version.number:
        return (
            f"Version {latest_submission.version.number} has already been submitted; version {version.number} is older"
        )
    return None


def certifier_refusal(user, council, role: str | None = None) -> str | None:
    """Why this person may not certify the council's return, in `role` or (when None) in any role."""
    if role is not None and role not in CertifierRole.values:
        return "Choose the role in which you certify the return"
    held = set(Membership.objects.filter(user=user, council=council).values_list("role", flat=True))
    roles = [role] if role is not None else list(CertifierRole.values)
    if user.has_perm("submissions.certify_return", council) and held & set(roles):
        return None
    if role is not None:
        return (
            f"Only {council.name}'s chief executive or section 151 officer can certify the return; "
            f"{user.display_name} is not its {CertifierRole(role).label.lower()}"
        )
    return (
        f"Only {council.name}'s chief executive or section 151 officer can certify and submit the return. "
        "Ask them to certify it"
    )


def _publication_refusal(version, submission, publication, latest_publication) -> str | None:
    if publication is not None:
        return f"Version {version.number} is already published"
    if submission is None:
        return f"Submit version {version.number} to the department before publishing it"
    if latest_publication is not None and latest_publication.version.number > version.number:
        return f"Version {latest_publication.version.number} is already published; version {version.number} is older"
    return None


def amendment_refusal(*, delegation, latest_submission) -> str | None:
    """Why a delegation cannot be used now: its scope (before submission) or a call-in referred back."""
    decision = delegation.decision
    call_in = getattr(decision, "call_in", None)
    if call_in is not None and call_in.outcome == CallInOutcome.REFERRED_BACK:
        return "The decision was referred back after call-in, so its delegation cannot be used"
    if delegation.before_submission_only and latest_submission is not None:
        return (
            f"The delegation in {decision.decision_maker}'s decision of {long_date(decision.decided_on)} covers "
            f"minor amendments before submission, and version {latest_submission.version.number} was submitted "
            f"on {long_date(timezone.localtime(latest_submission.submitted_at).date())} "
            f"({latest_submission.reference}). Any further change needs a new decision of members"
        )
    return None


def _decide_refusal(version, endorsement) -> str | None:
    """A version is endorsed by members once. A version made under delegated authority may still be
    decided on: members endorsing it directly is a decision of its own."""
    if endorsement is not None and endorsement.amendment is None:
        return f"Version {version.number} has already been endorsed"
    return None


def standing_of(version: PlanVersion, *, user=None, today: datetime.date | None = None) -> Standing:
    """Where the version stands today and, for `user` if given, what they may do next."""
    today = today or _today()
    council, return_definition = version.council, version.return_definition
    endorsement = endorsement_of(version, today)
    deadline, extension = effective_deadline(council=council, return_definition=return_definition)
    submissions = Submission.objects.filter(council=council, return_definition=return_definition).select_related(
        "version"
    )
    submission = next((s for s in submissions if s.version_id == version.pk), None)
    latest_submission = max(submissions, key=lambda s: s.submitted_at, default=None)
    publications = Publication.objects.filter(council=council, return_definition=return_definition).select_related(
        "version"
    )
    publication = next((p for p in publications if p.version_id == version.pk), None)
    latest_publication = max(publications, key=lambda p: (p.published_at, p.pk), default=None)
    refusals = {
        DECIDE: _decide_refusal(version, endorsement),
        SUBMIT: _submission_refusal(version, endorsement, submission, latest_submission),
        PUBLISH: _publication_refusal(version, submission, publication, latest_publication),
        AMEND: None,
    }
    if endorsement is None:
        refusals[AMEND] = f"Version {version.number} has not been endorsed by members, so there is nothing to amend"
    elif endorsement.amendment is None:
        delegations = list(endorsement.decision.delegations.all())
        if not delegations:
            refusals[AMEND] = (
                f"{endorsement.decision_maker}'s decision delegated no authority to amend version {version.number}"
            )
        else:
            refusals[AMEND] = amendment_refusal(delegation=delegations[0], latest_submission=latest_submission)
    else:
        refusals[AMEND] = amendment_refusal(
            delegation=endorsement.amendment.delegation, latest_submission=latest_submission
        )
    refusals[CERTIFY] = refusals[SUBMIT]
    if user is not None:
        if refusals[SUBMIT] is None:
            refusals[CERTIFY] = certifier_refusal(user, council)
        if refusals[DECIDE] is None and not user.has_perm("governance.record_decision", council):
            refusals[DECIDE] = "Only the council's democratic services officers record members' decisions"
        if refusals[PUBLISH] is None and not user.has_perm("submissions.publish_plan", council):
            refusals[PUBLISH] = "Only the council's democratic services officers can publish the plan"
        if refusals[SUBMIT] is None and not user.has_perm("submissions.submit_return", council):
            refusals[SUBMIT] = "Only the council's executive directors and certifying officers can prepare the return"
    return Standing(
        version=version,
        endorsement=endorsement,
        deadline=deadline,
        extension=extension,
        submission=submission,
        latest_submission=latest_submission,
        publication=publication,
        latest_publication=latest_publication,
        today=today,
        user=user,
        refusals=refusals,
    )


# --- A draft's guidance checks: its content, the deadline and endorsement -------------------------


def draft_guidance(draft, content: dict | None = None, today: datetime.date | None = None) -> tuple[list, int | None]:
    """Every guidance check for a draft's current text, with the page count of its PDF if rendered:
    the content checks (plans), the council's deadline with any extension, and whether members'
    endorsement of exactly this text is in effect."""
    from plans import rendering
    from plans.checks import run_checks
    from plans.services import plan_content

    today = today or _today()
    content = content if content is not None else plan_content(draft)
    digest = content_hash(content)
    page_count = rendering.cached_page_count(digest)
    deadline, extension = effective_deadline(council=draft.council, return_definition=draft.return_definition)
    endorsements = [endorsement_of(v, today) for v in draft.versions.filter(content_hash=digest)]
    endorsements = [e for e in endorsements if e is not None]
    endorsed = any(e.in_effect for e in endorsements)
    checks = run_checks(
        content,
        rendering.return_values(draft.return_definition),
        page_count,
        today,
        endorsed,
        deadline=deadline,
        extended_from=draft.return_definition.deadline if extension else None,
        waiting="" if endorsed or not endorsements else endorsements[0].waiting,
    )
    return checks, page_count
