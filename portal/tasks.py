"""Background work for the public site, run by the django-tasks worker (`manage.py db_worker`)."""

from core.tasks import task


@task()
def email_subscription_link(subscription_id: int, base_url: str) -> int:
    """Email the confirmation link (or, for a confirmed address, how to unsubscribe)."""
    from portal.subscriptions import send_subscription_link

    return send_subscription_link(subscription_id=subscription_id, base_url=base_url)


@task()
def email_publication_to_subscribers(publication_id: int, base_url: str) -> int:
    """Tell every confirmed subscriber of the council about a new publication (once each)."""
    from portal.selectors import publications
    from portal.subscriptions import send_publication_notices

    publication = publications().filter(pk=publication_id).first()
    if publication is None:
        return 0
    return send_publication_notices(publication=publication, base_url=base_url)


@task()
def rewrite_council_index() -> str:
    """Rewrite the index of councils written as a file (it shows who has published)."""
    from portal.site_files import write_council_index

    return write_council_index().sha256


@task()
def email_progress_update(council_id: int, subject: str, message: str, base_url: str) -> int:
    """Send a council's progress update to its confirmed subscribers."""
    from councils.models import Council
    from portal.subscriptions import send_progress_update

    council = Council.objects.filter(pk=council_id).first()
    if council is None:
        return 0
    return send_progress_update(council=council, subject=subject, message=message, base_url=base_url)


@task()
def email_progress_releases(release_ids: list[int], base_url: str) -> int:
    """Email each council's confirmed subscribers about figures it published (monitoring.ProgressRelease),
    once per release: a release already emailed (a retried task) is skipped."""
    from django.urls import reverse

    from monitoring.services import mark_release_notified
    from portal.subscriptions import send_progress_update

    sent = 0
    for release_id in release_ids:
        release = mark_release_notified(release_id=release_id)
        if release is None:
            continue
        council = release.council
        page = base_url.rstrip("/") + reverse("portal:council_progress", args=[council.gss_code])
        sent += send_progress_update(
            council=council,
            subject="progress against its plan updated",
            message=f"{council.name} has published new figures on its progress. {release.summary}\n\n"
            f"See where each commitment stands: {page}",
            base_url=base_url,
        )
    return sent
