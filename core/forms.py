"""GOV.UK Frontend markup for every Django form.

`GovUKFormRenderer` makes `{{ form }}` and `{{ form.field }}` emit GOV.UK field
markup (label, hint, error message, aria-describedby, error classes), so no
template builds a field by hand. Forms can tune presentation per field with a
`govuk` dict on the field: {"label_class": "govuk-label--m", "input_class": ...,
"is_page_heading": True}.

A service's refusal goes on the form it concerns through `add_refusal`, so the page shows it in the
error summary like any other error; a button whose page is shown again after a redirect passes it on
with `add_refusal_after_redirect`, and the base template puts it in the same error summary there.
"""

import datetime

from django import forms
from django.contrib import messages
from django.forms.renderers import TemplatesSetting

from core.refusals import Refusal


class GovUKFormRenderer(TemplatesSetting):
    form_template_name = "govuk/forms/form.html"
    field_template_name = "govuk/forms/field.html"


class ConfirmForm(forms.Form):
    """No fields: a page whose button only confirms; a refusal goes on it for the error summary."""


def add_refusal(form: forms.BaseForm, refusal: Refusal) -> None:
    """Show a refusal on the form: on the field it names when the form has that field, else above the form."""
    form.add_error(refusal.field if refusal.field in form.fields else None, refusal.message)


def add_refusal_after_redirect(request, refusal: Refusal) -> None:
    """Show a refusal on the page the person is sent back to (for a button with no form of its own)."""
    messages.error(request, refusal.message)


class GovUKDateWidget(forms.MultiWidget):
    """Day, month and year boxes, named `<name>-day`, `<name>-month`, `<name>-year` as GOV.UK does."""

    template_name = "govuk/forms/date_widget.html"

    def __init__(self, attrs=None):
        super().__init__(widgets=[forms.TextInput, forms.TextInput, forms.TextInput], attrs=attrs)
        # GOV.UK names the boxes decided_on-day, decided_on-month, decided_on-year.
        self.widgets_names = ["-day", "-month", "-year"]

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class GovUKDateField(forms.MultiValueField):
    """A date typed as day, month and year, with GOV.UK's error wording."""

    widget = GovUKDateWidget

    def __init__(self, *, label_for_errors: str = "The date", **kwargs):
        self.label_for_errors = label_for_errors
        fields = (forms.CharField(), forms.CharField(), forms.CharField())
        super().__init__(fields=fields, require_all_fields=False, **kwargs)

    def clean(self, value):
        day, month, year = [(part or "").strip() for part in (value or ["", "", ""])]
        name = self.label_for_errors
        if not (day or month or year):
            if self.required:
                raise forms.ValidationError(f"Enter {name.lower()}", code="required")
            return None
        missing = [part for part, typed in (("day", day), ("month", month), ("year", year)) if not typed]
        if missing:
            raise forms.ValidationError(f"{name} must include a {' and '.join(missing)}", code="incomplete")
        if not (day.isdigit() and month.isdigit() and year.isdigit()) or len(year) != 4:
            raise forms.ValidationError(f"{name} must be a real date", code="invalid")
        try:
            return datetime.date(int(year), int(month), int(day))
        except (ValueError, OverflowError):
            raise forms.ValidationError(f"{name} must be a real date", code="invalid") from None

    def compress(self, data_list):  # pragma: no cover - clean() above does the whole job
        return data_list


def date_parts(value) -> dict:
    """Day, month and year strings for redisplaying a date field, bound or not."""
    if isinstance(value, datetime.date):
        return {"day": str(value.day), "month": str(value.month), "year": str(value.year)}
    if isinstance(value, (list, tuple)) and len(value) == 3:
        return {
            key: "" if part is None else str(part) for key, part in zip(("day", "month", "year"), value, strict=True)
        }
    return {"day": "", "month": "", "year": ""}
