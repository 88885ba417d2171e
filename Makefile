# Two commands for a newcomer:  `make run`  (dashboard)  and  `make test`  (everything CI runs).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= data/rrp.duckdb
PORT   ?= 8501
DB_INPUTS := $(wildcard data/sources/*.csv) $(wildcard queries/schema/*.sql) $(wildcard queries/tests/*.sql) \
             $(wildcard queries/tests/generic/*.sql) $(wildcard rrp_data/*.py)

.PHONY: run test build lint bench chromium libreoffice screenshots clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required (found %s); set PYTHON=python3.11" % sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@

# Rebuilt when missing or older than any source CSV, SQL file or loader module.
$(DB): $(DB_INPUTS) | $(VENV)/.installed
	$(BIN)/python -m rrp_data build --db $(DB)

build: $(DB)

run: $(VENV)/.installed $(DB)
	RRP_DB=$(DB) $(BIN)/python -m rrp_data.serve --server.port $(PORT) --server.address localhost

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests (apt-get)..."; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }

# LibreOffice Impress opens the exported slide decks in tests/test_slides.py (pdftotext reads the result).
libreoffice:
	@{ command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; } || { \
	  echo "Installing LibreOffice Impress and poppler-utils for the slide-export test (apt-get)..."; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
	    libreoffice-impress poppler-utils; }

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .

test: $(VENV)/.installed-dev chromium libreoffice
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

bench: $(VENV)/.installed-dev
	$(BIN)/python -m pytest tests/benchmarks --benchmark-only -p no:cacheprovider -o addopts=""

screenshots: $(VENV)/.installed-dev chromium
	$(BIN)/python -m pytest tests/browser -q && cp tests/artifacts/*.png docs/screenshots/

clean:
	rm -rf $(VENV) .pytest_cache tests/artifacts
