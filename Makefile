# Waymark: `make run` serves it locally, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format check-content messages serve-production bench clean

$(VENV)/installed: requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Waymark needs Python 3.11 or newer; found " + sys.version.split()[0] + ". Run: make PYTHON=python3.11 ...")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $@

node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: accessibility checks will be skipped (CI installs it)."; fi

run: $(VENV)/installed
	$(PY) manage.py migrate --verbosity 0
	$(PY) manage.py check_content
	$(PY) manage.py compilemessages --verbosity 0 --ignore=.venv --ignore=node_modules
	DEBUG=true $(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/installed node_modules/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py compilemessages --verbosity 0 --ignore=.venv --ignore=node_modules
	$(PY) manage.py check_content
	$(VENV)/bin/pytest -n 2 --dist loadfile -q $(PYTEST_ARGS)

lint: $(VENV)/installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check-content: $(VENV)/installed
	$(PY) manage.py check_content

messages: $(VENV)/installed
	$(PY) manage.py makemessages --all --no-location --ignore=.venv --ignore=node_modules --ignore=var
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules

# Production-like server on SQLite, for a quick look; docs/deploy.md has the real setup.
serve-production: $(VENV)/installed
	$(PY) manage.py migrate --verbosity 0
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(VENV)/bin/gunicorn -c gunicorn.conf.py waymark.wsgi

bench: $(VENV)/installed
	bash bench/run.sh

clean:
	rm -rf $(VENV) node_modules var
