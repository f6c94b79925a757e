from decimal import Decimal, InvalidOperation

from django import forms

from core.forms import GovUKDateField
from monitoring.services import MAX_IMPORT_BYTES, size_words


class LoadFiguresForm(forms.Form):
    file = forms.FileField(
        label="Upload a file of figures",
        help_text="A CSV file with the columns ons_code, metric, period and value, and optionally note, one figure "
        f"a row. Up to {size_words(MAX_IMPORT_BYTES)}.",
        error_messages={"required": "Select a CSV file", "empty": "The selected file is empty"},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError("The selected file must be a CSV")
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(
                f"The selected file is {size_words(upload.size)}; a file of figures can be up to "
                f"{size_words(MAX_IMPORT_BYTES)}. Split it into smaller files and upload each."
            )
        return upload


class NumberField(forms.CharField):
    """A number typed in a text box (GOV.UK advises against type=number)."""

    def __init__(self, *, label_for_errors: str, **kwargs):
        self.label_for_errors = label_for_errors
        kwargs.setdefault("max_length", 30)
        kwargs.setdefault("error_messages", {"required": f"Enter {label_for_errors}"})
        super().__init__(**kwargs)

    def clean(self, value):
        text = super().clean(value).strip().replace(",", "").removesuffix("%").strip()
        try:
            number = Decimal(text)
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or abs(number) >= Decimal("1e13"):
            raise forms.ValidationError(
                f"{self.label_for_errors[0].upper()}{self.label_for_errors[1:]} must be a number"
            )
        return number.quantize(Decimal("0.0001"))


class TrackCommitmentForm(forms.Form):
    metric = forms.ChoiceField(
        label="Which metric shows progress on this commitment?",
        error_messages={"required": "Select the metric that shows progress"},
    )
    baseline_value = NumberField(label="Baseline figure", label_for_errors="the baseline figure")
    baseline_period = forms.CharField(
        label="Baseline period",
        help_text="The financial year the baseline is for, for example 2023-24 (or a quarter, 2023-24 Q4).",
        max_length=12,
        error_messages={"required": "Enter the period the baseline is for"},
    )
    target_value = NumberField(label="Target figure", label_for_errors="the target figure")
    target_on = GovUKDateField(
        label="Target date", label_for_errors="The target date", help_text="For example, 31 3 2026"
    )

    def __init__(self, *args, metrics, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["metric"].choices = [("", "Choose a metric")] + [
            (m.slug, f"{m.area}: {m.title} ({m.get_polarity_display().lower()})") for m in metrics
        ]


class CommentaryForm(forms.Form):
    note = forms.CharField(
        label="Commentary",
        help_text="What readers should know about this figure: what lies behind it, what the council is doing. "
        "It is published beside the figure.",
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=2000,
        error_messages={"max_length": "Use 2,000 characters or fewer"},
    )


class HoldForm(forms.Form):
    hold = forms.TypedChoiceField(
        label="When new figures are loaded for your council",
        choices=[
            ("no", "Publish them at once"),
            ("yes", "Hold them until the chief executive or an executive director approves them"),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select when new figures are published"},
    )


class ApproveForm(forms.Form):
    """Approve the selected held figures, or set them aside with a reason (the button pressed says which)."""

    values = forms.MultipleChoiceField(
        label="Figures",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select the figures to approve or set aside"},
    )
    reason = forms.CharField(
        label="Why they are set aside (only when setting figures aside)",
        help_text="For example, the figure was entered for the wrong period. The reason stays in the figure's history.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, waiting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["values"].choices = [
            (str(v.pk), f"{v.metric.title}, {v.period}: {v.value.normalize():f}") for v in waiting
        ]
