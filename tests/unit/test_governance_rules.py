"""Pure governance rules: when a checklist sign-off counts, and when a decision takes effect."""

import datetime

import pytest

from governance.call_in import call_in_period, effective_from, in_effect
from governance.checklist import (
    DONE,
    INFORMED,
    NOT_APPLICABLE,
    UNASSIGNED,
    VOIDED,
    WAITING,
    EntryFacts,
    is_satisfied,
    line_state,
)
from governance.report_templates import CHECKLIST_LINES, TEMPLATES

ALICE, BOB = 1, 2


def state(entry=None, person=ALICE, kind="sign_off", current="hash-1"):
    return line_state(kind=kind, person_id=person, entry=entry, report_hash=current)


def test_a_sign_off_counts_while_the_report_is_unchanged():
    assert state(EntryFacts("completed", ALICE, "hash-1")) == DONE
    assert state(EntryFacts("not_applicable", ALICE, "hash-1")) == NOT_APPLICABLE


def test_any_change_to_the_report_or_version_voids_the_sign_off():
    assert state(EntryFacts("completed", ALICE, "hash-1"), current="hash-2") == VOIDED
    assert state(EntryFacts("not_applicable", ALICE, "hash-1"), current="hash-2") == VOIDED
    assert not is_satisfied(VOIDED)


def test_a_sign_off_by_someone_no_longer_named_on_the_line_does_not_count():
    assert state(EntryFacts("completed", BOB, "hash-1"), person=ALICE) == WAITING
    assert state(None, person=None) == UNASSIGNED
    assert state(None) == WAITING


def test_consultee_lines_record_who_was_informed_and_are_not_bound_to_the_text():
    assert state(None, kind="consultee", person=None) == WAITING
    assert state(EntryFacts("informed", BOB, "old"), kind="consultee", person=None) == INFORMED
    assert state(EntryFacts("not_applicable", BOB, "old"), kind="consultee", person=None) == NOT_APPLICABLE


def test_call_in_runs_for_working_days_from_publication_and_the_decision_takes_effect_the_day_after():
    # Somerset's executive met on Monday 15 July 2024; a record published that day with five working days.
    period = call_in_period(datetime.date(2024, 7, 15), 5)
    assert period.ends_on == datetime.date(2024, 7, 22)
    assert period.takes_effect_on == datetime.date(2024, 7, 23)
    # Over the August bank holiday.
    period = call_in_period(datetime.date(2024, 8, 22), 3)
    assert period.ends_on == datetime.date(2024, 8, 28) and period.takes_effect_on == datetime.date(2024, 8, 29)
    with pytest.raises(ValueError, match="0 working days or more"):
        call_in_period(datetime.date(2024, 7, 15), -1)


def effective(**overrides):
    facts = {
        "decided_on": datetime.date(2024, 7, 15),
        "subject_to_call_in": True,
        "takes_effect_on": datetime.date(2024, 7, 23),
        "call_in_outcome": None,
        "call_in_resolved_on": None,
    } | overrides
    return effective_from(**facts)


def test_when_a_decision_takes_effect():
    assert effective(subject_to_call_in=False) == datetime.date(2024, 7, 15)  # historic or not executive
    assert effective(takes_effect_on=None) is None  # record not yet published
    assert effective() == datetime.date(2024, 7, 23)
    assert effective(call_in_outcome="pending") is None
    assert effective(call_in_outcome="referred_back", call_in_resolved_on=datetime.date(2024, 7, 30)) is None
    assert effective(call_in_outcome="no_further_action", call_in_resolved_on=datetime.date(2024, 7, 30)) == (
        datetime.date(2024, 7, 30)
    )
    assert not in_effect(datetime.date(2024, 7, 23), datetime.date(2024, 7, 22))
    assert in_effect(datetime.date(2024, 7, 23), datetime.date(2024, 7, 23))
    assert not in_effect(None, datetime.date(2030, 1, 1))


def test_the_two_report_templates_follow_the_two_councils_reports():
    cabinet = [s.key for s in TEMPLATES["cabinet_report"].sections]
    executive = [s.key for s in TEMPLATES["executive_decision_report"].sections]
    assert cabinet[:3] == ["summary", "recommendation", "reasons"]
    assert {"risk_current", "risk_residual", "environment", "proposed_content", "sign_off"} <= set(cabinet)
    assert {"council_plan", "alternatives", "scrutiny", "community_safety", "social_value", "checklist"} <= set(
        executive
    )
    for template in TEMPLATES.values():
        keys = [s.key for s in template.sections]
        assert len(keys) == len(set(keys)), template.key
    lines = {spec.key: spec for spec in CHECKLIST_LINES}
    assert lines["workforce"].only_if_implications and lines["assets"].only_if_implications
    assert not lines["legal"].only_if_implications and not lines["finance"].only_if_implications
