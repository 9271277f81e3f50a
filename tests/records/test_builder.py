"""The records pipeline on small annotated documents: meetings with all their participants, dates,
places and modes; positions with former; headline and story as one meeting."""
from dignitary.records import build_records

from tests.records.annotate import annotate


def _doc_multi():
    text = ("LIMA, March 4, 2025 - Foreign Minister Ana Ruiz met with Li Wei and Omar Diaz in Lima on Monday. "
            "Ruiz also held a phone call with Hugo Paz.\nThe talks were long. Ruiz then met Eva Sol.")
    return annotate("lima", text, [
        ("Foreign Minister", "TITLE"), ("Ana Ruiz", "PER"), ("Li Wei", "PER"), ("Omar Diaz", "PER"), ("Lima", "GPE"),
        ("Ruiz", "PER"), ("Hugo Paz", "PER"), ("Ruiz", "PER"), ("Eva Sol", "PER")],
        [(2, 1, "has_title"), (2, 3, "met"), (2, 4, "met")])


def test_one_meeting_of_three_dated_from_the_dateline_and_a_call():
    recs = build_records([_doc_multi()])
    three, call, later = recs.meetings
    assert [p.name for p in three.participants] == ["Ana Ruiz", "Li Wei", "Omar Diaz"]
    assert (three.date, three.date_text, three.place, three.mode) == ("2025-03-03", "on Monday", "Lima", "in_person")
    assert three.participants[0].positions == ["Foreign Minister"]
    # "Ruiz" is the document's Ana Ruiz; found by the meeting cue (no model score)
    assert [p.name for p in call.participants] == ["Ana Ruiz", "Hugo Paz"]
    assert call.mode == "phone" and call.confidence is None
    assert call.date == "2025-03-03"  # undated: the date of the sentence before
    assert [p.name for p in later.participants] == ["Ana Ruiz", "Eva Sol"]
    assert (later.date, later.date_text) == ("2025-03", "March 4, 2025")  # nothing near: the dateline's month
    assert len({p.entity for p in three.participants}) == 3


def test_sides_listed_apart_are_separate_meetings():
    text = ("A Foo Party delegation is meeting with Ana Ruiz, local officials and leaders of the Bar Union "
            "in Quito.")
    doc = annotate("d", text, [("Foo Party", "ORG"), ("Ana Ruiz", "PER"), ("Bar Union", "ORG"), ("Quito", "GPE")])
    pairs = sorted(tuple(p.name for p in m.participants) for m in build_records([doc]).meetings)
    assert pairs == [("Foo Party", "Ana Ruiz"), ("Foo Party", "Bar Union")]


def test_headline_and_story_are_one_meeting_with_the_story_date():
    text = ("Li Wei Meets with Ana Ruiz\n\nBeijing, October 13, 2024 - Li Wei met Ana Ruiz, President of the "
            "Foo Party, on Friday. Li Wei met Ana Ruiz again.")
    doc = annotate("d", text, [("Li Wei", "PER"), ("Ana Ruiz", "PER"), ("Li Wei", "PER"), ("Ana Ruiz", "PER"),
                               ("President", "TITLE"), ("Foo Party", "ORG"), ("Li Wei", "PER"), ("Ana Ruiz", "PER")],
                   [(1, 2, "met"), (3, 4, "met"), (4, 5, "has_title"), (5, 6, "title_at"), (7, 8, "met")])
    recs = build_records([doc])
    assert len(recs.meetings) == 1
    m = recs.meetings[0]
    assert (m.date, m.date_text) == ("2024-10-11", "on Friday")
    assert len(m.spans) == 3
    assert {p.name: p.positions for p in m.participants}["Ana Ruiz"] == ["President, Foo Party"]


def test_positions_former_and_someone_elses_title():
    text = ("Former President Hugo Paz met Ana Ruiz. The president's son, Hugo Paz Gil, was present. "
            "Ana Ruiz, ex-minister of the Foo Party, spoke.")
    doc = annotate("d", text, [("Former President", "TITLE"), ("Hugo Paz", "PER"), ("Ana Ruiz", "PER"),
                               ("president", "TITLE"), ("Hugo Paz Gil", "PER"), ("Ana Ruiz", "PER"),
                               ("minister", "TITLE"), ("Foo Party", "ORG")],
                   [(2, 1, "has_title"), (5, 4, "has_title"), (6, 7, "has_title"), (7, 8, "title_at")])
    rows = {(p.person, p.title, p.organization, p.former) for p in build_records([doc]).positions}
    assert rows == {("Hugo Paz", "Former President", "", True), ("Ana Ruiz", "minister", "Foo Party", True)}


def test_a_title_and_the_same_title_at_a_place_are_both_kept():
    text = "Venezuelan President Ana Ruiz spoke. President Ruiz left."
    doc = annotate("d", text, [("Venezuelan", "GPE"), ("President", "TITLE"), ("Ana Ruiz", "PER"),
                               ("President", "TITLE"), ("Ruiz", "PER")],
                   [(3, 2, "has_title"), (2, 1, "title_at"), (5, 4, "has_title")])
    rows = {(p.person, p.title, p.place) for p in build_records([doc]).positions}
    assert rows == {("Ana Ruiz", "President", "Venezuelan"), ("Ana Ruiz", "President", "")}


def test_relative_words_without_a_document_date_keep_their_words():
    doc = annotate("d", "Ana Ruiz met Li Wei on Tuesday.", [("Ana Ruiz", "PER"), ("Li Wei", "PER")], [(1, 2, "met")])
    m = build_records([doc]).meetings[0]
    assert (m.date, m.date_text) == (None, "on Tuesday")
    doc.meta["date"] = "2025-06-11"
    m = build_records([doc]).meetings[0]
    assert (m.date, m.date_text) == ("2025-06-10", "on Tuesday")


def test_a_met_relation_without_a_meeting_word_is_no_meeting():
    """ANNOTATION.md: `met` needs a meeting said with a meeting word; "came to strengthen ties" is none."""
    text = "Yang also came to strengthen ties with the Foo Party. Yang met Ana Ruiz in Lima."
    doc = annotate("d", text, [("Yang", "PER"), ("Foo Party", "ORG"), ("Yang", "PER"), ("Ana Ruiz", "PER"),
                               ("Lima", "GPE")], [(1, 2, "met"), (3, 4, "met")])
    assert [[p.name for p in m.participants] for m in build_records([doc]).meetings] == [["Yang", "Ana Ruiz"]]


def test_every_gold_meeting_of_the_training_files_has_a_meeting_word():
    from pathlib import Path

    from dignitary.records.cue_words import MEETING_WORD
    from dignitary.standoff import load_documents
    from dignitary.text.sentences import split_sentences

    from tests.helpers import REPO

    files = [p for p in sorted((REPO / "data").glob("*.jsonl")) if not p.name.startswith("dev")]
    assert len(files) >= 10
    checked = 0
    for path in files:
        for doc in load_documents(Path(path)):
            ents, sentences = doc.entity_map(), split_sentences(doc.text)
            for r in doc.relations:
                if r.label == "met":
                    start = ents[r.head].start
                    s, e = next((a, b) for a, b in sentences if a <= start < b)
                    assert MEETING_WORD.search(doc.text[s:e]), (path.name, doc.text[s:e])
                    checked += 1
    assert checked > 500
