#!/usr/bin/env bash
# Run every test: unit, integration and browser (headless Chromium + axe-core).
# Extra arguments go to pytest, e.g. scripts/test.sh -k register
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python manage.py makemigrations --check --dry-run --verbosity 0 \
  || { echo "A model change has no migration: run .venv/bin/python manage.py makemigrations"; exit 1; }
.venv/bin/lint-imports --no-cache
.venv/bin/ruff check --quiet .
.venv/bin/ruff format --check --quiet . || { echo "Some files are not formatted: run .venv/bin/ruff format ."; exit 1; }
# Security lint of the apps; accepted findings are written down in pyproject.toml [tool.bandit] or as # nosec reasons.
.venv/bin/bandit --quiet -c pyproject.toml -r config core accounts councils plans governance meetings submissions \
  monitoring analysis portal api worklist
# Types of the modules that decide and write (the files listed under [tool.mypy] in pyproject.toml).
.venv/bin/mypy
# Branch coverage of the apps; the gate only moves up.
.venv/bin/python -m pytest --cov --cov-report=term:skip-covered --cov-fail-under=92 "$@"
# Tenancy is decided in access.py: every one fully covered, branches included.
exec .venv/bin/python scripts/check_access_coverage.py
