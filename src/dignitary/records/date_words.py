"""The words of dates in Spanish, Portuguese and Chinese: which expressions count as dates.

``dateparser`` reads Spanish and Portuguese dates well but its ``search_dates`` finds many
non-dates in running text, and it reads few Chinese forms ("11月26日" and "本周一" fail). So
expressions are found here with one pattern per language, and a Chinese expression is rewritten
in the English words ``dateparser`` reads ("11月26日" -> "November 26").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

ENGLISH_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_ENGLISH_MONTHS = ("january february march april may june july august september october november "
                   "december").split()


@dataclass(frozen=True)
class DateWords:
    """A language's date expressions (``pattern``), its weekday names Monday first (each with its
    variants), the words before a date that are not part of it (``lead``), and relative phrases
    in the words ``dateparser`` reads (``synonyms``: "anoche" -> "ayer")."""

    language: str
    pattern: re.Pattern
    weekdays: tuple[tuple[str, ...], ...]
    lead: re.Pattern
    synonyms: tuple[tuple[str, str], ...] = ()

    def phrase(self, text: str) -> str:
        """``text`` without its lead words, relative phrases as ``dateparser`` reads them."""
        for words, plain in self.synonyms:
            if text.casefold() == words:
                return plain
        return self.lead.sub("", text).replace("º", "")

    def weekday(self, phrase: str) -> int | None:
        """0-6 when ``phrase`` (lead words stripped) is a weekday name alone."""
        word = phrase.casefold().strip()
        return next((i for i, names in enumerate(self.weekdays) if word in names), None)


def _romance(language: str, months: str, weekdays: list[tuple[str, ...]], relative: str, lead: str,
             of: str, synonyms: dict[str, str]) -> DateWords:
    month = f"(?:{months})"
    weekday = "(?:" + "|".join(sorted((w for names in weekdays for w in names), key=len, reverse=True)) + ")"
    numeric = r"\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
    expression = (rf"\d{{1,2}}º? {of} {month}(?: {of} \d{{4}})?|{month} {of} \d{{4}}|{weekday}|{relative}|{numeric}"
                  rf"|(?<=\b(?:en|em|in) ){month}|(?:1[89]|20)\d{{2}}")
    pattern = re.compile(rf"\b(?:(?:{lead})\s+)?(?:{expression})\b", re.I)
    return DateWords(language, pattern, tuple(weekdays), re.compile(rf"^(?:(?:{lead})\s+)+(?!semana|mes|año)", re.I),
                     tuple(synonyms.items()))


SPANISH = _romance(
    "es", "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre",
    [("lunes",), ("martes",), ("miércoles", "miercoles"), ("jueves",), ("viernes",), ("sábado", "sabado"),
     ("domingo",)],
    r"anteayer|ayer|anoche|hoy|esta mañana|esta semana|la semana pasada|este mes|el mes pasado|este año|el año pasado",
    r"el pasado|el|la|este|esta|desde el|hasta el|durante el|a partir del|del|en|de|hace|el día|pasado",
    "de(?:l)?", {"anoche": "ayer", "esta mañana": "hoy"})
PORTUGUESE = _romance(
    "pt", "janeiro|fevereiro|março|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro",
    [("segunda-feira",), ("terça-feira", "terca-feira"), ("quarta-feira",), ("quinta-feira",), ("sexta-feira",),
     ("sábado", "sabado"), ("domingo",)],
    r"anteontem|ontem à noite|ontem|hoje|nesta manhã|desta semana|esta semana|na semana passada|semana passada|"
    r"deste mês|neste mês|este mês|no mês passado|mês passado|deste ano|neste ano|este ano|no ano passado|ano passado",
    r"na última|no último|na passada|no passado|nesta|neste|esta|este|na|no|em|desde|até|a|o|dia|no dia|de|do",
    "de", {"ontem à noite": "ontem", "nesta manhã": "hoje", "neste ano": "este ano", "deste ano": "este ano",
           "desta semana": "esta semana", "deste mês": "este mês", "neste mês": "este mês",
           "na semana passada": "semana passada"})

_ZH_WEEKDAY = "一二三四五六日天"
# numbers in Arabic digits (also full-width: ``\d`` matches them) or in Chinese numerals: 二〇二五年十一月二十六日
_ZH_DIGITS = "〇一二三四五六七八九"
_ZH_YEAR = rf"(?:\d{{4}}|[{_ZH_DIGITS}零]{{4}})"
_ZH_MONTH = r"(?:\d{1,2}|十[一二]?|[一二三四五六七八九])"
_ZH_DAY = r"(?:\d{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
CHINESE = DateWords(
    "zh",
    re.compile(rf"{_ZH_YEAR}年{_ZH_MONTH}月{_ZH_DAY}[日号]|{_ZH_MONTH}月{_ZH_DAY}[日号]|{_ZH_YEAR}年{_ZH_MONTH}月|\d{{4}}-\d{{2}}-\d{{2}}"
               rf"|(?:上|本|这|上个|这个)?(?:周|星期|礼拜)[{_ZH_WEEKDAY}]"
               rf"|前天|昨天|昨晚|今天|今晨|本周|上周|本月|上个?月|今年|去年|{_ZH_YEAR}年"),
    tuple((f"周{c}", f"星期{c}", f"礼拜{c}") + (("周天", "星期天", "礼拜天") if c == "日" else ())
          for c in _ZH_WEEKDAY[:7]),
    re.compile(r"^(?:于|在|自|从)+"),
)
_ZH_RELATIVE = {"前天": "2 days ago", "昨天": "yesterday", "昨晚": "last night", "今天": "today",
                "今晨": "this morning", "本周": "this week", "上周": "last week", "本月": "this month",
                "上月": "last month", "上个月": "last month", "今年": "this year", "去年": "last year"}

WORDS = {"es": SPANISH, "pt": PORTUGUESE, "zh": CHINESE}


def chinese_number(numeral: str) -> int:
    """A number written in digits (Arabic or full-width) or Chinese numerals: "2025", "二〇二五" (a year,
    digit by digit), "十一", "二十六"."""
    if numeral.isdigit():
        return int(numeral)
    if "十" not in numeral:
        return int("".join(str(_ZH_DIGITS.index(c) if c != "零" else 0) for c in numeral))
    tens, _, units = numeral.partition("十")
    return (_ZH_DIGITS.index(tens) if tens else 1) * 10 + (_ZH_DIGITS.index(units) if units else 0)


def chinese_in_english(phrase: str) -> tuple[str, int]:
    """A Chinese date in the English words ``dateparser`` reads, and the weeks before the current
    one that a weekday sits in (1 for "上周二", 0 for "本周二", -1 for "周二": the latest one)."""
    if phrase in _ZH_RELATIVE:
        return _ZH_RELATIVE[phrase], -1
    found = re.fullmatch(rf"(?:({_ZH_YEAR})年)?(?:({_ZH_MONTH})月)?(?:({_ZH_DAY})[日号])?", phrase)
    if found and any(found.groups()):
        year, month, day = (None if g is None else str(chinese_number(g)) for g in found.groups())
        words = [_ENGLISH_MONTHS[int(month) - 1].capitalize()] if month and 1 <= int(month) <= 12 else []
        if day:
            words.append(day + ("," if year else ""))
        if year:
            words.append(year)
        return " ".join(words), -1
    weekday = re.fullmatch(rf"(上|本|这|上个|这个)?(?:周|星期|礼拜)([{_ZH_WEEKDAY}])", phrase)
    if weekday:
        index = min(_ZH_WEEKDAY.index(weekday.group(2)), 6)
        weeks = -1 if weekday.group(1) is None else (1 if weekday.group(1).startswith("上") else 0)
        return ENGLISH_WEEKDAYS[index], weeks
    return phrase, -1
