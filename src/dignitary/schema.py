"""Entity and relation label sets with the type constraints of each relation."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import SchemaError


@dataclass(frozen=True)
class RelationType:
    """A relation label with the entity labels allowed as head and tail."""

    label: str
    heads: tuple[str, ...]
    tails: tuple[str, ...]
    symmetric: bool = False

    def allows(self, head_label: str, tail_label: str) -> bool:
        if self.symmetric:
            return (head_label in self.heads and tail_label in self.tails) or (
                tail_label in self.heads and head_label in self.tails
            )
        return head_label in self.heads and tail_label in self.tails


@dataclass(frozen=True)
class Schema:
    """The labels a model predicts and a data file may use."""

    entity_labels: tuple[str, ...]
    relation_types: tuple[RelationType, ...]
    name: str = "custom"
    description: str = ""
    _by_label: dict[str, RelationType] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if len(set(self.entity_labels)) != len(self.entity_labels) or not self.entity_labels:
            raise SchemaError(f"schema {self.name!r}: entity labels must be unique and non-empty")
        for rel in self.relation_types:
            unknown = [x for x in rel.heads + rel.tails if x not in self.entity_labels]
            if unknown:
                raise SchemaError(
                    f"schema {self.name!r}: relation {rel.label!r} uses unknown entity labels {unknown}"
                )
            if rel.label in self._by_label:
                raise SchemaError(f"schema {self.name!r}: duplicate relation label {rel.label!r}")
            self._by_label[rel.label] = rel

    @property
    def relation_labels(self) -> tuple[str, ...]:
        return tuple(r.label for r in self.relation_types)

    def relation(self, label: str) -> RelationType:
        try:
            return self._by_label[label]
        except KeyError:
            raise SchemaError(f"unknown relation label {label!r}") from None

    def is_symmetric(self, label: str) -> bool:
        return self.relation(label).symmetric

    def allowed_relations(self, head_label: str, tail_label: str) -> list[str]:
        """Relation labels that may link a head of ``head_label`` to a tail of ``tail_label``."""
        return [r.label for r in self.relation_types if r.allows(head_label, tail_label)]

    def bio_labels(self) -> list[str]:
        """``O`` then ``B-X``/``I-X`` for each entity label, the tagger's output space."""
        tags = ["O"]
        for label in self.entity_labels:
            tags += [f"B-{label}", f"I-{label}"]
        return tags

    # ---- (de)serialisation -------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "entities": list(self.entity_labels),
            "relations": {
                r.label: {"head": list(r.heads), "tail": list(r.tails), "symmetric": r.symmetric}
                for r in self.relation_types
            },
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Schema":
        try:
            entities = tuple(data["entities"])
            relations = tuple(
                RelationType(label, tuple(spec["head"]), tuple(spec["tail"]), bool(spec.get("symmetric", False)))
                for label, spec in data.get("relations", {}).items()
            )
        except (KeyError, TypeError) as exc:
            raise SchemaError(f"schema needs 'entities' and 'relations' with 'head'/'tail': {exc}") from exc
        return cls(entities, relations, name=data.get("name", "custom"), description=data.get("description", ""))

    @classmethod
    def from_file(cls, path: str | Path) -> "Schema":
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise SchemaError(f"{path}: cannot read schema: {exc}") from exc
        return cls.from_dict(data)

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), indent=2) + "\n", encoding="utf-8")

    @classmethod
    def builtin(cls, name: str) -> "Schema":
        """A schema shipped with the package: ``default`` or ``conll04``."""
        ref = resources.files("dignitary") / "schemas" / f"{name}.json"
        if not ref.is_file():
            raise SchemaError(f"no built-in schema {name!r}; choose from {builtin_schema_names()}")
        return cls.from_dict(json.loads(ref.read_text(encoding="utf-8")))

    @classmethod
    def load(cls, name_or_path: str | Path | None) -> "Schema":
        """A built-in schema by name, or a schema file by path (``None``: the default)."""
        if name_or_path is None:
            return cls.builtin("default")
        if str(name_or_path) in builtin_schema_names():
            return cls.builtin(str(name_or_path))
        return cls.from_file(name_or_path)


def builtin_schema_names() -> list[str]:
    folder = resources.files("dignitary") / "schemas"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json"))


def default_schema() -> Schema:
    return Schema.builtin("default")

