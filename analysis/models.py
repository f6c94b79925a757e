"""Plan documents, their passages, and what the analysis found in them.

A `Document` is one plan in the corpus: a file imported for a council and a return (PDF, Word,
web page, plain text), or a plan version written in the service. Its text is split into
`Passage`s that keep their page and position. Analysis runs tag passages with themes and
barriers and extract figures; every tag records where it came from:

- `source = machine`: written by an `AnalysisRun` (the `run` it came from is kept);
- `source = person`: a person's correction (`reviewed_by`, `reviewed_at`). A person's row wins
  over every later machine run: runs never change, delete or bring back a tag a person decided.
  `present = False` is a person saying "this tag does not apply", so a run cannot add it again.

There is one row per (passage, theme), (passage, barrier category) and (passage, figure kind,
key), so the explorer counts with plain indexed aggregates over `present = True` rows.
Plans are never rated or scored: nothing here grades a plan.
"""

from django.conf import settings
from django.db import models


class DocumentSource(models.TextChoices):
    IMPORTED = "imported", "Imported file"
    SERVICE = "service", "Written in the service"


class DocumentFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "Word document"
    ODT = "odt", "OpenDocument text"
    HTML = "html", "Web page"
    TEXT = "text", "Plain text"
    SERVICE = "service", "Plan written in the service"


class TagSource(models.TextChoices):
    MACHINE = "machine", "Analysis run"
    PERSON = "person", "Reviewed by a person"


class DocumentKind(models.TextChoices):
    """What an imported document is (analysis/reading/document_kind.py). The explorer counts plans only, unless
    asked."""

    PLAN = "plan", "Productivity plan"
    REPORT = "report", "Report or decision about a plan"
    PUBLICATION = "publication", "Publication or news page about a plan"
    OTHER_REGIME = "other_regime", "Another regime's plan"
    UNRELATED = "unrelated", "Not about a productivity plan"


class Document(models.Model):
    """One plan document in the corpus, for a council and a return."""

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="plan_documents")
    return_definition = models.ForeignKey("plans.Return", on_delete=models.PROTECT, related_name="plan_documents")
    title = models.CharField(max_length=300)
    source = models.CharField(max_length=20, choices=DocumentSource.choices)
    format = models.CharField(max_length=20, choices=DocumentFormat.choices)
    original_filename = models.CharField(max_length=255, blank=True)
    file_name = models.CharField(max_length=255, blank=True, help_text="Storage name of the imported file.")
    file_sha256 = models.CharField(max_length=64, help_text="SHA-256 of the file's bytes, or of a version's content.")
    file_size = models.PositiveIntegerField(default=0)
    page_count = models.PositiveIntegerField(null=True, blank=True, help_text="Known for PDFs; empty otherwise.")
    plan_version = models.OneToOneField(
        "plans.PlanVersion", null=True, blank=True, on_delete=models.PROTECT, related_name="corpus_document"
    )
    is_current = models.BooleanField(
        default=True,
        help_text="Counted by the explorer: one of the council's documents for the return. False once a later "
        "document replaced it (an analyst chose to replace it, or a plan version came from the service).",
    )
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    imported_at = models.DateTimeField()
    # What the guidance asks for, as found by the latest analysis (empty until analysed).
    consultants_addressed = models.BooleanField(null=True)
    agency_addressed = models.BooleanField(null=True)
    edi_addressed = models.BooleanField(null=True)
    over_page_limit = models.BooleanField(null=True)
    analysed_by_run = models.ForeignKey(
        "AnalysisRun", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # What kind of document it is: set on import from its text, and a person may correct it.
    kind = models.CharField(
        max_length=20,
        choices=DocumentKind.choices,
        default=DocumentKind.PLAN,
        help_text="Only plans are counted by the explorer and the panel summary, unless asked to include the rest.",
    )
    kind_reason = models.TextField(blank=True, help_text="Why the document is of this kind, in plain words.")
    kind_source = models.CharField(
        max_length=20,
        choices=TagSource.choices,
        default=TagSource.MACHINE,
        help_text="machine: read from the text on import; person: an analyst set or corrected it.",
    )
    kind_set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kind_set_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["council__name", "-imported_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "return_definition", "file_sha256"], name="one_document_per_file_per_council"
            )
        ]
        indexes = [models.Index(fields=["return_definition", "is_current"], name="analysis_doc_current")]

    def __str__(self) -> str:
        return f"{self.council.name}: {self.title}"


class PassageKind(models.TextChoices):
    HEADING = "heading", "Heading"
    PARAGRAPH = "paragraph", "Paragraph"
    TABLE = "table", "Table"


class Passage(models.Model):
    """A heading, paragraph or whole table of a document, with its page and position."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="passages")
    position = models.PositiveIntegerField(help_text="Order in the document, from 1.")
    page = models.PositiveIntegerField(null=True, blank=True, help_text="Page number, where the format has pages.")
    kind = models.CharField(max_length=20, choices=PassageKind.choices)
    heading = models.CharField(max_length=300, blank=True, help_text="The nearest heading above the passage.")
    text = models.TextField()

    class Meta:
        ordering = ["document", "position"]
        constraints = [models.UniqueConstraint(fields=["document", "position"], name="one_passage_per_position")]

    def __str__(self) -> str:
        return f"{self.document} ¶{self.position}"


class RunScope(models.TextChoices):
    CORPUS = "corpus", "Every document"
    DOCUMENT = "document", "One document, on import"


class RunStatus(models.TextChoices):
    QUEUED = "queued", "Waiting"
    RUNNING = "running", "Running"
    DONE = "done", "Finished"
    FAILED = "failed", "Failed"


class AnalysisRun(models.Model):
    """One pass of the analysis: method version, when, how far it got and what it found.

    The same corpus and method give the same `result_hash`, so two runs can be compared.
    """

    scope = models.CharField(max_length=20, choices=RunScope.choices, default=RunScope.CORPUS)
    status = models.CharField(max_length=20, choices=RunStatus.choices, default=RunStatus.QUEUED, db_index=True)
    method_version = models.CharField(max_length=100)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    documents_total = models.PositiveIntegerField(default=0)
    documents_done = models.PositiveIntegerField(default=0)
    counts = models.JSONField(default=dict, blank=True)
    result_hash = models.CharField(max_length=64, blank=True)
    message = models.TextField(blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]

    def __str__(self) -> str:
        return f"Analysis run {self.pk} ({self.get_status_display()})"

    @property
    def percent_done(self) -> int:
        if not self.documents_total:
            return 100 if self.status == RunStatus.DONE else 0
        return int(100 * self.documents_done / self.documents_total)


class ReviewedTag(models.Model):
    """Fields every tag shares: who or what wrote it, and whether it applies."""

    source = models.CharField(max_length=20, choices=TagSource.choices, default=TagSource.MACHINE)
    present = models.BooleanField(default=True, help_text="False: a person said this tag does not apply.")
    run = models.ForeignKey(AnalysisRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


class PassageTheme(ReviewedTag):
    """A passage speaks to one of the return's themes."""

    passage = models.ForeignKey(Passage, on_delete=models.CASCADE, related_name="theme_tags")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="theme_tags")
    theme = models.ForeignKey("plans.Theme", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["passage", "theme"], name="one_tag_per_passage_theme")]
        indexes = [models.Index(fields=["theme", "present", "document"], name="analysis_theme_counts")]

    def __str__(self) -> str:
        return f"{self.passage} – theme {self.theme.number}"


class PassageBarrier(ReviewedTag):
    """A passage names a barrier of a taxonomy category, with what it asks of government if it says."""

    passage = models.ForeignKey(Passage, on_delete=models.CASCADE, related_name="barrier_tags")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="barrier_tags")
    category = models.ForeignKey("plans.BarrierCategory", on_delete=models.PROTECT, related_name="+")
    ask = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["passage", "category"], name="one_tag_per_passage_barrier")]
        indexes = [models.Index(fields=["category", "present", "document"], name="analysis_barrier_counts")]

    def __str__(self) -> str:
        return f"{self.passage} – barrier {self.category.slug}"


class FigureKind(models.TextChoices):
    AGENCY_SHARE = "agency_share_of_staff_budget", "Agency staff spend as a share of the staff budget"
    CONSULTANT_SHARE = "consultant_share_of_staff_budget", "Consultant spend as a share of the staff budget"
    AGENCY_SPEND = "agency_spend", "Agency staff spend"
    CONSULTANT_SPEND = "consultant_spend", "Consultant spend"
    STAFF_BUDGET = "staff_budget", "Staff budget"
    SAVINGS = "savings", "Savings"
    SPENDING = "spending", "Spending"
    DEFICIT = "deficit", "Deficit or overspend"
    BUDGET_GAP = "budget_gap", "Budget gap or funding shortfall"
    FUNDING = "funding", "Funding received or raised"
    EDI_SPEND = "edi_spend", "Spend on equality, diversity and inclusion"
    OTHER_MONEY = "other_money", "Other amount of money"
    OTHER_PERCENT = "other_percent", "Other percentage"
    COUNT = "count", "Count"


class FigureUnit(models.TextChoices):
    GBP = "gbp", "£"
    PERCENT = "percent", "%"
    COUNT = "count", "number"


class Figure(ReviewedTag):
    """A figure a plan gives: an amount, a percentage or a count, with what it measures.

    `key` tells figures of one kind in one passage apart ("s12" for the one stated at character
    12, "computed" for a share worked out from spend and staff budget). A range ("3.6–3.8%") is one
    figure: `value` is its lower end and `upper` its top. `qualifier` says what the figure is counted
    per ("per resident", "per household per year"), or for a count what it counts ("staff", "bids").
    """

    passage = models.ForeignKey(Passage, on_delete=models.CASCADE, related_name="figures")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="figures")
    kind = models.CharField(max_length=40, choices=FigureKind.choices)
    key = models.CharField(max_length=20)
    value = models.DecimalField(max_digits=18, decimal_places=4)
    upper = models.DecimalField(
        max_digits=18, decimal_places=4, null=True, blank=True, help_text="The top of a range; empty otherwise."
    )
    unit = models.CharField(max_length=10, choices=FigureUnit.choices)
    qualifier = models.CharField(
        max_length=60,
        blank=True,
        help_text="What the figure is counted per (per resident, per year), or what a count counts (staff, bids).",
    )
    measures = models.CharField(max_length=200, blank=True, help_text="What the figure measures, in the plan's words.")
    quote = models.CharField(max_length=300, blank=True, help_text="The words the figure was read from.")
    computed = models.BooleanField(default=False, help_text="Worked out from other figures, not stated.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["passage", "kind", "key"], name="one_figure_per_key")]
        indexes = [models.Index(fields=["kind", "present", "document"], name="analysis_figure_kinds")]

    def __str__(self) -> str:
        return f"{self.passage} – {self.kind} {self.value} {self.unit}"
