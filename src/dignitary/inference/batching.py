"""Length-sorted batching under a token budget."""
from __future__ import annotations

from typing import Sequence, TypeVar

T = TypeVar("T")


def budget_batches(lengths: Sequence[int], token_budget: int, max_batch_size: int) -> list[list[int]]:
    """Indices grouped so that ``rows × longest row`` stays within ``token_budget``.

    Items are sorted by length first, so each batch pads little.
    """
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], i))
    batches: list[list[int]] = []
    current: list[int] = []
    longest = 0
    for i in order:
        new_longest = max(longest, lengths[i])
        if current and (new_longest * (len(current) + 1) > token_budget or len(current) >= max_batch_size):
            batches.append(current)
            current, new_longest = [], lengths[i]
        current.append(i)
        longest = new_longest
    if current:
        batches.append(current)
    return batches
