"""Standoff annotations: written without text, joined with it again, and checked against it."""
import json

import pytest

from dignitary.cli import main
from dignitary.document import Document, Entity, Relation
from dignitary.errors import DataError
from dignitary.standoff import is_standoff, load_documents, read_standoff, text_sha256, write_standoff

TEXT = "Liu Haixing, Minister of the IDCPC, met Remigio Ceballos."


def _doc() -> Document:
    entities = [Entity(0, 11, "PER", "T1"), Entity(13, 21, "TITLE", "T2"), Entity(29, 34, "ORG", "T3"),
                Entity(40, 56, "PER", "T4")]
    relations = [Relation("T1", "T2", "has_title"), Relation("T2", "T3", "title_at"), Relation("T1", "T4", "met")]
    return Document("doc-1", TEXT, entities, relations, {"source": "test"})


def _texts(tmp_path, text=TEXT):
    path = tmp_path / "texts.jsonl"
    path.write_text(json.dumps({"id": "other", "text": "x"}) + "\n" + json.dumps({"id": "doc-1", "text": text}) + "\n",
                    encoding="utf-8")
    return path


def test_round_trip_keeps_annotations_and_drops_the_text(tmp_path):
    path = tmp_path / "gold.standoff.jsonl"
    assert write_standoff([_doc()], path) == 1
    raw = path.read_text(encoding="utf-8")
    assert "Haixing" not in raw and text_sha256(TEXT) in raw
    assert is_standoff(path)
    (doc,) = read_standoff(path, [_texts(tmp_path)])
    assert doc.text == TEXT and doc.meta["source"] == "test"
    assert [(doc.mention_text(e), e.label) for e in doc.entities] == [
        ("Liu Haixing", "PER"), ("Minister", "TITLE"), ("IDCPC", "ORG"), ("Remigio Ceballos", "PER")]
    assert [(r.head, r.tail, r.label) for r in doc.relations] == [
        ("T1", "T2", "has_title"), ("T2", "T3", "title_at"), ("T1", "T4", "met")]


def test_a_changed_text_is_an_error_naming_file_and_line(tmp_path):
    path = tmp_path / "gold.standoff.jsonl"
    write_standoff([_doc()], path)
    with pytest.raises(DataError, match=r"gold.standoff.jsonl:1: .*SHA-256"):
        read_standoff(path, [_texts(tmp_path, TEXT.replace("met", "saw"))])


def test_a_missing_text_or_no_text_files_is_an_error(tmp_path):
    path = tmp_path / "gold.standoff.jsonl"
    write_standoff([_doc()], path)
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"id": "x", "text": "y"}) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r":1: no text for document 'doc-1'"):
        read_standoff(path, [other])
    with pytest.raises(DataError, match="--texts"):
        read_standoff(path, [])


def test_load_documents_reads_inline_files_as_before(tmp_path):
    inline = tmp_path / "inline.jsonl"
    inline.write_text(json.dumps(_doc().to_dict()) + "\n", encoding="utf-8")
    assert not is_standoff(inline)
    (doc,) = load_documents(inline)
    assert doc.text == TEXT and len(doc.relations) == 3


def test_evaluate_scores_a_standoff_file_against_itself(tmp_path, capsys):
    path = tmp_path / "gold.standoff.jsonl"
    write_standoff([_doc()], path)
    report = tmp_path / "report.json"
    assert main(["evaluate", str(path), "--predictions", str(path), "--texts", str(_texts(tmp_path)),
                 "--json", str(report)]) == 0
    scores = json.loads(report.read_text(encoding="utf-8"))
    assert scores["entities"]["micro"]["f1"] == 1.0 and scores["relations"]["micro"]["f1"] == 1.0
    assert "Relations (strict)" in capsys.readouterr().out


def test_a_stream_of_inline_records_is_read_once(tmp_path):
    import os

    read_fd, write_fd = os.pipe()
    with os.fdopen(write_fd, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(_doc().to_dict()) + "\n")
    try:
        (doc,) = load_documents(f"/dev/fd/{read_fd}")
    finally:
        os.close(read_fd)
    assert doc.text == TEXT and len(doc.entities) == 4


def test_a_repeated_standoff_id_is_an_error(tmp_path):
    path = tmp_path / "gold.standoff.jsonl"
    write_standoff([_doc(), _doc()], path)
    with pytest.raises(DataError, match=r":2: duplicate id 'doc-1'"):
        read_standoff(path, [_texts(tmp_path)])


def test_validate_and_stats_read_standoff_files_with_their_texts(tmp_path, capsys):
    path = tmp_path / "gold.standoff.jsonl"
    write_standoff([_doc()], path)
    texts = str(_texts(tmp_path))
    assert main(["validate", str(path), "--texts", texts]) == 0
    assert "1 valid documents, 0 errors" in capsys.readouterr().out
    assert main(["stats", str(path), "--texts", texts]) == 0
    assert "| gold.standoff.jsonl | 1 | 57 | 2 | 1 | 1 | 0 | 1 | 1 | 0 | 1 |" in capsys.readouterr().out
    assert main(["validate", str(path)]) == 1
    assert "--texts" in capsys.readouterr().err


def test_validate_reports_every_bad_standoff_record_and_counts_the_good_ones(tmp_path, capsys):
    good = json.loads(write_standoff([_doc()], tmp_path / "one.jsonl") and (tmp_path / "one.jsonl").read_text())
    changed = dict(good, text_sha256="0" * 64)
    unknown = dict(good, id="nowhere")
    off_schema = dict(good, id="other", text_sha256=text_sha256("x"))  # its entities do not fit the text "x"
    path = tmp_path / "mixed.standoff.jsonl"
    path.write_text("\n".join([json.dumps(good), json.dumps(changed), "{not json", json.dumps(unknown),
                               json.dumps(off_schema)]) + "\n", encoding="utf-8")
    assert main(["validate", str(path), "--texts", str(_texts(tmp_path))]) == 1
    captured = capsys.readouterr()
    assert "1 valid documents, 4 errors" in captured.out
    for line, what in ((2, "duplicate id"), (3, "invalid JSON"), (4, "no text"), (5, "")):
        assert f"mixed.standoff.jsonl:{line}" in captured.err and what in captured.err
