# Two commands do all the set-up on a fresh machine:
#   make html   creates .venv, installs the locked dependencies and the package, builds the site strictly
#   make test   the same set-up, then the test suite (which builds the book once itself)
# For print and offline use:
#   make pdf     a PDF per module and one of the whole book, from the built site (builds it if needed)
#   make bundle  one zip with the site, the PDFs, the worksheets and the notebooks, for use offline
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BUILD_FLAGS := --all --warningiserror --nitpick --keep-going
# One pip for everyone; requirements.lock carries a hash for every file, checked at install.
PIP_VERSION := 26.3
PIP_TOOLS_VERSION := 7.7.0

# Node packages of the browser tests (axe-core), exactly as locked; refreshed when the lock changes.
NODE_TESTS := tests/browser
NODE_STAMP := $(NODE_TESTS)/node_modules/.package-lock.json

.PHONY: html html-trainer test lock sphinx-html clean node-deps lighthouse

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet pip==$(PIP_VERSION)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

.PHONY: pdf bundle
SITE := _build/html
# Touched after every successful `make html`; `make pdf` rebuilds the site only when a source is newer.
HTML_STAMP := $(SITE)/.gebouwd
SOURCES := _config.yml _toc.yml $(shell find book exercises src -type f \
	-not -path 'src/leren/pdfbook/*' -not -path 'src/leren/offline/*' -not -path '*.egg-info/*' -not -name '*.pyc' 2>/dev/null)

html: $(STAMP)
	$(BIN)/jupyter-book build . $(BUILD_FLAGS)
	touch $(HTML_STAMP)

$(HTML_STAMP): $(STAMP) $(SOURCES)
	$(MAKE) html

# PDFs in _build/pdf, also copied into the site (_build/html/pdf) with a download link on each module page.
pdf: $(HTML_STAMP)
	bash scripts/system-deps.sh
	$(BIN)/leren pdf --site $(SITE) --uit _build/pdf

bundle: pdf
	$(BIN)/leren bundel --site $(SITE) --pdf _build/pdf --uit _build/transformeren-kun-je-leren-offline.zip

test: $(STAMP)
	bash scripts/system-deps.sh
	$(MAKE) --no-print-directory node-deps
	$(BIN)/python -m pytest

node-deps: $(NODE_STAMP)

$(NODE_STAMP): $(NODE_TESTS)/package.json $(NODE_TESTS)/package-lock.json
	npm ci --prefix $(NODE_TESTS) --no-audit --no-fund --loglevel=error

# The plain Sphinx route for publishers: conf.py is generated from _config.yml (the one source of truth);
# it is ignored by git and removed afterwards.
sphinx-html: $(STAMP)
	$(BIN)/jupyter-book config sphinx .
	$(BIN)/sphinx-build -W -n --keep-going -E -b html . _build/sphinx-html; rc=$$?; rm -f conf.py; exit $$rc

# Regenerate requirements.lock (exact versions with hashes) from pyproject.toml and all its extras, in a
# throwaway environment. Versions already in the lock stay unless pyproject.toml demands otherwise.
lock:
	rm -rf _build/lock-venv
	$(PYTHON) -m venv _build/lock-venv
	_build/lock-venv/bin/pip install --quiet pip==$(PIP_VERSION) pip-tools==$(PIP_TOOLS_VERSION)
	# `leren` itself (named by the `test` extra) stays out: it is installed editable, without hashes.
	CUSTOM_COMPILE_COMMAND="make lock" _build/lock-venv/bin/pip-compile --quiet --generate-hashes \
	    --unsafe-package leren --strip-extras --all-extras --no-emit-index-url --no-emit-find-links \
	    --output-file requirements.lock pyproject.toml
	rm -rf _build/lock-venv

clean:
	rm -rf _build

# The trainer edition: the same book with worked solutions and trainer notes.
html-trainer: $(STAMP)
	LEREN_EDITIE=trainer $(BIN)/jupyter-book build . $(BUILD_FLAGS) --path-output _build/trainer

# Lighthouse scores of the built site (a benchmark, not a test); builds first when needed.
lighthouse: $(STAMP)
	bash scripts/system-deps.sh
	test -f _build/html/book/intro.html || $(MAKE) --no-print-directory html
	$(BIN)/python benchmarks/lighthouse
