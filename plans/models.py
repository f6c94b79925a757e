"""Returns (as data), councils' drafts, and frozen plan versions."""

import datetime

from django.conf import settings
from django.db import models

from core.dates import uk_date
from core.models import AppendOnlyError, AppendOnlyQuerySet


class Return(models.Model):
    """Something councils must send the department by a deadline, defined as data.

    Next year's plan, or another return, is a new row: nothing about a return's themes,
    guidance, deadline or page limit is written in code or templates.
    """

    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=200)
    summary = models.TextField(help_text="What the return is and why councils make it.")
    issued_by = models.CharField(max_length=200)
    deadline = models.DateField(help_text="Returns made on or before this day (UK time) are on time.")
    page_limit = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Suggested maximum length in pages.")
    requires_member_endorsement = models.BooleanField(default=True)
    requires_publication = models.BooleanField(default=True)
    is_scored = models.BooleanField(default=False, help_text="Productivity plans are never rated or scored.")

    class Meta:
        ordering = ["-deadline", "slug"]

    def __str__(self) -> str:
        return self.title

    def is_on_time(self, moment: datetime.datetime) -> bool:
        """On time means received on or before the deadline day, in UK time."""
        return uk_date(moment) <= self.deadline


class Theme(models.Model):
    """One of the areas a return must cover."""

    return_definition = models.ForeignKey(Return, on_delete=models.CASCADE, related_name="themes")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    short_title = models.CharField(max_length=80)
    description = models.TextField()

    class Meta:
        ordering = ["return_definition", "number"]
        constraints = [models.UniqueConstraint(fields=["return_definition", "number"], name="theme_number_unique")]

    def __str__(self) -> str:
        return f"Theme {self.number}: {self.short_title}"


class GuidanceQuestion(models.Model):
    """A question a theme's section should answer, shown beside the text as it is written."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["theme", "position"]
        constraints = [models.UniqueConstraint(fields=["theme", "position"], name="question_position_unique")]

    def __str__(self) -> str:
        return self.text


class Draft(models.Model):
    """A council's working copy of its plan for a return: edited freely, never published itself."""

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="drafts")
    return_definition = models.ForeignKey(Return, on_delete=models.PROTECT, related_name="drafts")
    revision = models.PositiveIntegerField(default=1, help_text="Goes up at every save; detects edits from two places.")
    introduction = models.TextField(
        blank=True, help_text="Optional context before the themes: population, budget, savings to date (Markdown)."
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["council__name"]
        constraints = [
            models.UniqueConstraint(fields=["council", "return_definition"], name="one_draft_per_council_return")
        ]

    def __str__(self) -> str:
        return f"{self.council.name}: {self.return_definition.title} (draft)"


class DraftSection(models.Model):
    """The text a council has written for one theme."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="sections")
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(blank=True)

    class Meta:
        ordering = ["theme__number"]
        constraints = [models.UniqueConstraint(fields=["draft", "theme"], name="one_section_per_theme")]

    def __str__(self) -> str:
        return f"{self.draft} – theme {self.theme.number}"


class SpendEvidence(models.Model):
    """Theme 3's figures: what the council spent on agency staff and consultants against its staff budget."""

    draft = models.OneToOneField(Draft, on_delete=models.CASCADE, related_name="spend_evidence")
    year = models.CharField(max_length=7, help_text="Financial year, e.g. 2023/24.")
    staff_budget = models.DecimalField(max_digits=14, decimal_places=2)
    agency_spend = models.DecimalField(max_digits=14, decimal_places=2)
    consultant_spend = models.DecimalField(max_digits=14, decimal_places=2)
    edi_statement = models.TextField(blank=True, help_text="What the council spends on staff EDI programmes.")

    def __str__(self) -> str:
        return f"{self.draft} spend evidence {self.year}"


class BarrierCategory(models.Model):
    """A category of barrier councils name (loaded from plans/data/barrier_taxonomy.csv)."""

    slug = models.SlugField(max_length=60, unique=True)
    label = models.CharField(max_length=120)
    description = models.TextField()

    class Meta:
        ordering = ["label"]
        verbose_name_plural = "barrier categories"

    def __str__(self) -> str:
        return self.label


class Barrier(models.Model):
    """Something that stops the council doing more, and what it asks the government to do."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="barriers")
    category = models.ForeignKey(BarrierCategory, on_delete=models.PROTECT, related_name="+")
    description = models.TextField()
    ask = models.TextField(help_text="What the council asks the government to do.")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["draft", "position", "id"]

    def __str__(self) -> str:
        return f"{self.category.label}: {self.description[:40]}"


class Commitment(models.Model):
    """An action the council commits to, with a measure to follow it by."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="commitments")
    theme = models.ForeignKey(Theme, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    action = models.TextField()
    owner = models.CharField(max_length=200)
    due_on = models.DateField()
    measure = models.CharField(max_length=300)
    baseline = models.CharField(max_length=100, blank=True)
    target = models.CharField(max_length=100)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["draft", "due_on", "position", "id"]

    def __str__(self) -> str:
        return self.action[:60]


class PlanVersion(models.Model):
    """A frozen, hashed state of a council's plan. Versions are never changed or deleted.

    `content` holds everything the plan says (the themes' titles and the council's text),
    so a version reads the same even if the return's wording is later corrected.
    """

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="plan_versions")
    return_definition = models.ForeignKey(Return, on_delete=models.PROTECT, related_name="versions")
    draft = models.ForeignKey(Draft, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    content = models.JSONField()
    content_hash = models.CharField(max_length=64, db_index=True)
    frozen_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    frozen_at = models.DateTimeField()

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["council__name", "-number"]
        constraints = [models.UniqueConstraint(fields=["draft", "number"], name="version_number_unique")]

    def __str__(self) -> str:
        return f"{self.council.name} version {self.number} ({self.content_hash[:12]})"

    @property
    def short_hash(self) -> str:
        return self.content_hash[:12]

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("A plan version cannot be changed once frozen; freeze a new version instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("A plan version cannot be deleted.")
