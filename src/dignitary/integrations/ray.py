"""Distributed extraction on Ray actors: ``dignitary extract --engine ray``.

The extract loop is the local engine's (``extract_run``: inputs, resume, errors file, output,
tables); only the annotation of each batch runs elsewhere. ``ExtractionActor`` loads the model
once per actor; ``RayEngine`` sends batches to ``workers`` actors (``num_gpus`` each) and yields
the results in input order, with a bounded number of batches in flight.
"""
from __future__ import annotations

from collections import deque
from typing import Any, Iterable, Iterator

from ..document import Document
from ..extract_run import Outcome, annotate_batch
from ..models.registry import locate_model

IN_FLIGHT_PER_WORKER = 2  # batches queued per actor: it never waits, the driver holds little


class ExtractionActor:
    """Holds one ``Extractor``; annotates batches of documents."""

    def __init__(self, model: str | None, device: str = "auto", dtype: str = "auto", batch_size: int = 32,
                 threads: int | None = None):
        from ..extractor import Extractor

        self.extractor = Extractor.from_pretrained(model, device=device, dtype=dtype, batch_size=batch_size,
                                                   threads=threads)
        if self.extractor.backend == "torch":
            from ..device import set_torch_threads

            set_torch_threads(threads)  # this worker process's own pool

    def annotate(self, docs: list[Document]) -> list[Outcome]:
        return annotate_batch(self.extractor, docs)


class RayEngine:
    """Batches annotated by a pool of ``ExtractionActor`` s, results in input order."""

    def __init__(self, actors: list[Any]):
        self.actors = actors

    @classmethod
    def start(cls, args) -> "RayEngine":
        """Connect to (or start) Ray and start ``args.workers`` actors, each loading the model."""
        import ray

        ray.init(address=args.address, ignore_reinit_error=True, log_to_driver=False,
                 include_dashboard=False, configure_logging=False)
        model = str(locate_model(args.model).path.resolve()) if args.model else None  # a name: its directory
        resources = {"num_cpus": args.cpus_per_worker, "num_gpus": args.gpus_per_worker}
        remote = ray.remote(**resources)(ExtractionActor)
        actors = [remote.remote(model, device=args.device, dtype=args.dtype, batch_size=args.batch_size,
                                threads=max(int(args.cpus_per_worker), 1)) for _ in range(args.workers)]
        return cls(actors)

    def annotate(self, batches: Iterable[list[Document]]) -> Iterator[list[Outcome]]:
        import ray

        in_flight: deque = deque()
        for n, docs in enumerate(batches):
            in_flight.append(self.actors[n % len(self.actors)].annotate.remote(docs))
            if len(in_flight) >= IN_FLIGHT_PER_WORKER * len(self.actors):
                yield ray.get(in_flight.popleft())
        while in_flight:
            yield ray.get(in_flight.popleft())
