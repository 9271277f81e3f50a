"""The public inference API: ``Extractor.from_pretrained(path)(texts)`` → ``Document`` objects.

Follows spaCy's component contract: ``predict`` computes without touching its inputs,
``set_annotations`` writes the results onto new documents.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Union

import torch

from .device import resolve_device, resolve_dtype
from .document import Document
from .errors import DataError, DignitaryError
from .inference.predictor import Prediction, Predictor, annotate
from .models.pretrained import load_pretrained
from .models.registry import MODEL_ENV, locate_model, warn_if_incompatible
from .validation import parse_item

TextLike = Union[str, Document, dict]
ErrorHandler = Callable[[Any, DataError], None]
DEFAULT_MODEL_ENV = MODEL_ENV
BACKENDS = ("torch", "onnx")


def default_model_path() -> Path:
    """``$DIGNITARY_MODEL``, else ``models/default`` of a source checkout, else the installed default model."""
    return locate_model(None).path


class Extractor:
    """Finds entities and relations in texts with a trained joint model."""

    def __init__(self, predictor: Predictor, meta: dict[str, Any] | None = None, batch_size: int = 32,
                 path: Path | None = None):
        self.predictor = predictor
        self.meta = meta or {}
        self.batch_size = batch_size
        self.path = path

    @property
    def schema(self):
        return self.predictor.schema

    @classmethod
    def from_pretrained(cls, path: str | Path | None = None, device: str = "auto", dtype: str = "auto",
                        backend: str = "torch", batch_size: int = 32, token_budget: int = 8192,
                        threads: int | None = None, relation_threshold: float | None = None) -> "Extractor":
        """Load a model: a directory, an installed model's name, or ``None`` for the default model.

        ``dtype``: ``auto`` (bf16 on CUDA, fp32 on CPU), ``fp32``, ``bf16``, ``fp16`` or ``int8``
        (CPU: the encoder's matrix products with int8 weights in ONNX Runtime). ``backend``:
        ``torch`` or ``onnx`` (the encoder in ONNX Runtime). The ONNX files are exported on first
        use into the model directory, or a cache folder when it is read-only.
        """
        if threads:
            torch.set_num_threads(threads)
        path = locate_model(path).path
        if backend not in BACKENDS:
            raise DignitaryError(f"unknown backend {backend!r}; choose from {BACKENDS}")
        dev = resolve_device(device)
        model, tokenizer, meta = load_pretrained(path)
        warn_if_incompatible(meta)
        autocast = resolve_dtype(dtype, dev)
        if dtype == "int8":
            if dev.type != "cpu":
                raise DignitaryError("int8 runs on the CPU only")
            backend = "onnx"  # int8 weights run in ONNX Runtime (see OnnxEncoder)
        model.to(dev)
        if backend == "onnx":
            from .inference.onnx_backend import OnnxEncoder
            encoder = OnnxEncoder(path, model, threads=threads, int8=dtype == "int8")
            model.encode = encoder.encode  # type: ignore[method-assign]
        predictor = Predictor(model, tokenizer, device=dev, autocast_dtype=autocast, token_budget=token_budget,
                              max_batch_size=max(batch_size, 1) * 4, relation_threshold=relation_threshold)
        return cls(predictor, meta, batch_size, path=path)

    def predict(self, docs: list[Document]) -> list[Prediction]:
        """Entities and relations for each document; the documents are not changed."""
        return self.predictor.predict([d.text for d in docs])

    @staticmethod
    def set_annotations(docs: list[Document], predictions: list[Prediction]) -> list[Document]:
        """New documents carrying the predictions (input fields kept in ``meta``)."""
        return [annotate(d, p) for d, p in zip(docs, predictions)]

    def __call__(self, texts: TextLike | list[TextLike]) -> Document | list[Document]:
        if isinstance(texts, (str, Document, dict)):
            return list(self.pipe([texts]))[0]
        return list(self.pipe(list(texts)))

    def pipe(self, items: Iterable[TextLike], batch_size: int | None = None,
             on_error: ErrorHandler | None = None) -> Iterator[Document]:
        """Stream annotated documents in input order, ``batch_size`` documents at a time.

        A document the model cannot take raises ``DataError`` naming it; with ``on_error``, it is
        passed there instead (with the exception) and the other documents go on.
        """
        size = batch_size or self.batch_size
        if size < 1:
            raise ValueError(f"batch_size must be at least 1, got {size}")
        buffer: list[Document] = []
        for i, item in enumerate(items):
            try:
                buffer.append(parse_item(item, i))
            except DataError as exc:
                if on_error is None:
                    raise
                on_error(item, exc)
                continue
            if len(buffer) >= size:
                yield from self._annotate(buffer, on_error)
                buffer = []
        if buffer:
            yield from self._annotate(buffer, on_error)

    def _annotate(self, docs: list[Document], on_error: ErrorHandler | None) -> list[Document]:
        """Annotate a batch; if it fails, each document alone, so one bad document loses no other."""
        try:
            return self.set_annotations(docs, self.predict(docs))
        except Exception:  # noqa: BLE001 - isolated below, document by document
            pass
        out = []
        for doc in docs:
            try:
                out += self.set_annotations([doc], self.predict([doc]))
            except Exception as exc:  # noqa: BLE001 - reported, never swallowed
                error = DataError(f"document {doc.id!r}: the model cannot process it "
                                  f"({type(exc).__name__}: {exc})")
                if on_error is None:
                    raise error from exc
                on_error(doc, error)
        return out
