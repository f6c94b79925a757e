"""A picture of everything the service stores about plans, to prove a request changed nothing."""

from accounts.models import ApiToken, User
from core.models import AuditEvent
from councils.models import Membership
from governance.models import Decision
from plans.models import Draft, DraftSection, PlanVersion
from submissions.models import Publication, ReturnStatus, Submission

COUNTED = [
    AuditEvent,
    Draft,
    DraftSection,
    PlanVersion,
    Decision,
    Submission,
    Publication,
    ReturnStatus,
    Membership,
    User,
    ApiToken,
]


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def snapshot() -> dict:
    """Counts of every record, plus the mutable fields of the records that may change."""
    return {
        "counts": counts(),
        "drafts": list(Draft.objects.order_by("pk").values_list("pk", "revision", "updated_by_id", "updated_at")),
        "sections": list(DraftSection.objects.order_by("pk").values_list("pk", "body")),
        "statuses": list(
            ReturnStatus.objects.order_by("pk").values_list(
                "pk",
                "stage",
                "on_time",
                "latest_version_hash",
                "endorsed_on",
                "submitted_at",
                "published_at",
                "latest_submission_id",
                "updated_at",
            )
        ),
        "last_audit_event": AuditEvent.objects.order_by("-id").values_list("id", flat=True).first(),
    }


def describe_change(before: dict, after: dict) -> str:
    changed = [key for key in before if before[key] != after[key]]
    lines = []
    for key in changed:
        if key == "counts":
            lines += [
                f"{name}: {before['counts'][name]} -> {after['counts'][name]}"
                for name in before["counts"]
                if before["counts"][name] != after["counts"][name]
            ]
        else:
            lines.append(f"{key} changed")
    return "; ".join(lines)
