# claimwatch: `make run` processes the bundled sample articles, `make test` runs the checks.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install install-trained run test lint unit bench eval clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install-trained: install
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements-trained.txt

run: install
	$(BIN)/claimwatch run fixtures/articles

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

unit: install
	$(BIN)/pytest -q

test: lint unit

eval: install
	$(BIN)/claimwatch eval fixtures/gold
	$(BIN)/claimwatch eval fixtures/holdout/gold
	$(BIN)/claimwatch eval fixtures/holdout2/gold
	$(BIN)/claimwatch eval fixtures/holdout3/gold
	$(BIN)/claimwatch eval fixtures/holdout4/gold
	$(BIN)/claimwatch eval fixtures/holdout5/gold
	$(BIN)/claimwatch eval fixtures/holdout6/gold
	$(BIN)/claimwatch eval fixtures/holdout7/gold
	$(BIN)/claimwatch eval fixtures/holdout8/gold
	$(BIN)/claimwatch eval fixtures/holdout9/gold
	$(BIN)/claimwatch eval fixtures/holdout10/gold
	$(BIN)/claimwatch eval fixtures/holdout11/gold
	$(BIN)/claimwatch eval fixtures/holdout12/gold
	$(BIN)/claimwatch eval fixtures/holdout13/gold
	$(BIN)/claimwatch eval fixtures/holdout14/gold
	$(BIN)/claimwatch eval fixtures/holdout15/gold
	$(BIN)/claimwatch eval fixtures/holdout16/gold
	$(BIN)/claimwatch eval fixtures/holdout17/gold
	$(BIN)/claimwatch eval fixtures/holdout18/gold
	$(BIN)/claimwatch eval fixtures/holdout19/gold
	$(BIN)/claimwatch eval fixtures/holdout20/gold
	$(BIN)/claimwatch eval fixtures/holdout21/gold
	$(BIN)/claimwatch eval fixtures/holdout22/gold
	$(BIN)/claimwatch eval fixtures/holdout23/gold
	$(BIN)/claimwatch eval fixtures/holdout24/gold
	$(BIN)/claimwatch eval fixtures/holdout25/gold
	$(BIN)/claimwatch eval fixtures/holdout26/gold

bench: install
	$(BIN)/python -m pipeline.bench $(if $(N),--articles $(N),)

clean:
	rm -rf $(VENV) .claimwatch .pytest_cache .mypy_cache .ruff_cache
