"""Typed records: who holds which office where, who met whom, the real meetings behind the reports,
and the entities behind the names."""
from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]  # evidence sentence offsets in the document text


@dataclass
class Position:
    doc_id: str
    person: str  # the fullest name the document gives
    title: str  # "" for member_of
    organization: str = ""  # the ORG the title is held at (title_at → ORG, or member_of)
    place: str = ""  # the GPE the title is held at
    evidence: str = ""  # the first evidence sentence
    start: int = 0
    end: int = 0
    confidence: float = 1.0
    person_entity: str = ""  # corpus-level entity id, set by resolution
    former: bool = False  # "former", "ex-"
    date: str | None = None  # the document's date (ISO), for timelines
    spans: list[Span] = field(default_factory=list)


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
    date: str | None = None  # ISO 8601 at the text's precision
    date_text: str | None = None
    place: str = ""
    evidence: str = ""  # the first evidence sentence
    start: int = 0
    end: int = 0
    confidence: float | None = 1.0  # the relation head's score; None when found by a meeting cue only
    mode: str | None = None  # in_person, phone, video
    event_id: str = ""
    spans: list[Span] = field(default_factory=list)


@dataclass
class Event:
    """One real meeting, with every report of it."""

    id: str
    participants: list[Participant]
    date: str | None
    date_text: str | None
    place: str
    mode: str | None
    meetings: list[Meeting] = field(default_factory=list)

    @property
    def documents(self) -> list[str]:
        return sorted({m.doc_id for m in self.meetings})


@dataclass
class Tenure:
    """One office of one person across the corpus: first and last date seen, the documents."""

    person_entity: str
    person: str
    title: str
    organization: str
    place: str
    first_seen: str | None
    last_seen: str | None
    documents: list[str]
    former: bool  # the latest report calls it former


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
    events: list[Event] = field(default_factory=list)
    tenures: list[Tenure] = field(default_factory=list)
