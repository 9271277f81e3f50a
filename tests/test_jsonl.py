"""Each bad-input case gets its own message naming file and line."""
import json

import pytest

from dignitary.cli import main
from dignitary.document import Document, Entity, Relation
from dignitary.errors import DataError
from dignitary.jsonl import read_jsonl, validate_file, write_jsonl
from dignitary.schema import Schema

from tests.helpers import REPO, write_lines

GOOD = {"id": "d1", "text": "Liu met Ma.", "entities": [
    {"id": "T1", "start": 0, "end": 3, "label": "PER"}, {"id": "T2", "start": 8, "end": 10, "label": "PER"}],
    "relations": [{"head": "T1", "tail": "T2", "label": "met"}]}


def _bad(**changes):
    rec = json.loads(json.dumps(GOOD))
    rec.update(changes)
    return rec


CASES = [
    ("{not json", r"bad\.jsonl:2: invalid JSON"),
    ({"text": "no id"}, r"bad\.jsonl:2: record is missing 'id'"),
    ({"id": "x"}, r"bad\.jsonl:2: record is missing 'text'"),
    (_bad(id="x", entities=[{"id": "T1", "start": 5, "end": 40, "label": "PER"}], relations=[]),
     r"bad\.jsonl:2: entity T1 span \[5, 40\) is outside the text"),
    (_bad(id="x", entities=[{"id": "T1", "start": 0, "end": 3, "label": "PER"},
                            {"id": "T2", "start": 2, "end": 6, "label": "ORG"}], relations=[]),
     r"bad\.jsonl:2: entities T1 \[0, 3\) and T2 \[2, 6\) overlap"),
    (_bad(id="x", entities=[{"id": "T1", "start": 0, "end": 3, "label": "PERSON"}], relations=[]),
     r"bad\.jsonl:2: entity T1 has unknown label 'PERSON'"),
    (_bad(id="x", relations=[{"head": "T1", "tail": "T2", "label": "has_title"}]),
     r"bad\.jsonl:2: relation #0 has_title\(T1:PER, T2:PER\) breaks the schema"),
    (_bad(id="x", relations=[{"head": "T1", "tail": "T9", "label": "met"}]),
     r"bad\.jsonl:2: relation #0 \(met\) tail 'T9' is not an entity id"),
    (_bad(id="x", relations=[{"head": "T1", "tail": "T2", "label": "likes"}]),
     r"bad\.jsonl:2: relation #0 has unknown label 'likes'"),
    (_bad(), r"bad\.jsonl:2: duplicate id 'd1' \(first seen on line 1\)"),
]


@pytest.mark.parametrize("record,message", CASES)
def test_each_bad_record_is_reported_with_file_and_line(tmp_path, record, message):
    path = write_lines(tmp_path / "bad.jsonl", [GOOD, record, _bad(id="d3")])
    with pytest.raises(DataError, match=message):
        read_jsonl(path, Schema.builtin("default"))
    ok, errors = validate_file(path, Schema.builtin("default"))
    assert ok == 2 and len(errors) == 1  # the other records are kept


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "bin.jsonl"
    path.write_bytes(json.dumps(GOOD).encode() + b"\n" + b'{"id": "x", "text": "\xff\xfe"}\n')
    ok, errors = validate_file(path)
    assert ok == 1 and "bin.jsonl:2: undecodable bytes" in str(errors[0])


def test_round_trip_keeps_extra_fields(tmp_path):
    doc = Document("a", "Xi met Lula.", [Entity(0, 2, "PER", "T1"), Entity(7, 11, "PER", "T2")],
                   [Relation("T1", "T2", "met")], {"date": "2025-01-01"})
    path = tmp_path / "out.jsonl"
    write_jsonl([doc], path)
    back = read_jsonl(path, Schema.builtin("default"))[0]
    assert back == doc
    assert json.loads(path.read_text())["entities"][0]["text"] == "Xi"


def test_validate_cli_passes_on_repo_data(capsys):
    assert main(["validate", str(REPO / "data" / "train.jsonl"), str(REPO / "data" / "dev.jsonl")]) == 0
    assert "0 errors" in capsys.readouterr().out


def test_validate_cli_fails_on_bad_file(tmp_path, capsys):
    path = write_lines(tmp_path / "bad.jsonl", [GOOD, "{oops"])
    assert main(["validate", str(path)]) == 1
    assert "bad.jsonl:2: invalid JSON" in capsys.readouterr().err


def test_symmetric_relation_head_must_come_first(tmp_path):
    rec = _bad(id="x", relations=[{"head": "T2", "tail": "T1", "label": "met"}])
    path = write_lines(tmp_path / "bad.jsonl", [rec])
    ok, errors = validate_file(path, Schema.builtin("default"))
    assert ok == 0 and "bad.jsonl:1: relation #0 met(T2, T1) is symmetric" in str(errors[0])


def test_validate_cli_finds_ids_repeated_across_files(tmp_path, capsys):
    a = write_lines(tmp_path / "a.jsonl", [GOOD])
    b = write_lines(tmp_path / "b.jsonl", [_bad(id="d2"), _bad(id="d1")])
    assert main(["validate", str(a), str(b)]) == 1
    assert f"b.jsonl:2: duplicate id 'd1' (first seen on {a}:1)" in capsys.readouterr().err


def test_bom_nan_and_lone_surrogates(tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(GOOD).encode() + b"\n"
                     + b'{"id": "n", "text": "x", "score": NaN}\n{"id": "s", "text": "a \\ud800"}\n'
                     + b'{"id": "i", "text": "x", "w": Infinity}\n' + b"[" * 100000 + b"\n")
    ok, errors = validate_file(path)
    assert ok == 1
    assert [(e.line, e.reason.split(":")[0]) for e in errors] == [
        (2, "invalid JSON"), (3, "'text' holds a lone surrogate '\\ud800' at character 2"),
        (4, "invalid JSON"), (5, "invalid JSON")]


def test_one_serializer_writes_id_and_text_under_the_input_field_names():
    from dignitary.jsonl import dumps_document

    doc = Document("a", "Xi met Lula.", [Entity(0, 2, "PER", "T1", 0.91234)], [],
                   {"key": "old", "body": "old", "id": 7, "source": "wire"})
    assert json.loads(dumps_document(doc)) == {"key": "old", "body": "old", "source": "wire", "id": "a",
                                               "text": "Xi met Lula.", "entities": [
                                                   {"id": "T1", "start": 0, "end": 2, "label": "PER", "text": "Xi",
                                                    "score": 0.9123}], "relations": []}
    renamed = json.loads(dumps_document(doc, id_field="key", text_field="body"))
    assert list(renamed) == ["id", "source", "key", "body", "entities", "relations"]
    assert (renamed["key"], renamed["body"], renamed["id"]) == ("a", "Xi met Lula.", 7)


def test_annotations_kept_in_meta_are_parsed_once_on_demand():
    from dignitary.validation import has_annotations, parse_annotations, parse_record

    doc = parse_record(GOOD, with_annotations=False)
    assert has_annotations(doc) and doc.entities == [] and "entities" in doc.meta
    assert parse_annotations(doc, Schema.builtin("default")) == parse_record(GOOD, Schema.builtin("default"))
    assert not has_annotations(parse_record({"id": "x", "text": "Liu met Ma."}, with_annotations=False))
    with pytest.raises(DataError, match=r"entity T1 span \[0, 99\) is outside the text"):
        parse_annotations(parse_record(_bad(entities=[{"id": "T1", "start": 0, "end": 99, "label": "PER"}],
                                            relations=[]), with_annotations=False))


@pytest.mark.parametrize("item,message", [
    ({"id": "x"}, r"record #3: record is missing 'text'"),
    ({"id": "x", "text": 5}, r"record #3: 'text' must be a string"),
    ({"text": "a \ud800"}, r"record #3: 'text' holds a lone surrogate"),
    ("a \ud800", r"record #3 \('3'\): text holds a lone surrogate"),
])
def test_api_items_are_parsed_by_the_one_parser_and_errors_name_the_record(item, message):
    from dignitary.validation import parse_item

    with pytest.raises(DataError, match=message):
        parse_item(item, 3)


def test_api_records_keep_their_fields_and_default_to_their_position():
    from dignitary.validation import parse_item

    doc = parse_item({"text": "Liu met Ma.", "date": "2025-01-01", "entities": []}, 4)
    assert (doc.id, doc.text, doc.meta) == ("4", "Liu met Ma.", {"date": "2025-01-01", "entities": []})
    assert parse_item("Ma said.", 2) == Document("2", "Ma said.")
