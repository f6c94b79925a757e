"""Forms for importing plan documents and starting analysis runs."""

from django import forms

from analysis.sandbox import EXTENSIONS, MAX_FILE_BYTES
from councils.selectors import council_by_code


class ImportDocumentForm(forms.Form):
    council = forms.CharField(
        label="Council's ONS code",
        max_length=20,
        help_text="The nine-character code of the council's area, for example E06000059 for Dorset.",
        error_messages={"required": "Enter the council's ONS code"},
    )
    return_slug = forms.ChoiceField(label="Return", error_messages={"required": "Select the return"})
    document = forms.FileField(
        label="Plan document",
        help_text=f"A PDF, Word document (.docx), web page saved as .html, or plain text (.txt), smaller than "
        f"{MAX_FILE_BYTES // (1024 * 1024)} MB. You will see the text before anything is added.",
        error_messages={"required": "Select the plan document", "empty": "The selected file is empty"},
    )

    def __init__(self, *args, returns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["return_slug"].choices = [(r.slug, r.title) for r in returns]
        self.fields["council"].govuk = {"input_class": "govuk-input--width-10"}

    def clean_council(self):
        code = self.cleaned_data["council"].strip().upper()
        council = council_by_code(code)
        if council is None:
            raise forms.ValidationError(f"There is no council with the ONS code {code}. Check the code and try again")
        return council

    def clean_document(self):
        upload = self.cleaned_data["document"]
        suffix = "." + upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if suffix not in EXTENSIONS:
            raise forms.ValidationError("The selected file must be a PDF, Word document (.docx), .html or .txt file")
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(f"The selected file must be smaller than {MAX_FILE_BYTES // (1024 * 1024)} MB")
        return upload


class ConfirmImportForm(forms.Form):
    token = forms.CharField(max_length=64, widget=forms.HiddenInput)
    action = forms.ChoiceField(choices=[("confirm", "Add to the corpus"), ("cancel", "Cancel")])
