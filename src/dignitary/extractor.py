"""The public inference API: ``Extractor.from_pretrained(path)(texts)`` → ``Document`` objects.

The model runs through a ``JointComponent`` (``dignitary.models.component``) whose backend is
chosen once, here: torch, or ONNX Runtime, which imports neither torch nor transformers.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TypeVar, Union

from .document import Document
from .errors import DataError, DignitaryError
from .inference.backends import BACKENDS, choose_backend
from .models.component import JointComponent
from .models.metadata import load_model_meta, preferred_cpu_dtype
from .models.registry import MODEL_ENV, locate_model, warn_if_incompatible
from .validation import parse_item

TextLike = Union[str, Document, dict]
T = TypeVar("T")
ErrorHandler = Callable[[Any, DataError], None]
DEFAULT_MODEL_ENV = MODEL_ENV
__all__ = ["BACKENDS", "Extractor", "ModelSettings", "default_model_path"]


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last may be shorter), read lazily."""
    if size < 1:
        raise ValueError(f"batch_size must be at least 1, got {size}")
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def default_model_path() -> Path:
    """``$DIGNITARY_MODEL``, else ``models/default`` of a source checkout, else the installed default model."""
    return locate_model(None).path


def plan_runtime(meta: dict[str, Any], device: str, dtype: str, backend: str) -> tuple[str, str, str]:
    """The device, dtype and backend (``torch`` or ``onnx``) a model with these settings
    (``dignitary.json``'s contents) loads with, decided without loading it: a model naming a CPU
    dtype (e.g. ``models/fast``: int8) runs that on the CPU when dtype, device and backend are left
    to it. An unsupported combination raises ``DignitaryError``."""
    if dtype == "auto" and device in ("auto", "cpu") and backend in ("auto", "onnx"):
        preferred = preferred_cpu_dtype(meta)
        if preferred is not None:
            dtype, device = preferred, "cpu"
    return device, dtype, choose_backend(backend, dtype, device)


@dataclass(frozen=True)
class ModelSettings:
    """How to load an ``Extractor`` (``from_pretrained``'s arguments): what a worker process or Ray
    actor needs to load the same model."""

    model: str | None = None  # a directory or an installed model's name; None: the default
    device: str = "auto"
    dtype: str = "auto"
    backend: str = "auto"
    batch_size: int = 32
    threads: int | None = None  # CPU threads of the process holding the model
    token_budget: int = 8192
    relation_threshold: float | None = None

    def one_window_per_call(self) -> bool:
        """Whether the model will run int8 in ONNX Runtime, whose encoder takes one window per call
        (``OnnxEncoder.max_rows``): small matrix products that two threads barely share, so that
        worker processes of one thread each (``--workers``) beat one process (decided without loading)."""
        meta = load_model_meta(locate_model(self.model).path)
        _, dtype, backend = plan_runtime(meta.raw, self.device, self.dtype, self.backend)
        return backend == "onnx" and dtype == "int8"

    def load(self) -> "Extractor":
        """The extractor, with torch's (process-wide) thread pool sized to ``threads`` when torch serves
        (without ``threads``: to a container's CPU quota where one allows fewer CPUs than the affinity)."""
        extractor = Extractor.from_pretrained(self.model, device=self.device, dtype=self.dtype, backend=self.backend,
                                              batch_size=self.batch_size, token_budget=self.token_budget,
                                              threads=self.threads, relation_threshold=self.relation_threshold)
        if extractor.backend == "torch":
            from .cpus import default_threads
            from .device import set_torch_threads

            set_torch_threads(self.threads or default_threads())
        return extractor


class Extractor:
    """Finds entities and relations in texts with a trained joint model."""

    def __init__(self, component: JointComponent, meta: dict[str, Any] | None = None, batch_size: int = 32,
                 path: Path | None = None, settings: ModelSettings | None = None):
        self.component = component
        self.meta = meta or {}
        self.batch_size = batch_size
        self.path = path
        self.settings = settings  # how it was loaded (from_pretrained); worker processes load the same

    @property
    def schema(self):
        return self.component.schema

    @property
    def backend(self) -> str:
        """``torch`` or ``onnx``: what runs the model."""
        return self.component.encoder.name

    @classmethod
    def from_pretrained(cls, path: str | Path | None = None, device: str = "auto", dtype: str = "auto",
                        backend: str = "auto", batch_size: int = 32, token_budget: int = 8192,
                        threads: int | None = None, relation_threshold: float | None = None) -> "Extractor":
        """Load a model: a directory, an installed model's name, or ``None`` for the default model.

        ``dtype``: ``auto`` (bf16 on CUDA, fp32 on CPU; a model that names a CPU dtype in its
        ``dignitary.json``, such as the int8 fast tier ``models/fast``, runs that on the CPU unless
        a device or backend is given), ``fp32``, ``bf16``, ``fp16`` or ``int8``
        (CPU: the encoder's matrix products with int8 weights in ONNX Runtime). ``backend``:
        ``auto`` (``onnx`` for int8, else ``torch``), ``torch``, or ``onnx`` (both graphs in ONNX
        Runtime on the CPU; neither torch nor transformers is imported). An unsupported combination
        raises ``DignitaryError``. The ONNX files are exported on first use into a cache folder.
        ``threads``: the ONNX Runtime sessions' threads; torch's thread pool is the process's own
        (``torch.set_num_threads``, which the CLI's ``--threads`` calls), never set by loading.
        """
        path = locate_model(path).path
        settings = ModelSettings(str(path.resolve()), device, dtype, backend, batch_size, threads, token_budget,
                                 relation_threshold)
        meta = load_model_meta(path)  # without torch; the torch path reads the weights below
        warn_if_incompatible(meta.raw)
        device, dtype, chosen = plan_runtime(meta.raw, device, dtype, backend)
        kwargs: dict[str, Any] = dict(token_budget=token_budget, max_batch_size=max(batch_size, 1) * 4,
                                      relation_threshold=relation_threshold)
        if chosen == "onnx":
            from .inference.onnx_encoder import OnnxEncoder
            from .text.tokenizer import SubwordTokenizer

            encoder = OnnxEncoder(path, threads=threads, int8=dtype == "int8")
            component = JointComponent(encoder, SubwordTokenizer.from_dir(path), meta.schema, meta.heads, **kwargs)
            return cls(component, meta.raw, batch_size, path=path, settings=settings)
        from .device import resolve_device, resolve_dtype
        from .models.pretrained import load_pretrained

        dev = resolve_device(device)
        model, tokenizer, _ = load_pretrained(path)
        model.to(dev)
        component = JointComponent.from_model(model, tokenizer, dev, resolve_dtype(dtype, dev), **kwargs)
        return cls(component, meta.raw, batch_size, path=path, settings=settings)

    def predict(self, docs: list[Document]) -> list[Document]:
        """A copy of each document carrying its entities and relations (input fields kept in
        ``meta``); the documents are not changed."""
        return self.component.predict(docs)

    def __call__(self, texts: TextLike | list[TextLike]) -> Document | list[Document]:
        if isinstance(texts, (str, Document, dict)):
            return list(self.pipe([texts]))[0]
        return list(self.pipe(list(texts)))

    def pipe(self, items: Iterable[TextLike], batch_size: int | None = None,
             on_error: ErrorHandler | None = None, n_process: int = 1) -> Iterator[Document]:
        """Stream annotated documents in input order, ``batch_size`` documents at a time.

        A document the model cannot take raises ``DataError`` naming it; with ``on_error``, it is
        passed there instead (with the exception) and the other documents go on. ``n_process`` > 1
        annotates the batches in that many worker processes, each loading this model with its share
        of the CPUs (``process_engine``); the documents are the same as in this process.
        """
        size = batch_size or self.batch_size
        if size < 1:
            raise ValueError(f"batch_size must be at least 1, got {size}")
        if n_process < 1:
            raise ValueError(f"n_process must be at least 1, got {n_process}")
        batches = batched(self._parsed(items, on_error), size)
        if n_process > 1:
            yield from self._pipe_processes(batches, size, on_error, n_process)
            return
        for batch in batches:
            yield from self._annotate(batch, on_error)

    @staticmethod
    def _parsed(items: Iterable[TextLike], on_error: ErrorHandler | None) -> Iterator[Document]:
        for i, item in enumerate(items):
            try:
                yield parse_item(item, i)
            except DataError as exc:
                if on_error is None:
                    raise
                on_error(item, exc)

    def _pipe_processes(self, batches: Iterator[list[Document]], size: int, on_error: ErrorHandler | None,
                        n_process: int) -> Iterator[Document]:
        from .process_engine import ProcessEngine, threads_per_worker

        if self.settings is None:
            raise DignitaryError("n_process > 1 needs an Extractor loaded by Extractor.from_pretrained")
        settings = replace(self.settings, batch_size=size, threads=threads_per_worker(n_process, None))
        batches, pending = itertools.tee(batches)
        engine = ProcessEngine.start(settings, n_process)
        try:
            for docs, outcomes in zip(pending, engine.annotate(batches)):
                failed = [outcome for outcome in outcomes if isinstance(outcome, DataError)]
                if failed and on_error is None:
                    raise failed[0]  # as in one process: nothing of the batch before its error
                for doc, outcome in zip(docs, outcomes):
                    if isinstance(outcome, DataError):
                        on_error(doc, outcome)  # type: ignore[misc]  # the parsed document, as in one process
                    else:
                        yield outcome
        finally:
            engine.close()

    def _annotate(self, docs: list[Document], on_error: ErrorHandler | None) -> list[Document]:
        """Annotate a batch; if it fails, each document alone, so one bad document loses no other."""
        try:
            return self.predict(docs)
        except Exception:  # noqa: BLE001 - isolated below, document by document
            pass
        out = []
        for doc in docs:
            try:
                out += self.predict([doc])
            except Exception as exc:  # noqa: BLE001 - reported, never swallowed
                error = DataError(f"document {doc.id!r}: the model cannot process it "
                                  f"({type(exc).__name__}: {exc})")
                if on_error is None:
                    raise error from exc
                on_error(doc, error)
        return out
