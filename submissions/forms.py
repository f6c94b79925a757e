import secrets

from django import forms

from core.forms import GovUKDateField
from councils.models import AuthorityType, Region
from submissions.models import CertifierRole, Stage


class RegisterFilterForm(forms.Form):
    """Filters for the department's register. Unknown values are ignored, not errors."""

    q = forms.CharField(label="Council name or ONS code", required=False, max_length=100)
    type = forms.ChoiceField(label="Council type", required=False, choices=[("", "All types"), *AuthorityType.choices])
    region = forms.ChoiceField(label="Region", required=False, choices=[("", "All regions"), *Region.choices])
    stage = forms.ChoiceField(label="Status", required=False, choices=[("", "All statuses"), *Stage.choices])
    timeliness = forms.ChoiceField(
        label="Timeliness",
        required=False,
        choices=[
            ("", "Any"),
            ("on_time", "Submitted on time"),
            ("late", "Submitted late"),
            ("missing", "Missing: past the deadline, not submitted"),
            ("late_or_missing", "Late or missing"),
        ],
    )

    def filters(self) -> dict:
        self.is_valid()  # an unknown value drops only that filter; the others still apply
        data = getattr(self, "cleaned_data", {})
        return {
            "query": data.get("q", ""),
            "authority_type": data.get("type", ""),
            "region": data.get("region", ""),
            "stage": data.get("stage", ""),
            "timeliness": data.get("timeliness", ""),
        }


def new_idempotency_key() -> str:
    return secrets.token_urlsafe(32)


class SubmitForm(forms.Form):
    """The responsible officer's certification, and the form's one-time key (a double click submits once)."""

    idempotency_key = forms.CharField(
        widget=forms.HiddenInput,
        max_length=64,
        min_length=20,
        error_messages={
            "required": "This form has expired. Open the submit page again",
            "min_length": "This form has expired. Open the submit page again",
            "max_length": "This form has expired. Open the submit page again",
        },
    )
    certifier_role = forms.ChoiceField(
        label="You certify as",
        choices=CertifierRole.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the role in which you certify the return",
            "invalid_choice": "Select the role in which you certify the return",
        },
    )
    confirm = forms.BooleanField(
        label="I confirm the statement above",
        error_messages={"required": "Confirm that this is the version members endorsed"},
    )

    def __init__(self, *args, roles: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["certifier_role"]
        field.choices = [(value, label) for value, label in CertifierRole.choices if value in roles]
        if len(field.choices) == 1:
            # One role: nothing to choose; it is named in the statement and sent with the form.
            field.widget = forms.HiddenInput()
            field.initial = field.choices[0][0]
        field.govuk = {"legend_class": "govuk-fieldset__legend--s"}
        if not self.is_bound:
            self.fields["idempotency_key"].initial = new_idempotency_key()


class ExtensionForm(forms.Form):
    deadline = GovUKDateField(
        label="New deadline",
        label_for_errors="The new deadline",
        help_text="The last day (UK time) on which the council's return counts as on time. For example, 2 8 2024",
    )
    reason = forms.CharField(
        label="Reason for the extension",
        help_text="The council sees this in the record of its return.",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Enter the reason for the extension",
            "max_length": "The reason must be 2000 characters or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deadline"].govuk = {"legend_class": "govuk-fieldset__legend--m"}
        self.fields["reason"].govuk = {"label_class": "govuk-label--m"}


class ExtensionRequestForm(forms.Form):
    deadline = GovUKDateField(
        label="The deadline you ask for",
        label_for_errors="The deadline you ask for",
        help_text="The last day on which the return would count as on time. For example, 2 8 2024",
    )
    reason = forms.CharField(
        label="Why the council needs more time",
        help_text="For example, the meeting that must endorse the plan falls after the deadline.",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Enter why the council needs more time",
            "max_length": "The reason must be 2000 characters or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deadline"].govuk = {"legend_class": "govuk-fieldset__legend--m"}
        self.fields["reason"].govuk = {"label_class": "govuk-label--m"}


class RefuseExtensionForm(forms.Form):
    refusal_reason = forms.CharField(
        label="Why the request is refused",
        help_text="The council sees this.",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Enter why the request is refused",
            "max_length": "The reason must be 2000 characters or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["refusal_reason"].govuk = {"label_class": "govuk-label--m"}
