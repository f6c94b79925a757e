"""What the public site does when a plan is published (after the publication is committed)."""

from django.conf import settings

from portal.tasks import email_progress_releases, email_publication_to_subscribers, rewrite_council_index


def on_plan_published(sender, *, publication, **kwargs) -> None:
    email_publication_to_subscribers.enqueue(publication.pk, settings.SITE_URL)
    rewrite_council_index.enqueue()


def on_progress_published(sender, *, release_ids, **kwargs) -> None:
    """Figures became public for some councils: tell the residents who follow each of them, once."""
    if release_ids:
        email_progress_releases.enqueue(list(release_ids), settings.SITE_URL)
