"""Pseudo-labels and distillation: students taken from a teacher's layers, the teacher's soft targets."""
from __future__ import annotations

import json

import pytest
import torch

from tests.helpers import REPO

TOY = REPO / "tests" / "data" / "toy.jsonl"


def test_student_keeps_the_chosen_layers_of_the_teacher(tiny_model_dir):
    from dignitary.errors import DignitaryError
    from dignitary.models.pretrained import load_pretrained
    from dignitary.training.distill import student_from_teacher

    teacher, _, _ = load_pretrained(tiny_model_dir)
    student, _ = student_from_teacher(tiny_model_dir, [1])
    assert len(student.encoder.encoder.layer) == 1 and student.encoder.config.num_hidden_layers == 1
    for (name, a), (_, b) in zip(student.encoder.encoder.layer[0].state_dict().items(),
                                 teacher.encoder.encoder.layer[1].state_dict().items()):
        assert torch.equal(a, b), name
    assert torch.equal(student.tagger.weight, teacher.tagger.weight)
    for bad in ([], [1, 0], [0, 2], [-1]):
        with pytest.raises(DignitaryError, match="student layers"):
            student_from_teacher(tiny_model_dir, bad)


def test_a_narrow_student_keeps_the_strongest_feed_forward_units(tmp_path, tiny_model_dir, tiny_tokenizer):
    from dignitary.errors import DignitaryError
    from dignitary.models.pretrained import load_pretrained, save_pretrained
    from dignitary.training.distill import student_from_teacher

    whole, _ = student_from_teacher(tiny_model_dir, [0, 1])
    size = whole.encoder.config.intermediate_size
    same, _ = student_from_teacher(tiny_model_dir, [0, 1], ffn=size)  # every unit kept: the same function
    ids = torch.tensor([[2, 5, 6, 7, 3]])
    mask, casing = torch.ones_like(ids), torch.zeros_like(ids)
    whole.eval(), same.eval()
    with torch.no_grad():
        assert torch.allclose(whole.encode(ids, mask, casing)[0], same.encode(ids, mask, casing)[0], atol=1e-5)

    units = size // 4
    narrow, tokenizer = student_from_teacher(tiny_model_dir, [0, 1], ffn=units)
    assert narrow.encoder.config.intermediate_size == units
    for old, new in zip(whole.encoder.encoder.layer, narrow.encoder.encoder.layer):
        assert new.intermediate.dense.weight.shape == (units, whole.encoder.config.hidden_size)
        assert new.output.dense.weight.shape == (whole.encoder.config.hidden_size, units)
        strength = old.intermediate.dense.weight.norm(dim=1) * old.output.dense.weight.norm(dim=0)
        kept = new.intermediate.dense.weight.norm(dim=1) * new.output.dense.weight.norm(dim=0)
        assert torch.allclose(kept.sort().values, strength.sort().values[-units:])
        assert torch.equal(new.attention.self.query.weight, old.attention.self.query.weight)
    save_pretrained(narrow, tokenizer, tmp_path / "narrow", half=False)  # a narrow student reloads as saved
    reloaded, _, _ = load_pretrained(tmp_path / "narrow")
    reloaded.eval(), narrow.eval()
    with torch.no_grad():
        assert torch.allclose(reloaded.encode(ids, mask, casing)[0], narrow.encode(ids, mask, casing)[0], atol=1e-5)
    for bad in (0, size + 1):
        with pytest.raises(DignitaryError, match="--student-ffn"):
            student_from_teacher(tiny_model_dir, [0], ffn=bad)


def test_student_ffn_needs_student_layers(tmp_path, tiny_model_dir):
    from dignitary.errors import DignitaryError
    from dignitary.training import TrainConfig, Trainer

    with pytest.raises(DignitaryError, match="--student-ffn.*--student-layers"):
        Trainer(TrainConfig(train_files=[str(TOY)], encoder=str(tiny_model_dir), student_ffn=8, device="cpu",
                            output_dir=str(tmp_path / "out")))


def test_pseudo_label_skips_excluded_documents_and_keeps_scores(tmp_path, tiny_model_dir):
    from dignitary.standoff import load_documents
    from dignitary.training.pseudo import pseudo_label

    pool = tmp_path / "pool.jsonl"
    docs = [json.loads(line) for line in TOY.read_text(encoding="utf-8").splitlines()]
    renamed = dict(docs[1], id="same-text-other-id")  # excluded by its text, not its id
    pool.write_text("".join(json.dumps({"id": d["id"], "text": d["text"]}) + "\n" for d in [docs[0], renamed, docs[2]]),
                    encoding="utf-8")
    exclude = tmp_path / "dev.jsonl"
    exclude.write_text(json.dumps(docs[1]) + "\n", encoding="utf-8")
    out = tmp_path / "pseudo.standoff.jsonl"
    n = pseudo_label(tiny_model_dir, [str(pool)], out, exclude=[str(exclude)], relation_floor=0.01, device="cpu",
                     progress=False)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert n == 2 and [r["id"] for r in records] == ["toy-1", "toy-3"]
    assert all("text" not in r for r in records)
    entities = [e for r in records for e in r["entities"]]
    assert entities and all(0.0 <= e["score"] <= 1.0 for e in entities)
    relations = [x for r in records for x in r["relations"]]
    assert all(0.0 <= x["score"] <= 1.0 for x in relations)
    loaded = load_documents(out, None, [str(pool)])
    assert [d.id for d in loaded] == ["toy-1", "toy-3"] and loaded[0].entities[0].score is not None


def test_a_translated_dev_document_excludes_its_original(tmp_path):
    from dignitary.training.pseudo import excluded_keys

    dev = tmp_path / "dev_es.jsonl"
    dev.write_text(json.dumps({"id": "es-pool-7", "source_id": "pool-7", "text": "El ministro llegó.",
                               "entities": [], "relations": []}) + "\n", encoding="utf-8")
    ids, _ = excluded_keys([dev])
    assert ids == {"es-pool-7", "pool-7"}


def test_relation_scores_are_soft_targets_and_unsure_entities_are_masked(tiny_tokenizer):
    from dignitary.document import Document, Entity, Relation
    from dignitary.models.inputs import IGNORE
    from dignitary.models.windows import build_windows
    from dignitary.schema import Schema

    text = "Liu Haixing, Minister of the International Department, met Maduro."
    doc = Document("p1", text, [Entity(0, 11, "PER", "T1", 0.9), Entity(13, 21, "TITLE", "T2", 0.8),
                                Entity(29, 53, "ORG", "T3", 0.2), Entity(59, 65, "PER", "T4", 0.95)],
                   [Relation("T1", "T2", "has_title", 0.7), Relation("T1", "T4", "met", 0.4)])
    schema = Schema.builtin("default")
    (window,) = build_windows([doc], tiny_tokenizer, schema, 64, pseudo_ids=frozenset({"p1"}), min_score=0.5)
    assert window.pseudo and window.doc_id == "p1"
    assert sorted(m.entity_id for m in window.mentions) == ["T1", "T2", "T4"]  # T3 scored 0.2
    org = [i for i, (a, b) in enumerate(window.tokens.offsets) if 29 <= a and b <= 53 and b > a]
    assert org and all(window.tags[i - window.chunk.start] == IGNORE for i in org)
    by_ids = {(window.mentions[c.head].entity_id, window.mentions[c.tail].entity_id): c for c in window.candidates}
    labels = schema.relation_labels
    assert by_ids[("T1", "T2")].target[labels.index("has_title")] == pytest.approx(0.7)
    met = by_ids.get(("T1", "T4")) or by_ids[("T4", "T1")]
    assert met.target[labels.index("met")] == pytest.approx(0.4)
    (gold,) = build_windows([doc], tiny_tokenizer, schema, 64)  # not pseudo: every entity kept
    assert not gold.pseudo and len(gold.mentions) == 4


def test_pseudo_windows_learn_the_teacher_distributions(tmp_path, tiny_model_dir):
    """A student identical to its teacher (every layer, no dropout) has a distillation loss equal
    to the entropy of the teacher's distributions: the targets are the teacher's, not hard labels."""
    from dignitary.models.inputs import IGNORE
    from dignitary.training import TrainConfig, Trainer
    from dignitary.training.pseudo import pseudo_label

    pool = tmp_path / "pool.jsonl"
    pool.write_text("".join(json.dumps({"id": f"u{i}", "text": json.loads(line)["text"]}) + "\n"
                            for i, line in enumerate(TOY.read_text(encoding="utf-8").splitlines())), encoding="utf-8")
    pseudo = tmp_path / "pseudo.standoff.jsonl"
    pseudo_label(tiny_model_dir, [str(pool)], pseudo, relation_floor=0.01, device="cpu", progress=False)
    cfg = TrainConfig(train_files=[str(TOY)], encoder=str(tiny_model_dir), output_dir=str(tmp_path / "student"),
                      pseudo_files=[str(pseudo)], text_files=[str(pool)], teacher=str(tiny_model_dir),
                      student_layers=[0, 1], pseudo_min_score=0.0, device="cpu", epochs=1, half=False,
                      tune_threshold=False)
    trainer = Trainer(cfg)
    trainer.model.eval()
    windows = [w for w in trainer.epoch_windows() if w.pseudo]
    assert windows and not trainer.teacher.cache
    loss, parts = trainer.loss(windows)
    assert len(trainer.teacher.cache) == len(windows)

    batch = trainer.component.collate(windows).to("cpu")
    with torch.no_grad():
        logits, hidden = trainer.model.encode(batch.input_ids, batch.attention_mask, batch.casing_ids)
        p = torch.softmax(logits, dim=-1)
        inside = torch.zeros(batch.tags.shape, dtype=torch.bool)
        for r, w in enumerate(windows):
            inside[r, 1:len(w.tags) + 1] = True
        entropy = -(p * p.clamp(min=1e-12).log()).sum(-1)[inside].mean()
    assert parts["tag"] == pytest.approx(entropy.item(), rel=1e-3)
    hard = torch.nn.functional.cross_entropy(logits.flatten(0, 1), batch.tags.flatten(), ignore_index=IGNORE)
    assert abs(hard.item() - parts["tag"]) > 1e-3  # the hard labels would give another loss
    loss.backward()  # the soft loss trains the student
    assert trainer.model.tagger.weight.grad is not None
