"""Records from the reviewed dev annotations: positions, meetings, linking, exports, HTML."""
import xml.etree.ElementTree as ET

import pytest

from dignitary.document import Document, Entity
from dignitary.jsonl import read_jsonl
from dignitary.records import build_records
from dignitary.records.export import write_graphml, write_tables
from dignitary.records.linking import link_mentions

from tests.helpers import REPO


@pytest.fixture(scope="module")
def dev_docs():
    return read_jsonl(REPO / "data" / "dev.jsonl")


@pytest.fixture(scope="module")
def records(dev_docs):
    return build_records(dev_docs)


def _meeting(records, a, b):
    found = [m for m in records.meetings if {p.name for p in m.participants} == {a, b}]
    assert len(found) == 1, [(m.doc_id, [p.name for p in m.participants]) for m in records.meetings]
    return found[0]


def test_each_meeting_once_with_both_sides_positions(records):
    m = _meeting(records, "Wu Hansheng", "Diosdado Cabello")
    sides = {p.name: p.positions for p in m.participants}
    assert set(sides["Diosdado Cabello"]) == {"vice president, United Socialist Party of Venezuela",
                                              "interior minister", "party secretary"}
    # a photo caption with no date: the month of the dateline ("Guacamaya, June 11, 2025.")
    assert (m.date, m.date_text, m.doc_id) == ("2025-06", "June 11, 2025", "seed-000")
    m = _meeting(records, "Diosdado Cabello Rondón", "Wu Hansheng")
    sides = {p.name: p.positions for p in m.participants}
    assert "general secretary, United Socialist Party of Venezuela" in sides["Diosdado Cabello Rondón"]
    assert any("Department of Social Work of the CPC Central Committee" in x for x in sides["Wu Hansheng"])
    m = _meeting(records, "Chinese Communist Party", "Nicolás Maduro")
    assert m.place == "Caracas"
    assert len({frozenset(p.name for p in m.participants) for m in records.meetings}) == len(records.meetings)


def test_headline_and_story_are_one_meeting_dated_by_the_nearest_dateline():
    text = ("Ma Hui Meets with Alberto Anaya\n\nBeijing, October 13th – Ma Hui met Alberto Anaya, President of the "
            "Labor Party. Ma Hui met Alberto Anaya again.")
    names = [("Ma Hui", "PER"), ("Alberto Anaya", "PER"), ("Ma Hui", "PER"), ("Alberto Anaya", "PER"),
             ("President", "TITLE"), ("Labor Party", "ORG"), ("Ma Hui", "PER"), ("Alberto Anaya", "PER")]
    ents, pos = [], 0
    for i, (s, label) in enumerate(names, 1):
        start = text.index(s, pos)
        ents.append(Entity(start, start + len(s), label, f"T{i}"))
        pos = start + len(s)
    from dignitary.document import Relation

    rels = [Relation("T1", "T2", "met"), Relation("T3", "T4", "met"), Relation("T4", "T5", "has_title"),
            Relation("T5", "T6", "title_at"), Relation("T7", "T8", "met")]
    recs = build_records([Document("d", text, ents, rels)])
    assert len(recs.meetings) == 1
    m = recs.meetings[0]
    assert {p.name: p.positions for p in m.participants}["Alberto Anaya"] == ["President, Labor Party"]
    m = build_records([Document("d", text, ents, rels[1:])]).meetings[0]
    assert (m.date, m.date_text) == ("XXXX-10-13", "October 13th")  # the year is never given


def test_positions_join_title_and_place(records):
    rows = {(p.person, p.title, p.organization, p.place) for p in records.positions if p.doc_id == "seed-000"}
    assert ("Nicolás Maduro", "President", "", "Venezuela") in rows
    assert ("Diosdado Cabello", "vice president", "United Socialist Party of Venezuela", "") in rows
    # "President Nicolás Maduro" elsewhere is a position of its own (RECORDS.md scores both)
    assert ("Nicolás Maduro", "President", "", "") in rows


def test_short_names_and_abbreviations_link_within_a_document():
    text = "Nicolás Maduro met the Communist Party of China (CPC) envoy Ma Hui. Maduro thanked Ma and the CPC."
    spans = [("Nicolás Maduro", "PER"), ("Communist Party of China", "ORG"), ("CPC", "ORG"), ("Ma Hui", "PER"),
             ("Maduro", "PER"), ("Ma", "PER"), ("CPC", "ORG")]
    ents, pos = [], 0
    for i, (s, label) in enumerate(spans, 1):
        start = text.index(s, pos)
        ents.append(Entity(start, start + len(s), label, f"T{i}"))
        pos = start + len(s)
    canon = link_mentions(Document("x", text, ents))
    assert canon["T5"] == "T1" and canon["T6"] == "T4"
    assert canon["T3"] == "T2" and canon["T7"] == "T2"
    assert canon["T1"] == "T1"


def test_multiword_name_is_not_merged_into_a_longer_one():
    text = "Nicolás Maduro and his son Nicolás Maduro Guerra."
    ents = [Entity(0, 14, "PER", "T1"), Entity(27, 48, "PER", "T2")]
    assert link_mentions(Document("x", text, ents)) == {"T1": "T1", "T2": "T2"}


def test_surname_links_to_the_name_it_ends_not_the_nearest_that_contains_it():
    text = "Nicolás Maduro and his son Nicolás Maduro Guerra. Maduro spoke."
    ents = [Entity(0, 14, "PER", "T1"), Entity(27, 48, "PER", "T2"), Entity(50, 56, "PER", "T3")]
    assert text[50:56] == "Maduro"
    assert link_mentions(Document("x", text, ents))["T3"] == "T1"


def test_cross_document_entities_have_aliases(records):
    by_alias = {a: e for e in records.entities for a in e.aliases}
    assert {"CPC", "Communist Party of China", "CCP"} <= by_alias["Communist Party of China"].aliases
    assert len(by_alias["Wu Hansheng"].documents) >= 2
    assert by_alias["Diosdado Cabello"] is by_alias["Diosdado Cabello Rondón"]


def test_the_meeting_two_documents_report_is_one_event(records):
    wu_cabello = [m for m in records.meetings if {p.name for p in m.participants} & {"Wu Hansheng"}
                  and any(p.name.startswith("Diosdado Cabello") for p in m.participants)]
    assert sorted(m.doc_id for m in wu_cabello) == ["seed-000", "seed-001"]
    assert len({m.event_id for m in wu_cabello}) == 1
    assert len({m.event_id for m in records.meetings}) == len(records.meetings) - 1


def test_exports(tmp_path, records):
    written = write_tables(records, tmp_path)
    names = {p.name for p in written}
    assert {"positions.csv", "meetings.csv", "entities.csv"} <= names
    assert "meetings.parquet" in names
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "meetings.parquet").num_rows == len(records.meetings)
    graph = ET.parse(write_graphml(records, tmp_path / "g.graphml"))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    pairs = sum(len(m.participants) * (len(m.participants) - 1) // 2 for m in records.meetings)
    assert len(graph.findall(".//g:edge", ns)) == pairs
