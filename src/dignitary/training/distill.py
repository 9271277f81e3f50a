"""Distillation: a smaller student taken from a teacher's layers learns the teacher's soft labels.

``student_from_teacher`` keeps some encoder layers of a trained model (embeddings and heads
included), so the student starts close to the teacher. ``TeacherTargets`` gives the teacher's tag
distributions and relation probabilities for the windows of pseudo-labelled documents; each window
is run through the teacher once and cached, so later epochs cost nothing extra.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
from torch import nn

from ..errors import DignitaryError
from ..models.component import JointComponent
from ..models.inputs import IGNORE
from ..models.pretrained import load_pretrained
from ..models.windows import TrainBatch, TrainWindow
from ..text.tokenizer import SubwordTokenizer


def encoder_layers(encoder: nn.Module) -> nn.ModuleList:
    """The list of transformer blocks of a BERT-family encoder (BERT, RoBERTa, XLM-R, E5, MiniLM)."""
    stack = getattr(encoder, "encoder", None)
    layers = getattr(stack, "layer", None)
    if not isinstance(layers, nn.ModuleList):
        raise DignitaryError(f"cannot take layers from a {type(encoder).__name__}: only BERT-family encoders "
                             "(an `encoder.layer` list of blocks) are supported")
    return layers


def student_from_teacher(teacher_dir: str | Path, layers: list[int], ffn: int | None = None):
    """A copy of the teacher model with only ``layers`` (0-based, in order) of its encoder and,
    with ``ffn``, only that many feed-forward units in each of them (``prune_feed_forward``)."""
    model, tokenizer, _ = load_pretrained(teacher_dir)
    blocks = encoder_layers(model.encoder)
    if not layers or sorted(set(layers)) != list(layers) or layers[0] < 0 or layers[-1] >= len(blocks):
        raise DignitaryError(f"student layers must be increasing indices in 0..{len(blocks) - 1}, got {layers}")
    model.encoder.encoder.layer = nn.ModuleList([blocks[i] for i in layers])  # type: ignore[union-attr]
    model.encoder.config.num_hidden_layers = len(layers)  # type: ignore[union-attr]
    if ffn is not None:
        prune_feed_forward(model.encoder, ffn)
    return model, tokenizer


def _feed_forward(block: nn.Module) -> tuple[nn.Linear, nn.Linear]:
    """The two linear maps of a BERT-family block's feed-forward part (in: hidden → units, out)."""
    inner = getattr(getattr(block, "intermediate", None), "dense", None)
    outer = getattr(getattr(block, "output", None), "dense", None)
    if not isinstance(inner, nn.Linear) or not isinstance(outer, nn.Linear):
        raise DignitaryError(f"cannot narrow the feed-forward part of a {type(block).__name__}: only BERT-family "
                             "blocks (intermediate.dense, output.dense) are supported")
    return inner, outer


def prune_feed_forward(encoder: nn.Module, units: int) -> None:
    """Keep ``units`` feed-forward units in every block of ``encoder``: those whose input and output
    weights have the largest product of norms (structured magnitude pruning; training afterwards
    recovers what the others carried). Attention and hidden size are unchanged."""
    size = int(encoder.config.intermediate_size)  # type: ignore[union-attr,arg-type]
    if not 0 < units <= size:
        raise DignitaryError(f"--student-ffn must be in 1..{size} (the teacher's feed-forward units), got {units}")
    for block in encoder_layers(encoder):
        inner, outer = _feed_forward(block)
        importance = inner.weight.norm(dim=1) * outer.weight.norm(dim=0)
        keep = torch.sort(torch.topk(importance, units).indices).values
        narrow_in = nn.Linear(inner.in_features, units, bias=inner.bias is not None)
        narrow_out = nn.Linear(units, outer.out_features, bias=outer.bias is not None)
        with torch.no_grad():
            narrow_in.weight.copy_(inner.weight[keep])
            if inner.bias is not None:
                narrow_in.bias.copy_(inner.bias[keep])
            narrow_out.weight.copy_(outer.weight[:, keep])
            if outer.bias is not None:
                narrow_out.bias.copy_(outer.bias)
        block.intermediate.dense = narrow_in  # type: ignore[union-attr]
        block.output.dense = narrow_out  # type: ignore[union-attr]
    encoder.config.intermediate_size = units  # type: ignore[union-attr]


class TeacherTargets:
    """The teacher's soft targets for training windows, computed once per window."""

    def __init__(self, teacher_dir: str | Path, student: JointComponent):
        """The teacher of ``student``: it must read the same tokens (collated by ``student.collate``)."""
        model, _, _ = load_pretrained(teacher_dir)
        teacher_vocab = SubwordTokenizer.from_dir(teacher_dir).backend.get_vocab()
        if teacher_vocab != student.tokenizer.backend.get_vocab():
            raise DignitaryError(f"{teacher_dir}: the teacher's tokenizer differs from the student's; soft tag "
                                 "targets need the same tokens (take the student's layers from the teacher)")
        if model.config.casing != student.config.casing:
            raise DignitaryError(f"{teacher_dir}: the teacher and the student differ in casing features")
        self.device = next(student.model.parameters()).device
        self.model = model.to(self.device).eval()
        self.collate = student.collate
        self.cache: dict[tuple, tuple[np.ndarray, np.ndarray]] = {}

    @staticmethod
    def key(window: TrainWindow) -> tuple:
        return (window.doc_id, window.chunk.start, window.chunk.end, len(window.candidates))

    @torch.no_grad()
    def _fill(self, windows: list[TrainWindow]) -> None:
        n_rel = len(self.model.schema.relation_labels)
        batch = self.collate(windows).to(self.device)
        tag_logits, hidden = self.model.encode(batch.input_ids, batch.attention_mask, batch.casing_ids)
        tag_probs = torch.softmax(tag_logits.float(), dim=-1).cpu().numpy()
        pair_probs = np.zeros((0, n_rel), dtype=np.float32)
        if batch.pair_targets is not None and len(batch.pair_targets):
            logits = self.model.relation_logits(hidden, batch.mentions, batch.pairs)
            pair_probs = torch.sigmoid(logits.float()).cpu().numpy()
        row = 0
        for r, w in enumerate(windows):
            n = len(w.candidates)
            self.cache[self.key(w)] = (tag_probs[r, 1:len(w.tags) + 1].astype(np.float16), pair_probs[row:row + n])
            row += n

    def apply(self, windows: list[TrainWindow], batch: TrainBatch) -> None:
        """Give ``batch`` (collated, numpy) the teacher's targets for its pseudo-labelled windows:
        ``tag_distributions`` (one-hot gold tags elsewhere) and the pairs' probabilities."""
        missing = [w for w in windows if w.pseudo and self.key(w) not in self.cache]
        if missing:
            self._fill(missing)
        n_tags = len(self.model.tags)
        tags = np.asarray(batch.tags)
        soft = np.eye(n_tags, dtype=np.float32)[np.clip(tags, 0, None)] * (tags != IGNORE)[..., None]
        row = 0
        for r, w in enumerate(windows):
            n = len(w.candidates)
            if w.pseudo:
                tag_probs, pair_probs = self.cache[self.key(w)]
                soft[r, 1:len(w.tags) + 1] = tag_probs
                if batch.pair_targets is not None and n:
                    batch.pair_targets[row:row + n] = pair_probs
            row += n
        batch.tag_distributions = soft
