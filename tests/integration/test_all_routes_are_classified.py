"""Every named route is classified by who may reach it, and each class is enforced.

Adding a URL means adding it to exactly one list below (PUBLIC, SIGNED_IN, COUNCIL, DEPARTMENT).
The admin site is left out; the django-ninja API's operations are classified and walked the same way in
test_all_api_operations_are_classified.py.
"""

import datetime
from dataclasses import dataclass
from urllib.parse import unquote

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from councils.models import CouncilRole
from portal.subscriptions import make_token
from tests.integration.pages import is_sign_in_redirect, outcome
from tests.integration.state import describe_change, snapshot

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

SKIPPED_PREFIXES = ("admin/", "api/")  # Django admin; the API's walk is test_all_api_operations_are_classified.py


@dataclass(frozen=True)
class Route:
    methods: tuple[str, ...]  # the methods the view answers; any other gets 405
    permission: str = ""  # for COUNCIL routes: the permission asked of the council that owns the object
    why: str = ""


# Anyone, signed in or not.
PUBLIC = {
    "portal:home": Route(("GET",)),
    "portal:council_list": Route(("GET",)),
    "portal:council_detail": Route(("GET",)),
    "portal:published_plan": Route(("GET",)),
    "portal:accessibility": Route(("GET",)),
    "portal:health": Route(("GET",), why="says only whether this app server can reach the database"),
    "portal:open_data": Route(("GET",)),
    "portal:audit_heads": Route(("GET",), why="signed heads of the audit log: numbers and hashes, no entry's contents"),
    "portal:audit_heads_feed": Route(("GET",)),
    "portal:audit_public_key": Route(("GET",)),
    "portal:council_feed": Route(("GET",)),
    "portal:publications_feed": Route(("GET",)),
    "portal:publication_file": Route(("GET",), why="published files; normally served by portal.middleware"),
    "portal:plan_download": Route(("GET",)),
    "portal:register_download": Route(("GET",)),
    "portal:dataset_download": Route(("GET",)),
    "portal:subscribe": Route(("GET", "POST")),
    "portal:subscribe_sent": Route(("GET",)),
    "portal:confirm_subscription": Route(("GET", "POST"), why="the signed token in the emailed link is the authority"),
    "portal:unsubscribe": Route(("GET", "POST"), why="the signed token is the authority; RFC 8058 one-click POST"),
    "accounts:sign_in": Route(("GET", "POST")),
    "accounts:sign_out": Route(("POST",), why="ends whatever session there is; POST only so a link cannot"),
    "meetings:public_agendas": Route(("GET",)),
    "meetings:public_agenda": Route(("GET",), why="published agendas only; any other meeting is a 404"),
    "meetings:agenda_pack": Route(("GET",), why="published agenda packs only"),
    "meetings:supplement_pack": Route(("GET",), why="published supplementary agendas only"),
    "governance:decision_record": Route(("GET",), why="published decision records only; any other is a 404"),
    "portal:council_progress": Route(("GET",), why="published commitments and published figures only"),
    "portal:council_metric": Route(("GET",), why="published figures only"),
    "portal:metric_csv": Route(("GET",), why="published figures only"),
    "portal:progress_commitments_csv": Route(("GET",), why="published commitments and published figures only"),
}

# Any signed-in person, council or department.
SIGNED_IN = {
    "accounts:account": Route(("GET",)),
    "accounts:home_for_user": Route(("GET",), why="sends each person to their own start page"),
    "accounts:second_factor": Route(("GET", "POST"), why="the code after the password, for the person signing in"),
    "accounts:two_factor_set_up": Route(("GET", "POST"), why="their own authenticator"),
    "accounts:recovery_codes": Route(("GET",), why="their own codes, shown once from their own session"),
    "accounts:two_factor_turn_off": Route(("GET", "POST"), why="their own authenticator, with their password"),
    "accounts:sign_out_everywhere": Route(("POST",), why="ends their own sessions and tokens"),
    "accounts:revoke_token": Route(("POST",), why="their own tokens only: another's is 404 (accounts.access)"),
    "worklist:waiting": Route(("GET",), why="the person's own work, at their own council only"),
}

# People who work for the council that owns the object, holding the permission named.
COUNCIL = {
    "meetings:meeting_list": Route(("GET",), "plans.view_council_work", "the signed-in person's own council"),
    "meetings:schedule_meeting": Route(("GET", "POST"), "meetings.manage_meetings", "for their own council"),
    "meetings:write_paper": Route(("GET", "POST"), "meetings.manage_meetings", "for their own council"),
    "meetings:paper_detail": Route(("GET",), "plans.view_council_work"),
    "meetings:edit_paper": Route(("GET", "POST"), "meetings.manage_meetings", "papers of their own council"),
    "meetings:meeting_detail": Route(("GET",), "plans.view_council_work"),
    "meetings:add_item": Route(("GET", "POST"), "meetings.manage_meetings"),
    "meetings:remove_item": Route(("POST",), "meetings.manage_meetings"),
    "meetings:publish_agenda": Route(("GET", "POST"), "meetings.manage_meetings"),
    "meetings:publish_supplement": Route(("GET", "POST"), "meetings.manage_meetings"),
    "meetings:record_past_agenda": Route(("GET", "POST"), "meetings.manage_meetings"),
    "meetings:preview_pack": Route(("GET",), "plans.view_council_work", "prints the pack; stores nothing"),
    "meetings:preview_supplement": Route(
        ("GET",), "plans.view_council_work", "prints the supplement being prepared; stores nothing"
    ),
    "submissions:council_dashboard": Route(("GET",), "plans.view_council_work", "the signed-in person's own council"),
    "plans:start_draft": Route(("POST",), "plans.edit_draft", "starts the signed-in person's own council's draft"),
    "submissions:draft_detail": Route(("GET",), "plans.view_council_work"),
    "plans:draft_edit": Route(("GET", "POST"), "plans.edit_draft"),
    "plans:freeze": Route(("POST",), "plans.freeze_draft"),
    "plans:version_detail": Route(("GET",), "plans.view_council_work"),
    "plans:spend_evidence": Route(("GET", "POST"), "plans.edit_draft"),
    "plans:spend_upload": Route(("GET", "POST"), "plans.edit_draft"),
    "plans:spend_types": Route(("GET", "POST"), "plans.edit_draft"),
    "plans:compare_versions": Route(("GET",), "plans.view_council_work"),
    "plans:import_docx": Route(("GET", "POST"), "plans.edit_draft"),
    "plans:import_preview": Route(("GET", "POST"), "plans.edit_draft"),
    "plans:add_barrier": Route(("GET", "POST"), "plans.edit_draft"),
    "plans:remove_barrier": Route(("POST",), "plans.edit_draft"),
    "plans:add_commitment": Route(("GET", "POST"), "plans.edit_draft"),
    "plans:remove_commitment": Route(("POST",), "plans.edit_draft"),
    "plans:draft_pdf": Route(("GET",), "plans.view_council_work"),
    "plans:render_pdf": Route(("POST",), "plans.view_council_work", "makes a PDF of the text; changes no record"),
    "plans:render_progress": Route(("GET",), "plans.view_council_work"),
    "submissions:draft_checks": Route(("GET",), "plans.view_council_work"),
    "plans:version_pdf": Route(("GET",), "plans.view_council_work"),
    "governance:record_decision": Route(("GET", "POST"), "governance.record_decision"),
    "governance:council_reports": Route(("GET",), "plans.view_council_work", "the signed-in person's own council"),
    "governance:settings": Route(("GET", "POST"), "governance.configure_checklist", "for their own council"),
    "governance:create_report": Route(("POST",), "governance.write_report"),
    "governance:report_detail": Route(("GET",), "plans.view_council_work"),
    "governance:report_read": Route(("GET",), "plans.view_council_work"),
    "governance:report_pdf": Route(("GET",), "plans.view_council_work", "prints the report; stores nothing"),
    "governance:report_edit": Route(("GET", "POST"), "governance.write_report"),
    "governance:scrutiny_comment": Route(("GET", "POST"), "governance.configure_checklist"),
    "governance:sign_line": Route(
        ("GET", "POST"), "plans.view_council_work", "only the person named on the line; anyone else at the council 403"
    ),
    "governance:name_person": Route(("GET", "POST"), "governance.configure_checklist"),
    "governance:record_consultee": Route(("GET", "POST"), "governance.configure_checklist"),
    "governance:decision_detail": Route(("GET",), "plans.view_council_work"),
    "governance:publish_decision_record": Route(("POST",), "governance.record_decision"),
    "governance:record_call_in": Route(("GET", "POST"), "governance.record_decision"),
    "governance:resolve_call_in": Route(("GET", "POST"), "governance.record_decision"),
    "submissions:amend_under_delegation": Route(
        ("GET", "POST"), "governance.amend_under_delegation", "only the officer the delegation names"
    ),
    "submissions:submit": Route(("GET", "POST"), "submissions.submit_return"),
    "submissions:publish": Route(("GET", "POST"), "submissions.publish_plan"),
    "submissions:receipt": Route(("GET",), "plans.view_council_work", "department staff may read receipts too"),
    "submissions:request_extension": Route(
        ("GET", "POST"), "submissions.submit_return", "the signed-in person's own council"
    ),
    "monitoring:council_home": Route(
        ("GET",), "plans.view_council_work", "the signed-in person's own council; department staff are sent on"
    ),
    "monitoring:load_figures": Route(
        ("GET", "POST"), "monitoring.manage_figures", "their own council's figures; department analysts load any"
    ),
    "monitoring:import_detail": Route(("GET",), "plans.view_council_work", "department staff read every load"),
    "monitoring:approvals": Route(("GET", "POST"), "monitoring.approve_figures", "for their own council"),
    "monitoring:write_commentary": Route(("GET", "POST"), "monitoring.manage_figures"),
    "monitoring:settings": Route(("GET", "POST"), "monitoring.approve_figures", "for their own council"),
    "monitoring:track_commitment": Route(("GET", "POST"), "monitoring.manage_figures"),
    "monitoring:tracked_detail": Route(("GET",), "plans.view_council_work", "department staff read every one"),
    "monitoring:stop_tracking": Route(("POST",), "monitoring.manage_figures"),
}

# Department staff only (submissions.read_returns).
DEPARTMENT = {
    "submissions:department_home": Route(("GET",)),
    "submissions:department_register": Route(("GET",)),
    "submissions:department_submission": Route(("GET",)),
    "submissions:late_and_missing": Route(("GET",)),
    "submissions:chase": Route(("POST",), "submissions.manage_returns", "analysts and administrators, not the panel"),
    "submissions:grant_extension": Route(
        ("GET", "POST"), "submissions.manage_returns", "analysts and administrators, not the panel"
    ),
    "submissions:refuse_extension": Route(
        ("POST",), "submissions.manage_returns", "analysts and administrators, not the panel"
    ),
    "analysis:document_list": Route(("GET",)),
    "analysis:document_detail": Route(("GET",)),
    "analysis:document_kind": Route(("POST",), "analysis.review_tags", "analysts and administrators; the panel 403"),
    "analysis:import_document": Route(("GET", "POST"), "analysis.import_documents", "analysts and administrators"),
    "analysis:import_confirm": Route(("POST",), "analysis.import_documents", "analysts and administrators"),
    "analysis:run_list": Route(("GET",)),
    "analysis:start_run": Route(("POST",), "analysis.run_analysis", "analysts and administrators"),
    "analysis:run_detail": Route(("GET",)),
    "analysis:explorer": Route(("GET",)),
    "analysis:explorer_barriers": Route(("GET",)),
    "analysis:explorer_themes": Route(("GET",)),
    "analysis:explorer_figures": Route(("GET",)),
    "analysis:explorer_passages": Route(("GET",)),
    "analysis:explorer_search": Route(("GET",)),
    "analysis:panel_summary": Route(("GET",)),
    "analysis:panel_summary_pdf": Route(("GET",)),
    "analysis:panel_summary_csv": Route(("GET",)),
    "analysis:panel_summary_prepare": Route(("POST",), why="queues the summary's PDF to be printed; no record"),
    "analysis:review_passage": Route(("GET",), why="every department person reads a passage's tags"),
    "analysis:review_themes": Route(("POST",), "analysis.review_tags", "analysts and administrators; the panel 403"),
    "analysis:review_barriers": Route(("POST",), "analysis.review_tags", "analysts and administrators; the panel 403"),
    "analysis:review_figure": Route(("POST",), "analysis.review_tags", "analysts and administrators; the panel 403"),
    "analysis:add_figure": Route(("POST",), "analysis.review_tags", "analysts and administrators; the panel 403"),
    "monitoring:department_home": Route(("GET",)),
    "monitoring:department_commitments": Route(("GET",)),
    "monitoring:department_metric": Route(("GET",)),
    "monitoring:department_export": Route(("GET",), why="every export starts with the note on responsible use"),
}

ACCESS_LISTS = {"PUBLIC": PUBLIC, "SIGNED_IN": SIGNED_IN, "COUNCIL": COUNCIL, "DEPARTMENT": DEPARTMENT}
ALL_ROUTES = {name: route for routes in ACCESS_LISTS.values() for name, route in routes.items()}

OBJECT_ID_PARAMETERS = {
    "draft_id",
    "version_id",
    "submission_id",
    "barrier_id",
    "commitment_id",
    "meeting_id",
    "item_id",
    "paper_id",
    "report_id",
    "decision_id",
    "delegation_id",
    "import_id",
    "tracked_id",
    "value_id",
}


@dataclass(frozen=True)
class FoundRoute:
    name: str | None
    path: str
    parameters: tuple[str, ...]


def walk_routes(patterns=None, prefix="", namespaces=()) -> list[FoundRoute]:
    """Every URL pattern under the root URLconf, with its namespaced name and its parameters."""
    found = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(entry.pattern)
        if route.startswith(SKIPPED_PREFIXES):
            continue
        if isinstance(entry, URLResolver):
            inner = namespaces + ((entry.namespace,) if entry.namespace else ())
            found += walk_routes(entry.url_patterns, route, inner)
        elif isinstance(entry, URLPattern):
            name = ":".join(namespaces + (entry.name,)) if entry.name else None
            parameters = tuple(entry.pattern.converters) or tuple(entry.pattern.regex.groupindex)
            found.append(FoundRoute(name=name, path=route, parameters=parameters))
    return found


ROUTES_BY_NAME = {route.name: route for route in walk_routes() if route.name}


def url_for(name: str, values: dict) -> str:
    """Reverse a route, filling each parameter from `values` (parameter name -> value)."""
    parameters = ROUTES_BY_NAME[name].parameters
    unknown = [p for p in parameters if p not in values]
    assert not unknown, f"{name} takes {unknown}; teach the route tests what to put there"
    return reverse(name, kwargs={p: values[p] for p in parameters})


def dorset_meeting(plan):
    """A past Dorset cabinet meeting whose agenda (one item) is published, made once per walked plan
    (before anything is measured: see `_meeting_of_the_walked_plan`)."""
    if not hasattr(plan, "meeting"):
        import datetime

        from django.utils import timezone

        from councils.models import Membership
        from meetings import services

        clerk = Membership.objects.filter(council=plan.council, role="democratic_services").first().user
        committee = services.create_committee(council=plan.council, name="Cabinet", kind="cabinet", actor=clerk)
        meeting = services.schedule_meeting(
            committee=committee,
            date=timezone.localdate() - datetime.timedelta(days=30),
            starts_at=datetime.time(18, 30),
            venue="Council Chamber",
            actor=clerk,
        )
        paper = services.write_paper(
            council=plan.council,
            title="Quarter 1 finance report",
            report_of="the Chief Executive",
            author_names="A. Officer",
            summary="Summary.",
            recommendation="To note.",
            body="## Background\n\nText.",
            cleared_by="the Monitoring Officer",
            cleared_on=meeting.date,
            actor=clerk,
        )
        item = services.add_agenda_item(meeting=meeting, paper=paper, actor=clerk)
        meeting = services.publish_agenda(
            meeting=meeting, actor=clerk, published_on=meeting.date - datetime.timedelta(days=8)
        )
        # A late paper on supplementary agenda 1, published two days before the meeting.
        late = services.write_paper(
            council=plan.council,
            title="Urgent contract award",
            report_of="the Chief Executive",
            author_names="A. Officer",
            summary="Summary.",
            recommendation="To agree.",
            body="## Background\n\nText.",
            cleared_by="the Monitoring Officer",
            cleared_on=meeting.date - datetime.timedelta(days=3),
            actor=clerk,
        )
        before = meeting.starts - datetime.timedelta(days=2)
        services.add_agenda_item(meeting=meeting, paper=late, actor=clerk, at=before)
        services.publish_supplement(meeting=meeting, actor=clerk, urgency_reason="The tender expires.", at=before)
        plan.meeting, plan.agenda_item = meeting, item
    return plan.meeting, plan.agenda_item


def dorset_governance(plan, monitoring_officer):
    """A decision report on the frozen version 4 (its legal line naming `monitoring_officer`), and the
    endorsement of version 3 with its record published and a delegation to the executive director."""
    if not hasattr(plan, "report"):
        from councils.models import Membership
        from councils.services import grant_council_role
        from governance.services import checklist, decisions, reports

        people = {m.role: m.user for m in Membership.objects.filter(council=plan.council).select_related("user")}
        author, clerk = people["plan_author"], people["democratic_services"]
        grant_council_role(user=author, council=plan.council, role="lead_member")
        report = reports.create_report(version=plan.frozen, actor=author)
        line = report.checklist_lines.get(key="legal")
        checklist.name_line_person(line=line, person=monitoring_officer, actor=clerk)
        decision = plan.endorsed.decisions.get()
        decisions.publish_decision_record(decision=decision, actor=clerk)
        delegation = decisions.record_delegation(
            decision=decision, officer=people["executive_director"], consult_with=author, actor=clerk
        )
        plan.report, plan.line, plan.decision, plan.delegation = report, line, decision, delegation
    return plan.report


@pytest.fixture(autouse=True)
def _meeting_of_the_walked_plan(request):
    """Tests that use the walked plan get its meeting (and its decision report, decision record and
    delegation) made up front, so they are not counted as a change."""
    if "walked_plan" in request.fixturenames:
        plan = request.getfixturevalue("walked_plan")
        dorset_meeting(plan)
        request.getfixturevalue("dorset_director")  # the officer the delegation names
        dorset_governance(plan, request.getfixturevalue("dorset_monitoring_officer"))


def dorset_corpus(plan):
    """Dorset's published version as a corpus document, analysed once (a one-document run), made through the
    analysis services once per walked plan (before anything is measured: see `_corpus_of_the_walked_plan`)."""
    if not hasattr(plan, "corpus_document"):
        from analysis import services
        from analysis.runs import services as runs

        document = services.add_service_version(version=plan.published)
        plan.corpus_document = document
        plan.analysis_run = runs.analyse_now(documents=[document], actor=None)
    return plan.corpus_document, plan.analysis_run


@pytest.fixture(autouse=True)
def _corpus_of_the_walked_plan(request):
    """Tests that use the walked plan get its corpus document and run made up front, so they are not a change."""
    if "walked_plan" in request.fixturenames:
        dorset_corpus(request.getfixturevalue("walked_plan"))
        dorset_extension_request(request.getfixturevalue("walked_plan"))


def dorset_monitoring(plan):
    """Dorset's walked plan's commitment followed with a metric, and a load of Dorset's figures, made through
    the monitoring services once per walked plan (before anything is measured: see `_monitoring_of_the_walked_plan`)."""
    if not hasattr(plan, "tracked"):
        from councils.models import Membership
        from monitoring import selectors
        from monitoring.services import define_metrics, import_metric_values
        from tests.integration.monitoring_setup import figures_csv, track_contacts_online

        define_metrics()
        author = Membership.objects.filter(council=plan.council, role="plan_author").first().user
        loaded = import_metric_values(
            data=figures_csv((plan.council.gss_code, "corporate-contacts-online", "2024-25", "54.5", "Note")),
            file_name="dorset.csv",
            actor=author,
            council=plan.council,
        )
        plan.tracked = track_contacts_online(plan.commitment, author)
        plan.value_import = loaded.value_import
        plan.value = selectors.published_values().get(council=plan.council)
    return plan.tracked


@pytest.fixture(autouse=True)
def _monitoring_of_the_walked_plan(request):
    """Tests that use the walked plan get its monitoring records made up front, so they are not a change."""
    if "walked_plan" in request.fixturenames:
        dorset_monitoring(request.getfixturevalue("walked_plan"))


def dorset_values(plan, index: int = 0) -> dict:
    """Real values for each route parameter, from Dorset's walked plan."""
    meeting, item = dorset_meeting(plan)
    document, run = dorset_corpus(plan)
    tracked = dorset_monitoring(plan)
    figure = document.figures.order_by("pk").first()
    return {
        "document_id": document.pk,
        "run_id": run.pk,
        "passage_id": figure.passage_id if figure else document.passages.order_by("position").first().pk,
        "figure_id": figure.pk if figure else 1,
        "meeting_id": meeting.pk,
        "item_id": item.pk,
        "paper_id": item.paper_id,
        "number": 1,
        "draft_id": plan.draft.pk,
        "version_id": plan.versions[index % len(plan.versions)].pk,
        "submission_id": plan.submissions[index % len(plan.submissions)].pk,
        "barrier_id": plan.barrier.pk,
        "commitment_id": plan.commitment.pk,
        "slug": plan.return_definition.slug,
        "code": plan.council.gss_code,
        "content_hash": plan.publication.content_hash,
        "filename": "plan.html",
        "fmt": "csv",
        "dataset": "commitments",
        "token": make_token(1, plan.council.gss_code),
        "report_id": plan.report.pk,
        "line_id": plan.line.pk,
        "decision_id": plan.decision.pk,
        "delegation_id": plan.delegation.pk,
        "request_id": dorset_extension_request(plan).pk,
        "import_id": plan.value_import.pk,
        "tracked_id": tracked.pk,
        "value_id": plan.value.pk,
        "metric": "corporate-contacts-online",
        "token_id": 1,
    }


def dorset_extension_request(plan):
    """A request for an extension from Dorset, made as a record (the walked plan has already submitted)."""
    from django.utils import timezone

    from submissions.models import ExtensionRequest

    if getattr(plan, "extension_request", None) is None:
        plan.extension_request = ExtensionRequest.objects.create(
            council=plan.council,
            return_definition=plan.return_definition,
            deadline=plan.return_definition.deadline + datetime.timedelta(days=14),
            reason="The cabinet meeting moved",
            requested_by=plan.draft.updated_by,
            requested_at=timezone.now(),
        )
    return plan.extension_request


def every_object_value(plan) -> dict[str, list[int]]:
    return {
        "draft_id": [plan.draft.pk],
        "version_id": [v.pk for v in plan.versions],
        "submission_id": [s.pk for s in plan.submissions],
        "barrier_id": [plan.barrier.pk],
        "commitment_id": [plan.commitment.pk],
        "meeting_id": [dorset_meeting(plan)[0].pk],
        "item_id": [dorset_meeting(plan)[1].pk],
        "paper_id": [dorset_meeting(plan)[1].paper_id],
        "report_id": [plan.report.pk],
        "decision_id": [plan.decision.pk],
        "delegation_id": [plan.delegation.pk],
        "import_id": [plan.value_import.pk],
        "tracked_id": [dorset_monitoring(plan).pk],
        "value_id": [plan.value.pk],
    }


def post_data(name: str, plan) -> dict:
    """A POST that would succeed for someone allowed to make it, so a leak would show as a change."""
    if name == "plans:draft_edit":
        return {
            "revision": plan.draft.revision,
            **{f"theme_{n}": "Overwritten from another council." for n in range(1, 5)},
        }
    if name == "meetings:edit_paper":
        from tests.integration.test_meetings_rules import paper_form

        return paper_form(title="Rewritten by another council")
    if name == "governance:record_decision":
        from django.utils import timezone

        today = timezone.localdate()
        return {
            "outcome": "approved",
            "decision_maker": "Another council's cabinet",
            "decided_on-day": today.day,
            "decided_on-month": today.month,
            "decided_on-year": today.year,
        }
    return {}


def request(client, method: str, url: str, data=None):
    return client.get(url) if method == "GET" else client.post(url, data or {})


# --- The lists themselves -------------------------------------------------------------------


def test_every_named_route_is_in_exactly_one_access_list():
    """Walk the URLconf (namespaces included, admin and API left out): every route must be named and
    must appear in exactly one of PUBLIC, SIGNED_IN, COUNCIL, DEPARTMENT."""
    found = walk_routes()
    assert len(found) > 20, "the URL walk found almost nothing; is it still reading the root URLconf?"
    unnamed = [r.path for r in found if r.name is None]
    assert not unnamed, f"Name these routes so they can be classified: {unnamed}"
    problems = []
    for route in found:
        lists = [list_name for list_name, routes in ACCESS_LISTS.items() if route.name in routes]
        if not lists:
            problems.append(
                f"{route.name} (/{route.path}) is not classified: add it to one of PUBLIC, SIGNED_IN, COUNCIL "
                f"or DEPARTMENT in {__name__.rsplit('.', 1)[-1]}.py, and make sure the view enforces that"
            )
        elif len(lists) > 1:
            problems.append(f"{route.name} is in more than one access list: {lists}")
    assert not problems, "\n".join(problems)


def test_the_access_lists_name_no_route_that_no_longer_exists():
    """A list entry for a route that was removed or renamed must be removed too."""
    stale = sorted(set(ALL_ROUTES) - set(ROUTES_BY_NAME))
    assert not stale, f"These classified routes are not in the URLconf any more: {stale}"


def test_every_council_route_names_a_permission_that_exists(dorset, make_person):
    """A COUNCIL route is classified with a real rules permission (has_perm on an unknown name is just False)."""
    import rules

    for name, route in COUNCIL.items():
        assert route.permission and rules.perm_exists(route.permission), (
            f"{name}: unknown permission {route.permission!r}"
        )


# --- Each class is enforced ---------------------------------------------------------------


def test_public_routes_answer_people_who_are_not_signed_in(client, walked_plan):
    """Every PUBLIC route answers an anonymous GET (200), except sign-out, which is POST only."""
    values = dorset_values(walked_plan)
    for name, route in PUBLIC.items():
        url = url_for(name, values)
        method = "GET" if "GET" in route.methods else "POST"
        response = request(client, method, url)
        expected = 200 if method == "GET" else "redirect"
        assert outcome(response) == expected, f"anonymous {method} {url} ({name}) gave {outcome(response)}"


def test_protected_routes_send_people_who_are_not_signed_in_to_sign_in(client, walked_plan):
    """Anonymous requests, by every method, to every SIGNED_IN, COUNCIL and DEPARTMENT route are
    redirected to sign-in (with ?next= back to the page), and change nothing."""
    before = snapshot()
    failures = []
    for name in sorted(set(SIGNED_IN) | set(COUNCIL) | set(DEPARTMENT)):
        url = url_for(name, dorset_values(walked_plan))
        for method in ALL_ROUTES[name].methods:
            response = request(client, method, url, post_data(name, walked_plan))
            if not is_sign_in_redirect(response):
                failures.append(f"anonymous {method} {url} ({name}) gave {outcome(response)}")
            elif not unquote(response["Location"]).endswith("?next=" + url):
                failures.append(f"anonymous {method} {url}: sign-in does not bring them back ({response['Location']})")
    assert not failures, "\n".join(failures)
    after = snapshot()
    assert before == after, describe_change(before, after)


def test_signed_in_routes_answer_council_and_department_people(client, walked_plan, dorset_author, analyst):
    """SIGNED_IN routes work for anyone signed in, whichever side they work on."""
    values = dorset_values(walked_plan)
    for user in (dorset_author, analyst):
        client.force_login(user)
        for name in (name for name, route in SIGNED_IN.items() if "GET" in route.methods):
            response = client.get(url_for(name, values))
            assert outcome(response) in (200, "redirect"), f"{user.username} GET {name}: {outcome(response)}"


COUNCIL_ROUTES_WITH_OBJECT_IDS = sorted(n for n in COUNCIL if set(ROUTES_BY_NAME[n].parameters) & OBJECT_ID_PARAMETERS)


def test_council_routes_are_404_for_every_role_at_another_council(client, walked_plan, somerset, make_person):
    """Somerset people of every role ask, on every COUNCIL route that takes an object id and by every
    method the route answers, for each of Dorset's drafts, versions (published, submitted, endorsed,
    frozen) and receipts: each answer is the 404 page (never 403, which would confirm the object
    exists), and nothing of Dorset's is changed."""
    assert len(COUNCIL_ROUTES_WITH_OBJECT_IDS) >= 8
    somerset_people = [
        make_person(f"somerset-{role.replace('_', '-')}", council=somerset, roles=[role]) for role in CouncilRole.values
    ]
    before = snapshot()
    failures = []
    for person in somerset_people:
        client.force_login(person)
        for name in COUNCIL_ROUTES_WITH_OBJECT_IDS:
            parameter = next(p for p in ROUTES_BY_NAME[name].parameters if p in OBJECT_ID_PARAMETERS)
            for object_id in every_object_value(walked_plan)[parameter]:
                url = url_for(name, {**dorset_values(walked_plan), parameter: object_id})
                for method in COUNCIL[name].methods:
                    response = request(client, method, url, post_data(name, walked_plan))
                    if response.status_code != 404:
                        failures.append(f"{person.username} {method} {url} ({name}): {outcome(response)}")
                    elif b"<title>Page not found" not in response.content:  # cheaper than parsing 240 pages
                        failures.append(f"{person.username} {method} {url}: 404 without the 'Page not found' page")
    assert not failures, "\n".join(failures)
    after = snapshot()
    assert before == after, describe_change(before, after)


def test_department_routes_are_404_for_council_people_and_send_anonymous_people_to_sign_in(
    client, walked_plan, make_person, dorset, somerset, analyst, panel_member
):
    """On every DEPARTMENT route, council people of every role, at Dorset (whose submission it is)
    and at Somerset, get 404; anonymous people are sent to sign in; department analysts and panel
    members get the page."""
    get_routes = sorted(name for name, route in DEPARTMENT.items() if "GET" in route.methods)
    urls = [url_for(name, dorset_values(walked_plan)) for name in get_routes]
    failures = []
    for council in (dorset, somerset):
        for role in CouncilRole.values:
            client.force_login(make_person(f"{council.gss_code}-{role}", council=council, roles=[role]))
            for url in urls:
                response = client.get(url)
                if response.status_code != 404:
                    failures.append(f"{role} at {council.name}: GET {url} gave {outcome(response)}")
    assert not failures, "\n".join(failures)
    client.logout()
    for url in urls:
        assert is_sign_in_redirect(client.get(url)), url
    for staff in (analyst, panel_member):
        client.force_login(staff)
        for name, url in zip(get_routes, urls, strict=True):
            permission = DEPARTMENT[name].permission
            expected = 200 if not permission or staff.has_perm(permission) else 404
            assert client.get(url).status_code == expected, f"{staff.username} GET {url}: expected {expected}"
