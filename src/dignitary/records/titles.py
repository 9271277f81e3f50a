"""Corrections to the relation head's offices from the wording around the mentions it found.

- A title followed by a possessive is someone else's ("the president's son, X": X is not president).
- A title that is only the first part of a hyphenated word is no title ("centre" in "centre-left"),
  nor is a qualifier on its own ("former" cut from "former Tory Treasurer").
- A modifier before coordinated titles holds for each ("Venezuelan First Lady and Deputy X",
  "Foo's chairman and chief executive").
- A possessive before a name makes a member ("the CCP's Wu Hansheng", "China's Xi Jinping").
- A plural title and a colon before names gives each the title ("the deputies: X and Y").
- A photo caption's position is no title ("X (centre-left)"), nor is a word the guideline names as
  no office ("counterpart", "representatives", "son"); the body such a word is held at makes its
  holder a member ("his Chinese counterpart, X": X is a member of Chinese).
- An ambassador is held at the sending state, not the post: "the Chinese Ambassador in Caracas" is
  no office at Caracas ("to Venezuela" likewise).
- Coordinated titles of one body right before a name are both the name's ("Peruvian Senator and
  Deputy X"; not "Prime Minister and President X", nor "the Peruvian Senator and Deputy X").
- A title with no holder followed by a comma and a name is that name's ("the Director of the
  Foo Office, X;").
"""
from __future__ import annotations

import re

from ..document import Document, Entity, Relation
from .mentions import joined_mentions
from .office_words import CAPTION_PLACE, ENVOY, NO_OFFICE, QUALIFIER


def _ordered(doc: Document):
    return sorted(doc.entities, key=lambda e: e.start)


def not_titles(doc: Document) -> set[str]:
    """TITLE mentions that hold no office of a named person in the sentence."""
    out = set()
    for e in doc.entities:
        if e.label != "TITLE":
            continue
        after = doc.text[e.end:e.end + 3]
        if re.match(r"['’]s\b", after) or re.match(r"-[a-z]", after) or NO_OFFICE.fullmatch(doc.mention_text(e)) \
                or QUALIFIER.fullmatch(doc.mention_text(e)):
            out.add(e.id)
        elif CAPTION_PLACE.fullmatch(doc.mention_text(e)) and re.search(r"\(\s*$", doc.text[:e.start]) \
                and re.match(r"\s*\)", doc.text[e.end:]):
            out.add(e.id)
    return out


def no_office_members(doc: Document) -> list[Relation]:
    """``member_of`` from the holder of a word that is no office to the body it is held at
    ("his Chinese counterpart, X")."""
    holders: dict[str, list[str]] = {}
    for r in doc.relations:
        if r.label == "has_title":
            holders.setdefault(r.tail, []).append(r.head)
    ents = doc.entity_map()
    have = {(r.head, r.tail, r.label) for r in doc.relations}
    out = []
    for r in doc.relations:
        if r.label == "title_at" and NO_OFFICE.fullmatch(doc.mention_text(ents[r.head])):
            for person in holders.get(r.head, []):
                if (person, r.tail, "member_of") not in have:
                    out.append(Relation(person, r.tail, "member_of", r.score))
                    have.add((person, r.tail, "member_of"))
    return out


def postings(doc: Document) -> set[tuple[str, str]]:
    """``title_at`` (title, place) pairs that name where an ambassador is posted ("in Caracas",
    "to Venezuela"), not the state that sends them."""
    ents = doc.entity_map()
    out = set()
    for r in doc.relations:
        title, place = ents[r.head], ents[r.tail]
        if r.label == "title_at" and place.label == "GPE" and place.start > title.end \
                and ENVOY.search(doc.mention_text(title)) \
                and re.search(r"\b(?:to|in)\s+(?:the\s+)?$", doc.text[title.end:place.start], re.I):
            out.add((title.id, place.id))
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
        if (a.label in ("GPE", "ORG") and b.label == c.label == "TITLE"
                and re.fullmatch(r"(?:['’]s)?\s*", doc.text[a.end:b.start])
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
    held = {r.tail for r in doc.relations if r.label == "has_title"} | {r.tail for r in out if r.label == "has_title"}
    for m, a, b, c in zip(ents, ents[1:], ents[2:], ents[3:]):
        # "<GPE/ORG> T1 and T2 <PER>": one person described by two offices of one body
        if (m.label in ("GPE", "ORG") and a.label == b.label == "TITLE" and c.label == "PER" and a.id not in held
                and m.id in held_at.get(a.id, []) and (c.id, b.id, "has_title") in have
                and re.fullmatch(r"(?:['’]s)?[ \t]+", doc.text[m.end:a.start])
                and re.fullmatch(r"\s+and\s+", doc.text[a.end:b.start])
                and re.fullmatch(r"[ \t]+", doc.text[b.end:c.start]) and not _determined(doc, ents, a)):
            out.append(Relation(c.id, a.id, "has_title"))
            held.add(a.id)
    for i, t in enumerate(ents):
        if t.label == "TITLE" and t.id not in held:
            holder = _apposed_name(doc, ents, i)
            if holder is not None:
                out.append(Relation(holder.id, t.id, "has_title"))
    return out


def _apposed_name(doc: Document, ents: list[Entity], i: int) -> Entity | None:
    """The name set off by a comma after the title ``ents[i]`` and the words that qualify it ("the
    Director of the Foo Office, X;"), unless a name stands right before the title ("X, the Director
    of the Foo Office, Y")."""
    t = ents[i]
    following = next((e for e in ents[i + 1:] if e.label in ("PER", "TITLE")), None)
    if following is None or following.label != "PER":
        return None
    gap = doc.text[t.end:following.start]
    if not re.fullmatch(r"[^,;:.!?\n]{0,120},\s*", gap) or len(gap.split()) > 15:
        return None
    if not re.match(r"\s*(?:[,;.:)]|and\b|$)", doc.text[following.end:]):
        return None  # "the minister, Ana Ruiz said": a clause of its own
    before = next((e for e in reversed(ents[:i]) if e.label in ("PER", "TITLE")), None)
    if before is not None and before.label == "PER" and \
            re.fullmatch(r"\s*,[^,;:.!?\n]{0,60}", doc.text[before.end:t.start]):
        return None
    if re.search(r"^\s+(?:of|for)\s+(?:the\s+)?$", _before_modifiers(doc, ents, i), re.I):
        return None  # "the spokesman for the Chair, X": X is the spokesman
    if any(r.label == "has_title" and r.head == following.id and e.start < t.start
           and not re.search(r"[;.!?\n]", doc.text[e.end:t.start])
           for r in doc.relations for e in ents if e.id == r.tail):
        return None  # "Aide to the Mayor, X": X holds the office before it
    return following


def _before_modifiers(doc: Document, ents: list[Entity], i: int) -> str:
    """The text before ``ents[i]`` and the place or body names right before it ("the Peruvian
    [Ambassador]": "... the "), back to the mention before them when that is a title."""
    start = ents[i].start
    for e in reversed(ents[:i]):
        if e.label in ("GPE", "ORG") and re.fullmatch(r"(?:['’]s)?\s+", doc.text[e.end:start]):
            start = e.start
        else:
            return doc.text[e.end:start] if e.label == "TITLE" else doc.text[max(e.end, start - 40):start]
    return doc.text[max(0, start - 40):start]


def _determined(doc: Document, ents: list[Entity], title: Entity) -> bool:
    """Whether an article or possessive pronoun stands before the title (and its modifiers): "the
    Prime Minister and President X" are two people, "Venezuelan First Lady and Deputy X" one."""
    return bool(re.search(r"\b(?:the|a|an|his|her|its|their|our)\s+$",
                          _before_modifiers(doc, ents, ents.index(title)), re.I))


def corrected(doc: Document) -> Document:
    """A copy of ``doc`` with its cut mentions joined and the corrections applied to its relations."""
    doc = joined_mentions(doc)
    drop = not_titles(doc)
    posted = postings(doc)
    relations = doc.relations + extra_relations(doc) + no_office_members(doc)
    relations = [r for r in relations if not ((r.label == "has_title" and r.tail in drop)
                                              or (r.label == "title_at" and (r.head in drop
                                                                             or (r.head, r.tail) in posted)))]
    return Document(doc.id, doc.text, doc.entities, relations, doc.meta)
