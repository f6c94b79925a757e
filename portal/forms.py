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


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="We will email you a link to confirm. We use your address only for these emails.",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
            "max_length": "Email address must be 254 characters or fewer",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
