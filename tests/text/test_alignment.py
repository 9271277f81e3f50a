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


CJK_WORDS = ["中联部", "部长", "刘海星", "会见", "委内瑞拉", "驻华", "大使", "中国", "共产党", "习近平"]


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.sampled_from(CJK_WORDS) | st.text(alphabet=st.characters(min_codepoint=0x4E00,
                                                                                    max_codepoint=0x9FFF),
                                                           min_size=1, max_size=4), min_size=1, max_size=10),
       data=st.data())
def test_cjk_words_without_spaces_are_mention_boundaries(tiny_tokenizer, words, data):
    """Chinese has no spaces: any run of whole words is still a span the model can tag and decode."""
    from dignitary.models.inputs import word_starts

    text, spans = "", []
    for w in words:
        spans.append((len(text), len(text) + len(w)))
        text += w
    tok = tokenize_with_offsets(tiny_tokenizer, text)
    i = data.draw(st.integers(0, len(spans) - 1))
    j = data.draw(st.integers(i, len(spans) - 1))
    start, end = spans[i][0], spans[j][1]
    assert is_token_aligned(tok.offsets, start, end), (text, start, end, tok.offsets)
    starts = word_starts(text, tok.offsets)
    first = char_span_to_token_span(tok.offsets, start, end)[0]
    assert starts[first], (text, start)


def test_a_bare_word_start_marker_is_dropped_so_offsets_never_overlap():
    """SentencePiece gives a piece-initial "▁" the first character when the word after it has no
    "▁word" entry ("▁" (0, 1), "EMI" (0, 3)): the marker covers nothing of its own."""
    from dignitary.text.alignment import trim_offsets

    tok = trim_offsets("EMI shares", 10, [5, 7, 8, 9], [(0, 1), (0, 3), (3, 9), (9, 10)])
    assert tok.input_ids == [7, 8, 9]
    assert tok.offsets == [(10, 13), (14, 19), (19, 20)]
    partial = trim_offsets("ab", 0, [1, 2], [(0, 2), (1, 2)])  # a token inside its predecessor: nothing of its own
    assert partial.input_ids == [1] and partial.offsets == [(0, 2)]
    shifted = trim_offsets("abc", 0, [1, 2], [(0, 2), (1, 3)])  # a partial overlap: it keeps what is its own
    assert shifted.offsets == [(0, 2), (2, 3)]
