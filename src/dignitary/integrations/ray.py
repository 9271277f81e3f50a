"""Distributed batch extraction on Ray Data.

Files are read with ``ray.data.read_binary_files`` and split into numbered lines, so a bad
record is reported with its file and line exactly as by the local CLI. ``ExtractionActor``
loads the model once per actor; ``map_batches`` runs ``concurrency`` actors with ``num_gpus``
each. The driver streams results into the output JSONL and the errors file, in input order.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any, Iterator

import numpy as np

from ..batch import InputRecord, is_text_file, text_file_record
from ..jsonl import parse_line
from ..models.registry import locate_model


def _lines(row: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per input record: a whole ``.txt`` file or one JSONL line, with its location."""
    path, data = row["path"], row["bytes"]
    if is_text_file(path):
        return [{"source": path, "line": 0, "raw": data}]
    return [{"source": path, "line": n, "raw": raw} for n, raw in enumerate(data.splitlines(keepends=True), 1)]


class ExtractionActor:
    """Holds one ``Extractor``; turns a batch of raw records into output lines or errors."""

    def __init__(self, model: str | None, device: str = "auto", dtype: str = "auto", batch_size: int = 32,
                 text_field: str = "text", id_field: str = "id", skip_ids: frozenset[str] = frozenset(),
                 threads: int | None = None):
        from ..extractor import Extractor

        self.extractor = Extractor.from_pretrained(model, device=device, dtype=dtype, batch_size=batch_size,
                                                   threads=threads)
        if self.extractor.backend == "torch":
            from ..device import set_torch_threads

            set_torch_threads(threads)  # this worker process's own pool
        self.text_field, self.id_field, self.skip_ids = text_field, id_field, skip_ids

    def _parse(self, source: str, line: int, raw: bytes) -> InputRecord | None:
        if line == 0:
            return text_file_record(source, raw)
        result = parse_line(raw, source, line, None, self.text_field, self.id_field, with_annotations=False)
        return None if result is None else InputRecord(result.source, result.line, result.document, result.error)

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, list]:
        out: dict[str, list] = {"source": [], "line": [], "output": [], "error": []}
        docs, slots = [], []
        for source, line, raw in zip(batch["source"], batch["line"], batch["raw"]):
            rec = self._parse(str(source), int(line), bytes(raw))
            if rec is None or (rec.document is not None and rec.document.id in self.skip_ids):
                continue
            out["source"].append(str(source))
            out["line"].append(int(line))
            if rec.error is not None:
                out["output"].append("")
                out["error"].append(rec.error.reason)
            else:
                assert rec.document is not None  # a record without an error holds its document
                out["output"].append(None)
                out["error"].append("")
                docs.append(rec.document)
                slots.append(len(out["output"]) - 1)
        failed: dict[int, str] = {}
        annotated = iter(list(self.extractor.pipe(
            docs, on_error=lambda doc, exc: failed.update({id(doc): exc.reason}))))
        for slot, doc in zip(slots, docs):
            if id(doc) in failed:  # a document the model cannot take: an error line, as in the local engine
                out["output"][slot] = ""
                out["error"][slot] = failed[id(doc)]
            else:
                out["output"][slot] = json.dumps(next(annotated).to_dict(), ensure_ascii=False)
        return out


def extract_dataset(paths: list[str], model: str | None = None, workers: int = 1, gpus_per_worker: float = 0.0,
                    cpus_per_worker: float = 1.0, batch_size: int = 32, device: str = "auto", dtype: str = "auto",
                    text_field: str = "text", id_field: str = "id", skip_ids: frozenset[str] = frozenset()):
    """The lazy Ray ``Dataset`` of results (columns ``source``, ``line``, ``output``, ``error``)."""
    import ray.data

    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    model = str(locate_model(model).path.resolve()) if model else None  # a name becomes its installed directory
    ds = ray.data.read_binary_files([str(Path(p).resolve()) for p in paths], include_paths=True)
    ds = ds.flat_map(_lines)
    return ds.map_batches(
        ExtractionActor,
        fn_constructor_kwargs=dict(model=model, device=device, dtype=dtype, batch_size=batch_size,
                                   text_field=text_field, id_field=id_field, skip_ids=skip_ids,
                                   threads=max(int(cpus_per_worker), 1)),
        batch_size=batch_size, compute=ray.data.ActorPoolStrategy(min_size=1, max_size=workers),
        num_cpus=cpus_per_worker, num_gpus=gpus_per_worker or None, batch_format="numpy",
    )


def iter_results(dataset) -> Iterator[dict[str, Any]]:
    for batch in dataset.iter_batches(batch_format="numpy", batch_size=None):
        for source, line, output, error in zip(batch["source"], batch["line"], batch["output"], batch["error"]):
            yield {"source": str(source), "line": int(line) or None, "output": output, "error": str(error)}


def run_ray_extract(args) -> int:
    """``dignitary extract --engine ray``: same inputs, outputs and error file as the local engine."""
    import ray

    from ..batch import ErrorLog, completed_ids, discover_inputs
    from ..errors import DignitaryError

    if args.output == "-":
        raise DignitaryError("--engine ray needs an output file (-o)")
    paths = [p for p in discover_inputs(args.inputs) if p != "-"]
    out = Path(args.output)
    done = frozenset(completed_ids(out)) if args.resume else frozenset()
    ray.init(address=args.address, ignore_reinit_error=True, log_to_driver=False,
             include_dashboard=False, configure_logging=False)
    errors = ErrorLog(args.errors or f"{args.output}.errors.jsonl")
    n_docs = 0
    with open(out, "a" if args.resume else "w", encoding="utf-8") as handle:
        dataset = extract_dataset(paths, args.model, args.workers, args.gpus_per_worker, args.cpus_per_worker,
                                  args.batch_size,
                                  args.device, args.dtype, args.text_field, args.id_field, done)
        for row in iter_results(dataset):
            if row["error"]:
                errors.write(row["source"], row["line"], row["error"])
            else:
                handle.write(row["output"] + "\n")
                n_docs += 1
        handle.flush()
    errors.close()
    print(f"{n_docs} documents; {errors.count} errors (engine ray, {args.workers} workers)")
    return 2 if errors.count else 0
