"""Spend files in the Transparency Code style give totals by expense type, or every bad row."""

from decimal import Decimal

import pytest

from plans.spend_csv import SpendCsvError, read_spend_csv

GOOD = (
    "Date,Supplier,Expense Type,Amount\n"
    '01/04/2023,Temp Staffing Ltd,Agency Staff,"£100,000.00"\n'
    "15/05/2023,Temp Staffing Ltd,Agency Staff,30000\n"
    '2023-06-01,Advisers LLP,Consultants Fees,"1,728,000"\n'
    "2023-06-02,Advisers LLP,Consultants Fees,(500.00)\n"
    "2023-06-03,Office Co,Stationery,99.99\n"
)


def test_totals_are_summed_by_expense_type_including_credit_notes():
    spend = read_spend_csv(GOOD.encode())
    assert spend.rows == 5
    assert spend.totals_by_type == {
        "Agency Staff": Decimal("130000.00"),
        "Consultants Fees": Decimal("1727500.00"),
        "Stationery": Decimal("99.99"),
    }
    assert spend.total_for(["Agency Staff", "Stationery"]) == Decimal("130099.99")


def test_every_bad_row_is_named_and_nothing_is_returned():
    data = (
        "Date,Supplier,Expense Type,Amount\n"
        "01/04/2023,Temp Staffing Ltd,Agency Staff,100\n"
        "31/02/2023,Temp Staffing Ltd,Agency Staff,100\n"
        "01/04/2023,,Agency Staff,lots\n"
        "01/04/2023,Advisers\n"
    )
    with pytest.raises(SpendCsvError) as refused:
        read_spend_csv(data.encode())
    assert refused.value.errors == [
        "Row 3: the date '31/02/2023' is not a date like 31/03/2024",
        "Row 4: the supplier is empty; the amount 'lots' is not a number of pounds",
        "Row 5: has 2 columns, expected 4",
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty"),
        (b"When,Who,What\n1,2,3\n", "no column for date, supplier, expense type, amount"),
        (b"Date,Supplier,Expense Type,Amount\n", "no rows of spend"),
        (b"x" * (5 * 1024 * 1024 + 1), "smaller than 5 MB"),
    ],
)
def test_files_that_cannot_be_used_say_why(data, message):
    with pytest.raises(SpendCsvError, match=message):
        read_spend_csv(data)


def test_a_file_saved_from_excel_with_a_byte_order_mark_or_windows_encoding_is_read():
    assert read_spend_csv(("\ufeff" + GOOD).encode("utf-8")).rows == 5
    assert read_spend_csv(GOOD.encode("cp1252")).rows == 5
