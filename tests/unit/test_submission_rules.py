"""Rules of the register and of certification, without a database."""

import datetime
from types import SimpleNamespace

from submissions.selectors import TIMELINESS_FILTERS, RegisterRow
from submissions.services import certification_statement

DEADLINE = datetime.date(2024, 7, 19)


def row(stage=None, on_time=None, deadline=None, today=datetime.date(2024, 7, 25), extension=None):
    status = None
    if stage is not None or deadline is not None:
        status = SimpleNamespace(
            stage=stage or "not_started",
            on_time=on_time,
            deadline=deadline,
            extension=extension,
            last_chased_at=None,
            latest_submission=None,
        )
    return RegisterRow(council=SimpleNamespace(name="Dorset"), status=status, return_deadline=DEADLINE, today=today)


def test_a_council_past_the_deadline_with_nothing_submitted_is_missing():
    assert row().is_missing and row(stage="endorsed").is_missing
    assert row().timeliness == "missing"


def test_on_the_deadline_day_a_council_is_not_yet_missing():
    assert not row(today=DEADLINE).is_missing


def test_an_extension_moves_the_day_a_council_becomes_missing():
    extended = row(deadline=datetime.date(2024, 8, 2), extension=object())
    assert extended.deadline == datetime.date(2024, 8, 2) and not extended.is_missing
    assert row(deadline=datetime.date(2024, 8, 2), today=datetime.date(2024, 8, 3)).is_missing


def test_a_council_that_submitted_is_on_time_or_late_never_missing():
    on_time, late = row(stage="submitted", on_time=True), row(stage="published", on_time=False)
    assert (on_time.is_missing, on_time.timeliness) == (False, "on_time")
    assert (late.is_missing, late.is_late, late.timeliness) == (False, True, "late")
    assert TIMELINESS_FILTERS["late_or_missing"](late) and TIMELINESS_FILTERS["late_or_missing"](row())
    assert not TIMELINESS_FILTERS["late_or_missing"](on_time)


def _endorsement(version, *, amendment=None):
    from submissions.standing import Endorsement

    endorsed_version = SimpleNamespace(number=1, content_hash="b" * 64)
    decision = SimpleNamespace(
        version=endorsed_version if amendment else version,
        get_outcome_display=lambda: "Endorsed with amendments",
        decision_maker="Executive",
        decided_on=datetime.date(2024, 7, 15),
    )
    return Endorsement(
        version=version,
        decision=decision,
        amendment=amendment,
        subject_to_call_in=False,
        takes_effect_on=datetime.date(2024, 7, 15),
        call_in=None,
        record_published=True,
        today=datetime.date(2024, 7, 18),
    )


VERSION = SimpleNamespace(
    number=2,
    content_hash="a" * 64,
    council=SimpleNamespace(name="Somerset"),
    return_definition=SimpleNamespace(title="Productivity plan 2024"),
)


def test_the_certification_names_the_officer_the_version_the_decision_and_the_hash():
    certifier = SimpleNamespace(display_name="Simon Yeo")
    statement = certification_statement(
        version=VERSION, endorsement=_endorsement(VERSION), certifier=certifier, role="section_151_officer"
    )
    assert statement == (
        "I, Simon Yeo, section 151 officer of Somerset, certify that version 2 of the productivity plan 2024 "
        "is the version members endorsed (endorsed with amendments by Executive on 15 July 2024), and that "
        f"its content hash (SHA-256) is {'a' * 64}."
    )


def test_an_amended_version_is_certified_as_the_endorsed_version_with_minor_amendments_never_as_endorsed():
    officer = SimpleNamespace(display_name="Alan Quantock", job_title="Executive director, strategy")
    amendment = SimpleNamespace(made_at=datetime.datetime(2024, 7, 17, 11, tzinfo=datetime.UTC), made_by=officer)
    statement = certification_statement(
        version=VERSION,
        endorsement=_endorsement(VERSION, amendment=amendment),
        certifier=SimpleNamespace(display_name="Simon Yeo"),
        role="section_151_officer",
    )
    assert "is the version members endorsed" not in statement
    assert (
        "certify that version 2 of the productivity plan 2024 is version 1 as endorsed with amendments by "
        "Executive on 15 July 2024, with minor amendments made on 17 July 2024 by Alan Quantock (executive "
        "director, strategy) under the delegation in that decision, and that its content hash"
    ) in statement
