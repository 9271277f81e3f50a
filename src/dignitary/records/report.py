"""HTML reports: the corpus page (who-met-whom network, timelines of meetings and offices, sortable
and filterable tables) and one page per document (highlighted mentions, evidence sentences).

Everything is in the pages: the drawings are SVG written here (network layout by networkx), the
table sorting and filtering a few lines of inline JavaScript; nothing is fetched from the web.
"""
from __future__ import annotations

import datetime as dt
from html import escape
from itertools import combinations
from pathlib import Path

from ..document import Document
from ..filenames import safe_stem
from .export import table_rows
from .model import Event, RecordSet, Tenure

STYLE = """body{font-family:system-ui,sans-serif;max-width:80rem;margin:2rem auto;line-height:1.5;padding:0 1rem}
mark{border-radius:3px;padding:0 2px}mark.PER{background:#fde68a}mark.TITLE{background:#bfdbfe}
mark.ORG{background:#bbf7d0}mark.GPE{background:#fecaca}mark sub{font-size:.6em;color:#555}
.ev{border-bottom:2px solid #a5b4fc}.ev:target{background:#fef9c3;outline:2px solid #f59e0b}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}\
td,th{border:1px solid #ccc;padding:2px 6px;font-size:.85em;vertical-align:top}
th{background:#f3f4f6;cursor:pointer;user-select:none;position:sticky;top:0}\
th.asc:after{content:" ▲"}th.desc:after{content:" ▼"}
input.filter{width:24rem;padding:3px 6px;margin:.2rem 0}svg{border:1px solid #e5e7eb;background:#fff;max-width:100%}
svg text{font-size:11px;font-family:system-ui,sans-serif}.stats{color:#374151}nav a{margin-right:1rem}"""

SCRIPT = """document.querySelectorAll('table.sortable').forEach(function(t){
 var ths=t.querySelectorAll('thead th');ths.forEach(function(th,i){th.addEventListener('click',function(){
  var asc=!th.classList.contains('asc');ths.forEach(function(x){x.classList.remove('asc','desc')});
  th.classList.add(asc?'asc':'desc');var body=t.tBodies[0];var rows=Array.from(body.rows);
  rows.sort(function(a,b){var x=a.cells[i].innerText,y=b.cells[i].innerText;var nx=parseFloat(x),ny=parseFloat(y);
   var c=(!isNaN(nx)&&!isNaN(ny)&&String(nx)===x.trim()&&String(ny)===y.trim())?nx-ny:x.localeCompare(y);\
return asc?c:-c});
  rows.forEach(function(r){body.appendChild(r)})})})});
document.querySelectorAll('input.filter').forEach(function(inp){inp.addEventListener('input',function(){
 var q=inp.value.toLowerCase();\
document.getElementById(inp.dataset.table).querySelectorAll('tbody tr').forEach(function(r){
  r.style.display=r.innerText.toLowerCase().indexOf(q)>=0?'':'none'})})});"""

COLOURS = {"PER": "#f59e0b", "ORG": "#10b981"}


def _evidence_link(doc_id: str, start: int, prefix: str = "") -> str:
    return f"{prefix}docs/{escape(safe_stem(doc_id))}.html#s{start}"


def highlight(doc: Document, evidence: set[tuple[int, int]] | None = None) -> str:
    """The text with mentions marked and evidence sentences anchored (``#s<start>``)."""
    evidence = evidence or set()
    ents = sorted(doc.entities, key=lambda x: x.start)
    # an evidence span is wrapped only where it does not cut a mention
    spans = sorted(s for s in evidence if not any(e.start < s[0] < e.end or e.start < s[1] < e.end for e in ents))
    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    used_ids = set()
    for s, e in spans:
        if s in used_ids:
            continue
        used_ids.add(s)
        opens.setdefault(s, []).append(f'<span class="ev" id="s{s}">')
        closes.setdefault(e, []).append("</span>")
    for x in ents:
        opens.setdefault(x.start, []).append(f'<mark class="{x.label}" data-id="{x.id}">')
        closes.setdefault(x.end, []).insert(0, f"<sub>{x.label}</sub></mark>")
    points = sorted(set(opens) | set(closes) | {0, len(doc.text)})
    parts = []
    for i, a in enumerate(points):
        parts.extend(closes.get(a, []))
        parts.extend(opens.get(a, []))
        b = points[i + 1] if i + 1 < len(points) else len(doc.text)
        parts.append(escape(doc.text[a:b]))
    return "".join(parts).replace("\n", "<br>\n")


def _table(rows: list[dict], cls: str, columns: list[str] | None = None, links: list[str] | None = None,
           link_column: str = "evidence", raw: dict[str, list[str]] | None = None) -> str:
    """A sortable table with a filter box; ``links`` (one per row) make ``link_column`` a link;
    ``raw`` gives ready HTML for a column, one cell per row."""
    if not rows:
        return f'<p class="{cls} empty">none</p>'
    columns = columns or [c for c in rows[0] if c != "evidence"]
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = []
    for i, r in enumerate(rows):
        cells = []
        for c in columns:
            value = escape(str(r.get(c, "") if r.get(c) is not None else ""))
            if raw and c in raw:
                value = raw[c][i]
            elif links and c == link_column and links[i]:
                value = f'<a href="{links[i]}">{value or "evidence"}</a>'
            cells.append(f"<td>{value}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    tid = f"t-{cls}"
    return (f'<input class="filter" data-table="{tid}" placeholder="filter {escape(cls)}…">'
            f'<table id="{tid}" class="{cls} sortable"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')


def network_svg(records: RecordSet, width: int = 900, height: int = 560) -> str:
    """Who met whom: entities as nodes, one edge per pair that met (width: number of events)."""
    import networkx as nx

    graph = nx.Graph()
    names = {e.id: e for e in records.entities}
    for ev in records.events:
        ids = [p.entity for p in ev.participants if p.entity]
        for a, b in combinations(sorted(set(ids)), 2):
            w = graph.get_edge_data(a, b, {"weight": 0})["weight"]
            graph.add_edge(a, b, weight=w + 1, title=f"{ev.id} {ev.date or ''}")
    if not graph:
        return '<p class="network empty">no meetings</p>'
    pos = nx.spring_layout(graph, seed=0)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    pad = 90

    def sx(x):
        return pad + (x - min(xs)) / ((max(xs) - min(xs)) or 1) * (width - 2 * pad)

    def sy(y):
        return 40 + (y - min(ys)) / ((max(ys) - min(ys)) or 1) * (height - 80)

    out = [f'<svg class="network" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
           f'role="img" aria-label="who met whom">']
    for a, b, data in graph.edges(data=True):
        out.append(f'<line x1="{sx(pos[a][0]):.1f}" y1="{sy(pos[a][1]):.1f}" x2="{sx(pos[b][0]):.1f}" '
                   f'y2="{sy(pos[b][1]):.1f}" stroke="#6b7280" stroke-width="{1 + 1.5 * data["weight"]}">'
                   f'<title>{escape(data["title"])}</title></line>')
    for node in graph.nodes:
        e = names.get(node)
        label = e.name if e else node
        colour = COLOURS.get(e.label if e else "", "#9ca3af")
        x, y = sx(pos[node][0]), sy(pos[node][1])
        half = 3.2 * len(label)  # about half the label's width at 11px: keep it inside the drawing
        tx = min(max(x, half + 4), width - half - 4)
        out.append(f'<g class="node"><circle cx="{x:.1f}" cy="{y:.1f}" r="{6 + 2 * graph.degree(node)}" '
                   f'fill="{colour}" stroke="#111827"><title>{escape(label)} ({escape(node)})</title></circle>'
                   f'<text x="{tx:.1f}" y="{y - 10 - 2 * graph.degree(node):.1f}" text-anchor="middle">'
                   f'{escape(label)}</text></g>')
    out.append("</svg>")
    return "".join(out)


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


def _day(iso: str | None) -> dt.date | None:
    """The first day an ISO value covers; ``None`` for a missing or yearless date."""
    if not iso or iso.startswith("XXXX"):
        return None
    parts = [int(x) for x in iso.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def _axis(days: list[dt.date], left: int, right: int):
    lo, hi = min(days), max(days)
    if lo == hi:
        lo, hi = lo - dt.timedelta(days=15), hi + dt.timedelta(days=15)
    span = (hi - lo).days

    def x(day: dt.date) -> float:
        return left + (day - lo).days / span * (right - left)

    ticks = []
    step = max(1, span // 6)
    for k in range(0, span + 1, step):
        day = lo + dt.timedelta(days=k)
        ticks.append((x(day), day.isoformat()))
    return x, ticks


def meetings_timeline_svg(records: RecordSet, width: int = 900) -> str:
    """One row per event, a dot at its date (a bar over the month or year it is dated to)."""
    dated: list[tuple[Event, str, dt.date]] = []  # (event, its ISO date, the first day that date covers)
    for ev in records.events:
        day = _day(ev.date)
        if ev.date and day:
            dated.append((ev, ev.date, day))
    if not dated:
        return '<p class="timeline empty">no dated meetings</p>'
    dated.sort(key=lambda item: item[1])
    left, right, row = 330, width - 30, 22
    ends = []
    for _, date, start in dated:
        precision = date.count("-")
        end = start if precision == 2 else (dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
                                            if precision == 1 else dt.date(start.year + 1, 1, 1))
        ends.append(end)
    x, ticks = _axis([start for _, _, start in dated] + ends, left, right)
    height = 40 + row * len(dated)
    out = [f'<svg class="timeline" viewBox="0 0 {width} {height}" width="{width}" height="{height}">']
    for tx, label in ticks:
        out.append(f'<line x1="{tx:.1f}" y1="20" x2="{tx:.1f}" y2="{height}" stroke="#e5e7eb"/>'
                   f'<text x="{tx:.1f}" y="14" text-anchor="middle">{label}</text>')
    for i, ((ev, _, start), end) in enumerate(zip(dated, ends)):
        y = 34 + i * row
        names = " – ".join(p.name for p in ev.participants)
        label = escape(f"{ev.id} {names}")  # escaped before shortening: short enough either way
        out.append(f'<text x="{left - 8}" y="{y + 4}" text-anchor="end">{_short(label, 52)}</text>')
        x0, x1 = x(start), x(end)
        tip = escape(f"{ev.date} {names} ({len(ev.documents)} sources)")
        if x1 - x0 > 2:
            out.append(f'<rect x="{x0:.1f}" y="{y - 5}" width="{x1 - x0:.1f}" height="10" fill="#93c5fd">'
                       f'<title>{tip}</title></rect>')
        else:
            out.append(f'<circle cx="{x0:.1f}" cy="{y}" r="{4 + 2 * len(ev.documents)}" fill="#2563eb">'
                       f'<title>{tip}</title></circle>')
    out.append("</svg>")
    return "".join(out)


def tenures_svg(records: RecordSet, width: int = 900) -> str:
    """Each person's offices: a bar from the first to the last report (a dot for one date)."""
    # (tenure, first day, last day); a yearless last date ("XXXX-06-09" sorts after every year) ends at the first
    dated: list[tuple[Tenure, dt.date, dt.date]] = []
    for t in records.tenures:
        first = _day(t.first_seen)
        if first:
            dated.append((t, first, _day(t.last_seen) or first))
    if not dated:
        return '<p class="offices empty">no dated offices</p>'
    left, right, row = 380, width - 30, 20
    x, ticks = _axis([first for _, first, _ in dated] + [last for _, _, last in dated], left, right)
    height = 40 + row * len(dated)
    out = [f'<svg class="offices" viewBox="0 0 {width} {height}" width="{width}" height="{height}">']
    for tx, label in ticks:
        out.append(f'<line x1="{tx:.1f}" y1="20" x2="{tx:.1f}" y2="{height}" stroke="#e5e7eb"/>'
                   f'<text x="{tx:.1f}" y="14" text-anchor="middle">{label}</text>')
    for i, (t, first, last) in enumerate(dated):
        y = 34 + i * row
        office = ", ".join(v for v in (t.title, t.organization or t.place) if v) or "member"
        label = f"{t.person}: {'former ' if t.former else ''}{office}"
        out.append(f'<text x="{left - 8}" y="{y + 4}" text-anchor="end">{escape(_short(label, 60))}</text>')
        x0, x1 = x(first), x(last)
        tip = escape(f"{label}: {t.first_seen} to {t.last_seen}, {len(t.documents)} documents")
        colour = "#9ca3af" if t.former else "#16a34a"
        out.append(f'<rect x="{x0 - 3:.1f}" y="{y - 5}" width="{max(x1 - x0, 0) + 6:.1f}" height="10" rx="4" '
                   f'fill="{colour}"><title>{tip}</title></rect>')
    out.append("</svg>")
    return "".join(out)


def _page(title: str, body: str) -> str:
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(title)}</title>"
            f"<style>{STYLE}</style></head><body>{body}<script>{SCRIPT}</script></body></html>")


def document_html(doc: Document, records: RecordSet) -> str:
    ents = doc.entity_map()
    rels = [{"relation": r.label, "head": doc.mention_text(ents[r.head]), "tail": doc.mention_text(ents[r.tail]),
             "score": "" if r.score is None else f"{r.score:.3f}"} for r in doc.relations]
    positions = [p for p in records.positions if p.doc_id == doc.id]
    meetings = [m for m in records.meetings if m.doc_id == doc.id]
    evidence = {s for p in positions for s in p.spans} | {s for m in meetings for s in m.spans}
    rows = table_rows(RecordSet(positions, meetings, []))
    links_p = [f"#s{p.start}" for p in positions]
    links_m = [f"#s{m.start}" for m in meetings]
    return _page(doc.id, f"<p><a href='../index.html'>← corpus</a></p><h1>{escape(doc.id)}</h1>"
                 f"<section class='text'>{highlight(doc, evidence)}</section>"
                 f"<h2>Meetings</h2>{_table(rows['meetings'], 'meetings', _columns('meetings'), links_m)}"
                 f"<h2>Positions</h2>{_table(rows['positions'], 'positions', _columns('positions'), links_p)}"
                 f"<h2>Relations</h2>{_table(rels, 'relations')}")


def _columns(kind: str) -> list[str]:
    return {"meetings": ["doc_id", "event_id", "date", "date_text", "place", "mode", "participants", "confidence",
                         "evidence"],
            "positions": ["doc_id", "person", "person_entity", "title", "organization", "place", "former", "date",
                          "confidence", "evidence"],
            "events": ["event_id", "date", "place", "mode", "participants", "sources", "documents", "evidence"],
            "tenures": ["person", "title", "organization", "place", "first_seen", "last_seen", "former",
                        "documents"]}[kind]


def corpus_html(docs: list[Document], records: RecordSet) -> str:
    rows = table_rows(records)
    events = rows["events"]
    for row, ev in zip(events, records.events):
        first = ev.meetings[0]
        row["evidence"] = first.evidence
    links_e = [_evidence_link(ev.meetings[0].doc_id, ev.meetings[0].start) for ev in records.events]
    reports = [" ".join(f'<a href="{_evidence_link(m.doc_id, s)}">{escape(m.doc_id)}</a>'
                        for m in ev.meetings for s, _ in m.spans) for ev in records.events]
    links_m = [_evidence_link(m.doc_id, m.start) for m in records.meetings]
    links_p = [_evidence_link(p.doc_id, p.start) for p in records.positions]
    docs_list = "".join(f"<li><a href='docs/{escape(safe_stem(d.id))}.html'>{escape(d.id)}</a></li>" for d in docs)
    multi = sum(1 for ev in records.events if len(ev.documents) > 1)
    body = (f"<h1>Corpus report</h1><p class='stats'>{len(docs)} documents · {len(records.events)} meetings "
            f"({multi} reported by several documents) from {len(records.meetings)} reports · "
            f"{len(records.positions)} positions · {len(records.tenures)} offices · {len(records.entities)} "
            f"people and organizations</p>"
            "<nav><a href='#network'>network</a><a href='#timeline'>meetings over time</a>"
            "<a href='#offices'>offices over time</a><a href='#events'>meetings</a><a href='#reports'>reports</a>"
            "<a href='#positions'>positions</a><a href='#entities'>entities</a><a href='#documents'>documents</a></nav>"
            f"<h2 id='network'>Who met whom</h2>{network_svg(records)}"
            f"<h2 id='timeline'>Meetings over time</h2>{meetings_timeline_svg(records)}"
            f"<h2 id='offices'>Offices over time</h2>{tenures_svg(records)}"
            f"<h2 id='events'>Meetings (one row per real meeting)</h2>"
            f"{_table(events, 'events', _columns('events'), links_e, raw={'documents': reports})}"
            f"<h2 id='reports'>Meeting reports</h2>"
            f"{_table(rows['meetings'], 'meetings', _columns('meetings'), links_m)}"
            f"<h2 id='positions'>Positions</h2>{_table(rows['positions'], 'positions', _columns('positions'), links_p)}"
            f"<h2>Offices over time</h2>{_table(rows['tenures'], 'tenures', _columns('tenures'))}"
            f"<h2 id='entities'>Entities</h2>{_table(rows['entities'], 'entities')}"
            f"<h2 id='documents'>Documents</h2><ul>{docs_list}</ul>")
    return _page("dignitary report", body)


def write_reports(docs: list[Document], records: RecordSet, out_dir: str | Path) -> Path:
    out_dir = Path(out_dir)
    (out_dir / "docs").mkdir(parents=True, exist_ok=True)
    for doc in docs:
        (out_dir / "docs" / f"{safe_stem(doc.id)}.html").write_text(document_html(doc, records), encoding="utf-8")
    index = out_dir / "index.html"
    index.write_text(corpus_html(docs, records), encoding="utf-8")
    return index
