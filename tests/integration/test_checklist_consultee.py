"""Consultee lines of the assurance checklist: only a line that records someone being informed asks for
the date they were informed; a line marked not applicable asks for a reason and no date."""

import datetime

import pytest
from django.utils import timezone

from core.models import AuditEvent
from governance import selectors
from governance.exceptions import GovernanceRefusal
from governance.models import ChecklistEntry
from governance.services import checklist, reports
from tests.integration.pages import error_summary_links, error_summary_text, h1
from tests.integration.state import snapshot

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def dated(name, day):
    return {f"{name}-day": str(day.day), f"{name}-month": str(day.month), f"{name}-year": str(day.year)}


@pytest.fixture
def report(frozen_version, dorset_author):
    return reports.create_report(version=frozen_version, actor=dorset_author)


def consultee_url(report, key):
    line = report.checklist_lines.get(key=key)
    return line, f"/governance/reports/{report.pk}/lines/{line.pk}/consultee/"


def test_a_line_marked_not_applicable_is_recorded_with_a_reason_and_no_date(client, report, dorset_clerk):
    """The local members line does not apply to a plan for the whole council area: the clerk gives the reason,
    types no date, and the line is recorded as not applicable on the day it was marked."""
    line, url = consultee_url(report, "local_members")
    client.force_login(dorset_clerk)
    response = client.post(url, {"answer": "not_applicable", "reason": "The plan covers the whole council area"})
    assert response.status_code == 302, error_summary_text(response)
    entry = ChecklistEntry.objects.get(line=line)
    assert entry.status == "not_applicable" and entry.reason == "The plan covers the whole council area"
    assert entry.on_date == timezone.localdate()
    (item,) = [i for i in selectors.checklist_of(report) if i.line.pk == line.pk]
    assert item.state == "not_applicable"
    event = AuditEvent.objects.filter(action="ConsulteeNotApplicable").get()
    assert event.data["line"] == "local_members"


def test_a_date_typed_badly_beside_not_applicable_is_not_read(client, report, dorset_clerk):
    """Whatever is left in the date fields of a line that does not apply is neither checked nor stored."""
    line, url = consultee_url(report, "local_members")
    client.force_login(dorset_clerk)
    typed = {"informed_on-day": "31", "informed_on-month": "2", "informed_on-year": "24"}
    response = client.post(url, {"answer": "not_applicable", "reason": "Whole council area", **typed})
    assert response.status_code == 302, error_summary_text(response)
    assert ChecklistEntry.objects.get(line=line).on_date == timezone.localdate()


def test_not_applicable_without_a_reason_asks_for_the_reason_only_and_records_nothing(client, report, dorset_clerk):
    _, url = consultee_url(report, "local_members")
    client.force_login(dorset_clerk)
    before = snapshot()
    response = client.post(url, {"answer": "not_applicable", "reason": " "})
    assert response.status_code == 200 and h1(response) == "Local members informed"
    assert error_summary_text(response) == "There is a problem Give the reason the line is not applicable"
    assert snapshot() == before and not ChecklistEntry.objects.exists()


def test_an_informed_line_still_needs_who_and_the_date(client, report, dorset_clerk):
    """Informed: who and when are both needed; a date in the future is refused; nothing is recorded until both
    are right, and then the date typed is the one stored."""
    line, url = consultee_url(report, "opposition")
    client.force_login(dorset_clerk)
    before = snapshot()
    response = client.post(url, {"answer": "informed", "consultee_name": ""})
    assert response.status_code == 200
    assert error_summary_text(response) == "There is a problem Enter who was informed Enter the date they were informed"
    assert error_summary_links(response) == ["#id_consultee_name", "#id_informed_on-day"]
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    future = client.post(
        url, {"answer": "informed", "consultee_name": "Cllr A. Leader", **dated("informed_on", tomorrow)}
    )
    assert "future" in error_summary_text(future)
    assert snapshot() == before

    day = timezone.localdate() - datetime.timedelta(days=2)
    ok = client.post(url, {"answer": "informed", "consultee_name": "Cllr A. Leader", **dated("informed_on", day)})
    assert ok.status_code == 302
    entry = ChecklistEntry.objects.get(line=line)
    assert (entry.status, entry.on_date, entry.line.consultee_name) == ("informed", day, "Cllr A. Leader")


def test_the_service_records_not_applicable_without_a_date_and_still_refuses_informed_without_one(report, dorset_clerk):
    local = report.checklist_lines.get(key="local_members")
    entry = checklist.record_consultee(
        line=local, consultee_name="", informed_on=None, not_applicable=True, reason="Whole area", actor=dorset_clerk
    )
    assert entry.on_date == timezone.localdate()
    opposition = report.checklist_lines.get(key="opposition")
    with pytest.raises(GovernanceRefusal, match="Enter the date they were informed"):
        checklist.record_consultee(line=opposition, consultee_name="Cllr B", informed_on=None, actor=dorset_clerk)
    assert ChecklistEntry.objects.filter(line=opposition).count() == 0
