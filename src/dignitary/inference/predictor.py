"""The inference core: documents in, entities and relations out, batched on any device.

``Predictor.predict`` has no side effects on its inputs; ``Extractor`` (``dignitary.extractor``)
wraps it into ``Document`` objects.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from ..document import Document, Entity, Relation
from ..models.decoding import continuation_mask, spans_from_tags, transition_mask, trim_span, viterbi
from ..models.inputs import (
    Candidate,
    Chunk,
    DocumentTokens,
    Mention,
    candidate_pairs,
    collate_chunks,
    make_chunks,
    pair_tensors,
    special_ids,
    tokenize_document,
)
from ..models.joint import JointModel
from .batching import budget_batches


@dataclass
class RawEntity:
    start: int
    end: int
    label: str
    score: float


@dataclass
class RawRelation:
    head: int  # index into the entity list
    tail: int
    label: str
    score: float


@dataclass
class Prediction:
    """Entities (character offsets) and relations (entity indices) for one text."""

    entities: list[RawEntity]
    relations: list[RawRelation]


class Predictor:
    """Runs a ``JointModel`` over texts: windows, token-budget batches, Viterbi, relation scoring."""

    def __init__(self, model: JointModel, tokenizer, device: torch.device | str = "cpu",
                 autocast_dtype: torch.dtype | None = None, token_budget: int = 8192,
                 max_batch_size: int = 64, relation_threshold: float | None = None):
        self.model = model
        self.tokenizer = tokenizer
        self.device = torch.device(device)
        self.autocast_dtype = autocast_dtype
        self.token_budget = token_budget
        self.max_batch_size = max_batch_size
        self.schema = model.schema
        self.tags = model.tags
        self.allowed, self.start_allowed = transition_mask(self.tags)
        self.within_word = continuation_mask(self.tags)
        self.threshold = model.config.relation_threshold if relation_threshold is None else relation_threshold
        self.start_id, self.end_id = special_ids(tokenizer)
        self.pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0

    def _autocast(self):
        if self.autocast_dtype is None:
            return torch.autocast(self.device.type, enabled=False)
        return torch.autocast(self.device.type, dtype=self.autocast_dtype)

    @torch.inference_mode()
    def predict(self, texts: list[str]) -> list[Prediction]:
        """Predictions for each text; the result does not depend on how texts are grouped."""
        self.model.eval()
        max_tokens = self.model.config.max_tokens
        doc_tokens = [tokenize_document(self.tokenizer, t, self.model.config.casing) for t in texts]
        chunks = [c for i, toks in enumerate(doc_tokens) for c in make_chunks(i, toks, max_tokens)]
        n_tags = len(self.tags)
        logprobs = [np.zeros((len(t.input_ids), n_tags), dtype=np.float32) for t in doc_tokens]
        hidden_of: dict[int, torch.Tensor] = {}
        batches = budget_batches([len(c) + 2 for c in chunks], self.token_budget, self.max_batch_size)
        for batch_idx in batches:
            batch_chunks = [chunks[i] for i in batch_idx]
            batch = collate_chunks(batch_chunks, doc_tokens, self.start_id, self.end_id, self.pad_id)
            batch = batch.to(self.device)
            with self._autocast():
                tag_logits, hidden = self.model.encode(batch.input_ids, batch.attention_mask, batch.casing_ids)
            lp = torch.log_softmax(tag_logits.float(), dim=-1).cpu().numpy()
            for row, (ci, c) in enumerate(zip(batch_idx, batch_chunks)):
                a, b = c.own_start - c.start + 1, c.own_end - c.start + 1
                logprobs[c.doc][c.own_start:c.own_end] = lp[row, a:b]
                hidden_of[ci] = hidden[row, : len(c) + 2]
        mentions = [self._decode(toks, lp, text) for toks, lp, text in zip(doc_tokens, logprobs, texts)]
        relations = self._relations(chunks, doc_tokens, mentions, hidden_of)
        return [self._to_prediction(toks, ms, rels) for toks, ms, rels in zip(doc_tokens, mentions, relations)]

    def _decode(self, tokens: DocumentTokens, logprobs: np.ndarray, text: str) -> list[Mention]:
        """Viterbi per sentence, mentions on word boundaries, edge words trimmed (ANNOTATION.md)."""
        mentions = []
        token_texts = [text[s:e] for s, e in tokens.offsets]
        continues = np.array([not w for w in tokens.word_start], dtype=bool)
        for s_idx, (s, e) in enumerate(tokens.sentences):
            if s == e:
                continue
            path = viterbi(logprobs[s:e], self.allowed, self.start_allowed, continues[s:e], self.within_word)
            for i, j, label, score in spans_from_tags(path, self.tags, self.schema.entity_labels, logprobs[s:e]):
                i, j = trim_span(s + i, s + j, token_texts, tokens.word_start)
                if i < j:
                    mentions.append(Mention(i, j, label, s_idx, score=score))
        return mentions

    def _relations(self, chunks: list[Chunk], doc_tokens: list[DocumentTokens], mentions: list[list[Mention]],
                   hidden_of: dict[int, torch.Tensor]) -> list[list[RawRelation]]:
        """Score every allowed same-sentence pair in the window that holds both mentions."""
        n_rel = len(self.schema.relation_labels)
        chunks_of_doc: dict[int, list[int]] = {}
        for ci, c in enumerate(chunks):
            chunks_of_doc.setdefault(c.doc, []).append(ci)
        # per chunk: the mentions it scores (by document mention index) and their candidate pairs
        work: dict[int, tuple[dict[int, int], list[Candidate], list[tuple[int, int]]]] = {}
        for doc, ms in enumerate(mentions):
            for cand in candidate_pairs(ms, self.schema):
                h, t = ms[cand.head], ms[cand.tail]
                lo, hi = min(h.start, t.start), max(h.end, t.end)
                holders = [ci for ci in chunks_of_doc.get(doc, []) if chunks[ci].start <= lo and hi <= chunks[ci].end]
                if not holders:
                    continue  # the pair is wider than a window
                centre = (lo + hi) / 2
                ci = min(holders, key=lambda k: (abs((chunks[k].start + chunks[k].end) / 2 - centre), k))
                local, cands, origin = work.setdefault(ci, ({}, [], []))
                head = local.setdefault(cand.head, len(local))
                tail = local.setdefault(cand.tail, len(local))
                cands.append(Candidate(head, tail, cand.allowed, features=cand.features))
                origin.append((cand.head, cand.tail))
        results: list[list[RawRelation]] = [[] for _ in mentions]
        chunk_ids = sorted(work)
        if not chunk_ids:
            return results
        for batch_idx in budget_batches([len(chunks[ci]) + 2 for ci in chunk_ids], self.token_budget,
                                        self.max_batch_size):
            cis = [chunk_ids[i] for i in batch_idx]
            width = max(hidden_of[ci].size(0) for ci in cis)
            first = hidden_of[cis[0]]
            hidden = first.new_zeros((len(cis), width, first.size(-1)))
            for row, ci in enumerate(cis):
                hidden[row, : hidden_of[ci].size(0)] = hidden_of[ci]
            mb, pb, _ = pair_tensors(list(range(len(cis))), [chunks[ci].start for ci in cis],
                                     [[mentions[chunks[ci].doc][m] for m in work[ci][0]] for ci in cis],
                                     [work[ci][1] for ci in cis], n_rel)
            with self._autocast():
                logits = self.model.relation_logits(hidden, mb.to(self.device), pb.to(self.device))
            probs = torch.sigmoid(logits.float()).cpu().numpy()
            row = 0
            for ci in cis:
                doc = chunks[ci].doc
                for head, tail in work[ci][2]:
                    for k in np.nonzero(probs[row] >= self.threshold)[0]:
                        results[doc].append(RawRelation(head, tail, self.schema.relation_labels[k],
                                                        float(probs[row, k])))
                    row += 1
        return results

    def _to_prediction(self, tokens: DocumentTokens, mentions: list[Mention],
                       relations: list[RawRelation]) -> Prediction:
        entities = [
            RawEntity(tokens.offsets[m.start][0], tokens.offsets[m.end - 1][1], self.schema.entity_labels[m.label],
                      m.score)
            for m in mentions
        ]
        relations = sorted(relations, key=lambda r: (r.head, r.tail, r.label))
        return Prediction(entities, relations)


def annotate(doc: Document, prediction: Prediction) -> Document:
    """A copy of ``doc`` carrying the predicted entities (ids ``T1..``) and relations."""
    entities = [Entity(e.start, e.end, e.label, f"T{i}", e.score) for i, e in enumerate(prediction.entities, 1)]
    relations = [Relation(f"T{r.head + 1}", f"T{r.tail + 1}", r.label, r.score) for r in prediction.relations]
    return Document(doc.id, doc.text, entities, relations, dict(doc.meta))
