"""One real meeting across documents: reports with the same participants and compatible dates.

Precision first: two reports join only when their participant entities are the same set, both
are dated at least to the month (a day without its year counts as a day), the dates agree as far as
both go ("2025-06" and "2025-06-09"), and their places do not differ. A report joins an event only
if it agrees with every report already in it, so a chain of loose matches never merges two
different meetings.
"""
from __future__ import annotations

from .dates import compatible
from .model import Event, Meeting


def _dated(m: Meeting) -> bool:
    """Dated to the month at least; a day without its year (``XXXX-11-26``) only as a full day."""
    if not m.date:
        return False
    return m.date.count("-") == 2 if m.date.startswith("XXXX") else m.date.count("-") >= 1


def _agree(a: Meeting, b: Meeting) -> bool:
    if a.doc_id == b.doc_id or not (_dated(a) and _dated(b)) or not compatible(a.date, b.date):
        return False
    if a.place and b.place and a.place.casefold() != b.place.casefold():
        return False
    return True


def _precision(m: Meeting) -> float:
    """Day 2, month 1, year 0, none -1; a value without its year ranks just below one with it."""
    if not m.date:
        return -1
    return m.date.count("-") - (0.5 if m.date.startswith("XXXX") else 0)


def _key(m: Meeting) -> frozenset[str] | None:
    ids = [p.entity for p in m.participants]
    return frozenset(ids) if all(ids) else None


def assign_events(meetings: list[Meeting]) -> list[Event]:
    """Set ``event_id`` on every meeting and return the events (``EV1``, ``EV2``, ... in report order)."""
    groups: list[list[Meeting]] = []
    by_key: dict[frozenset[str], list[list[Meeting]]] = {}
    ranked = sorted(meetings, key=lambda m: -_precision(m))  # the most precise first
    for m in ranked:
        key = _key(m)
        candidates = by_key.setdefault(key, []) if key else []
        for group in candidates:
            if all(_agree(m, other) for other in group):
                group.append(m)
                break
        else:
            group = [m]
            groups.append(group)
            if key:
                candidates.append(group)
    order = {id(m): i for i, m in enumerate(meetings)}
    groups.sort(key=lambda g: min(order[id(m)] for m in g))
    events = []
    for n, group in enumerate(groups, 1):
        group.sort(key=lambda m: order[id(m)])
        best = max(group, key=_precision)
        for m in group:
            m.event_id = f"EV{n}"
        events.append(Event(f"EV{n}", best.participants, best.date, best.date_text,
                            next((m.place for m in group if m.place), ""),
                            next((m.mode for m in group if m.mode), None), group))
    return events
