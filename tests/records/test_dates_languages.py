"""Spanish, Portuguese and Chinese dates, resolved against the document date."""
import datetime as dt

import pytest

from dignitary.document import Document
from dignitary.records.date_words import chinese_number
from dignitary.records.dates import document_date, find_dates, parse_date

THU = dt.date(2025, 11, 27)  # a Thursday


@pytest.mark.parametrize("language, text, base, expected", [
    ("es", "26 de noviembre de 2025", None, "2025-11-26"),
    ("es", "el 26 de noviembre", None, "XXXX-11-26"),
    ("es", "el 26 de noviembre", THU, "2025-11-26"),
    ("es", "1º de mayo de 2024", None, "2024-05-01"),
    ("es", "el martes", THU, "2025-11-25"),
    ("es", "el martes", None, None),
    ("es", "este lunes", THU, "2025-11-24"),
    ("es", "ayer", THU, "2025-11-26"),
    ("es", "anoche", THU, "2025-11-26"),
    ("es", "en junio", THU, "2025-06"),
    ("es", "la semana pasada", THU, "2025-11"),
    ("es", "el año pasado", THU, "2024"),
    ("pt", "26 de novembro de 2025", None, "2025-11-26"),
    ("pt", "no dia 26 de novembro", THU, "2025-11-26"),
    ("pt", "na terça-feira", THU, "2025-11-25"),
    ("pt", "nesta segunda-feira", THU, "2025-11-24"),
    ("pt", "ontem", THU, "2025-11-26"),
    ("pt", "ontem à noite", THU, "2025-11-26"),
    ("pt", "no ano passado", THU, "2024"),
    ("pt", "deste ano", THU, "2025"),
    ("zh", "2025年11月26日", None, "2025-11-26"),
    ("zh", "11月26日", None, "XXXX-11-26"),
    ("zh", "11月26日", THU, "2025-11-26"),
    ("zh", "12月30日", THU, "2024-12-30"),  # the latest December 30 up to the document date
    ("zh", "2025年11月", None, "2025-11"),
    ("zh", "周二", THU, "2025-11-25"),
    ("zh", "星期二", THU, "2025-11-25"),
    ("zh", "本周一", THU, "2025-11-24"),
    ("zh", "上周二", THU, "2025-11-18"),
    ("zh", "昨天", THU, "2025-11-26"),
    ("zh", "昨天", None, None),
    ("zh", "去年", THU, "2024"),
    ("zh", "二〇二五年十一月二十六日", None, "2025-11-26"),  # Chinese numerals
    ("zh", "十一月二十六日", THU, "2025-11-26"),
    ("zh", "十二月三十一日", THU, "2024-12-31"),
    ("zh", "一月五日", None, "XXXX-01-05"),
    ("zh", "二〇二五年十月", None, "2025-10"),
    ("zh", "２０２５年１１月２６日", None, "2025-11-26"),  # full-width digits
])
def test_parse_date_in_other_languages(language, text, base, expected):
    assert parse_date(text, base, language=language) == expected


@pytest.mark.parametrize("language, text, expected", [
    ("es", "El canciller llegó el martes a Lima y ayer se reunió con su homólogo; en mayo de 2024 firmaron "
           "un acuerdo.", [("2025-11-25", "el martes"), ("2025-11-26", "ayer"), ("2024-05", "en mayo de 2024")]),
    ("pt", "Nesta segunda-feira, o chanceler reuniu-se com Ana Souto, que chegou em 26 de novembro de 2025.",
     [("2025-11-24", "Nesta segunda-feira"), ("2025-11-26", "em 26 de novembro de 2025")]),
    ("zh", "代表团周二抵达利马，昨天会见了外交部长。双方于2025年11月26日签署协议。",
     [("2025-11-25", "周二"), ("2025-11-26", "昨天"), ("2025-11-26", "2025年11月26日")]),
])
def test_find_dates_keeps_the_words_and_their_offsets(language, text, expected):
    found = find_dates(text, 0, len(text), THU, language=language)
    assert [(d.iso, d.text) for d in found] == expected
    assert all(text[d.start:d.end] == d.text for d in found)


@pytest.mark.parametrize("language, text, expected", [
    ("zh", "中国北京讯——2023年9月13日（星期三），两国决定", ("2023-09-13", "2023年9月13日（星期三）")),
    ("zh", "星期三（2023年9月13日）两国决定", ("2023-09-13", "星期三（2023年9月13日）")),
    ("es", "Pekín, el miércoles 13 de septiembre de 2023, China",
     ("2023-09-13", "el miércoles 13 de septiembre de 2023")),
    ("pt", "Na quarta-feira, 13 de setembro de 2023, a China",
     ("2023-09-13", "Na quarta-feira, 13 de setembro de 2023")),
    ("pt", "em 13 de setembro (quarta-feira), a China", ("2023-09-13", "em 13 de setembro (quarta-feira)")),
])
def test_a_weekday_beside_a_full_date_is_that_date(language, text, expected):
    """Not a second date: the latest such weekday before the document date would be another day."""
    base = dt.date(2023, 9, 25)
    found = find_dates(text, 0, len(text), base, language=language)
    assert [(d.iso, d.text) for d in found] == [expected]
    assert text[found[0].start:found[0].end] == found[0].text


def test_weekdays_apart_from_a_date_stay_their_own_dates():
    text = "周三，习近平会见马杜罗。2023年9月13日，双方签署协议。"
    found = find_dates(text, 0, len(text), dt.date(2023, 9, 25), language="zh")
    assert [(d.iso, d.text) for d in found] == [("2023-09-20", "周三"), ("2023-09-13", "2023年9月13日")]
    base = dt.date(2023, 9, 25)
    for language, text, n in (("es", "el miércoles y el jueves", 2), ("zh", "周三、周四", 2),
                              ("es", "el miércoles, el jueves y el viernes", 3),
                              ("es", "el 12 de septiembre de 2023, el jueves y el viernes", 3)):
        found = find_dates(text, 0, len(text), base, language=language)
        assert len(found) == n, (text, found)
    text = "el 12 de septiembre de 2023, el jueves"  # a Tuesday: "el jueves" is another day
    assert [d.iso for d in find_dates(text, 0, len(text), base, language="es")] == ["2023-09-12", "2023-09-21"]


def test_words_that_are_no_dates_are_not_found():
    text = "El presidente de la comisión habló con la prensa sobre el segundo mandato."
    assert find_dates(text, 0, len(text), THU, language="es") == []
    text = "外交部发言人表示，双方将继续加强合作。"
    assert find_dates(text, 0, len(text), THU, language="zh") == []


@pytest.mark.parametrize("text, expected", [
    ("Lima, 26 de noviembre de 2025. El ministro llegó el martes.", "2025-11-26"),
    ("Brasília, 26 de novembro de 2025 — O ministro chegou na terça-feira.", "2025-11-26"),
    ("新华社利马2025年11月26日电\n外交部长周二会见了秘鲁总统。", "2025-11-26"),
    ("发布时间：2025年6月9日 上午11:00\n本周一，两国外长会见。", "2025-06-09"),
    ("新华社北京二〇二五年十一月二十六日电 外交部长周二会见了秘鲁总统。", "2025-11-26"),
    ("外交部长王立新与秘鲁外长于2025年11月26日在利马举行会谈，双方签署协议。", None),  # a date inside a sentence
])
def test_datelines_in_other_languages(text, expected):
    value = document_date(Document("d", text))
    assert (value.iso if value else None) == expected


@pytest.mark.parametrize("numeral, value", [
    ("2025", 2025), ("２０２５", 2025), ("二〇二五", 2025), ("二零二四", 2024), ("十", 10),
    ("十一", 11), ("二十", 20), ("二十六", 26), ("三十一", 31), ("五", 5),
])
def test_chinese_numbers(numeral, value):
    assert chinese_number(numeral) == value


@pytest.mark.parametrize("language, text, expected", [
    ("es", "Durante las fiestas del Día de la Independencia de Venezuela, el canciller se reunió con el ministro.",
     [("2025-07", "Día de la Independencia")]),  # "durante": the holiday's month
    ("es", "En el Triunfo de la Revolución, el presidente cubano recibió al embajador.",
     [("2025-01-01", "Triunfo de la Revolución")]),
    ("pt", "No dia da Independência do Brasil, o presidente brasileiro recebeu o chanceler.",
     [("2025-09-07", "Independência do Brasil")]),
    ("zh", "在中国春节期间，中联部部长会见了代表团。", [("2025-01", "春节")]),  # 期间 after it: its month
    ("zh", "国庆节当天，中国国家主席会见了外宾。", [("2025-10-01", "国庆节")]),
    ("zh", "去年国庆节，中国国家主席会见了外宾。", [("2024", "去年"), ("2024-10-01", "国庆节")]),
    ("es", "Durante el Día de la Independencia, el canciller se reunió con su homólogo.", []),  # no country named
])
def test_named_holidays_of_a_country_the_sentence_names(language, text, expected):
    found = find_dates(text, 0, len(text), THU, language=language)
    assert [(d.iso, d.text) for d in found] == expected
    assert all(text[d.start:d.end] == d.text for d in found)
