"""The inference core: documents in, entities and relations out, batched on any device.

``Predictor.predict`` has no side effects on its inputs; ``Extractor`` (``dignitary.extractor``)
wraps it into ``Document`` objects.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Iterable, Iterator

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


@dataclass
class _Unit:
    """Consecutive windows of one document that end on a sentence end: a window of whole
    sentences, or the overlapping windows of one long sentence. Each sentence (and every relation
    pair in it) is decided by the windows of its unit alone."""

    doc: int
    chunks: list[Chunk]
    sentences: list[int]  # the document's sentences that it covers

    @property
    def tokens(self) -> int:
        return sum(len(c) + 2 for c in self.chunks)


def _units(doc: int, tokens: DocumentTokens, chunks: list[Chunk]) -> Iterator[_Unit]:
    sentence_ends = {e for _, e in tokens.sentences}
    current: list[Chunk] = []
    sentence = 0
    for chunk in chunks:
        current.append(chunk)
        if chunk.own_end in sentence_ends:
            covered = []
            while sentence < len(tokens.sentences) and tokens.sentences[sentence][1] <= chunk.own_end:
                covered.append(sentence)
                sentence += 1
            yield _Unit(doc, current, covered)
            current = []
    if current:  # windows always end on a sentence end; never drop any if one did not
        yield _Unit(doc, current, list(range(sentence, len(tokens.sentences))))


class Predictor:
    """Runs a ``JointModel`` over texts: windows, token-budget batches, Viterbi, relation scoring.

    Windows are processed as a stream of groups of at most ``stream_tokens`` tokens: the encoder
    states of a group are dropped once its sentences are decoded and its pairs scored, so memory
    does not grow with the length of a document. A single sentence longer than that is encoded
    twice (tags first, then only the windows that hold pairs) rather than held in memory.
    """

    def __init__(self, model: JointModel, tokenizer, device: torch.device | str = "cpu",
                 autocast_dtype: torch.dtype | None = None, token_budget: int = 8192,
                 max_batch_size: int = 64, relation_threshold: float | None = None,
                 stream_tokens: int | None = None):
        self.model = model
        self.tokenizer = tokenizer
        self.device = torch.device(device)
        self.autocast_dtype = autocast_dtype
        self.token_budget = token_budget
        self.max_batch_size = max_batch_size
        self.stream_tokens = stream_tokens if stream_tokens is not None else 8 * token_budget
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
        mentions: list[list[Mention]] = [[] for _ in texts]
        relations: list[list[RawRelation]] = [[] for _ in texts]
        units = (u for i, toks in enumerate(doc_tokens) for u in _units(i, toks, make_chunks(i, toks, max_tokens)))
        for group in self._groups(units):
            self._run_group(group, doc_tokens, texts, mentions, relations)
        return [self._to_prediction(toks, ms, rels) for toks, ms, rels in zip(doc_tokens, mentions, relations)]

    def _groups(self, units: Iterable[_Unit]) -> Iterator[list[_Unit]]:
        """Consecutive units of at most ``stream_tokens`` tokens (a larger unit alone)."""
        group: list[_Unit] = []
        size = 0
        for unit in units:
            if group and size + unit.tokens > self.stream_tokens:
                yield group
                group, size = [], 0
            group.append(unit)
            size += unit.tokens
        if group:
            yield group

    def _encode(self, chunks: list[Chunk], doc_tokens: list[DocumentTokens], batch_idx: list[int],
                logprobs: dict[int, np.ndarray] | None) -> dict[int, torch.Tensor]:
        """Encoder states of ``chunks[i]`` for ``i`` in ``batch_idx``; tag log-probabilities of the
        tokens each window owns go into ``logprobs`` (by chunk index) when given."""
        batch_chunks = [chunks[i] for i in batch_idx]
        batch = collate_chunks(batch_chunks, doc_tokens, self.start_id, self.end_id, self.pad_id).to(self.device)
        with self._autocast():
            tag_logits, hidden = self.model.encode(batch.input_ids, batch.attention_mask, batch.casing_ids)
        if logprobs is not None:
            lp = torch.log_softmax(tag_logits.float(), dim=-1).cpu().numpy()
            for row, (ci, c) in enumerate(zip(batch_idx, batch_chunks)):
                a, b = c.own_start - c.start + 1, c.own_end - c.start + 1
                logprobs[ci] = lp[row, a:b]
        return {ci: hidden[row, : len(c) + 2] for row, (ci, c) in enumerate(zip(batch_idx, batch_chunks))}

    def _run_group(self, group: list[_Unit], doc_tokens: list[DocumentTokens], texts: list[str],
                   mentions: list[list[Mention]], relations: list[list[RawRelation]]) -> None:
        """Tag, decode and score the relations of one group of units."""
        chunks = [c for u in group for c in u.chunks]
        keep = len(group) > 1 or group[0].tokens <= self.stream_tokens
        pieces: dict[int, np.ndarray] = {}
        hidden_of: dict[int, torch.Tensor] = {}
        for batch_idx in budget_batches([len(c) + 2 for c in chunks], self.token_budget, self.max_batch_size):
            states = self._encode(chunks, doc_tokens, batch_idx, pieces)
            if keep:
                hidden_of.update(states)
            del states
        work: dict[int, tuple[dict[int, int], list[Candidate], list[tuple[int, int]]]] = {}
        first_chunk = 0
        for unit in group:
            toks = doc_tokens[unit.doc]
            lo_tok = unit.chunks[0].own_start  # logprobs row r is token lo_tok + r (owned spans are contiguous)
            logprobs = np.concatenate([pieces[first_chunk + k] for k in range(len(unit.chunks))])
            first = len(mentions[unit.doc])
            mentions[unit.doc] += self._decode(toks, logprobs, lo_tok, unit.sentences, texts[unit.doc])
            self._pairs(unit, first_chunk, first, mentions[unit.doc], work)
            first_chunk += len(unit.chunks)
        self._score(chunks, group, work, hidden_of if keep else None, doc_tokens, mentions, relations)

    def _decode(self, tokens: DocumentTokens, logprobs: np.ndarray, offset: int, sentences: list[int],
                text: str) -> list[Mention]:
        """Viterbi per sentence, mentions on word boundaries, edge words trimmed (ANNOTATION.md).

        ``logprobs`` row ``r`` is document token ``offset + r``."""
        mentions = []
        for s_idx in sentences:
            s, e = tokens.sentences[s_idx]
            if s == e:
                continue
            token_texts = [text[a:b] for a, b in tokens.offsets[s:e]]
            word_start = tokens.word_start[s:e]
            continues = np.array([not w for w in word_start], dtype=bool)
            lp = logprobs[s - offset:e - offset]
            path = viterbi(lp, self.allowed, self.start_allowed, continues, self.within_word)
            for i, j, label, score in spans_from_tags(path, self.tags, self.schema.entity_labels, lp):
                i, j = trim_span(i, j, token_texts, word_start)
                if i < j:
                    mentions.append(Mention(s + i, s + j, label, s_idx, score=score))
        return mentions

    def _pairs(self, unit: _Unit, first_chunk: int, first: int, mentions: list[Mention],
               work: dict[int, tuple[dict[int, int], list[Candidate], list[tuple[int, int]]]]) -> None:
        """Every allowed same-sentence pair of the unit's mentions, in the window that holds both
        (the one whose centre is nearest the pair's); pairs wider than a window are not scored."""
        ms = mentions[first:]
        starts = [c.start for c in unit.chunks]
        ends = [c.end for c in unit.chunks]
        for cand in candidate_pairs(ms, self.schema, max_span=self.model.config.max_tokens):
            h, t = ms[cand.head], ms[cand.tail]
            lo, hi = min(h.start, t.start), max(h.end, t.end)
            holders = range(bisect_left(ends, hi), bisect_right(starts, lo))
            if not holders:
                continue
            centre = (lo + hi) / 2
            k = min(holders, key=lambda k: (abs((starts[k] + ends[k]) / 2 - centre), k))
            local, cands, origin = work.setdefault(first_chunk + k, ({}, [], []))
            head = local.setdefault(first + cand.head, len(local))
            tail = local.setdefault(first + cand.tail, len(local))
            cands.append(Candidate(head, tail, cand.allowed, features=cand.features))
            origin.append((first + cand.head, first + cand.tail))

    def _score(self, chunks: list[Chunk], group: list[_Unit], work, hidden_of: dict[int, torch.Tensor] | None,
               doc_tokens: list[DocumentTokens], mentions: list[list[Mention]],
               results: list[list[RawRelation]]) -> None:
        """Relation probabilities of the pairs in ``work``; encoder states are recomputed per
        batch when ``hidden_of`` is ``None``."""
        n_rel = len(self.schema.relation_labels)
        chunk_ids = sorted(work)
        for batch_idx in budget_batches([len(chunks[ci]) + 2 for ci in chunk_ids], self.token_budget,
                                        self.max_batch_size):
            cis = [chunk_ids[i] for i in batch_idx]
            states = hidden_of if hidden_of is not None else self._encode(chunks, doc_tokens, cis, None)
            width = max(states[ci].size(0) for ci in cis)
            first = states[cis[0]]
            hidden = first.new_zeros((len(cis), width, first.size(-1)))
            for row, ci in enumerate(cis):
                hidden[row, : states[ci].size(0)] = states[ci]
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
