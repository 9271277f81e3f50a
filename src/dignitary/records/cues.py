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
"""
from __future__ import annotations

import re

from ..document import Document, Entity

_CUE = re.compile(
    r"\b(?:met(?: separately)?(?: with)?|meets(?: with)?|(?:is|are|was|were) meeting(?: with)?|"
    r"(?:held|holds|had|has) (?:a |an )?(?:official |bilateral |working )?(?:meeting|talks|conversation)s?"
    r"(?: with)?|received|receives|spoke by (?:tele)?phone with|(?:held|had) (?:a )?(?:tele)?phone "
    r"(?:call|conversation) with)\b", re.I)
_PLAN = re.compile(r"\b(?:will|would|to|plans? to|expected to|hopes? to|could|may|might)\s+(?:\w+\s+)?$", re.I)
_STOP = re.compile(r"\b(?:where|which|who|whom|while|whereas|to discuss|after|before|during|but)\b|[;:]")
# "and provided an overview of X", ", said X": a verb after the conjunction starts a new clause
_NEW_CLAUSE = re.compile(r"(?:,|\band)\s+(?:\w+ly\s+)?(?:\w+ed|said|told|took|went|gave|made|held|met|left|spoke)\b",
                         re.I)
_IN_TALKS = re.compile(r"\b(?:in|during) (?:a |an |his |her |their |the )?(?:(?:tele)?phone call|telephone "
                       r"conversation|talks|meeting|conversation) with\b", re.I)
_THEIR = re.compile(r"\btheir (?:talks|meeting|meetings|conversation|discussions)\b", re.I)
_SIDES = ("PER", "ORG")
# words that may stand between a meeting word and the side it met ("met here today with", "received
# the visiting delegation of"); anything else ("received a letter from") is not a meeting with that side
_LEAD_WORDS = set("""here today yesterday tonight on in at with the a an delegation of separately also his her
their its visiting counterpart led by parliamentarians lawmakers officials mr mrs ms dr sir dame lord lady this last
morning afternoon evening night week month th st nd rd and
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday""".split())


def modifiers(doc: Document) -> set[str]:
    """Mentions that qualify another mention rather than act: title bodies, ``member_of`` targets,
    possessives before a name ("the CCP's Wu Hansheng")."""
    out = {r.tail for r in doc.relations if r.label in ("title_at", "member_of")}
    ents = sorted(doc.entities, key=lambda e: e.start)
    for a, b in zip(ents, ents[1:]):
        between = doc.text[a.end:b.start]
        if a.label in ("ORG", "GPE") and re.fullmatch(r"['’]s\s+", between):
            out.add(a.id)
        if a.label == "TITLE" and b.label in ("ORG", "GPE") and re.fullmatch(r"\s+(?:of|for|at|to)\s+(?:the\s+)?",
                                                                              between):
            out.add(b.id)
        if a.label in ("ORG", "GPE") and b.label == "TITLE" and between.strip() == "":
            out.add(a.id)  # "PSUV vice president"
        if a.label == "TITLE" and b.label in ("ORG", "GPE") and between == ", ":
            out.add(b.id)  # "Joseph Votel, commander, U.S. Central Command"
    for a, b in zip(ents, ents[1:]):  # "(IDCPC)" after a qualifying name qualifies too
        if a.id in out and _abbreviation_of(doc, b, a):
            out.add(b.id)
    return out


def _sides(doc: Document, start: int, end: int, skip: set[str]) -> list[Entity]:
    return [e for e in sorted(doc.entities, key=lambda e: e.start)
            if start <= e.start and e.end <= end and e.label in _SIDES and e.id not in skip]


def _abbreviation_of(doc: Document, e: Entity, prev: Entity) -> bool:
    """``e`` is "(CPC)" right after ``prev``."""
    return doc.text[prev.end:e.start].strip() == "(" and doc.text[e.end:e.end + 1] == ")"


def _strip_mentions(doc: Document, start: int, end: int, skip: set[str]) -> str:
    """``text[start:end]`` without the titles, places and qualifying mentions in it."""
    text = doc.text[start:end]
    for x in doc.entities:
        if start <= x.start and x.end <= end and (x.label in ("TITLE", "GPE") or x.id in skip):
            text = text.replace(doc.text[x.start:x.end], " ")
    return text


_GLUE = re.compile(r"(?:[\s,]|\b(?:and|the|a|an|of|to|for|at|in)\b|['’]s\b)*")


def _glue_only(text: str) -> bool:
    """Only commas, "and", articles and prepositions: what joins appositions and lists."""
    return bool(_GLUE.fullmatch(text))


def _lead_ok(doc: Document, start: int, side: Entity, skip: set[str]) -> bool:
    """Whether only "with", articles, dates, titles and places stand between a meeting word and a side."""
    lead = doc.text[start:side.start]
    if len(lead) > 80 or _STOP.search(lead) or re.search(r"[.!?]\s", lead):
        return False
    words = re.findall(r"[a-z]+", _strip_mentions(doc, start, side.start, skip).casefold())
    return all(w in _LEAD_WORDS for w in words)


def _listed(doc: Document, first: Entity, rest: list[Entity]) -> list[Entity]:
    """``first`` and the sides listed after it ("Y, Z and W") until a clause break."""
    met = [first]
    for x in rest:
        between = doc.text[met[-1].end:x.start]
        if _STOP.search(between) or re.search(r"[.!?]\s", between) or _NEW_CLAUSE.search(between):
            break
        if _abbreviation_of(doc, x, met[-1]):
            continue
        if met[-1].label == "ORG" and x.label == "PER" and re.search(r"\bled by\b", between):
            met[-1] = x  # "a delegation of the X led by Y": met links Y
        elif re.search(r",|\band\b|\bas well as\b", between):
            met.append(x)
    return met


def _verb_cues(doc: Document, s: int, e: int, sides: list[Entity], skip: set[str]) -> list[list[str]]:
    """"X [...] met / held talks with / received Y[, Z]"; "X and Y held talks"."""
    out = []
    for cue in _CUE.finditer(doc.text, s, e):
        if _PLAN.search(doc.text[max(s, cue.start() - 25):cue.start()]):
            continue
        before = [x for x in sides if x.end <= cue.start()]
        after = [x for x in sides if x.start >= cue.end()]
        if not before:
            continue
        hub = before[-1]
        if len(before) > 1 and _abbreviation_of(doc, hub, before[-2]):
            hub = before[-2]
        gap = doc.text[hub.end:cue.start()]
        if len(gap) > 100 or _CUE.search(gap) or re.search(r"[.!?]\s", gap):
            continue
        if re.search(r"\b(?:he|she|they|it)\b", gap) and "delegation" not in gap:
            continue  # the pronoun's subject may be another mention
        if not after or not _lead_ok(doc, cue.end(), after[0], skip):
            # no side after: "X and Y held talks" (the two sides are the subject)
            if len(before) > 1 and not cue.group(0).lower().startswith("receiv") and not cue.group(0).endswith("with") \
                    and re.search(r"\band\b", doc.text[before[-2].end:hub.start]) \
                    and _glue_only(_strip_mentions(doc, before[-2].end, hub.start, skip)) \
                    and len(gap) <= 40 and not re.search(r"\b(?:he|she|they|it|who|which)\b", gap):
                out.append([before[-2].id, hub.id])
            continue
        out.append([hub.id] + [x.id for x in _listed(doc, after[0], after[1:])])
    return out


def _prepositional_cues(doc: Document, s: int, e: int, sides: list[Entity], skip: set[str]) -> list[list[str]]:
    """"In a phone call with Y, X said ...", "During talks with Y, X ..."."""
    out = []
    for cue in _IN_TALKS.finditer(doc.text, s, e):
        after = [x for x in sides if x.start >= cue.end()]
        if len(after) < 2 or not _lead_ok(doc, cue.end(), after[0], skip):
            continue
        hub = next((x for x in after[1:] if "," in doc.text[after[0].end:x.start]), None)
        if hub is None:
            continue
        between = _strip_mentions(doc, after[0].end, hub.start, skip)
        between = re.sub(r"\([^)]*\)", " ", between)  # "(IDCPC)"
        if _glue_only(between) and "," in between:
            out.append([hub.id, after[0].id])
    return out


def cue_meetings(doc: Document, sentences: list[tuple[int, int]]) -> list[tuple[list[str], int, int]]:
    """``(mention ids, sentence start, sentence end)``: one hub and the sides it met, per cue."""
    skip = modifiers(doc)
    out = []
    for s, e in sentences:
        sides = _sides(doc, s, e, skip)
        if len(sides) < 2:
            continue
        groups = _verb_cues(doc, s, e, sides, skip) + _prepositional_cues(doc, s, e, sides, skip)
        if _THEIR.search(doc.text, s, e):
            for a, b in zip(sides, sides[1:]):
                if a.label == "PER" and b.label == "PER" and doc.text[a.end:b.start].strip() == "and":
                    groups.append([a.id, b.id])
        out += [(ids, s, e) for ids in groups]
    return out
