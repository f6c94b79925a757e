"""How a council takes decisions: its report template, decision maker, call-in period and checklist."""

import datetime

from django.db import transaction

from core.audit import record_event
from governance.exceptions import GovernanceRefusal
from governance.models import GovernanceSettings
from governance.report_templates import (
    DEFAULT_SETTINGS,
    LINE_SPECS,
    MAX_CALL_IN_WORKING_DAYS,
    STATUTORY_PAIR,
    TEMPLATES,
)
from governance.services.common import now

CALL_IN_AT_LEAST_ZERO = "The call-in period must be 0 working days or more (0 means no call-in)"


def settings_values(council) -> dict:
    """The council's settings as plain values, or the defaults when it has none."""
    stored = GovernanceSettings.objects.filter(council=council).first()
    if stored is None:
        return dict(DEFAULT_SETTINGS)
    return {
        "report_template": stored.report_template,
        "decision_maker": stored.decision_maker,
        "call_in_working_days": stored.call_in_working_days,
        "checklist_lines": list(stored.checklist_lines),
        "minor_amendment_threshold_percent": stored.minor_amendment_threshold_percent,
    }


def configure_governance(
    *,
    council,
    report_template: str,
    decision_maker: str,
    call_in_working_days: int,
    checklist_lines: list[str],
    actor,
    at: datetime.datetime | None = None,
) -> GovernanceSettings:
    """Set how the council takes decisions. Reports already made keep the checklist they were made with."""
    moment = now(at)
    if report_template not in TEMPLATES:
        raise GovernanceRefusal("Select a report template", field="report_template")
    if call_in_working_days is None or call_in_working_days < 0:
        raise GovernanceRefusal(CALL_IN_AT_LEAST_ZERO, field="call_in_working_days")
    if call_in_working_days > MAX_CALL_IN_WORKING_DAYS:
        raise GovernanceRefusal(
            f"The call-in period must be {MAX_CALL_IN_WORKING_DAYS} working days or fewer",
            field="call_in_working_days",
        )
    if not decision_maker.strip():
        raise GovernanceRefusal("Enter who usually makes the decision", field="decision_maker")
    unknown = [key for key in checklist_lines if key not in LINE_SPECS]
    if unknown:
        raise GovernanceRefusal("Select checklist lines from the list", field="checklist_lines")
    if not set(STATUTORY_PAIR) <= set(checklist_lines):
        raise GovernanceRefusal(
            "The checklist must include the monitoring officer and the section 151 officer", field="checklist_lines"
        )
    ordered = [key for key in LINE_SPECS if key in set(checklist_lines)]
    with transaction.atomic():
        stored, _ = GovernanceSettings.objects.update_or_create(
            council=council,
            defaults={
                "report_template": report_template,
                "decision_maker": decision_maker.strip(),
                "call_in_working_days": call_in_working_days,
                "checklist_lines": ordered,
                "updated_by": actor,
                "updated_at": moment,
            },
        )
        record_event(
            action="GovernanceSettingsChanged",
            actor=actor,
            subject=stored,
            council_code=council.gss_code,
            data={
                "report_template": report_template,
                "call_in_working_days": call_in_working_days,
                "checklist_lines": ordered,
            },
        )
    return stored
