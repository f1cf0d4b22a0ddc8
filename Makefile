# The two commands of the README: `make run` serves the site, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run dev test setup messages

$(VENV)/.installed: requirements.txt requirements-test.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements-test.txt
	touch $@

messages: $(VENV)/.installed
	$(PY) manage.py compilemessages --ignore=.venv --verbosity 0

setup: messages
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py migrate --noinput --verbosity 0
	$(PY) manage.py seed_content

# Where `make run` and `make dev` listen: PORT=8080 make run, or BIND=0.0.0.0:8000 make run.
PORT ?= 8000
BIND ?= 127.0.0.1:$(PORT)

# A secret key made once for this clone, kept out of git (var/ is ignored).
var/secret_key:
	mkdir -p var
	$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	chmod 600 $@

# Production-like: DEBUG off (the site's own 404 and 500 pages), compressed static files,
# gunicorn; plain HTTP on this machine only (HTTPS=0: no https redirect, no HSTS).
run: export DEBUG = 0
run: export DATABASE_URL ?= sqlite:///$(CURDIR)/db.sqlite3
run: export HTTPS = 0
run: export SECRET_KEY = $(shell cat var/secret_key 2>/dev/null)
# nginx (when installed) reads every request whole before gunicorn sees it: slow clients cannot
# hold the workers (deploy/nginx.conf.in says why).
run: var/secret_key setup
	$(PY) deploy/serve.py --bind $(BIND)

# Django's debug pages and auto-reload, for development.
dev: export DEBUG = 1
dev: setup
	$(PY) manage.py runserver $(BIND)

test: messages
	$(PY) -m pytest
