"""Scripts written without spaces between words (Chinese, Japanese kana): each character is a word
boundary candidate, since whitespace cannot mark where a mention starts or ends."""
from __future__ import annotations

import re

# CJK Unified Ideographs (+ extension A and compatibility), CJK symbols' letters, Hiragana, Katakana.
CJK_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u309f\u30a0-\u30ff"
_CJK = re.compile(f"[{CJK_CLASS}]")


def is_cjk(char: str) -> bool:
    """Whether ``char`` belongs to a script written without spaces between words."""
    return bool(_CJK.match(char))


_WORD = re.compile(f"[{CJK_CLASS}]|[^\\s{CJK_CLASS}]+")


def word_count(text: str) -> int:
    """Words of ``text`` as throughput figures count them: runs between whitespace, and each CJK
    character as one word (Chinese and Japanese put no spaces between words)."""
    return sum(1 for _ in _WORD.finditer(text))
