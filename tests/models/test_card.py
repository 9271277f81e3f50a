"""The shipped model card: Hub metadata in its front matter, figures equal to the measured dev report."""
import json

import pytest

from dignitary.models.card import card_summary

from tests.helpers import REPO

MODELS = ["default", "fast"]


@pytest.mark.parametrize("name", MODELS)
def test_card_has_hub_metadata(name):
    card = card_summary(REPO / "models" / name)
    assert card["license"] == "apache-2.0" and card["language"] == ["en", "es", "pt", "zh"]
    assert {"named-entity-recognition", "relation-extraction"} <= set(card["tags"])
    assert card["datasets"] and card["base_model"]
    assert card["title"] == f"dignitary {name} model (`models/{name}`)"
    assert card["summary"].startswith("Joint entity tagger + relation head")


@pytest.mark.parametrize("name", MODELS)
@pytest.mark.parametrize("task,key", [("Named entity recognition", "entities"), ("Relation extraction", "relations")])
def test_card_results_are_the_measured_dev_scores(name, task, key):
    model = REPO / "models" / name
    measured = json.loads((model / "dev_eval.json").read_text())[key]["micro"]
    reported = {r["metric"]: r["value"] for r in card_summary(model)["results"] if r["task"].startswith(task)}
    assert reported == {m: round(measured[m], 3) for m in ("f1", "precision", "recall")}


def test_a_directory_without_a_card(tmp_path):
    assert card_summary(tmp_path) == {}
