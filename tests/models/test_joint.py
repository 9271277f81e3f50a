import pytest
import torch

from dignitary.models.inputs import (
    candidate_pairs,
    collate_chunks,
    entity_mentions,
    make_chunks,
    tokenize_document,
)
from dignitary.models.joint import distance_bucket
from dignitary.schema import Schema
from dignitary.text.tokenizer import SubwordTokenizer


def test_forward_shapes_and_schema_masking(tiny_model, tiny_tokenizer, toy_docs):
    schema = Schema.builtin("default")
    doc = toy_docs[0]
    tokens = tokenize_document(tiny_tokenizer, doc.text)
    chunks = make_chunks(0, tokens, 48)
    tokenizer = SubwordTokenizer.from_hf(tiny_tokenizer)
    batch = collate_chunks(chunks, [tokens], tokenizer.start_id, tokenizer.end_id, tokenizer.pad_id).to("cpu")
    logits, hidden = tiny_model.encode(batch.input_ids, batch.attention_mask, batch.casing_ids)
    assert logits.shape == (*batch.input_ids.shape, len(schema.bio_labels()))
    assert hidden.shape[-1] == 32
    mentions = entity_mentions(doc, tokens, schema)
    cands = candidate_pairs(mentions, schema)
    from dignitary.models.inputs import pair_arrays

    mb, pb, _ = pair_arrays([0], [chunks[0].start], [mentions], [cands], 4)
    mb, pb = mb.to("cpu"), pb.to("cpu")
    rel = tiny_model.relation_logits(hidden, mb, pb)
    assert rel.shape == (len(cands), 4)
    assert torch.all(rel[~pb.allowed] <= -1e3)


def test_candidates_respect_types_sentences_and_symmetry(tiny_tokenizer, toy_docs):
    schema = Schema.builtin("default")
    doc = toy_docs[1]  # two sentences
    tokens = tokenize_document(tiny_tokenizer, doc.text)
    mentions = entity_mentions(doc, tokens, schema)
    labels = schema.relation_labels
    for c in candidate_pairs(mentions, schema):
        h, t = mentions[c.head], mentions[c.tail]
        assert h.sentence == t.sentence
        if c.allowed[labels.index("met")]:
            assert h.start < t.start  # symmetric: canonical text order
        assert any(c.allowed)
    # CPC (second sentence) never pairs with Maduro (first sentence)
    assert all({mentions[c.head].sentence, mentions[c.tail].sentence} != {0, 1}
               for c in candidate_pairs(mentions, schema))


def test_long_sentence_windows_cover_every_token_once():
    from dignitary.models.inputs import DocumentTokens

    n = 300
    tokens = DocumentTokens(list(range(n)), [(i, i + 1) for i in range(n)], [0] * n, [0] * n, [(0, n)], [True] * n)
    chunks = make_chunks(0, tokens, 64)
    owned = [t for c in chunks for t in range(c.own_start, c.own_end)]
    assert owned == list(range(n))
    assert all(len(c) <= 64 and c.start <= c.own_start <= c.own_end <= c.end for c in chunks)
    assert len(chunks) > 4  # overlapping windows, no truncation


def test_distance_buckets_are_signed_and_bounded():
    d = torch.tensor([-1000, -3, -1, 0, 1, 3, 1000])
    b = distance_bucket(d)
    assert b.min() >= 0 and b.max() < 16
    assert (b[:3] < 8).all() and (b[4:] >= 8).all()


def test_between_context_pooling_mean_and_max(tiny_model):
    hidden = torch.tensor([[[1.0, 0.0], [3.0, -2.0], [5.0, 4.0], [0.0, 0.0]]])
    row = torch.tensor([0, 0])
    left, right = torch.tensor([1, 2]), torch.tensor([3, 2])  # tokens 1-2; then two touching mentions
    tiny_model.config.context_pooling = "mean"
    mean = tiny_model.between_context(hidden, row, left, right)
    assert torch.allclose(mean, torch.tensor([[4.0, 1.0], [0.0, 0.0]]))
    tiny_model.config.context_pooling = "max"
    pooled = tiny_model.between_context(hidden, row, left, right)
    assert torch.allclose(pooled, torch.tensor([[5.0, 4.0], [0.0, 0.0]]))


def test_head_config_rejects_unknown_pooling():
    import pytest

    from dignitary.models.config import HeadConfig

    with pytest.raises(ValueError, match="context_pooling"):
        HeadConfig(context_pooling="sum")


def _pool_reference(hidden, row, start, end):
    """The definition: the max over the row's tokens in [start, end), clipped to the row; zeros if none."""
    out = torch.zeros((len(row), hidden.size(2)), dtype=hidden.dtype)
    for i, (r, a, b) in enumerate(zip(row.tolist(), start.tolist(), end.tolist())):
        a, b = max(a, 0), min(b, hidden.size(1))
        if a < b:
            out[i] = hidden[r, a:b].max(dim=0).values
    return out


@pytest.mark.parametrize("length", [1, 2, 3, 8, 9, 31, 130])
@pytest.mark.parametrize("dtype", [torch.float32, torch.bfloat16])
def test_span_max_pooling_is_the_max_over_each_span(length, dtype):
    from dignitary.models.joint import max_pool_spans

    g = torch.Generator().manual_seed(length)
    hidden = (torch.randn(4, length, 8, generator=g) - 3).to(dtype)  # mostly negative: zeros must never win
    row = torch.randint(0, 4, (300,), generator=g)
    a, b = torch.randint(-2, length + 3, (300,), generator=g), torch.randint(-2, length + 3, (300,), generator=g)
    start, end = torch.minimum(a, b), torch.maximum(a, b)
    end[:5] = start[:5]  # empty spans
    pooled = max_pool_spans(hidden, row, start, end, longest=130)
    assert pooled.dtype == dtype
    assert torch.equal(pooled, _pool_reference(hidden, row, start, end))
