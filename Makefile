# Two commands a user needs: `make build` and `make test`. Each sets up .venv itself.
# requirements.lock pins the runtime; requirements-dask.lock the optional Dask engine
# (check-corpus --engine dask); requirements-test.lock what only the tests need. The runtime
# install (`make build`, `pip install .`) carries neither of the last two; `make test` installs all.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

NODE   := node_modules/.installed

.PHONY: build test data site bench clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
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

test: $(STAMP) $(VENV)/.installed-dask $(VENV)/.installed-test $(NODE)   ## unit, integration and browser tests
	$(BIN)/python -m pytest

bench: $(STAMP) $(VENV)/.installed-dask $(VENV)/.installed-test   ## the bench compares with odfpy
	$(BIN)/python bench/run.py
	$(BIN)/python bench/corpus_run.py --articles 10000   # README: 100,000 with --articles 100000

clean:
	rm -rf build .build.* $(VENV) node_modules
