"""Uploading a Word or OpenDocument draft: preview first, nothing saved until confirmed; bad files refused."""

import io

import docx
import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile

from plans.models import Draft

pytestmark = pytest.mark.django_db


def word_file(name="plan.docx") -> SimpleUploadedFile:
    document = docx.Document()
    document.add_paragraph("Context: 380,000 residents.")
    for number, text in [(1, "Merged teams."), (2, "Shared data."), (3, "Agency 0.35%."), (4, "One-year deals.")]:
        document.add_heading(f"Theme {number}", level=1)
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def bodies(draft_id):
    draft = Draft.objects.get(pk=draft_id)
    return draft.introduction, {s.theme.number: s.body for s in draft.sections.select_related("theme")}


def test_a_word_draft_is_previewed_then_saved_into_the_sections(client, written_draft, dorset_author):
    client.force_login(dorset_author)
    before = bodies(written_draft.pk)
    response = client.post(f"/plans/drafts/{written_draft.pk}/import/", {"document": word_file()})
    assert response.status_code == 302 and response["Location"].endswith("/import/preview/")
    assert bodies(written_draft.pk) == before  # nothing saved by the upload
    preview = client.get(response["Location"])
    assert "Merged teams." in preview.content.decode() and "Agency 0.35%." in preview.content.decode()
    assert client.post(response["Location"]).status_code == 302
    introduction, saved = bodies(written_draft.pk)
    assert introduction == "Context: 380,000 residents."
    assert saved == {1: "Merged teams.", 2: "Shared data.", 3: "Agency 0.35%.", 4: "One-year deals."}


def test_an_opendocument_draft_is_previewed_then_saved_into_the_sections(client, written_draft, dorset_author):
    from tests.unit.test_docx_import import _odt

    client.force_login(dorset_author)
    before = bodies(written_draft.pk)
    response = client.post(
        f"/plans/drafts/{written_draft.pk}/import/", {"document": SimpleUploadedFile("plan.odt", _odt())}
    )
    assert response.status_code == 302 and response["Location"].endswith("/import/preview/")
    assert bodies(written_draft.pk) == before  # nothing saved by the upload
    preview = client.get(response["Location"]).content.decode()
    assert "We merged three customer contact teams into one." in preview and "plan.odt" in preview
    assert client.post(response["Location"]).status_code == 302
    introduction, saved = bodies(written_draft.pk)
    assert introduction == "Mid Wealdshire is a rural district of 95,000 residents."
    assert saved[3] == "| Spend | 2023/24 |\n|---|---|\n| Agency staff | £0.4m |"
    assert saved[4] == "One-year settlements stop us planning."


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("plan.pdf", b"%PDF-1.7"), "must be a Word document (.docx) or an OpenDocument text file"),
        (SimpleUploadedFile("plan.docx", b"this is not a zip"), "must be a Word document"),
        (SimpleUploadedFile("plan.docx", b""), "The selected file is empty"),
        (SimpleUploadedFile("plan.odt", b"this is not a zip"), "or an OpenDocument text file (.odt)"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message_and_nothing_changes(
    client, written_draft, dorset_author, upload, message
):
    client.force_login(dorset_author)
    before = bodies(written_draft.pk)
    response = client.post(f"/plans/drafts/{written_draft.pk}/import/", {"document": upload})
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert message in page.select_one(".govuk-error-summary").get_text()
    assert page.select_one(".govuk-error-summary a")["href"] == "#id_document"
    assert bodies(written_draft.pk) == before


def test_a_save_in_between_stops_the_import_overwriting_it(client, written_draft, dorset_author):
    from plans.services import save_draft

    client.force_login(dorset_author)
    client.post(f"/plans/drafts/{written_draft.pk}/import/", {"document": word_file()})
    save_draft(
        draft=written_draft,
        bodies={1: "Saved meanwhile."},
        based_on_revision=written_draft.revision,
        actor=dorset_author,
    )
    response = client.post(f"/plans/drafts/{written_draft.pk}/import/preview/")
    assert response.status_code == 409
    assert bodies(written_draft.pk)[1][1] == "Saved meanwhile."


def test_another_council_cannot_import_into_dorsets_draft(client, written_draft, somerset_author):
    client.force_login(somerset_author)
    response = client.post(f"/plans/drafts/{written_draft.pk}/import/", {"document": word_file()})
    assert response.status_code == 404
