"""Meeting cues: the sides a meeting word links, never a mention that only qualifies another."""
from dignitary.records.cues import cue_meetings
from dignitary.text.sentences import split_sentences

from tests.records.annotate import annotate


def _names(doc):
    ents = doc.entity_map()
    return [[doc.mention_text(ents[i]) for i in ids] for ids, _, _ in cue_meetings(doc, split_sentences(doc.text))]


def test_hub_and_every_listed_side():
    doc = annotate("d", "Ana Ruiz met with Li Wei and Omar Diaz in Lima.",
                   [("Ana Ruiz", "PER"), ("Li Wei", "PER"), ("Omar Diaz", "PER"), ("Lima", "GPE")])
    assert _names(doc) == [["Ana Ruiz", "Li Wei", "Omar Diaz"]]


def test_title_bodies_and_possessives_are_not_sides():
    text = ("The Foo Party's Ana Ruiz, Minister of the Bar Department (BD), held talks with Li Wei, "
            "member of the Baz Committee.")
    doc = annotate("d", text, [("Foo Party", "ORG"), ("Ana Ruiz", "PER"), ("Minister", "TITLE"),
                               ("Bar Department", "ORG"), ("BD", "ORG"), ("Li Wei", "PER"), ("member", "TITLE"),
                               ("Baz Committee", "ORG")],
                   [(2, 3, "has_title"), (3, 4, "title_at"), (6, 7, "has_title"), (7, 8, "title_at")])
    assert _names(doc) == [["Ana Ruiz", "Li Wei"]]


def test_delegation_of_an_organization_led_by_a_person_links_the_person():
    doc = annotate("d", "Ana Ruiz received a delegation of the Foo Party led by Li Wei.",
                   [("Ana Ruiz", "PER"), ("Foo Party", "ORG"), ("Li Wei", "PER")])
    assert _names(doc) == [["Ana Ruiz", "Li Wei"]]


def test_plans_letters_and_pronouns_are_not_meetings():
    for text in ("Ana Ruiz will meet with Li Wei next week.",
                 "Ana Ruiz received a letter from Li Wei.",
                 "Ana Ruiz said that he met with Li Wei."):
        doc = annotate("d", text, [("Ana Ruiz", "PER"), ("Li Wei", "PER")])
        assert _names(doc) == [], text


def test_their_talks_between_two_coordinated_people():
    doc = annotate("d", "After their talks in Quito, Ana Ruiz and Li Wei signed a statement.",
                   [("Quito", "GPE"), ("Ana Ruiz", "PER"), ("Li Wei", "PER")])
    assert _names(doc) == [["Ana Ruiz", "Li Wei"]]


def test_cues_never_add_a_pair_the_training_annotators_did_not_mark():
    """On the gold annotations of the training files, every pair a cue finds is a gold ``met`` pair."""
    from dignitary.jsonl import read_jsonl
    from dignitary.records.linking import link_mentions, normalize

    from tests.helpers import REPO

    found = wrong = 0
    for name in ("train.jsonl", "guideline_examples.jsonl", "train_es.jsonl", "train_pt.jsonl", "train_zh.jsonl",
                 "guideline_examples_es.jsonl", "guideline_examples_pt.jsonl", "guideline_examples_zh.jsonl"):
        for doc in read_jsonl(REPO / "data" / name):
            canon = link_mentions(doc)
            ents = doc.entity_map()

            def key(a, b, doc=doc, ents=ents, canon=canon):
                return frozenset(normalize(doc.mention_text(ents[canon[x]])) for x in (a, b))

            gold = {key(r.head, r.tail) for r in doc.relations if r.label == "met"}
            for ids, _, _ in cue_meetings(doc, split_sentences(doc.text)):
                for other in ids[1:]:
                    found += 1
                    wrong += key(ids[0], other) not in gold
    assert found > 40 and wrong == 0


def test_coordinated_subjects_and_prepositional_meetings():
    doc = annotate("d", "Ana Ruiz, Minister of Labor of Peru, and Li Wei held talks on Monday.",
                   [("Ana Ruiz", "PER"), ("Minister of Labor", "TITLE"), ("Peru", "GPE"), ("Li Wei", "PER")],
                   [(1, 2, "has_title"), (2, 3, "title_at")])
    assert _names(doc) == [["Ana Ruiz", "Li Wei"]]
    doc = annotate("d", "In a phone call with Li Wei, Peru's ambassador to Chile, Ana Ruiz said that trade grew.",
                   [("Li Wei", "PER"), ("Peru", "GPE"), ("ambassador", "TITLE"), ("Chile", "GPE"), ("Ana Ruiz", "PER")],
                   [(1, 3, "has_title"), (3, 2, "title_at")])
    assert _names(doc) == [["Ana Ruiz", "Li Wei"]]
    doc = annotate("d", "In talks with Li Wei, officials said Ana Ruiz would come.",
                   [("Li Wei", "PER"), ("Ana Ruiz", "PER")])
    assert _names(doc) == []
