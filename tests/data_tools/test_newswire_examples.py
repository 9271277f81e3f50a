import json
from pathlib import Path

from newswire_examples import HONORIFICS, generate

from dignitary.schema import Schema
from dignitary.text.sentences import split_sentences
from dignitary.validation import parse_record

SHIPPED = Path(__file__).resolve().parents[2] / "data" / "newswire_examples.jsonl"


def _sentence(spans, start):
    return next(i for i, (s, e) in enumerate(spans) if s <= start < e)


def test_examples_follow_the_schema_and_keep_relations_in_one_sentence():
    schema = Schema.builtin("default")
    records = generate(documents=15, sentences=8, seed=5)
    assert {r["label"] for rec in records for r in rec["relations"]} >= {"has_title", "title_at", "met"}
    for record in records:
        doc = parse_record(record, schema)
        spans = split_sentences(doc.text)
        entities = doc.entity_map()
        for e in doc.entities:
            mention = doc.mention_text(e)
            assert mention == mention.strip() and not mention.lower().startswith(("the ", "a "))
            if e.label == "PER":  # honorifics stay outside the name
                assert not any(mention.startswith(h + " ") for h in HONORIFICS + ["Lord", "Baroness"]), mention
        for r in doc.relations:
            head, tail = entities[r.head], entities[r.tail]
            assert _sentence(spans, head.start) == _sentence(spans, tail.start), (doc.text, r)


def test_dotted_acronyms_and_datelines_are_single_mentions():
    records = generate(documents=40, sentences=8, seed=0)
    mentions = [(rec["text"][e["start"]:e["end"]], e["label"]) for rec in records for e in rec["entities"]]
    assert ("U.S.", "GPE") in mentions and ("U.K.", "GPE") in mentions
    assert not any(text in ("U.", "S.", "U", "S") for text, _ in mentions)
    openings = [rec["text"].split(" ", 1)[0].rstrip(",") for rec in records]
    assert any(word.isupper() and len(word) > 3 for word in openings)  # a capitalised wire dateline


def test_shipped_file_is_the_generator_output():
    shipped = [json.loads(line) for line in SHIPPED.read_text(encoding="utf-8").splitlines()]
    assert shipped == generate()
