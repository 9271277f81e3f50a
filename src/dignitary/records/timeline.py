"""Offices over time: per person and office, the first and last document date it is reported."""
from __future__ import annotations

import re
from collections import defaultdict

from .linking import normalize
from .model import Position, Tenure
from .resolution import stem


def office_title(title: str) -> str:
    """The office without "former"/"ex-" ("former President" -> "President")."""
    return re.sub(r"^(?:former|ex-)\s*", "", title.strip(), flags=re.I)


def _office_key(title: str) -> str:
    """"Presidents" (of two people) and "President" are one office."""
    return re.sub(r"(?<=[^s])s$", "", office_title(title).casefold())


def _place_key(place: str) -> str:
    """"Venezuela" and "Venezuelan" are one place."""
    return " ".join(stem(w) for w in normalize(place).split())


def tenures(positions: list[Position], names: dict[str, str] | None = None) -> list[Tenure]:
    """One tenure per (person entity, office, organization, place); the person under the corpus
    name of its entity (``names``). ``former`` is what the latest dated report says."""
    names = names or {}
    grouped: dict[tuple, list[Position]] = defaultdict(list)
    for p in positions:
        who = p.person_entity or normalize(p.person)
        grouped[(who, _office_key(p.title), normalize(p.organization), _place_key(p.place))].append(p)
    out = []
    for items in grouped.values():
        dates = sorted(p.date for p in items if p.date)
        latest = max(items, key=lambda p: p.date or "")
        first = items[0]
        out.append(Tenure(first.person_entity, names.get(first.person_entity, first.person),
                          min((office_title(p.title) for p in items), key=len), first.organization,
                          first.place, dates[0] if dates else None, dates[-1] if dates else None,
                          sorted({p.doc_id for p in items}), latest.former))
    return sorted(out, key=lambda t: (t.person, t.first_seen or "", t.title))
