"""The per-language word tables in records/languages/: every file is found, parses and compiles."""
import dataclasses
import re

import pytest

from dignitary.records.cue_words import CUE_WORDS, CueWords, cue_words
from dignitary.records.language_tables import language_table, table_languages


def test_the_table_files_are_found():
    assert table_languages() == ["en", "es", "pt"]


@pytest.mark.parametrize("language", table_languages())
def test_every_pattern_of_every_file_compiles(language):
    cues = language_table(language)["cues"]
    patterns = {name: spec for name, spec in cues.items() if name != "lead_words"}
    assert set(patterns) | {"lead_words"} == {field.name for field in dataclasses.fields(CueWords)}
    for name, spec in patterns.items():
        source = spec["source"] if isinstance(spec["source"], str) else "".join(spec["source"])
        assert re.compile(source).pattern == source, name
        assert all(flag in re.RegexFlag.__members__ for flag in spec.get("flags", [])), name
    assert all(isinstance(line, str) and line.split() for line in cues["lead_words"])


@pytest.mark.parametrize("language", table_languages())
def test_every_file_loads_into_cue_words(language):
    words = cue_words(language)
    assert words is CUE_WORDS[language]  # loaded once
    assert all(isinstance(getattr(words, field.name), re.Pattern)
               for field in dataclasses.fields(CueWords) if field.name != "lead_words")
    assert "de" in words.lead_words or "of" in words.lead_words


def test_pieces_are_joined_and_flags_named():
    english = cue_words("en")
    assert english.cue.flags & re.IGNORECASE and not english.stop.flags & re.IGNORECASE
    assert english.cue.search("She HELD BILATERAL TALKS WITH him")
    assert english.in_talks.search("during a telephone conversation with")  # a match across two pieces
    assert not cue_words("es").stop.search("el MAS ganó")  # case-sensitive: "MAS" is a party
    assert {"here", "january", "sunday"} <= english.lead_words


def test_a_table_without_a_field_or_with_a_bad_pattern_is_refused():
    table = language_table("en")["cues"]
    with pytest.raises(TypeError, match="their"):
        CueWords.from_table({name: spec for name, spec in table.items() if name != "their"})
    with pytest.raises(re.error):
        CueWords.from_table({**table, "glue": {"source": ["(?:", "unclosed"]}})
    with pytest.raises(KeyError, match="NOT_A_FLAG"):
        CueWords.from_table({**table, "glue": {"source": "a", "flags": ["NOT_A_FLAG"]}})
