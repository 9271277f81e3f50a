"""Meetings the relation head missed, read from meeting words between the mentions it found.

Two constructions of ANNOTATION.md's ``met`` rule, over the predicted PER/ORG mentions:

- "<side> [, ...] met / meets with / held a meeting with / is meeting with / received <side>[, <side> and <side>]"
  (an ORG before "delegation" is the side, as the guideline says);
- "<side> and <side> held talks" (no side after the meeting words);
- "in a phone call with / during talks with <side>, <side> said ...";
- "after their talks ..., <side> and <side> ..." (a possessive "their" meeting noun and two
  coordinated sides).

A mention that only qualifies another (the body of a title, "the CCP's Wu Hansheng", a
``member_of`` or ``title_at`` target) is never a side. Plans ("will meet") are not meetings.
Spanish and Portuguese go through the same rules with their own words (:mod:`.cue_words`: "X se
reunió con Y", "X y Y sostuvieron conversaciones", "X reuniu-se com Y"); Chinese has its own
(:mod:`.cues_zh`).
"""
from __future__ import annotations

import re

from ..document import Document, Entity
from .cue_words import CUE_WORDS, CueWords
from .cues_zh import chinese_cue_meetings
from .language import document_language

_SIDES = ("PER", "ORG")


def modifiers(doc: Document) -> set[str]:
    """Mentions that qualify another mention rather than act: title bodies, ``member_of`` targets,
    possessives before a name ("the CCP's Wu Hansheng")."""
    out = {r.tail for r in doc.relations if r.label in ("title_at", "member_of")}
    ents = sorted(doc.entities, key=lambda e: e.start)
    for a, b in zip(ents, ents[1:]):
        between = doc.text[a.end:b.start]
        if a.label in ("ORG", "GPE") and re.fullmatch(r"['’]s\s+", between):
            out.add(a.id)
        if a.label == "TITLE" and b.label in ("ORG", "GPE") and re.fullmatch(_TITLE_OF, between, flags=re.I):
            out.add(b.id)
        if a.label in ("ORG", "GPE") and b.label == "TITLE" and between.strip() == "":
            out.add(a.id)  # "PSUV vice president"
        if a.label == "TITLE" and b.label in ("ORG", "GPE") and between == ", ":
            out.add(b.id)  # "Joseph Votel, commander, U.S. Central Command"
    for a, b in zip(ents, ents[1:]):  # "(IDCPC)" after a qualifying name qualifies too
        if a.id in out and _abbreviation_of(doc, b, a):
            out.add(b.id)
    return out


_TITLE_OF = (r"\s+(?:of|for|at|to|de|del|de la|de los|de las|da|do|das|dos|para|para el|para la|para o|para a)"
             r"\s+(?:the\s+)?")


def _sides(doc: Document, start: int, end: int, skip: set[str]) -> list[Entity]:
    return [e for e in sorted(doc.entities, key=lambda e: e.start)
            if start <= e.start and e.end <= end and e.label in _SIDES and e.id not in skip]


def _abbreviation_of(doc: Document, e: Entity, prev: Entity) -> bool:
    """``e`` is "(CPC)" right after ``prev``."""
    # "(IDCPC)", "(IDCPC, por sus siglas en inglés)", "(IDCPC, na sigla em inglês)"
    return doc.text[prev.end:e.start].strip() == "(" and re.match(r"(?:,[^(),]{0,30})?\)", doc.text[e.end:]) is not None


def _strip_mentions(doc: Document, start: int, end: int, skip: set[str]) -> str:
    """``text[start:end]`` without the titles, places and qualifying mentions in it."""
    text = doc.text[start:end]
    for x in doc.entities:
        if start <= x.start and x.end <= end and (x.label in ("TITLE", "GPE") or x.id in skip):
            text = text.replace(doc.text[x.start:x.end], " ")
    return text


def _glue_only(text: str, words: CueWords) -> bool:
    """Only commas, "and", articles and prepositions: what joins appositions and lists."""
    return bool(words.glue.fullmatch(text))


def _lead_ok(doc: Document, start: int, side: Entity, skip: set[str], words: CueWords) -> bool:
    """Whether only "with", articles, dates, titles and places stand between a meeting word and a side."""
    lead = doc.text[start:side.start]
    if len(lead) > 80 or words.stop.search(lead) or re.search(r"[.!?]\s", lead):
        return False
    found = re.findall(r"[^\W\d_]+", _strip_mentions(doc, start, side.start, skip).casefold())
    return all(w in words.lead_words for w in found)


def _listed(doc: Document, first: Entity, rest: list[Entity], words: CueWords) -> list[Entity]:
    """``first`` and the sides listed after it ("Y, Z and W") until a clause break."""
    met = [first]
    for x in rest:
        between = doc.text[met[-1].end:x.start]
        if words.stop.search(between) or re.search(r"[.!?]\s", between) or words.new_clause.search(between):
            break
        if _abbreviation_of(doc, x, met[-1]):
            continue
        if met[-1].label == "ORG" and x.label == "PER" and words.led_by.search(between):
            met[-1] = x  # "a delegation of the X led by Y": met links Y
        elif words.list_joint.search(between):
            met.append(x)
    return met


def _verb_cues(doc: Document, s: int, e: int, sides: list[Entity], skip: set[str],
               words: CueWords) -> list[list[str]]:
    """"X [...] met / held talks with / received Y[, Z]"; "X and Y held talks"."""
    out = []
    for cue in words.cue.finditer(doc.text, s, e):
        if words.plan.search(doc.text[max(s, cue.start() - 25):cue.start()]):
            continue
        before = [x for x in sides if x.end <= cue.start()]
        after = [x for x in sides if x.start >= cue.end()]
        if not before:
            continue
        hub = before[-1]
        if len(before) > 1 and _abbreviation_of(doc, hub, before[-2]):
            hub = before[-2]
        gap = doc.text[hub.end:cue.start()]
        if len(gap) > 100 or words.cue.search(gap) or re.search(r"[.!?]\s", gap):
            continue
        if words.pronoun.search(gap) and not words.delegation.search(gap):
            continue  # the pronoun's subject may be another mention
        if not after or not _lead_ok(doc, cue.end(), after[0], skip, words):
            # no side after: "X and Y held talks" (the two sides are the subject)
            if len(before) > 1 and not words.receives.match(cue.group(0)) and not words.with_end.search(cue.group(0)) \
                    and words.conjunction.search(doc.text[before[-2].end:hub.start]) \
                    and _glue_only(_strip_mentions(doc, before[-2].end, hub.start, skip), words) \
                    and len(gap) <= 40 and not words.pronoun.search(gap) \
                    and not re.search(r"\b(?:who|which)\b", gap):
                out.append([before[-2].id, hub.id])
            continue
        out.append([hub.id] + [x.id for x in _listed(doc, after[0], after[1:], words)])
    return out


def _prepositional_cues(doc: Document, s: int, e: int, sides: list[Entity], skip: set[str],
                        words: CueWords) -> list[list[str]]:
    """"In a phone call with Y, X said ...", "During talks with Y, X ..."."""
    out = []
    for cue in words.in_talks.finditer(doc.text, s, e):
        after = [x for x in sides if x.start >= cue.end()]
        if len(after) < 2 or not _lead_ok(doc, cue.end(), after[0], skip, words):
            continue
        hub = next((x for x in after[1:] if "," in doc.text[after[0].end:x.start]), None)
        if hub is None:
            continue
        between = _strip_mentions(doc, after[0].end, hub.start, skip)
        between = re.sub(r"\([^)]*\)", " ", between)  # "(IDCPC)"
        if _glue_only(between, words) and "," in between:
            out.append([hub.id, after[0].id])
    return out


def cue_meetings(doc: Document, sentences: list[tuple[int, int]],
                 language: str | None = None) -> list[tuple[list[str], int, int]]:
    """``(mention ids, sentence start, sentence end)``: one hub and the sides it met, per cue.
    ``language`` (``en``, ``es``, ``pt``, ``zh``) defaults to :func:`~.language.document_language`."""
    language = language or document_language(doc)
    skip = modifiers(doc)
    if language == "zh":
        return chinese_cue_meetings(doc, sentences, skip)
    words = CUE_WORDS.get(language, CUE_WORDS["en"])
    out = []
    for s, e in sentences:
        sides = _sides(doc, s, e, skip)
        if len(sides) < 2:
            continue
        groups = _verb_cues(doc, s, e, sides, skip, words) + _prepositional_cues(doc, s, e, sides, skip, words)
        if words.their.search(doc.text, s, e):
            for a, b in zip(sides, sides[1:]):
                if a.label == "PER" and b.label == "PER" \
                        and words.conjunction.fullmatch(doc.text[a.end:b.start].strip()):
                    groups.append([a.id, b.id])
        out += [(ids, s, e) for ids in groups]
    return out
