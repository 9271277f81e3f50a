"""Hugging Face datasets: annotate a Dataset with Dataset.map, round trips of annotated documents."""
import pickle

import pytest

datasets = pytest.importorskip("datasets")

from dignitary.errors import DataError  # noqa: E402
from dignitary.extractor import Extractor  # noqa: E402
from dignitary.integrations.hf_datasets import (  # noqa: E402
    DatasetAnnotator,
    annotate_dataset,
    documents_from_dataset,
    documents_to_dataset,
    load_documents,
)
from dignitary.jsonl import read_jsonl  # noqa: E402
from dignitary.schema import Schema  # noqa: E402
from dignitary.training.trainer import read_training_file  # noqa: E402

from tests.helpers import REPO  # noqa: E402

TOY = REPO / "tests" / "data" / "toy.jsonl"


def test_documents_round_trip_through_parquet_disk_and_jsonl(tmp_path):
    docs = read_jsonl(TOY)
    dataset = documents_to_dataset(docs)
    assert dataset.column_names == ["id", "text", "entities", "relations"] and len(dataset) == len(docs)
    dataset.to_parquet(str(tmp_path / "toy.parquet"))
    dataset.save_to_disk(str(tmp_path / "toy_disk"))
    schema = Schema.builtin("default")
    assert load_documents(tmp_path / "toy.parquet", schema) == docs
    assert load_documents(tmp_path / "toy_disk", schema) == docs
    assert load_documents(TOY, schema) == docs
    assert read_training_file(tmp_path / "toy.parquet", schema) == docs  # dignitary train reads Parquet too


def test_invalid_rows_are_reported_with_their_number():
    rows = [{"id": "a", "text": "Ma Hui", "entities": [{"id": "T1", "start": 0, "end": 6, "label": "PER"}],
             "relations": []},
            {"id": "b", "text": "Ma Hui", "entities": [{"id": "T1", "start": 0, "end": 60, "label": "PER"}],
             "relations": []}]
    with pytest.raises(DataError, match=r"^<dataset>:2: "):
        documents_from_dataset(rows)


def test_annotate_dataset_gives_the_extractors_annotations(tiny_model_dir):
    texts = ["Liu Haixing, minister of the International Department, met Ma Hui in Beijing.",
             "The news agency said nothing.",
             "Xi Jinping met Nicolas Maduro, president of Venezuela, in Caracas."]
    dataset = datasets.Dataset.from_dict({"text": texts, "source": ["a", "b", "c"]})
    annotated = annotate_dataset(dataset, tiny_model_dir, batch_size=2, device="cpu")
    assert annotated.column_names == ["text", "source", "entities", "relations"]
    expected = [d.to_dict() for d in Extractor.from_pretrained(tiny_model_dir, device="cpu").pipe(texts)]
    for row, exp in zip(annotated, expected):
        assert [(e["id"], e["start"], e["end"], e["label"], e["text"]) for e in row["entities"]] == \
            [(e["id"], e["start"], e["end"], e["label"], e["text"]) for e in exp["entities"]]
        assert [(r["head"], r["tail"], r["label"]) for r in row["relations"]] == \
            [(r["head"], r["tail"], r["label"]) for r in exp["relations"]]
    assert sum(len(r["entities"]) for r in annotated) > 0
    # the columns read back as validated documents
    back = documents_from_dataset(annotated.add_column("id", ["a", "b", "c"]))
    assert [len(d.entities) for d in back] == [len(e["entities"]) for e in expected]


def test_the_annotator_works_with_a_plain_map_and_pickles_as_its_settings(tiny_model_dir):
    annotator = DatasetAnnotator(tiny_model_dir, text_column="body", device="cpu")
    dataset = datasets.Dataset.from_dict({"body": ["Ma Hui met Xi Jinping."] * 3})
    mapped = dataset.map(annotator, batched=True, batch_size=2)
    assert len(mapped["entities"]) == 3 and mapped["entities"][0] == mapped["entities"][2]
    restored = pickle.loads(pickle.dumps(annotator))
    assert (restored.model, restored.text_column, restored.load_kwargs) == \
        (annotator.model, "body", {"device": "cpu"})
    from datasets.fingerprint import Hasher

    assert Hasher.hash(annotator) == Hasher.hash(DatasetAnnotator(tiny_model_dir, text_column="body", device="cpu"))
    assert Hasher.hash(annotator) != Hasher.hash(DatasetAnnotator(tiny_model_dir, device="cpu"))


@pytest.mark.shipped_model
def test_shipped_model_annotates_a_dataset():
    text = ("Liu Haixing, Minister of the International Department of the CPC Central Committee, met "
            "Remigio Ceballos, the Venezuelan Ambassador to China.")
    row = annotate_dataset(datasets.Dataset.from_dict({"text": [text]}), device="cpu")[0]
    labels = {e["label"] for e in row["entities"]}
    assert {"PER", "TITLE", "ORG"} <= labels
    assert "met" in {r["label"] for r in row["relations"]}
