"""Long documents stream through the encoder: memory held is bounded by the group, not the document."""
import random
import weakref

import pytest

from dignitary.models.inputs import Mention, candidate_pairs

from tests.helpers import confident_tiny_model, predict_texts


@pytest.fixture(scope="module")
def model(tiny_tokenizer):
    return confident_tiny_model(len(tiny_tokenizer), relation_bias=0.5)


LONG = ("Liu Haixing, Minister of the International Department, met Remigio Ceballos in Beijing. " * 30
        + "Liu met Ma and " + "the minister of the party and " * 40 + "Maduro.")


def _summary(preds):
    return [([(e.start, e.end, e.label, round(e.score, 5)) for e in p.entities],
             [(r.head, r.tail, r.label, round(r.score, 5)) for r in p.relations]) for p in preds]


def _live_states(model):
    """Wrap ``model.encode``; return a list that gets, at each call, the encoder rows still alive."""
    alive: weakref.WeakSet = weakref.WeakSet()
    record = []
    encode = model.encode

    def counting(*args):
        record.append(sum(t.size(0) * t.size(1) for t in alive))
        tag_logits, hidden = encode(*args)
        alive.add(hidden)
        return tag_logits, hidden

    model.encode = counting
    return record


def test_streamed_groups_give_the_same_predictions(model, tiny_tokenizer):
    texts = [LONG, "Ma Hui said China supports Venezuela.", ""]
    reference = _summary(predict_texts(model, tiny_tokenizer, texts, stream_tokens=10**9))
    assert sum(len(r) for _, r in reference) > 10
    for stream_tokens in (1, 60, 500):  # 1: every long sentence takes the two-pass path
        preds = predict_texts(model, tiny_tokenizer, texts, token_budget=60, stream_tokens=stream_tokens)
        assert _summary(preds) == reference


def test_encoder_states_held_do_not_grow_with_the_document(model, tiny_tokenizer):
    record = _live_states(model)
    try:
        predict_texts(model, tiny_tokenizer, [LONG * 4], token_budget=60, stream_tokens=120)
    finally:
        del model.encode
    assert len(record) > 40  # many encoder batches ...
    assert max(record) <= 2 * 120 + 60  # ... but only about one group of states alive at a time


def test_windowed_candidate_pairs_are_the_pairs_that_fit(model):
    rng = random.Random(3)
    schema = model.schema
    mentions, pos = [], 0
    for _ in range(120):
        pos += rng.randint(0, 3)
        length = rng.randint(1, 4)
        mentions.append(Mention(pos, pos + length, rng.randrange(len(schema.entity_labels)), pos // 150))
        pos += length
    full = candidate_pairs(mentions, schema)
    for span in (5, 24, 60):
        fit = [c for c in full if max(mentions[c.head].end, mentions[c.tail].end)
               - min(mentions[c.head].start, mentions[c.tail].start) <= span]
        got = candidate_pairs(mentions, schema, max_span=span)
        assert [(c.head, c.tail, c.allowed, c.features) for c in got] == \
            [(c.head, c.tail, c.allowed, c.features) for c in fit]
