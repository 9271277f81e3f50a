"""The whole-process benchmark (benchmarks/whole_process.py): its input and its commands, without timing."""
import importlib.util
import json
import sys
from types import SimpleNamespace

import pytest

from tests.helpers import REPO


@pytest.fixture(scope="module")
def whole_process():
    sys.path.insert(0, str(REPO / "benchmarks"))  # for its report_io import
    spec = importlib.util.spec_from_file_location("whole_process", REPO / "benchmarks" / "whole_process.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_news_input_reaches_the_word_count_with_unique_ids(tmp_path, whole_process):
    path = tmp_path / "news.jsonl"
    words = whole_process.news_jsonl(path, 5000, REPO / "seeds")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert words >= 5000 and words == sum(len(r["text"].split()) for r in records)
    assert len({r["id"] for r in records}) == len(records)
    assert words - len(records[-1]["text"].split()) < 5000  # no more than needed


def test_commands_run_each_tool_as_a_user_would(tmp_path, whole_process):
    args = SimpleNamespace(dignitary=["fast=models/fast:int8", "default=models/default"], spacy=["en_core_web_sm"],
                           threads=2)
    rows = dict(whole_process.commands(args, tmp_path / "in.jsonl", tmp_path / "out.jsonl"))
    assert list(rows) == ["dignitary fast", "dignitary default", "spacy en_core_web_sm"]
    fast = rows["dignitary fast"]
    assert fast[1:4] == ["-m", "dignitary", "extract"]
    assert fast[fast.index("--model") + 1] == "models/fast" and fast[fast.index("--dtype") + 1] == "int8"
    assert rows["dignitary default"][rows["dignitary default"].index("--dtype") + 1] == "auto"
    assert "--workers" not in fast and "--threads" not in fast  # the CLI's defaults, as a user runs it
    assert rows["spacy en_core_web_sm"][-4:-2] == ["en_core_web_sm", str(tmp_path / "in.jsonl")]


def test_workers_and_processes_share_the_threads(tmp_path, whole_process):
    args = SimpleNamespace(dignitary=["fast-2w=models/fast:int8:2", "fast-1p=models/fast:int8:1"],
                           spacy=["en_core_web_sm:2"], threads=2)
    rows = dict(whole_process.commands(args, tmp_path / "in.jsonl", tmp_path / "out.jsonl"))
    assert list(rows) == ["dignitary fast-2w", "dignitary fast-1p", "spacy en_core_web_sm 2 processes"]
    fast = rows["dignitary fast-2w"]
    assert fast[fast.index("--workers") + 1] == "2" and fast[fast.index("--threads") + 1] == "1"
    one = rows["dignitary fast-1p"]
    assert one[one.index("--workers") + 1] == "1" and one[one.index("--threads") + 1] == "2"
    assert rows["spacy en_core_web_sm 2 processes"][-4:] == ["en_core_web_sm", str(tmp_path / "in.jsonl"),
                                                             str(tmp_path / "out.jsonl"), "2"]
