"""Reads for submissions, publications and the register of statuses."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from core import shared_cache
from core.dates import uk_date
from councils.models import Council, CouncilRole, Membership
from councils.selectors import search_councils
from governance.selectors import decisions_on
from plans.selectors import draft_for, open_returns, versions_of
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
from submissions.standing import Standing, effective_deadline, standing_of

NAMED_CONTACT_ROLES = (
    CouncilRole.EXECUTIVE_DIRECTOR,
    CouncilRole.CHIEF_EXECUTIVE,
    CouncilRole.SECTION_151_OFFICER,
    CouncilRole.DEMOCRATIC_SERVICES,
)


def named_contact_emails(council) -> list[str]:
    """Who the department writes to about a return: the council's executive directors, chief
    executive, section 151 officers and democratic services officers, by email."""
    addresses = Membership.objects.filter(council=council, role__in=NAMED_CONTACT_ROLES).values_list(
        "user__email", flat=True
    )
    return sorted({address for address in addresses if address})


def certifier_roles_of(user, council) -> list[str]:
    """The roles in which a person may certify a council's return: chief executive, s151 officer."""
    if not user.has_perm("submissions.certify_return", council):
        return []
    held = set(Membership.objects.filter(user=user, council=council).values_list("role", flat=True))
    return [role for role in CertifierRole.values if role in held]


def certifiers_of(council) -> list[Membership]:
    """The people who may certify the council's returns."""
    return list(
        Membership.objects.filter(council=council, role__in=CertifierRole.values)
        .select_related("user")
        .order_by("role", "user__last_name", "user__username")
    )


@dataclass
class RegisterRow:
    council: Council
    status: ReturnStatus | None
    return_deadline: datetime.date
    today: datetime.date

    @property
    def stage(self) -> str:
        return self.status.stage if self.status else Stage.NOT_STARTED

    @property
    def stage_label(self) -> str:
        return Stage(self.stage).label

    @property
    def on_time(self) -> bool | None:
        return self.status.on_time if self.status else None

    @property
    def deadline(self) -> datetime.date:
        """The effective deadline: the council's latest extension, or the return's."""
        return self.status.deadline if self.status and self.status.deadline else self.return_deadline

    @property
    def extension(self):
        return self.status.extension if self.status else None

    @property
    def last_chased_at(self) -> datetime.datetime | None:
        return self.status.last_chased_at if self.status else None

    @property
    def submission(self) -> Submission | None:
        return self.status.latest_submission if self.status else None

    @property
    def has_submitted(self) -> bool:
        return self.stage in (Stage.SUBMITTED, Stage.PUBLISHED)

    @property
    def is_missing(self) -> bool:
        """Past its effective deadline with nothing submitted."""
        return not self.has_submitted and self.today > self.deadline

    @property
    def is_late(self) -> bool:
        return self.on_time is False

    @property
    def timeliness(self) -> str:
        if self.on_time is True:
            return "on_time"
        if self.on_time is False:
            return "late"
        return "missing" if self.is_missing else ""


TIMELINESS_FILTERS = {
    "on_time": lambda row: row.on_time is True,
    "late": lambda row: row.is_late,
    "missing": lambda row: row.is_missing,
    "late_or_missing": lambda row: row.is_late or row.is_missing,
}


def register_rows(
    *,
    return_definition,
    query="",
    authority_type="",
    region="",
    stage="",
    timeliness="",
    today: datetime.date | None = None,
) -> list[RegisterRow]:
    """Every council matching the filters with its stored status on the return (two queries in all:
    the councils, and their statuses with each one's latest submission, certifier and extension)."""
    today = today or uk_date(timezone.now())
    councils = search_councils(query=query, authority_type=authority_type, region=region)
    statuses = {
        status.council_id: status
        for status in ReturnStatus.objects.filter(
            return_definition=return_definition, council__in=councils
        ).select_related("latest_submission", "latest_submission__certified_by", "extension")
    }
    rows = [
        RegisterRow(
            council=council,
            status=statuses.get(council.pk),
            return_deadline=return_definition.deadline,
            today=today,
        )
        for council in councils
    ]
    if stage:
        rows = [row for row in rows if row.stage == stage]
    if timeliness in TIMELINESS_FILTERS:
        rows = [row for row in rows if TIMELINESS_FILTERS[timeliness](row)]
    return rows


def shared_register(
    *, return_definition, today: datetime.date | None = None, **filters
) -> tuple[list[RegisterRow], dict]:
    """The rows matching the filters, and the counts over every council: `register_rows` and
    `stage_counts`, shared by every reader through the cache until an audit event changes a council's
    stage, deadline or chase, or the register of councils (decision 0027). Keyed by the day too, because a
    council becomes missing when its deadline passes, with no event."""
    return shared_register_entry(return_definition=return_definition, today=today, **filters)[1]


def shared_register_entry(
    *, return_definition, today: datetime.date | None = None, **filters
) -> tuple[str, tuple[list[RegisterRow], dict]]:
    """`shared_register` with the key it is cached under, which a page's table is cached by too."""
    today = today or uk_date(timezone.now())
    filters = {key: value for key, value in filters.items() if value}

    def compute():
        every = register_rows(return_definition=return_definition, today=today)
        rows = register_rows(return_definition=return_definition, today=today, **filters) if filters else every
        return rows, stage_counts(every)

    return shared_cache.cached_entry(
        "register",
        namespaces=(shared_cache.REGISTER,),
        parts=(return_definition.pk, today, sorted(filters.items())),
        compute=compute,
    )


def shared_stage_counts(*, return_definition, today: datetime.date | None = None) -> dict:
    """The register's counts over every council, shared as its rows are (without reading the rows)."""
    today = today or uk_date(timezone.now())
    return shared_cache.cached(
        "register:counts",
        namespaces=(shared_cache.REGISTER,),
        parts=(return_definition.pk, today),
        compute=lambda: stage_counts(register_rows(return_definition=return_definition, today=today)),
    )


def stage_count_map(rows: list[RegisterRow]) -> dict[str, int]:
    counts = {stage: 0 for stage in Stage.values}
    for row in rows:
        counts[row.stage] += 1
    return counts


def stage_counts(rows: list[RegisterRow]) -> dict:
    counts = stage_count_map(rows)
    return {
        "total": len(rows),
        "by_stage": [(Stage(stage).label, stage, n) for stage, n in counts.items()],
        "on_time": sum(1 for row in rows if row.on_time is True),
        "late": sum(1 for row in rows if row.on_time is False),
        "missing": sum(1 for row in rows if row.is_missing),
        "extended": sum(1 for row in rows if row.extension is not None),
    }


def extensions_for(*, council, return_definition) -> list:
    return list(
        Extension.objects.filter(council=council, return_definition=return_definition)
        .select_related("granted_by")
        .order_by("-granted_at", "-pk")
    )


def extension_requests_for(*, council, return_definition) -> list[ExtensionRequest]:
    return list(
        ExtensionRequest.objects.filter(council=council, return_definition=return_definition)
        .select_related("requested_by", "decided_by")
        .order_by("-requested_at")
    )


def waiting_extension_request(*, council, return_definition) -> ExtensionRequest | None:
    return (
        ExtensionRequest.objects.filter(
            council=council, return_definition=return_definition, outcome=ExtensionRequest.Outcome.WAITING
        )
        .select_related("requested_by")
        .first()
    )


def waiting_extension_requests() -> list[ExtensionRequest]:
    """Every council's request the department has not answered, oldest first."""
    return list(
        ExtensionRequest.objects.filter(outcome=ExtensionRequest.Outcome.WAITING)
        .select_related("council", "return_definition", "requested_by")
        .order_by("requested_at")
    )


def chases_for(*, council, return_definition) -> list[Chase]:
    return list(
        Chase.objects.filter(council=council, return_definition=return_definition)
        .select_related("sent_by")
        .order_by("-sent_at")
    )


def status_of(*, council, return_definition) -> ReturnStatus | None:
    return (
        ReturnStatus.objects.filter(council=council, return_definition=return_definition)
        .select_related("latest_submission", "extension")
        .first()
    )


def latest_submission_of(*, council, return_definition) -> Submission | None:
    return (
        Submission.objects.filter(council=council, return_definition=return_definition)
        .select_related("version")
        .order_by("-submitted_at")
        .first()
    )


def submission_of(version) -> Submission | None:
    return Submission.objects.filter(version=version).select_related("submitted_by").first()


def publication_of(version) -> Publication | None:
    return Publication.objects.filter(version=version).first()


@dataclass
class VersionProgress:
    """A version in the council's workspace: members' decisions on it and where it stands."""

    version: object
    decisions: list
    standing: Standing

    @property
    def endorsement(self):
        return self.standing.endorsement

    @property
    def submission(self) -> Submission | None:
        return self.standing.submission

    @property
    def publication(self) -> Publication | None:
        return self.standing.publication


def workspace_for(*, council, user=None) -> list[dict]:
    """For each return: the council's draft, status, and every version with where it stands."""
    items = []
    for return_definition in open_returns():
        draft = draft_for(council=council, return_definition=return_definition)
        status = ReturnStatus.objects.filter(council=council, return_definition=return_definition).first()
        versions = []
        if draft is not None:
            for version in versions_of(draft):
                versions.append(
                    VersionProgress(
                        version=version, decisions=decisions_on(version), standing=standing_of(version, user=user)
                    )
                )
        deadline, extension = effective_deadline(council=council, return_definition=return_definition)
        requests = extension_requests_for(council=council, return_definition=return_definition)
        items.append(
            {
                "return": return_definition,
                "deadline": deadline,
                "extension": extension,
                "extension_request": requests[0] if requests else None,
                "extension_waiting": bool(requests) and requests[0].outcome == ExtensionRequest.Outcome.WAITING,
                "draft": draft,
                "stage_label": Stage(status.stage).label if status else Stage.NOT_STARTED.label,
                "status": status,
                "versions": versions,
            }
        )
    return items


def shared_workspace(*, council, user) -> list[dict]:
    """`workspace_for`, shared through the cache until an audit event about the council (or every council)
    changes it, or the day changes (an endorsement takes effect, a deadline passes). Per person, because
    where a version stands says what this person may do with it."""
    return shared_cache.cached(
        "workspace",
        namespaces=(shared_cache.council(council.gss_code), shared_cache.WORKSPACE),
        parts=(council.pk, user.pk, uk_date(timezone.now())),
        compute=lambda: workspace_for(council=council, user=user),
    )


def latest_publication(*, council, return_definition) -> Publication | None:
    return (
        Publication.objects.filter(council=council, return_definition=return_definition)
        .select_related("version", "council", "return_definition")
        .order_by("-published_at")
        .first()
    )


def publications_of(council) -> list[Publication]:
    return list(
        Publication.objects.filter(council=council)
        .select_related("return_definition", "version")
        .order_by("-published_at")
    )
