"""The model contract: ``preprocess`` → ``forward_loss`` (training), ``predict`` (everything else).

A ``JointComponent`` holds what a joint model needs to run on documents: an ``Encoder`` (the
backend, chosen once when the model is loaded), the tokenizer, the schema and the head config.
Training, evaluation, threshold tuning, the ``Extractor`` and the benchmarks all go through it,
so "run the model on documents" is written once (``inference.predictor.Predictor``), and which
window holds which mentions and pairs is decided once (``inputs.window_pairs``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..document import Document
from ..inference.encoder import Encoder
from ..inference.predictor import Predictor
from ..schema import Schema
from ..text.tokenizer import SubwordTokenizer
from .config import HeadConfig
from .inputs import IGNORE
from .windows import TrainBatch, TrainWindow, build_windows, collate_windows

if TYPE_CHECKING:
    import torch

    from .joint import JointModel


class JointComponent:
    """A joint entity and relation model behind ``preprocess`` / ``forward_loss`` / ``predict``."""

    def __init__(self, encoder: Encoder, tokenizer, schema: Schema, config: HeadConfig, **predict_options: Any):
        """``predict_options`` (``token_budget``, ``max_batch_size``, ``relation_threshold``,
        ``stream_tokens``) go to the ``Predictor``."""
        self.encoder = encoder
        self.tokenizer = SubwordTokenizer.from_hf(tokenizer)
        self.schema = schema
        self.config = config
        self.predictor = Predictor(encoder, self.tokenizer, schema, config, **predict_options)

    @classmethod
    def from_model(cls, model: "JointModel", tokenizer, device: Any = "cpu",
                   autocast_dtype: "torch.dtype | None" = None, **kwargs: Any) -> "JointComponent":
        """The component of a torch ``JointModel`` (training, evaluation, the torch backend)."""
        from ..inference.torch_encoder import TorchEncoder

        return cls(TorchEncoder(model, device, autocast_dtype), tokenizer, model.schema, model.config, **kwargs)

    @property
    def model(self) -> "JointModel":
        """The torch model; only the torch backend has one (training needs it)."""
        model = getattr(self.encoder, "model", None)
        if model is None:
            raise TypeError(f"the {self.encoder.name} backend has no torch model to train")
        return model

    def preprocess(self, docs: list[Document], pseudo_ids: frozenset[str] = frozenset(),
                   min_score: float = 0.0) -> list[TrainWindow]:
        """Every window of every gold document: tokens, tag targets, and the mentions and
        labelled pairs the window trains (the window rule of inference). Documents in
        ``pseudo_ids`` are pseudo-labels: entities scored below ``min_score`` teach nothing."""
        return build_windows(docs, self.tokenizer, self.schema, self.config.max_tokens, self.config.casing,
                             pseudo_ids, min_score)

    def collate(self, windows: list[TrainWindow]) -> TrainBatch:
        """One batch of windows (numpy arrays)."""
        return collate_windows(windows, self.tokenizer.start_id, self.tokenizer.end_id, self.tokenizer.pad_id,
                               len(self.schema.relation_labels))

    def forward_loss(self, batch: TrainBatch, relation_weight: float = 1.0) -> tuple["torch.Tensor", dict[str, float]]:
        """The joint loss of a collated batch: tag cross-entropy + ``relation_weight`` × the
        binary cross-entropy of the labels each pair allows; also its two parts as floats.

        The targets are the batch's: gold tags, or ``tag_distributions`` where a teacher's soft
        labels are given (then the cross-entropy against each token's distribution); pair targets
        may be probabilities."""
        import torch
        from torch.nn import functional as F

        encoder = self.encoder
        device = getattr(encoder, "device", torch.device("cpu"))
        autocast = getattr(encoder, "autocast_dtype", None)
        model = self.model
        batch = batch.to(device)
        with torch.autocast(device.type, dtype=autocast or torch.float32, enabled=autocast is not None):
            tag_logits, hidden = model.encode(batch.input_ids, batch.attention_mask, batch.casing_ids)
            if batch.tag_distributions is None:
                tag_loss = F.cross_entropy(tag_logits.float().flatten(0, 1), batch.tags.flatten(), ignore_index=IGNORE)
            else:
                counted = batch.tag_distributions.sum(dim=-1) > 0
                log_probs = F.log_softmax(tag_logits.float(), dim=-1)
                per_token = -(batch.tag_distributions * log_probs).sum(dim=-1)
                tag_loss = per_token[counted].sum() / counted.sum().clamp(min=1)
            rel_loss = torch.zeros((), device=device)
            if batch.pair_targets is not None and len(batch.pair_targets):
                pairs = batch.pairs
                logits = model.relation_logits(hidden, batch.mentions, pairs).float()
                rel_loss = F.binary_cross_entropy_with_logits(logits[pairs.allowed], batch.pair_targets[pairs.allowed])
        total = tag_loss + relation_weight * rel_loss
        return total, {"tag": tag_loss.item(), "rel": rel_loss.item()}

    def predict(self, docs: list[Document]) -> list[Document]:
        """A copy of each document carrying the predicted entities and relations (inputs untouched)."""
        return self.predictor.predict(docs)
