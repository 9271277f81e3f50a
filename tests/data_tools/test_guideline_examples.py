import json
import random
from pathlib import Path

from guideline_examples import HONORIFICS, Builder, generate, relative, roster

from dignitary.schema import Schema
from dignitary.text.sentences import split_sentences
from dignitary.validation import parse_record

SHIPPED = Path(__file__).resolve().parents[2] / "data" / "guideline_examples.jsonl"


def sentence_of(spans, start):
    return next(i for i, (s, e) in enumerate(spans) if s <= start < e)


def test_examples_follow_the_schema_and_the_span_rules():
    schema = Schema.builtin("default")
    records = generate(documents=12, sentences=8, seed=3)
    labels = {r["label"] for rec in records for r in rec["relations"]}
    assert labels == {"has_title", "title_at", "member_of", "met"}
    for record in records:
        doc = parse_record(record, schema)  # types, offsets, no overlaps
        text = doc.text
        spans = split_sentences(text)
        for e in doc.entities:
            mention = text[e.start:e.end]
            assert mention == mention.strip() and mention
            assert not mention.lower().startswith(("the ", "a ", "his ")), mention
            if e.label == "PER":
                assert mention.split()[0] not in HONORIFICS
        entities = doc.entity_map()
        for r in doc.relations:
            head, tail = entities[r.head], entities[r.tail]
            assert sentence_of(spans, head.start) == sentence_of(spans, tail.start), (text, r)
            if r.label == "met":
                assert head.start < tail.start


def test_examples_are_deterministic_for_a_seed():
    assert generate(4, 5, seed=1) == generate(4, 5, seed=1)
    assert generate(4, 5, seed=1) != generate(4, 5, seed=2)


def test_shipped_file_is_the_generator_output():
    shipped = [json.loads(line) for line in SHIPPED.read_text(encoding="utf-8").splitlines()]
    assert shipped == generate()


def test_a_relative_of_an_office_holder_holds_no_title():
    for seed in range(20):
        b = Builder()
        relative(b, random.Random(seed))
        person = next(e for e in b.entities if e["label"] == "PER")
        assert all(person["id"] not in (r["head"], r["tail"]) for r in b.relations), b.text
        assert [r["label"] for r in b.relations] == ["title_at"]


def test_a_title_first_roster_links_each_holder_to_the_title_before_it():
    seen = 0
    for seed in range(40):
        b = Builder()
        roster(b, random.Random(seed))
        if "; the " not in b.text:
            continue
        seen += 1
        by_id = {e["id"]: e for e in b.entities}
        for r in b.relations:
            if r["label"] == "has_title":
                person, title = by_id[r["head"]], by_id[r["tail"]]
                assert title["end"] < person["start"], b.text
                between = b.text[title["end"]:person["start"]]
                assert ";" not in between and between.endswith(", "), b.text
    assert seen
