"""Vocabulary trimming of multilingual-e5: English pieces, and single CJK characters for e5-cjk."""
from dignitary.encoders.e5 import cjk_character_piece, english_pieces

PIECES = ["<s>", "<pad>", "</s>", "<unk>", "▁", "a", "b", "▁ab", "▁met", "中", "▁中", "国", "中国", "▁中国",
          "и", "▁мир", "カ"]


def _image():
    return {"pieces": PIECES, "scores": [0.0] * 4 + [-float(i) for i in range(1, len(PIECES) - 3)],
            "config": {"bos": 0, "pad": 1, "eos": 2, "unk": 3}}


def test_cjk_character_pieces_are_single_characters():
    assert cjk_character_piece("中") and cjk_character_piece("▁中") and cjk_character_piece("カ")
    assert not cjk_character_piece("中国") and not cjk_character_piece("a") and not cjk_character_piece("▁")


def test_english_trim_drops_cjk_and_cyrillic_and_the_cjk_variant_keeps_single_characters():
    english = {PIECES[i] for i in english_pieces(_image(), ["ab", "met"], [])}
    assert {"<s>", "<unk>", "▁ab", "▁met", "a", "b"} <= english
    assert not english & {"中", "▁中", "中国", "и", "▁мир", "カ"}
    with_cjk = {PIECES[i] for i in english_pieces(_image(), ["ab", "met"], [], cjk_characters=True)}
    assert with_cjk - english == {"中", "▁中", "国", "カ"}  # multi-character CJK pieces stay out
