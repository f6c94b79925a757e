"""Forms for reviewing a passage's tags. Each carries the state token it was drawn with, so a review
of tags that changed in the meantime is refused rather than merged (analysis.review.services.state_token)."""

from django import forms

from analysis.models import FigureKind, FigureUnit
from analysis.review.services import unit_of

# A message shown to people, not a password.
TOKEN_EXPIRED = "These tags changed or the form expired. Open the passage again and review it"  # nosec B105


def _token_field():
    return forms.CharField(
        widget=forms.HiddenInput,
        max_length=64,
        error_messages={"required": TOKEN_EXPIRED},
    )


class ThemesReviewForm(forms.Form):
    themes = forms.MultipleChoiceField(
        label="Which themes does this passage speak to?",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave a theme unticked to remove it. Ticking none removes every theme from this passage.",
        error_messages={"invalid_choice": "Select only themes of this return"},
    )
    token = _token_field()

    def __init__(self, *args, themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].choices = [(str(t.number), f"Theme {t.number}: {t.short_title}") for t in themes]

    def theme_numbers(self) -> list[int]:
        return sorted(int(n) for n in self.cleaned_data["themes"])


class BarriersReviewForm(forms.Form):
    barriers = forms.MultipleChoiceField(
        label="Which barriers does this passage name?",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave a category unticked to remove it.",
        error_messages={"invalid_choice": "Select only categories of the barrier taxonomy"},
    )
    token = _token_field()

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["barriers"].choices = [(c.slug, c.label) for c in categories]


class FigureReviewForm(forms.Form):
    action = forms.ChoiceField(
        label="Is this figure right?",
        choices=[
            ("confirm", "Yes, confirm it"),
            ("correct", "No, correct it"),
            ("remove", "No, it is not a figure the plan gives: remove it"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether to confirm, correct or remove the figure"},
    )
    kind = forms.ChoiceField(label="What it measures", choices=FigureKind.choices, required=False)
    value = forms.DecimalField(
        label="Value",
        required=False,
        max_digits=18,
        decimal_places=4,
        help_text="A number only, without £ or %. For example 0.35 or 1250000",
        error_messages={
            "invalid": "Enter the value as a number, for example 0.35",
            "max_digits": "Enter a value with at most 14 digits before the decimal point",
            "max_decimal_places": "Enter a value with at most 4 decimal places",
            "max_whole_digits": "Enter a value with at most 14 digits before the decimal point",
        },
    )
    unit = forms.ChoiceField(label="Unit", choices=FigureUnit.choices, required=False)
    token = _token_field()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == "correct" and cleaned.get("value") is None and "value" not in self.errors:
            self.add_error("value", "Enter the corrected value")
        return cleaned


class AddFigureForm(forms.Form):
    """A figure the plan gives in the passage that the analysis did not find."""

    kind = forms.ChoiceField(
        label="What the missing figure measures",
        choices=[("", "Choose what the figure measures"), *FigureKind.choices],
        error_messages={"required": "Choose what the figure measures"},
    )
    value = forms.DecimalField(
        label="Value of the missing figure",
        max_digits=18,
        decimal_places=4,
        min_value=0,
        help_text="A number only, without £ or %. Percentages as a number from 0 to 100, for example 0.35",
        error_messages={
            "required": "Enter the figure's value",
            "invalid": "Enter the value as a number, for example 0.35",
            "min_value": "Enter a value of 0 or more",
            "max_digits": "Enter a value with at most 14 digits before the decimal point",
            "max_decimal_places": "Enter a value with at most 4 decimal places",
            "max_whole_digits": "Enter a value with at most 14 digits before the decimal point",
        },
    )
    measures = forms.CharField(
        label="In the plan's words, what it is (optional)",
        required=False,
        max_length=200,
        error_messages={"max_length": "Describe the figure in 200 characters or fewer"},
    )
    token = _token_field()

    def clean(self):
        cleaned = super().clean()
        kind, value = cleaned.get("kind"), cleaned.get("value")
        if kind and unit_of(kind) == FigureUnit.PERCENT and value is not None and value > 100:
            self.add_error("value", "A percentage cannot be more than 100")
        return cleaned
