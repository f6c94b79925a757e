"""Committees, meetings, agenda items and agenda packs.

A council's committees (cabinet or executive, scrutiny, full council) meet on a date, at a time and
a venue. Each agenda item puts one report before the meeting: a decision report from `governance`
(a plan version with its checklist) or a committee paper written here for other business. Publishing
the agenda prints the agenda pack once (front sheet, agenda with page ranges, the reports),
stores it with its hash, and freezes the agenda: its items cannot be added or removed afterwards.
Business that comes later goes on a supplementary agenda, printed as a pack of its own and frozen
in the same way when it is published.
"""

import datetime

from django.conf import settings
from django.db import models

from core.dates import LONDON


class CommitteeKind(models.TextChoices):
    CABINET = "cabinet", "Cabinet"
    EXECUTIVE = "executive", "Executive"
    SCRUTINY = "scrutiny", "Scrutiny committee"
    FULL_COUNCIL = "full_council", "Full council"


class Committee(models.Model):
    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="committees")
    name = models.CharField(max_length=120, help_text="As the council names it, e.g. Cabinet or Executive.")
    kind = models.CharField(max_length=20, choices=CommitteeKind.choices)

    class Meta:
        ordering = ["council__name", "name"]
        constraints = [models.UniqueConstraint(fields=["council", "name"], name="one_committee_name_per_council")]

    def __str__(self) -> str:
        return f"{self.name} ({self.council.name})"


class Meeting(models.Model):
    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="meetings")
    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField()
    starts_at = models.TimeField()
    venue = models.CharField(max_length=200)
    contact = models.CharField(
        max_length=200, blank=True, help_text="Who to ask about the agenda, e.g. a name and phone number."
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()

    # Set once, when the agenda is published (or a past meeting's agenda is recorded).
    agenda_published_on = models.DateField(null=True, blank=True)
    agenda_recorded_at = models.DateTimeField(null=True, blank=True)
    agenda_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_after_the_meeting = models.BooleanField(
        default=False, help_text="The agenda of a past meeting, recorded with the date it was published then."
    )
    clear_working_days = models.PositiveSmallIntegerField(null=True, blank=True)
    pack_path = models.CharField(max_length=300, blank=True)
    pack_hash = models.CharField(max_length=64, blank=True)
    pack_pages = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-date", "-starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["committee", "date", "starts_at"], name="one_meeting_per_committee_slot")
        ]

    def __str__(self) -> str:
        return f"{self.committee.name}, {self.date:%-d %B %Y}"

    @property
    def title(self) -> str:
        return str(self)

    @property
    def starts(self) -> datetime.datetime:
        return datetime.datetime.combine(self.date, self.starts_at, tzinfo=LONDON)

    @property
    def agenda_published(self) -> bool:
        return self.agenda_published_on is not None

    @property
    def short_notice(self) -> bool:
        from meetings.notice import MINIMUM_CLEAR_WORKING_DAYS

        return self.clear_working_days is not None and self.clear_working_days < MINIMUM_CLEAR_WORKING_DAYS


class Paper(models.Model):
    """A report to a meeting on other business than a plan (e.g. a quarterly finance report), written
    and cleared here. Plan decisions go through `governance.DecisionReport` and its checklist."""

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="committee_papers")
    title = models.CharField(max_length=200)
    report_of = models.CharField(max_length=200, help_text="Whose report it is, e.g. the Leader of the Council.")
    author_names = models.CharField(max_length=300)
    summary = models.TextField()
    recommendation = models.TextField()
    body = models.TextField(help_text="The report's sections, in Markdown.")
    cleared_by = models.CharField(
        max_length=300, blank=True, help_text="Who cleared the report, e.g. the monitoring officer and s151 officer."
    )
    cleared_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["council__name", "title"]

    def __str__(self) -> str:
        return self.title


class Supplement(models.Model):
    """A supplementary agenda: items added after the main agenda was published, printed as a pack
    of their own. At most one is being prepared at a time; it is frozen when it is published."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="supplements")
    number = models.PositiveSmallIntegerField(help_text="1 for the first supplementary agenda, and so on.")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()

    # Set once, when it is published.
    published_on = models.DateField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    clear_working_days = models.PositiveSmallIntegerField(null=True, blank=True)
    urgency_reason = models.TextField(
        blank=True,
        help_text="Published with short notice: the special circumstances the chair agreed make the items urgent.",
    )
    pack_path = models.CharField(max_length=300, blank=True)
    pack_hash = models.CharField(max_length=64, blank=True)
    pack_pages = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [models.UniqueConstraint(fields=["meeting", "number"], name="one_supplement_number_per_meeting")]

    def __str__(self) -> str:
        return f"Supplementary agenda {self.number}"

    @property
    def published(self) -> bool:
        return self.published_on is not None

    @property
    def short_notice(self) -> bool:
        from meetings.notice import MINIMUM_CLEAR_WORKING_DAYS

        return self.clear_working_days is not None and self.clear_working_days < MINIMUM_CLEAR_WORKING_DAYS


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    description = models.CharField(max_length=300, blank=True, help_text="e.g. To consider a report of the Leader.")
    report = models.ForeignKey(
        "governance.DecisionReport", null=True, blank=True, on_delete=models.PROTECT, related_name="agenda_items"
    )
    paper = models.ForeignKey(Paper, null=True, blank=True, on_delete=models.PROTECT, related_name="agenda_items")
    supplement = models.ForeignKey(
        Supplement,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="items",
        help_text="Empty for the main agenda; pages are then of the main pack, otherwise of the supplement's.",
    )
    first_page = models.PositiveIntegerField(null=True, blank=True)
    last_page = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="one_item_number_per_meeting"),
            models.CheckConstraint(
                condition=(
                    models.Q(report__isnull=False, paper__isnull=True)
                    | models.Q(report__isnull=True, paper__isnull=False)
                ),
                name="agenda_item_has_exactly_one_report",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def anchor(self) -> str:
        """The id the item's report starts at in the pack; `<anchor>-end` marks where it ends."""
        return f"report-{self.report_id}" if self.report_id else f"paper-{self.paper_id}"

    @property
    def page_range(self) -> str:
        if self.first_page is None:
            return ""
        return str(self.first_page) if self.first_page == self.last_page else f"{self.first_page} to {self.last_page}"
