from django import forms
from django.contrib.auth.forms import AuthenticationForm


class SignInForm(AuthenticationForm):
    """Django's sign-in form with GOV.UK wording for its errors."""

    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account has been switched off. Contact your administrator.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "spellcheck": "false"})
        self.fields["username"].govuk = {"input_class": "govuk-!-width-one-half"}
        self.fields["password"].govuk = {"input_class": "govuk-!-width-one-half"}
        self.fields["password"].widget = forms.PasswordInput(attrs={"autocomplete": "current-password"})


class CodeForm(forms.Form):
    """A code: from the authenticator app, or (signing in) a recovery code."""

    code = forms.CharField(
        label="Code",
        max_length=20,
        error_messages={"required": "Enter the code"},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "spellcheck": "false", "autocapitalize": "none"}
        ),
    )

    def __init__(self, *args, label="Code", hint="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].label = label
        self.fields["code"].help_text = hint
        self.fields["code"].govuk = {"input_class": "govuk-input--width-10", "label_class": "govuk-label--s"}


class PasswordConfirmForm(forms.Form):
    """The person's current password, to confirm a change to how they sign in."""

    password = forms.CharField(
        label="Your password",
        error_messages={"required": "Enter your password"},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].govuk = {"input_class": "govuk-!-width-one-half"}
