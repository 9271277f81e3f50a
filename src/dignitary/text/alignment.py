"""Alignment between character offsets of a text and the subword tokens of a fast tokenizer."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Sequence


@dataclass
class TokenizedText:
    """Subword ids of ``text[start:end]`` with each token's character offsets in ``text``.

    Special tokens are not included; tokens that cover no character are dropped.
    """

    input_ids: list[int]
    offsets: list[tuple[int, int]]

    def __len__(self) -> int:
        return len(self.input_ids)


def tokenize_with_offsets(tokenizer, text: str, start: int = 0, end: int | None = None) -> TokenizedText:
    """Tokenize ``text[start:end]`` with a fast tokenizer (or a ``SubwordTokenizer``); offsets refer
    to ``text``, trimmed of surrounding whitespace so that a token never claims a space."""
    from .tokenizer import SubwordTokenizer

    end = len(text) if end is None else end
    return SubwordTokenizer.from_hf(tokenizer).encode_spans(text, [(start, end)])[0]


def trim_offsets(piece: str, start: int, ids: Sequence[int], offsets: Sequence[tuple[int, int]]) -> TokenizedText:
    """Token ids and offsets of ``piece`` (which starts at ``start`` of its text): offsets moved into
    the text and trimmed of surrounding whitespace; tokens that cover no character of their own
    dropped: those of whitespace, and a bare word-start marker that SentencePiece tokenizers give
    the first character of a piece ("▁" (0, 1) before "EMI" (0, 3)), so offsets never overlap."""
    kept_ids: list[int] = []
    kept: list[tuple[int, int]] = []
    for tid, (s, e) in zip(ids, offsets):
        while s < e and piece[s].isspace():
            s += 1
        while e > s and piece[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        if kept and s < kept[-1][1] - start:  # overlaps the token before: that one is the bare marker
            if kept[-1][0] - start == s and kept[-1][1] - start <= e:
                kept_ids.pop()
                kept.pop()
            else:
                s = kept[-1][1] - start
                if s >= e:
                    continue
        kept_ids.append(tid)
        kept.append((s + start, e + start))
    return TokenizedText(kept_ids, kept)


def char_span_to_token_span(offsets: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """Tokens ``[i, j)`` that overlap the character span ``[start, end)``; ``None`` if none does."""
    ends = [e for _, e in offsets]
    starts = [s for s, _ in offsets]
    i = bisect_right(ends, start)  # first token ending after start
    j = bisect_left(starts, end)  # first token starting at or after end
    if i >= j:
        return None
    return i, j


def token_span_to_char_span(offsets: Sequence[tuple[int, int]], i: int, j: int) -> tuple[int, int]:
    """Character span from the first character of token ``i`` to the last of token ``j - 1``."""
    return offsets[i][0], offsets[j - 1][1]


def is_token_aligned(offsets: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` survives the round trip char → tokens → char exactly."""
    span = char_span_to_token_span(offsets, start, end)
    return span is not None and token_span_to_char_span(offsets, *span) == (start, end)
