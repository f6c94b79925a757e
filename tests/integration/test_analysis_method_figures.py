"""The runs pages show the method version in use and the evaluation figures that justified it, read from the
figures the benches recorded (analysis/classify/measured.json); when those figures were measured for another
method version, the pages say they are for an earlier version."""

import pytest
from django.utils import timezone

from analysis.classify import METHOD_VERSION, evaluation
from analysis.models import AnalysisRun
from analysis.runs import services as runs
from tests.integration.pages import soup, text_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


@pytest.fixture
def measured(tmp_path, monkeypatch):
    """A figures file of the test's own, so the committed one is never read or written."""
    path = tmp_path / "measured.json"
    monkeypatch.setattr(evaluation, "MEASURED_PATH", path)
    return path


def record(version: str) -> None:
    evaluation.record_measured(
        method_version=version,
        key="passages",
        title="Passage evaluation set (184 passages)",
        measured_on="2026-12-06",
        rows=[("Themes, macro precision / recall / F1", "0.89 / 0.90 / 0.89"), ("Asks F1", "0.94")],
    )
    evaluation.record_measured(
        method_version=version,
        key="documents_train",
        title="Evaluation documents, train split (96 documents)",
        measured_on="2026-12-06",
        rows=[("Theme macro-F1", "0.91")],
    )


def figures_section(page):
    html = soup(page)
    heading = html.find("h2", id="method-figures")
    assert heading is not None, "the page has no method figures section"
    rows = {
        text_of(row.select_one(".govuk-summary-list__key")): text_of(row.select_one(".govuk-summary-list__value"))
        for row in heading.find_next("dl").select(".govuk-summary-list__row")
    }
    tables = {
        text_of(table.caption): {text_of(r.th): text_of(r.td) for r in table.select("tbody tr")}
        for table in heading.find_all_next("table")
    }
    return html, rows, tables


def test_the_runs_list_shows_the_method_in_use_and_the_figures_recorded_for_it(client, analyst, measured):
    record(METHOD_VERSION)
    client.force_login(analyst)

    html, rows, tables = figures_section(client.get("/analysis/runs/"))

    assert rows["Method in use now"] == runs.method_version()
    assert rows["Figures measured for"] == METHOD_VERSION
    assert tables["Passage evaluation set (184 passages), measured 2026-12-06"] == {
        "Themes, macro precision / recall / F1": "0.89 / 0.90 / 0.89",
        "Asks F1": "0.94",
    }
    assert tables["Evaluation documents, train split (96 documents), measured 2026-12-06"] == {"Theme macro-F1": "0.91"}
    assert html.find(id="figures-earlier-version") is None


def test_figures_for_another_method_version_are_said_to_be_for_an_earlier_version(client, analyst, measured):
    record("combined-0123456789ab")
    run = AnalysisRun.objects.create(method_version=runs.method_version(), requested_at=timezone.now(), status="done")
    client.force_login(analyst)

    for url in ("/analysis/runs/", f"/analysis/runs/{run.pk}/"):
        html, rows, tables = figures_section(client.get(url))
        assert rows["Figures measured for"] == "combined-0123456789ab"
        warning = text_of(html.find(id="figures-earlier-version"))
        assert "These figures are for an earlier version of the method (combined-0123456789ab)" in warning
        assert "Theme macro-F1" in tables["Evaluation documents, train split (96 documents), measured 2026-12-06"]


def test_a_runs_page_says_when_the_run_used_another_method_than_the_figures_describe(client, analyst, measured):
    record(METHOD_VERSION)
    old = AnalysisRun.objects.create(method_version="combined-old+figures-1", requested_at=timezone.now())
    now = AnalysisRun.objects.create(method_version=runs.method_version(), requested_at=timezone.now())
    client.force_login(analyst)

    html, rows, _ = figures_section(client.get(f"/analysis/runs/{old.pk}/"))
    assert rows["Method this run used"] == "combined-old+figures-1"
    assert "different method version" in text_of(html.find(id="figures-other-run"))
    html, _, _ = figures_section(client.get(f"/analysis/runs/{now.pk}/"))
    assert html.find(id="figures-other-run") is None and html.find(id="figures-earlier-version") is None


def test_without_recorded_figures_the_page_says_so(client, panel_member, measured):
    client.force_login(panel_member)
    html, rows, tables = figures_section(client.get("/analysis/runs/"))
    assert rows["Figures measured for"] == "No figures recorded"
    assert tables == {} or all("measured" not in caption for caption in tables)
    assert "bench/bench_classifier.py --record" in text_of(html.find(id="method-figures").find_next("p"))
