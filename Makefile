# The portal's two commands: `make run` and `make test`. Everything else here serves them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PORT ?= 8000
PYTHON := .venv/bin/python
MANAGE := $(PYTHON) manage.py
# The suite runs in this many processes (pytest-xdist), each with its own test database and its
# own Redis database; TEST_WORKERS=0 runs it in one.
TEST_WORKERS ?= 0
SASS := node_modules/.bin/sass --quiet-deps --no-source-map --load-path=node_modules --style=compressed
GOVUK := node_modules/govuk-frontend/dist/govuk

# Python keeps what it compiles beside the code (__pycache__, ignored by git), even where the
# environment says not to: `make run` starts Python four times, and each start would otherwise
# compile the portal and its libraries again (about 2.5 s of CPU each).
unexport PYTHONDONTWRITEBYTECODE

.PHONY: help install assets demo-data run test lint typecheck format bench clean backup restore

help:
	@echo "make run    install, prepare the database, load demo data and serve on http://127.0.0.1:$(PORT)"
	@echo "make test   lint, type check, migrations check and the whole test suite (browser journeys included)"
	@echo "make bench  build a scaled data set and measure every page"
	@echo "make backup / make restore BACKUP=backups/...   pg_dump and pg_restore, uploaded files too"
	@echo "make lint   ruff check and format check"
	@echo "make typecheck   mypy with django-stubs"
	@echo "make format fix what ruff can"

# Python packages from uv.lock (uv is installed with pip when missing); npm packages from package-lock.json.
.venv/.installed: pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || python3 -m pip install --quiet uv
	uv sync --frozen --python python3.11
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: .venv/.installed node_modules/.installed

# GOV.UK Frontend compiled with Dart Sass into static/build/ (ignored by git).
static/build/.built: node_modules/.installed $(wildcard static/scss/*.scss)
	mkdir -p static/build/govuk
	$(SASS) static/scss/portal.scss:static/build/portal.css static/scss/print.scss:static/build/print.css
	cp -r $(GOVUK)/assets static/build/govuk/
	cp $(GOVUK)/govuk-frontend.min.js static/build/govuk/
	@touch $@

assets: static/build/.built

# The database, then the demo data. Neither step runs the system checks: the server runs them
# before it serves, and each run imports every view (a second or more each time).
demo-data: .venv/.installed
	$(MANAGE) migrate --no-input --skip-checks
	$(MANAGE) load_demo --skip-checks

# E-mails the demo sends link to the port it serves on, unless PORTAL_BASE_URL says otherwise.
run: export PORTAL_BASE_URL ?= http://127.0.0.1:$(PORT)
# The assets (npm, Sass) are built while Python installs, migrates and loads the demo.
run:
	@$(MAKE) --no-print-directory -j3 assets demo-data
	@if [ -n "$$CELERY_BROKER_URL" ]; then \
		echo "Starting a Celery worker and beat for $$CELERY_BROKER_URL"; \
		$(PYTHON) -m celery -A corporate_parenting worker --loglevel=INFO --concurrency=2 & \
		$(PYTHON) -m celery -A corporate_parenting beat --loglevel=INFO --schedule=/tmp/portal-celerybeat-schedule & \
		trap 'kill $$(jobs -p) 2>/dev/null' EXIT; \
		$(MANAGE) runserver 127.0.0.1:$(PORT); \
	else \
		$(MANAGE) runserver 127.0.0.1:$(PORT); \
	fi

test: install assets
	$(PYTHON) -m ruff check .
	$(PYTHON) -m ruff format --check .
	DJANGO_ENV=test $(MANAGE) makemigrations --check --dry-run
	DJANGO_ENV=test $(PYTHON) -m mypy .
	$(PYTHON) -m pytest -n $(TEST_WORKERS)

lint: install
	$(PYTHON) -m ruff check .
	$(PYTHON) -m ruff format --check .

# mypy with django-stubs (settings in pyproject.toml); part of make test.
typecheck: install
	DJANGO_ENV=test $(PYTHON) -m mypy .

format: install
	$(PYTHON) -m ruff check --fix .
	$(PYTHON) -m ruff format .

bench: install assets
	$(PYTHON) -m tests.bench.run
	$(PYTHON) -m tests.bench.pack
	$(PYTHON) -m tests.bench.annual
	$(PYTHON) -m tests.bench.load

# Backups (README "Backups"): the database with pg_dump and the uploaded files, into backups/<date>/.
backup: install
	$(MANAGE) backup

# make restore BACKUP=backups/portal-20260101-043000: replaces the database and uploaded files.
restore: install
	@test -n "$(BACKUP)" || { echo "Say which backup: make restore BACKUP=backups/portal-..."; exit 2; }
	$(MANAGE) restore "$(BACKUP)" --yes

clean:
	rm -rf static/build staticfiles
