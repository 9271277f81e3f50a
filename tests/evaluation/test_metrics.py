import pytest

from dignitary.document import Document, Entity, Relation
from dignitary.evaluation.metrics import evaluate_documents, word_bio_tags
from dignitary.schema import Schema

TEXT = "Liu Haixing, Minister of IDCPC, met Ma Hui."


def _gold():
    return Document("d", TEXT, [Entity(0, 11, "PER", "T1"), Entity(13, 21, "TITLE", "T2"),
                                Entity(25, 30, "ORG", "T3"), Entity(36, 42, "PER", "T4")],
                    [Relation("T1", "T2", "has_title"), Relation("T2", "T3", "title_at"), Relation("T1", "T4", "met")])


def test_perfect_prediction_scores_one():
    r = evaluate_documents([_gold()], [_gold()], Schema.builtin("default"))
    assert r.entities.micro.f1 == 1.0 and r.relations.micro.f1 == 1.0 and r.seqeval["f1"] == 1.0


def test_strict_counts_wrong_boundary_label_and_unordered_met():
    pred = Document("d", TEXT, [Entity(0, 3, "PER", "A"), Entity(13, 21, "TITLE", "B"),
                                Entity(25, 30, "GPE", "C"), Entity(36, 42, "PER", "D")],
                    [Relation("A", "B", "has_title"), Relation("D", "A", "met"), Relation("B", "C", "title_at")])
    gold = _gold()
    r = evaluate_documents([gold], [pred], Schema.builtin("default"))
    ent = r.entities.micro
    assert (ent.tp, ent.fp, ent.fn) == (2, 2, 2)  # "Liu" is a boundary error, IDCPC a label error
    assert r.entities_boundary.micro.tp == 3
    rel = r.relations.micro
    assert (rel.tp, rel.fp, rel.fn) == (0, 3, 3)
    # with the gold "Liu Haixing" span, met(D, A) in reverse order matches met(T1, T4)
    pred.entities[0] = Entity(0, 11, "PER", "A")
    r = evaluate_documents([gold], [pred], Schema.builtin("default"))
    assert r.relations.per_label["met"].tp == 1 and r.relations.per_label["has_title"].tp == 1
    assert r.relations.per_label["title_at"].tp == 0  # tail label wrong → strict miss
    assert r.relations_boundary.per_label["title_at"].tp == 1
    assert r.relations.macro_f1() == pytest.approx((1 + 1 + 0 + 0) / 4)


def test_word_bio_tags():
    assert word_bio_tags(_gold())[:4] == ["B-PER", "I-PER", "O", "B-TITLE"]


def test_missing_prediction_is_an_error():
    with pytest.raises(ValueError, match="no prediction"):
        evaluate_documents([_gold()], [], Schema.builtin("default"))
