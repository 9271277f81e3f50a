"""The ONNX backend serves without torch or transformers, and its outputs do not depend on batching."""
import json
import subprocess
import sys

import pytest

from dignitary.document import Document
from dignitary.inference.onnx_cache import onnx_file
from dignitary.inference.onnx_encoder import OnnxEncoder
from dignitary.models.component import JointComponent
from dignitary.models.metadata import load_model_meta
from dignitary.models.pretrained import save_pretrained
from dignitary.text.tokenizer import SubwordTokenizer

from tests.helpers import REPO, confident_tiny_model

TEXTS = ["Liu Haixing, Minister of the International Department, met Remigio Ceballos in Beijing.",
         "Ma Hui said China supports Venezuela.",
         "Xi Jinping met Nicolas Maduro. " * 12,
         "Liu met Ma and " + "the minister of the party and " * 20 + "Maduro.",
         ""]


@pytest.fixture(scope="module")
def related_model_dir(tmp_path_factory, tiny_tokenizer):
    """A saved tiny model that emits mentions and relations."""
    path = tmp_path_factory.mktemp("related") / "model"
    save_pretrained(confident_tiny_model(len(tiny_tokenizer), relation_bias=0.5), tiny_tokenizer, path, half=False)
    return path


def _onnx_component(model_dir, int8=False, **kwargs) -> JointComponent:
    meta = load_model_meta(model_dir)
    return JointComponent(OnnxEncoder(model_dir, threads=1, int8=int8), SubwordTokenizer.from_dir(model_dir),
                          meta.schema, meta.heads, **kwargs)


def _summary(docs):
    return [([(e.start, e.end, e.label, round(e.score, 4)) for e in d.entities],
             [(r.head, r.tail, r.label, round(r.score, 4)) for r in d.relations]) for d in docs]


def test_onnx_outputs_do_not_depend_on_batching(related_model_dir, int8=False):
    # fp32 only: int8's dynamic quantization scales activations per tensor, i.e. over the whole batch
    docs = [Document(str(i), t) for i, t in enumerate(TEXTS)]
    reference = _summary(_onnx_component(related_model_dir, int8, token_budget=100000).predict(docs))
    assert sum(len(e) for e, _ in reference) > 5 and sum(len(r) for _, r in reference) > 0
    for budget, size, stream in ((30, 1, None), (64, 2, 1), (200, 3, 60)):
        component = _onnx_component(related_model_dir, int8, token_budget=budget, max_batch_size=size,
                                    stream_tokens=stream)
        assert _summary(component.predict(docs)) == reference
    one_by_one = [_summary(_onnx_component(related_model_dir, int8).predict([d]))[0] for d in docs]
    assert one_by_one == reference


def test_extract_int8_imports_neither_torch_nor_transformers(related_model_dir, tmp_path):
    onnx_file(related_model_dir, int8=True)  # the export (which needs torch) is done once, beforehand
    inp = tmp_path / "in.jsonl"
    inp.write_text("".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(TEXTS)),
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    script = ("import sys\nfrom dignitary.cli import main\n"
              f"rc = main(['extract', {str(inp)!r}, '-o', {str(out)!r}, '--model', {str(related_model_dir)!r}, "
              "'--dtype', 'int8', '--workers', '1', '--no-progress'])\n"  # this process serves: its imports tell
              "print(rc, sorted({m.split('.')[0] for m in sys.modules} & {'torch', 'transformers'}))\n")
    env = {**__import__("os").environ, "PYTHONPATH": str(REPO / "src")}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[-2] == "0 []"
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == len(TEXTS) and sum(len(r["entities"]) for r in lines) > 5


def test_onnx_matches_torch_on_relations(related_model_dir, tiny_tokenizer):
    from tests.helpers import predict_texts

    torch_docs = predict_texts(confident_tiny_model(len(tiny_tokenizer), relation_bias=0.5), tiny_tokenizer, TEXTS)
    onnx_docs = _onnx_component(related_model_dir).predict([Document(str(i), t) for i, t in enumerate(TEXTS)])
    for a, b in zip(torch_docs, onnx_docs):
        assert [(e.start, e.end, e.label) for e in a.entities] == [(e.start, e.end, e.label) for e in b.entities]
        assert [(r.head, r.tail, r.label) for r in a.relations] == [(r.head, r.tail, r.label) for r in b.relations]
        assert [r.score for r in a.relations] == pytest.approx([r.score for r in b.relations], abs=1e-4)
