from django import forms


class DraftForm(forms.Form):
    """One text box per theme of the return, built from the return's data."""

    revision = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = sections
        for section in sections:
            field = forms.CharField(
                label=f"Theme {section.theme.number}: {section.theme.title}",
                required=False,
                widget=forms.Textarea(attrs={"rows": 12}),
                help_text="Leave a blank line between paragraphs.",
            )
            field.govuk = {"label_class": "govuk-label--m"}
            field.theme = section.theme
            self.fields[self.field_name(section.theme.number)] = field

    @staticmethod
    def field_name(theme_number: int) -> str:
        return f"theme_{theme_number}"

    def bodies(self) -> dict[int, str]:
        return {s.theme.number: self.cleaned_data[self.field_name(s.theme.number)] for s in self.sections}

    def theme_fields(self):
        """(bound field, theme) pairs so the template can put guidance beside each box."""
        return [(self[self.field_name(s.theme.number)], s.theme) for s in self.sections]
