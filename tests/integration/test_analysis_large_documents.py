"""Legal but huge documents: a file with more passages than any plan is refused on import with the reason,
and a long document's page and API answer come a page of passages at a time (decision 0025)."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from analysis.models import Document, Passage
from analysis.reading.extract import MAX_PASSAGES
from analysis.selectors import PASSAGES_PER_PAGE
from tests.integration.pages import error_summary_text, soup

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

RETURN = "productivity-plan-2024"
DORSET = "E06000059"


def paragraphs(count: int) -> bytes:
    return "\n\n".join(
        f"Paragraph {n}: the council will keep reviewing how its services are run." for n in range(1, count + 1)
    ).encode()


def import_text(tmp_path, data: bytes) -> int:
    path = tmp_path / "long.txt"
    path.write_bytes(data)
    out = io.StringIO()
    call_command("import_plan_document", "--council", DORSET, "--return", RETURN, str(path), "--json", stdout=out)
    return json.loads(out.getvalue())["document_id"]


def test_a_file_with_more_passages_than_any_plan_is_refused_and_nothing_is_stored(tmp_path, client, analyst):
    with pytest.raises(CommandError) as refused:
        import_text(tmp_path, paragraphs(MAX_PASSAGES + 1))
    assert f"a plan document has at most {MAX_PASSAGES:,}" in str(refused.value)
    assert not Document.objects.exists() and not Passage.objects.exists()

    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(analyst)
    response = client.post(
        "/analysis/import/",
        {"council": DORSET, "return_slug": RETURN, "document": SimpleUploadedFile("long.txt", paragraphs(2001))},
    )
    assert f"a plan document has at most {MAX_PASSAGES:,}" in error_summary_text(response)
    assert not Document.objects.exists()


def test_a_long_document_is_shown_a_page_of_passages_at_a_time(tmp_path, client, analyst):
    document_id = import_text(tmp_path, paragraphs(PASSAGES_PER_PAGE * 2 + 5))
    client.force_login(analyst)
    first = soup(client.get(f"/analysis/documents/{document_id}/"))
    assert len(first.select("[id^=passage-]")) == PASSAGES_PER_PAGE
    pagination = first.select_one("nav.govuk-pagination[aria-label='Pages of passages']")
    assert [a.text.strip() for a in pagination.select(".govuk-pagination__item a")] == ["1", "2", "3"]
    assert pagination.select_one(".govuk-pagination__next a")["href"] == "?page=2#passages"
    last = soup(client.get(f"/analysis/documents/{document_id}/?page=3"))
    assert len(last.select("[id^=passage-]")) == 5
    assert "Paragraph 405:" in last.select_one("main").text
    assert "Passages 401 to 405 of 405." in last.select_one("main").text
    beyond = soup(client.get(f"/analysis/documents/{document_id}/?page=99"))
    assert len(beyond.select("[id^=passage-]")) == 5, "a page past the end shows the last"


def test_the_api_gives_a_long_documents_passages_by_offset_and_limit(tmp_path, client, analyst):
    from accounts.services import issue_api_token

    document_id = import_text(tmp_path, paragraphs(650))
    headers = {"HTTP_AUTHORIZATION": f"Bearer {issue_api_token(user=analyst)}"}
    url = f"/api/v1/documents/{document_id}/analysis"
    first = client.get(url, **headers).json()
    assert (first["passage_count"], first["offset"], first["limit"], len(first["passages"])) == (650, 0, 500, 500)
    rest = client.get(f"{url}?offset=500&limit=500", **headers).json()
    assert [p["position"] for p in rest["passages"]] == list(range(501, 651))
    assert len(client.get(f"{url}?limit={MAX_PASSAGES}", **headers).json()["passages"]) == 650
    assert client.get(f"{url}?limit={MAX_PASSAGES + 1}", **headers).status_code == 422
    assert client.get(f"{url}?offset=-1", **headers).status_code == 422
