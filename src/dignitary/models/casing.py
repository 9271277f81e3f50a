"""Casing features: uncased encoders lose capitalisation, which names depend on."""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

CASING_CATEGORIES = ("pad", "lower", "title", "upper", "mixed", "numeric", "other")
NUM_CASING_IDS = 2 * len(CASING_CATEGORIES)  # each category, word-initial or not


def word_casing(word: str) -> str:
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return "numeric" if any(c.isdigit() for c in word) else "other"
    if all(c.islower() for c in letters):
        return "lower"
    if all(c.isupper() for c in letters):
        return "upper" if len(letters) > 1 else "title"
    if letters[0].isupper() and all(c.islower() for c in letters[1:]):
        return "title"
    return "mixed"


_ALNUM_RUN = re.compile(r"[^\W_]+")  # exactly the characters for which ``str.isalnum()`` holds


@lru_cache(maxsize=1 << 16)
def _category(word: str) -> int:
    """The index of ``word_casing(word)`` (news repeats its words: each is read once)."""
    return CASING_CATEGORIES.index(word_casing(word))


def casing_ids(text: str, offsets: list[tuple[int, int]]) -> list[int]:
    """One id per token: the casing of the alphanumeric word around it, and whether it starts it.

    Linear in the text: alphanumeric runs are found once, every token is placed in them at once
    (numpy), and each word's casing is computed once however many subwords it has.
    """
    if not offsets:
        return []
    runs = np.array([m.span() for m in _ALNUM_RUN.finditer(text)] or [(-2, -2)], dtype=np.int64)
    bounds = np.asarray(offsets, dtype=np.int64)
    starts, ends = bounds[:, 0], bounds[:, 1]

    def run_holding(pos: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each position, whether an alphanumeric run holds it, and that run's index."""
        k = np.searchsorted(runs[:, 0], pos, side="right") - 1
        k_safe = np.maximum(k, 0)
        return (k >= 0) & (runs[k_safe, 0] <= pos) & (pos < runs[k_safe, 1]), k_safe

    in_left, left = run_holding(starts - 1)
    in_right, right = run_holding(ends)
    word_start = np.where(in_left & (starts > 0), runs[left, 0], starts)
    word_end = np.where(in_right & (ends < len(text)), runs[right, 1], ends)
    spans = list(zip(word_start.tolist(), word_end.tolist()))
    words = {span: _category(text[span[0]:span[1]]) for span in set(spans)}  # a long word sliced once
    category = np.array([words[span] for span in spans], dtype=np.int64)
    return (2 * category + (word_start == starts)).tolist()
