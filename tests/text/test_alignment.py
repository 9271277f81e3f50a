"""Property-based: every mention on word boundaries survives char → subword → char exactly."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dignitary.text.alignment import (
    char_span_to_token_span,
    is_token_aligned,
    token_span_to_char_span,
    tokenize_with_offsets,
)

PIECES = ["Liu", "Haixing", "Nicolás", "Maduro", "Ceballos", "’s", "“", "”", "é", "naïve", "🙂", "中国",
          "北京", "Venezuela", "CPC", "(", ")", ",", ".", "-", "x" * 150, "Zoë", "Ñuñoa", "Bogotá", "São", "12",
          "Ä", "ǅ", "ﬁ"]
words = st.lists(st.sampled_from(PIECES) | st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N"]),
                                                   min_size=1, max_size=12), min_size=1, max_size=12)
separators = st.sampled_from([" ", "  ", "\u00a0", "\n", " \t "])


@settings(max_examples=400, deadline=None)
@given(words=words, seps=st.lists(separators, min_size=12, max_size=12), data=st.data())
def test_word_spans_round_trip(tiny_tokenizer, words, seps, data):
    text = ""
    spans = []
    for w, sep in zip(words, seps):
        spans.append((len(text), len(text) + len(w)))
        text += w + sep
    tok = tokenize_with_offsets(tiny_tokenizer, text)
    i = data.draw(st.integers(0, len(spans) - 1))
    j = data.draw(st.integers(i, len(spans) - 1))
    start, end = spans[i][0], spans[j][1]
    covered = char_span_to_token_span(tok.offsets, start, end)
    if covered is None:  # the tokenizer dropped every character (e.g. only control characters)
        assert not any(s < end and start < e for s, e in tok.offsets)
        return
    assert is_token_aligned(tok.offsets, start, end), (text, start, end, tok.offsets)
    assert token_span_to_char_span(tok.offsets, *covered) == (start, end)


def test_offsets_never_cover_spaces(tiny_tokenizer):
    text = "Liu\u00a0Haixing met  Nicolás Maduro’s  envoy 🙂 in 北京."
    tok = tokenize_with_offsets(tiny_tokenizer, text)
    assert all(not text[s:e].isspace() and text[s:e] == text[s:e].strip() for s, e in tok.offsets)
    assert "".join(text[s:e] for s, e in tok.offsets) == re.sub(r"\s", "", text)


def test_offsets_shift_with_segment_start(tiny_tokenizer):
    text = "A. Liu met Ma."
    tok = tokenize_with_offsets(tiny_tokenizer, text, 3)
    assert text[tok.offsets[0][0]:tok.offsets[0][1]] == "Liu"
