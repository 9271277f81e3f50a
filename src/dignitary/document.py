"""Typed domain objects: ``Entity``, ``Relation`` and ``Document`` (ANNOTATION.md format)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

RESERVED_FIELDS = ("id", "text", "entities", "relations")


@dataclass
class Entity:
    """A mention: character span ``[start, end)`` of the document text with a label."""

    start: int
    end: int
    label: str
    id: str = ""
    score: float | None = None

    def text_in(self, text: str) -> str:
        return text[self.start:self.end]

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    def overlaps(self, other: "Entity") -> bool:
        return self.start < other.end and other.start < self.end


@dataclass
class Relation:
    """A labelled link between two entity ids of the same document."""

    head: str
    tail: str
    label: str
    score: float | None = None


@dataclass
class Document:
    """A text with its mentions and relations; ``meta`` keeps every other input field."""

    id: str
    text: str
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def entity(self, entity_id: str) -> Entity:
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        raise KeyError(f"document {self.id!r} has no entity {entity_id!r}")

    def entity_map(self) -> dict[str, Entity]:
        return {e.id: e for e in self.entities}

    def mention_text(self, entity: Entity) -> str:
        return entity.text_in(self.text)

    # ---- JSON ----------------------------------------------------------------
    def to_dict(self, with_text: bool = True) -> dict[str, Any]:
        """The JSONL record: ``meta`` fields first, then ``id``, ``text``, ``entities``, ``relations``."""
        out: dict[str, Any] = {k: v for k, v in self.meta.items() if k not in RESERVED_FIELDS}
        out["id"] = self.id
        out["text"] = self.text
        ents = []
        for e in self.entities:
            rec: dict[str, Any] = {"id": e.id, "start": e.start, "end": e.end, "label": e.label}
            if with_text:
                rec["text"] = self.text[e.start:e.end]
            if e.score is not None:
                rec["score"] = round(float(e.score), 4)
            ents.append(rec)
        rels = []
        for r in self.relations:
            rec = {"head": r.head, "tail": r.tail, "label": r.label}
            if r.score is not None:
                rec["score"] = round(float(r.score), 4)
            rels.append(rec)
        out["entities"] = ents
        out["relations"] = rels
        return out
