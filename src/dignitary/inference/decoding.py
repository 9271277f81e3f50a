"""BIO decoding: constrained Viterbi over tag log-probabilities, then spans."""
from __future__ import annotations

import numpy as np


def transition_mask(tags: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Allowed transitions ``prev -> cur`` and allowed first tags for IOB2."""
    n = len(tags)
    allowed = np.ones((n, n), dtype=bool)
    start = np.ones(n, dtype=bool)
    for j, cur in enumerate(tags):
        if cur.startswith("I-"):
            start[j] = False
            for i, prev in enumerate(tags):
                allowed[i, j] = prev[2:] == cur[2:] and prev != "O"
    return allowed, start


def continuation_mask(tags: list[str]) -> np.ndarray:
    """Transitions allowed inside a word: ``O -> O`` and ``B-X/I-X -> I-X``."""
    n = len(tags)
    allowed = np.zeros((n, n), dtype=bool)
    for i, prev in enumerate(tags):
        for j, cur in enumerate(tags):
            allowed[i, j] = (prev == "O" and cur == "O") or (cur.startswith("I-") and prev[2:] == cur[2:])
    return allowed


def viterbi(logprobs: np.ndarray, allowed: np.ndarray, start: np.ndarray,
            continues: np.ndarray | None = None, within_word: np.ndarray | None = None) -> list[int]:
    """Best tag sequence under the IOB2 constraints.

    Where ``continues[t]`` is true (token ``t`` continues the word of token ``t-1``), only
    ``within_word`` transitions are allowed, so mentions start and end on word boundaries.
    """
    n, k = logprobs.shape
    if n == 0:
        return []
    penalty = np.where(allowed, 0.0, -1e9)
    word_penalty = np.where(within_word, 0.0, -1e9) if within_word is not None else penalty
    score = logprobs[0] + np.where(start, 0.0, -1e9)
    back = np.zeros((n, k), dtype=np.int64)
    for t in range(1, n):
        step = word_penalty if continues is not None and continues[t] else penalty
        total = score[:, None] + step
        back[t] = total.argmax(axis=0)
        score = total.max(axis=0) + logprobs[t]
    path = [int(score.argmax())]
    for t in range(n - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return path[::-1]


def viterbi_batch(logprobs: list[np.ndarray], allowed: np.ndarray, start: np.ndarray, continues: list[np.ndarray],
                  within_word: np.ndarray) -> list[list[int]]:
    """``viterbi`` of many sentences at once: one step per token position for all of them.

    Gives exactly the paths of ``viterbi`` on each sentence (the same operations, row by row).
    """
    if not logprobs:
        return []
    lengths = np.array([len(lp) for lp in logprobs])
    n, k = int(lengths.max()), allowed.shape[0]
    if n == 0:
        return [[] for _ in logprobs]
    rows = len(logprobs)
    lp = np.zeros((rows, n, k), dtype=np.result_type(*logprobs))
    cont = np.zeros((rows, n), dtype=bool)
    for r, (a, c) in enumerate(zip(logprobs, continues)):
        lp[r, : len(a)] = a
        cont[r, : len(c)] = c
    penalty = np.where(allowed, 0.0, -1e9)
    word_penalty = np.where(within_word, 0.0, -1e9)
    score = lp[:, 0] + np.where(start, 0.0, -1e9)
    back = np.zeros((rows, n, k), dtype=np.int64)
    for t in range(1, n):
        step = np.where(cont[:, t, None, None], word_penalty, penalty)  # (rows, k, k)
        total = score[:, :, None] + step
        live = t < lengths
        back[:, t] = total.argmax(axis=1)
        score = np.where(live[:, None], total.max(axis=1) + lp[:, t], score)
    best = score.argmax(axis=1)
    path = np.zeros((rows, n), dtype=np.int64)
    index = np.arange(rows)
    for t in range(n - 1, -1, -1):  # back-pointers, all rows at once
        follow = back[index, t + 1, path[:, t + 1]] if t + 1 < n else best
        path[:, t] = np.where(lengths - 1 == t, best, np.where(t < lengths - 1, follow, 0))
    return [path[r, :length].tolist() for r, length in enumerate(lengths)]


def spans_from_tags(path: list[int], tags: list[str], entity_labels: tuple[str, ...],
                    logprobs: np.ndarray | None = None) -> list[tuple[int, int, int, float]]:
    """``(start, end, label index, score)`` for each B/I run; score = mean tag probability."""
    spans = []
    i = 0
    while i < len(path):
        tag = tags[path[i]]
        if tag == "O":
            i += 1
            continue
        label = tag[2:]
        j = i + 1
        while j < len(path) and tags[path[j]] == f"I-{label}":
            j += 1
        score = 1.0
        if logprobs is not None:
            score = float(np.exp(logprobs[np.arange(i, j), path[i:j]]).mean())
        spans.append((i, j, entity_labels.index(label), score))
        i = j
    return spans


# Words that never begin or end a mention under ANNOTATION.md (determiners, possessives,
# prepositions and conjunctions that link a mention to its neighbour, unpaired brackets).
EDGE_WORDS = frozenset({"the", "a", "an", "of", "for", "and", "at", "in", "to", "on", "with", "by", ",", ";", ":",
                        "his", "her", "its", "their", "-", "–"})


def trim_span(start: int, end: int, token_texts: list[str], word_start: list[bool] | None = None) -> tuple[int, int]:
    """Shrink token span ``[start, end)`` past edge words and unpaired brackets.

    With ``word_start``, only tokens that are whole words are trimmed: the final piece "a" of
    "Peña" or "Chin|a" is part of a name, not the article.
    """
    def whole(i: int) -> bool:
        if word_start is None:
            return True
        return word_start[i] and (i + 1 >= len(word_start) or word_start[i + 1])

    def unpaired_open(i: int, j: int) -> bool:
        return token_texts[j - 1] == "(" or (token_texts[j - 1] == ")" and "(" not in token_texts[i:j - 1])

    while start < end:
        first = token_texts[start].lower()
        if whole(start) and (first in EDGE_WORDS or (first == "(" and ")" not in token_texts[start + 1:end])
                             or first == ")"):
            start += 1
        elif whole(end - 1) and (token_texts[end - 1].lower() in EDGE_WORDS or unpaired_open(start, end)):
            end -= 1
        else:
            break
    return start, end
