"""Dates: ISO 8601 at the text's precision, relative words resolved against the document date."""
import datetime as dt

import pytest

from dignitary.document import Document
from dignitary.records.dates import compatible, document_date, find_dates, parse_date

WED = dt.date(2025, 6, 11)  # a Wednesday


@pytest.mark.parametrize("text, base, expected", [
    ("June 11, 2025", None, "2025-06-11"),
    ("Wednesday, September 13, 2023", None, "2023-09-13"),
    ("September 2023", None, "2023-09"),
    ("2024-05-14", None, "2024-05-14"),
    ("November 26", None, "XXXX-11-26"),  # no year in the text, no document date
    ("November 26", WED, "2024-11-26"),  # the latest November 26 up to the document date
    ("June 9", WED, "2025-06-09"),
    ("on Tuesday", WED, "2025-06-10"),
    ("on Tuesday", None, None),  # relative and nothing to resolve it against
    ("yesterday", WED, "2025-06-10"),
    ("last night", WED, "2025-06-10"),
    ("this Monday", WED, "2025-06-09"),  # the Monday of the week, not the next one
    ("This Wednesday", WED, "2025-06-11"),
    ("in April", WED, "2025-04"),
    ("this year", WED, "2025"),
    ("last year", WED, "2024"),
])
def test_parse_date(text, base, expected):
    assert parse_date(text, base) == expected


def test_numeric_dates_follow_the_date_order():
    assert parse_date("09/06/2025", None, "DMY") == "2025-06-09"
    assert parse_date("09/06/2025", None, "MDY") == "2025-09-06"


def test_find_dates_skips_words_that_only_look_like_dates():
    text = "Officials may meet again now; the talks held on Tuesday were long."
    found = find_dates(text, 0, len(text), WED)
    assert [(d.iso, d.text) for d in found] == [("2025-06-10", "on Tuesday")]
    assert text[found[0].start:found[0].end] == "on Tuesday"


def test_named_holiday_of_the_country_in_the_sentence():
    text = "During this year's Victory Day celebrations in Moscow, Russia, A met B."
    assert "2025-05" in [d.iso for d in find_dates(text, 0, len(text), WED)]
    text = "On Victory Day in Russia A met B."
    assert "2025-05-09" in [d.iso for d in find_dates(text, 0, len(text), WED)]


@pytest.mark.parametrize("text, meta, expected", [
    ("Guacamaya, June 11, 2025. A delegation arrived on Tuesday.", {}, "2025-06-11"),
    ("BONN, Oct 19 - Ministers met.", {}, "XXXX-10-19"),
    ("Title\nOutlet\nPublished at: 09/06/2025 11:00 AM\nThis Monday they met.", {}, "2025-06-09"),
    ("No date here. They met in 2019.", {"date": "2024-05-14"}, "2024-05-14"),
    ("They met on Tuesday.", {}, None),
])
def test_document_date_from_field_or_dateline(text, meta, expected):
    value = document_date(Document("d", text, meta=meta))
    assert (value.iso if value else None) == expected


def test_compatible_dates():
    assert compatible("2025-06", "2025-06-09")
    assert compatible("XXXX-06-09", "2025-06-09")
    assert not compatible("2025-05", "2023-09-13")
    assert not compatible("2025-06-09", "2025-06-10")


def test_february_29_without_a_year_takes_the_latest_leap_year():
    assert parse_date("on February 29", dt.date(2025, 3, 1)) == "2024-02-29"
    assert parse_date("on February 29", dt.date(2024, 3, 1)) == "2024-02-29"
