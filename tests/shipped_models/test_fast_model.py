"""The fast tier `models/fast`: found by name, served in int8 by ONNX Runtime without torch, accurate."""
import json
import os
import subprocess
import sys

import pytest

from dignitary.evaluation import evaluate_documents
from dignitary.extractor import Extractor
from dignitary.jsonl import read_jsonl

from tests.helpers import GUIDELINE_SENTENCE, REPO, check_guideline_sentence

FAST = REPO / "models" / "fast"
pytestmark = [pytest.mark.shipped_model,
              pytest.mark.skipif(not (FAST / "dignitary.json").is_file(),
                                 reason="models/fast is built, not committed: `make fast`")]


@pytest.fixture(scope="module")
def fast():
    return Extractor.from_pretrained("fast")


def test_the_name_resolves_to_the_int8_onnx_tier(fast):
    assert fast.path == FAST
    assert fast.backend == "onnx" and fast.component.encoder.int8


def test_extracts_the_guideline_example(fast):
    check_guideline_sentence(fast)


def test_dev_quality_does_not_regress(fast):
    dev = read_jsonl(REPO / "data" / "dev.jsonl")
    report = evaluate_documents(dev, list(fast.pipe(dev)), fast.schema)
    measured = json.loads((FAST / "dev_eval.json").read_text())
    # floors a little under the figures of models/fast/dev_eval.json (int8, CPU)
    assert report.entities.micro.f1 >= measured["entities"]["micro"]["f1"] - 0.01
    assert report.relations.micro.f1 >= measured["relations"]["micro"]["f1"] - 0.02


def test_the_cli_serves_it_without_torch(tmp_path, fast):
    inp = tmp_path / "in.jsonl"
    inp.write_text(json.dumps({"id": "g", "text": GUIDELINE_SENTENCE}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    script = ("import sys\nfrom dignitary.cli import main\n"
              f"rc = main(['extract', {str(inp)!r}, '-o', {str(out)!r}, '--model', 'fast', '--workers', '1', "
              "'--no-progress'])\n"  # this process serves: its imports tell
              "print(rc, sorted({m.split('.')[0] for m in sys.modules} & {'torch', 'transformers'}))\n")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[-2] == "0 []"
    assert json.loads(out.read_text(encoding="utf-8"))["entities"]
