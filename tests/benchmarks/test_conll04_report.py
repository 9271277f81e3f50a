"""The CoNLL04 benchmark's summary and report (benchmarks/conll04/run.py), without training."""
import importlib.util
from types import SimpleNamespace

import pytest

from tests.helpers import REPO


@pytest.fixture(scope="module")
def conll04_run():
    spec = importlib.util.spec_from_file_location("conll04_run", REPO / "benchmarks" / "conll04" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fake_run(seed: int, relation: float) -> dict:
    return {"seed": seed, "epochs": 12, "threshold": 0.5, "runtime_s": 600.0, "entity_micro_f1": 88.0,
            "entity_macro_f1": 84.0, "relation_micro_f1": relation, "relation_macro_f1": relation + 1,
            "per_relation": {"Work_For": 70.0, "Kill": 90.0}}


def test_summary_averages_seeds_and_keeps_the_command(conll04_run):
    args = SimpleNamespace(encoder=".encoders/mpnet", device="cpu")
    result = conll04_run.summarize([fake_run(13, 71.0), fake_run(14, 73.0)], args)
    assert result["relation_micro_f1"] == pytest.approx(72.0)
    assert result["relation_micro_f1_std"] == pytest.approx(1.0)
    assert result["relation_micro_f1_range"] == pytest.approx(2.0)
    assert result["seeds"] == [13, 14] and result["runtime_s"] == pytest.approx(1200.0)
    assert result["command"].startswith("python benchmarks/conll04/run.py")


def test_report_lists_published_results_seeds_and_spread(conll04_run, monkeypatch):
    args = SimpleNamespace(encoder=".encoders/mpnet", device="cpu")
    monkeypatch.setattr("sys.argv", ["run.py", "--seeds", "13", "14"])
    text = conll04_run.render_markdown(conll04_run.summarize([fake_run(13, 71.0), fake_run(14, 72.5)], args))
    assert "| **dignitary** | 88.00 ± 0.00 | 71.75 ± 0.75 |" in text
    assert "| SpERT (BERT-base) (published) | 88.94 | 71.47 | — |" in text
    assert "from 71.00 to 72.50 (1.50 points" in text
    assert "| 14 | 12 | 0.5 |" in text and "| 13 | 70.00 | 90.00 |" in text
    assert "Protocol (SpERT)" in text
    monkeypatch.setattr("sys.argv", ["run.py", "--seeds", "13", "--final-epochs", "12"])
    single = conll04_run.render_markdown(conll04_run.summarize([fake_run(13, 71.0)], args))
    assert "Spread over" not in single
    assert "no selection run" in single
