"""Reading a file of figures: CSV in long form, one figure a row, `ons_code,metric,period,value[,note]`.

`read_values_file` checks every row and returns the rows it read and a problem for each row it could not
use; the import service imports nothing unless there are no problems. No database here: the register and
the catalogue are passed in, so the rules are tested on their own.
"""

import csv
import functools
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from monitoring.periods import PeriodError, parse_period

REQUIRED = ("ons_code", "metric", "period", "value")
OPTIONAL = ("note",)
NOTE_LIMIT = 2000
PLACES = Decimal("0.0001")
TYPE_WORDS = {
    "county": "county councils",
    "district": "district councils",
    "unitary": "unitary authorities",
    "metropolitan_district": "metropolitan districts",
    "london_borough": "London boroughs",
    "city_of_london": "the City of London",
    "isles_of_scilly": "the Isles of Scilly",
}


@dataclass(frozen=True)
class CouncilInfo:
    id: int
    name: str
    authority_type: str


@dataclass(frozen=True)
class MetricInfo:
    id: int
    slug: str
    frequency: str
    authority_types: tuple[str, ...]
    minimum: Decimal | None
    maximum: Decimal | None


@dataclass(frozen=True)
class Row:
    line: int
    council_id: int
    metric_id: int
    period: str
    period_end: object
    value: Decimal
    note: str


@dataclass(frozen=True)
class Problem:
    line: int  # 0 for the file as a whole
    message: str

    def describe(self) -> str:
        return f"Row {self.line}: {self.message}" if self.line else self.message


@dataclass
class ReadFile:
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    lines: int = 0  # rows of figures in the file, good or bad


@functools.lru_cache(maxsize=4096)
def _period(text: str, frequency: str):
    return parse_period(text, frequency=frequency)


def _value(text: str, metric: MetricInfo) -> Decimal:
    cleaned = text.strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        hint = " (write numbers without commas, units or % signs, e.g. 54.5)" if cleaned else ""
        raise ValueError(f"value '{cleaned}' is not a number{hint}" if cleaned else "value is missing")
    value = value.quantize(PLACES)
    if metric.minimum is not None and value < metric.minimum:
        raise ValueError(f"value {cleaned} is below the lowest this metric can be ({metric.minimum.normalize():f})")
    if metric.maximum is not None and value > metric.maximum:
        raise ValueError(f"value {cleaned} is above the highest this metric can be ({metric.maximum.normalize():f})")
    return value


def read_values_file(
    data: bytes,
    *,
    councils: dict[str, CouncilInfo],
    metrics: dict[str, MetricInfo],
    only_council: str | None = None,
) -> ReadFile:
    """Every row read, and a problem for each bad one. `only_council` (an ONS code) refuses rows for any
    other council: a council's officers load their own council's figures."""
    result = ReadFile()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        result.problems.append(Problem(0, "The file is not UTF-8 text. Save it as 'CSV UTF-8' and try again."))
        return result
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    names = [name.strip().lower() for name in header or []]
    missing = [name for name in REQUIRED if name not in names]
    unknown = [name for name in names if name not in REQUIRED + OPTIONAL]
    if header is None or missing or unknown or len(set(names)) != len(names):
        expected = ",".join(REQUIRED) + "[,note]"
        result.problems.append(
            Problem(
                0,
                f"The first row must name the columns {expected}; this file's first row is '{','.join(header or [])}'.",
            )
        )
        return result
    where = {name: names.index(name) for name in names}
    seen: dict[tuple, int] = {}
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        result.lines += 1
        if len(cells) != len(names):
            result.problems.append(Problem(number, f"has {len(cells)} cells, not {len(names)} like the first row"))
            continue
        code = cells[where["ons_code"]].strip().upper()
        slug = cells[where["metric"]].strip().lower()
        council = councils.get(code)
        metric = metrics.get(slug)
        found = []
        if council is None:
            found.append(f"ONS code '{code}' is not a council in the register" if code else "ONS code is missing")
        elif only_council and code != only_council:
            found.append(f"{council.name} ({code}) is another council; you can load figures for your own council only")
        if metric is None:
            found.append(f"metric '{slug}' is not in the catalogue" if slug else "metric is missing")
        elif council is not None and council.authority_type not in metric.authority_types:
            found.append(f"metric '{slug}' does not apply to {TYPE_WORDS.get(council.authority_type, 'this council')}")
        period = value = None
        if metric is not None:
            try:
                period = _period(cells[where["period"]], metric.frequency)
            except PeriodError as error:
                found.append(str(error))
            try:
                value = _value(cells[where["value"]], metric)
            except ValueError as error:
                found.append(str(error))
        note = cells[where["note"]].strip() if "note" in where else ""
        if len(note) > NOTE_LIMIT:
            found.append(f"note is {len(note):,} characters long; the most is {NOTE_LIMIT:,}")
        if not found and council and metric and period:
            key = (council.id, metric.id, period.text)
            if key in seen:
                found.append(f"repeats row {seen[key]} (the same council, metric and period)")
            else:
                seen[key] = number
        if found:
            result.problems.append(Problem(number, "; ".join(found)))
            continue
        result.rows.append(Row(number, council.id, metric.id, period.text, period.end, value, note))
    if not result.lines and not result.problems:
        result.problems.append(Problem(0, "The file has no rows of figures under its first row."))
    return result
