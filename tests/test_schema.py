import json

import pytest

from dignitary.errors import SchemaError
from dignitary.schema import Schema, builtin_schema_names


def test_default_schema_matches_guideline():
    s = Schema.builtin("default")
    assert s.entity_labels == ("PER", "TITLE", "ORG", "GPE")
    assert s.relation_labels == ("has_title", "title_at", "member_of", "met")
    assert s.allowed_relations("PER", "TITLE") == ["has_title"]
    assert s.allowed_relations("TITLE", "GPE") == ["title_at"]
    assert set(s.allowed_relations("PER", "ORG")) == {"member_of", "met"}
    assert s.is_symmetric("met") and not s.is_symmetric("has_title")
    assert s.bio_labels()[:3] == ["O", "B-PER", "I-PER"]


def test_builtin_names_and_conll04():
    assert {"default", "conll04"} <= set(builtin_schema_names())
    c = Schema.load("conll04")
    assert c.allowed_relations("Peop", "Org") == ["Work_For"]
    assert not any(c.is_symmetric(label) for label in c.relation_labels)


def test_user_schema_file_round_trip(tmp_path):
    s = Schema.builtin("default")
    path = tmp_path / "schema.json"
    s.save(path)
    assert Schema.load(path) == s


def test_schema_with_unknown_entity_label_is_rejected(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"entities": ["A"], "relations": {"r": {"head": ["A"], "tail": ["B"]}}}))
    with pytest.raises(SchemaError, match="unknown entity labels"):
        Schema.load(path)


def test_unknown_builtin_is_rejected():
    with pytest.raises(SchemaError):
        Schema.builtin("nope")
