from django import forms

from councils.models import AuthorityType, Region


class CouncilSearchForm(forms.Form):
    q = forms.CharField(label="Council name or ONS code", required=False, max_length=100)
    type = forms.ChoiceField(label="Council type", required=False, choices=[("", "All types"), *AuthorityType.choices])
    region = forms.ChoiceField(label="Region", required=False, choices=[("", "All regions"), *Region.choices])

    def filters(self) -> dict:
        self.is_valid()  # an unknown value drops only that filter; the others still apply
        data = getattr(self, "cleaned_data", {})
        return {"query": data.get("q", ""), "authority_type": data.get("type", ""), "region": data.get("region", "")}
