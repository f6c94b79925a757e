from django import forms

from core.forms import GovUKDateField
from governance.models import DecisionOutcome


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label="What did members decide?",
        choices=DecisionOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what members decided"},
    )
    decision_maker = forms.CharField(
        label="Who made the decision",
        help_text="The body or person, for example Cabinet, Executive, or the Leader of the Council.",
        max_length=200,
        error_messages={
            "required": "Enter who made the decision",
            "max_length": "Who made the decision must be 200 characters or fewer",
        },
    )
    decided_on = GovUKDateField(
        label="Date of the decision",
        label_for_errors="The date of the decision",
        help_text="For example, 9 7 2024",
    )
    resolution = forms.CharField(
        label="Resolution (optional)",
        help_text="The words of the decision as minuted.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].govuk = {"legend_class": "govuk-fieldset__legend--m"}
        self.fields["decided_on"].govuk = {"legend_class": "govuk-fieldset__legend--m"}
        self.fields["decision_maker"].govuk = {"label_class": "govuk-label--m"}
        self.fields["resolution"].govuk = {"label_class": "govuk-label--m"}
