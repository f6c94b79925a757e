import datetime
import re

from django import forms

from core.forms import GovUKDateField
from meetings.models import CommitteeKind

TIME_PATTERN = re.compile(r"^\s*(\d{1,2})(?:[.:](\d{2}))?\s*(am|pm)?\s*$", re.IGNORECASE)


def parse_time(text: str) -> datetime.time | None:
    """'6.30pm', '18:30', '10am', 'midday' -> a time; None when it is not one."""
    text = (text or "").strip().lower()
    if text in {"midday", "noon", "12 noon"}:
        return datetime.time(12)
    match = TIME_PATTERN.match(text)
    if not match:
        return None
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    elif match.group(2) is None:
        return None  # "6" alone could be morning or evening
    if hour > 23 or minute > 59:
        return None
    return datetime.time(hour, minute)


class MeetingForm(forms.Form):
    committee_name = forms.CharField(
        label="Committee",
        help_text="As your council names it, for example Cabinet, Executive or Scrutiny Committee.",
        max_length=120,
        error_messages={"required": "Enter the committee's name", "max_length": "Use 120 characters or fewer"},
    )
    kind = forms.ChoiceField(
        label="What kind of committee is it?",
        choices=CommitteeKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what kind of committee it is"},
    )
    date = GovUKDateField(
        label="Date of the meeting", label_for_errors="The date of the meeting", help_text="For example, 9 7 2024"
    )
    time = forms.CharField(
        label="Start time",
        help_text="For example, 6.30pm or 10am.",
        max_length=20,
        error_messages={"required": "Enter the time the meeting starts"},
    )
    venue = forms.CharField(
        label="Venue",
        max_length=200,
        error_messages={"required": "Enter where the meeting takes place", "max_length": "Use 200 characters or fewer"},
    )
    contact = forms.CharField(
        label="Contact for the agenda (optional)",
        help_text="A name with a phone number or email address.",
        max_length=200,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].govuk = {"legend_class": "govuk-fieldset__legend--s"}
        self.fields["date"].govuk = {"legend_class": "govuk-fieldset__legend--s"}
        self.fields["time"].govuk = {"input_class": "govuk-input--width-10"}

    def clean_time(self):
        parsed = parse_time(self.cleaned_data["time"])
        if parsed is None:
            raise forms.ValidationError("Enter a real time, for example 6.30pm or 18:30")
        return parsed


class AgendaItemForm(forms.Form):
    report = forms.ChoiceField(
        label="Which report will members consider?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the report members will consider: an agenda item needs a report",
            "invalid_choice": "Choose one of the reports listed",
        },
    )
    title = forms.CharField(
        label="Item title (optional)",
        help_text="Leave blank to use the report's title.",
        max_length=200,
        required=False,
    )
    description = forms.CharField(
        label="Description (optional)",
        help_text="For example, To consider a report of the Leader of the Council.",
        max_length=300,
        required=False,
    )
    number = forms.IntegerField(
        label="Item number (optional)",
        help_text="Leave blank for the next number.",
        required=False,
        min_value=1,
        max_value=999,
        error_messages={
            "invalid": "The item number must be a whole number, like 16",
            "min_value": "The item number must be 1 or more",
            "max_value": "The item number must be 999 or less",
        },
    )

    def __init__(self, *args, reports=(), papers=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [
            (f"report-{r.pk}", f"{r.title} (decision report on plan version {r.version.number})") for r in reports
        ]
        choices += [(f"paper-{p.pk}", f"{p.title} (committee paper)") for p in papers]
        self.fields["report"].choices = choices
        self.fields["report"].govuk = {"legend_class": "govuk-fieldset__legend--m"}
        self.fields["number"].govuk = {"input_class": "govuk-input--width-4"}
        self.fields["number"].widget.input_type = "text"
        self.fields["number"].widget.attrs.update({"inputmode": "numeric"})


class PastAgendaForm(forms.Form):
    published_on = GovUKDateField(
        label="When was the agenda published?",
        label_for_errors="The date the agenda was published",
        help_text="For example, 1 7 2024",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["published_on"].govuk = {"legend_class": "govuk-fieldset__legend--m"}


class SupplementForm(forms.Form):
    urgency_reason = forms.CharField(
        label="Why can these items not wait for the next meeting?",
        help_text=(
            "Needed when fewer than five clear working days are left before the meeting: the special "
            "circumstances that make the items urgent, as the chair agreed. It is printed on the front sheet."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2_000,
        required=False,
        error_messages={"max_length": "The reason must be 2,000 characters or fewer"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["urgency_reason"].govuk = {"label_class": "govuk-label--s"}


class PaperForm(forms.Form):
    title = forms.CharField(label="Title", max_length=200, error_messages={"required": "Enter the paper's title"})
    report_of = forms.CharField(
        label="Whose report is it?",
        help_text="For example, the Chief Executive, or the Leader of the Council.",
        max_length=200,
        error_messages={"required": "Enter whose report it is"},
    )
    author_names = forms.CharField(
        label="Report authors",
        help_text="Names and job titles.",
        max_length=300,
        error_messages={"required": "Enter who wrote the report"},
    )
    summary = forms.CharField(
        label="Summary", widget=forms.Textarea(attrs={"rows": 4}), error_messages={"required": "Enter a summary"}
    )
    recommendation = forms.CharField(
        label="Recommendation",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what members are asked to decide or note"},
    )
    body = forms.CharField(
        label="Text of the report",
        help_text="Sections in Markdown: start each with ## and its title, for example ## 1. Background.",
        widget=forms.Textarea(attrs={"rows": 14}),
        max_length=60_000,
        error_messages={
            "required": "Enter the report's text",
            "max_length": "The report must be 60,000 characters or fewer",
        },
    )
    cleared_by = forms.CharField(
        label="Who cleared the report?",
        help_text="For example, the Monitoring Officer and the Section 151 Officer.",
        max_length=300,
        error_messages={"required": "Enter who cleared the report"},
    )
    cleared_on = GovUKDateField(
        label="When was it cleared?",
        label_for_errors="The date the report was cleared",
        help_text="For example, 28 6 2024",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title", "report_of", "author_names", "summary", "recommendation", "body", "cleared_by"):
            self.fields[name].govuk = {"label_class": "govuk-label--s"}
        self.fields["cleared_on"].govuk = {"legend_class": "govuk-fieldset__legend--s"}
