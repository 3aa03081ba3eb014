# make site: set up .venv and build content/ into site/.   make test: set up and run every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: site test lint golden clean acceptance

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The stamp is rebuilt when the dependencies change; an editable install picks up code changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

site: $(VENV)/.installed
	$(BIN)/mouarchive build

test: $(VENV)/.installed
	$(BIN)/ruff check src tests build.py
	$(BIN)/python -m pytest

# Rewrite the golden output and the gallery's messages after a deliberate change; review the diff.
golden: $(VENV)/.installed
	$(BIN)/python -m pytest tests/test_golden.py tests/test_gallery.py --update-golden

acceptance: site
	../shared/acceptance/setup.sh
	../shared/acceptance/run_all.sh site

clean:
	rm -rf $(VENV) site .pytest_cache .hypothesis
