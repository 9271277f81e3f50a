"""Tables (CSV, Parquet) and the who-met-whom graph (GraphML)."""
from __future__ import annotations

import csv
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from .model import RecordSet


def table_rows(records: RecordSet) -> dict[str, list[dict]]:
    positions = [{"doc_id": p.doc_id, "person": p.person, "person_entity": p.person_entity, "title": p.title,
                  "organization": p.organization, "place": p.place, "confidence": round(p.confidence, 4),
                  "evidence_start": p.start, "evidence_end": p.end, "evidence": p.evidence}
                 for p in records.positions]
    meetings = []
    for m in records.meetings:
        a, b = m.participants
        meetings.append({"doc_id": m.doc_id, "date": m.date, "place": m.place,
                         "side_a": a.name, "side_a_entity": a.entity, "side_a_positions": "; ".join(a.positions),
                         "side_b": b.name, "side_b_entity": b.entity, "side_b_positions": "; ".join(b.positions),
                         "confidence": round(m.confidence, 4), "evidence_start": m.start, "evidence_end": m.end,
                         "evidence": m.evidence})
    entities = [{"entity": e.id, "label": e.label, "name": e.name, "aliases": "; ".join(sorted(e.aliases)),
                 "documents": "; ".join(sorted(e.documents))} for e in records.entities]
    return {"positions": positions, "meetings": meetings, "entities": entities}


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
    """People and organizations as nodes, one edge per meeting (with document, date and place)."""
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
    for i, m in enumerate(records.meetings):
        a, b = m.participants
        if a.entity and b.entity:
            lines.append(f'<edge id="m{i}" source={quoteattr(a.entity)} target={quoteattr(b.entity)}>'
                         f'<data key="doc">{escape(m.doc_id)}</data><data key="date">{escape(m.date)}</data>'
                         f'<data key="place">{escape(m.place)}</data></edge>')
    lines += ["</graph>", "</graphml>"]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Path(path)
