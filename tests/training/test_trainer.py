"""Length-grouped training batches."""
import random
from types import SimpleNamespace

from dignitary.training.trainer import GROUP_BATCHES, length_grouped_batches


def window(length: int, tag: int):
    return SimpleNamespace(chunk=SimpleNamespace(start=0, end=length), tag=tag)


def padded_tokens(batches) -> int:
    return sum(max(w.chunk.end for w in b) * len(b) for b in batches)


def test_every_window_once_in_batches_of_similar_length():
    rng = random.Random(0)
    windows = [window(rng.randint(5, 128), i) for i in range(1000)]
    batches = length_grouped_batches(list(windows), 8, random.Random(1))
    assert sorted(w.tag for b in batches for w in b) == list(range(1000))
    assert all(1 <= len(b) <= 8 for b in batches)
    assert sum(len(b) < 8 for b in batches) <= -(-1000 // (8 * GROUP_BATCHES))  # one short batch per group at most
    random_batches = [windows[i:i + 8] for i in range(0, 1000, 8)]
    assert padded_tokens(batches) < 0.7 * padded_tokens(random_batches)


def test_batch_order_is_shuffled_and_seeded():
    windows = [window(n, n) for n in range(1, 401)]
    first = length_grouped_batches(list(windows), 4, random.Random(3))
    again = length_grouped_batches(list(windows), 4, random.Random(3))
    assert [[w.tag for w in b] for b in first] == [[w.tag for w in b] for b in again]
    lengths = [b[0].chunk.end for b in first]
    assert lengths != sorted(lengths) and lengths != sorted(lengths, reverse=True)


def test_fused_optimizer_follows_the_same_update_rule(tmp_path, tiny_tokenizer, tiny_model_factory):
    import pytest

    from dignitary.training import TrainConfig, Trainer

    from tests.helpers import REPO

    toy = str(REPO / "tests" / "data" / "toy.jsonl")

    def losses(fused: bool) -> tuple[list[float], bool]:
        model = tiny_model_factory(seed=1, encoder_dropout=0.0, max_tokens=48, relation_hidden=16, dropout=0.0)
        cfg = TrainConfig(train_files=[toy], encoder="", output_dir=str(tmp_path / str(fused)), epochs=3,
                          batch_size=2, device="cpu", half=False, seed=5, fused_optimizer=fused, tune_threshold=False)
        trainer = Trainer(cfg, model=model, tokenizer=tiny_tokenizer)
        optimizer, _ = trainer.make_optimizer(10)
        state = trainer.fit()
        return [h["loss"] for h in state["history"]], bool(optimizer.defaults.get("fused"))

    plain, plain_fused = losses(False)
    fused, fused_flag = losses(True)
    assert not plain_fused and fused_flag
    assert plain[-1] < plain[0]
    assert fused == pytest.approx(plain, rel=1e-3)


def test_trainer_reads_standoff_files_joined_with_their_texts(tmp_path, tiny_tokenizer, tiny_model_factory):
    import json

    from dignitary.jsonl import read_jsonl
    from dignitary.standoff import write_standoff
    from dignitary.training import TrainConfig, Trainer

    from tests.helpers import REPO

    toy = REPO / "tests" / "data" / "toy.jsonl"
    inline = read_jsonl(toy)
    standoff, texts = tmp_path / "toy.standoff.jsonl", tmp_path / "texts.jsonl"
    write_standoff(inline, standoff)
    texts.write_text("".join(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in reversed(inline)),
                     encoding="utf-8")
    model = tiny_model_factory(max_tokens=48)
    cfg = TrainConfig(train_files=[str(standoff)], dev_file=str(standoff), text_files=[str(texts)], encoder="",
                      output_dir=str(tmp_path / "out"), device="cpu")
    trainer = Trainer(cfg, model=model, tokenizer=tiny_tokenizer)
    assert [(d.id, d.text, d.entities, d.relations) for d in trainer.train_docs] == [
        (d.id, d.text, d.entities, d.relations) for d in inline]
    assert len(trainer.dev_docs) == len(inline)


def test_ndjson_training_files_are_read_as_jsonl(tmp_path):
    from dignitary.jsonl import read_jsonl
    from dignitary.schema import Schema
    from dignitary.training.trainer import read_training_file

    from tests.helpers import REPO

    toy = REPO / "tests" / "data" / "toy.jsonl"
    copy = tmp_path / "toy.ndjson"
    copy.write_bytes(toy.read_bytes())
    assert [d.id for d in read_training_file(copy, Schema.builtin("default"))] == [d.id for d in read_jsonl(toy)]


def test_init_model_fine_tunes_a_trained_model_and_keeps_its_heads(tmp_path, tiny_model_dir):
    import pytest
    import torch

    from dignitary.errors import DignitaryError
    from dignitary.models.pretrained import load_pretrained
    from dignitary.training import TrainConfig, Trainer

    from tests.helpers import REPO

    toy = str(REPO / "tests" / "data" / "toy.jsonl")
    start, _, _ = load_pretrained(tiny_model_dir)
    cfg = TrainConfig(train_files=[toy], encoder=str(tiny_model_dir), init_model=str(tiny_model_dir),
                      output_dir=str(tmp_path / "tuned"), epochs=1, batch_size=2, device="cpu", half=False,
                      max_tokens=128, casing=not start.config.casing, tune_threshold=False)
    trainer = Trainer(cfg)
    assert trainer.model.config == start.config  # the model's head settings, not the flags' defaults
    assert (cfg.max_tokens, cfg.casing) == (start.config.max_tokens, start.config.casing)
    before = {k: v.clone() for k, v in trainer.model.state_dict().items()}
    assert all(torch.equal(before[k], v) for k, v in start.state_dict().items())  # starts from its weights
    trainer.fit()
    tuned, _, meta = load_pretrained(tmp_path / "tuned")
    assert tuned.config == start.config and meta["training"]["init_model"] == str(tiny_model_dir)
    assert not torch.equal(tuned.tagger.weight, start.tagger.weight)  # and trains on

    with pytest.raises(DignitaryError, match="schema"):
        Trainer(TrainConfig(train_files=[toy], encoder="", init_model=str(tiny_model_dir), schema="conll04",
                            output_dir=str(tmp_path / "other"), device="cpu"))
    with pytest.raises(DignitaryError, match="exclude each other"):
        Trainer(TrainConfig(train_files=[toy], encoder="", init_model=str(tiny_model_dir), student_layers=[0],
                            teacher=str(tiny_model_dir), output_dir=str(tmp_path / "both"), device="cpu"))
