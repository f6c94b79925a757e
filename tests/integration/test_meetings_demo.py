"""The demo's meetings: Dorset's Cabinet of 9 July 2024 with a published pack of two items, Somerset's
Executive of 15 July 2024 with its report; loading the demo again duplicates nothing."""

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command

from meetings.models import AgendaItem, Committee, Meeting, Paper
from tests.integration.test_meetings_pack import ARTIFACTS, page_texts

pytestmark = pytest.mark.django_db


def counts():
    return {model.__name__: model.objects.count() for model in (Committee, Meeting, AgendaItem, Paper)}


def test_the_demo_publishes_dorsets_cabinet_pack_and_a_second_load_duplicates_nothing(capsys):
    call_command("load_demo_data", "--quiet-sign-ins")
    printed = capsys.readouterr().out
    cabinet = Meeting.objects.get(council__gss_code="E06000059", committee__name="Cabinet")
    assert cabinet.date.isoformat() == "2024-07-09" and cabinet.agenda_published, printed
    assert cabinet.agenda_published_on.isoformat() == "2024-07-01"
    assert cabinet.clear_working_days == 5 and not cabinet.short_notice
    items = list(cabinet.items.order_by("number"))
    assert [(item.number, bool(item.report_id)) for item in items] == [(16, True), (17, False)]
    assert items[0].first_page == 3 and items[1].first_page > items[0].last_page
    assert cabinet.pack_pages >= items[1].last_page
    with default_storage.open(cabinet.pack_path) as handle:
        pdf = handle.read()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "demo-dorset-cabinet-2024-07-09.pdf").write_bytes(pdf)
    pages = page_texts(pdf)
    assert len(pages) == cabinet.pack_pages
    assert "16 PRODUCTIVITY PLAN" in pages[0] and f"{items[0].first_page} - {items[0].last_page}" in pages[0]
    assert items[0].report.title in pages[items[0].first_page - 1]
    assert "Council Plan performance framework" in pages[items[1].first_page - 1]
    assert "Appendix A" in " ".join(pages[items[0].first_page - 1 : items[0].last_page])
    executive = Meeting.objects.get(council__gss_code="E06000066")
    assert executive.committee.name == "Executive" and executive.date.isoformat() == "2024-07-15"
    assert executive.agenda_published and executive.clear_working_days == 5
    assert [item.report.version.council.gss_code for item in executive.items.all()] == ["E06000066"]
    first = counts()

    call_command("load_demo_data", "--quiet-sign-ins")
    assert counts() == first
    call_command("verify_audit_log")
