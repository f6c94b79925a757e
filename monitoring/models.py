"""Monitoring performance against the plans: the metrics catalogue, councils' values with their history,
and the commitments each council follows with a metric.

Values are append-only rows. A correction is a new row; the row it corrects is kept, marked superseded,
so every figure's history stays readable. A council may hold new values back for its approval: such a
row waits (`approved_at` empty) and the public pages go on showing the last approved value until it is
approved.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q


class Polarity(models.TextChoices):
    HIGHER = "higher", "Higher is better"
    LOWER = "lower", "Lower is better"
    CONTEXT = "context", "Neither: a fact about the area, used to find similar councils"


class Frequency(models.TextChoices):
    ANNUAL = "annual", "Each financial year"
    QUARTERLY = "quarterly", "Each quarter of the financial year"


class Unit(models.TextChoices):
    PERCENT = "percent", "Percentage"
    NUMBER = "number", "Number"
    DAYS = "days", "Days"
    POUNDS = "pounds", "Pounds"
    KILOGRAMS = "kilograms", "Kilograms"
    PER_100K = "per_100k", "Per 100,000 people"
    PER_KM2 = "per_km2", "People per square kilometre"
    SCORE = "score", "Score"


class Metric(models.Model):
    """One measure in the catalogue, loaded from monitoring/catalogue.py."""

    slug = models.SlugField("identifier", max_length=60, unique=True)
    title = models.CharField(max_length=200)
    description = models.TextField()
    unit = models.CharField(max_length=20, choices=Unit.choices)
    polarity = models.CharField(max_length=10, choices=Polarity.choices)
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.ANNUAL)
    source = models.CharField(max_length=300)
    area = models.CharField(max_length=60, help_text="The service area, e.g. 'Adult social care'.")
    theme_numbers = models.JSONField(default=list, help_text="The return's themes this metric evidences.")
    authority_types = models.JSONField(default=list, help_text="The council types it applies to.")
    minimum = models.DecimalField(max_digits=18, decimal_places=4, null=True, blank=True)
    maximum = models.DecimalField(max_digits=18, decimal_places=4, null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_context(self) -> bool:
        return self.polarity == Polarity.CONTEXT

    def applies_to(self, authority_type: str) -> bool:
        return authority_type in self.authority_types


class ImportSource(models.TextChoices):
    BROWSER = "browser", "Uploaded in the browser"
    COMMAND = "command", "Loaded on the command line"
    DEMO = "demo", "Demo data"


class ValueImport(models.Model):
    """One CSV file that changed something: what it was, who loaded it, when, and what it changed."""

    file_name = models.CharField(max_length=255)
    file_sha256 = models.CharField(max_length=64, db_index=True)
    rows = models.PositiveIntegerField()
    created = models.PositiveIntegerField(default=0)
    corrected = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    held_for_approval = models.PositiveIntegerField(default=0)
    source = models.CharField(max_length=10, choices=ImportSource.choices)
    council = models.ForeignKey(
        "councils.Council",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The council whose officer loaded it; empty for the department's loads.",
    )
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    loaded_by_name = models.CharField(
        max_length=200, help_text="Who loaded it: the person, or the command line and its operating-system user."
    )
    loaded_at = models.DateTimeField()

    class Meta:
        ordering = ["-loaded_at", "-id"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.loaded_at:%Y-%m-%d %H:%M})"


class MetricValue(models.Model):
    """A council's figure for a metric and period, with where it came from. Rows are never changed except
    to mark them approved, superseded or (while held for approval) set aside; a correction is a new row."""

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="+")
    metric = models.ForeignKey(Metric, on_delete=models.PROTECT, related_name="values")
    period = models.CharField(max_length=12, help_text="A financial year '2023-24' or a quarter '2023-24 Q1'.")
    period_end = models.DateField()
    value = models.DecimalField(max_digits=18, decimal_places=4)
    note = models.TextField(blank=True, help_text="The council's commentary on the figure, published with it.")
    source_import = models.ForeignKey(ValueImport, null=True, on_delete=models.PROTECT, related_name="values")
    source_row = models.PositiveIntegerField(null=True, help_text="The line of the file, counting the header as 1.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True, help_text="Empty while held for the council's approval.")
    superseded_at = models.DateTimeField(
        null=True, blank=True, help_text="Set when a later row replaced this one, or when it was set aside."
    )
    set_aside_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # A database default too: figures are loaded by a prepared batch insert that names its own columns.
    set_aside_reason = models.TextField(
        blank=True, db_default="", help_text="Why the council set this held figure aside instead of publishing it."
    )

    class Meta:
        ordering = ["metric__position", "council__name", "period_end", "id"]
        indexes = [
            models.Index(fields=["metric", "period_end"], name="value_metric_period"),
            models.Index(fields=["council", "metric", "period_end"], name="value_council_metric"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "metric", "period"],
                condition=Q(superseded_at__isnull=True, approved_at__isnull=False),
                name="one_published_value_per_period",
            ),
            models.UniqueConstraint(
                fields=["council", "metric", "period"],
                condition=Q(superseded_at__isnull=True, approved_at__isnull=True),
                name="one_waiting_value_per_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.metric_id} {self.council_id} {self.period}: {self.value}"

    @property
    def is_published(self) -> bool:
        return self.approved_at is not None and self.superseded_at is None

    @property
    def figure(self) -> str:
        """The value as pages write it: '54.5', '1,234'."""
        from monitoring.figures import plain_number

        return plain_number(self.value)

    @property
    def is_waiting(self) -> bool:
        return self.approved_at is None and self.superseded_at is None


class MonitoringSettings(models.Model):
    """How a council publishes its figures: at once, or held back for its approval first."""

    council = models.OneToOneField("councils.Council", on_delete=models.CASCADE, related_name="+")
    hold_for_approval = models.BooleanField(default=False)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Monitoring settings of {self.council_id}"


class Status(models.TextChoices):
    """Where a tracked commitment stands, worked out by `monitoring.status.status_of`."""

    ACHIEVED = "achieved", "Achieved"
    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    OFF_TRACK = "off_track", "Off track"
    NO_DATA = "no_data", "No data yet"


class TrackedCommitment(models.Model):
    """A plan commitment followed with a metric: where it started, where it should get to and by when.

    Its status is derived from the published values and stored (recomputed by every write that can
    change it, and by `manage.py recompute_commitment_statuses`)."""

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="+")
    commitment = models.OneToOneField("plans.Commitment", null=True, on_delete=models.SET_NULL, related_name="tracking")
    action = models.TextField(help_text="The commitment's words when it was linked, kept if the draft drops it.")
    theme_number = models.PositiveSmallIntegerField(null=True, blank=True)
    metric = models.ForeignKey(Metric, on_delete=models.PROTECT, related_name="tracked_commitments")
    baseline_value = models.DecimalField(max_digits=18, decimal_places=4)
    baseline_period = models.CharField(max_length=12)
    target_value = models.DecimalField(max_digits=18, decimal_places=4)
    target_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NO_DATA, db_index=True)
    status_reason = models.TextField(blank=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    linked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    linked_at = models.DateTimeField()

    class Meta:
        ordering = ["council__name", "target_on", "id"]

    def __str__(self) -> str:
        return f"{self.council_id}: {self.action[:50]} ({self.metric_id})"


class ProgressRelease(models.Model):
    """Figures that became public for a council at one moment (an import or an approval), so residents
    who follow the council can be told once."""

    council = models.ForeignKey("councils.Council", on_delete=models.CASCADE, related_name="+")
    released_at = models.DateTimeField()
    values = models.PositiveIntegerField()
    summary = models.TextField()
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-released_at", "-id"]

    def __str__(self) -> str:
        return f"{self.values} figures for {self.council_id} at {self.released_at:%Y-%m-%d %H:%M}"


class MetricSummary(models.Model):
    """The distribution of one metric's published values for one council type and period, stored so pages
    need not read every council's values (recomputed after every write that changes published values)."""

    metric = models.ForeignKey(Metric, on_delete=models.CASCADE, related_name="summaries")
    authority_type = models.CharField(max_length=30)
    period = models.CharField(max_length=12)
    period_end = models.DateField()
    count = models.PositiveIntegerField()
    minimum = models.DecimalField(max_digits=18, decimal_places=4)
    lower_quartile = models.DecimalField(max_digits=18, decimal_places=4)
    median = models.DecimalField(max_digits=18, decimal_places=4)
    upper_quartile = models.DecimalField(max_digits=18, decimal_places=4)
    maximum = models.DecimalField(max_digits=18, decimal_places=4)

    class Meta:
        ordering = ["metric__position", "authority_type", "period_end"]
        constraints = [
            models.UniqueConstraint(fields=["metric", "authority_type", "period"], name="one_summary_per_group")
        ]

    def __str__(self) -> str:
        return f"{self.metric_id} {self.authority_type} {self.period}"


class SimilarCouncil(models.Model):
    """One of a council's ten most similar councils by `monitoring.similar`, with the distance found."""

    council = models.ForeignKey("councils.Council", on_delete=models.CASCADE, related_name="+")
    similar = models.ForeignKey("councils.Council", on_delete=models.CASCADE, related_name="+")
    distance = models.DecimalField(max_digits=10, decimal_places=4)
    method_version = models.CharField(max_length=20)

    class Meta:
        ordering = ["council", "similar__name"]
        constraints = [models.UniqueConstraint(fields=["council", "similar"], name="one_row_per_similar_council")]

    def __str__(self) -> str:
        return f"{self.similar_id} is similar to {self.council_id}"
