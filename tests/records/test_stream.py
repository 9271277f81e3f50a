"""``extract --tables``: the positions and meetings of each document, as ``dignitary records`` writes them."""
import csv

from dignitary.cli import main
from dignitary.jsonl import write_jsonl
from dignitary.records.export import MEETING_COLUMNS, POSITION_COLUMNS
from dignitary.records.stream import TableWriter

from tests.records.annotate import annotate

CORPUS_COLUMNS = {"person_entity", "event_id", "participant_entities"}  # filled by `dignitary records` only


def _docs():
    a = annotate("a", "CARACAS, June 10, 2025 - Foreign Minister Yván Gil of Venezuela met Wang Yi in Caracas.",
                 [("Foreign Minister", "TITLE"), ("Yván Gil", "PER"), ("Venezuela", "GPE"), ("Wang Yi", "PER"),
                  ("Caracas", "GPE")],
                 [(2, 1, "has_title"), (1, 3, "title_at"), (2, 4, "met")])
    b = annotate("b", "Diosdado Cabello, a member of the United Socialist Party of Venezuela, spoke.",
                 [("Diosdado Cabello", "PER"), ("United Socialist Party of Venezuela", "ORG")],
                 [(1, 2, "member_of")])
    return [a, b]


def _read(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_rows_name_person_title_and_where_with_the_records_columns(tmp_path):
    writer = TableWriter(tmp_path)
    writer.write(_docs()[:1])
    writer.write(_docs()[1:])
    writer.close()
    positions, meetings = _read(tmp_path / "positions.csv"), _read(tmp_path / "meetings.csv")
    assert [tuple(row) for row in positions[:1] + meetings[:1]] == [POSITION_COLUMNS, MEETING_COLUMNS]
    assert [(p["doc_id"], p["person"], p["title"], p["organization"], p["place"], p["date"]) for p in positions] == \
        [("a", "Yván Gil", "Foreign Minister", "", "Venezuela", "2025-06-10"),
         ("b", "Diosdado Cabello", "", "United Socialist Party of Venezuela", "", "")]
    [meeting] = meetings
    assert (meeting["doc_id"], meeting["participants"], meeting["date"], meeting["place"]) == \
        ("a", "Yván Gil; Wang Yi", "2025-06-10", "Caracas")
    assert meeting["participant_positions"] == "Foreign Minister, Venezuela | "


def test_streamed_tables_equal_the_records_tables_but_corpus_ids(tmp_path):
    annotated = tmp_path / "annotated.jsonl"
    write_jsonl(_docs(), annotated)
    assert main(["records", str(annotated), "-o", str(tmp_path / "records"), "--no-html"]) == 0
    writer = TableWriter(tmp_path / "stream")
    writer.write(_docs())
    writer.close()
    for name in ("positions.csv", "meetings.csv"):
        full = _read(tmp_path / "records" / name)
        streamed = _read(tmp_path / "stream" / name)
        assert full and len(streamed) == len(full)
        assert all(not row[c].strip("; ") for row in streamed for c in CORPUS_COLUMNS if c in row)  # no ids
        assert [{k: v for k, v in row.items() if k not in CORPUS_COLUMNS} for row in streamed] == \
            [{k: v for k, v in row.items() if k not in CORPUS_COLUMNS} for row in full]


def test_a_document_without_relations_adds_no_row(tmp_path):
    writer = TableWriter(tmp_path)
    writer.write([annotate("c", "Wang Yi spoke.", [("Wang Yi", "PER")])])
    writer.close()
    assert _read(tmp_path / "positions.csv") == [] and _read(tmp_path / "meetings.csv") == []
    assert (tmp_path / "positions.csv").read_text(encoding="utf-8").startswith("doc_id,person,person_entity,title")
