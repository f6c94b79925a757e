"""Spend figures worked out from a Transparency Code CSV; a bad file is refused whole, row by row."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile

from plans.models import SpendEvidence

pytestmark = pytest.mark.django_db

CSV = (
    "Date,Supplier,Expense Type,Amount\n"
    "01/04/2023,Temp Staffing Ltd,Agency Staff,400000\n"
    "01/05/2023,Cover Ltd,Interim Staff,230000\n"
    "2023-06-01,Advisers LLP,Consultants Fees,1728000\n"
    "2023-06-03,Office Co,Stationery,99.99\n"
)


def test_totals_from_chosen_expense_types_fill_the_spend_figures(client, written_draft, dorset_author):
    client.force_login(dorset_author)
    base = f"/plans/drafts/{written_draft.pk}/spend"
    response = client.post(f"{base}/upload/", {"spend_file": SimpleUploadedFile("spend.csv", CSV.encode())})
    assert response.status_code == 302 and response["Location"].endswith("/spend/expense-types/")
    response = client.post(
        f"{base}/expense-types/",
        {"agency_types": ["Agency Staff", "Interim Staff"], "consultant_types": ["Consultants Fees"]},
    )
    assert response.status_code == 302
    form = BeautifulSoup(client.get(f"{base}/").content, "html.parser")
    assert form.select_one("#id_agency_spend")["value"] == "630000"
    assert form.select_one("#id_consultant_spend")["value"] == "1728000"
    assert "spend.csv" in form.select_one(".govuk-inset-text").get_text()
    assert not SpendEvidence.objects.exists()  # nothing saved until the author saves the figures


def test_a_file_with_bad_rows_lists_every_row_and_nothing_is_kept(client, written_draft, dorset_author):
    client.force_login(dorset_author)
    bad = CSV + "31/02/2023,X Ltd,Agency Staff,100\n01/04/2023,Y Ltd,Agency Staff,lots\n"
    response = client.post(
        f"/plans/drafts/{written_draft.pk}/spend/upload/", {"spend_file": SimpleUploadedFile("spend.csv", bad.encode())}
    )
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert "2 problems" in page.select_one(".govuk-error-summary").get_text()
    rows = [li.get_text() for li in page.select("#row-errors li")]
    assert rows == [
        "Row 6: the date '31/02/2023' is not a date like 31/03/2024",
        "Row 7: the amount 'lots' is not a number of pounds",
    ]
    assert f"spend-csv-{written_draft.pk}" not in client.session
    assert client.get(f"/plans/drafts/{written_draft.pk}/spend/expense-types/").status_code == 302


def test_an_expense_type_cannot_count_twice_and_one_must_be_chosen(client, written_draft, dorset_author):
    client.force_login(dorset_author)
    base = f"/plans/drafts/{written_draft.pk}/spend"
    client.post(f"{base}/upload/", {"spend_file": SimpleUploadedFile("spend.csv", CSV.encode())})
    none = BeautifulSoup(client.post(f"{base}/expense-types/", {}).content, "html.parser")
    assert "Select the expense types" in none.select_one(".govuk-error-summary").get_text()
    both = client.post(
        f"{base}/expense-types/", {"agency_types": ["Agency Staff"], "consultant_types": ["Agency Staff"]}
    )
    assert "cannot be both" in BeautifulSoup(both.content, "html.parser").select_one(".govuk-error-summary").get_text()


def test_a_file_that_is_not_a_csv_is_refused(client, written_draft, dorset_author):
    client.force_login(dorset_author)
    response = client.post(
        f"/plans/drafts/{written_draft.pk}/spend/upload/", {"spend_file": SimpleUploadedFile("spend.xlsx", b"PK..")}
    )
    assert (
        "must be a CSV" in BeautifulSoup(response.content, "html.parser").select_one(".govuk-error-summary").get_text()
    )
