"""Every branch of every access.py, through the pages and the API, for the people each must let in and keep out.

Each app's `access.py` is where tenancy is decided for the pages and the API alike (decisions 0004 and
0021). Each row below is one person asking for one thing through a URL that reaches it by one access
function: the person it is for, a colleague at the same council without the permission, another
council's people, department staff, and an object that is missing or not yet published.
`scripts/check_access_coverage.py` fails the run when any access.py is less than fully covered,
branches included, so a new branch needs its row here.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from accounts.services import issue_api_token

# The autouse fixtures make the walked plan's meeting, report, decision record, delegation, corpus and
# monitoring (a load of figures and a followed commitment).
from tests.integration.test_all_routes_are_classified import (  # noqa: F401
    _corpus_of_the_walked_plan,
    _meeting_of_the_walked_plan,
    _monitoring_of_the_walked_plan,
    dorset_meeting,
    dorset_values,
    url_for,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

MISSING = 2_000_000_000  # an id no test makes
OK = "ok"  # the page or answer is served (200), or the form or step is taken (302) or shown with errors (400)


@pytest.fixture
def people(
    dorset_author,
    dorset_clerk,
    dorset_chief_executive,
    dorset_director,
    dorset_monitoring_officer,
    somerset_author,
    analyst,
    panel_member,
):
    return SimpleNamespace(
        author=dorset_author,
        clerk=dorset_clerk,
        chief_executive=dorset_chief_executive,
        director=dorset_director,
        monitoring_officer=dorset_monitoring_officer,
        somerset=somerset_author,
        analyst=analyst,
        panel=panel_member,
    )


def outcome(response) -> str | int:
    return OK if response.status_code in (200, 302, 400) else response.status_code


def check(client, people, values: dict, rows) -> None:
    """Rows of (who asks, method, route, what to put in the route, the answer they must get). A route is a
    named page, or an API path (`/api/...`) called with the person's bearer token."""
    tokens: dict[str, str] = {}
    wrong = []
    for who, method, route, given, expected in rows:
        person = getattr(people, who)
        filled = {**values, **given}
        if route.startswith("/api/"):
            token = tokens.setdefault(who, issue_api_token(user=person))
            url = route.format(**filled)
            response = getattr(client, method.lower())(url, HTTP_AUTHORIZATION=f"Bearer {token}")
        else:
            client.force_login(person)
            url = url_for(route, filled) + given.get("query", "")
            response = client.get(url) if method == "GET" else client.post(url, {})
        if outcome(response) != expected:
            wrong.append(f"{who} {method} {url}: {outcome(response)}, not {expected}")
    assert not wrong, "\n".join(wrong)


def test_plans_access(client, walked_plan, people):
    plan = walked_plan
    check(
        client,
        people,
        dorset_values(plan, index=3),  # the frozen version, the last made
        [
            ("analyst", "GET", "submissions:department_register", {}, OK),
            ("analyst", "GET", "submissions:department_register", {"slug": "no-such-return"}, 404),
            ("author", "POST", "plans:start_draft", {}, OK),
            ("clerk", "POST", "plans:start_draft", {}, 404),
            ("analyst", "POST", "plans:start_draft", {}, 404),
            ("clerk", "GET", "/api/v1/plans", {}, OK),
            ("analyst", "GET", "/api/v1/plans", {}, OK),
            ("clerk", "GET", "submissions:draft_detail", {}, OK),
            ("somerset", "GET", "submissions:draft_detail", {}, 404),
            ("analyst", "GET", "submissions:draft_detail", {}, 404),
            ("author", "GET", "submissions:draft_detail", {"draft_id": MISSING}, 404),
            ("author", "GET", "plans:draft_edit", {}, OK),
            ("clerk", "GET", "plans:draft_edit", {}, 404),
            ("author", "POST", "plans:freeze", {}, OK),
            ("chief_executive", "POST", "plans:freeze", {}, 404),
            ("clerk", "GET", "plans:version_detail", {}, OK),
            ("somerset", "GET", "plans:version_detail", {}, 404),
            ("clerk", "GET", "/api/v1/plans/{draft_id}/versions/{number}/pdf", {"number": 99}, 404),
            ("clerk", "GET", "/api/v1/plans/{draft_id}/versions/{number}/pdf", {"number": 1}, OK),
            ("author", "POST", "plans:remove_barrier", {"barrier_id": MISSING}, 404),
            ("author", "POST", "plans:remove_barrier", {}, OK),
            ("author", "POST", "plans:remove_commitment", {"commitment_id": MISSING}, 404),
            ("author", "POST", "plans:remove_commitment", {}, OK),
        ],
    )


def test_governance_access(client, walked_plan, people):
    plan = walked_plan
    check(
        client,
        people,
        dorset_values(plan, index=3),  # the frozen version: the one with the decision report
        [
            ("clerk", "GET", "governance:record_decision", {}, OK),
            ("author", "GET", "governance:record_decision", {}, 404),
            ("author", "POST", "governance:create_report", {}, OK),
            ("chief_executive", "POST", "governance:create_report", {}, 404),
            ("clerk", "GET", "/api/v1/governance/reports", {}, OK),
            ("analyst", "GET", "/api/v1/governance/reports", {}, OK),
            ("chief_executive", "GET", "governance:report_detail", {}, OK),
            ("somerset", "GET", "governance:report_detail", {}, 404),
            ("author", "GET", "governance:report_detail", {"report_id": MISSING}, 404),
            ("author", "GET", "governance:report_edit", {}, OK),
            ("monitoring_officer", "GET", "governance:report_edit", {}, 404),
            ("clerk", "GET", "governance:scrutiny_comment", {}, OK),
            ("author", "GET", "governance:scrutiny_comment", {}, 404),
            ("monitoring_officer", "GET", "governance:sign_line", {}, OK),
            ("author", "GET", "governance:sign_line", {}, 403),
            ("somerset", "GET", "governance:sign_line", {}, 404),
            ("monitoring_officer", "GET", "governance:sign_line", {"line_id": MISSING}, 404),
            ("clerk", "GET", "governance:name_person", {}, OK),
            ("author", "GET", "governance:name_person", {}, 404),
            ("clerk", "GET", "governance:record_call_in", {}, OK),
            ("author", "GET", "governance:record_call_in", {}, 404),
            ("author", "GET", "governance:decision_detail", {}, OK),
            ("somerset", "GET", "governance:decision_detail", {}, 404),
            ("somerset", "GET", "governance:decision_record", {}, OK),
            ("somerset", "GET", "governance:decision_record", {"decision_id": plan.published.decisions.get().pk}, 404),
            ("director", "GET", "submissions:amend_under_delegation", {}, OK),
            ("author", "GET", "submissions:amend_under_delegation", {}, 403),
            ("somerset", "GET", "submissions:amend_under_delegation", {}, 404),
            ("clerk", "GET", "governance:settings", {}, OK),
            ("author", "GET", "governance:settings", {}, 404),
            ("analyst", "GET", "governance:settings", {}, 404),
        ],
    )


@pytest.fixture
def preparing(walked_plan, people):
    """A Dorset meeting whose agenda is still being prepared, with one item on it."""
    from meetings import services

    published, item = dorset_meeting(walked_plan)
    meeting = services.schedule_meeting(
        committee=published.committee,
        date=timezone.localdate() + datetime.timedelta(days=40),
        starts_at=datetime.time(10),
        venue="Committee Room 1",
        actor=people.clerk,
    )
    return services.add_agenda_item(meeting=meeting, paper=item.paper, actor=people.clerk)


def test_meetings_access(client, walked_plan, people, preparing):
    check(
        client,
        people,
        dorset_values(walked_plan),
        [
            ("author", "GET", "meetings:meeting_list", {}, OK),
            ("analyst", "GET", "meetings:meeting_list", {}, 404),
            ("clerk", "GET", "meetings:schedule_meeting", {}, OK),
            ("author", "GET", "meetings:schedule_meeting", {}, 404),
            ("author", "GET", "meetings:meeting_detail", {}, OK),
            ("somerset", "GET", "meetings:meeting_detail", {}, 404),
            ("author", "GET", "meetings:meeting_detail", {"meeting_id": MISSING}, 404),
            ("clerk", "GET", "meetings:add_item", {}, OK),
            ("author", "GET", "meetings:add_item", {}, 404),
            ("author", "GET", "meetings:paper_detail", {}, OK),
            ("somerset", "GET", "meetings:paper_detail", {}, 404),
            ("clerk", "GET", "meetings:edit_paper", {}, OK),
            ("author", "GET", "meetings:edit_paper", {}, 404),
            ("somerset", "GET", "meetings:public_agenda", {}, OK),
            ("somerset", "GET", "meetings:public_agenda", {"meeting_id": preparing.meeting_id}, 404),
            ("author", "POST", "meetings:remove_item", {"item_id": preparing.pk}, 404),
            ("clerk", "POST", "meetings:remove_item", {"item_id": preparing.pk}, OK),
        ],
    )


def test_the_meetings_api_shows_a_meeting_being_prepared_only_to_its_councils_people(
    client, walked_plan, people, preparing
):
    published, _ = dorset_meeting(walked_plan)
    tokens = {who: issue_api_token(user=getattr(people, who)) for who in ("author", "somerset", "analyst")}

    def listed(who=None):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {tokens[who]}"} if who else {}
        return {m["id"]: [i["title"] for i in m["items"]] for m in client.get("/api/v1/meetings", **headers).json()}

    assert listed("author") == {**listed(), preparing.meeting_id: [preparing.title]}
    assert listed("somerset") == listed("analyst") == listed() and published.pk in listed()


def test_submissions_access(client, walked_plan, people):
    check(
        client,
        people,
        dorset_values(walked_plan, index=2),  # the endorsed version, ready to submit and publish
        [
            ("chief_executive", "GET", "submissions:submit", {}, OK),
            ("author", "GET", "submissions:submit", {}, 404),
            ("clerk", "GET", "submissions:publish", {}, OK),
            ("chief_executive", "GET", "submissions:publish", {}, 404),
            ("analyst", "GET", "submissions:receipt", {}, OK),
            ("author", "GET", "submissions:receipt", {}, OK),
            ("somerset", "GET", "submissions:receipt", {}, 404),
            ("panel", "GET", "submissions:department_home", {}, OK),
            ("author", "GET", "submissions:department_home", {}, 404),
            ("analyst", "GET", "submissions:grant_extension", {}, OK),
            ("analyst", "GET", "submissions:grant_extension", {"code": "E99999999"}, 404),
            ("panel", "GET", "submissions:grant_extension", {}, 404),
            ("chief_executive", "GET", "submissions:request_extension", {}, OK),
            ("author", "GET", "submissions:request_extension", {}, 404),
            ("analyst", "GET", "submissions:request_extension", {}, 404),
            ("analyst", "POST", "submissions:refuse_extension", {}, OK),
            ("panel", "POST", "submissions:refuse_extension", {}, 404),
        ],
    )


def test_analysis_and_audit_log_access(client, walked_plan, people):
    from analysis.services import stage_upload

    staged = stage_upload(
        council=walked_plan.council,
        return_definition=walked_plan.return_definition,
        filename="dorset-plan.txt",
        data=b"Dorset productivity plan\n\nWe merged two contact centres.\n",
        actor=people.analyst,
    )
    check(
        client,
        people,
        dorset_values(walked_plan),
        [
            ("panel", "GET", "analysis:document_list", {}, OK),
            ("author", "GET", "analysis:document_list", {}, 404),
            ("analyst", "GET", "analysis:import_document", {}, OK),
            ("panel", "GET", "analysis:import_document", {}, 404),
            ("analyst", "GET", "analysis:import_document", {"query": f"?upload={staged.token}"}, OK),
            ("analyst", "GET", "analysis:import_document", {"query": "?upload=not-a-staged-upload"}, 404),
            ("panel", "GET", "analysis:document_detail", {}, OK),
            ("analyst", "GET", "analysis:document_detail", {"document_id": MISSING}, 404),
            ("analyst", "POST", "analysis:document_kind", {}, OK),
            ("panel", "POST", "analysis:document_kind", {}, 403),
            ("panel", "GET", "analysis:run_detail", {}, OK),
            ("panel", "GET", "analysis:run_detail", {"run_id": MISSING}, 404),
            ("panel", "POST", "analysis:start_run", {}, 404),
            ("analyst", "POST", "analysis:start_run", {}, OK),
            # The log's check is the department's; its entries are read by tenancy (api/audit.py).
            ("panel", "GET", "/api/v1/audit-events/verification", {}, OK),
            ("author", "GET", "/api/v1/audit-events/verification", {}, 404),
            ("author", "GET", "/api/v1/audit-events", {}, OK),
        ],
    )


def test_monitoring_access(client, walked_plan, people):
    check(
        client,
        people,
        dorset_values(walked_plan),
        [
            ("analyst", "GET", "monitoring:import_detail", {}, OK),
            ("clerk", "GET", "monitoring:import_detail", {}, OK),
            ("somerset", "GET", "monitoring:import_detail", {}, 404),
            ("analyst", "GET", "monitoring:import_detail", {"import_id": MISSING}, 404),
            ("analyst", "GET", "monitoring:tracked_detail", {}, OK),
            ("clerk", "GET", "monitoring:tracked_detail", {}, OK),
            ("somerset", "GET", "monitoring:tracked_detail", {}, 404),
            ("analyst", "GET", "monitoring:tracked_detail", {"tracked_id": MISSING}, 404),
        ],
    )
