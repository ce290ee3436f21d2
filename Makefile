# The two commands a new machine needs: `make run` and `make test`. Both build .venv first.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: run test lint format bench loadtest messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall whenever pyproject.toml changes.
# Quiet: a newcomer's `make run` shows the demo logins and the address, not pip's progress.
PIP_QUIET := --quiet --quiet --disable-pip-version-check --no-input --progress-bar off
$(STAMP): pyproject.toml | $(BIN)/python
	@echo "Installing the app into $(VENV) (once, and again when pyproject.toml changes)..."
	@$(BIN)/python -m pip install $(PIP_QUIET) --upgrade pip
	@$(BIN)/python -m pip install $(PIP_QUIET) -e '.[dev]'
	@touch $(STAMP)

# The demo logins come from seed_demo; the address once, from runserver itself.
run: $(STAMP)
	@mkdir -p var
	@$(BIN)/python manage.py migrate --noinput --verbosity 0
	@$(BIN)/python manage.py seed_demo
	@$(BIN)/python manage.py runserver 127.0.0.1:8000

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# BENCH_ARGS, e.g. --patients 100000; DATABASE_URL picks PostgreSQL (default: var/bench.sqlite3).
BENCH_ARGS ?=
bench: $(STAMP)
	mkdir -p var
	DJANGO_SETTINGS_MODULE=perf.bench.settings $(BIN)/python -m perf.bench.run --no-pdf $(BENCH_ARGS)
	DJANGO_SETTINGS_MODULE=clinic.settings $(BIN)/python -m perf.bench.pdf_bench

# Load and PostgreSQL-restart check: gunicorn + a throwaway database; needs PostgreSQL on
# 127.0.0.1:5432 (user postgres) and pg_ctlcluster. Restarts the cluster once, mid-run.
loadtest: $(STAMP)
	$(BIN)/python -m perf.loadtest.run $(LOADTEST_ARGS)

messages: $(STAMP)
	$(BIN)/python manage.py makemessages -l fr --no-location
	$(BIN)/python manage.py compilemessages -l fr

clean:
	rm -rf $(VENV) .pytest_cache staticfiles
