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
        self.is_valid()  # an unknown value drops only that filter; the others still apply
        data = getattr(self, "cleaned_data", {})
        return {
            "query": data.get("q", ""),
            "authority_type": data.get("type", ""),
            "region": data.get("region", ""),
            "stage": data.get("stage", ""),
            "timeliness": data.get("timeliness", ""),
        }
