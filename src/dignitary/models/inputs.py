"""From documents to model inputs: sentence tokens, windows (chunks), tag targets and pair candidates."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any, Iterable

import numpy as np

from ..document import Document
from ..schema import Schema
from ..text.alignment import char_span_to_token_span
from ..text.scripts import is_cjk
from ..text.sentences import split_sentences
from ..text.tokenizer import SubwordTokenizer
from .casing import casing_ids

IGNORE = -100
MAX_RANK = 4  # pair features: same-label mentions nearer than the partner, counted up to this
MAX_BETWEEN = 7  # pair features: mentions between the two, counted up to this


@dataclass
class DocumentTokens:
    """A document's subword tokens, sentence by sentence, with offsets into its text."""

    input_ids: list[int]
    offsets: list[tuple[int, int]]
    casing: list[int]
    sentence_of: list[int]  # sentence index of each token
    sentences: list[tuple[int, int]]  # token range of each sentence
    word_start: list[bool]  # False where a token continues the word of the previous token


@dataclass
class Chunk:
    """A window of consecutive tokens ``[start, end)`` of one document fed to the encoder.

    Tokens in ``[own_start, own_end)`` are the ones whose predictions this window provides.
    """

    doc: int
    start: int
    end: int
    own_start: int
    own_end: int

    def __len__(self) -> int:
        return self.end - self.start


@dataclass
class Mention:
    """A mention in document token coordinates, with its entity label index."""

    start: int
    end: int
    label: int
    sentence: int
    entity_id: str = ""
    score: float = 1.0


@dataclass
class Candidate:
    """An ordered mention pair that some relation label may link."""

    head: int  # index into the mention list
    tail: int
    allowed: list[bool]
    target: list[float] = field(default_factory=list)
    features: tuple[int, int, int] = (0, 0, 0)  # tail rank, head rank, mentions between


def _gap(a: Mention, b: Mention) -> int:
    return max(0, max(a.start, b.start) - min(a.end, b.end))


def pair_features(mentions: list[Mention], i: int, j: int, among: Iterable[int] | None = None) -> tuple[int, int, int]:
    """How many same-label mentions are closer to the other side than the tail (resp. head) is,
    and how many mentions lie between the two: "link the nearest attached mention".

    ``among`` (indices) limits the mentions looked at; it must hold every mention near the pair.
    """
    a, b = mentions[i], mentions[j]
    pool = range(len(mentions)) if among is None else among
    same_sentence = [k for k in pool if mentions[k].sentence == a.sentence and k not in (i, j)]
    tail_rank = sum(1 for k in same_sentence if mentions[k].label == b.label and _gap(a, mentions[k]) < _gap(a, b))
    head_rank = sum(1 for k in same_sentence if mentions[k].label == a.label and _gap(b, mentions[k]) < _gap(a, b))
    lo, hi = min(a.end, b.end), max(a.start, b.start)
    between = sum(1 for k in same_sentence if mentions[k].start >= lo and mentions[k].end <= hi)
    return min(tail_rank, MAX_RANK), min(head_rank, MAX_RANK), min(between, MAX_BETWEEN)


def tokenize_document(tokenizer, text: str, use_casing: bool = True) -> DocumentTokens:
    """The subword tokens of ``text``, sentence by sentence (one batched tokenizer call);
    ``tokenizer``: a ``SubwordTokenizer`` or a Hugging Face fast tokenizer."""
    ids: list[int] = []
    offsets: list[tuple[int, int]] = []
    sentence_of: list[int] = []
    sentences: list[tuple[int, int]] = []
    spans = split_sentences(text)
    for s_idx, tok in enumerate(SubwordTokenizer.from_hf(tokenizer).encode_spans(text, spans)):
        first = len(ids)
        ids += tok.input_ids
        offsets += tok.offsets
        sentence_of += [s_idx] * len(tok)
        sentences.append((first, len(ids)))
    casing = casing_ids(text, offsets) if use_casing else [0] * len(ids)
    return DocumentTokens(ids, offsets, casing, sentence_of, sentences, word_starts(text, offsets))


APOSTROPHES = "'’"


def _inner_apostrophe(text: str, i: int) -> bool:
    """``text[i]`` is an apostrophe inside a name ("Tai’an", "O'Brien"), not a possessive "’s"."""
    if not (0 < i < len(text) - 1 and text[i] in APOSTROPHES and text[i - 1].isalnum() and text[i + 1].isalpha()):
        return False
    possessive = text[i + 1] in "sS" and (i + 2 >= len(text) or not text[i + 2].isalnum())
    return not possessive


# Dotted acronyms and abbreviations written without spaces: "U.S.", "U.N", "a.m.", "J.R.R.".
_DOTTED_ACRONYM = re.compile(r"(?<![\w.])(?:[^\W\d_]\.){2,}|(?<![\w.])(?:[^\W\d_]\.)+[^\W\d_](?!\w)")


def _acronym_interiors(text: str) -> set[int]:
    """Character positions inside a dotted acronym other than its first: a mention never
    starts or ends there, so "U.S." is one word and never the two mentions "U." and "S."."""
    inside: set[int] = set()
    for match in _DOTTED_ACRONYM.finditer(text):
        inside.update(range(match.start() + 1, match.end()))
    return inside


def word_starts(text: str, offsets: list[tuple[int, int]]) -> list[bool]:
    """Whether each token begins a word: it does unless it glues onto the previous token inside
    a word (letters or digits on both sides, an apostrophe inside a name, or a dotted acronym).
    Next to a CJK character every token begins a word: those scripts mark no word boundary."""
    starts = []
    prev_end = -1
    acronyms = _acronym_interiors(text) if "." in text else set()
    for s, e in offsets:
        glued = s == prev_end and s > 0 and not (is_cjk(text[s - 1]) or is_cjk(text[s])) and (
            (text[s - 1].isalnum() and text[s].isalnum()) or _inner_apostrophe(text, s)
            or _inner_apostrophe(text, s - 1) or s in acronyms)
        starts.append(not glued)
        prev_end = e
    return starts


def make_chunks(doc_index: int, tokens: DocumentTokens, max_tokens: int) -> list[Chunk]:
    """Pack whole sentences into windows of at most ``max_tokens``; split longer sentences
    into half-overlapping windows, each owning its middle so that no token is lost."""
    chunks: list[Chunk] = []
    cur_start: int | None = None  # the sentences packed so far span [cur_start, cur_end)
    cur_end = 0
    for s, e in tokens.sentences:
        if s == e:
            continue
        if e - s > max_tokens:
            if cur_start is not None:
                chunks.append(Chunk(doc_index, cur_start, cur_end, cur_start, cur_end))
                cur_start = None
            chunks += _sliding_windows(doc_index, s, e, max_tokens)
            continue
        if cur_start is not None and e - cur_start > max_tokens:
            chunks.append(Chunk(doc_index, cur_start, cur_end, cur_start, cur_end))
            cur_start = None
        if cur_start is None:
            cur_start = s
        cur_end = e
    if cur_start is not None:
        chunks.append(Chunk(doc_index, cur_start, cur_end, cur_start, cur_end))
    return chunks


def _sliding_windows(doc_index: int, s: int, e: int, size: int) -> list[Chunk]:
    stride = max(size // 2, 1)
    margin = (size - stride) // 2
    starts = list(range(s, max(e - size, s) + 1, stride))
    if starts[-1] + size < e:
        starts.append(e - size)
    windows: list[Chunk] = []
    for k, ws in enumerate(starts):
        we = min(ws + size, e)
        own_start = s if k == 0 else windows[-1].own_end
        own_end = e if k == len(starts) - 1 else min(ws + margin + stride, we)
        windows.append(Chunk(doc_index, ws, we, own_start, own_end))
    return windows


def entity_mentions(doc: Document, tokens: DocumentTokens, schema: Schema) -> list[Mention]:
    """Gold entities of ``doc`` as token-level mentions (entities no token covers are skipped)."""
    mentions = []
    for ent in doc.entities:
        span = char_span_to_token_span(tokens.offsets, ent.start, ent.end)
        if span is None:
            continue
        mentions.append(Mention(span[0], span[1], schema.entity_labels.index(ent.label),
                                tokens.sentence_of[span[0]], ent.id))
    return mentions


def tag_targets(n_tokens: int, mentions: list[Mention], schema: Schema) -> list[int]:
    tags = schema.bio_labels()
    targets = [0] * n_tokens
    for m in mentions:
        label = schema.entity_labels[m.label]
        targets[m.start] = tags.index(f"B-{label}")
        for t in range(m.start + 1, m.end):
            targets[t] = tags.index(f"I-{label}")
    return targets


def candidate_pairs(mentions: list[Mention], schema: Schema, max_span: int | None = None) -> list[Candidate]:
    """Ordered pairs in one sentence that the schema allows; symmetric labels only in text order.

    With ``max_span``, only pairs whose tokens (first start to last end) fit in ``max_span`` tokens,
    found by position so that a sentence with many mentions costs time linear in its mentions.
    """
    by_sentence: dict[int, list[int]] = {}
    for k, m in enumerate(mentions):
        by_sentence.setdefault(m.sentence, []).append(k)
    nearby = {s: _Nearby(mentions, ks) for s, ks in by_sentence.items()} if max_span is not None else {}
    rel_types = schema.relation_types
    candidates = []
    for i, a in enumerate(mentions):
        a_label = schema.entity_labels[a.label]
        if max_span is None:
            partners, among = by_sentence[a.sentence], by_sentence[a.sentence]
        else:
            near = nearby[a.sentence]
            partners = [j for j in near.starting_in(a.end - max_span, a.start + max_span)
                        if max(a.end, mentions[j].end) - min(a.start, mentions[j].start) <= max_span]
            # every mention that can count in the features lies within two spans of ``a``
            among = near.starting_in(a.start - 2 * max_span - near.longest, a.end + 2 * max_span)
        for j in partners:
            if i == j:
                continue
            b = mentions[j]
            b_label = schema.entity_labels[b.label]
            first = (a.start, a.end) < (b.start, b.end)
            allowed = [
                (r.allows(a_label, b_label) and first) if r.symmetric else r.allows(a_label, b_label)
                for r in rel_types
            ]
            if any(allowed):
                candidates.append(Candidate(i, j, allowed, features=pair_features(mentions, i, j, among)))
    return candidates


class _Nearby:
    """The mentions of one sentence by start position."""

    def __init__(self, mentions: list[Mention], indices: list[int]):
        self.order = sorted(indices, key=lambda k: (mentions[k].start, k))
        self.starts = [mentions[k].start for k in self.order]
        self.longest = max(mentions[k].end - mentions[k].start for k in indices)

    def starting_in(self, lo: int, hi: int) -> list[int]:
        """Indices (ascending) of the mentions whose start lies in ``[lo, hi]``."""
        return sorted(self.order[bisect_left(self.starts, lo):bisect_right(self.starts, hi)])


def relation_targets(doc: Document, mentions: list[Mention], candidates: list[Candidate], schema: Schema) -> None:
    """Fill ``target`` of each candidate from the gold relations (symmetric ones in either order); a
    relation with a ``score`` (a model's pseudo-label) gives that probability instead of 1."""
    index = {(mentions[c.head].entity_id, mentions[c.tail].entity_id): c for c in candidates}
    labels = schema.relation_labels
    for c in candidates:
        c.target = [0.0] * len(labels)
    for rel in doc.relations:
        k = labels.index(rel.label)
        keys = [(rel.head, rel.tail)]
        if schema.is_symmetric(rel.label):
            keys.append((rel.tail, rel.head))
        for key in keys:
            cand = index.get(key)
            if cand is not None and cand.allowed[k]:
                cand.target[k] = 1.0 if rel.score is None else float(rel.score)  # a pseudo-label's probability


@dataclass
class WindowPairs:
    """The pairs one window scores: the mentions they join (indices into the document's mention
    list, in first-use order) and the candidates, whose ``head``/``tail`` index ``mentions``."""

    mentions: list[int] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)


def window_pairs(chunks: list[Chunk], mentions: list[Mention], candidates: list[Candidate],
                 ) -> dict[int, WindowPairs]:
    """The one rule for which window scores which pair, in training and in inference.

    ``chunks`` are consecutive windows of one document (in order), ``candidates`` index
    ``mentions`` (document token coordinates). Each pair goes to the window that holds both
    mentions whose centre is nearest the pair's (the first on a tie); a pair no window holds
    is not scored. Returns, by chunk index, the windows that score any pair.
    """
    starts = [c.start for c in chunks]
    ends = [c.end for c in chunks]
    out: dict[int, WindowPairs] = {}
    local: dict[int, dict[int, int]] = {}
    for cand in candidates:
        h, t = mentions[cand.head], mentions[cand.tail]
        lo, hi = min(h.start, t.start), max(h.end, t.end)
        holders = range(bisect_left(ends, hi), bisect_right(starts, lo))
        if not holders:
            continue
        centre = (lo + hi) / 2
        k = min(holders, key=lambda k: (abs((starts[k] + ends[k]) / 2 - centre), k))
        window = out.setdefault(k, WindowPairs())
        index = local.setdefault(k, {})
        for m in (cand.head, cand.tail):
            if m not in index:
                index[m] = len(window.mentions)
                window.mentions.append(m)
        window.candidates.append(Candidate(index[cand.head], index[cand.tail], cand.allowed, cand.target,
                                           cand.features))
    return out


def to_tensor(array: Any, device: Any) -> Any:
    import torch

    return torch.as_tensor(array, device=device)


@dataclass
class EncoderBatch:
    """Padded encoder inputs of several chunks (int64 arrays); position ``p`` of row ``r`` is
    document token ``chunk.start + p - 1`` (position 0 holds the start token)."""

    input_ids: Any  # (B, T): numpy, or torch after ``to``
    attention_mask: Any
    casing_ids: Any
    chunks: list[Chunk]

    def to(self, device: Any) -> "EncoderBatch":
        """The same batch as torch tensors on ``device``."""
        return EncoderBatch(to_tensor(self.input_ids, device), to_tensor(self.attention_mask, device),
                            to_tensor(self.casing_ids, device), self.chunks)


@dataclass
class MentionBatch:
    """Mentions to pool: chunk row, token span ``[start, end)`` (chunk coordinates) and label id."""

    row: Any  # (M,) int64: numpy, or torch after ``to``
    start: Any
    end: Any
    label: Any

    def to(self, device: Any) -> "MentionBatch":
        return MentionBatch(*(to_tensor(a, device) for a in (self.row, self.start, self.end, self.label)))


@dataclass
class PairBatch:
    """Candidate pairs as indices into a ``MentionBatch``, with a mask of the labels the schema allows."""

    head: Any  # (P,) int64
    tail: Any
    allowed: Any  # (P, R) bool
    features: Any  # (P, 3) int64: tail rank, head rank, mentions between

    def to(self, device: Any) -> "PairBatch":
        return PairBatch(*(to_tensor(a, device) for a in (self.head, self.tail, self.allowed, self.features)))


def collate_chunks(chunks: list[Chunk], doc_tokens: list[DocumentTokens], start_id: int, end_id: int,
                   pad_id: int) -> EncoderBatch:
    """Encoder inputs of ``chunks`` (numpy), each framed by the start and end tokens and padded."""
    width = max(len(c) for c in chunks) + 2
    ids = np.full((len(chunks), width), pad_id, dtype=np.int64)
    mask = np.zeros((len(chunks), width), dtype=np.int64)
    casing = np.zeros((len(chunks), width), dtype=np.int64)
    for r, c in enumerate(chunks):
        toks = doc_tokens[c.doc]
        n = len(c)
        ids[r, 0] = start_id
        ids[r, 1:n + 1] = toks.input_ids[c.start:c.end]
        ids[r, n + 1] = end_id
        mask[r, :n + 2] = 1
        casing[r, 1:n + 1] = toks.casing[c.start:c.end]
    return EncoderBatch(ids, mask, casing, chunks)


def pair_arrays(rows: list[int], chunk_starts: list[int], mention_lists: list[list[Mention]],
                candidate_lists: list[list[Candidate]], n_rel: int,
                ) -> tuple[MentionBatch, PairBatch, np.ndarray | None]:
    """Stack the mentions and candidates of several chunks (chunk coordinates, numpy); the
    relation targets too when any candidate exists."""
    m_row: list[int] = []
    m_start: list[int] = []
    m_end: list[int] = []
    m_label: list[int] = []
    p_head: list[int] = []
    p_tail: list[int] = []
    allowed: list[list[bool]] = []
    targets: list[list[float]] = []
    features: list[tuple[int, int, int]] = []
    for row, offset, mentions, cands in zip(rows, chunk_starts, mention_lists, candidate_lists):
        base = len(m_row)
        for m in mentions:
            m_row.append(row)
            m_start.append(m.start - offset + 1)
            m_end.append(m.end - offset + 1)
            m_label.append(m.label)
        for c in cands:
            p_head.append(base + c.head)
            p_tail.append(base + c.tail)
            allowed.append(c.allowed)
            targets.append(c.target or [0.0] * n_rel)
            features.append(c.features)
    mb = MentionBatch(*(np.array(a, dtype=np.int64) for a in (m_row, m_start, m_end, m_label)))
    pb = PairBatch(np.array(p_head, dtype=np.int64), np.array(p_tail, dtype=np.int64),
                   np.array(allowed, dtype=bool).reshape(-1, n_rel),
                   np.array(features, dtype=np.int64).reshape(-1, 3))
    tgt = np.array(targets, dtype=np.float32).reshape(-1, n_rel) if targets else None
    return mb, pb, tgt
