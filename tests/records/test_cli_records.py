"""`dignitary records` writes the RECORDS.md files, events, tenures, PLOVER, tables and the report."""
import json

from dignitary.cli import main

from tests.records.annotate import annotate


def _inputs(tmp_path):
    a = annotate("a", "QUITO, March 4, 2025 - Ana Ruiz met with Li Wei in Quito on Monday.",
                 [("Ana Ruiz", "PER"), ("Li Wei", "PER"), ("Quito", "GPE")], [(1, 2, "met")])
    b = annotate("b", "LIMA, March 5, 2025 - Foreign Minister Li Wei held talks with Ana Ruiz on March 3.",
                 [("Foreign Minister", "TITLE"), ("Li Wei", "PER"), ("Ana Ruiz", "PER")], [(2, 1, "has_title")])
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in (a, b)), encoding="utf-8")
    return path


def _read(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_records_command_writes_every_output(tmp_path, capsys):
    out = tmp_path / "rec"
    assert main(["records", str(_inputs(tmp_path)), "-o", str(out)]) == 0
    assert "2 meetings, 1 events" in capsys.readouterr().out
    meetings = _read(out / "meetings.jsonl")
    assert list(meetings[0]) == ["doc_id", "event_id", "participants", "date", "date_text", "place", "mode",
                                 "evidence", "confidence"]
    assert [(m["doc_id"], m["date"], m["date_text"], m["place"]) for m in meetings] == \
        [("a", "2025-03-03", "on Monday", "Quito"), ("b", "2025-03-03", "on March 3", None)]
    assert meetings[0]["event_id"] == meetings[1]["event_id"]
    assert meetings[0]["participants"][0] == {"name": "Ana Ruiz", "label": "PER",
                                              "entity": meetings[1]["participants"][1]["entity"]}
    assert meetings[0]["evidence"] == [{"start": 0, "end": 67}]
    (position,) = _read(out / "positions.jsonl")
    assert position == {"doc_id": "b", "person": "Li Wei", "person_entity": meetings[0]["participants"][1]["entity"],
                        "title": "Foreign Minister", "organization": None, "place": None, "former": False,
                        "evidence": [{"start": 0, "end": 82}], "confidence": 1.0}
    (event,) = _read(out / "events.jsonl")
    assert event["sources"] == 2 and event["documents"] == ["a", "b"] and len(event["evidence"]) == 2
    assert event["evidence"][1]["text"].endswith("on March 3.")
    (tenure,) = _read(out / "tenures.jsonl")
    assert (tenure["title"], tenure["first_seen"]) == ("Foreign Minister", "2025-03-05")
    assert _read(out / "plover.jsonl")[0]["event"] == ["CONSULT"]
    for name in ("meetings.csv", "positions.csv", "events.csv", "tenures.csv", "entities.csv", "meetings.graphml",
                 "report/index.html", "report/docs/a.html"):
        assert (out / name).exists(), name


def test_bad_annotated_line_names_file_and_line(tmp_path, capsys):
    path = _inputs(tmp_path)
    bad = {"id": "c", "text": "Ana met Li.", "entities": [{"id": "T1", "start": 0, "end": 99, "label": "PER"}],
           "relations": []}
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(bad) + "\n")
    assert main(["records", str(path), "-o", str(tmp_path / "rec")]) == 2  # the good records are kept
    captured = capsys.readouterr()
    assert f"{path}:3" in captured.err and "document 'c'" in captured.err
    assert "2 documents" in captured.out and "1 record skipped" in captured.out
