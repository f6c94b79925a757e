"""Fail unless every app's access.py was fully covered, branches included, by the test run just made.

Tenancy is decided in access.py for the pages and the API alike (docs/decisions/0004 and 0021), so a
branch no test runs is a way into another council's work that nothing proves shut. Run after pytest
with --cov (scripts/test.sh does); it reads the .coverage file that run wrote.

NOT_YET_FULLY_COVERED may only shrink: a module on it that reaches 100% must come off, and a module
that is not on it must stay at 100%.
"""

import io
import sys
from pathlib import Path

import coverage
from coverage.exceptions import NoDataError

ROOT = Path(__file__).resolve().parents[1]
NOT_YET_FULLY_COVERED: set[str] = set()


def percent_covered(cov: coverage.Coverage, module: str) -> tuple[float, str]:
    report = io.StringIO()
    try:
        percent = cov.report(include=[str(ROOT / module)], show_missing=True, file=report)
    except NoDataError:
        return 0.0, f"{module}: never imported by the tests"
    return percent, report.getvalue()


def main() -> int:
    cov = coverage.Coverage(data_file=str(ROOT / ".coverage"), config_file=str(ROOT / "pyproject.toml"))
    cov.load()
    modules = sorted(str(path.relative_to(ROOT)) for path in ROOT.glob("*/access.py"))
    problems = []
    for module in modules:
        percent, report = percent_covered(cov, module)
        if module in NOT_YET_FULLY_COVERED and percent == 100:
            problems.append(f"{module} is fully covered now: take it off NOT_YET_FULLY_COVERED in {__file__}")
        elif module not in NOT_YET_FULLY_COVERED and percent < 100:
            problems.append(f"{module} is {percent:.1f}% covered; test the branches it misses:\n{report}")
    problems += [
        f"{module} is on NOT_YET_FULLY_COVERED but does not exist" for module in NOT_YET_FULLY_COVERED - set(modules)
    ]
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    print(f"Every access.py is fully covered, branches included ({len(modules)} modules).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
