"""Casing features: uncased encoders lose capitalisation, which names depend on."""
from __future__ import annotations

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


def casing_ids(text: str, offsets: list[tuple[int, int]]) -> list[int]:
    """One id per token: the casing of the alphanumeric word around it, and whether it starts it."""
    ids = []
    for start, end in offsets:
        w_start, w_end = start, end
        while w_start > 0 and text[w_start - 1].isalnum():
            w_start -= 1
        while w_end < len(text) and text[w_end].isalnum():
            w_end += 1
        category = CASING_CATEGORIES.index(word_casing(text[w_start:w_end]))
        ids.append(2 * category + (1 if w_start == start else 0))
    return ids
