"""Rule-based sentence segmentation that keeps exact character offsets.

News text breaks at paragraph ends, at ``.``/``!``/``?`` followed by space and a
capital, quote or digit, and at the full-width ``。``/``！``/``？`` of Chinese and Japanese.
Abbreviations (``Mr.``, ``U.S.``, ``Jan.``), initials (``J.``) and numbers (``3.5``) do not end a
sentence.
"""
from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt gen col lt sgt capt cmdr adm gov sen rep rev hon maj brig cpl pte insp
    supt det rt
    pres vs etc inc ltd co corp dept univ no nos fig approx est jan feb mar apr jun jul aug
    sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m""".split()
)

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space; or
# full-width terminal punctuation (Chinese, Japanese), which ends a sentence with no space after it.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)|[。！？]+[”’」』）\"')]*")
_NEXT_START = re.compile(r"\s+[\"'“‘«¿¡(\[]*[A-Z0-9\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]")
_PARAGRAPH = re.compile(r"\n\s*\n|\n")


def _is_abbreviation(text: str, dot_pos: int) -> bool:
    """Whether the ``.`` at ``dot_pos`` ends an abbreviation or an initial."""
    if text[dot_pos] != ".":
        return False
    start = dot_pos
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "\"'“‘([":
        start -= 1
    word = text[start:dot_pos].lower()
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha():  # an initial: "J. Smith"
        return True
    # dotted acronyms like "U.S" or "a.m"
    return bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        stop = match.end()
        full_width = text[match.start()] in "。！？"
        if not full_width and _NEXT_START.match(text, stop, end) is None:
            continue
        if _is_abbreviation(text, match.start()) and match.end() - match.start() == 1:
            continue
        spans.append((cursor, stop))
        cursor = stop
    spans.append((cursor, end))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` covering every non-space character of ``text`` once."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    bounds = []
    for ps, pe in paragraphs:
        bounds.append((cursor, ps))
        cursor = pe
    bounds.append((cursor, len(text)))
    for ps, pe in bounds:
        for s, e in _split_paragraph(text, ps, pe):
            s, e = _strip(text, s, e)
            if s < e:
                spans.append((s, e))
    return spans
