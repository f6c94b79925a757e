"""Forms for importing plan documents and starting analysis runs."""

from django import forms

from analysis.models import DocumentKind
from analysis.reading.sandbox import EXTENSIONS, MAX_FILE_BYTES
from analysis.services import ADD, REPLACE
from councils.selectors import find_council

MAX_LISTED = 8  # councils named in an error; more than this and the person is asked for more of the name


def _named(councils) -> str:
    names = [f"{council.name} ({council.gss_code})" for council in councils]
    return ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else names[0]


class ImportDocumentForm(forms.Form):
    council = forms.CharField(
        label="Council",
        max_length=120,
        help_text="Its name or ONS code, for example Dorset or E06000059.",
        error_messages={"required": "Enter the council's name or ONS code"},
    )
    return_slug = forms.ChoiceField(label="Return", error_messages={"required": "Select the return"})
    document = forms.FileField(
        label="Plan document",
        help_text="A PDF, Word document (.docx), OpenDocument text (.odt), web page saved as .html or .mhtml, or plain "
        "text (.txt), smaller "
        f"than {MAX_FILE_BYTES // (1024 * 1024)} MB. You will see the text before anything is added.",
        error_messages={"required": "Select the plan document", "empty": "The selected file is empty"},
    )

    def __init__(self, *args, returns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["return_slug"].choices = [(r.slug, r.title) for r in returns]
        self.fields["council"].govuk = {"input_class": "govuk-input--width-20"}
        self.fields["council"].widget.attrs.update({"autocomplete": "off", "spellcheck": "false"})

    def clean_council(self):
        """A council by name or ONS code; anything that does not name exactly one council is refused with what
        to type instead."""
        typed = " ".join(self.cleaned_data["council"].split())
        found = find_council(typed)
        if found.council is not None:
            return found.council
        if found.by_code:
            raise forms.ValidationError(
                f"There is no council with the ONS code {typed.upper()}. Check the code, or enter the council's name"
            )
        if len(found.candidates) > MAX_LISTED:
            raise forms.ValidationError(
                f"{len(found.candidates)} councils' names contain “{typed}”. Enter more of the name, for example "
                f"{found.candidates[0].name}, or the council's ONS code"
            )
        if found.candidates and all(typed.lower() in c.name.lower() for c in found.candidates):
            raise forms.ValidationError(f"“{typed}” could be more than one council. Enter {_named(found.candidates)}")
        if found.candidates:
            raise forms.ValidationError(
                f"There is no council called “{typed}”. Did you mean {_named(found.candidates)}? Enter the name or "
                "the ONS code"
            )
        raise forms.ValidationError(
            f"There is no council called “{typed}”. Enter the council's name as the register gives it, for example "
            "Dorset, or its ONS code, for example E06000059"
        )

    def clean_document(self):
        upload = self.cleaned_data["document"]
        suffix = "." + upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if suffix not in EXTENSIONS:
            raise forms.ValidationError(
                "The selected file must be a PDF, Word document (.docx), OpenDocument text (.odt), .html, .mhtml or "
                ".txt file"
            )
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(f"The selected file must be smaller than {MAX_FILE_BYTES // (1024 * 1024)} MB")
        return upload


class ConfirmImportForm(forms.Form):
    """Confirm or cancel a previewed upload. When the council already has a document for the return
    (`current`), confirming needs the person's choice: replace it, or add this one as another document.
    `seen` carries the ids of the documents the preview showed, so a choice is never applied to others."""

    token = forms.CharField(max_length=64, widget=forms.HiddenInput)
    action = forms.ChoiceField(choices=[("confirm", "Add to the corpus"), ("cancel", "Cancel")])
    existing = forms.ChoiceField(
        label="What should happen to the document already there?",
        choices=[(REPLACE, "Replace it with this one"), (ADD, "Add this one as another document")],
        required=False,
        widget=forms.RadioSelect,
    )
    seen = forms.CharField(max_length=200, required=False, widget=forms.HiddenInput)
    kind = forms.ChoiceField(
        label="What kind of document is this?",
        choices=DocumentKind.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text="Only productivity plans are counted in the explorer and the panel summary, unless someone asks "
        "to include the rest.",
    )

    def __init__(self, *args, current=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.current = list(current)
        if len(self.current) > 1:
            self.fields["existing"].label = "What should happen to the documents already there?"
            self.fields["existing"].choices = [
                (REPLACE, "Replace them with this one"),
                (ADD, "Add this one as another document"),
            ]

    def clean_seen(self) -> list[int]:
        parts = [part for part in self.cleaned_data["seen"].split(",") if part]
        if not all(part.isdigit() and len(part) < 10 for part in parts):
            raise forms.ValidationError("The preview is out of date. Upload the file again")
        return sorted(int(part) for part in parts)

    def clean(self):
        data = super().clean()
        if data.get("action") == "confirm" and self.current and not data.get("existing"):
            which = "them" if len(self.current) > 1 else "it"
            self.add_error("existing", f"Select whether to replace {which} or add this one as another document")
        return data


class DocumentKindForm(forms.Form):
    """An analyst corrects what kind of document this is, on the document's page."""

    kind = forms.ChoiceField(
        label="What kind of document is this?",
        choices=DocumentKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what kind of document this is", "invalid_choice": "Select a kind"},
        help_text="Only productivity plans are counted in the explorer and the panel summary, unless someone asks "
        "to include the rest.",
    )
