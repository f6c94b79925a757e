"""Member decisions on plan versions."""

from django.conf import settings
from django.db import models

from core.models import AppendOnlyError, AppendOnlyQuerySet


class DecisionOutcome(models.TextChoices):
    APPROVED = "approved", "Endorsed"
    APPROVED_WITH_AMENDMENTS = "approved_with_amendments", "Endorsed with amendments"
    DEFERRED = "deferred", "Deferred"
    REJECTED = "rejected", "Not endorsed"


ENDORSING_OUTCOMES = {DecisionOutcome.APPROVED, DecisionOutcome.APPROVED_WITH_AMENDMENTS}


class Decision(models.Model):
    """What members decided about one frozen plan version. Decisions are records: never edited."""

    version = models.ForeignKey("plans.PlanVersion", on_delete=models.PROTECT, related_name="decisions")
    outcome = models.CharField(max_length=30, choices=DecisionOutcome.choices)
    decision_maker = models.CharField(max_length=200, help_text="The body or person who decided, e.g. Cabinet.")
    decided_on = models.DateField()
    resolution = models.TextField(blank=True)
    content_hash = models.CharField(max_length=64, help_text="The hash of the version decided on.")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-decided_on", "-recorded_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["version"],
                condition=models.Q(outcome__in=["approved", "approved_with_amendments"]),
                name="one_endorsement_per_version",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} by {self.decision_maker} on {self.decided_on:%d %B %Y}"

    @property
    def endorses(self) -> bool:
        return self.outcome in ENDORSING_OUTCOMES

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("A recorded decision cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("A recorded decision cannot be deleted.")
