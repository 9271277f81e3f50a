"""Distributed extraction on Ray actors: ``dignitary extract --engine ray``.

The extract loop is the local engine's (``extract_run``: inputs, resume, errors file, output,
tables); only the annotation of each batch runs elsewhere. Each actor is an
``extract_run.ExtractionWorker``, which loads the model once; ``RayEngine`` sends batches to
``workers`` actors (``num_gpus`` each) and yields the results in input order, with a bounded
number of batches in flight.
"""
from __future__ import annotations

import itertools
from typing import Any, Iterable, Iterator

from ..document import Document
from ..extract_run import ExtractionWorker, Outcome, in_input_order
from ..extractor import ModelSettings
from ..models.registry import locate_model

IN_FLIGHT_PER_WORKER = 2  # batches queued per actor: it never waits, the driver holds little


class RayEngine:
    """Batches annotated by a pool of ``ExtractionWorker`` actors, results in input order."""

    def __init__(self, actors: list[Any]):
        self.actors = actors

    @classmethod
    def start(cls, args) -> "RayEngine":
        """Connect to (or start) Ray and start ``args.workers`` actors, each loading the model."""
        import ray

        ray.init(address=args.address, ignore_reinit_error=True, log_to_driver=False,
                 include_dashboard=False, configure_logging=False)
        model = str(locate_model(args.model).path.resolve()) if args.model else None  # a name: its directory
        settings = ModelSettings(model, device=args.device, dtype=args.dtype, backend=args.backend,
                                 batch_size=args.batch_size, threads=max(int(args.cpus_per_worker), 1))
        resources = {"num_cpus": args.cpus_per_worker, "num_gpus": args.gpus_per_worker}
        remote = ray.remote(**resources)(ExtractionWorker)
        actors = [remote.remote(settings) for _ in range(args.workers)]
        return cls(actors)

    def annotate(self, batches: Iterable[list[Document]]) -> Iterator[list[Outcome]]:
        import ray

        actors = itertools.cycle(self.actors)  # in turn
        return in_input_order(batches, lambda docs: next(actors).annotate.remote(docs), ray.get,
                              IN_FLIGHT_PER_WORKER * len(self.actors))
