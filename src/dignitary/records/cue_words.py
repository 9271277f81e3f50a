"""The words of meeting cues per language: what says a meeting happened, its mode and its place.

:mod:`.cues` reads English, Spanish and Portuguese with the same rules over these word lists
("X met with Y", "X se reunió con Y", "X reuniu-se com Y"); Chinese has rules of its own
(:mod:`.cues_zh`) and only its meeting and mode words are here. Each language's words are data, in
``records/languages/<code>.toml`` (:mod:`.language_tables`).
"""
from __future__ import annotations

import functools
import operator
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .language_tables import language_table


@dataclass(frozen=True)
class CueWords:
    """One language's meeting words for the rules of :mod:`.cues`.

    ``cue``: a meeting that happened ("met with", "se reunió con"); ``plan``: words right before a
    cue that make it a plan; ``stop``: words after a cue that end its object; ``new_clause``: a verb
    after a conjunction; ``in_talks``: "in a phone call with"; ``their``: "their talks";
    ``lead_words``: what may stand between a cue and the side it met; ``glue``: what joins
    coordinated sides; ``list_joint``: what lists sides; ``conjunction``: "and"; ``pronoun``: a
    subject pronoun; ``delegation``, ``led_by``: "a delegation of X led by Y"; ``receives``: a cue
    whose object is the other side ("received"); ``with_end``: a cue that needs its object.
    """

    cue: re.Pattern
    plan: re.Pattern
    stop: re.Pattern
    new_clause: re.Pattern
    in_talks: re.Pattern
    their: re.Pattern
    lead_words: frozenset[str]
    glue: re.Pattern
    list_joint: re.Pattern
    conjunction: re.Pattern
    pronoun: re.Pattern
    delegation: re.Pattern
    led_by: re.Pattern
    receives: re.Pattern
    with_end: re.Pattern

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> CueWords:
        """The words of a language file's ``[cues]`` table: ``lead_words`` lines of words, and per other
        field a pattern (its ``source`` pieces joined, its ``flags`` named as in :class:`re.RegexFlag`)."""
        patterns = {name: _compile(spec) for name, spec in table.items() if name != "lead_words"}
        return cls(lead_words=frozenset(" ".join(table["lead_words"]).split()), **patterns)


def _compile(spec: Mapping[str, Any]) -> re.Pattern:
    source = spec["source"]
    flags = functools.reduce(operator.or_, (re.RegexFlag[name] for name in spec.get("flags", [])), re.RegexFlag(0))
    return re.compile(source if isinstance(source, str) else "".join(source), flags)


@functools.cache
def cue_words(language: str) -> CueWords:
    """The meeting words of ``language`` (``en``, ``es``, ``pt``) from its file in ``records/languages/``."""
    return CueWords.from_table(language_table(language)["cues"])


CUE_WORDS = {language: cue_words(language) for language in ("en", "es", "pt")}

# the mode of a meeting, from the words of its sentence (any language: the lists do not collide)
VIDEO = re.compile(r"\b(?:video|videoconference|video link|virtual(?:ly)?|online|videoconferencia|videollamada"
                   r"|videoconferência|videochamada|por v[ií]deo|en l[ií]nea)\b|视频|网络会晤|云会晤", re.I)
PHONE = re.compile(r"\b(?:phone|telephone|call|tel[eé]fono|telef[oó]nic[ao]|telefónicamente|llamada|telefone"
                   r"|telefônic[ao]|telefonema|telefonou|liga[çc][aã]o)\b|电话|通话", re.I)
IN_PERSON = re.compile(
    r"\b(?:met|meet|meets|meeting|talks|received|receives|visit|visited|hosted|conference|summit|"
    r"reuni[oó]n|reuniones|reunió|reúne|reunieron|encuentro|recibió|recibe|conversaciones|visita|visitó|cumbre|"
    r"reuni[aã]o|reuniões|reuniu|encontro|encontrou|recebeu|recebe|conversações|visitou|cúpula)\b"
    r"|会见|会晤|会谈|接见|访问|峰会", re.I)
# the word before a place where a meeting happened: "in Caracas", "en Caracas", "em Pequim", "在北京"
PLACE_BEFORE = re.compile(r"(?:\b(?:in|at|en|em|no|na)\s+|在)$", re.I)

# ANNOTATION.md: `met` needs a meeting "said with a meeting word" (met, held talks, received one another,
# spoke by phone); a model `met` in a sentence with none of these ("came to strengthen ties with") is
# no meeting. Any language (the lists do not collide); every gold `met` of the training files has one
# (tests/records/test_builder.py).
MEETING_WORD = re.compile(
    r"\b(?:met|meet|meets|meeting|meetings|talks|received|receives|receiving|hosted|hosts|welcomed|greeted|"
    r"calls?|phone|telephone|conversations?|spoke|sat down|face[- ]to[- ]face|audience|discussed|discussions|"
    r"conferred|reuni\w*|reún\w*|encuentros?|encontr\w*|recib\w*|receb\w*|convers\w*|llamada|tel[eé]f\w*|"
    r"videoconfer\w*|videollamada|videochamada|di[aá]log\w*|entrevist\w*|audiencia|audiência)\b"
    r"|会见|会晤|会谈|接见|拜会|会面|通电话|通话|见面|举行", re.I)

