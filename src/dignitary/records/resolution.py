"""People and organizations across documents: one entity per real person or body, with its aliases.

Names are the same entity when they agree ignoring case, accents, spacing and punctuation
("Nicolas" / "Nicolás"), or differ by a letter or two in a long name that starts the same
("Xi Jing Ping" / "Xi Jinping"), unless their titles disagree. A shorter name joins a longer one that
extends it ("Diosdado Cabello" / "Diosdado Cabello Rondón", "Xi" / "Xi Jinping") when one entity
fits, or when the offices the documents give (titles and the bodies they are held at) pick one,
and never when their offices share nothing ("Nicolás Maduro" the president, "Nicolás Maduro
Guerra" the deputy); otherwise they stay apart. An abbreviation joins the one name
whose initials it spells ("CPC" / "Communist Party of China"); organization names with the same
words up to a country's adjective join ("Chinese Communist Party" / "Communist Party of China").
"""
from __future__ import annotations

import re
from collections import defaultdict
from difflib import SequenceMatcher

from ..document import Document
from .linking import _initials, clean_name, normalize
from .model import RecordSet, ResolvedEntity

_STOP = {"of", "the", "and", "for", "de", "del", "la", "y", "s"}


def _squash(name: str) -> str:
    return normalize(name).replace(" ", "")


def stem(word: str) -> str:
    """"chinese"/"china", "venezuelan"/"venezuela": one stem for a country and its adjective."""
    return re.sub(r"(?:ese|ian|an|a|s)$", "", word) if len(word) > 4 else word


def _bag(name: str) -> frozenset[str]:
    return frozenset(stem(w) for w in normalize(name).split() if w not in _STOP)


class _Union:
    def __init__(self):
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        self.parent[self.find(a)] = self.find(b)


def _title_words(records: RecordSet) -> dict[str, set[str]]:
    """Squashed person name -> what its documents say it holds: titles (singular, lower case) and
    the bodies it holds them at (``@`` and their word bag), the context that tells namesakes apart."""
    out: dict[str, set[str]] = defaultdict(set)
    for p in records.positions:
        if p.title:
            out[_squash(p.person)].add(re.sub(r"s$", "", p.title.casefold()))
        for where in (p.organization, p.place):
            if where:
                out[_squash(p.person)].add("@" + " ".join(sorted(_bag(where))))
    return out


def resolve_entities(records: RecordSet, docs: list[Document], links: list[dict[str, str]]) -> None:
    """Give every participant and office-holder a corpus-level entity id (``P1``, ``O1``)."""
    names: dict[tuple[str, str], set[str]] = defaultdict(set)  # (label, squashed full) -> full names
    aliases: dict[tuple[str, str], set[str]] = defaultdict(set)
    documents: dict[tuple[str, str], set[str]] = defaultdict(set)
    for doc, canon in zip(docs, links):
        ents = doc.entity_map()
        for eid, target in canon.items():
            label = ents[eid].label
            if label not in ("PER", "ORG"):
                continue
            full = clean_name(doc.mention_text(ents[target]))
            node = (label, _squash(full))
            names[node].add(full)
            aliases[node].add(clean_name(doc.mention_text(ents[eid])))
            documents[node].add(doc.id)
    union = _Union()
    for node in names:
        union.find(node)
    titles = _title_words(records)
    words = {node: normalize(next(iter(names[node]))).split() for node in names}
    people = [n for n in names if n[0] == "PER"]
    for i, node in enumerate(people):  # transliterations: "Xi Jing Ping" / "Xi Jinping"
        for other in people[i + 1:]:
            a, b = node[1], other[1]
            if min(len(a), len(b)) >= 8 and a[0] == b[0] and words[node][0][:2] == words[other][0][:2] \
                    and SequenceMatcher(None, a, b).ratio() >= 0.9 and not (titles[a] and titles[b]
                                                                            and not titles[a] & titles[b]):
                union.union(node, other)
    for node in people:
        mine = words[node]
        longer = [o for o in people if len(words[o]) > len(mine) and
                  (words[o][:len(mine)] == mine or (len(mine) == 1 and mine[0] in (words[o][0], words[o][-1])))]
        if len({union.find(o) for o in longer}) > 1:  # several people fit: the titles decide, or nothing does
            longer = [o for o in longer if titles[node[1]] & titles[o[1]]] if titles[node[1]] else []
            longer = longer if len({union.find(o) for o in longer}) == 1 else []
        # titles that disagree keep apart "Nicolás Maduro" (president) and "Nicolás Maduro Guerra" (deputy)
        longer = [o for o in longer if not (titles[node[1]] and titles[o[1]] and not titles[node[1]] & titles[o[1]])]
        if longer:
            union.union(node, longer[0])
    orgs = [n for n in names if n[0] == "ORG"]
    for node in orgs:
        surface = next(iter(names[node]))
        if surface.isupper() and 2 <= len(surface) <= 8:
            spelled = [o for o in orgs if o != node and _initials(next(iter(names[o]))) == surface.replace(".", "")]
            if len({union.find(o) for o in spelled}) == 1:
                union.union(node, spelled[0])
    by_bag: dict[frozenset, list] = defaultdict(list)
    for node in orgs:
        bag = _bag(next(iter(names[node])))
        if len(bag) >= 2:
            by_bag[bag].append(node)
    for group in by_bag.values():
        for other in group[1:]:
            union.union(group[0], other)
    clusters: dict = defaultdict(list)
    for node in names:
        clusters[union.find(node)].append(node)
    counters = {"PER": 0, "ORG": 0}
    node_entity: dict[tuple[str, str], str] = {}
    entities = []
    for members in sorted(clusters.values(), key=lambda ms: (ms[0][0], min(min(documents[m]) for m in ms))):
        label = members[0][0]
        counters[label] += 1
        all_names = set().union(*(names[m] for m in members))
        # the name most documents use, then the fullest ("Xi Jinping" over one "Xi Jing Ping")
        used = {n: len(set().union(*(documents[m] for m in members if n in names[m]))) for n in all_names}
        full = max(sorted(all_names), key=lambda n: (used[n], len(n.split()), len(n)))
        entity = ResolvedEntity(f"{label[0]}{counters[label]}", label, full,
                                set().union(*(aliases[m] for m in members)) | all_names,
                                set().union(*(documents[m] for m in members)))
        entities.append(entity)
        for m in members:
            node_entity[m] = entity.id
    records.entities = sorted(entities, key=lambda x: (x.label, int(x.id[1:])))
    for p in records.positions:
        p.person_entity = node_entity.get(("PER", _squash(p.person)), "")
    for m in records.meetings:
        for part in m.participants:
            part.entity = node_entity.get((part.label, _squash(part.name)), "")
