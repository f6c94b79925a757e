"""Demo meetings: Dorset's Cabinet of 9 July 2024 with a published agenda pack of two items (the
productivity plan and a performance framework paper), and Somerset's Executive of 15 July 2024 with
its executive decision report (both recorded as past meetings, with the dates their agendas were
published: 1 and 5 July 2024, five clear working days before each).

Built through the services after the governance demo, which prepares Dorset's decision report and
its checklist. Safe to run again: what exists is left as it is.
"""

import datetime

from core.audit import schedule_daily_anchor, write_anchor
from councils.selectors import council_by_code
from devdata.scenario import at
from governance.exceptions import GovernanceRefusal
from governance.selectors import agenda_blockers, report_for_version
from governance.services import checklist, reports
from meetings import selectors, services
from plans.selectors import draft_for, return_by_slug

RETURN_SLUG = "productivity-plan-2024"

PERFORMANCE_PAPER = {
    "title": "Council Plan performance framework",
    "report_of": "the Chief Executive",
    "author_names": "Demo officer, Business Intelligence Lead",
    "summary": (
        "The council is adopting a new Council Plan. This paper proposes how its measures will be chosen, "
        "reported to Cabinet each quarter and published for residents, so that the productivity plan's "
        "commitments are tracked in the same place rather than in a separate report."
    ),
    "recommendation": (
        "That Cabinet agrees the approach to the performance framework set out in section 2, and asks for the "
        "first quarterly report in the autumn."
    ),
    "body": """## 1. Background

1.1 Performance has been reported service by service. Members have asked for one set of measures that
follows the priorities of the Council Plan.

1.2 The productivity plan returned to the department commits the council to publish performance
information residents can follow. Reporting both through one framework avoids duplicate work.

## 2. Proposed approach

2.1 Each Council Plan priority will have a small number of outcome measures, each with an owner, a
baseline and a target.

2.2 Measures will be reported to Cabinet every quarter and published as open data on the council's
website at the same time.

2.3 Where a productivity plan commitment has a measure, it will be reported alongside the Council Plan
priority it supports.

## 3. Financial implications

3.1 None beyond existing budgets: the work uses the council's current reporting tools.

## 4. Risk assessment

4.1 Current risk: low. Residual risk: low.

## 5. Background papers

5.1 None.
""",
    "cleared_by": "the Monitoring Officer and the Section 151 Officer",
    "cleared_on": datetime.date(2024, 6, 27),
}


def _complete_checklist(report, people, log) -> list[str]:
    """Finish any line still open on the report, as each named person would; returns what is still missing."""
    on = datetime.date(2024, 7, 1)
    moment = at("2024-07-01", "17:30")
    clerk = people.get("democratic-services")
    for line in report.checklist_lines.select_related("person"):
        try:
            if line.kind == "consultee":
                checklist.record_consultee(
                    line=line,
                    consultee_name={"scrutiny_chair": "Chair of Place and Resources Scrutiny Committee"}.get(
                        line.key, "Leader of the opposition group"
                    ),
                    informed_on=on,
                    actor=clerk,
                    at=moment,
                )
            elif line.person is not None and line.only_if_implications:
                checklist.sign_line(
                    line=line, actor=line.person, not_applicable=True, reason="No implications", at=moment
                )
            elif line.person is not None:
                checklist.sign_line(line=line, actor=line.person, on_date=on, at=moment)
        except GovernanceRefusal as refusal:
            log(f"  Dorset report, {line.label}: {refusal}")
    report.refresh_from_db()
    return agenda_blockers(report)


def _committee_meeting(*, council, name, kind, date, time, venue, contact, actor):
    committee = services.create_committee(council=council, name=name, kind=kind, actor=actor)
    for meeting in selectors.meetings_of(council):
        if meeting.committee_id == committee.pk and meeting.date == date:
            return meeting
    return services.schedule_meeting(
        committee=committee,
        date=date,
        starts_at=time,
        venue=venue,
        contact=contact,
        actor=actor,
        at=at((date - datetime.timedelta(days=21)).isoformat()),
    )


def build_meetings(*, people: dict, log=print) -> None:
    """`people` is {ons_code: {role_suffix: user}}, as devdata.build.build_cast returns it."""
    dorset, somerset = council_by_code("E06000059"), council_by_code("E06000066")
    return_definition = return_by_slug(RETURN_SLUG)
    dorset_people = people["E06000059"]
    clerk = dorset_people["democratic-services"]

    cabinet = _committee_meeting(
        council=dorset,
        name="Cabinet",
        kind="cabinet",
        date=datetime.date(2024, 7, 9),
        time=datetime.time(18, 30),
        venue="Council Chamber, County Hall, Dorchester, DT1 1XJ",
        contact="Democratic Services, 01305 000000, democratic.services@example.gov.uk",
        actor=clerk,
    )
    if not cabinet.agenda_published:
        draft = draft_for(council=dorset, return_definition=return_definition)
        version = draft.versions.order_by("number").first() if draft else None
        items = {item.number: item for item in selectors.items_of(cabinet)}
        if version is not None and 16 not in items:
            report = report_for_version(version) or reports.create_report(
                version=version, actor=dorset_people["author"], title="Productivity Plan", at=at("2024-07-01", "16:30")
            )
            services.add_agenda_item(
                meeting=cabinet,
                report=report,
                number=16,
                title="Productivity plan",
                description="To consider a report of the Leader of the Council.",
                actor=clerk,
            )
        if 17 not in items:
            paper = next(
                (p for p in selectors.papers_for_agenda(cabinet) if p.title == PERFORMANCE_PAPER["title"]), None
            ) or services.write_paper(
                council=dorset, actor=dorset_people["author"], at=at("2024-06-28"), **PERFORMANCE_PAPER
            )
            services.add_agenda_item(
                meeting=cabinet,
                paper=paper,
                number=17,
                description="To consider a report of the Chief Executive.",
                actor=clerk,
            )
        missing = []
        for item in selectors.items_of(cabinet):
            if item.report_id:
                missing += _complete_checklist(item.report, dorset_people, log)
        if missing:
            log("  Dorset Cabinet 9 July 2024: agenda not published; the report still needs: " + "; ".join(missing))
        else:
            cabinet = services.publish_agenda(meeting=cabinet, actor=clerk, published_on=datetime.date(2024, 7, 1))
    if cabinet.agenda_published:
        log(f"  Dorset Cabinet 9 July 2024: agenda published, pack of {cabinet.pack_pages} pages")

    somerset_clerk = people["E06000066"]["democratic-services"]
    executive = _committee_meeting(
        council=somerset,
        name="Executive",
        kind="executive",
        date=datetime.date(2024, 7, 15),
        time=datetime.time(10),
        venue="Council Chamber, County Hall, Taunton, TA1 4DY",
        contact="Democratic Services, 0300 000 0000",
        actor=somerset_clerk,
    )
    if not executive.agenda_published:
        draft = draft_for(council=somerset, return_definition=return_definition)
        version = draft.versions.order_by("number").first() if draft else None
        report = report_for_version(version) if version else None
        if report is not None and not selectors.items_of(executive):
            services.add_agenda_item(
                meeting=executive,
                report=report,
                number=6,
                title="Somerset Council productivity plan",
                description="To consider a report of the Lead Member for Transformation and Human Resources.",
                actor=somerset_clerk,
            )
        blockers = selectors.blockers_for_agenda(executive)
        if selectors.items_of(executive) and not blockers:
            executive = services.publish_agenda(
                meeting=executive, actor=somerset_clerk, published_on=datetime.date(2024, 7, 5)
            )
        else:
            log("  Somerset Executive 15 July 2024: scheduled; its agenda waits for Somerset's decision report")
    if executive.agenda_published:
        log(f"  Somerset Executive 15 July 2024: agenda published, pack of {executive.pack_pages} pages")

    # The head of the audit chain goes outside the database now, and every day from now on.
    anchor = write_anchor(reason="daily")
    schedule_daily_anchor(after_writing=True)
    log(f"  Audit log anchored: {anchor.events} entries, newest {anchor.last_event_id} ({anchor.name})")
