"""Turn a parsed JSON record into a ``Document``, checking it against ANNOTATION.md and a schema."""
from __future__ import annotations

import json
from typing import Any

from .document import Document, Entity, Relation
from .errors import DataError
from .schema import Schema


def _require_int(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise DataError(f"{what} must be an integer, got {value!r}")
    return value


def check_encodable(value: Any, what: str) -> None:
    """Raise ``DataError`` if ``value`` holds a string that UTF-8 cannot encode (a lone surrogate
    such as ``"\\ud800"``, which JSON escapes allow but no tokenizer or UTF-8 file takes)."""
    try:
        (value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)).encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start:exc.end]
        where = f" at character {exc.start}" if isinstance(value, str) else ""
        raise DataError(f"{what} holds a lone surrogate {bad!r}{where}: not valid Unicode") from None


def parse_entities(raw: Any, text: str, schema: Schema | None) -> list[Entity]:
    if not isinstance(raw, list):
        raise DataError("'entities' must be a list")
    entities: list[Entity] = []
    seen_ids: set[str] = set()
    for i, e in enumerate(raw):
        if not isinstance(e, dict):
            raise DataError(f"entity #{i} must be an object")
        for key in ("id", "start", "end", "label"):
            if key not in e:
                raise DataError(f"entity #{i} is missing {key!r}")
        eid = str(e["id"])
        start = _require_int(e["start"], f"entity {eid} start")
        end = _require_int(e["end"], f"entity {eid} end")
        if not 0 <= start < end <= len(text):
            raise DataError(f"entity {eid} span [{start}, {end}) is outside the text (length {len(text)})")
        label = e["label"]
        if schema is not None and label not in schema.entity_labels:
            raise DataError(f"entity {eid} has unknown label {label!r}; schema {schema.name!r} allows "
                            f"{list(schema.entity_labels)}")
        if "text" in e and e["text"] != text[start:end]:
            raise DataError(f"entity {eid} text {e['text']!r} does not match the span {text[start:end]!r}")
        if eid in seen_ids:
            raise DataError(f"duplicate entity id {eid!r}")
        seen_ids.add(eid)
        entities.append(Entity(start, end, str(label), eid, e.get("score")))
    ordered = sorted(entities, key=lambda x: (x.start, x.end))
    for a, b in zip(ordered, ordered[1:]):
        if a.overlaps(b):
            raise DataError(f"entities {a.id} [{a.start}, {a.end}) and {b.id} [{b.start}, {b.end}) overlap")
    return entities


def parse_relations(raw: Any, entities: list[Entity], schema: Schema | None) -> list[Relation]:
    if not isinstance(raw, list):
        raise DataError("'relations' must be a list")
    by_id = {e.id: e for e in entities}
    relations: list[Relation] = []
    for i, r in enumerate(raw):
        if not isinstance(r, dict):
            raise DataError(f"relation #{i} must be an object")
        for key in ("head", "tail", "label"):
            if key not in r:
                raise DataError(f"relation #{i} is missing {key!r}")
        head, tail, label = str(r["head"]), str(r["tail"]), r["label"]
        for role, eid in (("head", head), ("tail", tail)):
            if eid not in by_id:
                raise DataError(f"relation #{i} ({label}) {role} {eid!r} is not an entity id")
        if schema is not None:
            if label not in schema.relation_labels:
                raise DataError(f"relation #{i} has unknown label {label!r}; schema {schema.name!r} allows "
                                f"{list(schema.relation_labels)}")
            if schema.is_symmetric(label) and (by_id[tail].start, by_id[tail].end) < (by_id[head].start,
                                                                                      by_id[head].end):
                raise DataError(f"relation #{i} {label}({head}, {tail}) is symmetric: its head must be the "
                                f"mention that comes first ({tail} at {by_id[tail].start} precedes {head} at "
                                f"{by_id[head].start})")
            hl, tl = by_id[head].label, by_id[tail].label
            if not schema.relation(label).allows(hl, tl):
                raise DataError(f"relation #{i} {label}({head}:{hl}, {tail}:{tl}) breaks the schema: "
                                f"{label} links {list(schema.relation(label).heads)} to "
                                f"{list(schema.relation(label).tails)}")
        relations.append(Relation(head, tail, str(label), r.get("score")))
    return relations


def parse_record(
    data: Any,
    schema: Schema | None = None,
    text_field: str = "text",
    id_field: str = "id",
    with_annotations: bool = True,
    default_id: str | None = None,
) -> Document:
    """Check one record and build its ``Document``; raise ``DataError`` naming what is wrong.

    This is the one way from a parsed record to a ``Document``. Without ``with_annotations``, given
    ``entities``/``relations`` stay in ``meta`` (an input to extraction, whose output replaces
    them; ``parse_annotations`` reads them later). ``default_id`` is the id of a record without
    ``id_field`` (else such a record is an error).
    """
    if not isinstance(data, dict):
        raise DataError(f"record must be a JSON object, got {type(data).__name__}")
    if id_field not in data and default_id is None:
        raise DataError(f"record is missing {id_field!r}")
    if text_field not in data:
        raise DataError(f"record is missing {text_field!r}")
    text = data[text_field]
    if not isinstance(text, str):
        raise DataError(f"{text_field!r} must be a string")
    check_encodable(text, repr(text_field))
    check_encodable({k: v for k, v in data.items() if k != text_field}, "record")
    doc_id = data.get(id_field, default_id)
    if not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool):
        raise DataError(f"{id_field!r} must be a string or integer")
    meta = {k: v for k, v in data.items() if k not in (text_field, id_field)}
    doc = Document(str(doc_id), text, meta=meta)
    return parse_annotations(doc, schema) if with_annotations else doc


def has_annotations(doc: Document) -> bool:
    """Whether a document parsed without annotations carries its own (an extract output)."""
    return "entities" in doc.meta


def parse_annotations(doc: Document, schema: Schema | None = None) -> Document:
    """The document with the ``entities``/``relations`` held in its ``meta`` checked and made typed."""
    entities = parse_entities(doc.meta.get("entities", []), doc.text, schema)
    relations = parse_relations(doc.meta.get("relations", []), entities, schema)
    meta = {k: v for k, v in doc.meta.items() if k not in ("entities", "relations")}
    return Document(doc.id, doc.text, entities, relations, meta)


def parse_item(item: str | Document | dict, index: int) -> Document:
    """A document to annotate from a text (id = its position), a ``Document`` or a record (parsed
    by ``parse_record``, its annotations kept in ``meta``); ``DataError`` names the record #."""
    if isinstance(item, dict):
        try:
            return parse_record(item, with_annotations=False, default_id=str(index))
        except DataError as exc:
            raise DataError(f"record #{index}: {exc.reason}") from None
    if isinstance(item, str):
        doc = Document(str(index), item)
    elif isinstance(item, Document):
        doc = item
    else:
        raise TypeError(f"expected str, Document or dict, got {type(item).__name__}")
    if not isinstance(doc.text, str):
        raise DataError(f"record #{index} ({doc.id!r}): text must be a string, got {type(doc.text).__name__}")
    try:
        check_encodable(doc.text, "text")
    except DataError as exc:
        raise DataError(f"record #{index} ({doc.id!r}): {exc.reason}") from None
    return doc
