"""Constrained Viterbi, word boundaries and the trimming of edge words."""
import numpy as np

from dignitary.inference.decoding import continuation_mask, spans_from_tags, transition_mask, trim_span, viterbi
from dignitary.models.inputs import word_starts

TAGS = ["O", "B-PER", "I-PER"]


def test_viterbi_keeps_iob2_and_word_continuations():
    allowed, start = transition_mask(TAGS)
    # token 2 continues token 1's word; on its own it prefers O, the word constraint makes it I-PER
    logprobs = np.log(np.array([[0.9, 0.05, 0.05], [0.1, 0.8, 0.1], [0.6, 0.1, 0.3], [0.9, 0.05, 0.05]]))
    free = viterbi(logprobs, allowed, start)
    assert [TAGS[t] for t in free] == ["O", "B-PER", "O", "O"]
    tied = viterbi(logprobs, allowed, start, np.array([False, False, True, False]), continuation_mask(TAGS))
    assert [TAGS[t] for t in tied] == ["O", "B-PER", "I-PER", "O"]
    assert spans_from_tags(tied, TAGS, ("PER",))[0][:3] == (1, 3, 0)


def test_trim_span_drops_edge_words_but_not_word_pieces():
    texts = ["the", "Rander", "Pe", "ñ", "a"]
    assert trim_span(0, 5, texts) == (1, 4)  # without word information "a" looks like the article
    starts = [True, True, True, False, False]
    assert trim_span(0, 5, texts, starts) == (1, 5)
    assert trim_span(0, 3, ["a", "CPC", "delegation"], [True, True, True]) == (1, 3)
    assert trim_span(0, 4, ["(", "CPC", ")", "of"], [True] * 4) == (0, 3)


def test_word_starts_glue_inner_apostrophes_but_split_possessives():
    text = "Tai’an and CCP’s Committee, O'Brien"
    offsets = [(0, 3), (3, 4), (4, 6), (7, 10), (11, 14), (14, 15), (15, 16), (17, 26), (26, 27), (28, 29),
               (29, 30), (30, 35)]
    pieces = [(text[s:e], w) for (s, e), w in zip(offsets, word_starts(text, offsets))]
    assert pieces == [("Tai", True), ("’", False), ("an", False), ("and", True), ("CCP", True), ("’", True),
                      ("s", True), ("Committee", True), (",", True), ("O", True), ("'", False), ("Brien", False)]


def test_word_starts_keep_a_dotted_acronym_one_word():
    text = "said. U.S. Treasury at 3 p.m. and U.S, J.R.R. Tolkien"
    offsets, i = [], 0
    for piece in ["said", ".", "U", ".", "S", ".", "Treasury", "at", "3", "p", ".", "m", ".", "and", "U", ".", "S",
                  ",", "J", ".", "R", ".", "R", ".", "Tolkien"]:
        i = text.index(piece, i)
        offsets.append((i, i + len(piece)))
        i += len(piece)
    starts = dict(((text[s:e], s), w) for (s, e), w in zip(offsets, word_starts(text, offsets)))
    assert starts[(".", 4)] is True  # the full stop after "said" is not an acronym
    assert [starts[(p, s)] for p, s in [("U", 6), (".", 7), ("S", 8), (".", 9), ("Treasury", 11)]] == [
        True, False, False, False, True]
    assert [starts[(p, s)] for p, s in [("p", 25), (".", 26), ("m", 27), (".", 28)]] == [True, False, False, False]
    assert starts[("S", 36)] is False and starts[(",", 37)] is True  # "U.S," keeps its comma apart
    assert [starts[(p, s)] for p, s in [("J", 39), ("R", 41), ("R", 43), (".", 44)]] == [True, False, False, False]


def test_viterbi_batch_equals_viterbi_sentence_by_sentence():
    import numpy as np

    from dignitary.inference.decoding import viterbi_batch

    tags = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG"]
    allowed, start = transition_mask(tags)
    within = continuation_mask(tags)
    rng = np.random.default_rng(0)
    lengths = [7, 1, 0, 12, 3, 12]
    logprobs = [np.log(rng.dirichlet(np.ones(len(tags)), size=n)).astype(np.float32) for n in lengths]
    continues = [rng.random(n) < 0.3 for n in lengths]
    expected = [viterbi(lp, allowed, start, c, within) for lp, c in zip(logprobs, continues)]
    assert viterbi_batch(logprobs, allowed, start, continues, within) == expected
    assert any(expected) and viterbi_batch([], allowed, start, [], within) == []
