# Every target creates/refreshes its own virtualenv in .venv, so `make run` and
# `make test` work on a fresh machine that only has Python >= 3.11.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CONFIG ?= feeds.yaml

.PHONY: run test lint test-long bench bench-quick hostile demo demo-serve clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,lint]'
	touch $(STAMP)

run: $(STAMP)  ## install and start the service on http://127.0.0.1:8080
	$(BIN)/aggregator --config $(CONFIG) run

test: $(STAMP)  ## install test dependencies and run the whole default suite
	$(BIN)/python -m pytest -q

lint: $(STAMP)  ## the gates CI runs before the tests: ruff (rules in pyproject.toml), mypy --strict
	$(BIN)/ruff check aggregator tests bench
	$(BIN)/ruff format --check aggregator tests bench
	$(BIN)/mypy --strict aggregator

test-long: $(STAMP)  ## the long mode: kill loop, fuzzing, slow cases
	$(BIN)/python -m pytest -q -m slow

demo: $(STAMP)  ## offline demo: build a site from examples/ with no network
	$(BIN)/aggregator --config examples/demo.yaml update --all
	@echo
	@echo "Demo site built in examples/data/site/. To look at it:"
	@echo "  make demo-serve    # serves it on http://127.0.0.1:8080/ (Ctrl-C stops)"
	@echo "  or open examples/data/site/index.html in a browser."

demo-serve: $(STAMP)  ## serve the demo site built by `make demo` on http://127.0.0.1:8080/
	$(BIN)/aggregator --config examples/demo.yaml serve

bench: $(STAMP)
	$(BIN)/python -m bench

bench-quick: $(STAMP)
	$(BIN)/python -m bench --quick

hostile: $(STAMP)
	$(BIN)/python bench/hostile.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
