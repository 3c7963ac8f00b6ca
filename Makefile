# Two commands a user needs: `make build` and `make test`. Each sets up .venv itself.
# requirements.lock pins the runtime; requirements-dask.lock the optional Dask engine
# (check-corpus --engine dask); requirements-test.lock what only the tests need. The runtime
# install (`make build`, `pip install .`) carries neither of the last two; `make test` installs all.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

NODE   := node_modules/.installed
CHROMIUM := /usr/bin/chromium

.PHONY: build test lint data site bench evaluate clean

$(STAMP): requirements.lock pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

$(VENV)/.installed-%: requirements-%.lock $(STAMP)   ## an optional set of pins (dask, test)
	$(BIN)/python -m pip install --quiet -r requirements-$*.lock
	touch $@

$(NODE): package.json package-lock.json   ## pinned front-end packages, vendored into the site
	npm ci --no-audit --no-fund
	touch $(NODE)

build: $(STAMP) $(NODE)  ## the whole dataset and its documentation site into build/
	$(BIN)/uk-small-boats build --site

data: $(STAMP)           ## the dataset only (no site)
	$(BIN)/uk-small-boats build

$(CHROMIUM):              ## Debian's Chromium for the browser tests (Playwright cannot download browsers here)
	if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

lint: $(STAMP) $(VENV)/.installed-test  ## ruff and mypy on the package (settings in pyproject.toml); both must be clean
	$(BIN)/ruff check uk_small_boats
	$(BIN)/mypy

test: lint $(VENV)/.installed-dask $(NODE) $(CHROMIUM)  ## lint, then unit, integration and browser tests, with coverage (CLI subprocesses too)
	$(BIN)/python -m pytest --cov

bench: $(STAMP) $(VENV)/.installed-dask $(VENV)/.installed-test   ## the bench compares with odfpy
	$(BIN)/python bench/run.py
	$(BIN)/python bench/corpus_run.py --articles 10000   # README: 100,000 with --articles 100000

CORPORA ?= ../shared/corpus $(wildcard ../corpus2 ../corpus3 ../corpus4 ../corpus5 ../corpus6 ../corpus7 ../corpus8 ../corpus9 ../corpus10 ../corpus11 ../corpus12 ../corpus13)
evaluate: $(STAMP)       ## extractor and checker scores on the labelled real-text corpora, every miss listed
	$(BIN)/python -m uk_small_boats.extract.evaluate $(CORPORA)
	$(BIN)/python -m uk_small_boats.check.evaluate $(CORPORA)

clean:
	rm -rf build .build.* screenshots $(VENV) node_modules .setuptools-build dist .coverage .coverage.* \
	       .mypy_cache .ruff_cache
