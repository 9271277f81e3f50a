"""Corrections to the relation head's offices from the wording around the mentions it found.

- A title followed by a possessive is someone else's ("the president's son, X": X is not president).
- A title that is only the first part of a hyphenated word is no title ("centre" in "centre-left").
- A modifier before coordinated titles holds for each ("Venezuelan First Lady and Deputy X").
- A possessive before a name makes a member ("the CCP's Wu Hansheng", "China's Xi Jinping").
- A plural title and a colon before names gives each the title ("the deputies: X and Y").
"""
from __future__ import annotations

import re

from ..document import Document, Relation


def _ordered(doc: Document):
    return sorted(doc.entities, key=lambda e: e.start)


def not_titles(doc: Document) -> set[str]:
    """TITLE mentions that hold no office of a named person in the sentence."""
    out = set()
    for e in doc.entities:
        if e.label != "TITLE":
            continue
        after = doc.text[e.end:e.end + 3]
        if re.match(r"['’]s\b", after) or re.match(r"-[a-z]", after):
            out.add(e.id)
    return out


def extra_relations(doc: Document) -> list[Relation]:
    """``title_at``, ``member_of`` and ``has_title`` the wording gives and the head did not."""
    have = {(r.head, r.tail, r.label) for r in doc.relations}
    out: list[Relation] = []
    ents = _ordered(doc)
    held_at: dict[str, list[str]] = {}
    for r in doc.relations:
        if r.label == "title_at":
            held_at.setdefault(r.head, []).append(r.tail)
    for a, b, c in zip(ents, ents[1:], ents[2:]):
        # "<GPE/ORG> T1 and T2 <PER>": T1's modifier holds for T2
        if (a.label in ("GPE", "ORG") and b.label == c.label == "TITLE" and doc.text[a.end:b.start].strip() == ""
                and doc.text[b.end:c.start].strip() == "and" and a.id in held_at.get(b.id, [])
                and a.id not in held_at.get(c.id, [])):
            out.append(Relation(c.id, a.id, "title_at"))
    for a, b in zip(ents, ents[1:]):
        if a.label in ("ORG", "GPE") and b.label == "PER" and re.fullmatch(r"['’]s\s+", doc.text[a.end:b.start]):
            if (b.id, a.id, "member_of") not in have:
                out.append(Relation(b.id, a.id, "member_of"))
    for i, t in enumerate(ents):
        if t.label != "TITLE" or not doc.text[t.start:t.end].endswith("s") or \
                not re.match(r"\s*:\s*", doc.text[t.end:t.end + 3]):
            continue
        cursor = t.end
        for e in ents[i + 1:]:
            gap = doc.text[cursor:e.start]
            if e.label != "PER" or not re.fullmatch(r"\s*(?::|,|and|, and)\s*", gap):
                break
            if (e.id, t.id, "has_title") not in have:
                out.append(Relation(e.id, t.id, "has_title"))
            cursor = e.end
    return out


def corrected(doc: Document) -> Document:
    """A copy of ``doc`` with the corrections applied to its relations."""
    drop = not_titles(doc)
    relations = [r for r in doc.relations if not (r.label == "has_title" and r.tail in drop)]
    relations += extra_relations(doc)
    return Document(doc.id, doc.text, doc.entities, relations, doc.meta)
