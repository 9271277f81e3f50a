"""Word classes that decide whether a TITLE mention names an office (ANNOTATION.md): ranks, the
qualifiers a title keeps, words that are no office, caption positions, envoys."""
from __future__ import annotations

import re

RANK = re.compile(r"(?:general|admiral|colonel|lieutenant|major|captain|commander|marshal|brigadier|sergeant"
                  r"|professor|dr)\b\.?", re.I)
"""An academic or military rank: a title of its own next to an office ("Defence Minister General X")."""

QUALIFIER = re.compile(r"(?:former|ex|acting|interim|outgoing|incoming)", re.I)
"""A word a title keeps ("former President") but that is no office on its own."""

NO_OFFICE = re.compile(r"(?:(?:grand)?(?:son|daughter)|wife|husband|brother|sister|father|mother|spouse|widow(?:er)?"
                       r"|nephew|niece|cousin|uncle|aunt|(?:son|daughter|brother|sister|father|mother)-in-law"
                       r"|counterpart|predecessor|successor|representative|executive|figure|comrade|citizen)s?",
                       re.I)
"""Kinship and vague descriptors: no titles, though they may say whose side someone is on ("his Chinese
counterpart")."""

CAPTION_PLACE = re.compile(r"(?:(?:second|third)\s+(?:from\s+)?)?(?:far\s+)?"
                           r"(?:left|right|cent(?:re|er)(?:-(?:left|right))?|[lrc])", re.I)
"""Where a photo caption places a person ("X (second from left)")."""

ENVOY = re.compile(r"\b(?:ambassador|envoy|consul|charg[ée])", re.I)
"""Offices held at the sending state, not the post."""
