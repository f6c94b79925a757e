"""Spend data in the Local Government Transparency Code style (date, supplier, expense type, amount).

The council picks which expense types count as agency staff and as consultants; the totals come
from the file. A file with any bad row is refused whole, with every bad row named. An upload is read
through `plans.uploads.read_spend_upload`, which runs `read_spend_csv` in the limited child process
(decision 0025).
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

MAX_CSV_BYTES = 5 * 1024 * 1024
COLUMNS = {
    "date": ("date", "payment date", "transaction date", "date paid"),
    "supplier": ("supplier", "supplier name", "beneficiary", "vendor"),
    "expense_type": ("expense type", "expense_type", "expenditure category", "expense area", "category"),
    "amount": ("amount", "amount (£)", "net amount", "value", "amount gbp"),
}


class SpendCsvError(ValueError):
    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("; ".join(errors))


@dataclass
class SpendFile:
    rows: int = 0
    totals_by_type: dict[str, Decimal] = field(default_factory=dict)

    def total_for(self, expense_types: list[str]) -> Decimal:
        return sum((self.totals_by_type[t] for t in expense_types if t in self.totals_by_type), Decimal("0"))


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="strict")


def _parse_amount(text: str) -> Decimal:
    cleaned = text.strip().replace("£", "").replace(",", "")
    if re.fullmatch(r"\(.*\)", cleaned):  # accounting style for credits: (1,200.00)
        cleaned = "-" + cleaned[1:-1]
    value = Decimal(cleaned)
    if not value.is_finite():
        raise InvalidOperation
    return value


def _parse_date(text: str) -> datetime.date:
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def read_spend_csv(data: bytes) -> SpendFile:
    if len(data) > MAX_CSV_BYTES:
        raise SpendCsvError([f"The file must be smaller than {MAX_CSV_BYTES // (1024 * 1024)} MB"])
    try:
        text = _decode(data)
    except UnicodeDecodeError:
        raise SpendCsvError(["The file must be a CSV saved as UTF-8"]) from None
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if not header:
        raise SpendCsvError(["The file is empty"])
    names = [column.strip().lower() for column in header]
    positions = {}
    for key, aliases in COLUMNS.items():
        found = next((i for i, name in enumerate(names) if name in aliases), None)
        if found is None:
            positions[key] = None
        else:
            positions[key] = found
    missing = [COLUMNS[key][0] for key, index in positions.items() if index is None]
    if missing:
        raise SpendCsvError([f"The file has no column for {', '.join(missing)} (the first row must name the columns)"])

    result, errors = SpendFile(), []
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header):
            errors.append(f"Row {line}: has {len(row)} columns, expected {len(header)}")
            continue
        problems = []
        try:
            _parse_date(row[positions["date"]])
        except ValueError:
            problems.append(f"the date '{row[positions['date']]}' is not a date like 31/03/2024")
        expense_type = row[positions["expense_type"]].strip()
        if not expense_type:
            problems.append("the expense type is empty")
        if not row[positions["supplier"]].strip():
            problems.append("the supplier is empty")
        try:
            amount = _parse_amount(row[positions["amount"]])
        except (InvalidOperation, ValueError):
            problems.append(f"the amount '{row[positions['amount']]}' is not a number of pounds")
        if problems:
            errors.append(f"Row {line}: " + "; ".join(problems))
            continue
        result.rows += 1
        result.totals_by_type[expense_type] = result.totals_by_type.get(expense_type, Decimal("0")) + amount
    if errors:
        raise SpendCsvError(errors)
    if result.rows == 0:
        raise SpendCsvError(["The file has no rows of spend under its column names"])
    return result
