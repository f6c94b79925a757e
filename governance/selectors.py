"""Reads for governance."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from core.audit import events_for
from governance.call_in import in_effect
from governance.checklist import LABELS, VOIDED, WAITING, EntryFacts, is_satisfied, line_state
from governance.models import (
    ENDORSING_OUTCOMES,
    CallIn,
    ChecklistEntry,
    ChecklistLine,
    Decision,
    DecisionDetails,
    DecisionEffect,
    DecisionPublication,
    DecisionReport,
    DelegatedAmendment,
    Delegation,
    ScrutinyComment,
)
from governance.report_templates import LINE_SPECS, template_for
from plans.models import PlanVersion


def _today() -> datetime.date:
    return timezone.localdate()


# --- Decisions and when they take effect ------------------------------------------------------


def details_of(decision: Decision) -> DecisionDetails | None:
    return DecisionDetails.objects.filter(decision=decision).select_related("report").first()


def publication_of(decision: Decision) -> DecisionPublication | None:
    return DecisionPublication.objects.filter(decision=decision).first()


def call_in_of(decision: Decision) -> CallIn | None:
    return CallIn.objects.filter(decision=decision).first()


def effective_date(decision: Decision) -> datetime.date | None:
    """The day the decision takes (or took) effect, as stored by the services; None while it cannot."""
    effect = DecisionEffect.objects.filter(decision=decision).first()
    return effect.takes_effect_on if effect else None


def endorsing_decision(version) -> Decision | None:
    """The decision that endorsed this version, in effect or not."""
    return version.decisions.filter(outcome__in=ENDORSING_OUTCOMES).select_related("recorded_by", "effect").first()


def amendment_of(version) -> DelegatedAmendment | None:
    """The delegated amendment that made this version, if it was made under a delegation."""
    return (
        DelegatedAmendment.objects.filter(new_version=version)
        .select_related(
            "delegation__decision__effect",
            "delegation__decision__call_in",
            "delegation__officer",
            "delegation__consult_with",
            "endorsed_version",
            "made_by",
        )
        .first()
    )


def decisions_on(version) -> list[Decision]:
    return list(version.decisions.select_related("recorded_by").order_by("decided_on", "recorded_at"))


def delegations_of(decision: Decision) -> list[Delegation]:
    return list(decision.delegations.select_related("officer", "consult_with").order_by("id"))


def amendments_under(delegation: Delegation) -> list[DelegatedAmendment]:
    return list(delegation.amendments.select_related("new_version", "made_by").order_by("made_at"))


def delegations_for(user) -> list[Delegation]:
    """Delegations naming this officer, newest first."""
    if not getattr(user, "is_authenticated", False):
        return []
    return list(
        Delegation.objects.filter(officer=user)
        .select_related("decision__version__council", "consult_with")
        .order_by("-recorded_at")
    )


@dataclass
class DecisionSummary:
    decision: Decision
    details: DecisionDetails | None
    publication: DecisionPublication | None
    call_in: CallIn | None
    delegations: list
    effective_on: datetime.date | None
    in_effect: bool

    @property
    def call_in_open(self) -> bool:
        """The call-in period is running now and no call-in has been received."""
        ends = self.publication.call_in_ends_on if self.publication else None
        return ends is not None and self.call_in is None and _today() <= ends

    @property
    def status(self) -> str:
        """Where the decision has got to, in plain words."""
        if not self.decision.endorses:
            return self.decision.get_outcome_display()
        effective = self.effective_on
        if self.in_effect and effective is not None:
            return f"In effect from {effective.day} {effective:%B %Y}"
        if self.call_in is not None:
            return self.call_in.get_outcome_display()
        if self.details and self.details.subject_to_call_in and self.publication is None:
            return "Record to be published: the call-in period starts when it is"
        if self.publication and self.publication.call_in_ends_on:
            ends = self.publication.call_in_ends_on
            return f"In the call-in period until {ends.day} {ends:%B %Y}"
        return "Not yet in effect"


def decision_summary(decision: Decision, today: datetime.date | None = None) -> DecisionSummary:
    effective_on = effective_date(decision)
    return DecisionSummary(
        decision=decision,
        details=details_of(decision),
        publication=publication_of(decision),
        call_in=call_in_of(decision),
        delegations=delegations_of(decision),
        effective_on=effective_on,
        in_effect=in_effect(effective_on, today or _today()),
    )


def decisions_awaiting_record(council) -> list[Decision]:
    """Decisions subject to call-in whose record is not yet published, oldest first."""
    return list(
        Decision.objects.filter(version__council=council, effect__subject_to_call_in=True, publication__isnull=True)
        .select_related("version")
        .order_by("recorded_at")
    )


# --- Reports and checklists -------------------------------------------------------------------


def report_for_version(version) -> DecisionReport | None:
    return DecisionReport.objects.filter(version=version).select_related("version", "council").first()


def reports_of(council) -> list[DecisionReport]:
    return list(DecisionReport.objects.filter(council=council).select_related("version").order_by("-version__number"))


@dataclass
class LineView:
    line: ChecklistLine
    entry: ChecklistEntry | None
    state: str

    @property
    def state_label(self) -> str:
        return LABELS[self.state]

    @property
    def satisfied(self) -> bool:
        return is_satisfied(self.state)

    @property
    def who(self) -> str:
        if self.line.kind == "consultee":
            return self.line.consultee_name
        return (self.line.person.get_full_name() or self.line.person.username) if self.line.person else ""


def _latest_entries(lines) -> dict[int, ChecklistEntry]:
    latest: dict[int, ChecklistEntry] = {}
    entries = ChecklistEntry.objects.filter(line__in=lines).select_related("made_by").order_by("made_at", "id")
    for entry in entries:
        latest[entry.line_id] = entry
    return latest


def checklist_of(report: DecisionReport) -> list[LineView]:
    lines = list(report.checklist_lines.select_related("person").order_by("position"))
    latest = _latest_entries(lines)
    views = []
    for line in lines:
        entry = latest.get(line.pk)
        facts = EntryFacts(entry.status, entry.made_by_id, entry.report_hash) if entry else None
        state = line_state(kind=line.kind, person_id=line.person_id, entry=facts, report_hash=report.content_hash)
        views.append(LineView(line=line, entry=entry, state=state))
    return views


def _person(line: ChecklistLine) -> str:
    return (line.person.get_full_name() or line.person.username) if line.person else ""


def agenda_blockers(report: DecisionReport) -> list[str]:
    """Plain-English reasons the report cannot go on a published agenda; an empty list means ready."""
    reasons = []
    for view in checklist_of(report):
        line = view.line
        if view.satisfied:
            continue
        if line.kind == "consultee":
            reasons.append(f"{line.label}: not yet recorded (who was informed, and when)")
        elif view.state == VOIDED and view.entry is not None:
            entry = view.entry
            reasons.append(
                f"{line.label}: {_person(line)} signed off on {entry.on_date.day} {entry.on_date:%B %Y}, but the "
                "report or the plan version has changed since, so it must be signed off again"
            )
        elif view.state == WAITING:
            reasons.append(f"{line.label}: waiting for {_person(line)} to sign off")
        else:
            reasons.append(f"{line.label}: no one is named to sign it off")
    return reasons


def lines_for_person(report: DecisionReport, user) -> list[LineView]:
    return [view for view in checklist_of(report) if view.line.person_id == getattr(user, "pk", None)]


def scrutiny_of(report: DecisionReport) -> list[ScrutinyComment]:
    return list(report.scrutiny_comments.order_by("met_on", "id"))


def template_of(report: DecisionReport):
    return template_for(report.template_key)


def lines_waiting_for(user) -> list[LineView]:
    """Checklist lines naming this person that still need them (for their task list)."""
    if not getattr(user, "is_authenticated", False):
        return []
    reports = DecisionReport.objects.filter(checklist_lines__person=user).distinct().select_related("council")
    waiting = []
    for report in reports:
        waiting += [view for view in lines_for_person(report, user) if not view.satisfied]
    return waiting


def versions_without_report(council) -> list:
    """The council's frozen versions that have no decision report and no decision yet, newest first."""
    return list(
        PlanVersion.objects.filter(
            council=council, reports__isnull=True, decisions__isnull=True, amendment__isnull=True
        ).order_by("-frozen_at")
    )


def _event_detail(event) -> str:
    """What an event was about, in words, from what the service stored with it."""
    data = event.data or {}
    parts = []
    if data.get("line") in LINE_SPECS:
        parts.append(LINE_SPECS[data["line"]].label)
    if data.get("person"):
        parts.append(data["person"])
    if data.get("consultee"):
        parts.append(data["consultee"])
    if data.get("reason"):
        parts.append(f"reason: {data['reason']}")
    if data.get("sign_offs_voided"):
        parts.append("sign-offs no longer counting: " + "; ".join(data["sign_offs_voided"]))
    if data.get("officer") and data.get("consult_with"):
        parts.append(f"{data['officer']}, in consultation with {data['consult_with']}")
    if data.get("call_in_ends_on"):
        parts.append(f"call-in period ends {datetime.date.fromisoformat(data['call_in_ends_on']):%-d %B %Y}")
    if data.get("committee"):
        parts.append(data["committee"])
    if data.get("meeting_date") and data.get("item"):
        meeting_date = datetime.date.fromisoformat(data["meeting_date"])
        first, last = data.get("pages") or (None, None)
        pages = "" if first is None else f", page {first}" if first == last else f", pages {first} to {last}"
        if data.get("supplement"):
            where = f"supplementary agenda {data['supplement']}, item {data['item']}{pages} of its pack"
        else:
            where = f"item {data['item']}{pages} of the pack"
        parts.append(f"meeting on {meeting_date:%-d %B %Y}, {where}")
    if data.get("new_version"):
        parts.append(f"version {data['new_version']} made from version {data['endorsed_version']}")
    return "; ".join(parts)


def history_of(subject) -> list:
    """The audit events of a report or decision, oldest first, each with `detail`: what it was about,
    in plain words (shown by templates/partials/audit_trail.html)."""
    events = events_for(subject)
    for event in events:
        event.detail = _event_detail(event)
    return events


def decisions_of(council) -> list[DecisionSummary]:
    """The council's decisions on its plan versions, newest first, with where each has got to."""
    decisions = (
        Decision.objects.filter(version__council=council)
        .select_related("version")
        .order_by("-decided_on", "-recorded_at")
    )
    return [decision_summary(decision) for decision in decisions]
