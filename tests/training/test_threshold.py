"""The relation threshold chosen on dev is the one that scores best, nearest 0.5 among ties."""
import json
from dataclasses import replace

import pytest

from dignitary.extractor import Extractor
from dignitary.models.pretrained import META_FILE, save_pretrained
from dignitary.training.threshold import CANDIDATES, set_relation_threshold, tune_relation_threshold

from tests.helpers import confident_tiny_model

TEXTS = ["Liu Haixing, Minister of the International Department, met Remigio Ceballos in Beijing.",
         "Ma Hui said China supports Venezuela.", "Xi Jinping met Nicolas Maduro in Caracas.",
         "Liu met Ma and the minister of the party."]


@pytest.fixture()
def model_and_predictions(tmp_path, tiny_tokenizer):
    """A tiny model with relation scores around 0.45, and its predictions with every scored relation."""
    save_pretrained(confident_tiny_model(len(tiny_tokenizer), relation_bias=-0.5), tiny_tokenizer, tmp_path,
                    half=False)
    set_relation_threshold(tmp_path, 0.0)
    return tmp_path, Extractor.from_pretrained(tmp_path, device="cpu")(TEXTS)


def gold_above(predictions, cut: float):
    """Dev documents whose gold relations are exactly the predicted ones scoring at least ``cut``."""
    return [replace(d, relations=[r for r in d.relations if r.score >= cut]) for d in predictions]


def scores(predictions) -> list[float]:
    return [r.score for d in predictions for r in d.relations if r.score >= min(CANDIDATES)]


def test_the_threshold_that_separates_gold_from_the_rest_is_chosen(model_and_predictions):
    model_dir, predictions = model_and_predictions
    target = 0.45
    below = [s for s in scores(predictions) if target - 0.05 <= s < target]
    above = [s for s in scores(predictions) if target <= s < target + 0.05]
    assert below and above  # so 0.40 keeps a wrong relation and 0.50 drops a right one
    result = tune_relation_threshold(model_dir, gold_above(predictions, target))
    assert result["threshold"] == target
    assert result["sweep"][target] == 1.0 and all(f < 1.0 for t, f in result["sweep"].items() if t != target)
    assert json.loads((model_dir / META_FILE).read_text())["heads"]["relation_threshold"] == target


def test_among_equal_scores_the_threshold_nearest_one_half_is_chosen(model_and_predictions):
    model_dir, predictions = model_and_predictions
    lowest = min(scores(predictions))
    tied = [t for t in CANDIDATES if t <= lowest]
    assert len(tied) >= 2  # every candidate up to the lowest score keeps all relations: equal F1
    result = tune_relation_threshold(model_dir, gold_above(predictions, lowest))
    assert {result["sweep"][t] for t in tied} == {1.0}
    assert result["threshold"] == max(tied)


def test_calibrate_chooses_over_several_dev_files_inline_and_standoff(model_and_predictions, tmp_path, capsys):
    """``dignitary calibrate --dev A B --texts T``: one threshold over the documents of both files."""
    from dignitary.cli import main
    from dignitary.standoff import write_standoff

    model_dir, predictions = model_and_predictions
    gold = gold_above(predictions, 0.45)
    inline, standoff, texts = tmp_path / "a.jsonl", tmp_path / "b.standoff.jsonl", tmp_path / "texts.jsonl"
    inline.write_text("".join(json.dumps(d.to_dict()) + "\n" for d in gold[:2]), encoding="utf-8")
    write_standoff(gold[2:], standoff)
    texts.write_text("".join(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in gold[2:]), encoding="utf-8")
    assert main(["calibrate", "--model", str(model_dir), "--dev", str(inline), str(standoff), "--texts", str(texts),
                 "--device", "cpu"]) == 0
    assert json.loads(capsys.readouterr().out)["threshold"] == 0.45
    assert json.loads((model_dir / META_FILE).read_text())["heads"]["relation_threshold"] == 0.45
    # a standoff file without its texts: an error that names the file and what to add
    assert main(["calibrate", "--model", str(model_dir), "--dev", str(standoff), "--device", "cpu"]) != 0
    error = capsys.readouterr().err
    assert "b.standoff.jsonl" in error and "--texts" in error
