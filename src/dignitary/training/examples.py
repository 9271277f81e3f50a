"""Training windows: encoder inputs with tag targets, gold mentions and labelled candidate pairs."""
from __future__ import annotations

from dataclasses import dataclass, replace

import torch

from ..document import Document
from ..models.inputs import (
    IGNORE,
    Candidate,
    Chunk,
    DocumentTokens,
    Mention,
    candidate_pairs,
    collate_chunks,
    entity_mentions,
    make_chunks,
    pair_tensors,
    relation_targets,
    tag_targets,
    tokenize_document,
)
from ..models.joint import MentionBatch, PairBatch
from ..schema import Schema


@dataclass
class TrainWindow:
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
        unsure = []
        if pseudo:
            low = {e.id for e in doc.entities if e.score is not None and e.score < min_score}
            unsure = [m for m in mentions if m.entity_id in low]
            mentions = [m for m in mentions if m.entity_id not in low]
        tags = tag_targets(len(tokens.input_ids), mentions, schema)
        for m in unsure:
            tags[m.start:m.end] = [IGNORE] * (m.end - m.start)
        for chunk in make_chunks(0, tokens, max_tokens):
            chunk_tags = tags[chunk.start:chunk.end]
            inside = []
            for m in mentions:
                if m.start >= chunk.start and m.end <= chunk.end:
                    inside.append(m)
                elif m.start < chunk.end and m.end > chunk.start:  # cut by the window edge
                    for t in range(max(m.start, chunk.start), min(m.end, chunk.end)):
                        chunk_tags[t - chunk.start] = IGNORE
            candidates = candidate_pairs(inside, schema)
            relation_targets(doc, inside, candidates, schema)
            windows.append(TrainWindow(chunk, tokens, chunk_tags, inside, candidates, doc.id, pseudo))
    return windows


@dataclass
class TrainBatch:
    input_ids: torch.Tensor
    attention_mask: torch.Tensor
    casing_ids: torch.Tensor
    tags: torch.Tensor
    mentions: MentionBatch
    pairs: PairBatch
    pair_targets: torch.Tensor | None


def collate_windows(windows: list[TrainWindow], start_id: int, end_id: int, pad_id: int, n_rel: int) -> TrainBatch:
    chunks = [replace(w.chunk, doc=i) for i, w in enumerate(windows)]
    enc = collate_chunks(chunks, [w.tokens for w in windows], start_id, end_id, pad_id)
    tags = torch.full(enc.input_ids.shape, IGNORE, dtype=torch.long)
    for r, w in enumerate(windows):
        tags[r, 1:len(w.tags) + 1] = torch.tensor(w.tags, dtype=torch.long)
    mb, pb, targets = pair_tensors(list(range(len(windows))), [w.chunk.start for w in windows],
                                   [w.mentions for w in windows], [w.candidates for w in windows], n_rel)
    return TrainBatch(enc.input_ids, enc.attention_mask, enc.casing_ids, tags, mb, pb, targets)
