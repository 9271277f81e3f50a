"""The batch CLI: bad records go to an errors file, runs resume without loss or duplicates."""
import json
import subprocess
import sys

import pytest
import torch

from dignitary.cli import main
from dignitary.models.config import HeadConfig
from dignitary.models.joint import JointModel
from dignitary.models.pretrained import save_pretrained
from dignitary.schema import Schema

from tests.helpers import make_tiny_encoder, write_lines


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory, tiny_tokenizer):
    torch.manual_seed(5)
    model = JointModel(make_tiny_encoder(len(tiny_tokenizer), seed=5), Schema.builtin("default"),
                       HeadConfig(max_tokens=24, relation_hidden=16, relation_threshold=0.3))
    with torch.no_grad():
        model.tagger.weight.mul_(40)
    path = tmp_path_factory.mktemp("model")
    save_pretrained(model, tiny_tokenizer, path)
    return path


def _read(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_extract_jsonl_txt_and_folders_with_bad_records(tmp_path, model_dir):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text("Liu Haixing met Ma Hui in Beijing.")
    (folder / "b.txt").write_bytes(b"caf\xe9 bad bytes")
    write_lines(folder / "c.jsonl", [{"id": "c1", "text": "Xi met Maduro.", "date": "2025-06-11"},
                                     "{broken json", {"id": "c3"}, {"id": "c4", "text": "Ma said."}])
    out = tmp_path / "out.jsonl"
    code = main(["extract", str(folder), "-o", str(out), "--model", str(model_dir), "--no-progress",
                 "--tables", str(tmp_path / "tables")])
    assert code == 2  # errors happened, the run went on
    records = _read(out)
    assert [r["id"] for r in records] == ["c1", "c4", "a"]
    assert records[0]["date"] == "2025-06-11"
    for r in records:
        for e in r["entities"]:
            assert r["text"][e["start"]:e["end"]] == e["text"] and 0 <= e["score"] <= 1
    errors = _read(tmp_path / "out.jsonl.errors.jsonl")
    reasons = {(e["source"].split("/")[-1], e["line"]): e["error"] for e in errors}
    assert "invalid JSON" in reasons[("c.jsonl", 2)]
    assert "missing 'text'" in reasons[("c.jsonl", 3)]
    assert "undecodable bytes" in reasons[("b.txt", None)]
    assert (tmp_path / "tables" / "positions.csv").read_text().startswith("doc_id,person,title")


def test_resume_after_interrupted_run(tmp_path, model_dir):
    inp = write_lines(tmp_path / "in.jsonl", [{"id": f"d{i}", "text": f"Liu met Ma {i} times."} for i in range(10)])
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(inp), "-o", str(out), "--model", str(model_dir), "--no-progress",
                 "--batch-size", "3"]) == 0
    full = _read(out)
    # simulate an interruption: keep 4 complete lines and half of the fifth
    lines = out.read_text().splitlines(keepends=True)
    out.write_text("".join(lines[:4]) + lines[4][: len(lines[4]) // 2])
    assert main(["extract", str(inp), "-o", str(out), "--model", str(model_dir), "--no-progress",
                 "--batch-size", "3", "--resume"]) == 0
    resumed = _read(out)
    assert sorted(r["id"] for r in resumed) == sorted(r["id"] for r in full)  # nothing lost or duplicated
    assert {r["id"]: r for r in resumed} == {r["id"]: r for r in full}


def test_sigint_leaves_valid_resumable_output(tmp_path, model_dir):
    inp = write_lines(tmp_path / "in.jsonl", [{"id": f"d{i}", "text": "Liu met Ma. " * 30} for i in range(400)])
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "dignitary", "extract", str(inp), "-o", str(out), "--model", str(model_dir),
           "--no-progress", "--batch-size", "4"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    import time

    deadline = time.time() + 60
    while time.time() < deadline and (not out.exists() or out.stat().st_size == 0):
        time.sleep(0.1)
    proc.send_signal(2)
    proc.wait(timeout=60)
    partial = _read(out)  # every line is complete JSON
    assert main(["extract", str(inp), "-o", str(out), "--model", str(model_dir), "--no-progress",
                 "--batch-size", "16", "--resume"]) == 0
    ids = [r["id"] for r in _read(out)]
    assert len(ids) == len(set(ids)) == 400
    assert len(partial) <= 400


def test_stdin_and_missing_input(tmp_path, model_dir, capsys, monkeypatch):
    assert main(["extract", str(tmp_path / "nope.jsonl"), "--model", str(model_dir)]) == 1
    assert "nope.jsonl: no such file" in capsys.readouterr().err
