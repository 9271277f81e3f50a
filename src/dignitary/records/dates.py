"""Dates in news text as ISO 8601 at the precision the words give, resolved against the document date.

Parsing and relative resolution are dateparser's (``search_dates`` finds the expressions,
``DateDataParser`` gives the date and its period: day, week, month, year); named holidays
("Victory Day") come from the ``holidays`` package for the countries the sentence names.
This module only picks which expressions count, what the document date is, and the precision.
Spanish, Portuguese and Chinese expressions are found with the patterns of :mod:`.date_words`
("26 de noviembre de 2025", "na terça-feira", "2025年11月26日", "周二", "昨天").
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..document import Document
from .date_words import CHINESE, ENGLISH_WEEKDAYS, WORDS, DateWords, chinese_in_english
from .language import document_language
from .language_tables import holiday_table

_MONTHS = ("january february march april may june july august september october november december "
           "jan feb mar apr jun jul aug sep sept oct nov dec").split()
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_RELATIVE = ("yesterday", "today", "tonight", "last night", "this morning", "this week", "last week",
             "this month", "last month", "this year", "last year", "earlier this", "days ago")
# a year alone ("in 2023") or a numeric date; search_dates also matches bare numbers, which we drop
_NUMERIC_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")
_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
_TRAILING = re.compile(r"(?:[\s,]+(?:the|a|an|in|at|of|on|and|to))+[\s,]*$|[\s,]+$", re.I)


@dataclass(frozen=True)
class DateValue:
    """An ISO 8601 value (``2025-06-09``, ``2025-06``, ``2025``, ``XXXX-07-05``) and its words."""

    iso: str
    text: str
    start: int = 0
    end: int = 0

    @property
    def precision(self) -> int:
        """3 for a day, 2 for a month, 1 for a year, 0 for words nothing resolves."""
        return self.iso.count("-") + 1 if self.iso else 0


def _settings(base: dt.datetime | None, order: str) -> dict:
    settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True, "DATE_ORDER": order}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    return settings


@lru_cache(maxsize=32)
def _parser(base: dt.datetime | None, order: str, language: str = "en"):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=[language], settings=_settings(base, order))


def _is_date_words(text: str) -> bool:
    """Whether a ``search_dates`` match is a date and not a word like "may", "sat" or "now"."""
    low = text.casefold()
    words = re.findall(r"[a-z]+", low)
    if _NUMERIC_DATE.search(text) or _YEAR.search(text):
        return True
    if any(w in _WEEKDAYS for w in words):
        return True
    if any(phrase in low for phrase in _RELATIVE):
        return True
    # a month name, capitalized as in news ("May", not the verb "may")
    return any(w.casefold() in _MONTHS and w[0].isupper() for w in re.findall(r"[A-Za-z]+", text))


def _period_iso(value: dt.datetime, period: str) -> str:
    if period == "year":
        return f"{value.year:04d}"
    if period in ("month", "week"):
        return f"{value.year:04d}-{value.month:02d}"
    return value.strftime("%Y-%m-%d")


def _weekday_before(reference: dt.datetime, wanted: int, weeks_back: int) -> str:
    """The latest such weekday on or before the reference (``weeks_back`` -1), or the one in the
    week ``weeks_back`` weeks before the reference's week."""
    if weeks_back < 0:
        delta = (reference.weekday() - wanted) % 7
    else:
        delta = reference.weekday() - wanted + 7 * weeks_back
    return (reference - dt.timedelta(days=delta)).strftime("%Y-%m-%d")


def parse_date(text: str, base: dt.date | None = None, order: str = "DMY", language: str = "en") -> str | None:
    """``text`` as ISO 8601 at its own precision, relative words resolved against ``base``.

    Without a base, a day without a year is ``XXXX-MM-DD`` and a relative expression is ``None``.
    ``order`` settles numeric dates such as 09/06/2025 (``DMY`` or ``MDY``). ``language`` is
    ``en``, ``es``, ``pt`` or ``zh``.
    """
    text = re.sub(r"\s+", " ", text.strip())
    reference = dt.datetime.combine(base, dt.time()) if base else None
    if language == "zh":  # read in English words: dateparser misses "11月26日" and "上周二"
        phrase, weeks_back = chinese_in_english(CHINESE.lead.sub("", text))
        if phrase in ENGLISH_WEEKDAYS:
            return _weekday_before(reference, ENGLISH_WEEKDAYS.index(phrase), weeks_back) if reference else None
        return parse_date(phrase, base, order)
    if language in WORDS:
        words = WORDS[language]
        phrase = words.phrase(text)
        wanted = words.weekday(phrase)
        if wanted is not None:  # "el martes", "na terça-feira": the latest one, as in English
            return _weekday_before(reference, wanted, -1) if reference else None
    else:
        phrase = re.sub(r"^(?:on|in|during|since|from|at|by)\s+", "", text, flags=re.I)
    # "this Monday" in a report is the Monday of the week it is written in, not the next one
    weekday_only = re.fullmatch(r"(?:this\s+|on\s+)?(" + "|".join(_WEEKDAYS) + r")", phrase, flags=re.I)
    probe = [dt.datetime(2001, 6, 15), dt.datetime(2013, 2, 20)]
    results = []
    for b in [reference] + probe if reference else probe:
        try:
            data = _parser(b, order, language).get_date_data(phrase)
        except (ValueError, OverflowError):  # out-of-range numbers in odd strings
            return None
        if data.date_obj is None:
            return None
        results.append((data.date_obj, data.period or "day"))
    if weekday_only and reference is not None:  # the latest such day on or before the base
        return _weekday_before(reference, _WEEKDAYS.index(weekday_only.group(1).casefold()), -1)
    value, period = results[0]
    probed = results[-2:] if reference else results
    depends = _period_iso(*probed[0]) != _period_iso(*probed[1])  # compared at the period's precision
    if not depends:
        return _period_iso(value, period)
    # the value moved with the base: a relative expression, or a day or month without its year
    same_day = all((d.month, d.day) == (probed[0][0].month, probed[0][0].day) for d, _ in probed)
    if same_day and not _YEAR.search(text):
        if reference is None:
            return f"XXXX-{value.month:02d}-{value.day:02d}" if period != "month" else None
        recent = (value.month, value.day) <= (reference.month, reference.day + 7)
        year = reference.year if recent else reference.year - 1
        while True:  # February 29 takes the latest leap year up to the one the document points at
            try:
                return _period_iso(value.replace(year=year), period)
            except ValueError:
                year -= 1
    if reference is None:
        return None
    if value > reference + dt.timedelta(days=1):  # a report tells what happened: the latest past reading
        return None
    return _period_iso(value, period)


def find_dates(text: str, start: int, end: int, base: dt.date | None, order: str = "DMY",
               keep_unresolved: bool = False, language: str = "en") -> list[DateValue]:
    """The date expressions of ``text[start:end]`` with their values, in text order; with
    ``keep_unresolved``, also those nothing resolves ("on Tuesday" with no base), with ``iso`` ""."""
    from dateparser.search import search_dates

    if language in WORDS:
        local = _find_local_dates(text, start, end, base, order, keep_unresolved, language)
        return sorted(local + _local_holidays(text, start, end, base, language), key=lambda d: d.start)
    chunk = text[start:end]
    try:
        found = search_dates(chunk, languages=["en"], settings=_settings(None, order)) or []
    except (ValueError, OverflowError):
        found = []
    out, cursor = [], 0
    for words, _ in found:
        at = chunk.find(words, cursor)
        if at < 0 or not _is_date_words(words):
            continue
        words = _TRAILING.sub("", words)
        cursor = at + len(words)
        iso = parse_date(words, base, order)
        if iso or keep_unresolved:
            out.append(DateValue(iso or "", words.strip(), start + at, start + at + len(words)))
    out += _holidays(text, start, end, base)
    return sorted(out, key=lambda d: d.start)


def _find_local_dates(text: str, start: int, end: int, base: dt.date | None, order: str, keep_unresolved: bool,
                      language: str) -> list[DateValue]:
    """:func:`find_dates` for a language of :mod:`.date_words`: its pattern finds, dateparser reads."""
    words = WORDS[language]
    found = [(m.start(), m.end(), parse_date(m.group(0), base, order, language))
             for m in words.pattern.finditer(text, start, end)]
    out = []
    i = 0
    while i < len(found):
        s, e, iso = found[i]
        if i + 1 < len(found):
            merged = _weekday_beside_date(text, words, found[i], found[i + 1])
            if merged is not None:
                s, e, iso = merged
                i += 1
        if iso or keep_unresolved:
            out.append(DateValue(iso or "", text[s:e], s, e))
        i += 1
    return out


_APPOSITION_GAP = re.compile(r"[\s,，、(（]*")


def _weekday_beside_date(text: str, words: DateWords, first: tuple,
                         second: tuple) -> tuple[int, int, str | None] | None:
    """One date for a weekday written beside a full date ("el miércoles 13 de septiembre de 2023",
    "2023年9月13日（星期三）"): the span of both and the date's value; ``None`` for anything else."""
    s1, e1, _ = first
    s2, e2, _ = second
    gap = text[e1:s2]
    if not _APPOSITION_GAP.fullmatch(gap):
        return None
    named = [words.weekday(words.phrase(text[s:e])) for s, e, _ in (first, second)]
    if (named[0] is None) == (named[1] is None):  # two weekdays ("周三、周四"), or no weekday
        return None
    weekday, date_iso = (named[0], second[2]) if named[0] is not None else (named[1], first[2])
    if not date_iso or date_iso.count("-") != 2:
        return None
    if not date_iso.startswith("X") and dt.date.fromisoformat(date_iso).weekday() != weekday:
        return None  # "el 12 de septiembre, el jueves": another day
    bracketed = any(b in gap for b in "(（") and text[e2:e2 + 1] in (")", "）")
    return s1, e2 + bracketed, date_iso  # with the closing bracket of "（星期三）"


def _country_holidays(country: str, year: int) -> dict[dt.date, str]:
    import holidays

    for code, names in _country_codes().items():
        if country.casefold() in names:
            try:
                return dict(holidays.country_holidays(code, years=year, language="en_US"))
            except (NotImplementedError, KeyError):
                return dict(holidays.country_holidays(code, years=year))
    return {}


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, set[str]]:
    """ISO code -> lower-case English names, from the ``holidays`` registry (class names)."""
    from holidays.registry import COUNTRIES

    codes: dict[str, set[str]] = {}
    for entries in COUNTRIES.values():
        cls, code = entries[0], entries[1]
        name = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", cls).casefold()
        codes.setdefault(code, set()).add(name)
    return codes


_DURING = re.compile(r"\bduring\b[^.]{0,40}$", re.I)


def _holiday_values(chunk: str, start: int, named: Iterable[tuple[dt.date, str]], during: re.Pattern | None,
                    during_after: re.Pattern | None = None, min_length: int = 1) -> list[DateValue]:
    """The holidays of ``named`` (day, name) that ``chunk`` (at ``start`` in its text) names, one per place.
    "On" a holiday is its day; "during" one (``during`` before the name, or ``during_after`` right after it)
    is its month: celebrations last days."""
    out: dict[int, DateValue] = {}
    for day, name in named:
        at = chunk.find(name)
        if at < 0 or at in out or len(name) < min_length:
            continue
        by_month = bool(during and during.search(chunk[:at])) or bool(
            during_after and during_after.search(chunk[at + len(name):]))
        iso = f"{day.year:04d}-{day.month:02d}" if by_month else day.strftime("%Y-%m-%d")
        out[at] = DateValue(iso, name, start + at, start + at + len(name))
    return list(out.values())


def _holidays(text: str, start: int, end: int, base: dt.date | None) -> list[DateValue]:
    """Named holidays ("during this year's Victory Day celebrations in Moscow, Russia") of a
    country the same sentence names, in the base's year (or one named next to it)."""
    chunk = text[start:end]
    if base is None or not re.search(r"\b[A-Z][a-z]+ Day\b|\bEve\b|Festival|New Year", chunk):
        return []
    year = base.year - 1 if re.search(r"\blast year'?s?\b", chunk) else base.year
    countries = sorted(set(re.findall(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", chunk)))
    named = (item for country in countries for item in _country_holidays(country, year).items())
    return _holiday_values(chunk, start, named, _DURING, min_length=6)


@lru_cache(maxsize=None)
def _holiday_settings(language: str) -> tuple[dict[str, str], str, re.Pattern | None, re.Pattern | None,
                                              re.Pattern | None] | None:
    """Countries by local name, holiday language, and the during / during-after / last-year patterns."""
    table = holiday_table(language)
    if table is None:
        return None
    compiled = [re.compile(table[key], re.I) if key in table else None
                for key in ("during", "during_after", "last_year")]
    return table["countries"], table["holiday_language"], compiled[0], compiled[1], compiled[2]


@lru_cache(maxsize=256)
def _localized_holidays(code: str, year: int, language: str) -> tuple[tuple[dt.date, str], ...]:
    """A country's holidays of ``year`` named in ``language`` (or its regional variant); () if the
    ``holidays`` package has no names in that language for the country."""
    import holidays
    from holidays.utils import list_localized_countries

    supported = list_localized_countries().get(code) or []
    prefix = language.split("_")[0]
    chosen = next((x for x in supported if x == language), None) or next(
        (x for x in supported if x.split("_")[0] == prefix), None)
    if chosen is None:
        return ()
    return tuple(holidays.country_holidays(code, years=year, language=chosen).items())


def _local_holidays(text: str, start: int, end: int, base: dt.date | None, language: str) -> list[DateValue]:
    """Named holidays in a Spanish, Portuguese or Chinese sentence (``records/holidays.toml``): those of a
    country the sentence names, by their names in the language; "durante" / "期间" make it their month."""
    settings = _holiday_settings(language)
    if base is None or settings is None:
        return []
    countries, holiday_language, during, during_after, last_year = settings
    chunk = text[start:end]
    folded = chunk.casefold()
    codes = {code for name, code in countries.items()
             if (name in chunk if language == "zh" else re.search(rf"(?<!\w){re.escape(name)}(?!\w)", folded))}
    year = base.year - 1 if last_year is not None and last_year.search(chunk) else base.year
    named = (item for code in sorted(codes) for item in _localized_holidays(code, year, holiday_language))
    return _holiday_values(chunk, start, named, during, during_after)


_DATELINE_WINDOW = 1000


# words before a date that make it part of a sentence, not a dateline
_NOT_DATELINE = re.compile(r"\b(?:met|meets|said|will|was|is|se|fue|foi|dijo|disse)\b|[，。、]")
# what follows a Chinese dateline's date: 电 / 消息 / 讯, a bracket, a comma, a space or the line's end
_AFTER_CHINESE_DATELINE = re.compile(r"\s|$|电|消息|讯|[（(，]")


def document_date(doc: Document, order: str = "DMY", language: str | None = None) -> DateValue | None:
    """The document's date: its ``date`` field, else a dateline near the top ("Guacamaya, June 11,
    2025.", "BONN, Oct 19 -", "Published at: 09/06/2025", "Guacamaya网站2025年6月11日消息"): the first
    full date within the first lines whose line holds at most a place or a label before it.
    ``language`` defaults to :func:`~.language.document_language`."""
    language = language or document_language(doc)
    raw = doc.meta.get("date")
    if raw:
        iso = parse_date(str(raw), None, order)
        if iso and iso.count("-") == 2 and not iso.startswith("XXXX"):
            return DateValue(iso, str(raw))
    head_end = min(len(doc.text), _DATELINE_WINDOW)
    longest_prefix = 20 if language == "zh" else 40  # Chinese packs more into as many characters
    for d in find_dates(doc.text, 0, head_end, None, order, language=language):
        line_start = doc.text.rfind("\n", 0, d.start) + 1
        prefix = doc.text[line_start:d.start]
        if d.precision == 3 and len(prefix) <= longest_prefix and not _NOT_DATELINE.search(prefix) \
                and (language != "zh" or _AFTER_CHINESE_DATELINE.match(doc.text, d.end)):
            return d
    return None


def as_date(value: DateValue | None) -> dt.date | None:
    if value is None or value.iso.startswith("XXXX") or value.precision < 3:
        return None
    return dt.date.fromisoformat(value.iso)


def compatible(a: str | None, b: str | None) -> bool:
    """Whether two ISO values can name the same day: one is a prefix of the other (``XXXX`` years
    match any year)."""
    if not a or not b:
        return True
    a_parts, b_parts = a.split("-"), b.split("-")
    for x, y in zip(a_parts, b_parts):
        if x != y and "XXXX" not in (x, y):
            return False
    return True
