"""``dignitary records``: a bad annotated record is named (file, line, id) and skipped; the exit code says so."""
import json

from dignitary.cli import main

from tests.helpers import REPO, write_lines


def test_bad_annotated_record_is_named_and_the_others_are_kept(tmp_path, capsys):
    good = [json.loads(line) for line in (REPO / "data" / "dev.jsonl").read_text().splitlines()[:2]]
    bad = {"id": "broken", "text": "Liu met Ma.", "entities": [{"id": "T1", "start": 0, "end": 99, "label": "PER"}],
           "relations": []}
    inp = write_lines(tmp_path / "in.jsonl", [good[0], bad, "{not json", good[1]])
    assert main(["records", str(inp), "-o", str(tmp_path / "out"), "--no-html"]) == 2
    captured = capsys.readouterr()
    assert "in.jsonl:2: document 'broken': entity T1 span [0, 99) is outside the text" in captured.err
    assert "in.jsonl:3: invalid JSON" in captured.err
    assert "2 documents" in captured.out and "2 records skipped" in captured.out
    assert (tmp_path / "out" / "positions.csv").exists()
