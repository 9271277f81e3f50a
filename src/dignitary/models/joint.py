"""The joint model: a Hugging Face encoder, a BIO tagging head and a relation head over mention pairs."""
from __future__ import annotations

import torch
from torch import nn

from ..schema import Schema
from .casing import NUM_CASING_IDS
from .config import HeadConfig
from .inputs import MAX_BETWEEN, MAX_RANK, MentionBatch, PairBatch

NUM_DISTANCE_BUCKETS = 16


def distance_bucket(distance: torch.Tensor) -> torch.Tensor:
    """Signed, log-spaced buckets of token distances (head start minus tail start)."""
    mag = distance.abs().clamp(min=1).float().log2().floor().long().clamp(max=NUM_DISTANCE_BUCKETS // 2 - 1)
    return torch.where(distance < 0, mag, mag + NUM_DISTANCE_BUCKETS // 2)


def max_pool_spans(hidden: torch.Tensor, row: torch.Tensor, start: torch.Tensor, end: torch.Tensor,
                   longest: int = 0) -> torch.Tensor:
    """Max over the tokens ``[start, end)`` of each span's row of ``hidden`` (bounds clipped to the
    row); zeros for an empty span.

    A sparse table: level ``k`` holds the max of the ``2**k`` tokens from each position, and a span
    is the max of two overlapping blocks of its level, both inside the span. Time and memory grow
    with rows × length × levels, not spans × length as a mask over every row would (the relation
    head pools one span per candidate pair). The row length decides the levels; a traced graph
    (ONNX export) cannot follow it and keeps those of ``longest``, the widest row it will be given.
    """
    tracing = torch.jit.is_tracing()  # a traced graph keeps Python numbers as constants
    levels = max(int(longest if tracing else hidden.size(1)).bit_length(), 1)
    start = start.clamp(min=0)
    if not tracing:
        start = start.clamp(max=hidden.size(1))
        end = torch.maximum(end.clamp(max=hidden.size(1)), start)
    width = end - start
    table = torch.nn.functional.pad(hidden, (0, 0, 0, 2 ** (levels - 1)))  # zeros, never read
    pooled = torch.zeros((row.size(0), hidden.size(2)), dtype=hidden.dtype, device=hidden.device)
    for k in range(levels):
        if k:
            step = 2 ** (k - 1)
            table = torch.maximum(table[:, :-step], table[:, step:])
        size = table.size(1)
        flat = table.reshape(-1, hidden.size(2))
        block = 2 ** k
        first = flat[row * size + start]
        last = flat[row * size + (end - block).clamp(min=0)]
        at_level = (width >= block) & (width < 2 * block)
        pooled = torch.where(at_level[:, None], torch.maximum(first, last), pooled)
    return pooled


class JointModel(nn.Module):
    """Encoder + token tagger + pairwise relation classifier (SpERT/PURE style)."""

    def __init__(self, encoder: nn.Module, schema: Schema, config: HeadConfig | None = None):
        super().__init__()
        self.encoder = encoder
        self.schema = schema
        self.config = config or HeadConfig()
        cfg = self.config
        # torch types an unknown Module attribute as Tensor | Module; config is the Hugging Face model's
        dim: int = encoder.config.hidden_size  # type: ignore[union-attr,assignment]
        self.tags = schema.bio_labels()
        n_labels = len(schema.entity_labels)
        n_rel = len(schema.relation_labels)
        self.casing = nn.Embedding(NUM_CASING_IDS, cfg.casing_dim) if cfg.casing else None
        tag_in = dim + (cfg.casing_dim if cfg.casing else 0)
        self.dropout = nn.Dropout(cfg.dropout)
        self.tagger = nn.Linear(tag_in, len(self.tags))
        self.label_embedding = nn.Embedding(n_labels, cfg.label_dim)
        self.width_embedding = nn.Embedding(cfg.max_width + 1, cfg.width_dim)
        self.distance_embedding = nn.Embedding(NUM_DISTANCE_BUCKETS, cfg.distance_dim)
        self.rank_embedding = nn.Embedding(MAX_RANK + 1, cfg.distance_dim)
        self.between_embedding = nn.Embedding(MAX_BETWEEN + 1, cfg.distance_dim)
        mention_dim = dim + cfg.label_dim + cfg.width_dim
        pair_in = 2 * mention_dim + dim + 4 * cfg.distance_dim
        self.relation_mlp = nn.Sequential(
            nn.Linear(pair_in, cfg.relation_hidden),
            nn.GELU(),
            nn.Dropout(cfg.dropout),
            nn.Linear(cfg.relation_hidden, max(n_rel, 1)),
        )

    @property
    def longest_span(self) -> int:
        """The widest span the heads pool: a whole window with its two special tokens."""
        return self.config.max_tokens + 2

    def encode(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor, casing_ids: torch.Tensor | None = None
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Tag logits ``(B, T, n_tags)`` and contextual hidden states ``(B, T, d)``."""
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        features = self.dropout(hidden)
        if self.casing is not None:
            if casing_ids is None:
                raise ValueError("this model uses casing features: pass casing_ids")
            features = torch.cat([features, self.casing(casing_ids).to(features.dtype)], dim=-1)
        return self.tagger(features), hidden

    def mention_vectors(self, hidden: torch.Tensor, mentions: MentionBatch) -> torch.Tensor:
        """Max-pooled subwords + label and width embeddings, one row per mention."""
        pooled = max_pool_spans(hidden, mentions.row, mentions.start, mentions.end, self.longest_span)
        width = (mentions.end - mentions.start).clamp(max=self.config.max_width)
        return torch.cat(
            [pooled, self.label_embedding(mentions.label).to(pooled.dtype),
             self.width_embedding(width).to(pooled.dtype)], dim=-1
        )

    def between_context(self, hidden: torch.Tensor, row: torch.Tensor, left: torch.Tensor,
                        right: torch.Tensor) -> torch.Tensor:
        """Pool the tokens ``[left, right)`` of each pair's chunk row; zeros where the two mentions touch."""
        if self.config.context_pooling == "max":
            return max_pool_spans(hidden, row, left, right, self.longest_span)
        prefix = torch.cat([torch.zeros_like(hidden[:, :1]), hidden.cumsum(dim=1)], dim=1)
        count = (right - left).clamp(min=1).to(hidden.dtype)[:, None]
        return (prefix[row, right] - prefix[row, left]) / count

    def relation_logits(self, hidden: torch.Tensor, mentions: MentionBatch, pairs: PairBatch) -> torch.Tensor:
        """Logits ``(P, R)``; labels the schema forbids for a pair get a large negative value."""
        vectors = self.dropout(self.mention_vectors(hidden, mentions))
        h_start, h_end = mentions.start[pairs.head], mentions.end[pairs.head]
        t_start, t_end = mentions.start[pairs.tail], mentions.end[pairs.tail]
        left = torch.minimum(h_end, t_end)
        right = torch.maximum(torch.maximum(h_start, t_start), left)
        context = self.dropout(self.between_context(hidden, mentions.row[pairs.head], left, right))
        f = pairs.features
        structure = torch.cat([self.distance_embedding(distance_bucket(h_start - t_start)),
                               self.rank_embedding(f[:, 0]), self.rank_embedding(f[:, 1]),
                               self.between_embedding(f[:, 2])], dim=-1).to(hidden.dtype)
        features = torch.cat([vectors[pairs.head], vectors[pairs.tail], context, structure], dim=-1)
        logits = self.relation_mlp(features)
        return logits.masked_fill(~pairs.allowed, -1e4)
