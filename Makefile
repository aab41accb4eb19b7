# tweet-rag: `make demo` runs the whole job end to end, `make test` runs every check CI runs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint typecheck unit bench eval clean

install: $(STAMP)

# torch is pinned and installed first: an unpinned torch (pulled in by sentence-transformers) downloads CUDA.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: install
	$(BIN)/tweet-rag demo

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

test: lint typecheck
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest

unit: install
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest tests/unit

# Retrieval evaluation with the minilm stand-in: fetch both sets' corpora, index each, score every search type
# (similarity, mmr, hybrid, bm25) per category on the held-out and tuning halves.
eval: install
	HF_HUB_OFFLINE=1 $(BIN)/python scripts/run_eval.py

clean:
	rm -rf .tweet-rag .pytest_cache .mypy_cache .ruff_cache
