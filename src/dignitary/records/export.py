"""Records as JSONL (RECORDS.md), tables (CSV, Parquet) and the who-met-whom graph (GraphML)."""
from __future__ import annotations

import csv
import json
from itertools import combinations
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from .model import Event, Meeting, Position, RecordSet, Tenure


def _or_none(value: str) -> str | None:
    return value or None


def meeting_record(m: Meeting) -> dict:
    """A ``meetings.jsonl`` line as RECORDS.md gives it."""
    return {"doc_id": m.doc_id, "event_id": m.event_id,
            "participants": [{"name": p.name, "label": p.label, "entity": p.entity} for p in m.participants],
            "date": m.date, "date_text": m.date_text, "place": _or_none(m.place), "mode": m.mode,
            "evidence": [{"start": s, "end": e} for s, e in m.spans],
            "confidence": None if m.confidence is None else round(m.confidence, 4)}


def position_record(p: Position) -> dict:
    """A ``positions.jsonl`` line as RECORDS.md gives it."""
    return {"doc_id": p.doc_id, "person": p.person, "person_entity": p.person_entity, "title": _or_none(p.title),
            "organization": _or_none(p.organization), "place": _or_none(p.place), "former": p.former,
            "evidence": [{"start": s, "end": e} for s, e in p.spans], "confidence": round(p.confidence, 4)}


def event_record(ev: Event, texts: dict[str, str]) -> dict:
    """An ``events.jsonl`` line: the real meeting, its number of sources and every evidence sentence."""
    return {"event_id": ev.id,
            "participants": [{"name": p.name, "label": p.label, "entity": p.entity} for p in ev.participants],
            "date": ev.date, "date_text": ev.date_text, "place": _or_none(ev.place), "mode": ev.mode,
            "sources": len(ev.documents), "documents": ev.documents,
            "evidence": [{"doc_id": m.doc_id, "start": s, "end": e, "text": texts.get(m.doc_id, "")[s:e]}
                         for m in ev.meetings for s, e in m.spans]}


def tenure_record(t: Tenure) -> dict:
    return {"person": t.person, "person_entity": t.person_entity, "title": _or_none(t.title),
            "organization": _or_none(t.organization), "place": _or_none(t.place), "first_seen": t.first_seen,
            "last_seen": t.last_seen, "documents": t.documents, "former": t.former}


def write_jsonl(rows: list[dict], path: str | Path) -> Path:
    with open(path, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return Path(path)


def write_records_jsonl(records: RecordSet, texts: dict[str, str], out_dir: str | Path) -> list[Path]:
    """``meetings.jsonl``, ``positions.jsonl`` (RECORDS.md), ``events.jsonl``, ``tenures.jsonl``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    return [write_jsonl([meeting_record(m) for m in records.meetings], out_dir / "meetings.jsonl"),
            write_jsonl([position_record(p) for p in records.positions], out_dir / "positions.jsonl"),
            write_jsonl([event_record(e, texts) for e in records.events], out_dir / "events.jsonl"),
            write_jsonl([tenure_record(t) for t in records.tenures], out_dir / "tenures.jsonl")]


def position_row(p: Position) -> dict:
    """A row of the positions table (``positions.csv``, and ``extract --tables``)."""
    return {"doc_id": p.doc_id, "person": p.person, "person_entity": p.person_entity, "title": p.title,
            "organization": p.organization, "place": p.place, "former": p.former, "date": p.date or "",
            "confidence": round(p.confidence, 4), "evidence_start": p.start, "evidence_end": p.end,
            "evidence": p.evidence}


def meeting_row(m: Meeting) -> dict:
    """A row of the meetings table (``meetings.csv``, and ``extract --tables``)."""
    return {"doc_id": m.doc_id, "event_id": m.event_id, "date": m.date or "",
            "date_text": m.date_text or "", "place": m.place, "mode": m.mode or "",
            "participants": "; ".join(p.name for p in m.participants),
            "participant_entities": "; ".join(p.entity for p in m.participants),
            "participant_positions": " | ".join("; ".join(p.positions) for p in m.participants),
            "confidence": None if m.confidence is None else round(m.confidence, 4),
            "evidence_start": m.start, "evidence_end": m.end, "evidence": m.evidence}


POSITION_COLUMNS = tuple(position_row(Position("", "", "")))
MEETING_COLUMNS = tuple(meeting_row(Meeting("", [])))


def table_rows(records: RecordSet) -> dict[str, list[dict]]:
    positions = [position_row(p) for p in records.positions]
    meetings = [meeting_row(m) for m in records.meetings]
    entities = [{"entity": e.id, "label": e.label, "name": e.name, "aliases": "; ".join(sorted(e.aliases)),
                 "documents": "; ".join(sorted(e.documents))} for e in records.entities]
    events = [{"event_id": e.id, "date": e.date or "", "place": e.place, "mode": e.mode or "",
               "participants": "; ".join(p.name for p in e.participants), "sources": len(e.documents),
               "documents": "; ".join(e.documents)} for e in records.events]
    tenures = [{k: ("; ".join(v) if isinstance(v, list) else ("" if v is None else v))
                for k, v in tenure_record(t).items()} for t in records.tenures]
    return {"positions": positions, "meetings": meetings, "entities": entities, "events": events,
            "tenures": tenures}


def write_tables(records: RecordSet, out_dir: str | Path, parquet: bool = True) -> list[Path]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in table_rows(records).items():
        path = out_dir / f"{name}.csv"
        with open(path, "w", encoding="utf-8", newline="") as handle:
            if rows:
                writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
                writer.writeheader()
                writer.writerows(rows)
        written.append(path)
        if parquet:
            try:
                import pyarrow as pa
                import pyarrow.parquet as pq
            except ImportError:
                continue
            pq.write_table(pa.Table.from_pylist(rows), out_dir / f"{name}.parquet")
            written.append(out_dir / f"{name}.parquet")
    return written


def write_graphml(records: RecordSet, path: str | Path) -> Path:
    """People and organizations as nodes, one edge per pair of participants of each meeting report
    (with document, date and place)."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
             '<key id="name" for="node" attr.name="name" attr.type="string"/>',
             '<key id="label" for="node" attr.name="label" attr.type="string"/>',
             '<key id="doc" for="edge" attr.name="doc_id" attr.type="string"/>',
             '<key id="date" for="edge" attr.name="date" attr.type="string"/>',
             '<key id="place" for="edge" attr.name="place" attr.type="string"/>',
             '<graph id="meetings" edgedefault="undirected">']
    used = {p.entity for m in records.meetings for p in m.participants if p.entity}
    for e in records.entities:
        if e.id in used:
            lines.append(f'<node id={quoteattr(e.id)}><data key="name">{escape(e.name)}</data>'
                         f'<data key="label">{e.label}</data></node>')
    n = 0
    for m in records.meetings:
        for a, b in combinations(m.participants, 2):
            if a.entity and b.entity:
                n += 1
                lines.append(f'<edge id="m{n}" source={quoteattr(a.entity)} target={quoteattr(b.entity)}>'
                             f'<data key="doc">{escape(m.doc_id)}</data><data key="date">{escape(m.date or "")}</data>'
                             f'<data key="place">{escape(m.place)}</data></edge>')
    lines += ["</graph>", "</graphml>"]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Path(path)
