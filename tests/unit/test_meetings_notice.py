"""Clear working days before a meeting, with weekends and bank holidays in England left out."""

import datetime

from meetings.notice import clear_working_days, latest_publication_date, notice_warning

D = datetime.date


def test_dorsets_cabinet_agenda_published_the_monday_before_gives_five_clear_working_days():
    # Published Monday 1 July 2024 for Tuesday 9 July: 2, 3, 4, 5 and 8 July are clear working days.
    assert clear_working_days(D(2024, 7, 1), D(2024, 7, 9)) == 5
    assert notice_warning(D(2024, 7, 1), D(2024, 7, 9)) == ""


def test_one_day_later_is_short_notice_and_the_warning_says_by_when():
    assert clear_working_days(D(2024, 7, 2), D(2024, 7, 9)) == 4
    warning = notice_warning(D(2024, 7, 2), D(2024, 7, 9))
    assert "4 clear working days" in warning and "fewer than five" in warning
    assert "published by Monday 1 July 2024" in warning


def test_a_bank_holiday_does_not_count():
    # Late May bank holiday 2024 was Monday 27 May: published Friday 24 May for Monday 3 June gives
    # 28, 29, 30, 31 May only.
    assert clear_working_days(D(2024, 5, 24), D(2024, 6, 3)) == 4
    assert latest_publication_date(D(2024, 6, 3)) == D(2024, 5, 24) - datetime.timedelta(days=1)


def test_christmas_and_new_year_stretch_the_notice_period():
    # 25, 26 December 2024 and 1 January 2025 are bank holidays in England.
    assert clear_working_days(D(2024, 12, 20), D(2025, 1, 3)) == 6  # 23, 24, 27, 30, 31 Dec, 2 Jan
    assert latest_publication_date(D(2025, 1, 3)) == D(2024, 12, 23)


def test_publishing_on_the_day_or_after_gives_no_clear_days():
    assert clear_working_days(D(2024, 7, 9), D(2024, 7, 9)) == 0
    assert clear_working_days(D(2024, 7, 10), D(2024, 7, 9)) == 0
    assert "0 clear working days" in notice_warning(D(2024, 7, 8), D(2024, 7, 9))
    assert "1 clear working day " in notice_warning(D(2024, 7, 5), D(2024, 7, 9))
