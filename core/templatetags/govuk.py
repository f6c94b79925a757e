"""Small template helpers for GOV.UK markup. Available in every template (a builtin)."""

from django import template
from django.forms import BoundField

from core import event_labels
from core.forms import date_parts as _date_parts

register = template.Library()


@register.filter
def error_anchor(bound_field: BoundField) -> str:
    """The id the error summary links to: the first input of a group, or the field itself."""
    widget_type = bound_field.widget_type
    if widget_type in {"radioselect", "checkboxselectmultiple"}:
        return f"{bound_field.auto_id}_0"
    if widget_type == "govukdate":
        return f"{bound_field.auto_id}-day"
    return bound_field.auto_id


@register.filter
def govuk_option(bound_field: BoundField, key: str):
    """Read a presentation option from the field's `govuk` dict, or '' when unset."""
    return getattr(bound_field.field, "govuk", {}).get(key, "")


@register.filter
def date_parts(bound_field: BoundField) -> dict:
    return _date_parts(bound_field.value())


@register.filter
def is_selected(option_value, bound_value) -> bool:
    """True when a radio/checkbox option matches the bound value (a scalar or a list)."""
    if isinstance(bound_value, (list, tuple)):
        return str(option_value) in {str(v) for v in bound_value}
    return bound_value is not None and str(option_value) == str(bound_value)


@register.filter
def errors_of(messages) -> list:
    """The error messages among a page's messages: refusals met before a redirect, which the base
    template shows in the error summary rather than as banners."""
    return [message for message in messages or () if message.level_tag == "error"]


@register.simple_tag
def page_title(title: str, form=None) -> str:
    """GOV.UK page titles start with 'Error: ' when the form on the page has errors (the base template
    adds it for a refusal shown after a redirect)."""
    prefix = "Error: " if form is not None and getattr(form, "errors", None) else ""
    return f"{prefix}{title}"


@register.filter
def linebreaks_paragraphs(text: str) -> list[str]:
    """Split plain text into paragraphs at blank lines."""
    return [part.strip() for part in (text or "").replace("\r\n", "\n").split("\n\n") if part.strip()]


@register.filter
def event_label(action: str) -> str:
    """What an audit event is called on a page; each app names its own events (`core.event_labels`)."""
    return event_labels.label(action)


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "") if mapping else ""


@register.filter
def govuk_date(day, weekday: str = "") -> str:
    """'6 December 2026' as GOV.UK style writes dates (a moment on UK time); `|govuk_date:"weekday"`
    gives 'Sunday 6 December 2026'."""
    from core.dates import long_date

    return long_date(day, weekday=weekday == "weekday") if day else ""


@register.filter
def govuk_time(moment) -> str:
    """'8:18pm', '9am', 'midday', 'midnight' (a moment on UK time)."""
    from core.dates import time_of_day

    return time_of_day(moment) if moment is not None and moment != "" else ""


@register.filter
def govuk_datetime(moment) -> str:
    """'6 December 2026 at 8:18pm' on UK time, as GOV.UK style writes dates and times."""
    from core.dates import long_datetime

    return long_datetime(moment) if moment else ""


@register.filter
def markdown(text: str):
    """Plan text (CommonMark) as sanitised HTML with GOV.UK classes."""
    from django.utils.safestring import mark_safe

    from core.markdown import markdown_to_html

    return mark_safe(markdown_to_html(text))  # sanitised by nh3 in markdown_to_html  # nosec B308 B703


@register.filter
def pounds(value) -> str:
    """£1,234,567 from a decimal string or number."""
    from decimal import Decimal

    amount = Decimal(str(value))
    return f"£{amount:,.0f}" if amount == amount.to_integral() else f"£{amount:,.2f}"


@register.filter
def iso_date(value: str):
    """A date from its ISO text (as stored in frozen content)."""
    import datetime

    return datetime.date.fromisoformat(value) if value else None
