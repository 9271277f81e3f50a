"""Entities across documents: aliases, transliterations and abbreviations join; people who share
a name stay apart when their titles differ."""
from dignitary.records import build_records

from tests.records.annotate import annotate


def _entity_of(recs, name):
    ids = {p.person_entity for p in recs.positions if p.person == name}
    ids |= {x.entity for m in recs.meetings for x in m.participants if x.name == name}
    assert len(ids) == 1, (name, ids)
    return ids.pop()


def test_aliases_across_documents():
    a = annotate("a", "President Xi Jinping met Nicolás Maduro of the Communist Party of China (CPC).",
                 [("President", "TITLE"), ("Xi Jinping", "PER"), ("Nicolás Maduro", "PER"),
                  ("Communist Party of China", "ORG"), ("CPC", "ORG")], [(2, 1, "has_title"), (2, 3, "met")])
    b = annotate("b", "Xi Jing Ping, the president, met Nicolas Maduro and the Chinese Communist Party.",
                 [("Xi Jing Ping", "PER"), ("president", "TITLE"), ("Nicolas Maduro", "PER"),
                  ("Chinese Communist Party", "ORG")], [(1, 2, "has_title"), (1, 3, "met"), (1, 4, "met")])
    c = annotate("c", "The CPC welcomed Xi Jinping. Xi spoke.", [("CPC", "ORG"), ("Xi Jinping", "PER"), ("Xi", "PER")])
    d = annotate("d", "Xi met the press.", [("Xi", "PER")])  # no full name in the document
    recs = build_records([a, b, c, d])
    assert _entity_of(recs, "Xi Jinping") == _entity_of(recs, "Xi Jing Ping")
    assert _entity_of(recs, "Nicolás Maduro") == _entity_of(recs, "Nicolas Maduro")
    by_id = {e.id: e for e in recs.entities}
    party = by_id[[x.entity for m in recs.meetings for x in m.participants if x.name == "Chinese Communist Party"][0]]
    assert {"CPC", "Communist Party of China", "Chinese Communist Party"} <= party.aliases
    assert by_id[_entity_of(recs, "Xi Jinping")].name == "Xi Jinping"  # the name most documents use
    xi = by_id[_entity_of(recs, "Xi Jinping")]
    assert {"Xi", "Xi Jinping", "Xi Jing Ping"} <= xi.aliases and xi.documents == {"a", "b", "c", "d"}


def test_father_and_son_with_one_name_stay_apart():
    a = annotate("a", "President Nicolás Maduro spoke.", [("President", "TITLE"), ("Nicolás Maduro", "PER")],
                 [(2, 1, "has_title")])
    b = annotate("b", "President Nicolás Maduro Moros and deputy Nicolás Maduro Guerra spoke.",
                 [("President", "TITLE"), ("Nicolás Maduro Moros", "PER"), ("deputy", "TITLE"),
                  ("Nicolás Maduro Guerra", "PER")], [(2, 1, "has_title"), (4, 3, "has_title")])
    recs = build_records([a, b])
    assert _entity_of(recs, "Nicolás Maduro") == _entity_of(recs, "Nicolás Maduro Moros")
    assert _entity_of(recs, "Nicolás Maduro Guerra") != _entity_of(recs, "Nicolás Maduro")


def test_a_short_name_that_fits_two_people_joins_neither():
    a = annotate("a", "Ana Ruiz spoke.", [("Ana Ruiz", "PER")], [])
    b = annotate("b", "Ana Ruiz Paz met Ana Ruiz Gil.", [("Ana Ruiz Paz", "PER"), ("Ana Ruiz Gil", "PER")],
                 [(1, 2, "met")])
    recs = build_records([a, b])
    ids = {e.name: e.id for e in recs.entities}
    assert len({ids["Ana Ruiz"], ids["Ana Ruiz Paz"], ids["Ana Ruiz Gil"]}) == 3


def test_titles_that_disagree_keep_the_only_longer_name_apart():
    a = annotate("a", "President Nicolás Maduro spoke.", [("President", "TITLE"), ("Nicolás Maduro", "PER")],
                 [(2, 1, "has_title")])
    b = annotate("b", "Deputy Nicolás Maduro Guerra spoke.", [("Deputy", "TITLE"), ("Nicolás Maduro Guerra", "PER")],
                 [(2, 1, "has_title")])
    recs = build_records([a, b])
    assert _entity_of(recs, "Nicolás Maduro Guerra") != _entity_of(recs, "Nicolás Maduro")
