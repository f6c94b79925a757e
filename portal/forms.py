from django import forms

from councils.models import AuthorityType, Region


class CouncilSearchForm(forms.Form):
    q = forms.CharField(label="Council name or ONS code", required=False, max_length=100)
    type = forms.ChoiceField(label="Council type", required=False, choices=[("", "All types"), *AuthorityType.choices])
    region = forms.ChoiceField(label="Region", required=False, choices=[("", "All regions"), *Region.choices])

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {
            "query": self.cleaned_data["q"],
            "authority_type": self.cleaned_data["type"],
            "region": self.cleaned_data["region"],
        }
