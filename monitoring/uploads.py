"""Files of figures, read in the limited child process (`core.sandbox`; decision 0025).

No upload is parsed in the web process or the worker: `read_values_upload` sends the file, the register and
the catalogue to the child, which runs `parse_values_file` there (the rules are `monitoring.csvfile`'s, with
their own tests) under its memory, CPU and wall-clock limits, and turns the answer back into a
`csvfile.ReadFile`. A file the child cannot read is refused with the reason as a problem with the file as a
whole, so nothing is imported. No Django here: this module is imported by the child.
"""

import datetime
from decimal import Decimal

from core import sandbox
from monitoring.csvfile import CouncilInfo, MetricInfo, Problem, ReadFile, Row, read_values_file

PARSER = sandbox.register("monitoring.values", "monitoring.uploads:parse_values_file")


def _number(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


# --- In the child -------------------------------------------------------------------------------------


def parse_values_file(data: bytes, *, councils: dict, metrics: dict, only_council: str | None) -> dict:
    read = read_values_file(
        data,
        councils={code: CouncilInfo(*council) for code, council in councils.items()},
        metrics={
            slug: MetricInfo(m[0], m[1], m[2], tuple(m[3]), _decimal(m[4]), _decimal(m[5]))
            for slug, m in metrics.items()
        },
        only_council=only_council,
    )
    return {
        "lines": read.lines,
        "rows": [
            [r.line, r.council_id, r.metric_id, r.period, str(r.period_end), str(r.value), r.note]  # a date: YYYY-MM-DD
            for r in read.rows
        ],
        "problems": [[p.line, p.message] for p in read.problems],
    }


# --- In the web process or the worker -----------------------------------------------------------------


def read_values_upload(
    data: bytes,
    *,
    councils: dict[str, CouncilInfo],
    metrics: dict[str, MetricInfo],
    only_council: str | None = None,
) -> ReadFile:
    """`csvfile.read_values_file`, run in the limited child."""
    try:
        answer = sandbox.run_in_child(
            PARSER,
            data,
            councils={code: [c.id, c.name, c.authority_type] for code, c in councils.items()},
            metrics={
                slug: [m.id, m.slug, m.frequency, list(m.authority_types), _number(m.minimum), _number(m.maximum)]
                for slug, m in metrics.items()
            },
            only_council=only_council,
        )
    except sandbox.ChildRefused as refusal:
        return ReadFile(problems=[Problem(0, str(refusal).removesuffix(" Nothing was imported."))])
    return ReadFile(
        rows=[
            Row(line, council, metric, period, datetime.date.fromisoformat(end), Decimal(value), note)
            for line, council, metric, period, end, value, note in answer["rows"]
        ],
        problems=[Problem(line, message) for line, message in answer["problems"]],
        lines=answer["lines"],
    )
