"""Casing features: same ids as the word-by-word definition, in time linear in the text."""
from hypothesis import given, settings
from hypothesis import strategies as st

from dignitary.models import casing
from dignitary.models.casing import CASING_CATEGORIES, casing_ids, word_casing


def _reference(text: str, offsets: list[tuple[int, int]]) -> list[int]:
    """The definition: widen each token to the alphanumeric word around it."""
    ids = []
    for start, end in offsets:
        w_start, w_end = start, end
        while w_start > 0 and text[w_start - 1].isalnum():
            w_start -= 1
        while w_end < len(text) and text[w_end].isalnum():
            w_end += 1
        ids.append(2 * CASING_CATEGORIES.index(word_casing(text[w_start:w_end])) + (w_start == start))
    return ids


@st.composite
def _text_and_offsets(draw):
    text = draw(st.text(alphabet="aBc1 _-.'’éÉ٣Ⅻ\u0301\n", max_size=40))
    offsets, i = [], 0
    while i < len(text):
        j = draw(st.integers(i + 1, min(len(text), i + 4)))
        offsets.append((i, j))
        i = j + draw(st.integers(0, 1))
    return text, offsets


@settings(max_examples=300, deadline=None)
@given(_text_and_offsets())
def test_casing_ids_match_the_definition(case):
    text, offsets = case
    assert casing_ids(text, offsets) == _reference(text, offsets)


def test_one_long_word_is_read_a_bounded_number_of_times(monkeypatch):
    read = []
    monkeypatch.setattr(casing, "word_casing", lambda w: read.append(len(w)) or word_casing(w))
    text = "Ab" * 4000
    ids = casing_ids(text, [(i, i + 2) for i in range(0, len(text), 2)])
    assert ids[0] == 2 * CASING_CATEGORIES.index("mixed") + 1 and ids[1] == ids[0] - 1
    assert sum(read) <= 2 * len(text)  # the old scan read the 8,000-character word 4,000 times
