"""Worker processes (``extract --workers N``) give the single-process output record for record; a
model that cannot load fails before earlier output is touched; a dead worker is named."""
import json
import pickle
import shutil
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

import pytest

from dignitary import process_engine
from dignitary.cli import main
from dignitary.cpus import usable_cpus
from dignitary.errors import DataError, DignitaryError
from dignitary.extractor import ModelSettings
from dignitary.models.metadata import set_preferred_cpu_dtype
from dignitary.process_engine import ProcessEngine, auto_workers, threads_per_worker

from tests.helpers import engine_inputs, write_lines

COMMON = ["--batch-size", "4", "--device", "cpu", "--no-progress"]


def _read(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_workers_write_what_one_process_writes(tmp_path, tiny_model_dir):
    inputs = engine_inputs(tmp_path / "in", 30, bad=(5, 17))
    one, many = tmp_path / "one.jsonl", tmp_path / "many.jsonl"
    model = ["--model", str(tiny_model_dir)]
    assert main(["extract", str(inputs), "-o", str(one), "--tables", str(tmp_path / "one"), *model, *COMMON]) == 2
    assert main(["extract", str(inputs), "-o", str(many), "--workers", "2", "--threads", "1",
                 "--tables", str(tmp_path / "many"), *model, *COMMON]) == 2
    assert len(_read(one)) == 29
    assert many.read_text() == one.read_text()  # the same records in the same order
    assert (tmp_path / "many.jsonl.errors.jsonl").read_text() == (tmp_path / "one.jsonl.errors.jsonl").read_text()
    for table in ("positions.csv", "meetings.csv"):
        assert (tmp_path / "many" / table).read_text() == (tmp_path / "one" / table).read_text()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_model_that_cannot_load_fails_before_the_output_is_replaced(tmp_path, tiny_model_dir, capsys, workers):
    broken = tmp_path / "broken"
    shutil.copytree(tiny_model_dir, broken)
    (broken / "config.json").write_text("{ not json")
    inputs = write_lines(tmp_path / "in.jsonl", [{"id": "a", "text": "Liu met Ma."}])
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "earlier", "text": "kept"}\n')
    assert main(["extract", str(inputs), "-o", str(out), "--model", str(broken), "--workers", workers, *COMMON]) == 1
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and "dignitary extract: error:" in error[0] and "broken/config.json" in error[0], error
    assert out.read_text() == '{"id": "earlier", "text": "kept"}\n'


def test_a_dead_worker_is_reported_with_the_way_to_go_on():
    future: Future = Future()
    future.set_exception(BrokenProcessPool("gone"))
    with pytest.raises(DignitaryError, match="worker process died.*--resume"):
        ProcessEngine(None, 1)._result(future)  # type: ignore[arg-type]


def test_threads_are_shared_out_among_workers_unless_given():
    assert threads_per_worker(1, None) == usable_cpus()
    assert threads_per_worker(usable_cpus() * 2, None) == 1
    assert threads_per_worker(4, 3) == 3


def test_auto_workers_are_one_per_cpu_only_for_a_model_served_in_int8(tmp_path, tiny_model_dir, monkeypatch):
    fast_tier = tmp_path / "tier"
    shutil.copytree(tiny_model_dir, fast_tier)
    set_preferred_cpu_dtype(fast_tier, "int8")  # as models/fast: int8 on the CPU unless told otherwise
    assert auto_workers(ModelSettings(str(fast_tier)), None) == usable_cpus()
    assert auto_workers(ModelSettings(str(tiny_model_dir), dtype="int8"), None) == usable_cpus()
    assert auto_workers(ModelSettings(str(fast_tier), threads=usable_cpus()), usable_cpus()) == 1
    assert auto_workers(ModelSettings(str(fast_tier), dtype="fp32"), None) == 1  # batched fp32: one process
    assert auto_workers(ModelSettings(str(fast_tier), device="cuda"), None) == 1
    assert auto_workers(ModelSettings(str(tiny_model_dir)), None) == 1
    monkeypatch.setattr(process_engine, "usable_cpus", lambda: 64)  # a large machine: copies of the model capped
    assert auto_workers(ModelSettings(str(fast_tier)), None) == process_engine.AUTO_MAX_WORKERS
    assert auto_workers(ModelSettings(str(fast_tier)), 16) == 4
    # a model that cannot be planned for is left to the one process's load, which names the problem
    assert auto_workers(ModelSettings(str(tmp_path / "missing")), None) == 1


def test_extract_starts_the_auto_workers_and_writes_what_one_process_writes(tmp_path, tiny_model_dir, capsys):
    inputs = engine_inputs(tmp_path / "in", 12, bad=(3, 7))
    one, auto = tmp_path / "one.jsonl", tmp_path / "auto.jsonl"
    common = [*COMMON, "--model", str(tiny_model_dir), "--dtype", "int8", "--threads", "1"]
    assert main(["extract", str(inputs), "-o", str(one), "--workers", "1", *common]) == 2
    capsys.readouterr()
    assert main(["extract", str(inputs), "-o", str(auto), *common]) == 2
    reported = capsys.readouterr().err
    assert (f"{usable_cpus()} workers" in reported) == (usable_cpus() > 1)
    assert auto.read_text() == one.read_text()


def test_a_model_error_crosses_processes_with_its_location():
    error = pickle.loads(pickle.dumps(DataError("document 'd2': too long", "in.jsonl", 3)))
    assert (error.reason, error.source, error.line) == ("document 'd2': too long", "in.jsonl", 3)
    assert str(error) == "in.jsonl:3: document 'd2': too long"


def test_every_worker_has_the_model_before_start_returns_and_a_killed_one_is_named(tiny_model_dir):
    import os
    import signal

    from dignitary.document import Document
    from dignitary.extractor import ModelSettings

    engine = ProcessEngine.start(ModelSettings(str(tiny_model_dir), device="cpu", threads=1), 2)
    try:
        processes = list(engine.executor._processes.values())  # CPython's pool: one process per worker
        assert len(processes) == 2 and all(p.is_alive() for p in processes)
        docs = [Document(f"d{i}", "Liu Haixing met Ma Hui in Beijing.") for i in range(3)]
        assert [d.id for d in next(engine.annotate([docs]))] == ["d0", "d1", "d2"]
        os.kill(processes[0].pid, signal.SIGKILL)
        processes[0].join(10)
        with pytest.raises(DignitaryError, match="worker process died"):
            list(engine.annotate([docs, docs, docs]))
    finally:
        engine.close()
    assert not any(p.is_alive() for p in processes)
