"""The annotated files in data/: valid against the schema, and no dev document (nor its original or
translation) in any training file."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import REPO, SHARED

DATA = REPO / "data"
POOL = SHARED / "data" / "unlabeled" / "news.jsonl"
DEV_FILES = [DATA / "dev.jsonl", DATA / "dev_outlets" / "gold.standoff.jsonl", DATA / "dev_es.jsonl",
             DATA / "dev_pt.jsonl", DATA / "dev_zh.jsonl"]
TRAINING_FILES = sorted(p for p in DATA.glob("*.jsonl") if not p.name.startswith("dev")) + sorted(
    (DATA / "news_train").glob("*.jsonl"))


def keys(path: Path) -> set[str]:
    """Ids and source ids (the original of a translation) of a file's documents."""
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        out.update(k for k in (record["id"], record.get("source_id")) if k)
    return out


def test_the_training_files_are_the_ones_the_data_readme_lists():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert all(path.name in readme for path in TRAINING_FILES)


@pytest.mark.parametrize("path", TRAINING_FILES, ids=lambda p: p.name)
def test_no_training_document_is_a_dev_document_in_any_language(path):
    dev = set().union(*(keys(p) for p in DEV_FILES))
    assert not keys(path) & dev


@pytest.mark.parametrize("path", TRAINING_FILES + DEV_FILES, ids=lambda p: p.name)
def test_files_follow_the_schema(path):
    from dignitary.schema import Schema
    from dignitary.standoff import is_standoff, load_documents

    if is_standoff(path) and not POOL.exists():
        pytest.skip("the standoff files' texts are in ../shared")
    docs = load_documents(path, Schema.load(None), [POOL])
    assert docs and all(doc.entities for doc in docs)
    for doc in docs:
        spans = sorted((e.start, e.end) for e in doc.entities)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), doc.id  # no overlap
