from decimal import Decimal

from django import forms

from core.forms import GovUKDateField


class DraftForm(forms.Form):
    """One text box per theme of the return, built from the return's data."""

    revision = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": "Reload the page and try again", "invalid": "Reload the page and try again"},
    )
    introduction = forms.CharField(
        label="Introduction (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Context for the reader: population, budget, savings made so far. You can use Markdown: "
        "'## ' for a heading, '- ' for a list, '|' for a table.",
    )

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["introduction"].govuk = {"label_class": "govuk-label--m"}
        self.sections = sections
        for section in sections:
            field = forms.CharField(
                label=f"Theme {section.theme.number}: {section.theme.title}",
                required=False,
                widget=forms.Textarea(attrs={"rows": 12}),
                help_text="Leave a blank line between paragraphs. Use '- ' for a list item and '## ' for a heading.",
            )
            field.govuk = {"label_class": "govuk-label--m"}
            field.theme = section.theme
            self.fields[self.field_name(section.theme.number)] = field

    @staticmethod
    def field_name(theme_number: int) -> str:
        return f"theme_{theme_number}"

    def bodies(self) -> dict[int, str]:
        return {s.theme.number: self.cleaned_data[self.field_name(s.theme.number)] for s in self.sections}

    def theme_fields(self):
        """(bound field, theme) pairs so the template can put guidance beside each box."""
        return [(self[self.field_name(s.theme.number)], s.theme) for s in self.sections]


def _money_field(label: str, help_text: str, *, allow_zero: bool = True) -> forms.DecimalField:
    name = label[0].lower() + label[1:]
    field = forms.DecimalField(
        # A text box, not type=number: people type "£1,400,000", and GOV.UK advises against number inputs.
        widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
        label=label,
        help_text=help_text,
        min_value=0 if allow_zero else Decimal("0.01"),
        max_digits=14,
        decimal_places=2,
        error_messages={
            "required": f"Enter the {name}",
            "invalid": f"The {name} must be a number of pounds, like 1400000",
            "min_value": f"The {name} must be {'0 or more' if allow_zero else 'more than 0'}",
            "max_digits": f"The {name} is too large",
            "max_decimal_places": f"The {name} can have at most 2 decimal places (pence)",
        },
    )
    field.govuk = {"input_class": "govuk-input--width-10"}
    return field


def _clean_money(value: str) -> str:
    return (value or "").replace("£", "").replace(",", "").strip()


class SpendEvidenceForm(forms.Form):
    year = forms.RegexField(
        label="Financial year",
        regex=r"^20\d\d/\d\d$",
        help_text="For example, 2023/24",
        error_messages={"required": "Enter the financial year", "invalid": "Enter the financial year like 2023/24"},
    )
    staff_budget = _money_field("Total staff budget", "In pounds, for the whole council", allow_zero=False)
    agency_spend = _money_field("Spend on agency workers", "In pounds, in the same year")
    consultant_spend = _money_field("Spend on consultants", "In pounds, in the same year")
    edi_statement = forms.CharField(
        label="Staff equality, diversity and inclusion programmes",
        help_text="What the council spends on EDI training and programmes, and whether it goes beyond the Public "
        "Sector Equality Duty.",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        if args and args[0] is not None:
            data = args[0].copy()
            for name in ("staff_budget", "agency_spend", "consultant_spend"):
                if name in data:
                    data[name] = _clean_money(data[name])
            args = (data, *args[1:])
        super().__init__(*args, **kwargs)
        self.fields["year"].govuk = {"input_class": "govuk-input--width-5"}

    def clean_year(self):
        year = self.cleaned_data["year"]
        if int(year[5:7]) != (int(year[2:4]) + 1) % 100:
            raise forms.ValidationError("The financial year must be two years in a row, like 2023/24")
        return year


class BarrierForm(forms.Form):
    category = forms.ChoiceField(
        label="What kind of barrier is it?",
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of barrier"},
    )
    description = forms.CharField(
        label="Describe the barrier",
        help_text="What it stops the council doing, with figures if you have them.",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Describe the barrier"},
    )
    ask = forms.CharField(
        label="What do you ask the government to do?",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what you ask the government to do"},
    )

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.categories = {c.slug: c for c in categories}
        self.fields["category"].choices = [(c.slug, c.label) for c in categories]
        self.fields["category"].govuk = {"legend_class": "govuk-fieldset__legend--m"}

    def clean_category(self):
        return self.categories[self.cleaned_data["category"]]


class CommitmentForm(forms.Form):
    action = forms.CharField(
        label="What will the council do?",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what the council will do"},
    )
    owner = forms.CharField(
        label="Who owns it",
        help_text="A role or team, for example Director of Place",
        max_length=200,
        error_messages={"required": "Enter who owns the commitment"},
    )
    due_on = GovUKDateField(
        label="When will it be done by?", label_for_errors="The due date", help_text="For example, 31 3 2025"
    )
    measure = forms.CharField(
        label="How will progress be measured?",
        max_length=300,
        error_messages={"required": "Enter how progress will be measured"},
    )
    baseline = forms.CharField(
        label="Baseline (optional)", help_text="Where the measure stands now", required=False, max_length=100
    )
    target = forms.CharField(label="Target", max_length=100, error_messages={"required": "Enter the target"})


class CompareVersionsForm(forms.Form):
    old = forms.TypedChoiceField(label="Compare version", coerce=int)
    new = forms.TypedChoiceField(label="with version", coerce=int)

    def __init__(self, *args, numbers: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(n, f"Version {n}") for n in numbers]
        self.fields["old"].choices = choices
        self.fields["new"].choices = choices


class ImportDocxForm(forms.Form):
    document = forms.FileField(
        label="Upload a Word or OpenDocument file",
        help_text="A .docx file from Word, or an .odt file from LibreOffice or another office suite, smaller than "
        "5 MB. Headings such as 'Theme 1' or the themes' titles decide where each part goes; you will see a preview "
        "before anything is saved.",
        error_messages={"required": "Select a Word or OpenDocument file", "empty": "The selected file is empty"},
    )

    def clean_document(self):
        upload = self.cleaned_data["document"]
        if not upload.name.lower().endswith((".docx", ".odt")):
            raise forms.ValidationError(
                "The selected file must be a Word document (.docx) or an OpenDocument text file (.odt)"
            )
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError("The selected file must be smaller than 5 MB")
        return upload


class SpendUploadForm(forms.Form):
    spend_file = forms.FileField(
        label="Upload your spend data",
        help_text="A CSV file with columns for date, supplier, expense type and amount, as published under the "
        "Local Government Transparency Code. Smaller than 5 MB.",
        error_messages={"required": "Select a CSV file", "empty": "The selected file is empty"},
    )

    def clean_spend_file(self):
        upload = self.cleaned_data["spend_file"]
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError("The selected file must be a CSV")
        return upload


class ExpenseTypesForm(forms.Form):
    agency_types = forms.MultipleChoiceField(
        label="Which expense types are agency staff?", required=False, widget=forms.CheckboxSelectMultiple
    )
    consultant_types = forms.MultipleChoiceField(
        label="Which expense types are consultants?", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, totals: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(name, f"{name} (£{Decimal(total):,.2f})") for name, total in sorted(totals.items())]
        for name in ("agency_types", "consultant_types"):
            self.fields[name].choices = choices
            self.fields[name].govuk = {"legend_class": "govuk-fieldset__legend--m"}

    def clean(self):
        data = super().clean()
        agency, consultants = set(data.get("agency_types", [])), set(data.get("consultant_types", []))
        if not agency and not consultants:
            self.add_error("agency_types", "Select the expense types that are agency staff or consultants")
        both = sorted(agency & consultants)
        if both:
            self.add_error(
                "consultant_types", f"An expense type cannot be both agency staff and consultants: {', '.join(both)}"
            )
        return data
