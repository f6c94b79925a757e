"""Returns sent to the department, publications, and each council's stored status per return."""

from django.conf import settings
from django.db import models

from core.dates import long_date
from core.models import AppendOnlyError, AppendOnlyQuerySet


class Stage(models.TextChoices):
    """Where a council has got to on a return; labels are the words on the status tag."""

    NOT_STARTED = "not_started", "Not started"
    DRAFT = "draft", "Draft"
    ENDORSED = "endorsed", "Endorsed"
    SUBMITTED = "submitted", "Submitted"
    PUBLISHED = "published", "Published"


class ImmutableRecord(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(f"A {self._meta.verbose_name} cannot be changed once made.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"A {self._meta.verbose_name} cannot be deleted.")


class CertifierRole(models.TextChoices):
    """Who may certify that a submitted version is the one members endorsed."""

    CHIEF_EXECUTIVE = "chief_executive", "Chief executive"
    SECTION_151_OFFICER = "section_151_officer", "Section 151 officer"


class Extension(ImmutableRecord):
    """A later deadline the department granted one council for one return.

    The latest extension granted for a council and return is the one that counts; earlier ones
    stay as the record of what was granted when.
    """

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="extensions")
    return_definition = models.ForeignKey("plans.Return", on_delete=models.PROTECT, related_name="extensions")
    deadline = models.DateField(help_text="Returns made on or before this day (UK time) are on time.")
    reason = models.TextField()
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    granted_at = models.DateTimeField()

    class Meta:
        ordering = ["-granted_at"]

    def __str__(self) -> str:
        return f"{self.council.name}: {self.return_definition.title} due {long_date(self.deadline)}"


class ExtensionRequest(models.Model):
    """A council asks the department for a later deadline; the department grants or refuses it.

    The request is kept whatever happens to it; granting it makes an `Extension`.
    """

    class Outcome(models.TextChoices):
        WAITING = "waiting", "Waiting for the department"
        GRANTED = "granted", "Granted"
        REFUSED = "refused", "Refused"

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="extension_requests")
    return_definition = models.ForeignKey("plans.Return", on_delete=models.PROTECT, related_name="extension_requests")
    deadline = models.DateField(help_text="The deadline the council asks for.")
    reason = models.TextField()
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField()
    outcome = models.CharField(max_length=20, choices=Outcome.choices, default=Outcome.WAITING, db_index=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True, help_text="Why it was refused; the reason given when granted.")
    extension = models.OneToOneField(Extension, null=True, blank=True, on_delete=models.PROTECT, related_name="request")

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "return_definition"],
                condition=models.Q(outcome="waiting"),
                name="one_waiting_extension_request",
            )
        ]

    def __str__(self) -> str:
        return f"{self.council.name} asks for {long_date(self.deadline)} ({self.get_outcome_display().lower()})"


class Submission(ImmutableRecord):
    """The department's receipt for an endorsed plan version."""

    reference = models.CharField(max_length=40, unique=True)
    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="submissions")
    return_definition = models.ForeignKey("plans.Return", on_delete=models.PROTECT, related_name="submissions")
    version = models.OneToOneField("plans.PlanVersion", on_delete=models.PROTECT, related_name="submission")
    content_hash = models.CharField(max_length=64)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField()
    on_time = models.BooleanField()
    deadline = models.DateField(null=True, blank=True, help_text="The deadline that applied, extension included.")
    extension = models.ForeignKey(
        Extension, null=True, blank=True, on_delete=models.PROTECT, related_name="submissions"
    )
    replaces = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
        help_text="The council's earlier submission for the same return, if this one resubmits.",
    )
    certified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    certifier_role = models.CharField(max_length=30, choices=CertifierRole.choices, blank=True)
    certification = models.TextField(blank=True, help_text="The statement the responsible officer confirmed.")
    idempotency_key = models.CharField(max_length=64, null=True, blank=True, unique=True)

    class Meta:
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return f"{self.reference} ({self.council.name})"


class Chase(ImmutableRecord):
    """A reminder sent to a council about a return it has not yet made."""

    class Kind(models.TextChoices):
        MANUAL = "manual", "Chased by the department"
        AUTOMATIC = "automatic", "Automatic reminder"

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="chases")
    return_definition = models.ForeignKey("plans.Return", on_delete=models.PROTECT, related_name="chases")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField()
    recipients = models.TextField(help_text="The addresses the reminder went to, one per line.")
    days_before_deadline = models.IntegerField(
        null=True, blank=True, help_text="For automatic reminders: which reminder of the schedule this was."
    )

    class Meta:
        ordering = ["-sent_at"]
        verbose_name_plural = "chases"
        constraints = [
            # Each reminder of the schedule goes to a council once, however often the schedule runs.
            models.UniqueConstraint(
                fields=["council", "return_definition", "days_before_deadline"],
                condition=models.Q(kind="automatic"),
                name="one_automatic_reminder_per_schedule_day",
            )
        ]

    def __str__(self) -> str:
        return f"{self.council.name} chased {long_date(self.sent_at)}"


class Publication(ImmutableRecord):
    """An endorsed, submitted version made public."""

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="publications")
    return_definition = models.ForeignKey("plans.Return", on_delete=models.PROTECT, related_name="publications")
    version = models.OneToOneField("plans.PlanVersion", on_delete=models.PROTECT, related_name="publication")
    content_hash = models.CharField(max_length=64)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField()
    replaces = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
        help_text="The council's earlier publication that this one corrects; it stays available.",
    )
    html_name = models.CharField(max_length=255, blank=True, help_text="Storage name of the published HTML page.")
    pdf_name = models.CharField(max_length=255, blank=True, help_text="Storage name of the published PDF.")
    json_name = models.CharField(max_length=255, blank=True, help_text="Storage name of the published JSON.")
    file_hashes = models.JSONField(
        default=dict, blank=True, help_text="SHA-256 of each written file's bytes, keyed html, pdf, json."
    )
    audit_head = models.CharField(
        max_length=64, blank=True, help_text="The audit chain's head when published, anchored outside the database."
    )

    class Meta:
        ordering = ["-published_at"]

    def __str__(self) -> str:
        return f"{self.council.name} – {self.return_definition.title} ({self.content_hash[:12]})"


class ReturnStatus(models.Model):
    """A council's stage on a return, stored so the register of 317 councils is one query.

    Derived from drafts, versions, decisions, submissions, publications, extensions and chases
    (a council that has not started has a row once it is granted an extension or chased); recomputed by
    `refresh_return_status` after every write that can change it, and by the
    `recompute_statuses` command. A council with no row has not started.
    """

    council = models.ForeignKey("councils.Council", on_delete=models.CASCADE, related_name="return_statuses")
    return_definition = models.ForeignKey("plans.Return", on_delete=models.CASCADE, related_name="statuses")
    stage = models.CharField(max_length=20, choices=Stage.choices, db_index=True)
    on_time = models.BooleanField(null=True, help_text="For submitted returns: on or before the deadline.")
    latest_version_hash = models.CharField(max_length=64, blank=True)
    endorsed_on = models.DateField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    latest_submission = models.ForeignKey(
        Submission, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    deadline = models.DateField(
        null=True, blank=True, help_text="The council's effective deadline: the return's, or its latest extension."
    )
    extension = models.ForeignKey(Extension, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    last_chased_at = models.DateTimeField(null=True, blank=True, help_text="When the council was last reminded.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["council__name"]
        constraints = [models.UniqueConstraint(fields=["council", "return_definition"], name="one_status_per_return")]

    def __str__(self) -> str:
        return f"{self.council.name}: {self.get_stage_display()}"
