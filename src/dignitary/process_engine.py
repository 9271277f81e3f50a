"""Extraction in worker processes on this machine: ``dignitary extract --workers N``.

Each worker process holds the model (``extract_run.ExtractionWorker``) with its own CPU threads
and annotates whole batches; the parent process reads the inputs, writes the output and keeps the
results in input order (the extract loop of ``extract_run``). A batch is annotated exactly as in
one process, so the output is the same record for record. Processes rather than threads: the
tokenizer, Viterbi and relation decoding are Python, and they then run on every core while the
other workers' encoders run.

Workers are started with ``spawn`` (no inherited thread pools or CUDA state) and ignore Ctrl-C:
the parent stops them once its current batches are written.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator

from .document import Document
from .errors import DignitaryError
from .extract_run import ExtractionWorker, Outcome, in_input_order
from .extractor import ModelSettings

IN_FLIGHT_PER_WORKER = 2  # batches queued per worker: none waits, the parent holds little

_settings: ModelSettings | None = None
_worker: ExtractionWorker | None = None


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity where the platform tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def threads_per_worker(workers: int, threads: int | None) -> int:
    """``threads`` if given, else the usable CPUs shared out among the workers (at least one)."""
    return threads or max(usable_cpus() // workers, 1)


def _start(settings: ModelSettings) -> None:
    global _settings
    _settings = settings
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop


def _loaded() -> ExtractionWorker:
    """This process's worker, loading the model on first use (an error reaches the parent as the
    result of the call, where an initializer's would only break the pool)."""
    global _worker
    if _worker is None:
        assert _settings is not None, "the pool's initializer sets the settings"
        _worker = ExtractionWorker(_settings)
    return _worker


def _ready() -> bool:
    _loaded()
    return True


def _annotate(docs: list[Document]) -> list[Outcome]:
    return _loaded().annotate(docs)


class ProcessEngine:
    """Batches annotated by ``workers`` processes that each hold the model; results in input order."""

    def __init__(self, executor: ProcessPoolExecutor, workers: int):
        self.executor = executor
        self.workers = workers

    @classmethod
    def start(cls, settings: ModelSettings, workers: int) -> "ProcessEngine":
        """Start the pool and wait until a worker has loaded the model, so that a model that cannot
        load fails here, before any earlier output is replaced."""
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                       initializer=_start, initargs=(settings,))
        engine = cls(executor, workers)
        try:
            engine._result(executor.submit(_ready))
        except BaseException:
            engine.close()
            raise
        return engine

    def annotate(self, batches: Iterable[list[Document]]) -> Iterator[list[Outcome]]:
        return in_input_order(batches, lambda docs: self.executor.submit(_annotate, docs), self._result,
                              IN_FLIGHT_PER_WORKER * self.workers)

    def close(self) -> None:
        """Stop the workers (batches not yet started are dropped)."""
        self.executor.shutdown(wait=True, cancel_futures=True)

    @staticmethod
    def _result(future: Future) -> list[Outcome]:
        try:
            return future.result()
        except BrokenProcessPool as exc:
            raise DignitaryError("a worker process died (out of memory, or killed); the output holds every "
                                 "batch finished before it: rerun with --resume") from exc
