"""Casing features: uncased encoders lose capitalisation, which names depend on."""
from __future__ import annotations

import re
from bisect import bisect_right

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


def casing_ids(text: str, offsets: list[tuple[int, int]]) -> list[int]:
    """One id per token: the casing of the alphanumeric word around it, and whether it starts it.

    Linear in the text: alphanumeric runs are found once, and each word's casing is computed once
    however many subwords it has.
    """
    runs = [m.span() for m in _ALNUM_RUN.finditer(text)]
    run_starts = [s for s, _ in runs]
    category_of: dict[tuple[int, int], int] = {}

    def run_at(pos: int) -> tuple[int, int] | None:
        k = bisect_right(run_starts, pos) - 1
        return runs[k] if k >= 0 and runs[k][0] <= pos < runs[k][1] else None

    ids = []
    for start, end in offsets:
        left = run_at(start - 1) if start > 0 else None
        right = run_at(end) if end < len(text) else None
        w_start = left[0] if left else start
        w_end = right[1] if right else end
        key = (w_start, w_end)
        if key not in category_of:
            category_of[key] = CASING_CATEGORIES.index(word_casing(text[w_start:w_end]))
        ids.append(2 * category_of[key] + (1 if w_start == start else 0))
    return ids
