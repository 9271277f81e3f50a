"""Averaging fine-tuned models: the mean of every weight, refused for models that do not match."""
import json

import pytest
import torch
from safetensors.torch import load_file

from dignitary.cli import main
from dignitary.errors import DignitaryError
from dignitary.extractor import Extractor
from dignitary.models.pretrained import META_FILE, save_pretrained
from dignitary.training.soup import average_models

from tests.helpers import tiny_joint_model


@pytest.fixture()
def two_models(tmp_path, tiny_tokenizer):
    dirs = []
    for seed in (1, 2):
        target = tmp_path / f"run{seed}"
        save_pretrained(tiny_joint_model(len(tiny_tokenizer), seed=seed), tiny_tokenizer, target,
                        extra={"training": {"seed": seed}, "dev_scores": {"entity_f1": 0.5 + seed / 10}})
        dirs.append(target)
    return dirs


@pytest.mark.parametrize("name", ["model.safetensors", "dignitary_heads.safetensors"])
def test_every_float_tensor_is_the_weighted_mean(two_models, tmp_path, name):
    soup = average_models(two_models, tmp_path / "soup", weights=[3, 1])
    a, b, s = (load_file(str(d / name)) for d in (*two_models, soup))
    assert s.keys() == a.keys()
    floats = [k for k in a if a[k].is_floating_point()]
    assert floats and any(not torch.equal(a[k], b[k]) for k in floats)
    for key in floats:
        torch.testing.assert_close(s[key], 0.75 * a[key] + 0.25 * b[key])


def test_the_soup_loads_and_records_its_ingredients(two_models, tmp_path):
    soup = average_models(two_models, tmp_path / "soup")
    meta = json.loads((soup / META_FILE).read_text())
    assert "training" not in meta and "dev_scores" not in meta
    assert [i["weight"] for i in meta["soup"]] == [0.5, 0.5]
    assert [i["training"]["seed"] for i in meta["soup"]] == [1, 2]
    docs = Extractor.from_pretrained(soup, device="cpu")(["Xi Jinping met Nicolas Maduro in Caracas."])
    assert docs[0].text.startswith("Xi Jinping")


def test_models_of_other_schemas_or_heads_are_refused(tmp_path, tiny_tokenizer, two_models):
    other = tmp_path / "conll"
    save_pretrained(tiny_joint_model(len(tiny_tokenizer), schema="conll04"), tiny_tokenizer, other)
    with pytest.raises(DignitaryError, match="schema"):
        average_models([two_models[0], other], tmp_path / "soup")
    wide = tmp_path / "wide"
    save_pretrained(tiny_joint_model(len(tiny_tokenizer), relation_hidden=8), tiny_tokenizer, wide)
    with pytest.raises(DignitaryError, match="relation_hidden"):
        average_models([two_models[0], wide], tmp_path / "soup")


def test_bad_arguments_are_refused(two_models, tmp_path):
    with pytest.raises(DignitaryError, match="at least two"):
        average_models(two_models[:1], tmp_path / "soup")
    with pytest.raises(DignitaryError, match="2 weights for 3"):
        average_models([*two_models, two_models[0]], tmp_path / "soup", weights=[1, 1])
    with pytest.raises(DignitaryError, match="output"):
        average_models(two_models, two_models[0])
    with pytest.raises(DignitaryError, match="not a dignitary model"):
        average_models([two_models[0], tmp_path], tmp_path / "soup")


def test_cli_average(two_models, tmp_path, capsys):
    assert main(["average", *map(str, two_models), "-o", str(tmp_path / "soup")]) == 0
    assert json.loads(capsys.readouterr().out)["weights"] == "uniform"
    assert (tmp_path / "soup" / "model.safetensors").is_file()
