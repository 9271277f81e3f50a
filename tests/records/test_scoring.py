"""evaluate-records gives the figures of the shared scorer."""
import json
import subprocess
import sys

import pytest

from dignitary.cli import main
from dignitary.errors import DignitaryError
from dignitary.records.scoring import format_scores, score_records

from tests.helpers import SHARED

GOLD = [
    {"id": "a", "entities": {"E1": {"label": "PER", "names": ["Ana Ruiz", "Ruiz"]},
                             "E2": {"label": "PER", "names": ["Li Wei"]},
                             "E3": {"label": "PER", "names": ["Omar Díaz"]},
                             "E4": {"label": "ORG", "names": ["Foo Party"]},
                             "E5": {"label": "GPE", "names": ["Quito"]}},
     "meetings": [{"participants": ["E1", "E2", "E3"], "date": "2025-03-03", "place": "Quito", "event": "x"}],
     "positions": [{"person": "E1", "title": "President", "at": "E4"},
                   {"person": "E2", "title": "Minister", "at": None}]},
    {"id": "b", "entities": {"E1": {"label": "PER", "names": ["Ana Ruiz"]},
                             "E2": {"label": "PER", "names": ["Li Wei"]}},
     "meetings": [{"participants": ["E1", "E2"], "date": "XXXX-03-03", "place": None, "event": "x"}],
     "positions": []},
]
MEETINGS = [
    {"doc_id": "a", "event_id": "EV1", "participants": [{"name": "the Ana Ruiz"}, {"name": "Li Wei"}],
     "date": "2025-03-03", "place": "Quito"},
    {"doc_id": "a", "event_id": "EV2", "participants": [{"name": "Omar Diaz"}, {"name": "Hugo Paz"}],
     "date": "2025-03", "place": None},
    {"doc_id": "b", "event_id": "EV1", "participants": [{"name": "Ana Ruiz"}, {"name": "Li Wei"}],
     "date": "2024-03-03", "place": None},
]
POSITIONS = [
    {"doc_id": "a", "person": "Ruiz", "title": "president", "organization": "Foo Party", "place": None},
    {"doc_id": "a", "person": "Li Wei", "title": "Minister", "organization": None, "place": "Quito"},
]


def _write(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(g) + "\n" for g in GOLD), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "meetings.jsonl").write_text("".join(json.dumps(m) + "\n" for m in MEETINGS), encoding="utf-8")
    (out / "positions.jsonl").write_text("".join(json.dumps(p) + "\n" for p in POSITIONS), encoding="utf-8")
    return gold, out


def test_scores(tmp_path):
    result = score_records(*_write(tmp_path))
    assert result["meeting_pairs"] == {"precision": 0.6667, "recall": 0.5, "f1": 0.5714, "tp": 2, "pred": 3, "gold": 4}
    assert result["meeting_pairs_with_date"]["tp"] == 2  # XXXX accepts any year
    assert result["meeting_place_accuracy"] == 1.0
    assert result["positions"]["tp"] == 1 and result["positions"]["pred"] == 2
    assert result["cross_document_events"]["tp"] == 1


@pytest.mark.skipif(not (SHARED / "tools" / "score_records.py").exists(), reason="needs ../shared/tools")
def test_same_figures_as_the_shared_scorer(tmp_path, capsys):
    gold, out = _write(tmp_path)
    shared = subprocess.run([sys.executable, str(SHARED / "tools" / "score_records.py"), str(gold), str(out), "--json"],
                            capture_output=True, text=True, check=True).stdout
    expected = json.loads(shared[:shared.rindex("}") + 1])
    assert score_records(gold, out) == expected
    assert main(["evaluate-records", str(gold), str(out)]) == 0
    printed = capsys.readouterr().out
    plain = subprocess.run([sys.executable, str(SHARED / "tools" / "score_records.py"), str(gold), str(out)],
                           capture_output=True, text=True, check=True).stdout
    assert printed == plain == format_scores(expected) + "\n"


def test_bad_line_names_file_and_line(tmp_path):
    gold, out = _write(tmp_path)
    with open(out / "meetings.jsonl", "a", encoding="utf-8") as handle:
        handle.write("{not json\n")
    with pytest.raises(DignitaryError, match=r"meetings.jsonl:4"):
        score_records(gold, out)


def test_missing_fields_name_file_and_line(tmp_path):
    gold, out = _write(tmp_path)
    with open(out / "positions.jsonl", "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"doc_id": "a", "title": "x"}) + "\n")
    with pytest.raises(DignitaryError, match=r"positions.jsonl:3: no 'person'"):
        score_records(gold, out)
    gold.write_text(json.dumps({"id": "a"}) + "\n", encoding="utf-8")
    with pytest.raises(DignitaryError, match=r"gold.jsonl:1: no 'entities'"):
        score_records(gold, out)
