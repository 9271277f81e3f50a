"""Events in the PLOVER JSON format (PLOVER manual, "JSON Data Fields"), so records flow into
event-data tooling.

One ``CONSULT`` record per real meeting. PLOVER codes a meeting with no clear host and visitor
with every participant as a ``source`` actor and no ``recipient``, which is what a report of
who met whom says. ``date``/``enddate`` span the precision of the date (``2025-06`` gives
2025-06-01 to 2025-06-30); ``mode`` is ``phone`` for a call or a video link (PLOVER's remote
mode), otherwise absent (``visit``, ``third-party`` and ``multilateral`` need more than the
records say). Actor objects carry the name as written (``actor_text``), the corpus entity
(``identifier_id``, ``identifier_text``) and the offices the document gives (``office``).
"""
from __future__ import annotations

import calendar

from .. import __version__
from .model import Event, RecordSet


def date_range(iso: str | None) -> tuple[str | None, str | None]:
    """``(date, enddate)`` in YYYY-MM-DD for an ISO value of any precision; ``(None, None)`` when
    there is no date or no year."""
    if not iso or iso.startswith("XXXX"):
        return None, None
    parts = iso.split("-")
    if len(parts) == 3:
        return iso, iso
    year = int(parts[0])
    if len(parts) == 2:
        month = int(parts[1])
        return f"{iso}-01", f"{iso}-{calendar.monthrange(year, month)[1]:02d}"
    return f"{year:04d}-01-01", f"{year:04d}-12-31"


def _actors(event: Event, names: dict[str, str]) -> list[dict]:
    out = []
    for p in event.participants:
        written = next((x for m in event.meetings for x in m.participants if x.entity == p.entity), p)
        out.append({"actor_text": written.name, "identifier_id": p.entity or None,
                    "identifier_text": names.get(p.entity, p.name), "sector": None,
                    "office": "; ".join(written.positions) or None, "type": p.label})
    return out


def plover_events(records: RecordSet, texts: dict[str, str]) -> list[dict]:
    """PLOVER ``CONSULT`` records (JSON objects), one per event of ``records``."""
    names = {e.id: e.name for e in records.entities}
    out = []
    for ev in records.events:
        date, enddate = date_range(ev.date)
        evidence = [texts.get(m.doc_id, "")[s:e] for m in ev.meetings for s, e in m.spans]
        out.append({
            "id": f"dignitary-{ev.id}",
            "date": date,
            "enddate": enddate,
            "source": _actors(ev, names),
            "event": ["CONSULT"],
            "mode": ["phone"] if ev.mode in ("phone", "video") else None,
            "context": None,
            "event_loc": {"name": ev.place} if ev.place else None,
            "event_text": evidence,
            "link": ev.id,
            "coder": f"dignitary {__version__}",
            "documents": ev.documents,
            "date_text": ev.date_text,
        })
    return out
