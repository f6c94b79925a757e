"""What the public site stores of its own: residents' email subscriptions and the pages it writes as files.

Subscriptions are personal data, so they are kept apart from the audit log (which can never be
deleted): unsubscribing deletes the address.
"""

from django.db import models


class Subscription(models.Model):
    """A resident's request for emails about one council's plans: new publications and progress.

    Nothing is sent until the address is confirmed from the emailed link (double opt-in).
    """

    email = models.EmailField(max_length=254)
    council = models.ForeignKey("councils.Council", on_delete=models.CASCADE, related_name="subscriptions")
    created_at = models.DateTimeField()
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["council__name", "email"]
        constraints = [models.UniqueConstraint(fields=["email", "council"], name="one_subscription_per_council")]

    def __str__(self) -> str:
        return f"Subscription {self.pk} to {self.council_id}"

    @property
    def confirmed(self) -> bool:
        return self.confirmed_at is not None


class Notice(models.Model):
    """One email sent to one subscriber about one publication, so a retried task never sends it twice."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="notices")
    publication = models.ForeignKey("submissions.Publication", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscription", "publication"], name="one_notice_per_publication")
        ]

    def __str__(self) -> str:
        return f"Notice of publication {self.publication_id} to subscription {self.subscription_id}"


class SiteFile(models.Model):
    """A page of the public site written as a file (the index of councils), with the SHA-256 of what was
    written, so the server can refuse a file that has been changed since."""

    name = models.CharField(max_length=255, unique=True)
    sha256 = models.CharField(max_length=64)
    written_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.name
