"""A tiny encoder trains for a few steps, overfits a handful of sentences, and reloads identically."""
import pytest
import torch

from dignitary.extractor import Extractor
from dignitary.training import TrainConfig, Trainer

from tests.helpers import REPO


@pytest.fixture(scope="module")
def trained(tmp_path_factory, tiny_tokenizer, tiny_model_factory):
    out = tmp_path_factory.mktemp("overfit")
    model = tiny_model_factory(seed=1, encoder_dropout=0.0, max_tokens=48, relation_hidden=64, dropout=0.0)
    toy = str(REPO / "tests" / "data" / "toy.jsonl")
    config = TrainConfig(train_files=[toy], dev_file=toy, encoder="", output_dir=str(out), epochs=60,
                         batch_size=4, encoder_lr=3e-3, head_lr=1e-2, warmup_ratio=0.0, patience=60,
                         device="cpu", half=False, seed=3, deterministic=True)
    trainer = Trainer(config, model=model, tokenizer=tiny_tokenizer)
    state = trainer.fit()
    return out, state


def test_overfits_toy_sentences(trained):
    _, state = trained
    assert state["best"]["entity_f1"] >= 0.9
    assert state["best"]["relation_f1"] >= 0.8
    assert state["history"][0]["loss"] > state["history"][-1]["loss"]


def test_save_load_round_trip_gives_identical_predictions(trained, toy_docs):
    out, _ = trained
    first = Extractor.from_pretrained(out, device="cpu")
    second = Extractor.from_pretrained(out, device="cpu")
    a = [d.to_dict() for d in first(toy_docs)]
    b = [d.to_dict() for d in second(toy_docs)]
    assert a == b
    assert sum(len(d["relations"]) for d in a) > 0


def test_saved_encoder_loads_with_plain_transformers(trained):
    from transformers import AutoModel, AutoTokenizer

    out, _ = trained
    enc = AutoModel.from_pretrained(out)
    tok = AutoTokenizer.from_pretrained(out)
    with torch.no_grad():
        hidden = enc(**tok("Liu met Ma.", return_tensors="pt")).last_hidden_state
    assert hidden.shape[-1] == 32
    assert not list(out.glob("*.bin")) and not list(out.glob("*.pt")) and not list(out.glob("*.pkl"))


def test_resume_continues_from_checkpoint(tmp_path, tiny_tokenizer, tiny_model_factory):
    toy = str(REPO / "tests" / "data" / "toy.jsonl")

    def run(epochs, resume):
        model = tiny_model_factory(seed=1, max_tokens=48, relation_hidden=16)
        cfg = TrainConfig(train_files=[toy], dev_file=toy, encoder="", output_dir=str(tmp_path), epochs=epochs,
                          batch_size=2, device="cpu", resume=resume, keep_checkpoint=True, patience=99)
        return Trainer(cfg, model=model, tokenizer=tiny_tokenizer).fit()

    run(2, resume=False)
    state = run(4, resume=True)
    assert [h["epoch"] for h in state["history"]] == [1, 2, 3, 4]
