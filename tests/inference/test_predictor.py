"""Outputs do not depend on batch size, order or bucketing; long documents are never truncated."""
import pytest

from dignitary.extractor import Extractor

from tests.helpers import confident_tiny_model, predict_texts


@pytest.fixture(scope="module")
def predictor_model(tiny_tokenizer):
    return confident_tiny_model(len(tiny_tokenizer), relation_bias=0.5)


def _texts():
    base = ["Liu Haixing, Minister of the International Department, met Remigio Ceballos in Beijing.",
            "Ma Hui said China supports Venezuela.",
            "Xi Jinping met Nicolas Maduro. " * 12,  # many sentences
            "Liu met Ma and " + "the minister of the party and " * 20 + "Maduro.",  # one sentence > window
            ""]
    return base


def _run(model, tokenizer, texts, **kw):
    preds = predict_texts(model, tokenizer, texts, **kw)
    return [([(e.start, e.end, e.label) for e in p.entities], [(r.head, r.tail, r.label) for r in p.relations],
             [round(e.score, 4) for e in p.entities]) for p in preds]


def test_batch_size_order_and_bucketing_invariance(predictor_model, tiny_tokenizer):
    texts = _texts()
    reference = _run(predictor_model, tiny_tokenizer, texts, token_budget=100000, max_batch_size=64)
    assert sum(len(r[0]) for r in reference) > 5 and sum(len(r[1]) for r in reference) > 0
    for budget, size in ((30, 1), (64, 2), (200, 3)):
        assert _run(predictor_model, tiny_tokenizer, texts, token_budget=budget, max_batch_size=size) == reference
    order = [3, 0, 4, 2, 1]
    shuffled = _run(predictor_model, tiny_tokenizer, [texts[i] for i in order])
    assert [shuffled[order.index(i)] for i in range(len(texts))] == reference
    one_by_one = [_run(predictor_model, tiny_tokenizer, [t])[0] for t in texts]
    assert one_by_one == reference


def test_long_sentence_mentions_found_to_the_end(predictor_model, tiny_tokenizer):
    text = "Liu met Ma and " + "the minister of the party and " * 20 + "Maduro."
    pred = predict_texts(predictor_model, tiny_tokenizer, [text])[0]
    tokens = tiny_tokenizer(text, add_special_tokens=False)["input_ids"]
    assert len(tokens) > 3 * predictor_model.config.max_tokens
    # every predicted span lies inside the text, and some lie beyond the first window
    assert all(0 <= e.start < e.end <= len(text) for e in pred.entities)
    assert max(e.end for e in pred.entities) > len(text) // 2


def test_extractor_pipe_keeps_ids_and_fields(tmp_path, predictor_model, tiny_tokenizer):
    from dignitary.models.pretrained import save_pretrained

    save_pretrained(predictor_model, tiny_tokenizer, tmp_path)
    ex = Extractor.from_pretrained(tmp_path, device="cpu")
    docs = list(ex.pipe([{"id": "a", "text": "Liu met Ma.", "source": "x"}, "Ma Hui said."], batch_size=1))
    assert [d.id for d in docs] == ["a", "1"]
    assert docs[0].meta == {"source": "x"}
    single = ex("Liu met Ma.")
    assert single.text == "Liu met Ma."


def test_int8_quantized_model_keeps_the_tag_distribution_of_fp32(tmp_path, predictor_model, tiny_tokenizer):
    """The int8 graph's tag probabilities stay close to fp32's and pick the same tag on nearly every
    real token. Spans are not compared: this untrained, sharpened model has near-ties that the int8
    kernels of different CPUs (AVX-512 VNNI or AVX2) break differently."""
    import numpy as np

    from dignitary.models.pretrained import save_pretrained

    save_pretrained(predictor_model, tiny_tokenizer, tmp_path)
    texts = ["Liu Haixing met Remigio Ceballos in Beijing.", *_texts()[:2]]
    int8 = Extractor.from_pretrained(tmp_path, device="cpu", dtype="int8")
    fp32 = Extractor.from_pretrained(tmp_path, device="cpu")
    assert int8.component.encoder.int8 and fp32.backend == "torch"
    quantized, exact = [], []
    fp32.component.predictor.max_padding = 1.0  # one batch of all texts: int8 scales are per batch
    for batch in fp32.component.predictor.encoder_batches(texts):
        real = batch.attention_mask.astype(bool)
        quantized.append(np.exp(int8.component.encoder.encode(batch)[0])[real])
        exact.append(np.exp(fp32.component.encoder.encode(batch)[0])[real])
    q, e = np.concatenate(quantized), np.concatenate(exact)  # over all tokens: batches may be small
    assert len(q) > 50
    assert np.abs(q - e).mean() < 0.02
    assert (q.argmax(-1) == e.argmax(-1)).mean() >= 0.95
    assert len(int8(texts[0]).entities) >= 2


def test_int8_outputs_do_not_depend_on_batch_size_or_neighbours(tmp_path, predictor_model, tiny_tokenizer):
    """Dynamic int8 scales each encoder call by its activations' range: one window per call keeps a
    document's entities, relations and scores the same whatever it is batched with."""
    from dignitary.models.pretrained import save_pretrained

    save_pretrained(predictor_model, tiny_tokenizer, tmp_path)
    int8 = Extractor.from_pretrained(tmp_path, device="cpu", dtype="int8")
    assert int8.component.encoder.max_rows == 1
    texts = _texts()[:4] + ["Liu Haixing met Remigio Ceballos in Beijing and Caracas. " * 3]

    def run(batch_size, items):
        return [([(e.start, e.end, e.label, e.score) for e in d.entities],
                 [(r.head, r.tail, r.label, r.score) for r in d.relations])
                for d in int8.pipe(items, batch_size=batch_size)]

    together = run(8, texts)
    assert together == run(1, texts) == run(3, list(reversed(texts)))[::-1]
    assert any(entities for entities, _ in together)


def test_onnx_backend_matches_torch(tmp_path, predictor_model, tiny_tokenizer):
    from dignitary.inference.onnx_cache import onnx_file
    from dignitary.models.pretrained import save_pretrained

    save_pretrained(predictor_model, tiny_tokenizer, tmp_path, half=False)
    texts = _texts()
    torch_docs = Extractor.from_pretrained(tmp_path, device="cpu")(texts)
    onnx_docs = Extractor.from_pretrained(tmp_path, device="cpu", backend="onnx")(texts)
    import onnx

    assert "Attention" in {n.op_type for n in onnx.load(str(onnx_file(tmp_path))).graph.node}  # fused kernels
    for a, b in zip(torch_docs, onnx_docs):
        assert [(e.start, e.end, e.label) for e in a.entities] == [(e.start, e.end, e.label) for e in b.entities]
        assert [(r.head, r.tail, r.label) for r in a.relations] == [(r.head, r.tail, r.label) for r in b.relations]
        assert [e.score for e in a.entities] == pytest.approx([e.score for e in b.entities], abs=1e-3)
