# catalog_app: `make run` opens the app, `make test` runs the whole suite headless,
# `make lint` runs ruff and mypy.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test
BSTAMP := $(VENV)/.installed-bench
# Debian packages Qt's xcb platform plugin needs for a real window (not needed for tests).
XCB_DEBS := libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
            libxcb-xkb1 libxkbcommon-x11-0 libxcb-shape0 libxcb-randr0 libegl1 libgl1 libfontconfig1

.PHONY: run test lint bench i18n system-deps clean

$(VENV)/bin/activate:
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "catalog_app needs Python 3.11 or newer.")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(VENV)/bin/activate
	$(PY) -m pip install --quiet -e .
	touch $@

$(TSTAMP): pyproject.toml | $(VENV)/bin/activate
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP) $@

run: $(STAMP)
	$(VENV)/bin/catalog-app $(ARGS)

# The suite runs on every core (pytest-xdist), a test file to a worker: a file's module
# fixtures are built once. `make test PYTEST_JOBS=0` runs it in one process. A worker that
# crashes ends the run at once (--max-worker-restart=0): a replacement worker was seen to wait
# for tests that never came, hanging the run.
PYTEST_JOBS ?= auto

test: $(TSTAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n $(PYTEST_JOBS) --dist loadfile --max-worker-restart=0 $(PYTEST_ARGS)
	$(PY) -m ruff check catalog_app tests benchmarks tools sample_data
	$(PY) -m mypy --ignore-missing-imports catalog_app

lint: $(TSTAMP)
	$(PY) -m ruff check catalog_app tests benchmarks tools sample_data
	$(PY) -m mypy --ignore-missing-imports catalog_app

$(BSTAMP): pyproject.toml | $(VENV)/bin/activate
	$(PY) -m pip install --quiet -e '.[test,bench]'
	touch $(STAMP) $(TSTAMP) $@

bench: $(BSTAMP)
	$(PY) benchmarks/run_all.py

# after changing a shown string: extract, translate the new entries (.ts with pyside6-linguist
# or an editor, .po with an editor), then `make i18n` again to compile what ships
i18n: $(TSTAMP)
	$(PY) tools/i18n.py update
	$(PY) tools/i18n.py release
	$(PY) tools/i18n.py check

system-deps:
	apt-get update -qq && apt-get install -y -qq $(XCB_DEBS) xvfb

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
