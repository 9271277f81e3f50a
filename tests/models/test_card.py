"""The shipped model card: Hub metadata in its front matter, figures equal to the measured dev report."""
import json

import pytest

from dignitary.models.card import card_summary

from tests.helpers import REPO

MODEL = REPO / "models" / "default"


def test_card_has_hub_metadata():
    card = card_summary(MODEL)
    assert card["license"] == "apache-2.0" and card["language"] == ["en", "es", "pt", "zh"]
    assert {"named-entity-recognition", "relation-extraction"} <= set(card["tags"])
    assert card["datasets"] and card["base_model"]
    assert card["title"] == "dignitary default model (`models/default`)"
    assert card["summary"].startswith("Joint entity tagger + relation head")


@pytest.mark.parametrize("task,key", [("Named entity recognition", "entities"), ("Relation extraction", "relations")])
def test_card_results_are_the_measured_dev_scores(task, key):
    measured = json.loads((MODEL / "dev_eval.json").read_text())[key]["micro"]
    reported = {r["metric"]: r["value"] for r in card_summary(MODEL)["results"] if r["task"].startswith(task)}
    assert reported == {m: round(measured[m], 3) for m in ("f1", "precision", "recall")}


def test_a_directory_without_a_card(tmp_path):
    assert card_summary(tmp_path) == {}
