"""Helpers shared by the tests."""
from __future__ import annotations

import json
import string
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

WORDS = """the of and in to a met with minister president ambassador party committee communist china
venezuela beijing caracas liu ma hui maduro nicolas xi jinping said on department international
foreign affairs vice secretary general united socialist people republic bank news agency""".split()


def tiny_vocab() -> list[str]:
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    chars = list(string.ascii_lowercase + string.digits + string.punctuation) + list("éáíóúñ’“”")
    pieces = specials + chars + ["##" + c for c in string.ascii_lowercase + string.digits + "éáíóúñ"] + WORDS
    return list(dict.fromkeys(pieces))


ENCODER_FAMILIES = ("bert", "roberta")  # the architectures the tests build tiny (make_tiny_encoder)


def make_tiny_encoder(vocab_size: int, seed: int = 0, dropout: float = 0.1, family: str = "bert"):
    """A randomly initialised 2-layer, 32-wide encoder of ``family`` (one of ``ENCODER_FAMILIES``)."""
    import torch
    from transformers import BertConfig, BertModel, RobertaConfig, RobertaModel

    torch.manual_seed(seed)
    sizes = dict(vocab_size=vocab_size, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                 intermediate_size=64, hidden_dropout_prob=dropout, attention_probs_dropout_prob=dropout)
    if family == "bert":
        return BertModel(BertConfig(max_position_embeddings=256, **sizes))
    if family == "roberta":  # positions count from the padding id + 1, which is [PAD] = 0 in tiny_vocab()
        return RobertaModel(RobertaConfig(max_position_embeddings=258, pad_token_id=0, bos_token_id=2, eos_token_id=3,
                                          **sizes))
    raise ValueError(f"no tiny encoder of family {family!r}; known: {ENCODER_FAMILIES}")


def write_lines(path: Path, lines: list) -> Path:
    path.write_text("".join((json.dumps(x) if not isinstance(x, str) else x) + "\n" for x in lines), encoding="utf-8")
    return path


def engine_inputs(folder: Path, n: int, bad: tuple[int, int]) -> Path:
    """``folder`` with ``a.jsonl`` (``n`` news records, the ``bad`` two broken: invalid JSON, no text) and ``b.txt``:
    the input by which an engine's output is compared with one process's."""
    folder.mkdir()
    records: list = [{"id": f"d{i}", "text": f"Liu Haixing met Ma Hui in Beijing {i} times.", "n": i} for i in range(n)]
    records[bad[0]] = "{not json"
    records[bad[1]] = {"id": "no-text"}
    write_lines(folder / "a.jsonl", records)
    (folder / "b.txt").write_text("Xi Jinping met Nicolas Maduro in Caracas.")
    return folder


def tiny_joint_model(vocab_size: int, seed: int = 0, encoder_dropout: float = 0.1, schema: str = "default",
                     family: str = "bert", **head):
    """A joint model over a tiny encoder (``make_tiny_encoder``); ``head``: ``HeadConfig`` fields."""
    from dignitary.models.config import HeadConfig
    from dignitary.models.joint import JointModel
    from dignitary.schema import Schema

    encoder = make_tiny_encoder(vocab_size, seed=seed, dropout=encoder_dropout, family=family)
    return JointModel(encoder, Schema.builtin(schema), HeadConfig(**head))


def confident_tiny_model(vocab_size: int, relation_bias: float | None = None):
    """A random but "confident" joint model: a sharpened tagger (weights × 40) so that it emits
    mentions, and optionally a relation bias so that it emits relations."""
    import torch

    model = tiny_joint_model(vocab_size, seed=5, max_tokens=24, relation_hidden=16, relation_threshold=0.3)
    with torch.no_grad():
        model.tagger.weight.mul_(40)
        if relation_bias is not None:
            model.relation_mlp[-1].bias.fill_(relation_bias)
    return model.eval()


def predict_texts(model, tokenizer, texts: list[str], **kwargs) -> list:
    """The documents a torch ``JointModel`` predicts for ``texts`` (``JointComponent.predict``);
    ``kwargs`` go to the component (token_budget, max_batch_size, stream_tokens, ...)."""
    from dignitary.document import Document
    from dignitary.models.component import JointComponent

    component = JointComponent.from_model(model, tokenizer, **kwargs)
    return component.predict([Document(str(i), t) for i, t in enumerate(texts)])


GUIDELINE_SENTENCE = ("Liu Haixing, Minister of the International Department of the CPC Central Committee (IDCPC), met "
                      "on November 26 with Remigio Ceballos, the Venezuelan Ambassador to China.")


def check_guideline_sentence(extractor) -> None:
    """A shipped model finds the people, offices and has_title links of ANNOTATION.md's example."""
    doc = extractor(GUIDELINE_SENTENCE)
    found = {(doc.mention_text(e), e.label) for e in doc.entities}
    assert {("Liu Haixing", "PER"), ("Remigio Ceballos", "PER"), ("Minister", "TITLE"),
            ("Ambassador", "TITLE")} <= found
    rels = {(doc.mention_text(doc.entity(r.head)), r.label, doc.mention_text(doc.entity(r.tail)))
            for r in doc.relations}
    assert ("Liu Haixing", "has_title", "Minister") in rels
