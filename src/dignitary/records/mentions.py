"""Mentions the tagger cut in two, joined again before the records are built.

- A title in two pieces held by the same person is one title: "foreign affairs" + "minister",
  "Director General" + "of" + "Latin American Affairs", "former" + "-" + "President" (the portfolio
  and the qualifier belong to the office, ANNOTATION.md); a kinship word or descriptor never joins.
  A military or academic rank stays a title of its own ("Defence Minister" and
  "General" in "Defence Minister General Ana Ruiz").
- A name cut inside brackets is one name: "Workers' Party (" + "WP) Youth League" is
  "Workers' Party (WP) Youth League".
"""
from __future__ import annotations

import re
from collections import defaultdict

from ..document import Document, Entity, Relation
from .office_words import NO_OFFICE, QUALIFIER, RANK

_TITLE_GAP = re.compile(r"[ \t]+|[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?", re.I)


def _holders(doc: Document) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for r in doc.relations:
        if r.label == "has_title":
            out[r.tail].add(r.head)
    return out


def _split_title(doc: Document, a: Entity, b: Entity, holders: dict[str, set[str]]) -> bool:
    """Whether ``b`` is the rest of the title ``a``: next to it (or after "of"/"for"), held by the same person."""
    if not (a.label == b.label == "TITLE" and holders.get(a.id, set()) & holders.get(b.id, set())):
        return False
    first, second, gap = doc.mention_text(a), doc.mention_text(b), doc.text[a.end:b.start]
    if NO_OFFICE.fullmatch(first) or NO_OFFICE.fullmatch(second) or QUALIFIER.fullmatch(second):
        return False  # "son-in-law of former-President X": two people
    if QUALIFIER.fullmatch(first):
        return bool(re.fullmatch(r"[ \t]+|-", gap))  # "former" + "Minister", "ex" + "-" + "minister"
    if not _TITLE_GAP.fullmatch(gap):
        return False
    if gap.strip():  # "Director General of Latin American Affairs"
        return True
    return not (RANK.fullmatch(first) or RANK.match(second))


def _cut_name(doc: Document, a: Entity, b: Entity) -> bool:
    """Whether ``a`` and ``b`` are one name cut inside its brackets ("Party (" | "WP) League")."""
    if not (a.label == b.label and a.label in ("ORG", "GPE", "PER")):
        return False
    first, second, gap = doc.mention_text(a), doc.mention_text(b), doc.text[a.end:b.start]
    opened = first.count("(") > first.count(")")
    closed = second.count(")") > second.count("(")
    return bool((closed and re.fullmatch(r"\s*\(\s*", gap)) or (opened and re.fullmatch(r"\s*\)\s*", gap)))


def joined_mentions(doc: Document) -> Document:
    """A copy of ``doc`` with the pieces of a cut mention joined: the first piece's id, the span of
    all, every relation of each piece (the highest score where two pieces had the same one)."""
    holders = _holders(doc)
    ordered = sorted(doc.entities, key=lambda e: e.start)
    kept: list[Entity] = []
    renamed: dict[str, str] = {}
    for e in ordered:
        last = kept[-1] if kept else None
        if last is not None and (_split_title(doc, last, e, holders) or _cut_name(doc, last, e)):
            scores = [s for s in (last.score, e.score) if s is not None]
            kept[-1] = Entity(last.start, e.end, last.label, last.id, min(scores) if scores else None)
            renamed[e.id] = last.id
            holders[last.id] = holders.get(last.id, set()) | holders.get(e.id, set())
            continue
        kept.append(e)
    if not renamed:
        return doc
    relations: dict[tuple[str, str, str], Relation] = {}
    for r in doc.relations:
        head, tail = renamed.get(r.head, r.head), renamed.get(r.tail, r.tail)
        if head == tail:
            continue
        key = (head, tail, r.label)
        if key not in relations or (r.score or 0.0) > (relations[key].score or 0.0):
            relations[key] = Relation(head, tail, r.label, r.score)
    return Document(doc.id, doc.text, kept, list(relations.values()), doc.meta)
