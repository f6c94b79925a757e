"""Domain rules that need no database: hashing, deadlines, dates as typed, plan content checks."""

import datetime
import zoneinfo

import pytest
from django import forms

from core.forms import GovUKDateField, date_parts
from core.hashing import canonical_json, content_hash
from plans.models import Return
from plans.services import empty_themes

LONDON = zoneinfo.ZoneInfo("Europe/London")


def test_content_hash_ignores_key_order_but_not_text():
    first = {"council": "E06000059", "sections": [{"theme": 1, "body": "Text"}]}
    reordered = {"sections": [{"body": "Text", "theme": 1}], "council": "E06000059"}
    changed = {"council": "E06000059", "sections": [{"theme": 1, "body": "Text."}]}
    assert content_hash(first) == content_hash(reordered)
    assert content_hash(first) != content_hash(changed)
    assert len(content_hash(first)) == 64


def test_canonical_json_keeps_non_ascii_text_readable():
    assert canonical_json({"body": "£1.2m – 0.35%"}) == '{"body":"£1.2m – 0.35%"}'


@pytest.mark.parametrize(
    ("moment", "on_time"),
    [
        (datetime.datetime(2024, 7, 19, 23, 59, tzinfo=LONDON), True),
        (datetime.datetime(2024, 7, 19, 22, 30, tzinfo=datetime.UTC), True),  # 23:30 in London (BST)
        (datetime.datetime(2024, 7, 19, 23, 30, tzinfo=datetime.UTC), False),  # 00:30 on 20 July in London
        (datetime.datetime(2024, 7, 20, 0, 0, tzinfo=LONDON), False),
        (datetime.datetime(2024, 6, 1, 9, 0, tzinfo=LONDON), True),
    ],
)
def test_on_time_means_on_or_before_the_deadline_day_in_uk_time(moment, on_time):
    return_definition = Return(slug="productivity-plan-2024", deadline=datetime.date(2024, 7, 19))
    assert return_definition.is_on_time(moment) is on_time


def test_empty_themes_lists_themes_with_no_text_or_only_spaces():
    content = {"sections": [{"theme": 1, "body": "Text"}, {"theme": 2, "body": "  \n "}, {"theme": 3, "body": ""}]}
    assert empty_themes(content) == [2, 3]


class DecisionDateForm(forms.Form):
    decided_on = GovUKDateField(label="Date", label_for_errors="The date of the decision")


def _clean(day, month, year):
    form = DecisionDateForm({"decided_on-day": day, "decided_on-month": month, "decided_on-year": year})
    valid = form.is_valid()
    return valid, (form.cleaned_data.get("decided_on") if valid else form.errors["decided_on"][0])


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (("9", "7", "2024"), (True, datetime.date(2024, 7, 9))),
        ((" 09 ", "07", "2024"), (True, datetime.date(2024, 7, 9))),
        (("", "", ""), (False, "Enter the date of the decision")),
        (("9", "", "2024"), (False, "The date of the decision must include a month")),
        (("", "", "2024"), (False, "The date of the decision must include a day and month")),
        (("31", "2", "2024"), (False, "The date of the decision must be a real date")),
        (("9", "7", "24"), (False, "The date of the decision must be a real date")),
        (("nine", "7", "2024"), (False, "The date of the decision must be a real date")),
    ],
)
def test_dates_typed_as_day_month_year_get_gov_uk_error_messages(typed, expected):
    assert _clean(*typed) == expected


def test_date_parts_redisplay_what_was_typed_or_the_stored_date():
    assert date_parts(datetime.date(2024, 7, 9)) == {"day": "9", "month": "7", "year": "2024"}
    assert date_parts(["31", "2", None]) == {"day": "31", "month": "2", "year": ""}
    assert date_parts(None) == {"day": "", "month": "", "year": ""}


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        (datetime.datetime(2024, 7, 19, 9, 34, tzinfo=LONDON), "19 July 2024 at 9:34am"),
        (datetime.datetime(2024, 7, 19, 17, 0, tzinfo=LONDON), "19 July 2024 at 5pm"),
        (datetime.datetime(2024, 7, 19, 12, 0, tzinfo=LONDON), "19 July 2024 at midday"),
        (datetime.datetime(2024, 7, 19, 23, 30, tzinfo=datetime.UTC), "20 July 2024 at 12:30am"),
    ],
)
def test_times_are_written_in_gov_uk_style_in_uk_time(moment, shown):
    from core.templatetags.govuk import govuk_datetime

    assert govuk_datetime(moment) == shown
