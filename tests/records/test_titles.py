"""Corrections to the offices from the wording: caption positions and words that are no office,
an ambassador's posting, coordinated titles before a name, a name set off after its title."""
from dignitary.records import build_records
from dignitary.records.titles import corrected

from tests.records.annotate import annotate


def _positions(doc):
    return {(p.person, p.title, p.organization or p.place) for p in build_records([doc]).positions}


def test_a_caption_position_is_no_title():
    text = "Trade delegates: Ana Ruiz (second from left) and Li Wei (right) in Quito."
    doc = annotate("d", text, [("Ana Ruiz", "PER"), ("second from left", "TITLE"), ("Li Wei", "PER"),
                               ("right", "TITLE"), ("Quito", "GPE")],
                   [(1, 2, "has_title"), (3, 4, "has_title")])
    assert _positions(doc) == set()


def test_a_title_in_brackets_is_still_a_title():
    doc = annotate("d", "Ana Ruiz (chair) opened the session.", [("Ana Ruiz", "PER"), ("chair", "TITLE")],
                   [(1, 2, "has_title")])
    assert _positions(doc) == {("Ana Ruiz", "chair", "")}


def test_a_counterpart_is_no_office_but_a_member_of_its_state():
    text = "Ana Ruiz later phoned her Peruvian counterpart, Hugo Paz."
    doc = annotate("d", text, [("Ana Ruiz", "PER"), ("Peruvian", "GPE"), ("counterpart", "TITLE"), ("Hugo Paz", "PER")],
                   [(3, 2, "title_at"), (4, 3, "has_title")])
    assert _positions(doc) == {("Hugo Paz", "", "Peruvian")}


def test_an_ambassador_is_held_at_the_sending_state_not_the_post():
    text = "The Peruvian Ambassador in Quito, Hugo Paz, and the Ambassador of Chile to Peru, Ana Ruiz, came."
    doc = annotate("d", text, [("Peruvian", "GPE"), ("Ambassador", "TITLE"), ("Quito", "GPE"), ("Hugo Paz", "PER"),
                               ("Ambassador", "TITLE"), ("Chile", "GPE"), ("Peru", "GPE"), ("Ana Ruiz", "PER")],
                   [(2, 1, "title_at"), (2, 3, "title_at"), (4, 2, "has_title"),
                    (5, 6, "title_at"), (5, 7, "title_at"), (8, 5, "has_title")])
    assert _positions(doc) == {("Hugo Paz", "Ambassador", "Peruvian"), ("Ana Ruiz", "Ambassador", "Chile")}


def test_a_minister_in_a_city_keeps_the_city():
    text = "The Minister in Quito, Hugo Paz, spoke."
    doc = annotate("d", text, [("Minister", "TITLE"), ("Quito", "GPE"), ("Hugo Paz", "PER")],
                   [(1, 2, "title_at"), (3, 1, "has_title")])
    assert _positions(doc) == {("Hugo Paz", "Minister", "Quito")}


def test_coordinated_titles_of_one_body_before_a_name_are_both_held():
    text = "Foo Party treasurer and spokeswoman Ana Ruiz joined the trade mission."
    doc = annotate("d", text, [("Foo Party", "ORG"), ("treasurer", "TITLE"), ("spokeswoman", "TITLE"),
                               ("Ana Ruiz", "PER")], [(2, 1, "title_at"), (4, 3, "has_title")])
    assert _positions(doc) == {("Ana Ruiz", "treasurer", "Foo Party"), ("Ana Ruiz", "spokeswoman", "Foo Party")}


def test_coordinated_titles_with_no_body_may_be_two_people():
    text = "Chancellor and Governor Ana Ruiz at the signing."
    doc = annotate("d", text, [("Chancellor", "TITLE"), ("Governor", "TITLE"), ("Ana Ruiz", "PER")],
                   [(3, 2, "has_title")])
    assert _positions(doc) == {("Ana Ruiz", "Governor", "")}


def test_a_title_held_by_someone_else_before_the_and_stays_theirs():
    text = "Hugo Paz became Governor and Mayor Ana Ruiz resigned."
    doc = annotate("d", text, [("Hugo Paz", "PER"), ("Governor", "TITLE"), ("Mayor", "TITLE"), ("Ana Ruiz", "PER")],
                   [(1, 2, "has_title"), (4, 3, "has_title")])
    assert _positions(doc) == {("Hugo Paz", "Governor", ""), ("Ana Ruiz", "Mayor", "")}


def test_a_name_set_off_after_its_title_holds_it():
    text = ("Present were the Director of the Harbour Authority of Callao, Hugo Paz; the Treasurer of the Foo "
            "Union, Ana Ruiz, and others.")
    doc = annotate("d", text, [("Director", "TITLE"), ("Harbour Authority", "ORG"), ("Callao", "GPE"),
                               ("Hugo Paz", "PER"), ("Treasurer", "TITLE"), ("Foo Union", "ORG"), ("Ana Ruiz", "PER")],
                   [(1, 2, "title_at"), (5, 6, "title_at")])
    assert _positions(doc) == {("Hugo Paz", "Director", "Harbour Authority"), ("Ana Ruiz", "Treasurer", "Foo Union")}


def test_a_name_after_a_title_and_a_comma_may_start_its_own_clause():
    text = "According to the minister, Ana Ruiz said no. Li Wei, the Treasurer, Hugo Paz and Eva Sol left."
    doc = annotate("d", text, [("minister", "TITLE"), ("Ana Ruiz", "PER"), ("Li Wei", "PER"), ("Treasurer", "TITLE"),
                               ("Hugo Paz", "PER"), ("Eva Sol", "PER")])
    assert not [r for r in corrected(doc).relations if r.label == "has_title"]


def test_a_title_after_the_article_before_another_title_and_a_name_is_someone_elses():
    text = "The Peruvian Chancellor and Governor Ana Ruiz discussed the budget."
    doc = annotate("d", text, [("Peruvian", "GPE"), ("Chancellor", "TITLE"), ("Governor", "TITLE"),
                               ("Ana Ruiz", "PER")], [(2, 1, "title_at"), (4, 3, "has_title")])
    assert _positions(doc) == {("Ana Ruiz", "Governor", "Peruvian")}


def test_a_title_the_name_speaks_for_is_not_the_names():
    text = "A spokeswoman for the Foo Union Chair, Ana Ruiz, said so. Aide to the Mayor, Eva Sol, came."
    doc = annotate("d", text, [("spokeswoman", "TITLE"), ("Foo Union", "ORG"), ("Chair", "TITLE"), ("Ana Ruiz", "PER"),
                               ("Aide", "TITLE"), ("Mayor", "TITLE"), ("Eva Sol", "PER")],
                   [(3, 2, "title_at"), (7, 5, "has_title")])
    assert _positions(doc) == {("Eva Sol", "Aide", "")}


def test_a_title_in_a_phrase_of_no_office_is_the_names():
    text = "A letter from the office of the Governor, Hugo Paz, arrived."
    doc = annotate("d", text, [("Governor", "TITLE"), ("Hugo Paz", "PER")])
    assert _positions(doc) == {("Hugo Paz", "Governor", "")}


def test_a_qualifier_alone_is_no_title():
    text = "The party repaid its former Foo Party Treasurer Hugo Paz."
    doc = annotate("d", text, [("former", "TITLE"), ("Foo Party", "ORG"), ("Treasurer", "TITLE"), ("Hugo Paz", "PER")],
                   [(1, 2, "title_at"), (3, 2, "title_at"), (4, 1, "has_title"), (4, 3, "has_title")])
    rows = {(p.person, p.title, p.organization, p.former) for p in build_records([doc]).positions}
    assert rows == {("Hugo Paz", "Treasurer", "Foo Party", True)}


def test_a_possessive_body_before_coordinated_titles_holds_for_each():
    text = "Ana Ruiz, Foo Bank's chairwoman and chief executive, resigned."
    doc = annotate("d", text, [("Ana Ruiz", "PER"), ("Foo Bank", "ORG"), ("chairwoman", "TITLE"),
                               ("chief executive", "TITLE")],
                   [(1, 3, "has_title"), (1, 4, "has_title"), (3, 2, "title_at")])
    assert _positions(doc) == {("Ana Ruiz", "chairwoman", "Foo Bank"), ("Ana Ruiz", "chief executive", "Foo Bank")}


def test_a_citizen_or_a_successor_is_no_office():
    text = "The Chilean citizen Hugo Paz met Ana Ruiz, his successor."
    doc = annotate("d", text, [("Chilean", "GPE"), ("citizen", "TITLE"), ("Hugo Paz", "PER"), ("Ana Ruiz", "PER"),
                               ("successor", "TITLE")],
                   [(2, 1, "title_at"), (3, 2, "has_title"), (4, 5, "has_title")])
    assert _positions(doc) == {("Hugo Paz", "", "Chilean")}
