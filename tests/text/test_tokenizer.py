"""The tokenizer read from tokenizer.json alone gives the ids and offsets of the Hugging Face tokenizer."""
import pytest

from dignitary.text.alignment import trim_offsets
from dignitary.text.tokenizer import SubwordTokenizer

from tests.helpers import REPO

TEXT = "Venezuela’s President Nicolás Maduro met Wu  Hansheng (CCP) in Caracas.\n\nU.S. envoy 北京 said: “no”."


def _spans(text):
    return [(0, 22), (23, 60), (60, len(text)), (5, 5)]


def _hf(hf, s, e):
    """What the Hugging Face tokenizer itself gives for ``TEXT[s:e]``."""
    enc = hf(TEXT[s:e], add_special_tokens=False, return_offsets_mapping=True)
    return trim_offsets(TEXT[s:e], s, enc["input_ids"], enc["offset_mapping"])


def _same(hf, ours):
    expected = [_hf(hf, s, e) for s, e in _spans(TEXT)]
    assert sum(len(t) for t in expected) > 20
    for (s, e), want in zip(_spans(TEXT), expected):
        (got,) = ours.encode_spans(TEXT, [(s, e)])
        assert (got.input_ids, got.offsets) == (want.input_ids, want.offsets)
    batched = ours.encode_spans(TEXT, _spans(TEXT))
    assert [(t.input_ids, t.offsets) for t in batched] == [(t.input_ids, t.offsets) for t in expected]


def test_tiny_tokenizer_from_its_files(tmp_path, tiny_tokenizer):
    tiny_tokenizer.save_pretrained(str(tmp_path))
    ours = SubwordTokenizer.from_dir(tmp_path)
    assert (ours.start_id, ours.end_id, ours.pad_id) == (tiny_tokenizer.cls_token_id, tiny_tokenizer.sep_token_id,
                                                         tiny_tokenizer.pad_token_id)
    _same(tiny_tokenizer, ours)


@pytest.mark.shipped_model
def test_shipped_tokenizer_from_its_files():
    from transformers import AutoTokenizer

    path = REPO / "models" / "default"
    if not (path / "tokenizer.json").is_file():
        pytest.skip("no shipped model")
    hf = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
    ours = SubwordTokenizer.from_dir(path)
    assert (ours.start_id, ours.end_id, ours.pad_id) == (hf.cls_token_id, hf.sep_token_id, hf.pad_token_id)
    _same(hf, ours)
