# make site: set up .venv and build content/ into site/.   make test: set up and run every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: site test lint golden clean acceptance messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The stamp is rebuilt when the dependencies change; an editable install picks up code changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

site: $(VENV)/.installed
	$(BIN)/mouarchive build

# The browser tests (tests/test_browser.py) drive Debian's Chromium through Playwright and check
# accessibility with axe-core. Both are installed here, once, and never by `make site`; Playwright's
# own browser download (`playwright install`) is never used.
CHROMIUM    := /usr/bin/chromium
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
AXE_VERSION := 4.14.1
AXE_DIR     := $(VENV)/axe
AXE_STAMP   := $(AXE_DIR)/.axe-core-$(AXE_VERSION)

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

# axe-core from npm, pinned, into the virtual environment (ignored by git, removed by `make clean`).
$(AXE_STAMP): | $(BIN)/python
	command -v npm >/dev/null || { $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; }
	rm -rf $(AXE_DIR)
	npm install --prefix $(AXE_DIR) --no-save --no-audit --no-fund --loglevel=error axe-core@$(AXE_VERSION)
	test -s $(AXE_DIR)/node_modules/axe-core/axe.min.js
	touch $@

test: $(VENV)/.installed $(CHROMIUM) $(AXE_STAMP)
	$(BIN)/ruff check src tests build.py
	$(BIN)/python -m pytest

# Rewrite the golden output and the gallery's messages after a deliberate change; review the diff.
golden: $(VENV)/.installed
	$(BIN)/python -m pytest tests/test_golden.py tests/test_gallery.py --update-golden

# The interface's messages: extracted from the templates and the code (babel.cfg) and merged into
# each language's catalogue, src/mouarchive/locale/<language>/LC_MESSAGES/messages.po. Translate
# the new entries there, then `make test` (tests/test_i18n.py fails on any message left untranslated).
# A build compiles the catalogues itself, in memory: there is no .mo file to make or to commit.
messages: $(VENV)/.installed
	mkdir -p build
	$(BIN)/pybabel -q extract -F babel.cfg -k N_ --no-location --sort-output --omit-header \
	  -o build/messages.pot .
	$(BIN)/pybabel -q update -i build/messages.pot -d src/mouarchive/locale -D messages \
	  --no-fuzzy-matching --ignore-obsolete --width 100

acceptance: site
	../shared/acceptance/setup.sh
	../shared/acceptance/run_all.sh site

clean:
	rm -rf $(VENV) site .pytest_cache .hypothesis
