"""ONNX Runtime backend: the encoder and tagger run in ONNX Runtime, the small relation head in torch.

``dignitary export onnx [--int8] --model DIR [-o OUT]`` writes ``OUT/encoder.onnx`` (and
``encoder.int8.onnx``: int8 weights for every MatMul, dynamic int8 activations). Without ``-o``,
and for ``backend="onnx"``, the files go to a cache folder named by a hash of the model's files
(``$DIGNITARY_CACHE``, default ``~/.cache/dignitary``): never into the model directory, and an
export is never reused after the weights change. ``backend="onnx"``
swaps ``JointModel.encode`` for an ONNX Runtime session behind the same API. int8 lives here
rather than in ``torch.ao`` dynamic quantization: on the shipped e5 model the latter cost
11 points of dev entity F1 (7 per-channel), ONNX Runtime's int8 0.2.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import warnings
from pathlib import Path

import torch

from ..errors import DignitaryError
from ..models.joint import JointModel
from ..models.pretrained import load_pretrained

ONNX_FILE = Path("encoder.onnx")
ONNX_INT8_FILE = Path("encoder.int8.onnx")


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


def model_digest(model_dir: str | Path) -> str:
    """A hash of every file of a model directory (names and contents)."""
    digest = hashlib.sha256()
    for item in sorted(Path(model_dir).iterdir()):
        if item.is_file():
            digest.update(item.name.encode() + b"\0")
            with open(item, "rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
    return digest.hexdigest()[:20]


def cache_folder(model_dir: str | Path, opset: int = 17) -> Path:
    """Where the ONNX export of these exact model files lives."""
    root = Path(os.environ.get("DIGNITARY_CACHE", Path.home() / ".cache" / "dignitary"))
    return root / "onnx" / f"{model_digest(model_dir)}-opset{opset}"


def export_onnx(model_dir: str | Path, opset: int = 17, int8: bool = False, output: str | Path | None = None) -> Path:
    """Export the encoder + tagger of a model directory to ONNX (dynamic batch and length) with
    fused attention where ONNX Runtime supports the encoder; ``int8`` also writes a copy with int8
    weights in every matrix product (ONNX Runtime dynamic quantization). Files go to ``output``
    (a folder; default: ``cache_folder``); the path of the last one written is returned."""
    model_dir = Path(model_dir)
    model, _, _ = load_pretrained(model_dir)
    model.eval()
    if hasattr(model.encoder, "set_attn_implementation"):
        # the graph ONNX Runtime's attention fusion matches; torch types an unknown Module attribute
        # as Tensor | Module, though this is the Hugging Face model's method
        model.encoder.set_attn_implementation("eager")  # type: ignore[operator]
    out_dir = Path(output) if output is not None else cache_folder(model_dir, opset)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / ONNX_FILE
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

        quantized = out_dir / ONNX_INT8_FILE
        # MatMul only: quantizing the fused attention blocks too cost the shipped model more than
        # the 1-point entity F1 budget on dev
        quantize_dynamic(str(target), str(quantized), op_types_to_quantize=["MatMul"], weight_type=QuantType.QInt8,
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
        return quantized
    return target


def onnx_file(model_dir: str | Path, int8: bool = False) -> Path:
    """The ONNX encoder of a model directory's current files, exported into the cache if missing.

    The export is written to a temporary folder and renamed into place, so a concurrent or
    interrupted export never leaves a partial file behind.
    """
    folder = cache_folder(model_dir)
    name = ONNX_INT8_FILE if int8 else ONNX_FILE
    if (folder / name).is_file() and (folder / ONNX_FILE).is_file():
        return folder / name
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".export-", dir=folder.parent))
    try:
        export_onnx(model_dir, int8=int8, output=staging)
        folder.mkdir(exist_ok=True)
        for item in staging.iterdir():
            os.replace(item, folder / item.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return folder / name


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
