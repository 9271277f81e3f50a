"""Shared fixtures: a tiny BERT built from a config, with a small WordPiece vocabulary."""
from __future__ import annotations

import pytest

from tests.helpers import REPO, confident_tiny_model, make_tiny_encoder, tiny_vocab


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


@pytest.fixture()
def tiny_model(tiny_tokenizer):
    from dignitary.models.config import HeadConfig
    from dignitary.models.joint import JointModel
    from dignitary.schema import Schema

    encoder = make_tiny_encoder(len(tiny_tokenizer))
    return JointModel(encoder, Schema.builtin("default"), HeadConfig(max_tokens=48, relation_hidden=32,
                                                                     label_dim=8, width_dim=8, distance_dim=8,
                                                                     casing_dim=8))


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
