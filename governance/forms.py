from django import forms

from core.forms import GovUKDateField
from governance.models import DecisionOutcome
from governance.report_templates import CHECKLIST_LINES, MAX_CALL_IN_WORKING_DAYS, TEMPLATES


def _style(form, **classes):
    for name, option in classes.items():
        form.fields[name].govuk = option


def _call_in_field(**kwargs):
    return forms.IntegerField(
        label="Call-in period, in working days",
        help_text="Working days after the decision record is published during which councillors can call the "
        "decision in. Weekends and bank holidays in England are not counted. Enter 0 for no call-in.",
        min_value=0,
        max_value=MAX_CALL_IN_WORKING_DAYS,
        error_messages={
            "required": "Enter the call-in period in working days",
            "invalid": "The call-in period must be a whole number of working days, like 5",
            "min_value": "The call-in period must be 0 working days or more (0 means no call-in)",
            "max_value": f"The call-in period must be {MAX_CALL_IN_WORKING_DAYS} working days or fewer",
        },
        **kwargs,
    )


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label="What did members decide?",
        choices=DecisionOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what members decided"},
    )
    decision_maker = forms.CharField(
        label="Who made the decision",
        help_text="The body or person, for example Cabinet, Executive, or the Leader of the Council.",
        max_length=200,
        error_messages={
            "required": "Enter who made the decision",
            "max_length": "Who made the decision must be 200 characters or fewer",
        },
    )
    decided_on = GovUKDateField(
        label="Date of the decision",
        label_for_errors="The date of the decision",
        help_text="For example, 9 7 2024",
    )
    resolution = forms.CharField(
        label="Resolution (optional)",
        help_text="The words of the decision as minuted.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    is_executive = forms.BooleanField(
        label="This is an executive decision, subject to call-in",
        help_text="It takes effect only after its published record's call-in period passes without call-in.",
        required=False,
    )
    call_in_working_days = _call_in_field(required=False)
    reasons = forms.CharField(
        label="Reasons for the decision (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    alternatives_rejected = forms.CharField(
        label="Alternative options considered and rejected (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    conflicts_of_interest = forms.CharField(
        label="Conflicts of interest declared (optional)",
        help_text="Who declared what. Leave empty if none were declared.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    dispensation = forms.CharField(
        label="Dispensations granted (optional)",
        help_text="Any dispensation the monitoring officer or standards committee granted.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    delegate_to = forms.ChoiceField(
        label="Officer given delegated authority for minor amendments (optional)",
        required=False,
        error_messages={"invalid_choice": "Select an officer from the list"},
    )
    consult_with = forms.ChoiceField(
        label="In consultation with (member)",
        help_text="The lead member the officer must consult before amending.",
        required=False,
        error_messages={"invalid_choice": "Select a member from the list"},
    )

    def __init__(self, *args, officers=(), members=(), call_in_default=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delegate_to"].choices = [("", "No delegation")] + [(str(u.pk), _label(u)) for u in officers]
        self.fields["consult_with"].choices = [("", "Not applicable")] + [(str(u.pk), _label(u)) for u in members]
        if call_in_default is not None:
            self.fields["call_in_working_days"].initial = call_in_default
        if call_in_default:
            # The council's executive decisions are subject to call-in: start from that, as its settings say.
            self.fields["is_executive"].initial = True
            self.fields["is_executive"].help_text = (
                f"Your council's settings make executive decisions subject to a call-in period of {call_in_default} "
                "working days. Untick this for a decision that is not (for example one taken by full council)."
            )
        for name in ("outcome", "decided_on"):
            self.fields[name].govuk = {"legend_class": "govuk-fieldset__legend--m"}
        for name in ("decision_maker", "resolution", "reasons", "alternatives_rejected", "delegate_to"):
            self.fields[name].govuk = {"label_class": "govuk-label--m"}
        self.fields["call_in_working_days"].govuk = {"input_class": "govuk-input--width-3"}

    def clean(self):
        data = super().clean()
        if data.get("delegate_to") and not data.get("consult_with"):
            self.add_error("consult_with", "Select the member the officer must consult")
        if data.get("delegate_to") and data.get("outcome") not in ("approved", "approved_with_amendments", None):
            self.add_error("delegate_to", "Only a decision that endorses the plan can delegate amendments to it")
        return data


def _label(user) -> str:
    name = user.get_full_name() or user.username
    return f"{name}, {user.job_title}" if getattr(user, "job_title", "") else name


class ReportForm(forms.Form):
    """Title and meeting facts; one text box per section of the council's report template."""

    title = forms.CharField(
        label="Report title",
        max_length=200,
        error_messages={
            "required": "Enter the report's title",
            "max_length": "The title must be 200 characters or fewer",
        },
    )
    meeting_body = forms.CharField(
        label="Decision maker or meeting",
        help_text="For example, Cabinet or Executive.",
        max_length=200,
        required=False,
    )
    meeting_date = GovUKDateField(
        label="Meeting or proposed decision date (optional)",
        label_for_errors="The meeting date",
        help_text="For example, 15 7 2024",
        required=False,
    )
    author_names = forms.CharField(label="Report authors (optional)", max_length=300, required=False)
    revision = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, template, **kwargs):
        super().__init__(*args, **kwargs)
        self.template = template
        for section in template.writable:
            hint = section.hint
            if section.kind == "themes":
                hint = (hint + " " if hint else "") + "The plan's themes are listed after your text."
            elif section.kind == "scrutiny":
                hint = "Recorded scrutiny comments are shown after your text."
            elif section.kind == "appendices":
                hint = "Appendix A, the plan version, is listed for you."
            label = f"{section.group}: {section.heading}" if section.group else section.heading
            self.fields[f"section_{section.key}"] = forms.CharField(
                label=label,
                help_text=hint,
                required=section.required,
                widget=forms.Textarea(attrs={"rows": 4 if section.kind == "text" else 3}),
                error_messages={"required": f"Enter the {section.heading.lower()}"},
            )
            self.fields[f"section_{section.key}"].govuk = {"label_class": "govuk-label--s"}
        self.fields["title"].govuk = {"label_class": "govuk-label--m"}

    def sections(self) -> dict[str, str]:
        return {
            name.removeprefix("section_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("section_")
        }


class SignLineForm(forms.Form):
    answer = forms.ChoiceField(
        label="Your sign-off",
        choices=[
            ("completed", "I have cleared this report"),
            ("not_applicable", "Not applicable: the proposal has no such implications"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether you clear the report or the line is not applicable"},
    )
    reason = forms.CharField(
        label="Reason the line is not applicable",
        help_text="Needed only if you choose not applicable.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, allow_not_applicable=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not allow_not_applicable:
            self.fields["answer"].choices = self.fields["answer"].choices[:1]
        self.fields["answer"].govuk = {"legend_class": "govuk-fieldset__legend--m"}

    def clean(self):
        data = super().clean()
        if data.get("answer") == "not_applicable" and not (data.get("reason") or "").strip():
            self.add_error("reason", "Give the reason the line is not applicable")
        return data


class ConsulteeForm(forms.Form):
    answer = forms.ChoiceField(
        label="Was the consultee informed?",
        choices=[("informed", "Yes, informed"), ("not_applicable", "Not applicable")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the consultee was informed"},
    )
    consultee_name = forms.CharField(label="Who was informed", max_length=200, required=False)
    informed_on = GovUKDateField(
        label="Date they were informed",
        label_for_errors="The date they were informed",
        help_text="Only if they were informed. For example, 4 7 2024",
        required=False,
    )
    reason = forms.CharField(
        label="Reason the line is not applicable (if it is not)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, allow_not_applicable=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not allow_not_applicable:
            self.fields["answer"].choices = self.fields["answer"].choices[:1]
        self.fields["answer"].govuk = {"legend_class": "govuk-fieldset__legend--m"}

    def clean(self):
        """Only a line that records someone being informed records a date; a line that does not apply
        needs a reason, and whatever was typed in the date is not read (nor checked)."""
        data = super().clean()
        if data.get("answer") == "informed":
            if not (data.get("consultee_name") or "").strip():
                self.add_error("consultee_name", "Enter who was informed")
            if data.get("informed_on") is None and "informed_on" not in self.errors:
                self.add_error("informed_on", "Enter the date they were informed")
        if data.get("answer") == "not_applicable":
            self.errors.pop("informed_on", None)
            data["informed_on"] = None
            if not (data.get("reason") or "").strip():
                self.add_error("reason", "Give the reason the line is not applicable")
        return data


class ScrutinyForm(forms.Form):
    committee = forms.CharField(
        label="Scrutiny committee", max_length=200, error_messages={"required": "Enter the scrutiny committee"}
    )
    met_on = GovUKDateField(label="Date of the meeting", label_for_errors="The meeting date")
    comments = forms.CharField(
        label="Comments",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the committee's comments"},
    )
    recommendations = forms.CharField(
        label="Recommendations (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class PublishRecordForm(forms.Form):
    published_on = GovUKDateField(
        label="Date the record was published",
        label_for_errors="The publication date",
        help_text="Leave empty for today. For a historic decision, the day its record was published.",
        required=False,
    )


class CallInForm(forms.Form):
    requested_by = forms.CharField(
        label="Councillors who called the decision in",
        max_length=300,
        error_messages={"required": "Enter who called the decision in"},
    )
    received_on = GovUKDateField(label="Date received", label_for_errors="The date received")
    reason = forms.CharField(
        label="Reason given",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the reason given for the call-in"},
    )


class ResolveCallInForm(forms.Form):
    outcome = forms.ChoiceField(
        label="What did scrutiny decide?",
        choices=[
            ("no_further_action", "No further action: the decision takes effect"),
            ("referred_back", "Referred back to the decision maker"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select what scrutiny decided"},
    )
    resolved_on = GovUKDateField(label="Date of scrutiny's decision", label_for_errors="The date")


class AmendmentForm(forms.Form):
    summary = forms.CharField(
        label="What changed, and why it is minor",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Describe the minor amendment"},
    )
    consulted_on = GovUKDateField(
        label="Date you consulted the member",
        label_for_errors="The date of consultation",
        help_text="For example, 17 7 2024",
    )
    confirmed_minor_reason = forms.CharField(
        label="Why is this amendment minor?",
        help_text="This amendment changes more of the plan than the council treats as minor without a reason. "
        "Your reason is published with the decision record.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, needs_reason: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["summary"].govuk = {"label_class": "govuk-label--m"}
        self.fields["consulted_on"].govuk = {"legend_class": "govuk-fieldset__legend--m"}
        if needs_reason:
            self.fields["confirmed_minor_reason"].govuk = {"label_class": "govuk-label--m"}
        else:
            del self.fields["confirmed_minor_reason"]


class SettingsForm(forms.Form):
    report_template = forms.ChoiceField(
        label="Report template",
        choices=[(key, t.name) for key, t in TEMPLATES.items()],
        widget=forms.RadioSelect,
        error_messages={"required": "Select a report template"},
    )
    decision_maker = forms.CharField(
        label="Who usually decides",
        help_text="For example, Cabinet or Executive.",
        max_length=200,
        error_messages={"required": "Enter who usually makes the decision"},
    )
    call_in_working_days = _call_in_field()
    checklist_lines = forms.MultipleChoiceField(
        label="Lines on the assurance checklist",
        help_text="The monitoring officer and section 151 officer lines are always needed.",
        choices=[
            (
                spec.key,
                spec.label + (" (only if the proposal has such implications)" if spec.only_if_implications else ""),
            )
            for spec in CHECKLIST_LINES
        ],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select the lines on the checklist"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("report_template", "checklist_lines"):
            self.fields[name].govuk = {"legend_class": "govuk-fieldset__legend--m"}
        self.fields["decision_maker"].govuk = {"label_class": "govuk-label--m"}
        self.fields["call_in_working_days"].govuk = {
            "label_class": "govuk-label--m",
            "input_class": "govuk-input--width-3",
        }


class NamePersonForm(forms.Form):
    person = forms.ChoiceField(
        label="Who signs this line off",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select who signs this line off",
            "invalid_choice": "Select a person from the list",
        },
    )

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [(str(u.pk), _label(u)) for u in people]
        self.fields["person"].govuk = {"legend_class": "govuk-fieldset__legend--m"}
