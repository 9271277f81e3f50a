"""Within a document: short names to full names, abbreviations to their expansions."""
from __future__ import annotations

import re
import unicodedata

from ..document import Document


def normalize(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.findall(r"\w+", text))


def clean_name(name: str) -> str:
    """A name without invisible format characters (left-to-right marks, zero-width spaces) or
    outer spaces."""
    return " ".join("".join(c for c in name if unicodedata.category(c) != "Cf").split())


def _initials(name: str) -> str:
    stop = {"of", "the", "and", "for", "de", "del", "la", "y"}
    return "".join(w[0] for w in re.findall(r"[A-Za-z\u00C0-\u024F]+", name) if w.lower() not in stop).upper()


def link_mentions(doc: Document) -> dict[str, str]:
    """Map each entity id to the id of the mention that names it most fully.

    PER: a name whose words all appear in a longer PER name ("Maduro" → "Nicolás Maduro",
    "Ma" → "Ma Hui"). ORG: "Name (ABBR)" pairs and abbreviations equal to a name's initials.
    """
    text = doc.text
    canonical = {e.id: e.id for e in doc.entities}
    people = sorted((e for e in doc.entities if e.label == "PER"), key=lambda e: e.start)
    words_of = {e.id: normalize(text[e.start:e.end]).split() for e in people}
    for e in people:
        words = words_of[e.id]
        if len(words) != 1:
            continue  # "Nicolás Maduro" is not "Nicolás Maduro Guerra"
        fuller = [o for o in people if len(words_of[o.id]) > 1 and words[0] in words_of[o.id]]
        # a name that ends or begins with the short form ("Maduro": "Nicolás Maduro", "Xi": "Xi Jinping")
        # before one that only holds it inside ("Nicolás Maduro Guerra", the son)
        at_edge = [o for o in fuller if words[0] in (words_of[o.id][0], words_of[o.id][-1])]
        fuller = at_edge or fuller
        before = [o for o in fuller if o.start < e.start]
        if before:
            canonical[e.id] = before[-1].id  # the nearest full name already introduced
        elif fuller:
            canonical[e.id] = fuller[0].id
    orgs = sorted((e for e in doc.entities if e.label == "ORG"), key=lambda e: e.start)
    expansions: dict[str, str] = {}
    for a, b in zip(orgs, orgs[1:]):  # "Communist Party of China (CPC)"
        between = text[a.end:b.start]
        if between.strip() == "(" and text[b.end:b.end + 1] == ")":
            expansions[normalize(text[b.start:b.end])] = a.id
    for e in orgs:
        surface = text[e.start:e.end]
        key = normalize(surface)
        if key in expansions and expansions[key] != e.id:
            canonical[e.id] = expansions[key]
        elif surface.isupper() and len(surface) <= 8:
            for other in orgs:
                if other.id != e.id and _initials(text[other.start:other.end]) == surface.replace(".", ""):
                    canonical[e.id] = other.id
                    break
    # follow chains (an alias of an alias)
    for eid in canonical:
        seen = {eid}
        while canonical[canonical[eid]] != canonical[eid] and canonical[eid] not in seen:
            seen.add(canonical[eid])
            canonical[eid] = canonical[canonical[eid]]
    return canonical
