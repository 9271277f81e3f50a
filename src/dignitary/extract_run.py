"""The one extract loop of ``dignitary extract``: inputs, resume, error records, output, tables.

An engine only turns batches of documents into annotated documents (``Engine``): in this process
(``LocalEngine``), in worker processes on this machine (``process_engine.ProcessEngine``) or on
Ray actors (``integrations.ray.RayEngine``); the last two hold an ``ExtractionWorker`` each and
keep a few batches in flight (``in_input_order``). Everything else, the same for every engine, is
here: read and check the inputs, skip ids already written (``--resume``), write bad records to the
errors file with their file and line, append the output (locked, fsynced per batch), stream the
tables, report progress, and stop cleanly on Ctrl-C or SIGTERM.
"""
from __future__ import annotations

import itertools
import sys
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Protocol, TypeVar

from .batch import (
    DuplicateIds,
    ErrorLog,
    JsonlSink,
    check_paths_differ,
    completed_ids,
    count_records,
    discover_inputs,
    iter_inputs,
    read_output,
)
from .document import Document
from .errors import DataError, DignitaryError
from .extractor import ModelSettings, batched
from .jsonl import InputRecord
from .text.scripts import word_count

if TYPE_CHECKING:
    from .extractor import Extractor
    from .records.stream import TableWriter

__all__ = ["Engine", "ExtractJob", "ExtractionWorker", "LocalEngine", "ModelSettings", "Outcome", "Summary",
           "annotate_batch", "in_input_order", "run_extract"]

Outcome = Document | DataError  # an annotated document, or why the model could not take it
Pending = TypeVar("Pending")  # a batch sent off: a future, a Ray object reference


class Engine(Protocol):
    def annotate(self, batches: Iterable[list[Document]]) -> Iterator[list[Outcome]]:
        """For each batch, in order, its documents annotated (or their errors), in order."""
        ...


def annotate_batch(extractor: "Extractor", docs: list[Document]) -> list[Outcome]:
    """Each document annotated, or the ``DataError`` of one the model cannot take (the others go on)."""
    failed: dict[int, DataError] = {}
    annotated = iter(list(extractor.pipe(docs, batch_size=len(docs),
                                         on_error=lambda doc, exc: failed.update({id(doc): exc}))))
    return [failed[id(doc)] if id(doc) in failed else next(annotated) for doc in docs]


class ExtractionWorker:
    """Holds one ``Extractor`` in a worker process or Ray actor; annotates the batches sent to it."""

    def __init__(self, settings: ModelSettings):
        self.extractor = settings.load()

    def annotate(self, docs: list[Document]) -> list[Outcome]:
        return annotate_batch(self.extractor, docs)


def in_input_order(batches: Iterable[list[Document]], submit: Callable[[list[Document]], Pending],
                   collect: Callable[[Pending], list[Outcome]], in_flight: int) -> Iterator[list[Outcome]]:
    """Each batch ``submit``-ted as it comes, at most ``in_flight`` of them unfinished, and their
    results ``collect``-ed and yielded in input order (workers never wait; memory stays bounded)."""
    pending: deque = deque()
    for docs in batches:
        pending.append(submit(docs))
        if len(pending) >= in_flight:
            yield collect(pending.popleft())
    while pending:
        yield collect(pending.popleft())


class LocalEngine:
    """The model in this process."""

    def __init__(self, extractor: "Extractor"):
        self.extractor = extractor

    def annotate(self, batches: Iterable[list[Document]]) -> Iterator[list[Outcome]]:
        for docs in batches:
            yield annotate_batch(self.extractor, docs)


@dataclass
class ExtractJob:
    """What ``dignitary extract`` reads and writes."""

    inputs: list[str]
    output: str = "-"  # "-" is stdout
    errors: str | None = None  # default: OUTPUT.errors.jsonl, or stderr when writing to stdout
    resume: bool = False
    tables: str | None = None  # folder for positions.csv and meetings.csv
    batch_size: int = 32
    text_field: str = "text"
    id_field: str = "id"
    stdin_format: str = "auto"
    progress: bool = True

    @property
    def output_file(self) -> Path | None:
        return None if self.output == "-" else Path(self.output)

    @property
    def errors_path(self) -> str | None:
        return self.errors or (f"{self.output}.errors.jsonl" if self.output_file else None)


@dataclass
class Summary:
    documents: int = 0
    words: int = 0
    skipped: int = 0
    errors: int = 0
    seconds: float = 0.0
    interrupted: bool = False


def run_extract(job: ExtractJob, start_engine: Callable[[], Engine]) -> Summary:
    """Run one extraction; ``start_engine`` loads the model (the earlier output is replaced only
    once it has). A Ctrl-C or SIGTERM (``KeyboardInterrupt``) ends the run with valid output and
    ``Summary.interrupted``."""
    if job.resume and job.output_file is None:
        raise DignitaryError("--resume needs an output file (-o)")
    paths = discover_inputs(job.inputs)
    check_paths_differ(paths, job.output, job.errors_path)
    sink = JsonlSink(job.output, append=job.resume, id_field=job.id_field, text_field=job.text_field)
    try:
        return _run(job, paths, sink, start_engine)
    finally:
        sink.close()


def _run(job: ExtractJob, paths: list[str], sink: JsonlSink, start_engine: Callable[[], Engine]) -> Summary:
    out = job.output_file
    done = completed_ids(out, job.id_field) if (job.resume and out) else set()
    engine = start_engine()
    try:
        return _annotate_all(job, paths, sink, engine, done)
    finally:
        close = getattr(engine, "close", None)  # an engine with processes or actors of its own stops them
        if close is not None:
            close()


def _annotate_all(job: ExtractJob, paths: list[str], sink: JsonlSink, engine: Engine, done: set[str]) -> Summary:
    from tqdm.auto import tqdm

    sink.begin()  # the model loaded: only now is earlier output replaced
    errors = ErrorLog(job.errors_path)
    tables = _start_tables(job, done)
    progress = tqdm(total=count_records(paths), unit="doc", disable=not job.progress or None, file=sys.stderr)
    summary = Summary()
    started = time.perf_counter()
    duplicates = DuplicateIds()

    def to_annotate() -> Iterator[InputRecord]:
        for rec in iter_inputs(paths, job.text_field, job.id_field, job.stdin_format, default_ids=True):
            if rec.document is not None:
                reason = duplicates.check(rec.document.id, rec.source, rec.line)
                if reason is not None:
                    rec = InputRecord(rec.source, rec.line, error=DataError(reason))
            if rec.error is not None:
                errors.write(rec.source, rec.line, rec.error.reason)
                progress.update(1)
            elif rec.document is not None and rec.document.id in done:
                summary.skipped += 1
                progress.update(1)
            else:
                yield rec

    batches, pending = itertools.tee(batched(to_annotate(), job.batch_size))
    try:
        for records, results in zip(pending, engine.annotate([r.document for r in b if r.document] for b in batches)):
            written = []
            for rec, result in zip(records, results):
                if isinstance(result, DataError):
                    errors.write(rec.source, rec.line, result.reason)
                else:
                    written.append(result)
            sink.write(written)
            if tables:
                tables.write(written)
            summary.documents += len(written)
            summary.words += sum(word_count(d.text) for d in written)
            progress.update(len(records))
            elapsed = max(time.perf_counter() - started, 1e-9)
            progress.set_postfix(docs_s=f"{summary.documents / elapsed:.1f}", words_s=f"{summary.words / elapsed:.0f}")
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        progress.close()
        errors.close()
        if tables:
            tables.close()
    summary.errors = errors.count
    summary.seconds = time.perf_counter() - started
    return summary


def _start_tables(job: ExtractJob, done: set[str]) -> "TableWriter | None":
    if not job.tables:
        return None
    from .records.stream import TableWriter

    tables = TableWriter(job.tables)
    if done and job.output_file:
        # rebuilt from the output on --resume: rows of documents written just before a crash are not lost
        tables.write(read_output(job.output_file, job.id_field, job.text_field))
    return tables
