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


def _predicted_keys(errors) -> set:
    """The distinct predicted mentions the entity errors name (``also`` included)."""
    keys = set()
    for e in errors:
        if e.category == "entity" and e.predicted:
            for m in [e.predicted, *e.predicted.get("also", [])]:
                keys.add((m["start"], m["end"], m["label"]))
    return keys


def _agrees_with_the_metric(gold: Document, pred: Document) -> list:
    report = evaluate_documents([gold], [pred], SCHEMA)
    errors = find_errors([gold], [pred], SCHEMA)
    entity = [e for e in errors if e.category == "entity"]
    assert sum(e.gold is not None for e in entity) == report.entities.micro.fn
    assert len(_predicted_keys(entity)) == report.entities.micro.fp
    relation = [e for e in errors if e.category == "relation"]
    assert sum(e.kind == "missed" for e in relation) == report.relations.micro.fn
    assert sum(e.kind == "spurious" for e in relation) == report.relations.micro.fp
    return errors


def test_error_counts_agree_with_the_strict_metric():
    errors = _agrees_with_the_metric(_gold(), _predicted())
    relation = [e for e in errors if e.category == "relation"]
    assert sum(e.kind == "missed" for e in relation) == 3 and sum(e.kind == "spurious" for e in relation) == 2
    assert not any(e.entities_found for e in relation if e.kind == "spurious")  # both sit on wrong mentions


def test_split_merged_and_repeated_mentions_are_one_error_each():
    text = "Liu Haixing and Ma Hui met in Beijing."
    gold = Document("d", text, [Entity(0, 11, "PER", "T1"), Entity(0, 11, "PER", "T9"), Entity(16, 22, "PER", "T2"),
                                Entity(30, 37, "GPE", "T3")])
    pred = Document("d", text, [Entity(0, 3, "PER", "A"), Entity(4, 11, "PER", "B"), Entity(16, 37, "PER", "C"),
                                Entity(16, 37, "PER", "D")])
    errors = _agrees_with_the_metric(gold, pred)
    rows = [(e.kind, e.gold["text"], e.predicted["text"], [m["text"] for m in e.predicted.get("also", [])])
            for e in errors]
    assert rows == [("boundary", "Liu Haixing", "Haixing", ["Liu"]),
                    ("boundary", "Ma Hui", "Ma Hui met in Beijing", []),
                    ("boundary+label", "Beijing", "Ma Hui met in Beijing", [])]


def test_two_labels_on_one_gold_span_are_one_label_error():
    gold = Document("d", TEXT, [Entity(0, 11, "GPE", "T1")])
    pred = Document("d", TEXT, [Entity(0, 11, "PER", "A"), Entity(0, 11, "ORG", "B")])
    (error,) = _agrees_with_the_metric(gold, pred)
    assert error.kind == "label" and len(error.predicted["also"]) == 1


def test_symmetric_relations_match_in_either_order_as_in_the_metric():
    text = "Liu Haixing met IDCPC."
    gold = Document("d", text, [Entity(0, 11, "PER", "T1"), Entity(0, 11, "ORG", "T2")],
                    [Relation("T1", "T2", "met")])
    pred = Document("d", text, [Entity(0, 11, "PER", "A"), Entity(0, 11, "ORG", "B")], [Relation("B", "A", "met")])
    assert _agrees_with_the_metric(gold, pred) == []


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
    import time

    def sweep(n: int) -> float:
        text = "Moscow Russia " * n
        gold = Document("g", text, [Entity(i * 14, i * 14 + 6, "GPE", f"T{i}") for i in range(n)])
        pred = Document("g", text, [Entity(0, len(text) - 1, "ORG", "ALL")]  # one span over all of them
                        + [Entity(i * 14, i * 14 + 13, "GPE", f"P{i}") for i in range(n)])
        started = time.perf_counter()
        errors = find_errors([gold], [pred], SCHEMA)
        assert len(errors) == n and {e.kind for e in errors} == {"boundary"}
        return time.perf_counter() - started

    def best(n: int) -> float:  # the least disturbed of three runs (a busy machine only adds time)
        return min(sweep(n) for _ in range(3))

    sweep(500)
    assert best(8000) < 40 * best(1000)  # 8x the input: linear is ~8x, quadratic 64x


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
