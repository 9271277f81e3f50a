"""HTML reports: highlighted mentions, relations and tables, per document and for the corpus."""
from __future__ import annotations

from html import escape
from pathlib import Path

from ..document import Document
from .export import table_rows
from .model import RecordSet

STYLE = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;line-height:1.6}
mark{border-radius:3px;padding:0 2px}mark.PER{background:#fde68a}mark.TITLE{background:#bfdbfe}
mark.ORG{background:#bbf7d0}mark.GPE{background:#fecaca}mark sub{font-size:.6em;color:#555}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:2px 6px;font-size:.9em}"""


def highlight(doc: Document) -> str:
    parts, cursor = [], 0
    for e in sorted(doc.entities, key=lambda x: x.start):
        parts.append(escape(doc.text[cursor:e.start]))
        parts.append(f'<mark class="{e.label}" data-id="{e.id}">{escape(doc.text[e.start:e.end])}'
                     f"<sub>{e.label}</sub></mark>")
        cursor = e.end
    parts.append(escape(doc.text[cursor:]))
    return "".join(parts).replace("\n", "<br>\n")


def _table(rows: list[dict], cls: str, columns: list[str] | None = None) -> str:
    if not rows:
        return f'<p class="{cls} empty">none</p>'
    columns = columns or [c for c in rows[0] if c != "evidence"]
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(r.get(c, '')))}</td>" for c in columns) + "</tr>"
                   for r in rows)
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def document_html(doc: Document, records: RecordSet) -> str:
    ents = doc.entity_map()
    rels = [{"relation": r.label, "head": doc.mention_text(ents[r.head]), "tail": doc.mention_text(ents[r.tail]),
             "score": "" if r.score is None else f"{r.score:.3f}"} for r in doc.relations]
    rows = table_rows(RecordSet([p for p in records.positions if p.doc_id == doc.id],
                                [m for m in records.meetings if m.doc_id == doc.id], []))
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(doc.id)}</title>"
            f"<style>{STYLE}</style></head><body><h1>{escape(doc.id)}</h1>"
            f"<section class='text'>{highlight(doc)}</section><h2>Relations</h2>{_table(rels, 'relations')}"
            f"<h2>Positions</h2>{_table(rows['positions'], 'positions')}"
            f"<h2>Meetings</h2>{_table(rows['meetings'], 'meetings')}</body></html>")


def corpus_html(docs: list[Document], records: RecordSet) -> str:
    rows = table_rows(records)
    links = "".join(f"<li><a href='docs/{escape(_safe(d.id))}.html'>{escape(d.id)}</a></li>" for d in docs)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>dignitary report</title>"
            f"<style>{STYLE}</style></head><body><h1>Corpus report</h1><p>{len(docs)} documents, "
            f"{len(records.positions)} positions, {len(records.meetings)} meetings, {len(records.entities)} entities"
            f"</p><ul>{links}</ul><h2>Meetings</h2>{_table(rows['meetings'], 'meetings')}"
            f"<h2>Positions</h2>{_table(rows['positions'], 'positions')}"
            f"<h2>Entities</h2>{_table(rows['entities'], 'entities')}</body></html>")


def _safe(doc_id: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in doc_id)


def write_reports(docs: list[Document], records: RecordSet, out_dir: str | Path) -> Path:
    out_dir = Path(out_dir)
    (out_dir / "docs").mkdir(parents=True, exist_ok=True)
    for doc in docs:
        (out_dir / "docs" / f"{_safe(doc.id)}.html").write_text(document_html(doc, records), encoding="utf-8")
    index = out_dir / "index.html"
    index.write_text(corpus_html(docs, records), encoding="utf-8")
    return index
