"""dignitary info and --version."""
import json

import pytest

from dignitary import __version__
from dignitary.cli import main
from dignitary.info import collect_info, format_info
from dignitary.schema import Schema


def test_version(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"dignitary {__version__}"


def test_info_of_a_model_directory(tiny_model_dir):
    info = collect_info(str(tiny_model_dir), device="cpu", threads=1)
    schema = Schema.builtin("default")
    assert info["dignitary"] == __version__
    assert info["schema"]["entities"] == list(schema.entity_labels)
    assert set(info["schema"]["relations"]) == set(schema.relation_labels)
    assert info["model"]["path"] == str(tiny_model_dir.resolve()) and info["model"]["found_as"] == "path"
    assert info["model"]["card"] == {} and info["model"]["compatible"]
    assert info["runtime"] | {"onnxruntime_available": None} == {
        "backend": "torch", "onnxruntime_available": None, "device": "cpu", "cuda_available": info["runtime"][
            "cuda_available"], "threads": 1}
    text = format_info(info)
    assert "entities   PER, TITLE, ORG, GPE" in text
    assert "relation   met: PER/ORG -> PER/ORG (symmetric)" in text


def test_info_of_the_shipped_model_as_json(capsys):
    assert main(["info", "--json", "--device", "cpu"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["model"]["found_as"] in ("checkout", "env")
    assert any(r["metric"] == "f1" for r in info["model"]["card"]["results"])
    assert main(["info", "--device", "cpu"]) == 0
    assert "card       dignitary default model" in capsys.readouterr().out


def test_info_without_a_model_still_shows_the_library(monkeypatch, tmp_path, capsys):
    from dignitary.models import registry

    monkeypatch.setattr(registry, "CHECKOUT_MODELS", tmp_path)
    monkeypatch.setattr(registry, "entry_points", lambda group: [])
    monkeypatch.delenv("DIGNITARY_MODEL", raising=False)
    assert main(["info", "--device", "cpu"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"dignitary {__version__} (Python")
    assert "model      missing: no model named 'default'" in out and "pip install dignitary-model-default" in out
    assert "device     cpu" in out
