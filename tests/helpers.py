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


def make_tiny_encoder(vocab_size: int, seed: int = 0, dropout: float = 0.1):
    import torch
    from transformers import BertConfig, BertModel

    torch.manual_seed(seed)
    config = BertConfig(vocab_size=vocab_size, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=256,
                        hidden_dropout_prob=dropout, attention_probs_dropout_prob=dropout)
    return BertModel(config)


def write_lines(path: Path, lines: list) -> Path:
    path.write_text("".join((json.dumps(x) if not isinstance(x, str) else x) + "\n" for x in lines), encoding="utf-8")
    return path
