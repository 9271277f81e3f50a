"""Ray extraction equals the single-process CLI record for record, errors included."""
import json

import pytest

from dignitary.cli import main

from tests.helpers import engine_inputs

ray = pytest.importorskip("ray")
pytestmark = pytest.mark.ray


@pytest.fixture(scope="module")
def ray_local():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


def test_ray_output_equals_local_output(tmp_path, tiny_model_dir, ray_local):
    model_dir = tiny_model_dir
    inputs = engine_inputs(tmp_path / "in", 40, bad=(7, 12))
    local, distributed = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
    common = ["--model", str(model_dir), "--batch-size", "8", "--device", "cpu", "--no-progress"]
    assert main(["extract", str(inputs), "-o", str(local), "--tables", str(tmp_path / "local"), *common]) == 2
    assert main(["extract", str(inputs), "-o", str(distributed), "--engine", "ray", "--workers", "2",
                 "--cpus-per-worker", "0.5", "--tables", str(tmp_path / "ray"), *common]) == 2
    a = [json.loads(line) for line in local.read_text().splitlines()]
    b = [json.loads(line) for line in distributed.read_text().splitlines()]
    assert len(a) == 39
    assert sorted(a, key=lambda r: r["id"]) == sorted(b, key=lambda r: r["id"])

    def errors(path):
        return sorted((e["source"], e["line"], e["error"]) for e in map(json.loads, path.read_text().splitlines()))

    assert errors(tmp_path / "local.jsonl.errors.jsonl") == errors(tmp_path / "ray.jsonl.errors.jsonl")
    assert len(errors(tmp_path / "ray.jsonl.errors.jsonl")) == 2
    for table in ("positions.csv", "meetings.csv"):  # the same loop streams the same tables
        assert (tmp_path / "ray" / table).read_text() == (tmp_path / "local" / table).read_text()
