"""Member decisions on plan versions."""

from django.conf import settings
from django.db import models

from core.dates import long_date
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
        return f"{self.get_outcome_display()} by {self.decision_maker} on {long_date(self.decided_on)}"

    @property
    def endorses(self) -> bool:
        return self.outcome in ENDORSING_OUTCOMES

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("A recorded decision cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("A recorded decision cannot be deleted.")


# --- Decision reports, assurance checklists, scrutiny, decision records, delegations ----------


class ReportTemplateKey(models.TextChoices):
    CABINET_REPORT = "cabinet_report", "Cabinet report"
    EXECUTIVE_DECISION_REPORT = "executive_decision_report", "Executive decision report"


class GovernanceSettings(models.Model):
    """How one council takes decisions on returns: its report template, who decides, the call-in
    period, and which lines its assurance checklist has. A council without a row gets the defaults
    (governance.report_templates.DEFAULT_SETTINGS)."""

    council = models.OneToOneField("councils.Council", on_delete=models.CASCADE, related_name="governance_settings")
    report_template = models.CharField(max_length=40, choices=ReportTemplateKey.choices)
    decision_maker = models.CharField(max_length=200, help_text="The body that usually decides, e.g. Cabinet.")
    call_in_working_days = models.PositiveSmallIntegerField(
        help_text="Working days after the decision record is published during which councillors can call a "
        "decision in. 0 means executive decisions are not subject to call-in."
    )
    checklist_lines = models.JSONField(
        default=list, help_text="Keys of the checklist lines this council uses (governance.report_templates)."
    )
    minor_amendment_threshold_percent = models.PositiveSmallIntegerField(
        default=10,
        help_text="An amendment under delegation that changes more than this share of the plan's words must be "
        "confirmed as minor, with the reason, which is published with the decision record.",
    )
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Governance settings for {self.council.name}"


class DecisionReport(models.Model):
    """The report members decide on: officers' text in the sections of the council's report
    template, with the frozen plan version as Appendix A.

    `content_hash` covers the report's text and the plan version's hash. Checklist sign-offs are
    bound to it, so any change voids the sign-offs made before it.
    """

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="decision_reports")
    version = models.ForeignKey("plans.PlanVersion", on_delete=models.PROTECT, related_name="reports")
    title = models.CharField(max_length=200)
    template_key = models.CharField(max_length=40, choices=ReportTemplateKey.choices)
    sections = models.JSONField(default=dict, help_text="Officers' text (Markdown) by section key.")
    meeting_body = models.CharField(max_length=200, blank=True, help_text="Who the report goes to, e.g. Cabinet.")
    meeting_date = models.DateField(null=True, blank=True)
    author_names = models.CharField(max_length=300, blank=True)
    revision = models.PositiveIntegerField(default=1)
    content_hash = models.CharField(max_length=64, db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["council__name", "-created_at"]
        constraints = [models.UniqueConstraint(fields=["version"], name="one_report_per_version")]

    def __str__(self) -> str:
        return f"{self.title} ({self.council.name}, version {self.version.number})"

    @property
    def short_hash(self) -> str:
        return self.content_hash[:12]


class LineKind(models.TextChoices):
    SIGN_OFF = "sign_off", "Sign-off"
    CONSULTEE = "consultee", "Consultee"


class ChecklistLine(models.Model):
    """One line of a report's assurance checklist: an officer or member who signs it off, or a
    consultee who must be informed. Lines are copied from the council's settings when the report
    is made, so later changes to the settings do not rewrite an existing report's checklist."""

    report = models.ForeignKey(DecisionReport, on_delete=models.CASCADE, related_name="checklist_lines")
    key = models.CharField(max_length=40)
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=20, choices=LineKind.choices)
    label = models.CharField(max_length=200)
    role = models.CharField(max_length=30, blank=True, help_text="The council role expected on a sign-off line.")
    only_if_implications = models.BooleanField(
        default=False, help_text="Needed only if the proposal has such implications; may be marked not applicable."
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="checklist_lines"
    )
    consultee_name = models.CharField(max_length=200, blank=True, help_text="For consultee lines: who.")

    class Meta:
        ordering = ["report", "position"]
        constraints = [models.UniqueConstraint(fields=["report", "key"], name="one_line_per_key")]

    def __str__(self) -> str:
        return f"{self.label} ({self.report})"


class EntryStatus(models.TextChoices):
    COMPLETED = "completed", "Completed"
    NOT_APPLICABLE = "not_applicable", "Not applicable"
    INFORMED = "informed", "Informed"


class ChecklistEntry(models.Model):
    """A completion of a checklist line. Entries are records, never edited: the latest entry of a
    line is its state. A sign-off counts only while `report_hash` is the report's current hash."""

    line = models.ForeignKey(ChecklistLine, on_delete=models.PROTECT, related_name="entries")
    status = models.CharField(max_length=20, choices=EntryStatus.choices)
    reason = models.TextField(blank=True, help_text="Why the line is not applicable.")
    on_date = models.DateField(help_text="The date completed, or the date the consultee was informed.")
    report_hash = models.CharField(max_length=64)
    version_hash = models.CharField(max_length=64)
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    made_at = models.DateTimeField()

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["line", "made_at", "id"]
        verbose_name_plural = "checklist entries"

    def __str__(self) -> str:
        return f"{self.line.label}: {self.get_status_display()} on {long_date(self.on_date)}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("A checklist entry cannot be changed; record a new one.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("A checklist entry cannot be deleted.")


class ScrutinyComment(models.Model):
    """What a scrutiny committee said about the proposal, shown in the report."""

    report = models.ForeignKey(DecisionReport, on_delete=models.CASCADE, related_name="scrutiny_comments")
    committee = models.CharField(max_length=200)
    met_on = models.DateField()
    comments = models.TextField()
    recommendations = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["report", "met_on", "id"]

    def __str__(self) -> str:
        return f"{self.committee}, {long_date(self.met_on)}"


class DecisionDetails(models.Model):
    """What a published executive decision record carries beyond the decision itself."""

    decision = models.OneToOneField(Decision, on_delete=models.PROTECT, related_name="details")
    report = models.ForeignKey(
        DecisionReport, null=True, blank=True, on_delete=models.PROTECT, related_name="decision_details"
    )
    reasons = models.TextField(blank=True)
    alternatives_rejected = models.TextField(blank=True)
    conflicts_of_interest = models.TextField(blank=True)
    dispensation = models.TextField(blank=True)
    is_executive = models.BooleanField(default=False)
    call_in_working_days = models.PositiveSmallIntegerField(default=0)

    objects = AppendOnlyQuerySet.as_manager()

    def __str__(self) -> str:
        return f"Record of {self.decision}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("A decision's record cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("A decision's record cannot be deleted.")

    @property
    def subject_to_call_in(self) -> bool:
        return self.is_executive and self.call_in_working_days > 0


class DecisionPublication(models.Model):
    """The decision record made public. For an executive decision the call-in period runs from here."""

    decision = models.OneToOneField(Decision, on_delete=models.PROTECT, related_name="publication")
    published_on = models.DateField()
    call_in_ends_on = models.DateField(null=True, blank=True)
    takes_effect_on = models.DateField()
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField()

    objects = AppendOnlyQuerySet.as_manager()

    def __str__(self) -> str:
        return f"Record of {self.decision} published {long_date(self.published_on)}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("A published decision record cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("A published decision record cannot be deleted.")


class DecisionEffect(models.Model):
    """When a decision takes effect, stored whenever something that settles it is recorded (the decision,
    its record's publication, a call-in and its resolution), so reading it is a comparison with today.

    None while the day is not known (record unpublished, call-in pending) or never will be (referred
    back). Kept beside the append-only decision because it changes as the decision's route unfolds.
    """

    decision = models.OneToOneField(Decision, on_delete=models.CASCADE, related_name="effect")
    subject_to_call_in = models.BooleanField(default=False)
    takes_effect_on = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.decision} takes effect on {self.takes_effect_on or 'a day not yet known'}"


class CallInOutcome(models.TextChoices):
    PENDING = "pending", "Awaiting scrutiny"
    NO_FURTHER_ACTION = "no_further_action", "No further action: the decision takes effect"
    REFERRED_BACK = "referred_back", "Referred back to the decision maker"


class CallIn(models.Model):
    """Councillors asked scrutiny to review an executive decision within its call-in period."""

    decision = models.OneToOneField(Decision, on_delete=models.PROTECT, related_name="call_in")
    received_on = models.DateField()
    requested_by = models.CharField(max_length=300)
    reason = models.TextField()
    outcome = models.CharField(max_length=30, choices=CallInOutcome.choices, default=CallInOutcome.PENDING)
    resolved_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Call-in of {self.decision} received {long_date(self.received_on)}"


class Delegation(models.Model):
    """Authority a decision gives a named officer, in consultation with a named member."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="delegations")
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="delegations")
    consult_with = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    scope = models.TextField()
    before_submission_only = models.BooleanField(
        default=True,
        help_text="The delegation covers amendments made before the return is submitted (as in the seeds' "
        "'minor amendments prior to submission'); after that, a new decision of members is needed.",
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["decision", "id"]

    def __str__(self) -> str:
        return f"Delegation to {self.officer} in consultation with {self.consult_with}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("A delegation cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("A delegation cannot be deleted.")


class DelegatedAmendment(models.Model):
    """A new plan version made under a delegation: the endorsed version is left as it was."""

    delegation = models.ForeignKey(Delegation, on_delete=models.PROTECT, related_name="amendments")
    endorsed_version = models.ForeignKey("plans.PlanVersion", on_delete=models.PROTECT, related_name="+")
    new_version = models.OneToOneField("plans.PlanVersion", on_delete=models.PROTECT, related_name="amendment")
    summary = models.TextField(help_text="What was changed and why it is minor.")
    consulted_on = models.DateField()
    changes = models.JSONField(default=list, help_text="Parts changed, with words added and removed.")
    words_changed = models.PositiveIntegerField(default=0, help_text="Words added plus words removed.")
    share_changed_percent = models.DecimalField(
        max_digits=5, decimal_places=1, default=0, help_text="Words changed as a share of the endorsed plan's words."
    )
    confirmed_minor_reason = models.TextField(
        blank=True,
        help_text="Above the council's threshold, why the officer judged the change minor; published with the "
        "decision record.",
    )
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    made_at = models.DateTimeField()

    objects = AppendOnlyQuerySet.as_manager()

    def __str__(self) -> str:
        return (
            f"Version {self.new_version.number}, amended under delegation from version {self.endorsed_version.number}"
        )

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("A delegated amendment cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("A delegated amendment cannot be deleted.")
