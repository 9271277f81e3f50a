"""Build positions and meetings per document, then resolve entities, events and tenures across documents."""
from __future__ import annotations

import re
from collections import defaultdict

from ..document import Document, Entity
from ..text.sentences import split_sentences
from .cue_words import IN_PERSON, MEETING_WORD, PHONE, PLACE_BEFORE, VIDEO
from .cues import cue_meetings, modifiers
from .dates import DateValue, as_date, compatible, document_date, find_dates
from .language import document_language
from .linking import clean_name, link_mentions, normalize
from .model import Meeting, Participant, Position, RecordSet

_FORMER = re.compile(r"\b(?:former|ex-|ex\s)", re.I)
_DIRECT = re.compile(r"(?:[\s,]|\band\b|\bas well as\b|\bthe\b|\bof\b|\bto\b|['’]s\b)*")


def _sentence_of(sentences: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in sentences:
        if s <= pos < e:
            return s, e
    return pos, pos


def _is_former(doc: Document, title: Entity) -> bool:
    """"former President", "ex-minister", "the former Venezuelan ambassador"."""
    before = doc.text[max(0, title.start - 30):title.start]
    return bool(_FORMER.search(doc.text[title.start:title.end])
                or re.search(r"\b(?:former|ex-)\s*(?:[\w'’]+\s+){0,2}$", before, re.I))


def document_positions(doc: Document, canon: dict[str, str], doc_date: DateValue | None) -> list[Position]:
    """One position per (person, title, organization or place) of the document, with every
    evidence sentence."""
    ents = doc.entity_map()
    name = {eid: clean_name(doc.mention_text(ents[canon[eid]])) for eid in ents}
    sentences = split_sentences(doc.text)
    held_at: dict[str, list[str]] = defaultdict(list)
    for r in doc.relations:
        if r.label == "title_at":
            held_at[r.head].append(r.tail)
    iso = doc_date.iso if doc_date else None
    by_key: dict[tuple, Position] = {}
    for r in doc.relations:
        if r.label not in ("has_title", "member_of") or ents[r.head].label != "PER":
            continue
        person = ents[r.head]
        span = _sentence_of(sentences, person.start)
        title = doc.mention_text(ents[r.tail]) if r.label == "has_title" else ""
        former = _is_former(doc, ents[r.tail]) if r.label == "has_title" else False
        places: list[str | None] = list(held_at.get(r.tail, [])) if r.label == "has_title" else [r.tail]
        for where in places or [None]:
            org = name[where] if where and ents[where].label == "ORG" else ""
            gpe = name[where] if where and ents[where].label == "GPE" else ""
            key = (normalize(name[person.id]), title.casefold(), normalize(org), normalize(gpe))
            score = r.score if r.score is not None else 1.0
            if key in by_key:
                p = by_key[key]
                if span not in p.spans:
                    p.spans.append(span)
                p.confidence = max(p.confidence, score)
                p.former = p.former or former
                continue
            by_key[key] = Position(doc.id, name[person.id], title, org, gpe, doc.text[span[0]:span[1]], span[0],
                                   span[1], score, former=former, date=iso, spans=[span])
    return list(by_key.values())


def _direct(doc: Document, a: Entity, b: Entity, skip: set[str]) -> bool:
    """Whether two sides stand coordinated ("Y and Z", "Y, Minister of A, and Z"): between them only
    commas, "and", and mentions that qualify them."""
    if a.start > b.start:
        a, b = b, a
    between = doc.text[a.end:b.start]
    for x in doc.entities:
        if a.end <= x.start and x.end <= b.start and (x.label in ("TITLE", "GPE") or x.id in skip):
            between = between.replace(doc.text[x.start:x.end], " ")
    return bool(_DIRECT.fullmatch(between))


def _groups(doc: Document, edges: set[tuple[str, str]], skip: set[str]) -> list[set[str]]:
    """Meetings of one sentence from its ``met`` edges: a side and those it met together ("X met Y
    and Z" is one meeting of three); sides only listed apart stay separate meetings."""
    ents = doc.entity_map()
    neighbours: dict[str, set[str]] = defaultdict(set)
    for a, b in edges:
        neighbours[a].add(b)
        neighbours[b].add(a)
    found: list[set[str]] = []
    for hub, others in neighbours.items():
        ordered = sorted(others, key=lambda x: ents[x].start)
        group = [ordered[0]]
        for x in ordered[1:]:
            if _direct(doc, ents[group[-1]], ents[x], skip) or (group[-1], x) in edges or (x, group[-1]) in edges:
                group.append(x)
            else:
                found.append({hub, *group})
                group = [x]
        found.append({hub, *group})
    unique: list[set[str]] = []
    for g in sorted(found, key=len, reverse=True):
        if not any(g <= h for h in unique):
            unique.append(g)
    return unique


def _meeting_date(doc: Document, sentences, index: int, mentions: list[Entity], base, dateline: DateValue | None,
                  order: str, language: str = "en") -> tuple[DateValue | None, int]:
    """The meeting's date and how it was found: 2 in its sentence, 1 in the sentence before,
    0 the month of the document's date, -1 none. Words nothing resolves give ``iso`` ""."""
    s, e = sentences[index]
    own = find_dates(doc.text, s, e, base, order, keep_unresolved=True, language=language)
    if own and not any(d.iso for d in own):  # "on Tuesday" and no document date: the words, no date
        return own[0], 2
    own = [d for d in own if d.iso]
    if dateline is not None and len(own) > 1:  # "BONN, Oct 19 - ... met on Friday": the dateline dates the report
        own = [d for d in own if (d.start, d.end) != (dateline.start, dateline.end)] or own
    if own:
        centre = sum(m.start for m in mentions) / len(mentions)
        best = max(own, key=lambda d: (d.precision, -abs(d.start - centre)))
        return best, 2
    if index > 0:
        ps, pe = sentences[index - 1]
        before = [d for d in find_dates(doc.text, ps, pe, base, order, language=language)
                  if not (dateline and d.start == dateline.start and d.end == dateline.end)]
        if before:
            return before[-1], 1
    if dateline is not None and dateline.precision == 3 and not dateline.iso.startswith("XXXX"):
        return DateValue(dateline.iso[:7], dateline.text, dateline.start, dateline.end), 0
    return None, -1


def _place(doc: Document, s: int, e: int, skip: set[str]) -> str:
    places = [x for x in sorted(doc.entities, key=lambda x: x.start) if x.label == "GPE" and s <= x.start < e
              and x.id not in skip and PLACE_BEFORE.search(doc.text[max(s, x.start - 4):x.start])]
    return clean_name(doc.mention_text(places[0])) if places else ""


def _mode(sentence: str) -> str | None:
    if VIDEO.search(sentence):
        return "video"
    if PHONE.search(sentence):
        return "phone"
    return "in_person" if IN_PERSON.search(sentence) else None


def _merge(doc: Document, a: tuple[Meeting, int, frozenset], b: tuple[Meeting, int, frozenset]
           ) -> tuple[Meeting, int, frozenset]:
    """Two reports of one meeting in a document: the larger set of participants, every evidence
    sentence, the date found the most directly (then the most precise), a place, the most
    specific mode."""
    # the earlier report (``b``) stays the record when both name as many participants
    (big, big_tier, big_key), (small, small_tier, small_key) = sorted((b, a), key=lambda x: -len(x[2]))
    dated = max((big, big_tier), (small, small_tier),
                key=lambda x: (x[1], x[0].date.count("-") if x[0].date else -1))[0]
    big.date, big.date_text = dated.date, dated.date_text
    big.spans = sorted(set(big.spans + small.spans))
    big.start, big.end = big.spans[0]
    big.evidence = doc.text[big.start:big.end]
    big.place = big.place or small.place
    modes = [x for x in (big.mode, small.mode) if x]
    big.mode = next((x for x in modes if x != "in_person"), modes[0] if modes else None)  # a call says more
    scores = [c for c in (big.confidence, small.confidence) if c is not None]
    big.confidence = max(scores) if scores else None
    return big, max(big_tier, small_tier), big_key | small_key


def document_meetings(doc: Document, canon: dict[str, str], positions: list[Position],
                      doc_date: DateValue | None, order: str = "DMY", language: str | None = None
                      ) -> list[Meeting]:
    """The meetings of one document: ``met`` relations and meeting cues, grouped per sentence,
    one record per set of participants (a headline and its story are one meeting)."""
    language = language or document_language(doc)
    ents = doc.entity_map()
    name = {eid: clean_name(doc.mention_text(ents[canon[eid]])) for eid in ents}
    sentences = split_sentences(doc.text)
    skip = modifiers(doc)
    base = as_date(doc_date)
    titles_of: dict[str, list[str]] = defaultdict(list)
    for p in positions:
        label = ", ".join(x for x in (p.title, p.organization or p.place) if x)
        if label and label not in titles_of[normalize(p.person)]:
            titles_of[normalize(p.person)].append(label)
    per_sentence: dict[int, dict[tuple[str, str], float | None]] = defaultdict(dict)
    for r in doc.relations:
        if r.label == "met":
            idx = next((i for i, (s, e) in enumerate(sentences) if s <= ents[r.head].start < e), None)
            if idx is not None and MEETING_WORD.search(doc.text[sentences[idx][0]:sentences[idx][1]]):
                per_sentence[idx][(r.head, r.tail)] = r.score if r.score is not None else 1.0
    for ids, s, _e in cue_meetings(doc, sentences, language):
        idx = next(i for i, (a, b) in enumerate(sentences) if a == s)
        for other in ids[1:]:
            if (ids[0], other) not in per_sentence[idx] and (other, ids[0]) not in per_sentence[idx]:
                per_sentence[idx][(ids[0], other)] = None
    merged: list[tuple[Meeting, int, frozenset]] = []
    for idx in sorted(per_sentence):
        edges = per_sentence[idx]
        s, e = sentences[idx]
        for group in _groups(doc, set(edges), skip):
            key = frozenset(normalize(name[x]) for x in group)
            if len(key) < 2:
                continue
            scores = [v for (a, b), v in edges.items() if a in group and b in group]
            known = [v for v in scores if v is not None]
            confidence = min(known) if known else None
            mentions = [ents[x] for x in group]
            date, tier = _meeting_date(doc, sentences, idx, mentions, base, doc_date, order, language)
            seen_names: dict[str, str] = {}
            for x in sorted(group, key=lambda x: ents[x].start):
                seen_names.setdefault(normalize(name[x]), x)
            participants = [Participant(name[x], ents[x].label, list(titles_of.get(normalize(name[x]), [])))
                            for x in seen_names.values()]
            sentence = doc.text[s:e]
            m = Meeting(doc.id, participants, (date.iso or None) if date else None, date.text if date else None,
                        _place(doc, s, e, skip), sentence, s, e, confidence, _mode(sentence), spans=[(s, e)])
            for i, (earlier, earlier_tier, earlier_key) in enumerate(merged):
                if (key <= earlier_key or earlier_key <= key) and compatible(earlier.date, m.date):
                    merged[i] = _merge(doc, (m, tier, key), (earlier, earlier_tier, earlier_key))
                    break
            else:
                merged.append((m, tier, key))
    return [m for m, _, _ in merged]


def _records_of(doc: Document, canon: dict[str, str], date_order: str) -> tuple[list[Position], list[Meeting]]:
    language = document_language(doc)
    doc_date = document_date(doc, date_order, language)
    positions = document_positions(doc, canon, doc_date)
    return positions, document_meetings(doc, canon, positions, doc_date, date_order, language)


def document_records(doc: Document, date_order: str = "DMY") -> RecordSet:
    """The positions and meetings of one document, as ``build_records`` finds them, before the
    corpus-level steps (no entity or event ids, no events or tenures)."""
    from .titles import corrected

    doc = corrected(doc)
    positions, meetings = _records_of(doc, link_mentions(doc), date_order)
    return RecordSet(positions, meetings)


def build_records(docs: list[Document], date_order: str = "DMY") -> RecordSet:
    """Positions and meetings of every document, entities resolved across the corpus, meetings
    grouped into events, offices into tenures."""
    from .events import assign_events
    from .resolution import resolve_entities
    from .timeline import tenures
    from .titles import corrected

    records = RecordSet()
    docs = [corrected(doc) for doc in docs]
    links = [link_mentions(doc) for doc in docs]
    for doc, canon in zip(docs, links):
        positions, meetings = _records_of(doc, canon, date_order)
        records.positions += positions
        records.meetings += meetings
    resolve_entities(records, docs, links)
    names = {e.id: e.name for e in records.entities}
    records.events = assign_events(records.meetings)
    for event in records.events:  # an event names its participants as the corpus does
        event.participants = [Participant(names.get(p.entity, p.name), p.label, p.positions, p.entity)
                              for p in event.participants]
    records.tenures = tenures(records.positions, names)
    return records
