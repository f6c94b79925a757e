# The two commands a newcomer needs are `make run` and `make test`. `make help` lists the rest.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help

help: ## List the commands
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed node_modules/.installed ## Install Python and front-end dependencies

system-packages: ## Install the Debian packages PDFs need (fonts, pango); run as root
	scripts/install-system-packages.sh runtime

setup: system-packages install ## Install, migrate, load demo data and collect static files
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo_data --quiet-sign-ins
	$(PY) manage.py collectstatic --no-input --verbosity 0

# Emails and published files link to the address `make run` serves on, unless SITE_URL is set;
# the demo loaded by setup (a prerequisite) sees the same address.
run: export SITE_URL ?= http://$(HOST):$(PORT)
run: setup ## Serve the demo at http://127.0.0.1:8000 (HOST and PORT to change) with a background task worker
	scripts/run.sh $(HOST) $(PORT)

test: install ## Install what tests need (Chromium included) and run every test
	scripts/install-system-packages.sh test
	scripts/test.sh

test-fast: install ## Run the unit and integration tests only (no browser)
	$(PY) -m pytest tests/unit tests/integration

lint: install ## Ruff, formatting check, import boundaries and types (mypy)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

lock: ## Rebuild requirements.txt from requirements.in (pinned)
	python3 -m venv /tmp/lock-venv && /tmp/lock-venv/bin/pip install --quiet -r requirements.in -r requirements-test.in
	(echo "# Pinned set installed by make (runtime and tests). Rebuild with: make lock"; /tmp/lock-venv/bin/pip freeze) > requirements.txt

.PHONY: help install system-packages setup run test test-fast lint lock
