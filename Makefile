# Quick start on a fresh clone: `make example` (a brief of the bundled story), `make test` (the test suite).
# Both create the virtualenv .venv and install newsynth into it on first use.

VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: example test lint bench eval browser serve bench-serve

$(STAMP): pyproject.toml
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --upgrade pip
	@$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

example: $(STAMP)
	@$(BIN)/newsynth brief examples/harbor-crane-collapse

test: $(STAMP)
	@$(BIN)/python -m pytest -q

lint: $(STAMP)
	@$(BIN)/ruff check src tests benchmarks
	@$(BIN)/ruff format --check src tests benchmarks

eval: $(STAMP)
	@$(BIN)/newsynth eval ../shared/data/dev.jsonl

bench: $(STAMP)
	@$(BIN)/python benchmarks/summarize_batch.py

# Debian's chromium and chromedriver, for the browser tests (tests/serve/test_browser.py); needs root.
browser:
	@apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null

# The bundled example in a store, served on http://127.0.0.1:8000/
serve: $(STAMP)
	@$(BIN)/newsynth ingest examples/harbor-crane-collapse --store example.sqlite
	@$(BIN)/newsynth serve --store example.sqlite

bench-serve: $(STAMP)
	@$(BIN)/python benchmarks/serve_load.py
