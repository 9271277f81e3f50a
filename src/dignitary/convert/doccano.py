"""doccano JSONL export with relations: ``entities`` with ``start_offset``/``end_offset`` and
``relations`` with ``from_id``/``to_id``/``type``."""
from __future__ import annotations

import json
from pathlib import Path

from ..document import Document, Entity, Relation
from ..errors import DataError


def read_doccano(path: str | Path) -> list[Document]:
    path = Path(path)
    docs = []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            entities = [Entity(e["start_offset"], e["end_offset"], e["label"], f"T{e['id']}")
                        for e in rec.get("entities", [])]
            relations = [Relation(f"T{r['from_id']}", f"T{r['to_id']}", r["type"]) for r in rec.get("relations", [])]
            meta = {k: v for k, v in rec.items() if k not in ("id", "text", "entities", "relations")}
            docs.append(Document(str(rec["id"]), rec["text"], entities, relations, meta))
        except json.JSONDecodeError as exc:
            raise DataError(f"invalid JSON: {exc.msg}", str(path), line_no) from exc
        except (KeyError, TypeError) as exc:
            raise DataError(f"malformed doccano record: missing {exc}", str(path), line_no) from exc
    return docs


def write_doccano(docs: list[Document], path: str | Path) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for doc in docs:
            number = {e.id: i for i, e in enumerate(doc.entities, 1)}
            rec = dict(doc.meta)
            rec.update({
                "id": doc.id, "text": doc.text,
                "entities": [{"id": number[e.id], "label": e.label, "start_offset": e.start, "end_offset": e.end}
                             for e in doc.entities],
                "relations": [{"id": i, "from_id": number[r.head], "to_id": number[r.tail], "type": r.label}
                              for i, r in enumerate(doc.relations, 1)],
            })
            handle.write(json.dumps(rec, ensure_ascii=False) + "\n")
