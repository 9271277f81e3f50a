"""The language of a document, as far as the record rules need it: English, Spanish, Portuguese or Chinese.

A ``lang`` (or ``language``) field of the input wins; otherwise a cheap test of the text decides:
Han characters make it Chinese, and the most frequent function words tell English, Spanish and
Portuguese apart.
"""
from __future__ import annotations

import re

from ..document import Document

LANGUAGES = ("en", "es", "pt", "zh")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# words frequent in one language and rare in the others
_FUNCTION_WORDS = {
    "en": frozenset("the of and to in is was with for that on by".split()),
    "es": frozenset("el los del las y que con por una se su al es fue".split()),
    "pt": frozenset("o os do da dos das e que com pela pelo uma não em no na ao foi".split()),
}


def text_language(text: str) -> str:
    """``zh`` when Han characters make up a tenth of the letters, else the language whose
    function words are the most frequent (English on a tie)."""
    letters = sum(ch.isalpha() for ch in text)
    if letters and len(_HAN.findall(text)) * 10 >= letters:
        return "zh"
    words = re.findall(r"[^\W\d_]+", text.casefold())
    counts = {lang: sum(w in vocab for w in words) for lang, vocab in _FUNCTION_WORDS.items()}
    return max(counts, key=lambda lang: (counts[lang], lang == "en"))


def document_language(doc: Document) -> str:
    """The document's ``lang`` field when it names a supported language, else :func:`text_language`."""
    given = str(doc.meta.get("lang") or doc.meta.get("language") or "").casefold()[:2]
    return given if given in LANGUAGES else text_language(doc.text[:3000])
