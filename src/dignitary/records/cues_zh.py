"""Chinese meeting cues, over the predicted PER/ORG mentions (docs/annotation-decisions.md, Chinese 12).

Three constructions:

- "X[在北京]会见(了)Y[、Z和W]" (会见, 接见, 会晤, 拜会 with an object);
- "X与/同/跟Y[、Z以及W][在北京]举行(了)会谈" and "X同Y通电话" (the sides before the meeting word);
- "X受到Y的接见" (passive).

Plans (将, 拟, 计划, 希望 ...) and sides that are only a pronoun (他, 她) are not meetings; a
mention that only qualifies another (a title's body, "中共的吴汉圣") is never a side.
"""
from __future__ import annotations

import re

from ..document import Document, Entity

_CUE = re.compile(r"(?:举行|进行)?了?(?:正式|双边|视频|电话|工作)?"
                  r"(?:会见|会晤|会谈|接见|拜会|会面|通电话|通话|视频通话|见面)")
_OBJECT_CUE = re.compile(r"^(?:会见|接见|会晤|拜会)")  # verbs that take the other side as object
_PLAN = re.compile(r"(?:将|将要|即将|拟|计划|希望|准备|打算|期待|未|没有|愿)[^，。；]{0,4}$")
_WITH = re.compile(r"[与同跟和][^，。；、]{0,6}$")  # "X与Y ..." : 与 right before the other side
_PASSIVE = re.compile(r"受到|被")
_BREAK = re.compile(r"[，。；：！？]")
_PRONOUN = re.compile(r"他|她|他们|她们|其")
# what may stand between 会见 and its object, once titles, places and qualifying bodies are out
# ("会见了", "会见由…率领的", "会见了秘鲁驻华大使", "会见了X党的Y", "会见正在中国访问的")
_OBJECT_LEAD = re.compile(r"[了\s、的驻由]*(?:(?:正在|前来)?[^，。；]{0,12}?(?:访问|来访|访华)的)?[了\s、的驻由]*")
_LIST_GLUE = re.compile(r"[、\s]|和|与|及|以及|同")
_SIDES = ("PER", "ORG")
_LEADS = re.compile(r"团长为|团长是|率领|带领|率团")


def _strip(doc: Document, start: int, end: int, skip: set[str]) -> str:
    """``text[start:end]`` without the titles, places and the mentions of ``skip`` in it."""
    pieces, cursor = [], start
    for x in sorted(doc.entities, key=lambda x: x.start):
        if start <= x.start and x.end <= end and (x.label in ("TITLE", "GPE") or x.id in skip):
            pieces.append(doc.text[cursor:x.start])
            cursor = x.end
    pieces.append(doc.text[cursor:end])
    return "".join(pieces)


def _bracketed(doc: Document, e: Entity, prev: Entity) -> bool:
    """``e`` is "（统社党）" right after ``prev``."""
    return doc.text[prev.end:e.start].strip() in ("（", "(") and doc.text[e.end:e.end + 1] in ("）", ")")


def _glued_modifiers(doc: Document) -> set[str]:
    """Bodies written straight before another body or a title ("人民进步党/公民党（人进党）执行委员会委员"):
    they qualify what follows, with their bracketed abbreviation."""
    ents = sorted(doc.entities, key=lambda x: x.start)
    out: set[str] = set()
    for i, a in enumerate(ents[:-1]):
        if a.label not in ("ORG", "GPE"):
            continue
        nxt, abbreviation = ents[i + 1], None
        if _bracketed(doc, nxt, a) and i + 2 < len(ents):
            abbreviation, nxt = nxt, ents[i + 2]
        end = abbreviation.end + 1 if abbreviation else a.end
        if nxt.label in ("ORG", "TITLE") and nxt.start == end:
            out |= {a.id} | ({abbreviation.id} if abbreviation else set())
    return out


def _delegation_head(doc: Document, org: Entity, after: list[Entity]) -> Entity:
    """"会见了X代表团，代表团团长为…Y": the person who leads an organization's delegation, else the body."""
    if not doc.text.startswith("代表团", org.end):
        return org
    for x in after:
        if x.label == "PER" and _LEADS.search(doc.text, org.end, x.start):
            return x
    return org


def _listed(doc: Document, sides: list[Entity], skip: set[str]) -> list[Entity]:
    """The first side and those listed after it ("Y、Z和W"), bracketed abbreviations left out."""
    out = [sides[0]]
    for x in sides[1:]:
        if _bracketed(doc, x, out[-1]):
            continue
        between = _strip(doc, out[-1].end, x.start, skip)
        between = re.sub(r"[（(][^）)]*[）)]", "", between)
        if _BREAK.search(between) or len(between) > 12 or not _LIST_GLUE.search(between):
            break
        out.append(x)
    return out


def _object_meeting(doc: Document, cue: re.Match, before: list[Entity], after: list[Entity],
                    skip: set[str]) -> list[str] | None:
    """"X会见(了)Y、Z": the last side before the cue and the sides it names after."""
    if not _OBJECT_CUE.match(cue.group(0).lstrip("举行进了")) or not after:
        return None
    lead = _strip(doc, cue.end(), after[0].start, skip)
    if not _OBJECT_LEAD.fullmatch(lead):
        return None
    gap = doc.text[before[-1].end:cue.start()]
    if _PASSIVE.search(gap):
        return None
    hub = before[-1]
    if len(before) > 1 and _bracketed(doc, hub, before[-2]):  # "吴汉圣（中左）会见"
        hub = before[-2]
    listed = _listed(doc, after, skip)
    if listed[0].label == "ORG":
        listed[0] = _delegation_head(doc, listed[0], after[1:])
    return [hub.id] + [x.id for x in listed]


def _with_meeting(doc: Document, before: list[Entity], skip: set[str]) -> list[str] | None:
    """"X与Y[、Z]举行会谈": the side before 与/同 and the sides listed after it (``before``: the
    sides of the cue's clause)."""
    for i in range(len(before) - 2, -1, -1):
        between = _strip(doc, before[i].end, before[i + 1].start, skip)
        if _BREAK.search(between):
            return None
        if _WITH.search(between):
            return [before[i].id] + [x.id for x in _listed(doc, before[i + 1:], skip)]
    return None


def _passive_meeting(doc: Document, cue_start: int, before: list[Entity]) -> list[str] | None:
    """"X受到Y的接见": X before 受到/被, Y between it and the cue."""
    if len(before) < 2:  # both sides in the cue's clause
        return None
    marker = None
    for m in _PASSIVE.finditer(doc.text, before[0].end, cue_start):
        marker = m
    if marker is None:
        return None
    agent = [x for x in before if x.start >= marker.end()]
    subject = [x for x in before if x.end <= marker.start()]
    if not agent or not subject:
        return None
    return [subject[-1].id, agent[-1].id]


def chinese_cue_meetings(doc: Document, sentences: list[tuple[int, int]],
                         skip: set[str]) -> list[tuple[list[str], int, int]]:
    """``(mention ids, sentence start, sentence end)``: one hub and the sides it met, per cue."""
    skip = skip | _glued_modifiers(doc)
    out = []
    for s, e in sentences:
        sides = [x for x in sorted(doc.entities, key=lambda x: x.start)
                 if s <= x.start and x.end <= e and x.label in _SIDES and x.id not in skip]
        if len(sides) < 2:
            continue
        for cue in _CUE.finditer(doc.text, s, e):
            clause_start = max([s] + [m.end() for m in _BREAK.finditer(doc.text, s, cue.start())])
            if _PLAN.search(_strip(doc, clause_start, cue.start(), {x.id for x in doc.entities})):
                continue
            before = [x for x in sides if x.end <= cue.start()]
            after = [x for x in sides if x.start >= cue.end()]
            if not before:
                continue
            gap = doc.text[before[-1].end:cue.start()]
            if len(gap) > 40 or _BREAK.search(gap) or _PRONOUN.search(gap):
                continue
            clause = [x for x in before if x.start >= clause_start]
            group = (_passive_meeting(doc, cue.start(), clause)
                     or _object_meeting(doc, cue, before, after, skip)
                     or _with_meeting(doc, clause, skip))
            if group and len(group) > 1:
                out.append((group, s, e))
    return out
