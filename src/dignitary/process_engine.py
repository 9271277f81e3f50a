"""Extraction in worker processes on this machine: ``dignitary extract --workers N``.

Each worker process holds the model (``extract_run.ExtractionWorker``) with its own CPU threads
and annotates whole batches; the parent process reads the inputs, writes the output and keeps the
results in input order (the extract loop of ``extract_run``). A batch is annotated exactly as in
one process, so the output is the same record for record. Processes rather than threads: the
tokenizer, Viterbi and relation decoding are Python, and they then run on every core while the
other workers' encoders run.

Workers are started with ``spawn`` (no inherited thread pools or CUDA state), all of them at
once, and every one has loaded the model before ``start`` returns. They ignore Ctrl-C from birth:
the parent stops them, and ends them at once when batches they are working on will not be read.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Iterable, Iterator

from .cpus import usable_cpus
from .document import Document
from .errors import DignitaryError
from .extract_run import ExtractionWorker, Outcome, in_input_order
from .extractor import ModelSettings

# --workers auto on a large machine: each worker holds a copy of the model (a few hundred MB in int8)
AUTO_MAX_WORKERS = 8
IN_FLIGHT_PER_WORKER = 2  # batches queued per worker: none waits, the parent holds little
WORKER_DIED = ("a worker process died (out of memory, or killed); the output holds every batch finished "
               "before it: rerun with --resume")

_settings: ModelSettings | None = None
_barrier: Any = None  # every worker has loaded the model when all have reached it
_worker: ExtractionWorker | None = None


def auto_workers(settings: ModelSettings, threads: int | None) -> int:
    """``--workers auto``: a process per ``threads`` usable CPUs (one thread each when not given), at
    most ``AUTO_MAX_WORKERS``, for a model whose encoder takes one window per call (int8 in ONNX
    Runtime), else this process alone. A model that cannot be planned for gets one process, whose
    loading then reports the problem."""
    try:
        one_window = settings.one_window_per_call()
    except DignitaryError:
        return 1
    return min(max(usable_cpus() // (threads or 1), 1), AUTO_MAX_WORKERS) if one_window else 1


def threads_per_worker(workers: int, threads: int | None) -> int:
    """``threads`` if given, else the usable CPUs shared out among the workers (at least one)."""
    return threads or max(usable_cpus() // workers, 1)


def _start(settings: ModelSettings, barrier: Any) -> None:
    global _settings, _barrier
    _settings, _barrier = settings, barrier
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    if settings.threads:  # the tokenizer's Rust thread pool too, not one thread per core in every worker
        os.environ.setdefault("RAYON_NUM_THREADS", str(settings.threads))


def _loaded() -> ExtractionWorker:
    """This process's worker, loading the model on first use (an error reaches the parent as the
    result of the call, where an initializer's would only break the pool)."""
    global _worker
    if _worker is None:
        assert _settings is not None, "the pool's initializer sets the settings"
        _worker = ExtractionWorker(_settings)
    return _worker


def _ready() -> bool:
    """Load the model, then wait for every other worker to have loaded it (one call per worker)."""
    try:
        _loaded()
    except BaseException:
        _barrier.abort()  # the others stop waiting
        raise
    _barrier.wait()
    return True


def _annotate(docs: list[Document]) -> list[Outcome]:
    return _loaded().annotate(docs)


class ProcessEngine:
    """Batches annotated by ``workers`` processes that each hold the model; results in input order."""

    def __init__(self, executor: ProcessPoolExecutor, workers: int):
        self.executor = executor
        self.workers = workers
        self.unread: set[Future] = set()  # submitted batches whose results were not taken

    @classmethod
    def start(cls, settings: ModelSettings, workers: int) -> "ProcessEngine":
        """Start the ``workers`` processes and wait until each has loaded the model, so that a model
        that cannot load (or does not fit N times) fails here, before any earlier output is replaced."""
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        context = multiprocessing.get_context("spawn")
        executor = ProcessPoolExecutor(workers, mp_context=context, initializer=_start,
                                       initargs=(settings, context.Barrier(workers)))
        engine = cls(executor, workers)
        try:
            with _sigint_ignored():  # inherited by the new processes, which then ignore it from birth
                loads = [engine._submit(_ready) for _ in range(workers)]  # one process each: they wait for all
            failures = [f.exception() for f in loads]
            first = next((e for e in failures if e is not None and not isinstance(e, threading.BrokenBarrierError)),
                         next((e for e in failures if e is not None), None))
            if isinstance(first, BrokenProcessPool):
                raise DignitaryError("a worker process died while loading the model (out of memory?)") from first
            if first is not None:
                raise first
            engine.unread.clear()
        except BaseException:
            engine.close()
            raise
        return engine

    def annotate(self, batches: Iterable[list[Document]]) -> Iterator[list[Outcome]]:
        return in_input_order(batches, lambda docs: self._submit(_annotate, docs), self._result,
                              IN_FLIGHT_PER_WORKER * self.workers)

    def close(self) -> None:
        """Stop the workers: at once when batches are still out (an interruption: their results
        would not be read, and a model still loading could take minutes), else once idle."""
        if self.unread:
            for process in list(getattr(self.executor, "_processes", {}).values()):  # CPython's pool
                process.terminate()
        self.executor.shutdown(wait=True, cancel_futures=True)

    def _submit(self, fn, *args) -> Future:
        try:
            future = self.executor.submit(fn, *args)
        except BrokenProcessPool as exc:  # a worker died between two batches
            raise DignitaryError(WORKER_DIED) from exc
        self.unread.add(future)
        return future

    def _result(self, future: Future) -> list[Outcome]:
        try:
            result = future.result()
        except BrokenProcessPool as exc:
            raise DignitaryError(WORKER_DIED) from exc
        self.unread.discard(future)
        return result


class _sigint_ignored:
    """SIGINT ignored in this process while the block runs (only the main thread can change it)."""

    def __enter__(self) -> None:
        self.previous = None
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, signal.SIG_IGN)

    def __exit__(self, *exc) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)
