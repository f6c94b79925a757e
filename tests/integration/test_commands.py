"""The management commands an operator uses to load reference data and repair stored status."""

import pytest
from django.core.management import CommandError, call_command

from councils.models import Council
from plans.models import Return
from submissions.models import ReturnStatus

pytestmark = pytest.mark.django_db


def test_load_councils_loads_317_and_a_second_run_changes_nothing(capsys):
    call_command("load_councils")
    assert "317 councils: 317 added, 0 updated, 0 unchanged" in capsys.readouterr().out
    call_command("load_councils")
    assert "317 councils: 0 added, 0 updated, 317 unchanged" in capsys.readouterr().out
    assert Council.objects.count() == 317


def test_load_councils_names_the_bad_row_and_loads_nothing(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "gss_code,name,authority_type,region,county_gss_code\n"
        "E06000059,Dorset,unitary,South West,\nE06000066,Somerset,parish,South West,\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="Row 3: unknown council type 'parish'"):
        call_command("load_councils", str(path))
    assert Council.objects.count() == 0


def test_load_councils_reports_a_missing_file(tmp_path):
    with pytest.raises(CommandError):
        call_command("load_councils", str(tmp_path / "missing.csv"))


def test_load_returns_defines_the_2024_return(capsys):
    call_command("load_returns")
    assert "productivity-plan-2024: 4 themes" in capsys.readouterr().out
    assert Return.objects.get(slug="productivity-plan-2024").themes.count() == 4


def test_recompute_statuses_rebuilds_a_status_that_was_lost(submitted_version, capsys):
    ReturnStatus.objects.all().delete()
    call_command("recompute_statuses")
    assert "Recomputed the status of 1 council returns" in capsys.readouterr().out
    assert ReturnStatus.objects.get().stage == "submitted"
