# Quick start on a fresh clone: `make example` (a brief of the bundled story), `make test` (the test suite).
# Both create the virtualenv .venv and install newsynth into it on first use.

VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: example test lint bench eval

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
