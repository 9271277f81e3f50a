"""ONNX exports live outside the model directory, follow its weights, and go where -o says."""
import pytest

from dignitary.cli import main
from dignitary.extractor import Extractor
from dignitary.inference.onnx_cache import onnx_file
from dignitary.models.pretrained import save_pretrained


@pytest.fixture()
def save_model(tiny_tokenizer, tiny_model_factory):
    """``save_model(path, seed)``: a tiny model with the weights of ``seed`` saved to ``path``."""
    def save(path, seed):
        save_pretrained(tiny_model_factory(seed=seed, max_tokens=24, relation_hidden=16), tiny_tokenizer, path,
                        half=False)
    return save


def test_export_never_writes_into_the_model_and_follows_the_weights(tmp_path, save_model):
    model_dir = tmp_path / "model"
    save_model(model_dir, seed=1)
    before = sorted(p.name for p in model_dir.iterdir())
    text = "Liu Haixing met Remigio Ceballos in Beijing."
    first = onnx_file(model_dir)
    scores = [e.score for e in Extractor.from_pretrained(model_dir, backend="onnx")(text).entities]
    assert sorted(p.name for p in model_dir.iterdir()) == before and model_dir not in first.parents
    save_model(model_dir, seed=2)  # new weights in the same folder
    assert onnx_file(model_dir) != first
    torch_doc = Extractor.from_pretrained(model_dir)(text)
    onnx_doc = Extractor.from_pretrained(model_dir, backend="onnx")(text)
    assert [(e.start, e.end, e.label) for e in onnx_doc.entities] == [(e.start, e.end, e.label)
                                                                      for e in torch_doc.entities]
    assert [round(e.score, 3) for e in onnx_doc.entities] == [round(e.score, 3) for e in torch_doc.entities]
    assert scores != [e.score for e in onnx_doc.entities]


def test_the_export_is_kept_across_card_edits_and_redone_for_new_graphs(tmp_path, save_model, monkeypatch):
    from dignitary.inference import onnx_cache

    model_dir = tmp_path / "model"
    save_model(model_dir, seed=1)
    first = onnx_file(model_dir)
    (model_dir / "README.md").write_text("# a model card, edited\n", encoding="utf-8")
    (model_dir / "dev_eval.json").write_text("{}", encoding="utf-8")
    assert onnx_file(model_dir) == first  # the graphs do not depend on the card or evaluations
    monkeypatch.setattr(onnx_cache, "GRAPH_VERSION", onnx_cache.GRAPH_VERSION + 1)
    assert onnx_cache.cache_folder(model_dir) != first.parent  # a library exporting other graphs exports anew


def test_export_cli_writes_to_the_output_folder(tmp_path, save_model, capsys):
    model_dir = tmp_path / "model"
    save_model(model_dir, seed=1)
    before = sorted(p.name for p in model_dir.iterdir())
    assert main(["export", "onnx", "--model", str(model_dir), "-o", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "encoder.onnx").is_file()
    assert sorted(p.name for p in model_dir.iterdir()) == before
    assert str(tmp_path / "out" / "encoder.onnx") in capsys.readouterr().out


def test_int8_export_quantizes_attention_blocks_with_a_scale_per_column(tmp_path, save_model):
    import onnx
    from onnx import numpy_helper

    model_dir = tmp_path / "model"
    save_model(model_dir, seed=1)  # a tiny BERT: ONNX Runtime fuses its attention blocks
    graph = onnx.load(str(onnx_file(model_dir, int8=True))).graph
    ops = [node.op_type for node in graph.node]
    assert "Attention" not in ops and ops.count("QAttention") == 2  # both layers' blocks in int8
    weights = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    for node in graph.node:
        if node.op_type == "QAttention":  # inputs: input, weight, bias, input scale, weight scale, ...
            weight, scale = weights[node.input[1]], weights[node.input[4]]
            assert scale.shape == (weight.shape[1],) and len(set(scale.tolist())) > 1
        if node.op_type == "MatMulInteger" and node.input[1] in weights:
            assert node.input[3] in weights and weights[node.input[3]].shape == (weights[node.input[1]].shape[1],)
