"""Reads for submissions, publications and the register of statuses."""

from dataclasses import dataclass

from councils.models import Council
from councils.selectors import search_councils
from governance.selectors import decisions_on, endorsement_of
from plans.selectors import draft_for, open_returns, versions_of
from submissions.models import Publication, ReturnStatus, Stage, Submission


@dataclass
class RegisterRow:
    council: Council
    status: ReturnStatus | None

    @property
    def stage(self) -> str:
        return self.status.stage if self.status else Stage.NOT_STARTED

    @property
    def stage_label(self) -> str:
        return Stage(self.stage).label

    @property
    def on_time(self) -> bool | None:
        return self.status.on_time if self.status else None


def register_rows(
    *, return_definition, query="", authority_type="", region="", stage="", timeliness=""
) -> list[RegisterRow]:
    """Every council matching the filters with its stored status on the return (one query each)."""
    councils = search_councils(query=query, authority_type=authority_type, region=region)
    statuses = {
        status.council_id: status
        for status in ReturnStatus.objects.filter(
            return_definition=return_definition, council__in=councils
        ).select_related("latest_submission")
    }
    rows = [RegisterRow(council=council, status=statuses.get(council.pk)) for council in councils]
    if stage:
        rows = [row for row in rows if row.stage == stage]
    if timeliness == "on_time":
        rows = [row for row in rows if row.on_time is True]
    elif timeliness == "late":
        rows = [row for row in rows if row.on_time is False]
    return rows


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
    }


def submission_of(version) -> Submission | None:
    return Submission.objects.filter(version=version).select_related("submitted_by").first()


def publication_of(version) -> Publication | None:
    return Publication.objects.filter(version=version).first()


@dataclass
class VersionProgress:
    version: object
    decisions: list
    endorsement: object
    submission: Submission | None
    publication: Publication | None


def workspace_for(*, council) -> list[dict]:
    """For each return: the council's draft, status, and every version with how far it has got."""
    items = []
    for return_definition in open_returns():
        draft = draft_for(council=council, return_definition=return_definition)
        status = ReturnStatus.objects.filter(council=council, return_definition=return_definition).first()
        versions = []
        if draft is not None:
            for version in versions_of(draft):
                versions.append(
                    VersionProgress(
                        version=version,
                        decisions=decisions_on(version),
                        endorsement=endorsement_of(version),
                        submission=submission_of(version),
                        publication=publication_of(version),
                    )
                )
        items.append(
            {
                "return": return_definition,
                "draft": draft,
                "stage_label": Stage(status.stage).label if status else Stage.NOT_STARTED.label,
                "status": status,
                "versions": versions,
            }
        )
    return items


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
