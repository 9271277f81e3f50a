"""Mention-swap augmentation: the same sentences with other names, so the tagger reads context."""
from __future__ import annotations

import random

from ..document import Document, Entity, Relation

SWAPPABLE = ("PER", "ORG", "GPE")


def mention_pool(docs: list[Document], labels: tuple[str, ...] = SWAPPABLE) -> dict[str, list[str]]:
    pool: dict[str, set[str]] = {}
    for doc in docs:
        for e in doc.entities:
            if e.label in labels:
                pool.setdefault(e.label, set()).add(doc.text[e.start:e.end])
    return {k: sorted(v) for k, v in pool.items()}


def swap_mentions(doc: Document, pool: dict[str, list[str]], rng: random.Random, probability: float) -> Document:
    """A copy of ``doc`` where each swappable mention is replaced with probability ``probability``.

    The same surface string is replaced consistently throughout the document.
    """
    replacement: dict[tuple[str, str], str] = {}
    pieces: list[str] = []
    cursor = 0
    entities: list[Entity] = []
    shift = 0
    for e in sorted(doc.entities, key=lambda x: x.start):
        surface = doc.text[e.start:e.end]
        key = (e.label, surface)
        if key not in replacement:
            candidates = pool.get(e.label, [])
            swap = e.label in pool and candidates and rng.random() < probability
            replacement[key] = rng.choice(candidates) if swap else surface
        new = replacement[key]
        pieces.append(doc.text[cursor:e.start])
        start = e.start + shift
        pieces.append(new)
        shift += len(new) - len(surface)
        cursor = e.end
        entities.append(Entity(start, start + len(new), e.label, e.id))
    pieces.append(doc.text[cursor:])
    relations = [Relation(r.head, r.tail, r.label) for r in doc.relations]
    return Document(doc.id, "".join(pieces), entities, relations, dict(doc.meta))
