"""Anchor file names and the daily schedule: plain functions, no database."""

import datetime

from core.audit import BrokenEntry, anchor_name, next_daily_run
from core.dates import LONDON


def test_the_daily_anchor_is_named_by_the_uk_date():
    late_evening_utc = datetime.datetime(2024, 7, 19, 23, 30, tzinfo=datetime.UTC)  # already 20 July in London
    assert anchor_name(at=late_evening_utc, reason="daily") == "audit-anchors/2024-07-20.json"
    winter = datetime.datetime(2024, 12, 31, 23, 30, tzinfo=datetime.UTC)  # GMT: still 31 December
    assert anchor_name(at=winter, reason="daily") == "audit-anchors/2024-12-31.json"


def test_other_anchors_carry_date_time_and_reason_so_none_overwrites_another():
    moment = datetime.datetime(2024, 7, 19, 10, 15, 0, 123456, tzinfo=datetime.UTC)
    name = anchor_name(at=moment, reason="Publication E06000059 / v1")
    assert name == "audit-anchors/2024-07-19-101500-123456-publication-e06000059-v1.json"


def test_the_next_daily_run_is_1am_uk_time_the_next_day_across_the_clock_change():
    before_spring_forward = datetime.datetime(2024, 3, 30, 12, 0, tzinfo=datetime.UTC)
    run = next_daily_run(before_spring_forward)
    assert run == datetime.datetime(2024, 3, 31, 1, 0, tzinfo=LONDON)
    assert run.utcoffset() == datetime.timedelta(0)  # 1am on 31 March is still GMT
    summer = next_daily_run(datetime.datetime(2024, 7, 19, 23, 30, tzinfo=datetime.UTC))
    assert summer.date() == datetime.date(2024, 7, 21) and summer.hour == 1


def test_a_broken_entry_is_described_with_its_id_time_and_action():
    entry = BrokenEntry(
        id=17,
        occurred_at=datetime.datetime(2024, 7, 9, 19, 2, 3, tzinfo=LONDON),
        action="DecisionRecorded",
        reason="its contents no longer match its hash (the entry was changed)",
    )
    assert entry.describe() == (
        "entry 17 (DecisionRecorded, 2024-07-09 18:02:03 UTC): its contents no longer match its hash "
        "(the entry was changed)"
    )
