"""The checks an import makes of every file use plain statements (analysis.selectors._document_ids,
analysis.services.lock_row) and rows made without model instances (unsaved_row): they find what the ORM's queries
found, and refuse what they refused."""

import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from analysis import selectors, services
from analysis.management.commands.import_plan_document import _councils
from analysis.models import Document, Figure, Passage, PassageBarrier, PassageTheme
from analysis.reading.extract import Extracted, split_plain_text
from councils.models import Council
from devdata.analysis_demo import generate_plan, text_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def extracted(text: str) -> Extracted:
    return Extracted("text", None, text.split("\n")[0], split_plain_text(text))


def import_read(council, plan_return, seed: int, **choice) -> Document:
    """An import of a file already read, as a folder import makes it: the council's documents are checked once,
    under the council's lock."""
    data = text_bytes(generate_plan(council.name, seed=seed))
    return services.import_document(
        council=council, return_definition=plan_return, filename=f"plan-{seed}.txt", data=data, actor=None,
        extracted=extracted(data.decode()), analyse=False, **choice,
    )  # fmt: skip


def test_a_second_document_read_beforehand_is_refused_without_a_choice_and_with_a_stale_one(dorset, plan_return):
    first = import_read(dorset, plan_return, seed=1)
    with pytest.raises(services.ChoiceNeeded) as refused:
        import_read(dorset, plan_return, seed=2)
    assert refused.value.documents == [first]
    with pytest.raises(services.DocumentsChanged):
        import_read(dorset, plan_return, seed=2, existing=services.ADD, seen=[])
    assert list(Document.objects.values_list("pk", flat=True)) == [first.pk]
    added = import_read(dorset, plan_return, seed=2, existing=services.ADD, seen=[first.pk])
    assert import_read(dorset, plan_return, seed=2) == added, "the same file again is the document already there"


def test_the_plain_checks_find_what_the_orm_finds(dorset, somerset, plan_return):
    first = import_read(dorset, plan_return, seed=1)
    second = import_read(dorset, plan_return, seed=2, existing=services.ADD)
    third = import_read(dorset, plan_return, seed=3, existing=services.REPLACE)
    import_read(somerset, plan_return, seed=4)
    Document.objects.filter(pk=third.pk).update(imported_at=first.imported_at)  # equal times: then by id
    Document.objects.filter(pk__in=[first.pk, second.pk]).update(is_current=True)
    for council in (dorset, somerset):
        ids = selectors.current_document_ids(council=council, return_definition=plan_return)
        assert ids == [d.pk for d in selectors.current_documents(council=council, return_definition=plan_return)]
    assert selectors.current_document_ids(council=dorset, return_definition=plan_return) == [
        first.pk,
        third.pk,
        second.pk,
    ]
    assert (
        selectors.document_id_with_file(council=dorset, return_definition=plan_return, file_sha256=second.file_sha256)
        == second.pk
    )
    assert (
        selectors.document_id_with_file(council=somerset, return_definition=plan_return, file_sha256=second.file_sha256)
        is None
    )


def test_the_council_is_locked_as_select_for_update_locks_it_on_this_database(dorset):
    with CaptureQueriesContext(connection) as orm, transaction.atomic():
        list(Council.objects.select_for_update().filter(pk=dorset.pk).values_list("pk", flat=True))
    with CaptureQueriesContext(connection) as ours, transaction.atomic():
        services.lock_row(Council, dorset.pk)
    (orm_select,) = [q["sql"] for q in orm.captured_queries if q["sql"].startswith("SELECT")]  # not the savepoints
    (our_select,) = [q["sql"] for q in ours.captured_queries if q["sql"].startswith("SELECT")]
    locks = "FOR UPDATE" in orm_select
    assert ("FOR UPDATE" in our_select) == locks == connection.features.has_select_for_update


def test_the_lock_statement_holds_the_row_where_the_database_has_row_locks_and_reads_it_where_not():
    quoted = connection.ops.quote_name
    where = f"FROM {quoted(Council._meta.db_table)} WHERE {quoted(Council._meta.pk.column)} = %s"
    assert services.lock_statement(Council, row_locks=True).endswith(f"{where} {connection.ops.for_update_sql()}")
    assert services.lock_statement(Council, row_locks=False).endswith(where)


@pytest.mark.parametrize("model", [Passage, PassageTheme, PassageBarrier, Figure])
def test_an_unsaved_row_holds_what_the_model_instance_holds(model):
    given = {"document_id": 7, "source": "machine"} if model is not Passage else {"document_id": 7, "text": "Words."}
    if model is Figure:
        given |= {"value": Decimal("1.5"), "kind": "agency_spend"}
    row, instance = services.unsaved_row(model, **given), model(**given)
    columns = [field.attname for field in model._meta.concrete_fields if not field.primary_key]
    assert vars(row) == {name: getattr(instance, name) for name in columns}


def test_a_folder_finds_its_councils_with_one_query(dorset, somerset, django_assert_num_queries):
    with django_assert_num_queries(1):
        found = _councils({"E06000059", "e06000066", "E99999999"})
    assert found == {"E06000059": dorset, "e06000066": somerset, "E99999999": None}
    assert found["E06000059"].county_id == dorset.county_id


def test_a_folder_import_refuses_a_code_the_register_does_not_hold(tmp_path, dorset, plan_return):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "E06000059-dorset.txt").write_bytes(text_bytes(generate_plan("Dorset", seed=1)))
    (folder / "E99999999-nowhere.txt").write_bytes(text_bytes(generate_plan("Nowhere", seed=2)))
    out = io.StringIO()
    call_command(
        "import_plan_document", "--return", plan_return.slug, "--folder", str(folder), "--json", "--no-analysis",
        "--workers", "1", stdout=out,
    )  # fmt: skip
    result = json.loads(out.getvalue())
    assert [d.council for d in Document.objects.filter(pk__in=result["document_ids"])] == [dorset]
    (problem,) = result["refused"]
    assert problem["file"] == "E99999999-nowhere.txt" and "No council with the ONS code" in problem["reason"]
