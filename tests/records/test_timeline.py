"""Offices over time: one tenure per person and office across documents, first and last date seen."""
from dignitary.records import build_records

from tests.records.annotate import annotate


def test_tenure_spans_documents_and_ends_former():
    a = annotate("a", "LIMA, May 2, 2023 - Minister Ana Ruiz spoke.", [("Minister", "TITLE"), ("Ana Ruiz", "PER")],
                 [(2, 1, "has_title")])
    b = annotate("b", "LIMA, June 9, 2024 - Minister Ruiz and Ana Ruiz spoke.",
                 [("Minister", "TITLE"), ("Ruiz", "PER"), ("Ana Ruiz", "PER")], [(2, 1, "has_title")])
    c = annotate("c", "QUITO, March 1, 2025 - Former Minister Ana Ruiz met Li Wei.",
                 [("Former Minister", "TITLE"), ("Ana Ruiz", "PER"), ("Li Wei", "PER")], [(2, 1, "has_title")])
    recs = build_records([c, a, b])
    assert len(recs.tenures) == 1
    t = recs.tenures[0]
    assert (t.person, t.title, t.first_seen, t.last_seen, t.documents, t.former) == \
        ("Ana Ruiz", "Minister", "2023-05-02", "2025-03-01", ["a", "b", "c"], True)


def test_offices_at_different_bodies_are_different_tenures():
    a = annotate("a", "Ana Ruiz, president of the Foo Party, and president of the Bar Union.",
                 [("Ana Ruiz", "PER"), ("president", "TITLE"), ("Foo Party", "ORG"), ("president", "TITLE"),
                  ("Bar Union", "ORG")], [(1, 2, "has_title"), (2, 3, "title_at"), (1, 4, "has_title"),
                                          (4, 5, "title_at")])
    recs = build_records([a])
    assert sorted(t.organization for t in recs.tenures) == ["Bar Union", "Foo Party"]
    assert all(t.first_seen is None for t in recs.tenures)  # the document has no date
