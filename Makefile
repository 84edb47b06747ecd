# Waymark: `make run` serves it locally, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# This machine's own secrets, made once and never changed (waymark/env.py). Settings read only
# the environment: each command that starts Waymark exports this file first.
LOCAL_ENV := var/local.env
WITH_ENV := set -a && . ./$(LOCAL_ENV) && set +a &&
LOCK := $(VENV)/bin/uv pip compile pyproject.toml --quiet --universal --python-version 3.11 \
	--generate-hashes --custom-compile-command "make lock"

.PHONY: run test lint typecheck format check-content messages serve-production bench lock clean \
	local-env counsellor

# The development lock: the runtime lock plus the test tools and uv. Production installs
# requirements.lock only (docs/deploy.md).
$(VENV)/installed: requirements-dev.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Waymark needs Python 3.11 or newer; found " + sys.version.split()[0] + ". Run: make PYTHON=python3.11 ...")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
	@touch $@

node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: accessibility checks will be skipped (CI installs it)."; fi

local-env: $(VENV)/installed
	@$(PY) -m waymark.env $(LOCAL_ENV)

run: local-env
	$(WITH_ENV) $(PY) manage.py migrate --verbosity 0
	$(WITH_ENV) $(PY) manage.py check_content
	$(WITH_ENV) $(PY) manage.py compilemessages --verbosity 0 --ignore=.venv --ignore=node_modules
	$(WITH_ENV) DEBUG=true WAYMARK_COUNSEL_ENABLED=true WAYMARK_COUNSEL_LANGUAGES=en,fi,es \
		$(PY) manage.py runserver $(HOST):$(PORT)

# A counsellor for `make run` ("Talk to a person"): asks for a password, prints the
# authenticator code to scan. NAME=sam picks the user name.
NAME ?= counsellor
counsellor: local-env
	$(WITH_ENV) $(PY) manage.py migrate --verbosity 0
	$(WITH_ENV) $(PY) manage.py create_staff_user $(NAME) --counsellor

test: local-env node_modules/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(WITH_ENV) $(PY) manage.py compilemessages --verbosity 0 --ignore=.venv --ignore=node_modules
	$(WITH_ENV) $(PY) manage.py check_content
	$(VENV)/bin/pytest -n 2 --dist loadfile -q $(PYTEST_ARGS)

lint: $(VENV)/installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# mypy with django-stubs over the core modules listed in pyproject.toml ([tool.mypy]).
typecheck: $(VENV)/installed
	$(VENV)/bin/mypy

format: $(VENV)/installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check-content: local-env
	$(WITH_ENV) $(PY) manage.py check_content

messages: local-env
	$(WITH_ENV) $(PY) manage.py makemessages --all --no-location --ignore=.venv --ignore=node_modules --ignore=var
	$(WITH_ENV) $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules

# Production-like server on SQLite, for a quick look; docs/deploy.md has the real setup.
serve-production: local-env
	$(WITH_ENV) $(PY) manage.py migrate --verbosity 0
	$(WITH_ENV) $(PY) manage.py compilemessages --verbosity 0 --ignore=.venv --ignore=node_modules
	$(WITH_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(WITH_ENV) $(VENV)/bin/gunicorn -c gunicorn.conf.py waymark.wsgi

bench: $(VENV)/installed
	bash bench/run.sh

# Both locks again from pyproject.toml, with hashes, keeping each pin that still fits;
# `make lock LOCK_ARGS=--upgrade` moves every package to its newest allowed release.
lock: $(VENV)/installed
	$(LOCK) $(LOCK_ARGS) --output-file requirements.lock
	$(LOCK) $(LOCK_ARGS) --extra dev --constraint requirements.lock --output-file requirements-dev.lock

# Build products only. var/ keeps the database and this machine's secrets: never removed.
clean:
	rm -rf $(VENV) node_modules var/static .mypy_cache
