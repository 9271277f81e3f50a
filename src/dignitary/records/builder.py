"""Build positions and meetings per document, then resolve entities across documents."""
from __future__ import annotations

import re
from collections import defaultdict

from ..document import Document
from ..text.sentences import split_sentences
from .linking import link_mentions, normalize
from .model import Meeting, Participant, Position, RecordSet, ResolvedEntity

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = re.compile(rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}|(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,\s*\d{{4}})?"
                   rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})(?:\s+\d{{4}})?)\b")


def _sentence_of(sentences: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in sentences:
        if s <= pos < e:
            return s, e
    return pos, pos


def document_date(doc: Document, sentence: tuple[int, int]) -> str:
    """The date in the meeting's sentence, else the nearest one before it (a dateline), else the
    document's ``date`` field, else the first date in the text."""
    m = _DATE.search(doc.text, sentence[0], sentence[1])
    if m:
        return m.group(0)
    before = [m.group(0) for m in _DATE.finditer(doc.text, 0, sentence[0])]
    if before:
        return before[-1]
    if doc.meta.get("date"):
        return str(doc.meta["date"])
    m = _DATE.search(doc.text)
    return m.group(0) if m else ""


def document_records(doc: Document, canon: dict[str, str]) -> tuple[list[Position], list[Meeting]]:
    """Positions and meetings of one document; ``canon`` is its ``link_mentions`` map."""
    ents = doc.entity_map()
    name = {eid: doc.mention_text(ents[canon[eid]]) for eid in ents}
    sentences = split_sentences(doc.text)
    held_at: dict[str, list[str]] = defaultdict(list)
    for r in doc.relations:
        if r.label == "title_at":
            held_at[r.head].append(r.tail)
    positions: list[Position] = []
    titles_of: dict[str, list[str]] = defaultdict(list)  # normalized person name -> "title, where"
    seen_positions = set()
    for r in doc.relations:
        if r.label not in ("has_title", "member_of"):
            continue
        person = ents[r.head]
        s, e = _sentence_of(sentences, person.start)
        title = doc.mention_text(ents[r.tail]) if r.label == "has_title" else ""
        places = held_at.get(r.tail, []) if r.label == "has_title" else [r.tail]
        for where in places or [None]:
            org = name[where] if where and ents[where].label == "ORG" else ""
            gpe = name[where] if where and ents[where].label == "GPE" else ""
            key = (name[person.id], title.casefold(), org, gpe)
            if key in seen_positions:
                continue
            seen_positions.add(key)
            positions.append(Position(doc.id, name[person.id], title, org, gpe, doc.text[s:e], s, e,
                                      r.score if r.score is not None else 1.0))
            label = ", ".join(x for x in (title, org or gpe) if x)
            if label and label not in titles_of[normalize(name[person.id])]:
                titles_of[normalize(name[person.id])].append(label)
    positions = _drop_unplaced_duplicates(positions)
    for person, labels in titles_of.items():
        titles_of[person] = [x for x in labels if "," in x or not any(y.startswith(x + ",") for y in labels)]
    meetings: list[Meeting] = []
    seen_meetings = set()
    for r in doc.relations:
        if r.label != "met":
            continue
        a, b = canon[r.head], canon[r.tail]
        key = frozenset((normalize(name[a]), normalize(name[b])))  # a headline and its story: one meeting
        if len(key) < 2 or key in seen_meetings:
            continue
        seen_meetings.add(key)
        s, e = _sentence_of(sentences, ents[r.head].start)
        places = [x for x in doc.entities if x.label == "GPE" and s <= x.start < e
                  and re.search(r"\b(?:in|at)\s+$", doc.text[max(s, x.start - 4):x.start])]
        participants = [Participant(name[x], ents[x].label, list(titles_of.get(normalize(name[x]), [])))
                        for x in (a, b)]
        meetings.append(Meeting(doc.id, participants, document_date(doc, (s, e)),
                                doc.mention_text(places[0]) if places else "", doc.text[s:e], s, e,
                                r.score if r.score is not None else 1.0))
    return positions, meetings


def _drop_unplaced_duplicates(positions: list[Position]) -> list[Position]:
    """Drop "X, President" when the document also says "X, President of Y"."""
    placed = {(p.person, p.title.casefold()) for p in positions if p.organization or p.place}
    return [p for p in positions if p.organization or p.place or (p.person, p.title.casefold()) not in placed]


def resolve_entities(records: RecordSet, docs: list[Document], links: list[dict[str, str]]) -> None:
    """Cluster people and organizations across documents by normalized canonical name."""
    by_key: dict[tuple[str, str], ResolvedEntity] = {}
    counters = {"PER": 0, "ORG": 0}
    for doc, canon in zip(docs, links):
        ents = doc.entity_map()
        for eid, target in canon.items():
            label = ents[eid].label
            if label not in counters:
                continue
            full = doc.mention_text(ents[target])
            key = (label, normalize(full))
            if key not in by_key:
                counters[label] += 1
                by_key[key] = ResolvedEntity(f"{label[0]}{counters[label]}", label, full)
            entity = by_key[key]
            entity.aliases.add(doc.mention_text(ents[eid]))
            entity.documents.add(doc.id)
    records.entities = sorted(by_key.values(), key=lambda x: (x.label, int(x.id[1:])))
    lookup = {(e.label, normalize(e.name)): e.id for e in records.entities}
    for p in records.positions:
        p.person_entity = lookup.get(("PER", normalize(p.person)), "")
    for m in records.meetings:
        for part in m.participants:
            part.entity = lookup.get((part.label, normalize(part.name)), "")


def build_records(docs: list[Document]) -> RecordSet:
    records = RecordSet()
    links = [link_mentions(doc) for doc in docs]
    for doc, canon in zip(docs, links):
        positions, meetings = document_records(doc, canon)
        records.positions += positions
        records.meetings += meetings
    resolve_entities(records, docs, links)
    return records
