"""Error listing: each strict-metric error once, sorted into kinds."""
import json

from dignitary.document import Document, Entity, Relation
from dignitary.evaluation.errors import errors_markdown, find_errors
from dignitary.evaluation.metrics import evaluate_documents
from dignitary.schema import Schema

TEXT = "Liu Haixing, Minister of IDCPC, met Ma Hui in Beijing on Monday."
SCHEMA = Schema.builtin("default")


def _gold():
    return Document("d", TEXT, [Entity(0, 11, "PER", "T1"), Entity(13, 21, "TITLE", "T2"),
                                Entity(25, 30, "ORG", "T3"), Entity(36, 42, "PER", "T4"),
                                Entity(46, 53, "GPE", "T5")],
                    [Relation("T1", "T2", "has_title"), Relation("T2", "T3", "title_at"), Relation("T1", "T4", "met")])


def _predicted():
    # "Liu" cut short (boundary), IDCPC as GPE (label), "Ma Hui in" as ORG (boundary+label),
    # Beijing missed, Monday spurious; met reversed (still right), has_title on the cut name
    return Document("d", TEXT, [Entity(0, 3, "PER", "A"), Entity(13, 21, "TITLE", "B"),
                                Entity(25, 30, "GPE", "C"), Entity(36, 45, "ORG", "D"),
                                Entity(57, 63, "GPE", "E")],
                    [Relation("A", "B", "has_title"), Relation("B", "E", "title_at")])


def test_each_entity_error_has_one_kind():
    errors = find_errors([_gold()], [_predicted()], SCHEMA)
    entity = [(e.kind, e.gold and e.gold["text"], e.predicted and e.predicted["text"])
              for e in errors if e.category == "entity"]
    assert entity == [("boundary", "Liu Haixing", "Liu"), ("label", "IDCPC", "IDCPC"),
                      ("boundary+label", "Ma Hui", "Ma Hui in"), ("missed", "Beijing", None),
                      ("spurious", None, "Monday")]


def test_error_counts_agree_with_the_strict_metric():
    gold, pred = _gold(), _predicted()
    report = evaluate_documents([gold], [pred], SCHEMA)
    errors = find_errors([gold], [pred], SCHEMA)
    entity = [e for e in errors if e.category == "entity"]
    assert sum(e.gold is not None for e in entity) == report.entities.micro.fn
    assert len({(e.predicted["start"], e.predicted["end"]) for e in entity if e.predicted}) == report.entities.micro.fp
    relation = [e for e in errors if e.category == "relation"]
    assert sum(e.kind == "missed" for e in relation) == report.relations.micro.fn == 3
    assert sum(e.kind == "spurious" for e in relation) == report.relations.micro.fp == 2
    assert not any(e.entities_found for e in relation if e.kind == "spurious")  # both sit on wrong mentions


def test_a_missed_relation_between_found_mentions_says_so():
    gold = _gold()
    pred = Document("d", TEXT, [Entity(e.start, e.end, e.label, e.id) for e in gold.entities],
                    [Relation("T4", "T1", "met")])  # symmetric: reversed is right
    errors = find_errors([gold], [pred], SCHEMA)
    assert [(e.kind, e.gold["label"], e.entities_found) for e in errors] == [
        ("missed", "has_title", True), ("missed", "title_at", True)]
    assert errors[0].context.startswith("[Liu Haixing, Minister]")


def test_errors_are_json_and_counted_in_markdown():
    errors = find_errors([_gold()], [_predicted()], SCHEMA)
    rows = [json.loads(json.dumps(e.to_dict())) for e in errors]
    assert {r["category"] for r in rows} == {"entity", "relation"} and all(r["id"] == "d" for r in rows)
    table = errors_markdown(errors, SCHEMA.entity_labels)
    assert "| boundary | 0 | 0 | 1 | 0 | 1 |" in table  # labels GPE, ORG, PER, TITLE
    assert "| missed | 0 | 3 |" in table and "| spurious | 0 | 2 |" in table


def test_overlapping_predictions_pair_with_each_gold_mention_in_linear_sweeps():
    text = "Moscow Russia " * 2000
    gold = Document("g", text, [Entity(i * 14, i * 14 + 6, "GPE", f"T{i}") for i in range(2000)])
    pred = Document("g", text, [Entity(i * 14, i * 14 + 13, "GPE", f"P{i}") for i in range(2000)])
    errors = find_errors([gold], [pred], SCHEMA)
    assert len(errors) == 2000 and {e.kind for e in errors} == {"boundary"}


def test_evaluate_command_writes_the_errors_file(tmp_path, capsys):
    from dignitary.cli import main

    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text(json.dumps(_gold().to_dict()) + "\n", encoding="utf-8")
    pred.write_text(json.dumps(_predicted().to_dict()) + "\n", encoding="utf-8")
    out = tmp_path / "errors.jsonl"
    assert main(["evaluate", str(gold), "--predictions", str(pred), "--errors", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 10 and all(r["file"] == str(gold) for r in rows)
    assert "Entity errors by kind" in capsys.readouterr().out
