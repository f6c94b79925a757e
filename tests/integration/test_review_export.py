"""Analysts' corrections improve the method: passages whose tags a person confirmed or corrected are written
as training examples for the next method version (analysis.review.services.export_reviewed_examples and
`manage.py export_reviewed_examples`), never one that nearly repeats an evaluation passage; the file they are
written to is what the classifier trains from, so committing it changes METHOD_VERSION."""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from analysis.classify import _method_version
from analysis.classify.corpus import load, parse
from analysis.classify.evaluation import EVAL_DIR
from analysis.models import Passage
from analysis.review import services as review

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

ROOT = Path(__file__).resolve().parents[2]


def an_evaluation_passage() -> str:
    return load(sorted(EVAL_DIR.glob("*.txt"))[0])[0].passage.text


def test_confirmed_and_corrected_tags_become_training_examples_and_nothing_else(explorer_corpus, analyst, tmp_path):
    dorset1, kent1 = explorer_corpus.passages["dorset1"], explorer_corpus.passages["kent1"]
    # The analyst corrects Dorset 1's themes (1 -> 1 and 4) and confirms Kent 1's barriers are none but adds one.
    review.review_themes(passage=dorset1, theme_numbers=[1, 4], token=review.state_token(dorset1), actor=analyst)
    review.review_barriers(
        passage=kent1, category_slugs=["data-sharing"], token=review.state_token(kent1), actor=analyst
    )

    outcome = review.export_reviewed_examples(path=tmp_path / "reviewed.txt")

    assert (outcome.written, outcome.near_evaluation, outcome.changed) == (2, 0, True)
    examples = load(tmp_path / "reviewed.txt")
    by_text = {e.passage.text: e for e in examples}
    assert set(by_text) == {dorset1.text, kent1.text}, "passages only a machine tagged are not examples"
    dorset = by_text[dorset1.text]
    assert dorset.labels.themes == {1, 4}
    assert [(b.category, b.ask) for b in dorset.labels.barriers] == [("funding-certainty", "multi-year settlements")]
    assert dorset.passage.heading == "Plan" and dorset.style == "reviewed, unitary"
    kent = by_text[kent1.text]
    assert kent.labels.themes == {1, 2} and [b.category for b in kent.labels.barriers] == ["data-sharing"]


def test_a_removed_tag_is_left_out_of_the_example(explorer_corpus, analyst, tmp_path):
    dorset3 = explorer_corpus.passages["dorset3"]
    review.review_barriers(
        passage=dorset3, category_slugs=["send-high-needs"], token=review.state_token(dorset3), actor=analyst
    )
    review.export_reviewed_examples(path=tmp_path / "reviewed.txt")
    [example] = load(tmp_path / "reviewed.txt")
    assert [b.category for b in example.labels.barriers] == ["send-high-needs"]


def test_a_passage_that_nearly_repeats_an_evaluation_passage_is_never_exported(explorer_corpus, analyst, tmp_path):
    kent2 = explorer_corpus.passages["kent2"]
    Passage.objects.filter(pk=kent2.pk).update(text=an_evaluation_passage() + " Indeed.")
    kent2.refresh_from_db()
    review.review_themes(passage=kent2, theme_numbers=[4], token=review.state_token(kent2), actor=analyst)
    dorset2 = explorer_corpus.passages["dorset2"]
    review.review_themes(passage=dorset2, theme_numbers=[3], token=review.state_token(dorset2), actor=analyst)

    outcome = review.export_reviewed_examples(path=tmp_path / "reviewed.txt")

    assert (outcome.written, outcome.near_evaluation) == (1, 1)
    assert [e.passage.text for e in load(tmp_path / "reviewed.txt")] == [dorset2.text]


def test_the_export_is_deterministic_and_rewrites_the_file_only_when_reviews_change(explorer_corpus, analyst, tmp_path):
    target = tmp_path / "reviewed.txt"
    dorset1 = explorer_corpus.passages["dorset1"]
    review.review_themes(passage=dorset1, theme_numbers=[4], token=review.state_token(dorset1), actor=analyst)
    first = review.export_reviewed_examples(path=target)
    written = target.read_bytes()
    again = review.export_reviewed_examples(path=target)
    assert first.changed and not again.changed and target.read_bytes() == written
    kent1 = explorer_corpus.passages["kent1"]
    review.review_themes(passage=kent1, theme_numbers=[2], token=review.state_token(kent1), actor=analyst)
    assert review.export_reviewed_examples(path=target).changed
    assert len(parse(target.read_text(encoding="utf-8"))) == 2


def test_the_command_writes_the_file_and_checks_it(explorer_corpus, analyst, tmp_path):
    target = tmp_path / "reviewed.txt"
    dorset1 = explorer_corpus.passages["dorset1"]
    review.review_themes(passage=dorset1, theme_numbers=[1], token=review.state_token(dorset1), actor=analyst)
    with pytest.raises(CommandError, match="out of date"):
        call_command("export_reviewed_examples", "--output", str(target), "--check", stdout=StringIO())
    out = StringIO()
    call_command("export_reviewed_examples", "--output", str(target), stdout=out)
    assert "1 reviewed passage written" in out.getvalue() and "METHOD_VERSION changes" in out.getvalue()
    out = StringIO()
    call_command("export_reviewed_examples", "--output", str(target), "--check", stdout=out)
    assert "up to date (1 reviewed passages)" in out.getvalue()


def test_exported_examples_change_the_method_version_and_are_trained_on(explorer_corpus, analyst, tmp_path):
    package = tmp_path / "analysis" / "classify"
    shutil.copytree(ROOT / "analysis" / "classify", package, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "plans" / "data").mkdir(parents=True)
    shutil.copy(ROOT / "plans" / "data" / "barrier_taxonomy.csv", tmp_path / "plans" / "data")
    (package / "data" / "training" / "reviewed.txt").unlink(missing_ok=True)
    before = _method_version(package)
    dorset1 = explorer_corpus.passages["dorset1"]
    review.review_themes(passage=dorset1, theme_numbers=[4], token=review.state_token(dorset1), actor=analyst)

    review.export_reviewed_examples(path=package / "data" / "training" / "reviewed.txt")

    assert _method_version(package) != before
    from analysis.classify.corpus import load_dir

    trained_on = load_dir(package / "data" / "training")
    assert any(e.passage.text == dorset1.text and e.labels.themes == {4} for e in trained_on)
