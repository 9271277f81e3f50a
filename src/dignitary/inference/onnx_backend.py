"""ONNX Runtime backend: the encoder and tagger run in ONNX Runtime, the small relation head in torch.

``dignitary export onnx [--int8] --model DIR`` writes ``DIR/onnx/encoder.onnx`` (and
``encoder.int8.onnx``: int8 weights for every MatMul, dynamic int8 activations). ``backend="onnx"``
swaps ``JointModel.encode`` for an ONNX Runtime session behind the same API. int8 lives here
rather than in ``torch.ao`` dynamic quantization: on the shipped e5 model the latter cost
11 points of dev entity F1 (7 per-channel), ONNX Runtime's int8 0.2.
"""
from __future__ import annotations

import hashlib
import os
import warnings
from pathlib import Path

import torch

from ..errors import DignitaryError
from ..models.joint import JointModel
from ..models.pretrained import load_pretrained

ONNX_FILE = Path("onnx") / "encoder.onnx"
ONNX_INT8_FILE = Path("onnx") / "encoder.int8.onnx"


class _EncodeModule(torch.nn.Module):
    def __init__(self, model: JointModel):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask, casing_ids):
        return self.model.encode(input_ids, attention_mask, casing_ids)


FUSABLE_ENCODERS = frozenset({"bert", "roberta", "xlm-roberta", "distilbert"})  # ONNX Runtime's "bert" fusions


def fuse_transformer_graph(path: Path, encoder_config) -> None:
    """Rewrite ``path`` with ONNX Runtime's fused BERT kernels (attention, skip layer norm, bias GELU),
    for the encoder families whose graph its optimizer knows; other encoders are left as exported."""
    if getattr(encoder_config, "model_type", "") not in FUSABLE_ENCODERS:
        return
    from onnxruntime.transformers import optimizer

    fused = optimizer.optimize_model(str(path), model_type="bert", num_heads=encoder_config.num_attention_heads,
                                     hidden_size=encoder_config.hidden_size)
    fused.save_model_to_file(str(path))


def export_onnx(model_dir: str | Path, opset: int = 17, int8: bool = False) -> Path:
    """Export the encoder + tagger of a model directory to ONNX (dynamic batch and length) with
    fused attention where ONNX Runtime supports the encoder; ``int8`` also writes a copy with int8
    weights in every matrix product (ONNX Runtime dynamic quantization)."""
    model_dir = Path(model_dir)
    model, _, _ = load_pretrained(model_dir)
    model.eval()
    if hasattr(model.encoder, "set_attn_implementation"):
        model.encoder.set_attn_implementation("eager")  # the graph ONNX Runtime's attention fusion matches
    target = model_dir / ONNX_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    ids = torch.tensor([[2, 5, 6, 7, 3], [2, 5, 6, 3, 0]], dtype=torch.long)
    mask = (ids != 0).long()
    casing = torch.zeros_like(ids)
    axes = {0: "batch", 1: "length"}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer warnings about shape-dependent Python control flow
        torch.onnx.export(
            _EncodeModule(model), (ids, mask, casing), str(target), opset_version=opset, dynamo=False,
            input_names=["input_ids", "attention_mask", "casing_ids"], output_names=["tag_logits", "hidden"],
            dynamic_axes={"input_ids": axes, "attention_mask": axes, "casing_ids": axes, "tag_logits": axes,
                          "hidden": axes},
        )
    fuse_transformer_graph(target, model.encoder.config)
    if int8:
        import onnx
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantized = model_dir / ONNX_INT8_FILE
        # MatMul only: quantizing the fused attention blocks too cost the shipped model more than
        # the 1-point entity F1 budget on dev
        quantize_dynamic(str(target), str(quantized), op_types_to_quantize=["MatMul"], weight_type=QuantType.QInt8,
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
        return quantized
    return target


def onnx_file(model_dir: str | Path, int8: bool = False) -> Path:
    """The ONNX encoder of a model directory, exported now if missing (into a cache if read-only)."""
    model_dir = Path(model_dir)
    name = ONNX_INT8_FILE if int8 else ONNX_FILE
    if (model_dir / name).is_file():
        return model_dir / name
    if os.access(model_dir, os.W_OK):
        export_onnx(model_dir, int8=int8)
        return model_dir / name
    digest = hashlib.sha256((model_dir / "model.safetensors").read_bytes()).hexdigest()[:16]
    cache = Path(os.environ.get("DIGNITARY_CACHE", Path.home() / ".cache" / "dignitary")) / digest
    if not (cache / name).is_file():
        cache.mkdir(parents=True, exist_ok=True)
        for item in model_dir.iterdir():
            if item.is_file() and not (cache / item.name).exists():
                (cache / item.name).symlink_to(item.resolve())
        export_onnx(cache, int8=int8)
    return cache / name


class OnnxEncoder:
    """``encode`` with the signature of ``JointModel.encode``, computed by ONNX Runtime on the CPU."""

    def __init__(self, model_dir: str | Path, model: JointModel, threads: int | None = None, int8: bool = False):
        try:
            import onnxruntime as ort
        except ImportError as exc:  # pragma: no cover - depends on the extra
            raise DignitaryError("the onnx backend needs `pip install dignitary[onnx]`") from exc
        path = onnx_file(model_dir, int8)
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or int(os.environ.get("OMP_NUM_THREADS", 0)) or torch.get_num_threads()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # no busy-waiting threads after each call: torch runs the relation head on the same cores next
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.uses_casing = model.casing is not None
        self.inputs = {i.name for i in self.session.get_inputs()}

    def encode(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, casing_ids: torch.Tensor | None = None):
        feeds = {"input_ids": input_ids.cpu().numpy(), "attention_mask": attention_mask.cpu().numpy()}
        if "casing_ids" in self.inputs:
            feeds["casing_ids"] = (casing_ids if casing_ids is not None else torch.zeros_like(input_ids)).cpu().numpy()
        tag_logits, hidden = self.session.run(["tag_logits", "hidden"], feeds)
        return torch.from_numpy(tag_logits), torch.from_numpy(hidden)
