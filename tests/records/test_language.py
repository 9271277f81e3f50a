"""The language of a document: its ``lang`` field, else Han characters and function words."""
import pytest

from dignitary.document import Document
from dignitary.records.language import document_language, text_language


@pytest.mark.parametrize("text, expected", [
    ("The minister met with the ambassador of Peru in Lima on Tuesday.", "en"),
    ("El ministro se reunió con el embajador del Perú en Lima y con los diputados.", "es"),
    ("O ministro reuniu-se com o embaixador do Peru em Lima e com os deputados da comissão.", "pt"),
    ("外交部长王立新在北京会见了秘鲁驻华大使。", "zh"),
    ("Guacamaya网站2025年6月11日消息，中国共产党代表团抵达加拉加斯。", "zh"),  # Latin letters in Chinese text
])
def test_text_language(text, expected):
    assert text_language(text) == expected


def test_the_lang_field_wins_over_the_text():
    assert document_language(Document("d", "El ministro se reunió con el embajador.", meta={"lang": "pt"})) == "pt"
    assert document_language(Document("d", "El ministro se reunió con el embajador.", meta={"lang": "fr"})) == "es"
    assert document_language(Document("d", "El ministro se reunió con el embajador.")) == "es"
