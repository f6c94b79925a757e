"""Every upload route is read in the one limited child process (core.sandbox; decision 0025).

The hostile corpus of the analysis tests (decompression and zip bombs, a zip that understates its size,
thousands of pages, encryption, damaged and mislabelled files) and a few more (XML nested past any
document, a CSV field with no end, more passages than any plan) is sent to each route that takes a file:
the author's Word import, the spend CSV, the monitoring figures and the analyst's import. Each is refused
with a message in the error summary, nothing is stored, and the web process's memory stays where it was:
the parse that would have taken a gigabyte happened, and ended, in the child.

No API operation takes a file; `test_no_api_operation_takes_a_file` keeps it so, so any that comes must
come through here.
"""

import io
import resource
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from analysis.reading.extract import MAX_PASSAGES
from tests.integration.pages import error_summary_text, soup, text_of
from tests.unit.test_analysis_sandbox import (
    decompression_bomb_pdf,
    docx_zip_bomb,
    encrypted_pdf,
    thousands_of_pages_pdf,
    understated_docx_zip_bomb,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

MEMORY_ALLOWANCE_BYTES = 100 * 1024 * 1024  # far below what any of these files expands to when parsed


def deeply_nested_docx(depth: int = 200_000) -> bytes:
    """A Word document whose XML nests deeper than any parser should follow."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr(
            "word/document.xml",
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            + "<w:p>" * depth
            + "</w:p>" * depth
            + "</w:body></w:document>",
        )
    return out.getvalue()


ODF = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def odt_with(content: str, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """An OpenDocument text file (its type first and stored, as office suites write it) with this content.xml."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content, compression)
    return out.getvalue()


def odt_entity_bomb() -> bytes:
    """The "billion laughs": an entity of ten of the one before, nine deep (a billion "lol"s if expanded)."""
    entities = '<!ENTITY l0 "lol">' + "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
    return odt_with(
        f'<?xml version="1.0"?><!DOCTYPE office:document-content [{entities}]>'
        f"<office:document-content {ODF}><office:body><office:text><text:p>&l9;</text:p>"
        "</office:text></office:body></office:document-content>"
    )


def deeply_nested_odt(depth: int = 200_000) -> bytes:
    return odt_with(
        f"<office:document-content {ODF}><office:body><office:text><text:p>"
        + "<text:span>" * depth
        + "</text:span>" * depth
        + "</text:p></office:text></office:body></office:document-content>",
        zipfile.ZIP_STORED,  # stored as it is, so that the archive check passes it and the XML parser meets it
    )


def endless_csv_field(header: bytes = b"ons_code,metric,period,value,date,supplier,expense type,amount") -> bytes:
    """A CSV whose second row opens a quoted field that runs to the end of a 4 MB file."""
    return header + b'\n"' + b"x" * (4 * 1024 * 1024)


def many_passages() -> bytes:
    return "\n\n".join(f"Paragraph {n} of a legal text." for n in range(MAX_PASSAGES + 1)).encode()


HOSTILE = {
    "decompression-bomb-pdf": ("bomb.pdf", decompression_bomb_pdf),
    "thousands-of-pages-pdf": ("long.pdf", thousands_of_pages_pdf),
    "encrypted-pdf": ("locked.pdf", encrypted_pdf),
    "docx-zip-bomb": ("bomb.docx", docx_zip_bomb),
    "docx-understating-its-size": ("lying.docx", understated_docx_zip_bomb),
    "docx-nested-too-deep": ("deep.docx", deeply_nested_docx),
    "damaged-zip": ("plan.docx", lambda: b"PK\x03\x04 truncated"),
    "odt-zip-bomb": ("bomb.odt", lambda: odt_with(" " * (200 * 1024 * 1024))),
    "odt-entity-bomb": ("laughs.odt", odt_entity_bomb),
    "odt-nested-too-deep": ("deep.odt", deeply_nested_odt),
    "text-called-pdf": ("plan.pdf", lambda: b"This is the plan, saved as text with the wrong name.\n"),
    "endless-csv-field": ("figures.csv", endless_csv_field),
    "more-passages-than-any-plan": ("legal.txt", many_passages),
}


@pytest.fixture(scope="module")
def corpus() -> dict[str, bytes]:
    return {case: build() for case, (_, build) in HOSTILE.items()}


def peak_memory_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports kilobytes


def stored_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def refused(response) -> str:
    assert response.status_code in (200, 400), response.status_code
    message = error_summary_text(response)
    assert message.strip(), "the refusal is given in the error summary"
    return message


@pytest.fixture
def word_import(client, written_draft, dorset_author):
    from plans.models import Draft

    def bodies():
        draft = Draft.objects.get(pk=written_draft.pk)
        return draft.revision, draft.introduction, sorted(draft.sections.values_list("body", flat=True))

    client.force_login(dorset_author)
    before = bodies()

    def send(name: str, data: bytes):
        response = client.post(
            f"/plans/drafts/{written_draft.pk}/import/",
            {"document": SimpleUploadedFile(Path(name).stem + (".odt" if name.endswith(".odt") else ".docx"), data)},
        )
        assert not any(key.startswith("docx-import-") for key in client.session.keys())
        assert bodies() == before
        return response

    return send


@pytest.fixture
def spend_upload(client, written_draft, dorset_author):
    client.force_login(dorset_author)

    def send(name: str, data: bytes):
        response = client.post(
            f"/plans/drafts/{written_draft.pk}/spend/upload/",
            {"spend_file": SimpleUploadedFile(Path(name).stem + ".csv", data)},
        )
        assert not any(key.startswith("spend-csv-") for key in client.session.keys())
        return response

    return send


@pytest.fixture
def figures_upload(client, make_person, dorset):
    from monitoring.models import MetricValue, ValueImport
    from monitoring.services import define_metrics

    define_metrics()
    client.force_login(make_person("dorset-performance-lead", council=dorset, roles=["performance_lead"]))

    def send(name: str, data: bytes):
        response = client.post(
            "/monitoring/figures/load/", {"file": SimpleUploadedFile(Path(name).stem + ".csv", data, "text/csv")}
        )
        assert not MetricValue.objects.exists() and not ValueImport.objects.exists()
        return response

    return send


@pytest.fixture
def analysis_import(client, analyst, settings):
    from analysis.models import Document

    client.force_login(analyst)

    def send(name: str, data: bytes):
        response = client.post(
            "/analysis/import/",
            {
                "council": "E06000059",
                "return_slug": "productivity-plan-2024",
                "document": SimpleUploadedFile(name, data),
            },
        )
        assert not Document.objects.exists() and stored_files(settings) == []
        return response

    return send


ROUTES = ["word_import", "spend_upload", "figures_upload", "analysis_import"]


@pytest.mark.parametrize("route", ROUTES)
def test_every_upload_route_refuses_the_hostile_corpus_and_stores_nothing(request, route, corpus, settings):
    send = request.getfixturevalue(route)
    files_before = stored_files(settings)
    peak_before = peak_memory_bytes()
    for case, (name, _) in HOSTILE.items():
        message = refused(send(name, corpus[case]))
        assert len(message) < 2000, (case, "a message a person can read, not a dump")
    assert stored_files(settings) == files_before
    grown = peak_memory_bytes() - peak_before
    assert grown < MEMORY_ALLOWANCE_BYTES, f"the web process grew by {grown / 2**20:.0f} MB"


@pytest.mark.parametrize("route", ["word_import", "analysis_import"])
def test_a_word_zip_bomb_is_refused_by_how_far_it_expands(request, route, corpus):
    send = request.getfixturevalue(route)
    assert "expands to 200 MB" in refused(send("bomb.docx", corpus["docx-zip-bomb"]))


@pytest.mark.parametrize("route", ["word_import", "analysis_import"])
def test_hostile_opendocument_files_are_refused_each_for_what_it_is(request, route, corpus):
    send = request.getfixturevalue(route)
    assert "expands to 200 MB" in refused(send("bomb.odt", corpus["odt-zip-bomb"]))
    for case in ("odt-entity-bomb", "odt-nested-too-deep"):  # never expanded, never followed down
        assert "The OpenDocument file is damaged" in refused(send(f"{case}.odt", corpus[case])), case


def test_a_decompression_bomb_is_refused_for_the_memory_it_would_take(analysis_import, corpus):
    assert "memory allowed" in refused(analysis_import("bomb.pdf", corpus["decompression-bomb-pdf"]))


@pytest.mark.parametrize(
    ("route", "header"),
    [("spend_upload", b"date,supplier,expense type,amount"), ("figures_upload", b"ons_code,metric,period,value")],
)
def test_a_csv_that_breaks_the_reader_is_refused_not_an_error_page(request, route, header):
    """Python's csv module raises on a field past its limit; read in the web process that was a server error."""
    response = request.getfixturevalue(route)("figures.csv", endless_csv_field(header))
    refused(response)
    assert "The file could not be read" in text_of(soup(response).select_one("main"))


def test_no_api_operation_takes_a_file(client):
    schema = client.get("/api/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            content = operation.get("requestBody", {}).get("content", {})
            assert "multipart/form-data" not in content and "application/octet-stream" not in content, (path, method)
