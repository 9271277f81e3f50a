"""Training windows: encoder inputs with tag targets, gold mentions and labelled candidate pairs.

Which window trains which pair is decided by ``inputs.window_pairs``, the rule inference uses.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from ..document import Document
from ..schema import Schema
from .inputs import (
    IGNORE,
    Candidate,
    Chunk,
    DocumentTokens,
    Mention,
    MentionBatch,
    PairBatch,
    candidate_pairs,
    collate_chunks,
    entity_mentions,
    make_chunks,
    pair_arrays,
    relation_targets,
    tag_targets,
    to_tensor,
    tokenize_document,
    window_pairs,
)


@dataclass
class TrainWindow:
    """One window of a gold document: its tag targets, and the mentions and pairs it trains."""

    chunk: Chunk
    tokens: DocumentTokens
    tags: list[int]
    mentions: list[Mention]
    candidates: list[Candidate]
    doc_id: str = ""
    pseudo: bool = False  # from a pseudo-labelled document (a teacher's soft targets may replace its targets)


def build_windows(docs: list[Document], tokenizer, schema: Schema, max_tokens: int,
                  casing: bool = True, pseudo_ids: frozenset[str] = frozenset(),
                  min_score: float = 0.0) -> list[TrainWindow]:
    """Every window of every document; the relation head trains on gold mentions.

    Documents named in ``pseudo_ids`` are pseudo-labelled: their entities scored below
    ``min_score`` are left out, and their tokens out of the tag loss."""
    windows = []
    for doc in docs:
        pseudo = doc.id in pseudo_ids
        tokens = tokenize_document(tokenizer, doc.text, casing)
        mentions = entity_mentions(doc, tokens, schema)
        unsure: list[Mention] = []
        if pseudo:
            low = {e.id for e in doc.entities if e.score is not None and e.score < min_score}
            unsure = [m for m in mentions if m.entity_id in low]
            mentions = [m for m in mentions if m.entity_id not in low]
        tags = tag_targets(len(tokens.input_ids), mentions, schema)
        for m in unsure:
            tags[m.start:m.end] = [IGNORE] * (m.end - m.start)
        candidates = candidate_pairs(mentions, schema, max_span=max_tokens)
        relation_targets(doc, mentions, candidates, schema)
        chunks = make_chunks(0, tokens, max_tokens)
        pairs = window_pairs(chunks, mentions, candidates)
        for k, chunk in enumerate(chunks):
            chunk_tags = tags[chunk.start:chunk.end]
            for m in mentions:  # a mention cut by the window edge: its tokens teach nothing
                if m.start < chunk.end and m.end > chunk.start and not (m.start >= chunk.start and m.end <= chunk.end):
                    for t in range(max(m.start, chunk.start), min(m.end, chunk.end)):
                        chunk_tags[t - chunk.start] = IGNORE
            held = pairs.get(k)
            window_mentions = [mentions[i] for i in held.mentions] if held else []
            windows.append(TrainWindow(chunk, tokens, chunk_tags, window_mentions, held.candidates if held else [],
                                       doc.id, pseudo))
    return windows


@dataclass
class TrainBatch:
    """Collated windows (numpy; ``to`` gives torch tensors on a device)."""

    input_ids: Any
    attention_mask: Any
    casing_ids: Any
    tags: Any
    mentions: MentionBatch
    pairs: PairBatch
    pair_targets: Any | None
    tag_distributions: Any | None = None  # (B, T, n_tags) soft tag targets (distillation); else ``tags``

    def to(self, device: Any) -> "TrainBatch":
        targets = None if self.pair_targets is None else to_tensor(self.pair_targets, device)
        soft = None if self.tag_distributions is None else to_tensor(self.tag_distributions, device)
        return TrainBatch(to_tensor(self.input_ids, device), to_tensor(self.attention_mask, device),
                          to_tensor(self.casing_ids, device), to_tensor(self.tags, device),
                          self.mentions.to(device), self.pairs.to(device), targets, soft)


def collate_windows(windows: list[TrainWindow], start_id: int, end_id: int, pad_id: int, n_rel: int) -> TrainBatch:
    chunks = [replace(w.chunk, doc=i) for i, w in enumerate(windows)]
    enc = collate_chunks(chunks, [w.tokens for w in windows], start_id, end_id, pad_id)
    tags = np.full(enc.input_ids.shape, IGNORE, dtype=np.int64)
    for r, w in enumerate(windows):
        tags[r, 1:len(w.tags) + 1] = w.tags
    mb, pb, targets = pair_arrays(list(range(len(windows))), [w.chunk.start for w in windows],
                                  [w.mentions for w in windows], [w.candidates for w in windows], n_rel)
    return TrainBatch(enc.input_ids, enc.attention_mask, enc.casing_ids, tags, mb, pb, targets)
