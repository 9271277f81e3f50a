"""Label Studio JSON export: tasks with ``data.text`` and ``annotations[].result`` holding
``labels`` regions and ``relation`` items. The first annotation of each task is read."""
from __future__ import annotations

import json
from pathlib import Path

from ..document import Document, Entity, Relation
from ..errors import DataError
from ..jsonl import read_json_list


def read_labelstudio(path: str | Path, text_key: str = "text") -> list[Document]:
    path = Path(path)
    tasks = read_json_list(path, "a Label Studio export (tasks)")
    docs = []
    for n, task in enumerate(tasks):
        try:
            text = task["data"][text_key]
            results = task["annotations"][0]["result"] if task.get("annotations") else []
            entities, relations = [], []
            for item in results:
                if item.get("type") == "relation":
                    labels = item.get("labels") or []
                    if not labels:
                        raise DataError(f"task #{n}: relation {item['from_id']}->{item['to_id']} has no label")
                    head, tail = item["from_id"], item["to_id"]
                    if item.get("direction") == "left":
                        head, tail = tail, head
                    relations += [Relation(head, tail, label) for label in labels]
                elif "labels" in item.get("value", {}):
                    v = item["value"]
                    entities.append(Entity(v["start"], v["end"], v["labels"][0], item["id"]))
            docs.append(Document(str(task.get("id", n)), text, entities, relations))
        except DataError as exc:
            raise exc.at(str(path), n + 1) from None
        except (KeyError, TypeError, IndexError) as exc:
            raise DataError(f"task #{n}: malformed Label Studio task (missing {exc})", str(path), n + 1) from exc
    return docs


def write_labelstudio(docs: list[Document], path: str | Path) -> None:
    tasks = []
    for doc in docs:
        result = [{"id": e.id, "from_name": "label", "to_name": "text", "type": "labels",
                   "value": {"start": e.start, "end": e.end, "text": doc.text[e.start:e.end], "labels": [e.label]}}
                  for e in doc.entities]
        result += [{"from_id": r.head, "to_id": r.tail, "type": "relation", "direction": "right",
                    "labels": [r.label]} for r in doc.relations]
        tasks.append({"id": doc.id, "data": {"text": doc.text}, "annotations": [{"result": result}]})
    Path(path).write_text(json.dumps(tasks, ensure_ascii=False, indent=1), encoding="utf-8")
