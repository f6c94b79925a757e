"""A picture of everything the service stores about plans, to prove a request changed nothing."""

from django.apps import apps

from core.models import AuditEvent
from plans.models import Draft, DraftSection
from submissions.models import ReturnStatus

# Every model of the service's own apps, and the task queue: a request that only reads must
# neither write a record nor queue work.
PROJECT_APPS = (
    "core",
    "accounts",
    "councils",
    "plans",
    "governance",
    "meetings",
    "submissions",
    "monitoring",
    "analysis",
    "portal",
)
COUNTED = [
    model for label in (*PROJECT_APPS, "django_tasks_database") for model in apps.get_app_config(label).get_models()
]


def counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in COUNTED}


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
