from dignitary.text.sentences import split_sentences


def _texts(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_splits_on_terminal_punctuation_and_paragraphs():
    text = "Liu met Ma. They talked.\n\nA new paragraph! Really?"
    assert _texts(text) == ["Liu met Ma.", "They talked.", "A new paragraph!", "Really?"]


def test_abbreviations_initials_and_numbers_do_not_split():
    text = "Mr. Blair met U.S. officials on Jan. 5 with J. Smith. Growth was 3.5 percent."
    assert _texts(text) == ["Mr. Blair met U.S. officials on Jan. 5 with J. Smith.", "Growth was 3.5 percent."]


def test_closing_quotes_stay_with_their_sentence():
    assert _texts("He said “we agree.” Then he left.") == ["He said “we agree.”", "Then he left."]


def test_lowercase_continuation_does_not_split():
    assert len(_texts("It costs 5 p.m. tickets. no split here")) == 1


def test_empty_and_whitespace():
    assert split_sentences("") == []
    assert split_sentences("  \n \n") == []
