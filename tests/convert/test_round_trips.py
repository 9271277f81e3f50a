"""Every converter survives a round trip: JSONL → format → JSONL gives the same documents."""
import json

import pytest

from dignitary.cli import main
from dignitary.convert import read_documents, write_documents
from dignitary.convert.spert import read_spert, write_spert
from dignitary.errors import DataError
from dignitary.jsonl import read_jsonl

from tests.helpers import REPO, SHARED

CONLL04 = SHARED / "data" / "conll04"


def _docs():
    return read_jsonl(REPO / "tests" / "data" / "toy.jsonl")


def _comparable(docs, with_relations=True):
    out = []
    for d in docs:
        ents = d.entity_map()
        spans = sorted((e.start, e.end, e.label) for e in d.entities)
        rels = sorted((ents[r.head].span, ents[r.tail].span, r.label) for r in d.relations) if with_relations else []
        out.append((d.id, d.text, spans, rels))
    return out


@pytest.mark.parametrize("fmt,name", [("brat", "brat_dir"), ("doccano", "out.jsonl"),
                                      ("labelstudio", "ls.json"), ("jsonl", "same.jsonl")])
def test_round_trip_with_relations(tmp_path, fmt, name):
    docs = _docs()
    write_documents(docs, tmp_path / name, fmt)
    back = read_documents(tmp_path / name, fmt)
    assert _comparable(back) == _comparable(docs)


def test_conll_round_trip_keeps_entities(tmp_path):
    docs = _docs()
    write_documents(docs, tmp_path / "x.conll", "conll")
    back = read_documents(tmp_path / "x.conll", "conll")
    # CoNLL has no relations and re-spaces tokens: compare mention strings and labels
    for d, b in zip(docs, back):
        assert d.id == b.id
        assert [(d.mention_text(e).replace(" ", ""), e.label) for e in d.entities] == \
               [(b.mention_text(e).replace(" ", ""), e.label) for e in b.entities]


def test_conll_bad_tag_names_line(tmp_path):
    path = tmp_path / "bad.conll"
    path.write_text("Liu\tB-PER\nmet\tX-PER\n")
    with pytest.raises(DataError, match=r"bad\.conll:2: tag 'X-PER' is not IOB2"):
        read_documents(path, "conll")


def test_brat_discontinuous_span_is_rejected(tmp_path):
    (tmp_path / "a.txt").write_text("Liu met Ma")
    (tmp_path / "a.ann").write_text("T1\tPER 0 3;8 10\tLiu Ma\n")
    with pytest.raises(DataError, match=r"a\.ann:1: discontinuous"):
        read_documents(tmp_path, "brat")


@pytest.mark.skipif(not CONLL04.is_dir(), reason="needs ../shared/data/conll04")
@pytest.mark.parametrize("split,counts", [("train", (922, 3377, 1283)), ("dev", (231, 893, 343)),
                                          ("test", (288, 1079, 422))])
def test_conll04_counts_and_identical_json(tmp_path, split, counts):
    path = CONLL04 / f"{split}_triples.json"
    docs = read_spert(path)
    assert (len(docs), sum(len(d.entities) for d in docs), sum(len(d.relations) for d in docs)) == counts
    write_spert(docs, tmp_path / "back.json")
    assert json.loads((tmp_path / "back.json").read_text()) == json.loads(path.read_text())


@pytest.mark.skipif(not CONLL04.is_dir(), reason="needs ../shared/data/conll04")
def test_convert_cli_conll04_to_jsonl_validates_against_schema(tmp_path, capsys):
    out = tmp_path / "test.jsonl"
    assert main(["convert", str(CONLL04 / "test_triples.json"), str(out), "--from", "spert",
                 "--schema", "conll04"]) == 0
    assert "288 documents, 1079 entities, 422 relations" in capsys.readouterr().out
    assert main(["validate", str(out), "--schema", "conll04"]) == 0
