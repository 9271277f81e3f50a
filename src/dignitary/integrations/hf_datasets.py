"""Hugging Face ``datasets``: annotate a ``Dataset`` and read or write annotated documents as one.

``annotate_dataset(ds)`` (or ``ds.map(DatasetAnnotator(), batched=True)``) reads a column of texts
and adds ``entities`` and ``relations`` columns in the JSONL format of ``ANNOTATION.md``.
``load_documents`` reads training data that ``datasets`` can read (Parquet, JSON Lines, a folder
written by ``save_to_disk``, or a Hub dataset when online) into validated ``Document`` objects.
Needs ``pip install dignitary[datasets]``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

import datasets

from ..document import Document
from ..errors import DataError
from ..schema import Schema
from ..validation import parse_record

ENTITY_FEATURE = datasets.List({
    "id": datasets.Value("string"), "start": datasets.Value("int64"), "end": datasets.Value("int64"),
    "label": datasets.Value("string"), "text": datasets.Value("string"), "score": datasets.Value("float64")})
RELATION_FEATURE = datasets.List({
    "head": datasets.Value("string"), "tail": datasets.Value("string"), "label": datasets.Value("string"),
    "score": datasets.Value("float64")})
BUILDERS = {".jsonl": "json", ".json": "json", ".parquet": "parquet"}


def _entity_rows(doc: Document) -> list[dict[str, Any]]:
    return [{"id": e.id, "start": e.start, "end": e.end, "label": e.label, "text": doc.mention_text(e),
             "score": e.score} for e in doc.entities]


def _relation_rows(doc: Document) -> list[dict[str, Any]]:
    return [{"head": r.head, "tail": r.tail, "label": r.label, "score": r.score} for r in doc.relations]


class DatasetAnnotator:
    """A batched ``Dataset.map`` function: texts in, ``entities`` and ``relations`` columns out.

    ``model`` is a model directory or an installed model's name (default model if ``None``); the
    model is loaded on first use in each process. It pickles as its arguments, so ``datasets``
    caches results per model and settings and ``num_proc`` works.
    """

    def __init__(self, model: str | Path | None = None, text_column: str = "text", **load_kwargs: Any):
        from ..models.registry import locate_model

        self.model = str(locate_model(model).path.resolve())
        self.text_column = text_column
        self.load_kwargs = load_kwargs
        self._extractor = None

    @property
    def extractor(self):
        if self._extractor is None:
            from ..extractor import Extractor

            self._extractor = Extractor.from_pretrained(self.model, **self.load_kwargs)
        return self._extractor

    def _stamp(self) -> tuple:
        weights = Path(self.model) / "model.safetensors"
        stat = weights.stat() if weights.is_file() else None
        return (stat.st_size, stat.st_mtime_ns) if stat else ()

    def __reduce__(self):
        # what datasets hashes for its cache: the model (path, size and time of the weights) and the settings
        return (_restore_annotator, (self.model, self.text_column, self.load_kwargs, self._stamp()))

    def __call__(self, batch: dict[str, list]) -> dict[str, list]:
        docs = [Document(str(i), text) for i, text in enumerate(batch[self.text_column])]
        docs = self.extractor.predict(docs)
        return {"entities": [_entity_rows(d) for d in docs], "relations": [_relation_rows(d) for d in docs]}


def _restore_annotator(model: str, text_column: str, load_kwargs: dict, _stamp: tuple) -> DatasetAnnotator:
    return DatasetAnnotator(model, text_column, **load_kwargs)


def annotate_dataset(dataset: datasets.Dataset, model: str | Path | None = None, text_column: str = "text",
                     batch_size: int = 32, **load_kwargs: Any) -> datasets.Dataset:
    """``dataset`` with ``entities`` and ``relations`` columns, through a batched ``Dataset.map``."""
    features = dataset.features.copy()
    features["entities"] = ENTITY_FEATURE
    features["relations"] = RELATION_FEATURE
    return dataset.map(DatasetAnnotator(model, text_column, **load_kwargs), batched=True, batch_size=batch_size,
                       features=features, desc="dignitary")


def documents_to_dataset(docs: Iterable[Document]) -> datasets.Dataset:
    """Documents as a ``Dataset`` with ``id``, ``text``, ``entities`` and ``relations`` columns."""
    docs = list(docs)
    return datasets.Dataset.from_dict(
        {"id": [d.id for d in docs], "text": [d.text for d in docs],
         "entities": [_entity_rows(d) for d in docs], "relations": [_relation_rows(d) for d in docs]},
        features=datasets.Features({"id": datasets.Value("string"), "text": datasets.Value("string"),
                                    "entities": ENTITY_FEATURE, "relations": RELATION_FEATURE}))


def documents_from_dataset(dataset: Iterable[dict], schema: Schema | None = None, source: str = "<dataset>",
                           text_field: str = "text", id_field: str = "id") -> list[Document]:
    """Validated documents from the rows of a ``Dataset`` (errors name the row)."""
    docs = []
    for n, row in enumerate(dataset, 1):
        record = dict(row)
        for key in ("entities", "relations"):
            record[key] = [{k: v for k, v in item.items() if v is not None} for item in record.get(key) or []]
        record.setdefault(id_field, str(n))
        try:
            docs.append(parse_record(record, schema, text_field=text_field, id_field=id_field))
        except DataError as exc:
            raise exc.at(source, n) from None
    return docs


def load_documents(source: str | Path, schema: Schema | None = None, split: str = "train") -> list[Document]:
    """Annotated documents from a Parquet or JSON(L) file, a ``save_to_disk`` folder or a Hub dataset."""
    path = Path(source)
    if path.is_dir():
        loaded = datasets.load_from_disk(str(path))
        dataset = loaded[split] if isinstance(loaded, datasets.DatasetDict) else loaded
    elif path.is_file():
        builder = BUILDERS.get(path.suffix.lower())
        if builder is None:
            raise DataError(f"cannot read {path.suffix!r} files; use {', '.join(BUILDERS)}", str(path))
        dataset = datasets.load_dataset(builder, data_files=str(path), split="train")
    else:
        dataset = datasets.load_dataset(str(source), split=split)
    return documents_from_dataset(dataset, schema, source=str(source))
