"""Reading imported plan documents again with the current reading rules: passages are replaced and
analysed again, a person's decisions move to the passage with the same words, and a document whose
reviewed passage reads differently now, a plan written in the service, or a stored file that
changed since import is left exactly as it was, with the reason."""

import io
import json
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

from analysis.models import Document, Figure, Passage, PassageBarrier, PassageTheme
from analysis.review import services as review
from core.models import AuditEvent
from devdata.analysis_demo import generate_plan, pdf_bytes
from tests.integration.state import describe_change, snapshot
from tests.integration.test_analysis_import import import_file

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

RETURN = "productivity-plan-2024"


def reread(*extra) -> dict:
    out = io.StringIO()
    call_command("reread_plan_documents", "--return", RETURN, *extra, "--json", stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def imported_pdf(tmp_path):
    """Dorset's plan PDF as an older reader would have split it: every passage on a page run together."""
    plan = generate_plan("Dorset", seed=7, long=True)
    document = Document.objects.get(pk=import_file(tmp_path, "dorset.pdf", pdf_bytes(plan))["document_id"])
    current = list(document.passages.order_by("position"))
    document.passages.all().delete()
    pages = sorted({p.page for p in current})
    Passage.objects.bulk_create(
        Passage(
            document=document,
            position=n,
            page=page,
            kind="paragraph",
            text=" ".join(p.text for p in current if p.page == page),
        )
        for n, page in enumerate(pages, start=1)
    )
    return document, plan, len(current)


def test_a_document_read_again_gets_the_current_passages_and_a_fresh_analysis(imported_pdf):
    document, plan, expected = imported_pdf
    before = document.passages.count()

    result = reread("--council", "E06000059")

    assert result == {
        "reread": [
            {
                "document_id": document.pk,
                "council": "E06000059",
                "passages_before": before,
                "passages_after": expected,
                "reviewed_passages_kept": 0,
            }
        ],
        "skipped": [],
    }
    tables = list(document.passages.filter(kind="table"))
    assert len(tables) == 1 and tables[0].text.split("\n")[0] == " | ".join(plan.table[0]), "the table is whole again"
    assert PassageTheme.objects.filter(document=document, present=True).exists(), "analysed again at once"
    event = AuditEvent.objects.filter(action="PlanDocumentReread").get()
    assert event.data == {
        "passages_before": before,
        "passages_after": expected,
        "format": "pdf",
        "reviewed_passages_kept": 0,
    }


def person_rows(document) -> list[tuple]:
    """Every decision a person made on the document, with the words of the passage it belongs to."""
    rows = []
    for model, field in ((PassageTheme, "theme__number"), (PassageBarrier, "category__slug"), (Figure, "value")):
        for row in model.objects.filter(document=document, source="person").values_list(
            "passage__text", field, "present", "reviewed_by", "reviewed_at"
        ):
            rows.append((model.__name__, *row))
    return sorted(rows, key=str)


def test_a_persons_decisions_move_to_the_passage_with_the_same_words(tmp_path, analyst):
    """Page 1 as an older reader split it (run together), the rest as today. A person reviewed a
    passage on a later page: it reads the same now, so their decisions follow it."""
    plan = generate_plan("Dorset", seed=7, long=True)
    document = Document.objects.get(pk=import_file(tmp_path, "dorset.pdf", pdf_bytes(plan))["document_id"])
    current = list(document.passages.order_by("position"))
    first_page = [p for p in current if p.page == 1]
    Passage.objects.filter(pk__in=[p.pk for p in first_page[1:]]).delete()
    Passage.objects.filter(pk=first_page[0].pk).update(text=" ".join(p.text for p in first_page))
    reviewed = next(p for p in current if p.page > 1 and p.kind == "paragraph" and len(p.text) > 80)
    review.review_themes(passage=reviewed, theme_numbers=[2, 4], token=review.state_token(reviewed), actor=analyst)
    review.review_barriers(
        passage=reviewed, category_slugs=["funding-certainty"], token=review.state_token(reviewed), actor=analyst
    )
    review.add_figure(
        passage=reviewed,
        kind="count",
        value=Decimal("12"),
        measures="teams merged",
        token=review.state_token(reviewed),
        actor=analyst,
    )
    decided = person_rows(document)
    passages_before = document.passages.count()

    result = reread()

    assert result == {
        "reread": [
            {
                "document_id": document.pk,
                "council": "E06000059",
                "passages_before": passages_before,
                "passages_after": len(current),
                "reviewed_passages_kept": 1,
            }
        ],
        "skipped": [],
    }
    assert person_rows(document) == decided, "the same decisions, by the same person, on the same words"
    moved_to = Passage.objects.get(document=document, text=reviewed.text)
    assert moved_to.pk != reviewed.pk and not Passage.objects.filter(pk=reviewed.pk).exists()
    themes = PassageTheme.objects.filter(passage=moved_to, present=True)
    assert sorted(themes.values_list("theme__number", flat=True)) == [2, 4], "the analysis run did not undo them"
    assert not PassageTheme.objects.filter(passage=moved_to, source="machine").exists()
    assert [p.page for p in document.passages.order_by("position")] == [p.page for p in current]
    event = AuditEvent.objects.filter(action="PlanDocumentReread").get()
    assert event.data["reviewed_passages_kept"] == 1


def test_a_document_whose_reviewed_passage_reads_differently_now_is_left_as_it_is(imported_pdf, analyst):
    document, _, _ = imported_pdf
    passage = document.passages.first()
    review.review_themes(passage=passage, theme_numbers=[1], token=review.state_token(passage), actor=analyst)
    before = snapshot()

    result = reread()

    assert result["reread"] == []
    assert result["skipped"] == [
        {
            "document_id": document.pk,
            "council": "E06000059",
            "reason": "A person has reviewed tags on 1 passage(s) that read differently now; "
            "reading it again would lose their decisions.",
        }
    ]
    assert snapshot() == before, describe_change(before, snapshot())


def test_a_stored_file_that_changed_since_import_is_not_read_again(imported_pdf):
    document, _, _ = imported_pdf
    default_storage.delete(document.file_name)
    default_storage.save(document.file_name, ContentFile(b"%PDF-1.4 something else entirely"))
    before = snapshot()

    result = reread()

    assert [row["reason"] for row in result["skipped"]] == [
        "The stored file has changed since it was imported; it was not read again."
    ]
    assert snapshot() == before, describe_change(before, snapshot())


def test_plans_written_in_the_service_are_not_files_and_are_not_read_again(walked_plan):
    from analysis import services

    services.sync_service_versions()
    written = Document.objects.filter(source="service").first()
    before = snapshot()

    assert reread() == {"reread": [], "skipped": []}, "only imported documents are looked at"
    with pytest.raises(services.ImportRefused, match="written in the service; it has no file"):
        services.reread_document(document=written, actor=None)
    assert snapshot() == before


def test_an_unknown_council_or_return_is_refused_with_the_reason():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no council with the ONS code 'E99999999'"):
        reread("--council", "E99999999")
    with pytest.raises(CommandError, match="no return called 'no-such-return'"):
        call_command("reread_plan_documents", "--return", "no-such-return")
