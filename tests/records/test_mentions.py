"""Cut mentions joined again: a title in two pieces held by one person, a name cut inside brackets."""
from dignitary.records import build_records
from dignitary.records.mentions import joined_mentions

from tests.records.annotate import annotate


def _spans(doc):
    return sorted((doc.mention_text(e), e.label) for e in doc.entities)


def test_a_portfolio_and_its_office_are_one_title():
    text = "The talks were chaired by trade and industry minister Ana Ruiz in Lima."
    doc = annotate("d", text, [("trade and industry", "TITLE"), ("minister", "TITLE"), ("Ana Ruiz", "PER"),
                               ("Lima", "GPE")], [(3, 1, "has_title"), (3, 2, "has_title")])
    joined = joined_mentions(doc)
    assert ("trade and industry minister", "TITLE") in _spans(joined)
    rows = [(p.person, p.title) for p in build_records([doc]).positions]
    assert rows == [("Ana Ruiz", "trade and industry minister")]


def test_an_office_of_a_portfolio_keeps_the_body_of_either_piece():
    text = "Li Wei, Deputy Director of Asian Affairs of the Foo Ministry, arrived."
    doc = annotate("d", text, [("Li Wei", "PER"), ("Deputy Director", "TITLE"), ("Asian Affairs", "TITLE"),
                               ("Foo Ministry", "ORG")],
                   [(1, 2, "has_title"), (1, 3, "has_title"), (3, 4, "title_at")])
    rows = {(p.person, p.title, p.organization) for p in build_records([doc]).positions}
    assert rows == {("Li Wei", "Deputy Director of Asian Affairs", "Foo Ministry")}


def test_a_rank_and_titles_of_different_people_stay_apart():
    text = "Defence Minister General Hugo Paz greeted the minister Ana Ruiz."
    doc = annotate("d", text, [("Defence Minister", "TITLE"), ("General", "TITLE"), ("Hugo Paz", "PER"),
                               ("minister", "TITLE"), ("Ana Ruiz", "PER")],
                   [(3, 1, "has_title"), (3, 2, "has_title"), (5, 4, "has_title")])
    assert joined_mentions(doc) is doc
    rows = {(p.person, p.title) for p in build_records([doc]).positions}
    assert rows == {("Hugo Paz", "Defence Minister"), ("Hugo Paz", "General"), ("Ana Ruiz", "minister")}


def test_titles_side_by_side_of_two_people_stay_apart():
    text = "The ambassador, minister Ana Ruiz and Li Wei came."
    doc = annotate("d", text, [("ambassador", "TITLE"), ("minister", "TITLE"), ("Ana Ruiz", "PER"), ("Li Wei", "PER")],
                   [(4, 1, "has_title"), (3, 2, "has_title")])
    assert joined_mentions(doc) is doc


def test_a_name_cut_inside_its_brackets_is_one_name():
    text = "Hugo Paz, Secretary of the Workers' Party (WP) Youth League in Quito, spoke."
    doc = annotate("d", text, [("Hugo Paz", "PER"), ("Secretary", "TITLE"), ("Workers' Party", "ORG"),
                               ("WP) Youth League", "ORG"), ("Quito", "GPE")],
                   [(1, 2, "has_title"), (2, 3, "title_at")])
    assert ("Workers' Party (WP) Youth League", "ORG") in _spans(joined_mentions(doc))
    rows = {(p.person, p.title, p.organization) for p in build_records([doc]).positions}
    assert rows == {("Hugo Paz", "Secretary", "Workers' Party (WP) Youth League")}


def test_a_name_and_its_abbreviation_in_brackets_stay_two_mentions():
    text = "Ana Ruiz leads the Workers' Party (WP)."
    doc = annotate("d", text, [("Ana Ruiz", "PER"), ("Workers' Party", "ORG"), ("WP", "ORG")])
    assert joined_mentions(doc) is doc


def test_a_qualifier_cut_from_its_title_joins_it():
    text = "Ex-minister Hugo Paz and former Governor Ana Ruiz were there."
    doc = annotate("d", text, [("Ex", "TITLE"), ("minister", "TITLE"), ("Hugo Paz", "PER"), ("former", "TITLE"),
                               ("Governor", "TITLE"), ("Ana Ruiz", "PER")],
                   [(3, 1, "has_title"), (3, 2, "has_title"), (6, 4, "has_title"), (6, 5, "has_title")])
    rows = {(p.person, p.title, p.former) for p in build_records([doc]).positions}
    assert rows == {("Hugo Paz", "Ex-minister", True), ("Ana Ruiz", "former Governor", True)}


def test_a_kinship_word_never_joins_the_title_after_it():
    text = "Hugo Paz, nephew of Senator Ana Ruiz, spoke."
    doc = annotate("d", text, [("Hugo Paz", "PER"), ("nephew", "TITLE"), ("Senator", "TITLE"), ("Ana Ruiz", "PER")],
                   [(1, 2, "has_title"), (1, 3, "has_title")])
    assert joined_mentions(doc) is doc
