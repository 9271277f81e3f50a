"""Typed records: who holds which office where, who met whom, and the entities behind them."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Position:
    doc_id: str
    person: str  # canonical name within the document
    title: str
    organization: str = ""  # the ORG the title is held at (title_at → ORG, or member_of)
    place: str = ""  # the GPE the title is held at
    evidence: str = ""
    start: int = 0  # evidence sentence offsets
    end: int = 0
    confidence: float = 1.0
    person_entity: str = ""  # corpus-level entity id, set by resolution


@dataclass
class Participant:
    name: str
    label: str  # PER or ORG
    positions: list[str] = field(default_factory=list)  # "title, organization/place"
    entity: str = ""


@dataclass
class Meeting:
    doc_id: str
    participants: list[Participant]
    date: str = ""
    place: str = ""
    evidence: str = ""
    start: int = 0
    end: int = 0
    confidence: float = 1.0


@dataclass
class ResolvedEntity:
    """A person or organization across the corpus, with every name it goes by."""

    id: str
    label: str
    name: str
    aliases: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)


@dataclass
class RecordSet:
    positions: list[Position] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    entities: list[ResolvedEntity] = field(default_factory=list)
