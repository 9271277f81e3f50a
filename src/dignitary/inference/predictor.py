"""The inference core: documents in, annotated documents out, batched, through any ``Encoder``.

``Predictor.predict`` has no side effects on its inputs and imports no torch: the encoder
(``TorchEncoder`` or ``OnnxEncoder``) runs the model, everything else is numpy.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import numpy as np

from ..document import Document, Entity, Relation
from ..models.config import HeadConfig
from ..models.inputs import (
    Chunk,
    DocumentTokens,
    EncoderBatch,
    Mention,
    WindowPairs,
    candidate_pairs,
    collate_chunks,
    make_chunks,
    pair_arrays,
    tokenize_document,
    window_pairs,
)
from ..schema import Schema
from ..text.tokenizer import SubwordTokenizer
from .batching import MAX_PADDING, budget_batches
from .decoding import continuation_mask, spans_from_tags, transition_mask, trim_span, viterbi_batch
from .encoder import Encoder


@dataclass
class _Relation:
    """A relation between two mentions of one document (indices into its mention list)."""

    head: int
    tail: int
    label: str
    score: float


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
    """Runs a joint model over documents: windows, token-budget batches, Viterbi, relation scoring.

    Windows are processed as a stream of groups of at most ``stream_tokens`` tokens: the encoder
    states of a group are dropped once its sentences are decoded and its pairs scored, so memory
    does not grow with the length of a document. A single sentence longer than that is encoded
    twice (tags first, then only the windows that hold pairs) rather than held in memory.
    """

    def __init__(self, encoder: Encoder, tokenizer: SubwordTokenizer, schema: Schema, config: HeadConfig,
                 token_budget: int = 8192, max_batch_size: int = 64, relation_threshold: float | None = None,
                 stream_tokens: int | None = None, max_padding: float = MAX_PADDING):
        self.encoder = encoder
        self.tokenizer = SubwordTokenizer.from_hf(tokenizer)
        self.schema = schema
        self.config = config
        self.token_budget = token_budget
        self.max_batch_size = max_batch_size
        self.max_padding = max_padding  # share of a batch's cells that may be padding (``budget_batches``)
        self.stream_tokens = stream_tokens if stream_tokens is not None else 8 * token_budget
        self.tags = schema.bio_labels()
        self.allowed, self.start_allowed = transition_mask(self.tags)
        self.within_word = continuation_mask(self.tags)
        self.threshold = config.relation_threshold if relation_threshold is None else relation_threshold

    def predict(self, docs: list[Document]) -> list[Document]:
        """A copy of each document carrying its entities (ids ``T1..``) and relations; the result
        does not depend on how documents are grouped (an encoder whose outputs would, as dynamic
        int8's do, takes one window per call: its ``max_rows``)."""
        texts = [d.text for d in docs]
        doc_tokens = [tokenize_document(self.tokenizer, t, self.config.casing) for t in texts]
        mentions: list[list[Mention]] = [[] for _ in texts]
        relations: list[list[_Relation]] = [[] for _ in texts]
        for group in self._groups(doc_tokens):
            self._run_group(group, doc_tokens, texts, mentions, relations)
        return [self._to_document(doc, toks, ms, rels)
                for doc, toks, ms, rels in zip(docs, doc_tokens, mentions, relations)]

    def encoder_batches(self, texts: list[str]) -> Iterator[EncoderBatch]:
        """The encoder inputs of ``predict``'s tagging pass over ``texts``, call by call (for
        benchmarks of the forward pass alone)."""
        doc_tokens = [tokenize_document(self.tokenizer, t, self.config.casing) for t in texts]
        for group in self._groups(doc_tokens):
            chunks = [c for u in group for c in u.chunks]
            for batch_idx in self._batches(chunks):
                for call_idx in self._calls(batch_idx):
                    yield self._collate(chunks, doc_tokens, call_idx)

    def _groups(self, doc_tokens: list[DocumentTokens]) -> Iterator[list[_Unit]]:
        """The documents' units, in consecutive groups of at most ``stream_tokens`` tokens (a
        larger unit alone)."""
        max_tokens = self.config.max_tokens
        units = (u for i, toks in enumerate(doc_tokens) for u in _units(i, toks, make_chunks(i, toks, max_tokens)))
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

    def _batches(self, chunks: list[Chunk]) -> list[list[int]]:
        """Indices of ``chunks`` in length-bucketed batches within the token budget."""
        return budget_batches([len(c) + 2 for c in chunks], self.token_budget, self.max_batch_size, self.max_padding)

    def _calls(self, batch_idx: list[int]) -> list[list[int]]:
        """``batch_idx`` cut into encoder calls of at most the encoder's ``max_rows`` windows."""
        rows = self.encoder.max_rows or max(len(batch_idx), 1)
        return [batch_idx[first:first + rows] for first in range(0, len(batch_idx), rows)]

    def _collate(self, chunks: list[Chunk], doc_tokens: list[DocumentTokens], batch_idx: list[int]) -> EncoderBatch:
        return collate_chunks([chunks[i] for i in batch_idx], doc_tokens, self.tokenizer.start_id,
                              self.tokenizer.end_id, self.tokenizer.pad_id)

    def _encode(self, chunks: list[Chunk], doc_tokens: list[DocumentTokens], batch_idx: list[int],
                logprobs: dict[int, np.ndarray] | None) -> dict:
        """Encoder states of ``chunks[i]`` for ``i`` in ``batch_idx`` (in calls of at most the
        encoder's ``max_rows`` windows); tag log-probabilities of the tokens each window owns go into
        ``logprobs`` (by chunk index) when given."""
        states = {}
        for call_idx in self._calls(batch_idx):
            batch = self._collate(chunks, doc_tokens, call_idx)
            lp, hidden = self.encoder.encode(batch)
            for row, (ci, c) in enumerate(zip(call_idx, batch.chunks)):
                if logprobs is not None:
                    a, b = c.own_start - c.start + 1, c.own_end - c.start + 1
                    logprobs[ci] = lp[row, a:b]
                states[ci] = hidden[row, : len(c) + 2]
        return states

    def _run_group(self, group: list[_Unit], doc_tokens: list[DocumentTokens], texts: list[str],
                   mentions: list[list[Mention]], relations: list[list[_Relation]]) -> None:
        """Tag, decode and score the relations of one group of units."""
        chunks = [c for u in group for c in u.chunks]
        keep = len(group) > 1 or group[0].tokens <= self.stream_tokens
        pieces: dict[int, np.ndarray] = {}
        hidden_of: dict[int, object] = {}
        for batch_idx in self._batches(chunks):
            states = self._encode(chunks, doc_tokens, batch_idx, pieces)
            if keep:
                hidden_of.update(states)
            del states
        firsts = []
        first_chunk = 0
        for unit in group:
            firsts.append(first_chunk)
            first_chunk += len(unit.chunks)
        decoded = self._decode(group, firsts, pieces, doc_tokens, texts)
        work: dict[int, tuple[WindowPairs, int]] = {}
        for unit, first_chunk, found in zip(group, firsts, decoded):
            first = len(mentions[unit.doc])
            mentions[unit.doc] += found
            ms = mentions[unit.doc][first:]
            candidates = candidate_pairs(ms, self.schema, max_span=self.config.max_tokens)
            for k, held in window_pairs(unit.chunks, ms, candidates).items():
                work[first_chunk + k] = (held, first)
        self._score(chunks, work, hidden_of if keep else None, doc_tokens, mentions, relations)

    def _decode(self, group: list[_Unit], firsts: list[int], pieces: dict[int, np.ndarray],
                doc_tokens: list[DocumentTokens], texts: list[str]) -> list[list[Mention]]:
        """The mentions of each unit: Viterbi over all sentences of the group at once, mentions on
        word boundaries, edge words trimmed (ANNOTATION.md)."""
        sentences = []  # (unit index, sentence index, its log-probabilities, word starts)
        for u, (unit, first_chunk) in enumerate(zip(group, firsts)):
            toks = doc_tokens[unit.doc]
            offset = unit.chunks[0].own_start  # row r is token offset + r (owned spans are contiguous)
            logprobs = np.concatenate([pieces[first_chunk + k] for k in range(len(unit.chunks))])
            for s_idx in unit.sentences:
                s, e = toks.sentences[s_idx]
                if s != e:
                    sentences.append((u, s_idx, logprobs[s - offset:e - offset], toks.word_start[s:e]))
        paths = viterbi_batch([lp for _, _, lp, _ in sentences], self.allowed, self.start_allowed,
                              [~np.array(ws, dtype=bool) for _, _, _, ws in sentences], self.within_word)
        found: list[list[Mention]] = [[] for _ in group]
        for (u, s_idx, lp, word_start), path in zip(sentences, paths):
            toks, text = doc_tokens[group[u].doc], texts[group[u].doc]
            s, e = toks.sentences[s_idx]
            token_texts = [text[a:b] for a, b in toks.offsets[s:e]]
            for i, j, label, score in spans_from_tags(path, self.tags, self.schema.entity_labels, lp):
                i, j = trim_span(i, j, token_texts, word_start)
                if i < j:
                    found[u].append(Mention(s + i, s + j, label, s_idx, score=score))
        return found

    def _score(self, chunks: list[Chunk], work: dict[int, tuple[WindowPairs, int]], hidden_of: dict | None,
               doc_tokens: list[DocumentTokens], mentions: list[list[Mention]],
               results: list[list[_Relation]]) -> None:
        """Relation probabilities of the pairs in ``work`` (by chunk index: the window's pairs and
        the index of its unit's first mention); encoder states are recomputed per batch when
        ``hidden_of`` is ``None``."""
        n_rel = len(self.schema.relation_labels)
        chunk_ids = sorted(work)
        for batch_idx in budget_batches([len(chunks[ci]) + 2 for ci in chunk_ids], self.token_budget,
                                        self.max_batch_size, self.max_padding):
            cis = [chunk_ids[i] for i in batch_idx]
            states = hidden_of if hidden_of is not None else self._encode(chunks, doc_tokens, cis, None)
            mb, pb, _ = pair_arrays(list(range(len(cis))), [chunks[ci].start for ci in cis],
                                    [[mentions[chunks[ci].doc][work[ci][1] + m] for m in work[ci][0].mentions]
                                     for ci in cis],
                                    [work[ci][0].candidates for ci in cis], n_rel)
            probs = self.encoder.relation_probs([states[ci] for ci in cis], mb, pb)
            row = 0
            for ci in cis:
                held, first = work[ci]
                for cand in held.candidates:
                    head, tail = first + held.mentions[cand.head], first + held.mentions[cand.tail]
                    for k in np.nonzero(probs[row] >= self.threshold)[0]:
                        results[chunks[ci].doc].append(_Relation(head, tail, self.schema.relation_labels[k],
                                                                 float(probs[row, k])))
                    row += 1

    def _to_document(self, doc: Document, tokens: DocumentTokens, mentions: list[Mention],
                     relations: list[_Relation]) -> Document:
        """A copy of ``doc`` carrying the mentions as entities ``T1..`` and the relations between them."""
        entities = [Entity(tokens.offsets[m.start][0], tokens.offsets[m.end - 1][1],
                           self.schema.entity_labels[m.label], f"T{i}", m.score)
                    for i, m in enumerate(mentions, 1)]
        links = [Relation(f"T{r.head + 1}", f"T{r.tail + 1}", r.label, r.score)
                 for r in sorted(relations, key=lambda r: (r.head, r.tail, r.label))]
        return Document(doc.id, doc.text, entities, links, dict(doc.meta))
