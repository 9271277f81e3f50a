from dignitary.text.scripts import is_cjk, word_count


def test_word_count_counts_whitespace_runs():
    assert word_count("The prime minister met  Xi Jinping.\n") == 6
    assert word_count("") == 0


def test_word_count_counts_each_cjk_character():
    assert word_count("习近平会见马杜罗。") == 9  # eight characters, then the full stop
    assert word_count("土耳其总统 Erdoğan 表示") == 8


def test_is_cjk():
    assert is_cjk("中") and is_cjk("カ") and not is_cjk("a") and not is_cjk("。")
