"""Small annotated documents for the records tests: mentions found by their surface, in order."""
from __future__ import annotations

from dignitary.document import Document, Entity, Relation


def annotate(doc_id: str, text: str, mentions: list[tuple[str, str]],
             relations: list[tuple[int, int, str]] = (), **meta) -> Document:
    """``mentions``: (surface, label) in text order, ids T1, T2, ...; ``relations``: (head, tail, label)
    with 1-based mention numbers."""
    ents, pos = [], 0
    for i, (surface, label) in enumerate(mentions, 1):
        start = text.index(surface, pos)
        ents.append(Entity(start, start + len(surface), label, f"T{i}"))
        pos = start + len(surface)
    rels = [Relation(f"T{h}", f"T{t}", label) for h, t, label in relations]
    return Document(doc_id, text, ents, rels, dict(meta))
