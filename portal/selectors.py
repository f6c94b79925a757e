"""Reads for the public site: only what councils have published, and the register of councils."""

from dataclasses import dataclass

from django.db.models import QuerySet

from portal.models import SiteFile, Subscription
from submissions.models import Publication, ReturnStatus, Submission
from submissions.standing import endorsement_of


def publications() -> QuerySet[Publication]:
    """Every publication, newest first, with what the public pages show beside it."""
    return Publication.objects.select_related(
        "council", "return_definition", "version", "replaces", "replaces__version"
    ).order_by("-published_at", "-pk")


def submissions() -> QuerySet[Submission]:
    """Every submission, newest first (the facts that are public: council, when, on time, hash)."""
    return Submission.objects.select_related("council", "return_definition").order_by("-submitted_at", "-pk")


def published_version_ids() -> set[int]:
    return set(Publication.objects.values_list("version_id", flat=True))


def published_council_ids() -> set[int]:
    return set(Publication.objects.values_list("council_id", flat=True))


@dataclass
class PublishedPlan:
    publication: Publication
    endorsement: object
    submission: Submission | None
    is_latest: bool
    replaced_by: Publication | None


def published_plans_of(council) -> list[PublishedPlan]:
    """A council's publications, newest first, each with its endorsing decision and submission."""
    items = list(publications().filter(council=council))
    replaced_by = {p.replaces_id: p for p in items if p.replaces_id}
    latest_seen: set[int] = set()
    plans = []
    for publication in items:
        is_latest = publication.return_definition_id not in latest_seen
        latest_seen.add(publication.return_definition_id)
        plans.append(
            PublishedPlan(
                publication=publication,
                endorsement=endorsement_of(publication.version),
                submission=Submission.objects.filter(version=publication.version).first(),
                is_latest=is_latest,
                replaced_by=replaced_by.get(publication.pk),
            )
        )
    return plans


def latest_publication(*, code: str, slug: str) -> Publication | None:
    return publications().filter(council__gss_code=code.upper(), return_definition__slug=slug).first()


def publication_by_hash(content_hash: str) -> Publication | None:
    return publications().filter(content_hash=content_hash).first()


def latest_publications(*, return_definition=None) -> list[Publication]:
    """Each council's latest publication (of one return, or of each return)."""
    latest: dict[tuple[int, int], Publication] = {}
    queryset = publications()
    if return_definition is not None:
        queryset = queryset.filter(return_definition=return_definition)
    for publication in queryset:
        latest.setdefault((publication.council_id, publication.return_definition_id), publication)
    return sorted(latest.values(), key=lambda p: (p.council.name, p.return_definition.slug))


def statuses_of(return_definition) -> dict[int, ReturnStatus]:
    return {s.council_id: s for s in ReturnStatus.objects.filter(return_definition=return_definition)}


def confirmed_subscriptions(council) -> QuerySet[Subscription]:
    return Subscription.objects.filter(council=council, confirmed_at__isnull=False).order_by("pk")


def site_file_hash(name: str) -> str | None:
    return SiteFile.objects.filter(name=name).values_list("sha256", flat=True).first()
