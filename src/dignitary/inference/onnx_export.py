"""Export a model directory to ONNX (needs torch; done once, into the cache of ``onnx_cache``).

Two graphs: ``encoder.onnx`` (encoder + tagger: ids, mask, casing → tag logits, hidden states)
and ``relations.onnx`` (the relation head: hidden states, mentions, pairs → relation logits), with
dynamic batch, length, mention and pair axes. The encoder graph gets ONNX Runtime's fused attention
where its optimizer knows the encoder family; ``quantize`` writes the int8 copy.
"""
from __future__ import annotations

import warnings
from pathlib import Path

import torch

from ..models.inputs import MentionBatch, PairBatch
from ..models.joint import JointModel
from ..models.pretrained import load_pretrained
from .onnx_cache import ONNX_FILE, RELATIONS_FILE, cache_folder
from .quantize import quantize_int8

FUSABLE_ENCODERS = frozenset({"bert", "roberta", "xlm-roberta", "distilbert"})  # ONNX Runtime's "bert" fusions


class _EncodeModule(torch.nn.Module):
    def __init__(self, model: JointModel):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask, casing_ids):
        return self.model.encode(input_ids, attention_mask, casing_ids)


class _RelationModule(torch.nn.Module):
    def __init__(self, model: JointModel):
        super().__init__()
        self.model = model

    def forward(self, hidden, mention_row, mention_start, mention_end, mention_label, pair_head, pair_tail,
                pair_allowed, pair_features):
        mentions = MentionBatch(mention_row, mention_start, mention_end, mention_label)
        pairs = PairBatch(pair_head, pair_tail, pair_allowed, pair_features)
        return self.model.relation_logits(hidden, mentions, pairs)


def fuse_transformer_graph(path: Path, encoder_config) -> None:
    """Rewrite ``path`` with ONNX Runtime's fused BERT kernels (attention, skip layer norm, bias GELU),
    for the encoder families whose graph its optimizer knows; other encoders are left as exported."""
    if getattr(encoder_config, "model_type", "") not in FUSABLE_ENCODERS:
        return
    from onnxruntime.transformers import optimizer

    fused = optimizer.optimize_model(str(path), model_type="bert", num_heads=encoder_config.num_attention_heads,
                                     hidden_size=encoder_config.hidden_size)
    fused.save_model_to_file(str(path))


def _export_encoder(model: JointModel, target: Path, opset: int) -> None:
    ids = torch.tensor([[2, 5, 6, 7, 3], [2, 5, 6, 3, 0]], dtype=torch.long)
    mask = (ids != 0).long()
    casing = torch.zeros_like(ids)
    axes = {0: "batch", 1: "length"}
    torch.onnx.export(
        _EncodeModule(model), (ids, mask, casing), str(target), opset_version=opset, dynamo=False,
        input_names=["input_ids", "attention_mask", "casing_ids"], output_names=["tag_logits", "hidden"],
        dynamic_axes={"input_ids": axes, "attention_mask": axes, "casing_ids": axes, "tag_logits": axes,
                      "hidden": axes},
    )


def _export_relations(model: JointModel, target: Path, opset: int) -> None:
    n_rel = max(len(model.schema.relation_labels), 1)
    hidden = torch.randn(2, 6, int(model.encoder.config.hidden_size))  # type: ignore[union-attr,arg-type]
    long = torch.long
    inputs = (hidden, torch.tensor([0, 0, 1], dtype=long), torch.tensor([1, 3, 1], dtype=long),
              torch.tensor([2, 5, 3], dtype=long), torch.tensor([0, 1, 0], dtype=long),
              torch.tensor([0, 1], dtype=long), torch.tensor([1, 0], dtype=long),
              torch.ones((2, n_rel), dtype=torch.bool), torch.zeros((2, 3), dtype=long))
    names = ["hidden", "mention_row", "mention_start", "mention_end", "mention_label", "pair_head", "pair_tail",
             "pair_allowed", "pair_features"]
    mentions, pairs = {0: "mentions"}, {0: "pairs"}
    axes = {"hidden": {0: "batch", 1: "length"}, "mention_row": mentions, "mention_start": mentions,
            "mention_end": mentions, "mention_label": mentions, "pair_head": pairs, "pair_tail": pairs,
            "pair_allowed": pairs, "pair_features": pairs, "relation_logits": pairs}
    torch.onnx.export(_RelationModule(model), inputs, str(target), opset_version=opset, dynamo=False,
                      input_names=names, output_names=["relation_logits"], dynamic_axes=axes)


def export_onnx(model_dir: str | Path, opset: int = 17, int8: bool = False, output: str | Path | None = None) -> Path:
    """Export the encoder + tagger and the relation head of a model directory to ONNX; ``int8``
    also writes a copy of the encoder with int8 weights in every matrix product. Files go to
    ``output`` (a folder; default: ``cache_folder``); the path of the encoder graph the options
    ask for is returned."""
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
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer warnings about shape-dependent Python control flow
        _export_encoder(model, target, opset)
        _export_relations(model, out_dir / RELATIONS_FILE, opset)
    fuse_transformer_graph(target, model.encoder.config)
    if int8:
        return quantize_int8(target)
    return target
