from django import forms

from councils.models import AuthorityType, Region
from submissions.models import Stage


class RegisterFilterForm(forms.Form):
    """Filters for the department's register. Unknown values are ignored, not errors."""

    q = forms.CharField(label="Council name or ONS code", required=False, max_length=100)
    type = forms.ChoiceField(label="Council type", required=False, choices=[("", "All types"), *AuthorityType.choices])
    region = forms.ChoiceField(label="Region", required=False, choices=[("", "All regions"), *Region.choices])
    stage = forms.ChoiceField(label="Status", required=False, choices=[("", "All statuses"), *Stage.choices])
    timeliness = forms.ChoiceField(
        label="Timeliness",
        required=False,
        choices=[("", "On time or late"), ("on_time", "Submitted on time"), ("late", "Submitted late")],
    )

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "query": data["q"],
            "authority_type": data["type"],
            "region": data["region"],
            "stage": data["stage"],
            "timeliness": data["timeliness"],
        }
