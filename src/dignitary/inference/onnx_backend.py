"""ONNX Runtime backend: the encoder and tagger run in ONNX Runtime, the small relation head in torch.

``dignitary export onnx --model DIR`` writes ``DIR/onnx/encoder.onnx``; ``backend="onnx"``
then swaps ``JointModel.encode`` for an ONNX Runtime session behind the same API.
"""
from __future__ import annotations

import os
import warnings
from pathlib import Path

import torch

from ..errors import DignitaryError
from ..models.joint import JointModel
from ..models.pretrained import load_pretrained

ONNX_FILE = Path("onnx") / "encoder.onnx"


class _EncodeModule(torch.nn.Module):
    def __init__(self, model: JointModel):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask, casing_ids):
        return self.model.encode(input_ids, attention_mask, casing_ids)


def export_onnx(model_dir: str | Path, opset: int = 17) -> Path:
    """Export the encoder + tagger of a model directory to ONNX (dynamic batch and length)."""
    model_dir = Path(model_dir)
    model, _, _ = load_pretrained(model_dir)
    model.eval()
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
    return target


class OnnxEncoder:
    """``encode`` with the signature of ``JointModel.encode``, computed by ONNX Runtime on the CPU."""

    def __init__(self, model_dir: str | Path, model: JointModel, threads: int | None = None):
        try:
            import onnxruntime as ort
        except ImportError as exc:  # pragma: no cover - depends on the extra
            raise DignitaryError("the onnx backend needs `pip install dignitary[onnx]`") from exc
        path = Path(model_dir) / ONNX_FILE
        if not path.is_file():
            raise DignitaryError(f"{path} not found: run `dignitary export onnx --model {model_dir}` first")
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or int(os.environ.get("OMP_NUM_THREADS", 0)) or torch.get_num_threads()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.uses_casing = model.casing is not None
        self.inputs = {i.name for i in self.session.get_inputs()}

    def encode(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, casing_ids: torch.Tensor | None = None):
        feeds = {"input_ids": input_ids.cpu().numpy(), "attention_mask": attention_mask.cpu().numpy()}
        if "casing_ids" in self.inputs:
            feeds["casing_ids"] = (casing_ids if casing_ids is not None else torch.zeros_like(input_ids)).cpu().numpy()
        tag_logits, hidden = self.session.run(["tag_logits", "hidden"], feeds)
        return torch.from_numpy(tag_logits), torch.from_numpy(hidden)
