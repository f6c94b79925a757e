"""When the daily reminder run is queued: the next 07:00 in London, across the clock changes."""

import datetime

from core.dates import LONDON
from submissions.tasks import REMINDER_HOUR, next_reminder_run

UTC = datetime.UTC


def test_the_next_run_is_seven_tomorrow_once_seven_has_passed():
    after = datetime.datetime(2024, 7, 18, 9, 30, tzinfo=LONDON)
    assert next_reminder_run(after) == datetime.datetime(2024, 7, 19, REMINDER_HOUR, tzinfo=LONDON)


def test_the_next_run_is_seven_today_before_seven():
    after = datetime.datetime(2024, 7, 18, 6, 59, tzinfo=LONDON)
    assert next_reminder_run(after) == datetime.datetime(2024, 7, 18, 7, tzinfo=LONDON)


def test_seven_exactly_moves_to_the_next_day_so_a_run_never_requeues_itself_for_now():
    after = datetime.datetime(2024, 7, 18, 7, 0, tzinfo=LONDON)
    assert next_reminder_run(after).date() == datetime.date(2024, 7, 19)


def test_across_the_end_of_summer_time_the_run_stays_at_seven_local():
    # 27 October 2024: clocks go back. 07:00 GMT on the 27th is 07:00 UTC; on the 26th it was 06:00 UTC.
    after = datetime.datetime(2024, 10, 26, 12, tzinfo=UTC)
    run = next_reminder_run(after)
    assert run.astimezone(UTC) == datetime.datetime(2024, 10, 27, 7, tzinfo=UTC)
    assert run.astimezone(LONDON).hour == 7
    before = next_reminder_run(datetime.datetime(2024, 10, 25, 12, tzinfo=UTC))
    assert before.astimezone(UTC) == datetime.datetime(2024, 10, 26, 6, tzinfo=UTC)
