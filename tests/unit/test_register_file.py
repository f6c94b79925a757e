"""The register of councils the service ships, and the checks made on any register file."""

import collections
import csv

import pytest
from django.conf import settings

from councils.services import RegisterFileError, load_council_register

HEADER = "gss_code,name,authority_type,region,county_gss_code\n"


def test_the_shipped_register_holds_all_317_english_councils_by_type():
    with open(settings.COUNCILS_CSV, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 317
    assert collections.Counter(row["authority_type"] for row in rows) == {
        "county": 21,
        "district": 164,
        "unitary": 62,
        "metropolitan_district": 36,
        "london_borough": 32,
        "city_of_london": 1,
        "isles_of_scilly": 1,
    }
    by_code = {row["gss_code"]: row for row in rows}
    assert by_code["E06000059"]["name"] == "Dorset"
    assert by_code["E06000066"]["name"] == "Somerset"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("E0600005,Short,unitary,South West,\n", "Row 2: 'E0600005' is not a nine-character English ONS code"),
        ("E06000059,Dorset,parish,South West,\n", "Row 2: unknown council type 'parish'"),
        ("E06000059,Dorset,unitary,Wessex,\n", "Row 2: unknown region 'Wessex'"),
        ("E07000001,Town,district,South West,E10000099\n", "Row 2: district E07000001 names county 'E10000099'"),
        ("E06000059,Dorset,unitary,South West,E10000001\n", "Row 2: only districts have a county"),
        (
            "E06000059,Dorset,unitary,South West,\nE06000059,Dorset,unitary,South West,\n",
            "lists E06000059 more than once",
        ),
    ],
)
def test_a_bad_register_row_is_named_and_refused_before_anything_is_written(tmp_path, body, message):
    path = tmp_path / "councils.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    # No database access is allowed in this layer: refusing before any write proves nothing was written.
    with pytest.raises(RegisterFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_council_register(path=path)


def test_a_register_file_without_the_expected_columns_is_refused(tmp_path):
    path = tmp_path / "councils.csv"
    path.write_text("code,name\nE06000059,Dorset\n", encoding="utf-8")
    with pytest.raises(RegisterFileError, match="no column called authority_type, county_gss_code, gss_code, region"):
        load_council_register(path=path)
