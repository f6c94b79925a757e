"""Imports never replace silently: when the council already has a document for the return, the preview says
which (imported when, by whom) and the analyst chooses to replace it or to add this one as another document.
Nothing is replaced without that choice; a replace is audited with what it replaced; "add another" keeps both
documents counted, with the council counted once. The council is found by name or ONS code, and every bad
input is refused with what to type and changes nothing. The command line asks the same (--replace / --add).
"""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from analysis import services
from analysis.explorer import selectors as explorer
from analysis.models import Document, Passage
from analysis.runs import services as runs
from analysis.summaries import services as summary
from core.models import AuditEvent
from councils.selectors import council_by_code
from devdata.analysis_demo import generate_plan, html_bytes, text_bytes
from plans.selectors import barrier_categories, return_by_slug
from tests.integration.pages import banners, error_summary_links, error_summary_text, h1, soup, text_of, title
from tests.integration.state import snapshot
from tests.integration.test_analysis_import import stored_files

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

RETURN = "productivity-plan-2024"
DORSET = "E06000059"
SOMERSET = "E06000066"


def command(tmp_path, name: str, data: bytes, *options, council: str = DORSET) -> dict:
    path = tmp_path / name
    path.write_bytes(data)
    out = io.StringIO()
    call_command(
        "import_plan_document", "--council", council, "--return", RETURN, str(path), "--json", *options, stdout=out
    )
    return json.loads(out.getvalue())


def upload(client, name: str, data: bytes, council: str = DORSET):
    return client.post(
        "/analysis/import/",
        {"council": council, "return_slug": RETURN, "document": SimpleUploadedFile(name, data)},
    )


def confirm(client, preview, **fields):
    page = soup(preview)
    data = {
        "token": page.select_one("input[name=token]")["value"],
        "seen": page.select_one("input[name=seen]")["value"],
        "action": "confirm",
    }
    return client.post("/analysis/import/confirm/", data | fields)


@pytest.fixture
def first(tmp_path, analyst):
    """Dorset's plan, imported by the analyst from the command line."""
    path = tmp_path / "dorset-plan.txt"
    path.write_bytes(text_bytes(generate_plan("Dorset", seed=1)))
    out = io.StringIO()
    call_command(
        "import_plan_document", "--council", DORSET, "--return", RETURN, str(path), "--json", "--as", analyst.username,
        stdout=out,
    )  # fmt: skip
    return Document.objects.get(pk=json.loads(out.getvalue())["document_id"])


ANNEX = generate_plan("Dorset", seed=2)


# --- The preview says so, and nothing happens without a choice -----------------------------------------


def test_the_preview_names_the_councils_document_and_confirming_without_a_choice_changes_nothing(
    client, settings, analyst, first
):
    client.force_login(analyst)
    preview = upload(client, "dorset-annex.html", html_bytes(ANNEX), council="dorset council")
    assert preview.status_code == 200 and h1(preview) == "Check the plan document"
    page = soup(preview)
    warning = text_of(page.select_one(".govuk-warning-text"))
    assert "Dorset already has a document for Productivity plan 2024" in warning
    row = [text_of(td) for td in page.select_one("#council-already-has + table tbody tr").select("td")]
    assert row[0] == f"{first.title} dorset-plan.txt"
    assert row[1] == f"{first.imported_at.day} {first.imported_at:%B %Y}"
    assert row[2] == analyst.get_full_name()
    labels = [text_of(label) for label in page.select('label[for^="id_existing_"]')]
    assert labels == ["Replace it with this one", "Add this one as another document"]
    assert not Document.objects.exclude(pk=first.pk).exists(), "nothing is added at the preview"

    before, files = snapshot(), stored_files(settings)
    refused = confirm(client, preview)
    assert refused.status_code == 200 and title(refused).startswith("Error: ")
    assert (
        error_summary_text(refused)
        == "There is a problem Select whether to replace it or add this one as another document"
    )
    assert error_summary_links(refused) == ["#id_existing_0"]
    assert snapshot() == before and stored_files(settings) == files, "no choice, no change"
    first.refresh_from_db()
    assert first.is_current and Document.objects.count() == 1


def test_add_another_keeps_both_documents_counted_and_audits_what_it_joined(client, analyst, first):
    client.force_login(analyst)
    preview = upload(client, "dorset-annex.html", html_bytes(ANNEX), council="Dorset")
    added = confirm(client, preview, existing="add")
    second = Document.objects.exclude(pk=first.pk).get()
    assert added.status_code == 302 and added["Location"] == f"/analysis/documents/{second.pk}/"
    first.refresh_from_db()
    assert first.is_current and second.is_current, "both are the council's documents now"
    assert first.passages.count() > 0 and second.passages.count() > 0
    assert "as another document, beside “" + first.title + "”" in banners(client.get(added["Location"]))
    event = AuditEvent.objects.filter(action="PlanDocumentImported", subject_id=str(second.pk)).get()
    assert event.data["existing"] == "add" and event.data["replaced"] == []
    assert [d["document"] for d in event.data["added_beside"]] == [first.pk]
    listing = text_of(soup(client.get("/analysis/documents/?q=Dorset")).select_one("table"))
    assert "Replaced" not in listing


def test_replace_keeps_the_earlier_document_marked_replaced_and_audits_what_was_replaced(client, analyst, first):
    passages = first.passages.count()
    client.force_login(analyst)
    preview = upload(client, "dorset-new.html", html_bytes(ANNEX), council=DORSET)
    replaced = confirm(client, preview, existing="replace")
    assert replaced.status_code == 302
    second = Document.objects.exclude(pk=first.pk).get()
    first.refresh_from_db()
    assert (first.is_current, second.is_current) == (False, True)
    assert first.passages.count() == passages, "the replaced document is kept whole"
    event = AuditEvent.objects.filter(action="PlanDocumentImported", subject_id=str(second.pk)).get()
    assert event.data["existing"] == "replace"
    (was,) = event.data["replaced"]
    assert (was["document"], was["title"], was["filename"]) == (first.pk, first.title, "dorset-plan.txt")
    assert was["imported_by"] == analyst.get_full_name() and was["file_sha256"] == first.file_sha256
    assert f"It replaces “{first.title}”" in banners(client.get(replaced["Location"]))
    listing = soup(client.get("/analysis/documents/?q=Dorset")).select("tbody tr")
    tagged = {text_of(row.select("td")[1]) for row in listing if "Replaced" in text_of(row)}
    assert len(tagged) == 1


def test_a_choice_made_about_other_documents_than_are_there_now_is_refused(client, analyst, first, tmp_path):
    """Another analyst adds a document between the preview and the choice: the choice, made about the first
    document only, is refused; the preview is shown again listing both, and nothing changed."""
    client.force_login(analyst)
    preview = upload(client, "dorset-new.html", html_bytes(ANNEX))
    meanwhile = command(tmp_path, "other.txt", text_bytes(generate_plan("Dorset", seed=9)), "--add")["document_id"]
    before = snapshot()
    refused = confirm(client, preview, existing="replace")
    assert refused.status_code == 200
    assert error_summary_text(refused) == (
        "There is a problem Dorset's documents for Productivity plan 2024 have changed since the preview. "
        "Nothing was added: check them below and choose again."
    )
    assert snapshot() == before
    assert set(Document.objects.filter(is_current=True).values_list("pk", flat=True)) == {first.pk, meanwhile}
    page = soup(refused)
    assert len(page.select("#council-already-has + table tbody tr")) == 2
    assert "Replace them with this one" in text_of(page.select_one('label[for="id_existing_0"]'))
    # Choosing again, about the documents now shown, works.
    assert confirm(client, refused, existing="add").status_code == 302
    assert Document.objects.filter(is_current=True).count() == 3


def test_a_document_arriving_after_a_preview_that_showed_none_is_not_replaced_unasked(client, analyst, tmp_path):
    client.force_login(analyst)
    preview = upload(client, "dorset.html", html_bytes(ANNEX))
    assert "has no other document" in text_of(soup(preview).select_one("main"))
    command(tmp_path, "dorset.txt", text_bytes(generate_plan("Dorset", seed=1)))
    before = snapshot()
    refused = confirm(client, preview)
    assert refused.status_code == 200 and error_summary_text(refused).endswith("check them below and choose again.")
    assert "Select whether" not in error_summary_text(refused)
    assert snapshot() == before and Document.objects.count() == 1


def test_the_same_file_again_is_said_to_be_there_already_and_adds_nothing(client, analyst, first):
    client.force_login(analyst)
    passages = first.passages.count()
    data = text_bytes(generate_plan("Dorset", seed=1))  # the bytes the fixture imported
    preview = upload(client, "again.txt", data)
    page = soup(preview)
    assert "This file is already in the corpus for Dorset" in text_of(page.select_one("#already-in-the-corpus"))
    assert not page.select('input[name="existing"]')
    before = snapshot()
    response = confirm(client, preview)
    assert response.status_code == 302 and response["Location"] == f"/analysis/documents/{first.pk}/"
    assert "Nothing was added" in banners(client.get(response["Location"]))
    assert snapshot() == before and first.passages.count() == passages


# --- The council by name or code ------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["Dorset", "dorset council", "DORSET COUNCIL", "E06000059", " e06000059 "])
def test_the_council_is_found_by_name_or_ons_code(client, analyst, typed):
    client.force_login(analyst)
    preview = upload(client, "dorset.txt", text_bytes(ANNEX), council=typed)
    assert preview.status_code == 200, error_summary_text(preview)
    assert text_of(soup(preview).select_one(".govuk-caption-l")).startswith("Dorset (E06000059)")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Newcastle", ["“Newcastle” could be more than one council. Enter ", "Newcastle upon Tyne (E08000021)",
                       "Newcastle-under-Lyme (E07000195)"]),
        ("Dorest", ["There is no council called “Dorest”. Did you mean Dorset (E06000059)?"]),
        ("Gotham", ["There is no council called “Gotham”. Enter the council's name", "for example E06000059"]),
        ("E99999999", ["There is no council with the ONS code E99999999"]),
        ("North", ["councils' names contain “North”. Enter more of the name"]),
        ("", ["Enter the council's name or ONS code"]),
    ],
)  # fmt: skip
def test_an_ambiguous_or_unknown_council_is_refused_with_what_to_type(client, settings, analyst, typed, expected):
    client.force_login(analyst)
    before = snapshot()
    response = upload(client, "plan.txt", text_bytes(ANNEX), council=typed)
    assert response.status_code == 200 and h1(response) == "Import a plan document"
    assert error_summary_links(response) == ["#id_council"]
    for words in expected:
        assert words in error_summary_text(response)
    assert snapshot() == before and stored_files(settings) == []


# --- Counting two documents for one council -------------------------------------------------------------


def test_two_documents_for_one_council_count_the_council_once_and_every_passage(client, analyst, first, tmp_path):
    """Dorset has a plan and an annex; Somerset a plan. The explorer's scope is two councils; each theme is
    spoken to by at most two councils, with the passages of both Dorset documents; the passages behind a
    count come from both; the panel summary cites each document and counts Dorset once."""
    command(tmp_path, "annex.html", html_bytes(ANNEX), "--add")
    command(tmp_path, "somerset.txt", text_bytes(generate_plan("Somerset", seed=3)), council=SOMERSET)
    runs.run_corpus_analysis_now(actor=None)
    plan_return = return_by_slug(RETURN)
    dorset = council_by_code(DORSET)
    filters = explorer.Filters(plan_return)
    assert explorer.scope(filters).councils == 2
    documents = {d.pk: d for d in Document.objects.filter(council=dorset)}
    assert len(documents) == 2 and all(d.is_current for d in documents.values())

    themes = explorer.theme_counts(filters, plan_return.themes.order_by("number"))
    for row in themes:
        tags = explorer.evidence_tags(filters, explorer.Question(theme=int(row.key)))
        assert row.councils == len({t.document.council_id for t in tags}) <= 2
        assert row.passages == tags.values("passage_id").distinct().count()
    theme_1 = explorer.evidence_tags(filters, explorer.Question(theme=1))
    assert {t.document_id for t in theme_1 if t.document.council_id == dorset.pk} == set(documents)
    assert [c["name"] for c in explorer.councils_behind(theme_1)] == ["Dorset", "Somerset"]
    for kind in explorer.figure_kind_counts(filters):
        assert kind["councils"] <= 2

    client.force_login(analyst)
    page = soup(client.get(f"/analysis/explorer/passages/?return={RETURN}&theme=1"))
    shown = text_of(page.select_one("main"))
    assert all(d.title in shown for d in documents.values()), "the passages page names each Dorset document"

    made = summary.panel_summary(filters, themes=plan_return.themes.order_by("number"), categories=barrier_categories())
    for statement in made.themes + made.barriers:
        cited = {c.gss_code for c in statement.cited}
        assert statement.councils == len(cited), "each council cited counts once"
    (statement,) = [s for s in made.themes if s.key == "1"]
    assert {c.document_title for c in statement.cited if c.gss_code == DORSET} == {d.title for d in documents.values()}
    assert statement.several_documents == {DORSET}
    printed = summary.summary_html(made, for_print=True)
    assert all(f"Dorset</strong> (E06000059), {d.title}:" in printed for d in documents.values())
    csv_text = client.get(f"/analysis/explorer/summary.csv?return={RETURN}").content.decode()
    assert all(d.title in csv_text for d in documents.values())
    assert Passage.objects.filter(document__council=dorset).count() == sum(
        d.passages.count() for d in documents.values()
    )


# --- The command line asks the same ---------------------------------------------------------------------


def test_the_command_refuses_to_replace_unless_told_and_says_which(tmp_path, settings, first):
    before, files = snapshot(), stored_files(settings)
    with pytest.raises(CommandError) as refused:
        command(tmp_path, "new.html", html_bytes(ANNEX))
    message = str(refused.value)
    assert f"Dorset already has a document for Productivity plan 2024: “{first.title}”" in message
    assert "--replace" in message and "--add" in message
    assert snapshot() == before and stored_files(settings) == files

    added = command(tmp_path, "annex.html", html_bytes(ANNEX), "--add")
    assert added["added_beside"] == [first.pk]
    replaced = command(tmp_path, "new.txt", text_bytes(generate_plan("Dorset", seed=5)), "--replace")
    assert sorted(replaced["replaced"]) == sorted([first.pk, added["document_id"]])
    assert list(Document.objects.filter(is_current=True).values_list("pk", flat=True)) == [replaced["document_id"]]
    event = AuditEvent.objects.filter(action="PlanDocumentImported").order_by("id").last()
    assert {d["document"] for d in event.data["replaced"]} == {first.pk, added["document_id"]}


def test_the_command_finds_the_council_by_name_and_refuses_an_ambiguous_one(tmp_path):
    assert command(tmp_path, "plan.txt", text_bytes(ANNEX), council="Dorset Council")["document_id"]
    with pytest.raises(CommandError) as refused:
        command(tmp_path, "plan.txt", text_bytes(ANNEX), council="Newcastle")
    assert "does not name one council" in str(refused.value) and "Newcastle upon Tyne (E08000021)" in str(refused.value)


def test_a_folder_import_skips_a_council_that_already_has_a_document_unless_told(tmp_path, first):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "E06000059-annex.html").write_bytes(html_bytes(ANNEX))
    (folder / "E06000066-somerset.txt").write_bytes(text_bytes(generate_plan("Somerset", seed=3)))
    out = io.StringIO()
    call_command("import_plan_document", "--return", RETURN, "--folder", str(folder), "--json", stdout=out)
    result = json.loads(out.getvalue())
    assert len(result["document_ids"]) == 1
    (problem,) = result["refused"]
    assert problem["file"] == "E06000059-annex.html" and "--replace" in problem["reason"]
    assert Document.objects.filter(council__gss_code=DORSET).count() == 1
    out = io.StringIO()
    call_command("import_plan_document", "--return", RETURN, "--folder", str(folder), "--add", "--json", stdout=out)
    assert Document.objects.filter(council__gss_code=DORSET, is_current=True).count() == 2


# --- The service, for callers other than the pages ------------------------------------------------------


def test_the_service_accepts_only_replace_or_add(dorset, plan_return, first):
    with pytest.raises(services.ImportRefused, match="Choose whether to replace"):
        services.import_document(
            council=dorset, return_definition=plan_return, filename="x.txt", data=b"Other words.\n", actor=None,
            existing="overwrite",
        )  # fmt: skip
    assert Document.objects.count() == 1


@pytest.mark.parametrize("newer", ["version", "import"])
def test_a_plan_version_from_the_service_replaces_only_older_documents(dorset, plan_return, frozen_version, newer):
    """A plan the council wrote in the service replaces its current documents when it is the newest; an import
    made after it stays current, and the version joins the corpus as an earlier plan."""
    import datetime

    step = datetime.timedelta(days=1) * (1 if newer == "import" else -1)
    imported = services.import_document(
        council=dorset, return_definition=plan_return, filename="plan.txt", data=text_bytes(ANNEX), actor=None,
        analyse=False, at=frozen_version.frozen_at + step,
    )  # fmt: skip
    version_document = services.add_service_version(version=frozen_version)
    imported.refresh_from_db()
    version_document.refresh_from_db()
    event = AuditEvent.objects.get(action="PlanVersionAddedToCorpus")
    if newer == "version":
        assert (imported.is_current, version_document.is_current) == (False, True)
        assert [d["document"] for d in event.data["replaced"]] == [imported.pk]
    else:
        assert (imported.is_current, version_document.is_current) == (True, False)
        assert event.data["replaced"] == []


def test_a_name_two_councils_share_is_refused_with_both(dorset):
    """No two councils in the register share a name; if one ever did, neither is guessed."""
    from councils.models import Council
    from councils.selectors import find_council

    Council.objects.create(gss_code="E06999999", name="Dorset", authority_type="unitary", region="South West")
    found = find_council("Dorset Council")
    assert found.council is None and sorted(c.gss_code for c in found.candidates) == ["E06000059", "E06999999"]
    assert find_council(" – ").council is None and find_council(" – ").candidates == []
