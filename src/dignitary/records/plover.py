"""Events in the PLOVER format (CONSULT), so records flow into event-data tooling.

One PLOVER event per pair of participants of each real meeting (PLOVER events are dyadic:
``actor`` and ``recipient``); a meeting of three or more gives every pair, with mode
``multilateral`` and the shared ``event_id``. Modes: ``phone`` (a call or a video link),
``multilateral``, otherwise none (PLOVER's ``visit``/``host`` need who travelled, which the
records do not say). Every event carries its date, location, sources and evidence text.
"""
from __future__ import annotations

from itertools import combinations

from .model import Event, RecordSet


def _mode(event: Event) -> str | None:
    if len(event.participants) > 2:
        return "multilateral"
    if event.mode in ("phone", "video"):
        return "phone"
    return None


def plover_events(records: RecordSet, texts: dict[str, str]) -> list[dict]:
    """PLOVER CONSULT events (JSON objects) for every event of ``records``."""
    out = []
    for ev in records.events:
        evidence = [texts.get(m.doc_id, "")[s:e] for m in ev.meetings for s, e in m.spans]
        for n, (a, b) in enumerate(combinations(ev.participants, 2), 1):
            out.append({
                "id": f"{ev.id}-{n}" if len(ev.participants) > 2 else ev.id,
                "event_id": ev.id,
                "event_type": "CONSULT",
                "mode": _mode(ev),
                "context": [],
                "date": ev.date,
                "actor": a.name, "actor_id": a.entity, "actor_type": a.label,
                "recipient": b.name, "recipient_id": b.entity, "recipient_type": b.label,
                "location": {"name": ev.place} if ev.place else None,
                "source": ev.documents,
                "text": evidence[0] if evidence else "",
                "evidence": evidence,
            })
    return out
