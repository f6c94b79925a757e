"""Importing plan documents into the analysis corpus: the command-line contract, the browser's upload,
preview and confirm, and every kind of bad input refused with a clear message and nothing stored.
"""

import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from analysis.models import AnalysisRun, Document, Passage
from core.models import AuditEvent
from devdata.analysis_demo import docx_bytes, generate_plan, html_bytes, odt_bytes, pdf_bytes, text_bytes
from tests.integration.pages import error_summary_text, h1, soup, text_of
from tests.unit.test_analysis_sandbox import (
    decompression_bomb_pdf,
    docx_zip_bomb,
    encrypted_pdf,
    thousands_of_pages_pdf,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

RETURN = "productivity-plan-2024"
DORSET = "E06000059"


def stored_files(settings) -> list[Path]:
    """Every file the import could have left in storage (documents and staged uploads)."""
    root = Path(settings.MEDIA_ROOT) / "analysis"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def import_file(tmp_path, name: str, data: bytes, *options, council: str = DORSET) -> dict:
    path = tmp_path / name
    path.write_bytes(data)
    out = io.StringIO()
    call_command(
        "import_plan_document", "--council", council, "--return", RETURN, str(path), "--json", *options, stdout=out
    )
    return json.loads(out.getvalue())


@pytest.fixture
def plan():
    return generate_plan("Dorset", seed=7, long=True)


# --- The command-line contract ------------------------------------------------------------------


def test_the_command_prints_the_new_documents_id_and_the_api_returns_its_analysis(tmp_path, plan, client, analyst):
    """`import_plan_document --council <ONS code> --return <slug> <file> --json` prints {"document_id": ...}; the
    document's analysis then answers GET /api/v1/documents/{id}/analysis with every field of the contract."""
    from accounts.services import issue_api_token

    result = import_file(tmp_path, "dorset-plan.pdf", pdf_bytes(plan))
    assert set(result) == {"document_id"}
    document = Document.objects.get(pk=result["document_id"])
    assert document.council.gss_code == DORSET and document.format == "pdf" and document.page_count >= 2

    token = issue_api_token(user=analyst)
    response = client.get(f"/api/v1/documents/{document.pk}/analysis", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    body = response.json()
    assert body["page_count"] == document.page_count
    assert body["themes_covered"] == [1, 2, 3, 4]
    assert set(body["guidance"]) >= {"consultants_addressed", "agency_addressed", "edi_addressed", "over_page_limit"}
    assert body["guidance"]["over_page_limit"] is False
    passage_ids = {p["id"] for p in body["passages"]}
    assert all(set(p) >= {"id", "page", "text", "themes", "barriers"} for p in body["passages"])
    assert {p["page"] for p in body["passages"]} >= {1, 2}, "passages keep their page numbers"
    assert body["barriers"] and all(set(b["passages"]) <= passage_ids for b in body["barriers"])
    assert all(set(f) >= {"kind", "value", "unit", "passage"} for f in body["figures"])
    assert all(f["passage"] in passage_ids for f in body["figures"])


def test_a_plan_that_gives_shares_has_them_as_agency_and_consultant_figures(tmp_path, client, analyst):
    """Dorset-style figures stated in the text become agency_share_of_staff_budget and
    consultant_share_of_staff_budget, in percent, each pointing at the passage it came from."""
    text = (
        "# Reducing wasteful spend\n\nAgency workers account for 0.35% of the total staff budget, and consultants "
        "0.96%. Our EDI training is limited to the Public Sector Equality Duty.\n"
    )
    document = Document.objects.get(pk=import_file(tmp_path, "plan.txt", text.encode())["document_id"])
    figures = {f.kind: f for f in document.figures.all()}
    assert str(figures["agency_share_of_staff_budget"].value.normalize()) == "0.35"
    assert str(figures["consultant_share_of_staff_budget"].value.normalize()) == "0.96"
    assert figures["agency_share_of_staff_budget"].unit == "percent"
    assert "0.35%" in figures["agency_share_of_staff_budget"].passage.text
    assert (document.consultants_addressed, document.agency_addressed, document.edi_addressed) == (True, True, True)


def test_a_figures_range_qualifier_and_kind_are_stored_and_the_api_gives_them(tmp_path, client, analyst):
    """A range keeps both ends in value and upper; "per resident" and what a count counts are the
    qualifier, not part of the words; a deficit is a deficit. The API gives each, and the figure as read."""
    from accounts.services import issue_api_token

    text = (
        "# Our finances\n\nAgency staff cost 3.6–3.8% of our pay budget. We are one of the lowest funded councils, "
        "receiving £292 per resident less than similar councils. The deficit on our high needs block has reached "
        "£10.8m. Last year we prepared 22 separate bids.\n"
    )
    document = Document.objects.get(pk=import_file(tmp_path, "plan.txt", text.encode())["document_id"])
    stored = {f.kind: f for f in document.figures.all()}
    share = stored["agency_share_of_staff_budget"]
    assert (share.value, share.upper, share.qualifier) == (Decimal("3.6"), Decimal("3.8"), "")
    assert (stored["funding"].value, stored["funding"].qualifier) == (Decimal("292"), "per resident")
    assert "per resident" not in stored["funding"].measures
    assert stored["deficit"].value == Decimal("10800000")
    assert (stored["count"].value, stored["count"].qualifier) == (Decimal("22"), "bids")

    token = issue_api_token(user=analyst)
    body = client.get(f"/api/v1/documents/{document.pk}/analysis", HTTP_AUTHORIZATION=f"Bearer {token}").json()
    given = {f["kind"]: f for f in body["figures"]}
    assert {k: given["agency_share_of_staff_budget"][k] for k in ("value", "upper", "qualifier", "text")} == {
        "value": 3.6,
        "upper": 3.8,
        "qualifier": "",
        "text": "3.6% to 3.8%",
    }
    assert (given["funding"]["upper"], given["funding"]["qualifier"]) == (None, "per resident")
    assert given["funding"]["text"] == "£292 per resident"
    assert (given["count"]["qualifier"], given["count"]["text"]) == ("bids", "22 bids")


def test_a_share_is_worked_out_when_the_plan_gives_spend_and_staff_budget(tmp_path):
    text = (
        "In 2023/24 we spent £2.5m on agency staff and £1m on consultants, against a staff budget of £100m.\n"
    ).encode()
    document = Document.objects.get(pk=import_file(tmp_path, "plan.txt", text)["document_id"])
    figures = {f.kind: f for f in document.figures.all()}
    assert figures["agency_share_of_staff_budget"].value == 2.5 and figures["agency_share_of_staff_budget"].computed
    assert figures["consultant_share_of_staff_budget"].value == 1 and figures["agency_spend"].value == 2_500_000


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html", "text"])
def test_plans_in_every_format_are_split_into_headings_paragraphs_and_whole_tables(
    tmp_path, plan, fmt, client, analyst
):
    renderer = {"pdf": pdf_bytes, "docx": docx_bytes, "html": html_bytes, "text": text_bytes}[fmt]
    suffix = {"pdf": "pdf", "docx": "docx", "html": "html", "text": "txt"}[fmt]
    document = Document.objects.get(pk=import_file(tmp_path, f"plan.{suffix}", renderer(plan))["document_id"])
    passages = list(document.passages.order_by("position"))
    assert [p.position for p in passages] == list(range(1, len(passages) + 1))
    kinds = {p.kind for p in passages}
    assert kinds == {"heading", "paragraph", "table"}
    (table,) = [p for p in passages if p.kind == "table"]
    rows = [" | ".join(row) for row in plan.table]
    assert [row.strip("| ") for row in table.text.split("\n")] == rows, "the table is one passage, row by row"
    theme_3 = next(p for p in passages if p.heading == "3. Reducing wasteful spend")
    assert theme_3.kind == "paragraph"
    assert (document.page_count is not None) == (fmt == "pdf"), "pages are counted for PDFs; others are not paged"

    client.force_login(analyst)
    page = soup(client.get(f"/analysis/documents/{document.pk}/"))
    shown = page.select_one(f"#passage-{table.pk} table")
    assert [text_of(th) for th in shown.select("thead th")] == list(plan.table[0])
    assert [[text_of(td) for td in tr.select("td")] for tr in shown.select("tbody tr")] == [
        list(row) for row in plan.table[1:]
    ], "the page shows the table as a table, each cell in its place"
    action, measure, now, _ = plan.table[1]
    cell_figures = {(f.value, f.measures) for f in table.figures.all()}
    assert any(f"{action} {measure} (Now)" == measures for _, measures in cell_figures), "cells measured by row"


def test_importing_the_same_file_again_returns_the_same_document(tmp_path, plan):
    data = text_bytes(plan)
    first = import_file(tmp_path, "plan.txt", data)
    events = AuditEvent.objects.count()
    assert import_file(tmp_path, "again.txt", data) == first
    assert Document.objects.count() == 1 and AuditEvent.objects.count() == events


def test_each_import_is_audited_and_a_replacing_document_is_the_councils_current_one(tmp_path, plan):
    older = import_file(tmp_path, "old.txt", text_bytes(plan))["document_id"]
    newer = import_file(tmp_path, "new.html", html_bytes(plan), "--replace")["document_id"]
    assert list(Document.objects.filter(is_current=True).values_list("pk", flat=True)) == [newer]
    imported = AuditEvent.objects.filter(action="PlanDocumentImported").order_by("id")
    assert [e.subject_id for e in imported] == [str(older), str(newer)]
    assert imported.last().council_code == DORSET and imported.last().data["format"] == "html"


def test_a_folder_is_imported_with_a_manifest_and_one_analysis_run(tmp_path, plan):
    """Bad files in a folder (a mislabelled file, a decompression bomb) are reported and skipped; the rest are
    imported and analysed in one run."""
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "a.txt").write_bytes(text_bytes(plan))
    (folder / "b.html").write_bytes(html_bytes(generate_plan("Somerset", seed=3)))
    (folder / "c.pdf").write_bytes(b"not a pdf")
    (folder / "d.pdf").write_bytes(decompression_bomb_pdf())
    (folder / "manifest.csv").write_text(
        "file,ons_code\nc.pdf,E06000059\nd.pdf,E06000059\na.txt,E06000059\nb.html,E06000066\n"
    )
    out = io.StringIO()
    call_command(
        "import_plan_document",
        "--return",
        RETURN,
        "--folder",
        str(folder),
        "--manifest",
        str(folder / "manifest.csv"),
        "--json",
        stdout=out,
    )
    result = json.loads(out.getvalue())
    assert len(result["document_ids"]) == 2
    assert [problem["file"] for problem in result["refused"]] == ["c.pdf", "d.pdf"]
    assert result["refused"][0]["reason"] == "The file is named as a PDF but is not a PDF. Check it is the right file."
    assert "memory allowed for a plan document" in result["refused"][1]["reason"]
    run = AnalysisRun.objects.get(pk=result["run_id"])
    assert run.status == "done" and run.scope == "corpus" and run.counts["documents"] == 2


def test_a_folder_without_a_manifest_takes_each_council_from_the_file_name(tmp_path, plan):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "E06000059-dorset.txt").write_bytes(text_bytes(plan))
    (folder / "no-code.txt").write_bytes(text_bytes(generate_plan("Nowhere", seed=1)))
    out = io.StringIO()
    call_command("import_plan_document", "--return", RETURN, "--folder", str(folder), "--json", stdout=out)
    result = json.loads(out.getvalue())
    assert Document.objects.get(pk=result["document_ids"][0]).council.gss_code == DORSET
    assert result["refused"][0]["file"] == "no-code.txt" and "No council" in result["refused"][0]["reason"]


def test_a_folder_import_leaves_the_audit_log_signed_up_to_its_last_entry(
    tmp_path, plan, django_capture_on_commit_callbacks
):
    """The folder import signs the audit log's head every few seconds and once at its end, not once per file: when
    it has finished, the newest signed head names its last entry and the log verifies."""
    from core.audit import read_anchors, write_anchor

    write_anchor(reason="daily")
    folder = tmp_path / "plans"
    folder.mkdir()
    for seed, code in enumerate(("E06000059", "E06000066", "E06000052")):
        (folder / f"{code}.txt").write_bytes(text_bytes(generate_plan(code, seed=seed)))
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "import_plan_document", "--return", RETURN, "--folder", str(folder), "--json", stdout=io.StringIO()
        )

    newest_head = max(read_anchors()[0], key=lambda anchor: anchor.last_event_id)
    assert newest_head.last_event_id == AuditEvent.objects.order_by("-id").first().pk
    assert AuditEvent.objects.filter(action="PlanDocumentImported").count() == 3
    call_command("verify_audit_log", stdout=io.StringIO())  # raises CommandError on any gap or unsigned entry


# --- Bad input: refused, with a clear message, and nothing stored --------------------------------


def text_file_called_pdf() -> bytes:
    return b"This is the plan, but saved as text with the wrong name.\n"


BAD_FILES = {
    "decompression-bomb": ("bomb.pdf", decompression_bomb_pdf, "memory allowed for a plan document"),
    "thousands-of-pages": ("long.pdf", thousands_of_pages_pdf, "5,000 pages"),
    "encrypted": ("locked.pdf", encrypted_pdf, "encrypted or protected by a password"),
    "docx-zip-bomb": ("bomb.docx", docx_zip_bomb, "expands to 200 MB"),
    "mislabelled": ("plan.pdf", text_file_called_pdf, "named as a PDF but is not a PDF"),
    "corrupt": ("plan.docx", lambda: b"PK\x03\x04 truncated", "damaged"),
    "empty": ("plan.txt", lambda: b"", "The file is empty"),
    "too-big": ("big.pdf", lambda: b"%PDF-1.4\n" + b"0" * (20 * 1024 * 1024), "smaller than 20 MB"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_the_command_refuses_bad_files_and_stores_nothing(tmp_path, settings, case):
    name, build, message = BAD_FILES[case]
    events = AuditEvent.objects.count()
    with pytest.raises(CommandError) as refused:
        import_file(tmp_path, name, build())
    assert message in str(refused.value)
    assert not Document.objects.exists() and not Passage.objects.exists() and not AnalysisRun.objects.exists()
    assert stored_files(settings) == [] and AuditEvent.objects.count() == events


def test_the_command_refuses_an_unknown_council_and_stores_nothing(tmp_path, settings, plan):
    with pytest.raises(CommandError) as refused:
        import_file(tmp_path, "plan.txt", text_bytes(plan), council="E99999999")
    assert "no council with the ONS code" in str(refused.value)
    assert not Document.objects.exists() and stored_files(settings) == []


# --- The browser route: upload, preview, confirm ---------------------------------------------------


def upload(client, name: str, data: bytes, council: str = DORSET):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        "/analysis/import/",
        {"council": council, "return_slug": RETURN, "document": SimpleUploadedFile(name, data)},
    )


def test_an_upload_is_previewed_and_stored_only_when_confirmed(client, settings, analyst, plan):
    client.force_login(analyst)
    preview = upload(client, "dorset.docx", docx_bytes(plan))
    assert preview.status_code == 200 and h1(preview) == "Check the plan document"
    assert "Reducing wasteful spend" in text_of(soup(preview).select_one("table"))
    assert not Document.objects.exists(), "nothing joins the corpus before the person confirms"
    token = soup(preview).select_one("input[name=token]")["value"]

    confirmed = client.post("/analysis/import/confirm/", {"token": token, "action": "confirm"})
    document = Document.objects.get()
    assert confirmed.status_code == 302 and confirmed["Location"] == f"/analysis/documents/{document.pk}/"
    assert document.imported_by == analyst and document.original_filename == "dorset.docx"
    assert [p.name for p in stored_files(settings)] == [f"{document.file_sha256}.docx"], "staging is emptied"
    page = client.get(confirmed["Location"])
    assert page.status_code == 200 and "Theme 3" in text_of(soup(page).select_one("main"))
    assert client.post("/analysis/import/confirm/", {"token": token, "action": "confirm"}).status_code == 302
    assert Document.objects.count() == 1, "confirming twice adds nothing"


def test_a_page_saved_as_a_web_archive_is_previewed_and_stored_as_the_file_it_is(client, settings, analyst, plan):
    """A browser's "save as a single file" (.mhtml): the page inside it is read; the archive itself is kept."""
    from email.encoders import encode_quopri
    from email.mime.image import MIMEImage
    from email.mime.multipart import MIMEMultipart
    from email.mime.nonmultipart import MIMENonMultipart

    archive = MIMEMultipart("related", type="text/html")
    archive["From"] = "<Saved by Blink>"
    archive["Subject"] = "Productivity plan | Dorset Council"
    page = MIMENonMultipart("text", "html", charset="utf-8")
    page.set_payload(html_bytes(plan))
    encode_quopri(page)
    archive.attach(page)
    archive.attach(MIMEImage(b"\x89PNG\r\n\x1a\n" + bytes(64), "png"))
    data = archive.as_bytes()

    client.force_login(analyst)
    preview = upload(client, "dorset-plan.mhtml", data)
    assert preview.status_code == 200 and h1(preview) == "Check the plan document"
    assert "Reducing wasteful spend" in text_of(soup(preview).select_one("table"))
    assert "Saved by Blink" not in text_of(soup(preview).select_one("main")), "the archive's headers are no passage"
    token = soup(preview).select_one("input[name=token]")["value"]
    client.post("/analysis/import/confirm/", {"token": token, "action": "confirm"})
    document = Document.objects.get()
    assert document.format == "html" and document.kind == "plan" and document.original_filename == "dorset-plan.mhtml"
    assert document.passages.filter(text__icontains="consultant").exists()
    assert [p.name for p in stored_files(settings)] == [f"{document.file_sha256}.mhtml"]


def test_an_opendocument_plan_is_previewed_and_stored_as_an_odt(client, settings, analyst, plan):
    """A plan saved by LibreOffice (.odt): its headings, paragraphs and table at the preview, kept as the file it is."""
    client.force_login(analyst)
    preview = upload(client, "dorset-plan.odt", odt_bytes(plan))
    assert preview.status_code == 200 and h1(preview) == "Check the plan document"
    main = text_of(soup(preview).select_one("main"))
    assert "3. Reducing wasteful spend" in main and plan.table[1][0] in main
    token = soup(preview).select_one("input[name=token]")["value"]
    client.post("/analysis/import/confirm/", {"token": token, "action": "confirm"})
    document = Document.objects.get()
    assert document.format == "odt" and document.get_format_display() == "OpenDocument text"
    assert document.kind == "plan" and document.title == plan.title
    assert document.passages.filter(kind="table", text__contains=plan.table[1][0]).exists()
    assert [p.name for p in stored_files(settings)] == [f"{document.file_sha256}.odt"]


def test_a_spreadsheet_or_a_word_file_named_odt_is_refused_with_what_it_is_and_nothing_is_stored(
    client, settings, analyst, plan
):
    client.force_login(analyst)
    text = zipfile.ZipFile(io.BytesIO(odt_bytes(plan)))
    spreadsheet = io.BytesIO()
    with zipfile.ZipFile(spreadsheet, "w") as archive:  # the same parts, saying they are a spreadsheet's
        for info in text.infolist():
            is_type = info.filename == "mimetype"
            archive.writestr(info, b"application/vnd.oasis.opendocument.spreadsheet" if is_type else text.read(info))
    for name, data, message in [
        ("budget.odt", spreadsheet.getvalue(), "The file is an OpenDocument spreadsheet (.ods), not a text document."),
        ("plan.odt", docx_bytes(plan), "named as an OpenDocument text file (.odt) but is a Word document"),
        ("plan.docx", odt_bytes(plan), "It is an OpenDocument text file: name it .odt."),
    ]:
        response = upload(client, name, data)
        assert response.status_code == 200 and h1(response) == "Import a plan document", name
        assert message in error_summary_text(response), name
    assert not Document.objects.exists() and stored_files(settings) == []


def test_cancelling_a_preview_stores_nothing(client, settings, analyst, plan):
    client.force_login(analyst)
    preview = upload(client, "dorset.html", html_bytes(plan))
    token = soup(preview).select_one("input[name=token]")["value"]
    assert client.post("/analysis/import/confirm/", {"token": token, "action": "cancel"}).status_code == 302
    assert not Document.objects.exists() and stored_files(settings) == []


def test_another_persons_staged_upload_cannot_be_confirmed(client, settings, analyst, make_person, plan):
    client.force_login(analyst)
    token = soup(upload(client, "dorset.txt", text_bytes(plan))).select_one("input[name=token]")["value"]
    client.force_login(make_person("other-analyst", department_role="analyst"))
    response = client.post("/analysis/import/confirm/", {"token": token, "action": "confirm"}, follow=True)
    assert "no longer waiting to be confirmed" in text_of(soup(response).select_one("main"))
    assert not Document.objects.exists()


@pytest.mark.parametrize("case", ["decompression-bomb", "encrypted", "docx-zip-bomb", "mislabelled", "empty"])
def test_the_upload_page_refuses_bad_files_with_the_reason_and_stores_nothing(client, settings, analyst, case):
    name, build, message = BAD_FILES[case]
    client.force_login(analyst)
    response = upload(client, name, build())
    assert response.status_code == 200 and h1(response) == "Import a plan document"
    assert message in error_summary_text(response) or (case == "empty" and "empty" in error_summary_text(response))
    assert not Document.objects.exists() and stored_files(settings) == []


def test_the_upload_page_refuses_an_unknown_council_and_an_unsupported_file(client, settings, analyst, plan):
    client.force_login(analyst)
    response = upload(client, "plan.txt", text_bytes(plan), council="E99999999")
    assert "There is no council with the ONS code E99999999" in error_summary_text(response)
    response = upload(client, "plan.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")  # Word 97-2003's own format
    assert (
        "must be a PDF, Word document (.docx), OpenDocument text (.odt), .html, .mhtml or .txt file"
        in error_summary_text(response)
    )
    assert not Document.objects.exists() and stored_files(settings) == []


def test_panel_members_read_the_corpus_but_cannot_import(client, panel_member, plan, tmp_path):
    document_id = import_file(tmp_path, "plan.txt", text_bytes(plan))["document_id"]
    client.force_login(panel_member)
    assert client.get("/analysis/documents/").status_code == 200
    assert client.get(f"/analysis/documents/{document_id}/").status_code == 200
    assert client.get("/analysis/import/").status_code == 404
    assert upload(client, "plan.txt", text_bytes(generate_plan("Somerset", 2))).status_code == 404
    assert Document.objects.count() == 1


def test_council_people_get_404_on_every_analysis_page_and_the_api(client, dorset_author, plan, tmp_path):
    from accounts.services import issue_api_token

    document_id = import_file(tmp_path, "plan.txt", text_bytes(plan))["document_id"]
    client.force_login(dorset_author)
    for url in ["/analysis/documents/", f"/analysis/documents/{document_id}/", "/analysis/import/", "/analysis/runs/"]:
        assert client.get(url).status_code == 404, url
    token = issue_api_token(user=dorset_author)
    response = client.get(f"/api/v1/documents/{document_id}/analysis", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 404 and response.json() == {"detail": "Not found"}


def test_the_api_answers_404_for_a_missing_document_and_401_without_a_token(client, analyst):
    from accounts.services import issue_api_token

    token = issue_api_token(user=analyst)
    for document_id in (1, 2**31, 2**40):
        response = client.get(f"/api/v1/documents/{document_id}/analysis", HTTP_AUTHORIZATION=f"Bearer {token}")
        assert response.status_code == 404
    assert client.get("/api/v1/documents/1/analysis").status_code == 401


def test_an_upload_left_unconfirmed_for_a_day_is_removed_from_staging(client, settings, analyst, plan):
    import datetime

    from django.utils import timezone

    from analysis.services import discard_stale_staging

    client.force_login(analyst)
    upload(client, "dorset.txt", text_bytes(plan))
    assert len(stored_files(settings)) == 2  # the bytes and what was read from them
    assert discard_stale_staging() == 0
    assert discard_stale_staging(now=timezone.now() + datetime.timedelta(hours=25)) == 2
    assert stored_files(settings) == [] and not Document.objects.exists()


def test_the_api_lists_the_corpus_for_department_staff_only(client, analyst, dorset_author, tmp_path, plan):
    from accounts.services import issue_api_token

    document_id = import_file(tmp_path, "plan.txt", text_bytes(plan))["document_id"]
    token = issue_api_token(user=analyst)
    listing = client.get("/api/v1/documents", HTTP_AUTHORIZATION=f"Bearer {token}").json()
    assert [(d["id"], d["council"], d["return"], d["format"]) for d in listing] == [
        (document_id, DORSET, RETURN, "text")
    ]
    council_token = issue_api_token(user=dorset_author)
    assert client.get("/api/v1/documents", HTTP_AUTHORIZATION=f"Bearer {council_token}").status_code == 404


def test_the_document_list_filters_by_council_and_format(client, analyst, tmp_path, plan):
    import_file(tmp_path, "dorset.txt", text_bytes(plan))
    import_file(tmp_path, "somerset.html", html_bytes(generate_plan("Somerset", 5)), council="E06000066")
    client.force_login(analyst)

    def councils(query: str) -> list[str]:
        rows = soup(client.get("/analysis/documents/" + query)).select("tbody tr")
        return [text_of(row.select_one("td")).split(" E0")[0] for row in rows]

    assert councils("") == ["Dorset", "Somerset"]
    assert councils("?q=somer") == ["Somerset"]
    assert councils("?q=E06000059") == ["Dorset"]
    assert councils("?format=html") == ["Somerset"]
    assert councils("?format=nonsense") == ["Dorset", "Somerset"], "an unknown format is ignored, not an error"


def test_a_folder_imports_passages_classified_by_the_reading_children_as_a_later_run_would(tmp_path, plan, monkeypatch):
    """In a folder import the reading children also classify the passages, read their figures and guidance
    flags and the document's kind (in parallel); what they found is used only for exactly the passages it was
    made from, and a later run over the corpus, reading everything itself, finds the same."""
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "E06000059-dorset.txt").write_bytes(text_bytes(plan))
    (folder / "E06000066-somerset.html").write_bytes(html_bytes(generate_plan("Somerset", seed=9)))

    def not_here(passages):
        raise AssertionError("the importing process classified passages itself")

    with monkeypatch.context() as patched:
        patched.setattr("analysis.classify.classify_passages", not_here)
        patched.setattr("analysis.reading.figures.document_figures", not_here)
        patched.setattr("analysis.reading.figures.guidance_found", not_here)
        patched.setattr("analysis.services.classify_document", not_here)
        out = io.StringIO()
        call_command("import_plan_document", "--return", RETURN, "--folder", str(folder), "--json", stdout=out)
    result = json.loads(out.getvalue())
    assert len(result["document_ids"]) == 2
    import_run = AnalysisRun.objects.get(pk=result["run_id"])
    from analysis.runs.services import run_corpus_analysis_now

    later = run_corpus_analysis_now(actor=None)
    assert import_run.counts["theme_tags"] > 0 and import_run.counts["figures"] > 0
    assert later.result_hash == import_run.result_hash and later.counts == import_run.counts
