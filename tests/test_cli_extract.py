"""The batch CLI: bad records go to an errors file, runs resume without loss or duplicates."""
import json
import subprocess
import sys

import pytest

from dignitary.cli import main

from tests.helpers import write_lines


@pytest.fixture(scope="module")
def model_dir(tiny_model_dir):
    """The shared tiny model of conftest.py (a sharpened tagger that emits mentions)."""
    return tiny_model_dir


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
    assert (tmp_path / "tables" / "positions.csv").read_text().startswith("doc_id,person,person_entity,title")


class _KnownAnnotations:
    """Stands for a model: gives each document the annotations of the same id in ``gold``."""

    backend = "stand-in"  # neither torch nor onnx: the CLI sets no thread pool for it

    def __init__(self, gold):
        self.gold = {d.id: d for d in gold}

    def pipe(self, docs, batch_size=None, on_error=None):
        from dignitary.document import Document

        for doc in docs:
            known = self.gold[doc.id]
            yield Document(doc.id, doc.text, known.entities, known.relations, dict(doc.meta))


def test_tables_hold_the_positions_and_meetings_of_the_annotated_documents(tmp_path, monkeypatch):
    import csv

    from dignitary.extractor import Extractor

    from tests.records.test_stream import _docs

    gold = _docs()
    monkeypatch.setattr(Extractor, "from_pretrained", lambda *args, **kwargs: _KnownAnnotations(gold))
    inp = write_lines(tmp_path / "in.jsonl", [{"id": d.id, "text": d.text} for d in gold])
    out, tables = tmp_path / "out.jsonl", tmp_path / "tables"
    assert main(["extract", str(inp), "-o", str(out), "--tables", str(tables), "--no-progress",
                 "--batch-size", "1"]) == 0
    assert [len(r["relations"]) for r in _read(out)] == [3, 1]
    with open(tables / "positions.csv", encoding="utf-8", newline="") as handle:
        positions = [(r["doc_id"], r["person"], r["title"], r["organization"], r["place"])
                     for r in csv.DictReader(handle)]
    assert positions == [("a", "Yván Gil", "Foreign Minister", "", "Venezuela"),
                         ("b", "Diosdado Cabello", "", "United Socialist Party of Venezuela", "")]
    with open(tables / "meetings.csv", encoding="utf-8", newline="") as handle:
        assert [(r["doc_id"], r["participants"]) for r in csv.DictReader(handle)] == [("a", "Yván Gil; Wang Yi")]


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


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_leaves_valid_resumable_output_and_no_process_behind(tmp_path, model_dir, workers):
    import os
    import signal
    import time

    inp = write_lines(tmp_path / "in.jsonl", [{"id": f"d{i}", "text": "Liu met Ma. " * 30} for i in range(1200)])
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "dignitary", "extract", str(inp), "-o", str(out), "--model", str(model_dir),
           "--no-progress", "--batch-size", "4", "--workers", workers, "--threads", "1"]
    # SIGINT as a terminal's foreground job has it, even when the tests run as a background job
    # (whose children start with SIGINT ignored, so Python would never see the Ctrl-C)
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.time() + 300
    while time.time() < deadline and (not out.exists() or out.stat().st_size == 0):
        time.sleep(0.1)
    assert out.exists() and out.stat().st_size > 0, "no output within 300 s"
    assert proc.poll() is None, f"the run ended before it was interrupted: {proc.stderr.read()}"
    os.killpg(proc.pid, signal.SIGINT)  # as Ctrl-C in a terminal: the whole process group
    code = proc.wait(timeout=60)
    err = proc.stderr.read()
    assert code == 130, (code, err[-2000:])  # 128 + SIGINT
    assert "rerun with --resume" in err
    deadline = time.time() + 30
    while time.time() < deadline:  # the workers end with the parent
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        raise AssertionError("a process of the run outlived it")
    partial = _read(out)  # every line is complete JSON
    assert 0 < len(partial) < 1200  # really interrupted, after some output
    assert main(["extract", str(inp), "-o", str(out), "--model", str(model_dir), "--no-progress",
                 "--batch-size", "16", "--resume"]) == 0
    resumed = _read(out)
    assert resumed[:len(partial)] == partial  # kept, not rewritten
    ids = [r["id"] for r in resumed]
    assert len(ids) == len(set(ids)) == 1200


def test_stdin_and_missing_input(tmp_path, model_dir, capsys, monkeypatch):
    assert main(["extract", str(tmp_path / "nope.jsonl"), "--model", str(model_dir)]) == 1
    assert "nope.jsonl: no such file" in capsys.readouterr().err


def _extract(model_dir, *args):
    return main(["extract", *map(str, args), "--model", str(model_dir), "--no-progress"])


def _errors(out):
    return _read(out.parent / (out.name + ".errors.jsonl"))


def test_lone_surrogate_becomes_an_error_line_and_the_batch_goes_on(tmp_path, model_dir):
    inp = tmp_path / "in.jsonl"
    inp.write_text('{"id": "a", "text": "Liu met Ma."}\n{"id": "s", "text": "bad \\ud800 text"}\n'
                   '{"id": "b", "text": "Xi met Maduro."}\n{"id": "t", "text": "ok", "note": "\\udfff"}\n')
    out = tmp_path / "out.jsonl"
    for resume in ([], ["--resume"]):  # a rerun gets past it too
        assert _extract(model_dir, inp, "-o", out, *resume) == 2
        assert [r["id"] for r in _read(out)] == ["a", "b"]
        errors = _errors(out)
        assert [(e["line"], "lone surrogate" in e["error"]) for e in errors] == [(2, True), (4, True)]


def test_a_document_the_model_cannot_take_is_an_error_line(tmp_path, model_dir, monkeypatch):
    from dignitary.inference.predictor import Predictor

    predict = Predictor.predict

    def failing(self, docs):
        if any("BOOM" in d.text for d in docs):
            raise RuntimeError("cannot take it")
        return predict(self, docs)

    monkeypatch.setattr(Predictor, "predict", failing)
    inp = write_lines(tmp_path / "in.jsonl", [{"id": f"d{i}", "text": "BOOM" if i == 2 else f"Liu met Ma {i}."}
                                              for i in range(5)])
    out = tmp_path / "out.jsonl"
    assert _extract(model_dir, inp, "-o", out, "--batch-size", "4") == 2
    assert [r["id"] for r in _read(out)] == ["d0", "d1", "d3", "d4"]
    [error] = _errors(out)
    assert error["line"] == 3 and "cannot take it" in error["error"] and "'d2'" in error["error"]


def test_second_writer_and_output_equal_to_input_are_refused(tmp_path, model_dir, capsys):
    import fcntl

    inp = write_lines(tmp_path / "in.jsonl", [{"id": "a", "text": "Liu met Ma."}])
    out = tmp_path / "out.jsonl"
    out.write_text("kept\n")
    with open(out, "a") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        assert _extract(model_dir, inp, "-o", out) == 1
    assert "locked" in capsys.readouterr().err and out.read_text() == "kept\n"
    before = inp.read_bytes()
    assert _extract(model_dir, inp, "-o", inp) == 1
    assert "is also an input" in capsys.readouterr().err and inp.read_bytes() == before


def test_duplicate_ids_are_errors_and_resume_matches_an_uninterrupted_run(tmp_path, model_dir):
    folder = tmp_path / "in"
    (folder / "one").mkdir(parents=True)
    (folder / "two").mkdir()
    (folder / "one" / "x.txt").write_text("Liu met Ma.")
    (folder / "two" / "x.txt").write_text("Xi met Maduro.")
    write_lines(folder / "a.jsonl", [{"id": 7, "text": "Liu met Ma."}, {"id": "7", "text": "Ma said."},
                                     {"id": "b", "text": "Xi said."}, {"id": "b", "text": "Xi said."},
                                     {"id": "c", "text": "Ma met Xi."}])
    out = tmp_path / "out.jsonl"
    assert _extract(model_dir, folder, "-o", out, "--batch-size", "2") == 2
    full = out.read_text()
    assert [r["id"] for r in _read(out)] == ["7", "b", "c", "x"]
    assert sorted((e["source"].rsplit("/", 2)[-2:], e["line"]) for e in _errors(out)) == \
        [(["in", "a.jsonl"], 2), (["in", "a.jsonl"], 4), (["two", "x.txt"], None)]
    out.write_text(full.splitlines(keepends=True)[0])  # interrupted after the first record
    assert _extract(model_dir, folder, "-o", out, "--batch-size", "2", "--resume") == 2
    assert out.read_text() == full
    assert len(_errors(out)) == 3  # the errors of this run, not appended to the last one's


def test_resume_refuses_an_output_with_a_bad_line_and_keeps_it(tmp_path, model_dir, capsys):
    inp = write_lines(tmp_path / "in.jsonl", [{"id": f"d{i}", "text": "Liu met Ma."} for i in range(3)])
    out = tmp_path / "out.jsonl"
    assert _extract(model_dir, inp, "-o", out) == 0
    lines = out.read_text().splitlines(keepends=True)
    damaged = lines[0] + "not json\n" + lines[1]
    out.write_text(damaged)
    assert _extract(model_dir, inp, "-o", out, "--resume") == 1
    assert "out.jsonl:2: not an output record" in capsys.readouterr().err
    assert out.read_text() == damaged


def test_tables_are_complete_after_a_crash_between_output_and_tables(tmp_path, model_dir):
    inp = write_lines(tmp_path / "in.jsonl", [{"id": f"d{i}", "text": "Liu Haixing, Minister of the party, met "
                                               f"Ma Hui in Beijing {i}."} for i in range(6)])
    out, tables = tmp_path / "out.jsonl", tmp_path / "tables"
    assert _extract(model_dir, inp, "-o", out, "--tables", tables, "--batch-size", "2") == 0
    full = {name: (tables / name).read_text() for name in ("positions.csv", "meetings.csv")}
    assert sum(len(t.splitlines()) for t in full.values()) > 4  # rows, not just headers
    # killed right after the JSONL fsync of the last batch: its rows never reached the CSVs
    for name, text in full.items():
        (tables / name).write_text("".join(line for line in text.splitlines(keepends=True) if "d5" not in line))
    assert _extract(model_dir, inp, "-o", out, "--tables", tables, "--resume") == 0
    assert {name: (tables / name).read_text() for name in full} == full


def test_bom_nan_and_field_names(tmp_path, model_dir):
    inp = tmp_path / "in.jsonl"
    inp.write_bytes(b'\xef\xbb\xbf{"key": "a", "body": "Liu met Ma.", "text": "mine", "id": 1}\n'
                    b'{"key": "n", "body": "Ma said.", "score": NaN}\n{"body": "Xi said."}\n')
    out = tmp_path / "out.jsonl"
    assert _extract(model_dir, inp, "-o", out, "--id-field", "key", "--text-field", "body") == 2
    records = [json.loads(line) for line in out.read_text().splitlines()]  # strict JSON throughout
    assert records[0]["key"] == "a" and records[0]["body"] == "Liu met Ma."
    assert records[0]["text"] == "mine" and records[0]["id"] == 1  # the user's own fields are kept
    assert records[1]["key"] == f"{inp}:3"  # no id: file and line
    [error] = _errors(out)
    assert error["line"] == 2 and "NaN is not valid JSON" in error["error"]


@pytest.mark.parametrize("option", [["--batch-size", "0"], ["--batch-size", "-3"], ["--threads", "0"]])
def test_sizes_must_be_positive(tmp_path, option, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["extract", str(tmp_path), *option])
    assert exc.value.code == 2 and "must be at least 1" in capsys.readouterr().err


def test_unknown_device_is_a_clear_error(tmp_path, model_dir, capsys):
    inp = write_lines(tmp_path / "in.jsonl", [{"id": "a", "text": "Liu met Ma."}])
    assert main(["extract", str(inp), "--model", str(model_dir), "--device", "tpu"]) == 1
    assert "unknown device 'tpu'" in capsys.readouterr().err


def test_plain_text_on_stdin_and_summary(model_dir):
    proc = subprocess.run([sys.executable, "-m", "dignitary", "extract", "-", "--model", str(model_dir),
                           "--no-progress"], input="Liu met Ma in Beijing.\nMa said.\n", capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    [record] = [json.loads(line) for line in proc.stdout.splitlines()]
    assert record["id"] == "stdin" and record["text"] == "Liu met Ma in Beijing.\nMa said.\n"
    assert "1 document (" in proc.stderr


def test_fifo_input_and_odd_folder_entries(tmp_path, model_dir, capsys):
    import os
    import threading

    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.jsonl")
    (folder / "gone.txt").symlink_to(tmp_path / "missing.txt")
    write_lines(folder / "a.jsonl", [{"id": "a", "text": "Liu met Ma."}])
    fifo = tmp_path / "stream"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text('{"id": "f", "text": "Ma said."}\n'), daemon=True)
    writer.start()
    out = tmp_path / "out.jsonl"
    try:
        assert _extract(model_dir, folder, fifo, "-o", out) == 0
    finally:
        if writer.is_alive():  # never read: let the writer go
            os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))
        writer.join(timeout=30)
    assert [r["id"] for r in _read(out)] == ["a", "f"]
    err = capsys.readouterr().err
    assert "pipe.jsonl: not a regular file, skipped" in err and "gone.txt: broken link, skipped" in err


def test_sigterm_exits_143(tmp_path, model_dir):
    import time

    inp = write_lines(tmp_path / "in.jsonl", [{"id": f"d{i}", "text": "Liu met Ma. " * 30} for i in range(1200)])
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "dignitary", "extract", str(inp), "-o", str(out), "--model",
                             str(model_dir), "--no-progress", "--batch-size", "4"], stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while time.time() < deadline and (not out.exists() or out.stat().st_size == 0):
        time.sleep(0.1)
    proc.terminate()
    assert proc.wait(timeout=60) == 143
    assert "rerun with --resume" in proc.stderr.read()


def test_interrupt_while_the_model_loads_is_not_a_traceback(tmp_path, model_dir, monkeypatch, capsys):
    from dignitary.extractor import Extractor

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(Extractor, "from_pretrained", interrupted)
    inp = write_lines(tmp_path / "in.jsonl", [{"id": "a", "text": "Liu met Ma."}])
    assert main(["extract", str(inp), "-o", str(tmp_path / "out.jsonl")]) == 130
    assert "interrupted" in capsys.readouterr().err


def test_progress_total_counts_input_records(tmp_path):
    from dignitary.batch import count_records

    (tmp_path / "a.txt").write_text("Liu met Ma.")
    write_lines(tmp_path / "b.jsonl", [{"id": 1, "text": "x"}, "", "{bad", {"id": 2, "text": "y"}])
    assert count_records([str(tmp_path / "a.txt"), str(tmp_path / "b.jsonl")]) == 4
    assert count_records(["-"]) is None


def test_a_run_that_fails_to_start_keeps_the_earlier_output(tmp_path, model_dir):
    inp = write_lines(tmp_path / "in.jsonl", [{"id": "a", "text": "Liu met Ma."}])
    out = tmp_path / "out.jsonl"
    assert _extract(model_dir, inp, "-o", out) == 0
    before = out.read_bytes()
    assert main(["extract", str(inp), "-o", str(out), "--model", str(tmp_path / "no-model")]) == 1
    assert out.read_bytes() == before


def test_output_to_a_device_is_written_not_truncated(model_dir, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Liu Haixing met Remigio Ceballos in Beijing.", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "dignitary", "extract", str(story), "-o", "/dev/null", "--model",
                           str(model_dir), "--no-progress"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
