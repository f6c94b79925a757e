"""Demo governance: decision reports, assurance checklists, scrutiny and decision records for Dorset
and Somerset, built through the governance services with July 2024 dates.

- Dorset (cabinet report): the report on the version Cabinet endorsed on 9 July 2024, a complete
  checklist, the decision record completed from the minutes and published, and a delegation to the
  chief executive in consultation with the Leader. Dorset's cabinet decisions are executive decisions,
  so its settings carry a five working day call-in period; the 9 July decision is recorded as exempt
  from call-in (the return was due on 19 July, and Dorset returned it on 16 July).
- Somerset (executive decision report): version 1 frozen, its report written for the Executive of
  15 July 2024, a complete checklist with the workforce, asset and local member lines not applicable
  (with reasons), consultees informed, and the comments of the Corporate and Resources Scrutiny
  Committee of 19 June 2024. The decision itself is left for the tour in the README.

Safe to run again: every step finds what it made before and changes nothing.
"""

import datetime

from councils.selectors import council_by_code
from devdata.scenario import at
from governance import selectors
from governance.services import checklist, configuration, decisions, reports
from plans.selectors import draft_for, latest_version, return_by_slug
from plans.services import freeze_draft

RETURN_SLUG = "productivity-plan-2024"
DORSET, SOMERSET = "E06000059", "E06000066"

DORSET_SETTINGS = {
    "report_template": "cabinet_report",
    "decision_maker": "Cabinet",
    "call_in_working_days": 5,
    "checklist_lines": [
        "legal",
        "finance",
        "workforce",
        "assets",
        "executive_director",
        "lead_member",
        "opposition",
        "scrutiny_chair",
    ],
}
SOMERSET_SETTINGS = {
    "report_template": "executive_decision_report",
    "decision_maker": "Executive",
    "call_in_working_days": 5,
    "checklist_lines": [
        "legal",
        "finance",
        "workforce",
        "assets",
        "executive_director",
        "lead_member",
        "local_members",
        "opposition",
        "scrutiny_chair",
    ],
}

DORSET_REPORT = {
    "title": "Productivity Plan",
    "meeting_body": "Cabinet",
    "meeting_date": datetime.date(2024, 7, 9),
    "author_names": "Hannah Pryce, Policy and strategy lead",
    "sections": {
        "summary": (
            "After the 2024-25 finance settlement the Secretary of State asked every council in England to write "
            "a productivity plan. The Minister for Local Government then set out the four themes it should cover "
            "and asked that members endorse it before it is returned to the department by 19 July 2024 and "
            "published on the council's website."
        ),
        "recommendation": "That Cabinet agrees the content of the productivity plan, and its publication, before "
        "19 July 2024.",
        "reasons": (
            "Members must oversee and endorse each council's plan before it is returned to the department, which "
            "has asked for every plan by 19 July 2024."
        ),
        "background": (
            "The government wants the plans to show how councils will improve services and cut wasteful spending, "
            "naming spend on consultants and on staff equality, diversity and inclusion programmes. Plans will not "
            "be rated or scored: a panel chaired by the minister, with the Office for Local Government and the "
            "Local Government Association, will look at themes and evidence across all of them, and the "
            "government will monitor progress.\n\n"
            "The department asked that the work draw on what councils already do rather than become a burden, and "
            "suggested no more than four pages."
        ),
        "proposed_content": (
            "The plan follows the four themes and builds on existing strategies. Theme 3 gives the council's "
            "spend on agency workers (0.35% of the total staff budget) and consultants (0.96%), and states that "
            "equality, diversity and inclusion training is limited to what the Public Sector Equality Duty "
            "requires. Measures for the plan are being set alongside the new Council Plan, and residents will be "
            "able to follow them."
        ),
        "financial": "None. The plan describes work already planned and funded.",
        "environment": "None identified: the report summarises approaches already in place.",
        "wellbeing": "None.",
        "other_implications": "None.",
        "risk_current": "Medium. Without an endorsed plan the council would not meet a requirement set by the "
        "government.",
        "risk_residual": "Low, provided Cabinet agrees the plan and it is returned on time.",
        "equalities": "Not required: the plan reports existing activity and makes no new decision about services.",
        "appendices": "The letter from the Minister for Local Government is attached to the plan.",
        "background_papers": "None.",
    },
}

SOMERSET_REPORT = {
    "title": "Somerset Council: productivity plan for the department",
    "meeting_body": "Executive",
    "meeting_date": datetime.date(2024, 7, 15),
    "author_names": "Leah Whitcombe, Corporate performance and planning manager",
    "sections": {
        "summary": (
            "The department has asked every council to write a productivity plan showing how it will improve "
            "performance and reduce wasteful spending, and to return it by Friday 19 July 2024. This report asks "
            "the Executive to agree and adopt Somerset's plan."
        ),
        "recommendation": (
            "1. That the Executive agrees and adopts the productivity plan at Appendix A, to be returned to the "
            "department and then published on the council's website.\n\n"
            "2. That the Executive delegates authority to the Executive Director for Strategy, Workforce and "
            "Localities, in consultation with the Lead Member for Transformation and Human Resources, to make any "
            "minor amendments before the plan is returned."
        ),
        "reasons": "The department's guidance says each plan needs member oversight and endorsement before it is "
        "returned and published.",
        "background": (
            "Every council has been asked for a plan as part of the government's review of productivity across "
            "public services. Plans go to an expert panel that includes the Office for Local Government and the "
            "Local Government Association. Councils may structure their plans and approve them as they choose, "
            "provided members oversee and endorse them; about four pages was suggested, and each plan must be "
            "published.\n\n"
            "The plan sets out the council's financial position and gives examples of improvements with "
            "measurable outcomes. Executive and service directors shaped its content, and officers compared notes "
            "with other councils on common themes and barriers."
        ),
        "council_plan": "The plan draws on the medium-term financial plan and the transformation programme, and "
        "follows the thread that runs from the Council Plan through the organisation.",
        "alternatives": "None were considered: the return is required of every council.",
        "scrutiny": "The barriers named in the plan were presented to scrutiny before it was finalised.",
        "consultation": "None.",
        "financial": "No direct financial implications from adopting the plan.",
        "legal": "None.",
        "background_papers": (
            "- The written ministerial statement on productivity plans, UK Parliament\n"
            "- The letter from the Minister for Local Government to chief executives, 16 April 2024"
        ),
    },
}

SOMERSET_SCRUTINY = {
    "committee": "Corporate and Resources Scrutiny Committee",
    "met_on": datetime.date(2024, 6, 19),
    "comments": "The committee considered the barriers the council faces, as drafted for the productivity plan, "
    "and asked that they be reflected in the plan.",
    "recommendations": "That the barriers discussed be set out in theme 4 of the plan, with a clear ask of "
    "government for each.",
}

NOT_APPLICABLE = {
    DORSET: {
        "workforce": "The plan reports existing activity; it makes no change to staff or structures.",
        "assets": "No land or buildings are affected by the plan.",
    },
    SOMERSET: {
        "workforce": "No direct workforce implications from submitting the plan.",
        "assets": "No asset management implications from submitting the plan.",
    },
}
CONSULTEES = {
    DORSET: {
        "opposition": ("Leader of the opposition group", datetime.date(2024, 7, 1)),
        "scrutiny_chair": ("Chair of Place and Resources Scrutiny Committee", datetime.date(2024, 7, 1)),
    },
    SOMERSET: {
        "opposition": ("Cllr Demo Opposition, Opposition Spokesperson", datetime.date(2024, 7, 4)),
        "scrutiny_chair": ("Cllr Demo Chair, Chair of Corporate and Resources Scrutiny", datetime.date(2024, 7, 4)),
    },
}
SIGNED_ON = {
    DORSET: {
        "legal": "2024-07-01",
        "finance": "2024-07-01",
        "executive_director": "2024-07-01",
        "lead_member": "2024-07-01",
    },
    SOMERSET: {
        "legal": "2024-07-03",
        "finance": "2024-07-04",
        "executive_director": "2024-07-03",
        "lead_member": "2024-07-04",
    },
}


def _settings(council, values, actor) -> None:
    current = configuration.settings_values(council)
    if {key: current[key] for key in values} != values:
        configuration.configure_governance(council=council, actor=actor, at=at("2024-06-03"), **values)


def _complete(report, code: str, clerk, log) -> None:
    for view in selectors.checklist_of(report):
        line = view.line
        if view.satisfied:
            continue
        if line.kind == "consultee":
            if line.key in CONSULTEES[code]:
                name, on = CONSULTEES[code][line.key]
                checklist.record_consultee(
                    line=line, consultee_name=name, informed_on=on, actor=clerk, at=at(on.isoformat(), "12:00")
                )
            else:
                checklist.record_consultee(
                    line=line,
                    consultee_name="",
                    informed_on=datetime.date(2024, 7, 4),
                    actor=clerk,
                    not_applicable=True,
                    reason="The plan covers the whole council area, not particular divisions.",
                    at=at("2024-07-04", "12:00"),
                )
        elif line.person is None:
            log(f"  {report.council.name} report, {line.label}: no one holds the role, left open")
        elif line.key in NOT_APPLICABLE[code]:
            checklist.sign_line(
                line=line,
                actor=line.person,
                not_applicable=True,
                reason=NOT_APPLICABLE[code][line.key],
                on_date=datetime.date.fromisoformat(SIGNED_ON[code]["legal"]),
                at=at(SIGNED_ON[code]["legal"], "15:00"),
            )
        else:
            day = SIGNED_ON[code].get(line.key, SIGNED_ON[code]["legal"])
            checklist.sign_line(
                line=line, actor=line.person, on_date=datetime.date.fromisoformat(day), at=at(day, "16:00")
            )


def _report(version, spec, author, written):
    return selectors.report_for_version(version) or reports.create_report(
        version=version, actor=author, at=written, **spec
    )


def build_governance(*, people: dict, log=print) -> None:
    """`people` is {ons_code: {role_suffix: user}}, as devdata.build.build_cast returns it."""
    return_definition = return_by_slug(RETURN_SLUG)

    dorset = council_by_code(DORSET)
    dp = people[DORSET]
    _settings(dorset, DORSET_SETTINGS, dp["democratic-services"])
    draft = draft_for(council=dorset, return_definition=return_definition)
    version = draft.versions.order_by("number").first() if draft else None
    decision = selectors.endorsing_decision(version) if version else None
    if version is not None:
        report = _report(version, DORSET_REPORT, dp["author"], at("2024-07-01", "16:30"))
        _complete(report, DORSET, dp["democratic-services"], log)
        if decision is not None:
            decisions.complete_decision_record(
                decision=decision,
                actor=dp["democratic-services"],
                details=decisions.RecordDetails(
                    report=report,
                    is_executive=True,
                    call_in_working_days=0,
                    reasons="Members must oversee and endorse the plan before it is returned to the department by "
                    "19 July 2024.",
                    alternatives_rejected="None: every council is required to return a plan.",
                    conflicts_of_interest="None declared.",
                    dispensation="None.",
                ),
                at=at("2024-07-09", "20:30"),
            )
            decisions.record_delegation(
                decision=decision,
                officer=dp["executive-director"],
                consult_with=dp["lead-member"],
                scope="To make any minor amendments to the plan before it is returned to the department.",
                actor=dp["democratic-services"],
                at=at("2024-07-09", "20:35"),
            )
            decisions.publish_decision_record(
                decision=decision,
                actor=dp["democratic-services"],
                published_on=datetime.date(2024, 7, 10),
                at=at("2024-07-10", "09:00"),
            )
        report.refresh_from_db()
        blockers = selectors.agenda_blockers(report)
        log(f"  Dorset decision report: {'checklist complete' if not blockers else '; '.join(blockers)}")

    somerset = council_by_code(SOMERSET)
    sp = people[SOMERSET]
    _settings(somerset, SOMERSET_SETTINGS, sp["democratic-services"])
    draft = draft_for(council=somerset, return_definition=return_definition)
    if draft is None:
        return
    version = latest_version(draft) or freeze_draft(draft=draft, actor=sp["author"], at=at("2024-07-02", "11:00"))
    report = _report(version, SOMERSET_REPORT, sp["author"], at("2024-07-02", "14:00"))
    reports.record_scrutiny_comment(
        report=report, actor=sp["democratic-services"], at=at("2024-07-02", "15:00"), **SOMERSET_SCRUTINY
    )
    _complete(report, SOMERSET, sp["democratic-services"], log)
    report.refresh_from_db()
    blockers = selectors.agenda_blockers(report)
    log(f"  Somerset decision report: {'checklist complete' if not blockers else '; '.join(blockers)}")
