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


def test_dotted_acronym_after_a_sentence_end_opens_the_next_sentence():
    text = "Officials said. U.S. Treasury Secretary John Smith met them."
    assert _texts(text) == ["Officials said.", "U.S. Treasury Secretary John Smith met them."]


def test_wire_dateline_stays_in_the_first_sentence():
    for text in ("PARIS, May 3 - U.S. Treasury Secretary John Smith met them. He left.",
                 "WASHINGTON, Oct. 21 (Reuters) - Lt. Gen. Stephen Townsend met them. He left."):
        first, second = _texts(text)
        assert first.startswith(text.split(",")[0]) and first.endswith("met them.") and second == "He left."


def test_ellipses_and_quoted_sentences():
    text = 'The talks ended... Mr. Blair said "We agree." Then Dr. J. R. Smith left.'
    assert _texts(text) == ["The talks ended...", 'Mr. Blair said "We agree."', "Then Dr. J. R. Smith left."]


def test_a_quote_that_opens_the_next_sentence_is_not_glued_to_the_previous_one():
    text = 'He said: "It is done." "We will go on," she added.'
    assert _texts(text) == ['He said: "It is done."', '"We will go on," she added.']


def test_military_and_police_ranks_do_not_split():
    text = "Maj. Gen. Mark Hale met Brig. Gen. Ann Roe and Det. Supt. Ian Low. Rt. Hon. Jo Bell left."
    assert _texts(text) == ["Maj. Gen. Mark Hale met Brig. Gen. Ann Roe and Det. Supt. Ian Low.",
                            "Rt. Hon. Jo Bell left."]


def test_chinese_full_width_punctuation_ends_sentences_without_spaces():
    text = "中联部部长刘海星会见了委内瑞拉驻华大使。双方进行了会谈！他说：“合作很好。”会谈后签署了协议？"
    assert _texts(text) == ["中联部部长刘海星会见了委内瑞拉驻华大使。", "双方进行了会谈！", "他说：“合作很好。”",
                            "会谈后签署了协议？"]


def test_spanish_and_portuguese_openings_and_guillemets():
    text = "El canciller dijo «vamos bien». ¿Habrá acuerdo? ¡Sí! O ministro falou."
    assert _texts(text) == ["El canciller dijo «vamos bien».", "¿Habrá acuerdo?", "¡Sí!", "O ministro falou."]
