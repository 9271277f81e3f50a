"""Shared fixtures: a tiny BERT built from a config, with a small WordPiece vocabulary."""
from __future__ import annotations

from functools import partial

import pytest

from tests.helpers import REPO, confident_tiny_model, tiny_joint_model, tiny_vocab


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """ONNX exports of the tests go to a temporary cache, not the user's."""
    import os

    os.environ["DIGNITARY_CACHE"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def tiny_tokenizer():
    from transformers import BertTokenizerFast

    tokenizer = BertTokenizerFast(vocab={w: i for i, w in enumerate(tiny_vocab())}, do_lower_case=True)
    assert len(tokenizer) == len(tiny_vocab())
    return tokenizer


@pytest.fixture(scope="session")
def tiny_model_factory(tiny_tokenizer):
    """``factory(seed=0, encoder_dropout=0.1, **head)``: a new tiny joint model over the tiny tokenizer
    (``head``: ``HeadConfig`` fields); the one way the tests build a model."""
    return partial(tiny_joint_model, len(tiny_tokenizer))


@pytest.fixture()
def tiny_model(tiny_model_factory):
    return tiny_model_factory(max_tokens=48, relation_hidden=32, label_dim=8, width_dim=8, distance_dim=8,
                              casing_dim=8)


@pytest.fixture(scope="session")
def toy_docs():
    from dignitary.jsonl import read_jsonl

    return read_jsonl(REPO / "tests" / "data" / "toy.jsonl")


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory, tiny_tokenizer):
    """A saved tiny model whose sharpened tagger emits mentions (untrained: which ones is arbitrary)."""
    from dignitary.models.pretrained import save_pretrained

    model = confident_tiny_model(len(tiny_tokenizer))
    path = tmp_path_factory.mktemp("tiny_model") / "tiny"
    save_pretrained(model, tiny_tokenizer, path, half=False)
    return path
