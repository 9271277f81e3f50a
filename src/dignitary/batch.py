"""Batch extraction over files: input discovery, bad records to an errors file, resumable output."""
from __future__ import annotations

import fcntl
import itertools
import json
import os
import stat
import sys
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator

from .document import Document
from .errors import DataError, DignitaryError
from .jsonl import BOM, InputRecord, dumps_document, parse_line
from .validation import parse_record

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
STDIN_FORMATS = ("auto", "jsonl", "text")


def _warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def discover_inputs(inputs: Iterable[str], warn: Callable[[str], None] = _warn) -> list[str]:
    """Expand folders (recursively) into their ``.txt``/``.jsonl`` files, in sorted order.

    A path given by name may be any readable file, a FIFO or ``/dev/fd/N`` (process substitution
    ``<(...)``). In folders, broken links and files that are not regular files are skipped with a
    warning.
    """
    found: list[str] = []
    for item in inputs:
        if item == "-":
            found.append(item)
            continue
        path = Path(item)
        if path.is_dir():
            for p in sorted(path.rglob("*")):
                if p.suffix.lower() not in TEXT_SUFFIXES + JSONL_SUFFIXES:
                    continue
                if p.is_file():
                    found.append(str(p))
                elif p.is_symlink() and not p.exists():
                    warn(f"{p}: broken link, skipped")
                elif not p.is_dir():
                    warn(f"{p}: not a regular file, skipped")
        elif path.exists():
            found.append(str(path))
        else:
            raise FileNotFoundError(f"{item}: no such file or folder")
    return found


def iter_inputs(paths: list[str], text_field: str = "text", id_field: str = "id",
                stdin_format: str = "jsonl", default_ids: bool = False) -> Iterator[InputRecord]:
    """Documents from ``.txt`` files (one document each, id = file name) and JSONL records.

    ``stdin_format`` ``auto`` reads standard input as JSONL when its first non-blank line starts
    with ``{``, else as one plain-text document. With ``default_ids``, a JSONL record without an
    id gets ``SOURCE:LINE``.
    """
    for path in paths:
        if path == "-":
            yield from _iter_stdin(stdin_format, text_field, id_field, default_ids)
        elif is_text_file(path):
            yield text_file_record(path, Path(path).read_bytes())
        else:
            with open(path, "rb") as handle:
                yield from _iter_jsonl(handle, path, text_field, id_field, default_ids)


def _iter_jsonl(lines: Iterable[bytes], source: str, text_field: str, id_field: str,
                default_ids: bool) -> Iterator[InputRecord]:
    for line_no, raw in enumerate(lines, 1):
        default_id = f"{source}:{line_no}" if default_ids else None
        rec = parse_line(raw, source, line_no, text_field=text_field, id_field=id_field, with_annotations=False,
                         default_id=default_id)
        if rec is not None:
            yield rec


def _iter_stdin(stdin_format: str, text_field: str, id_field: str, default_ids: bool) -> Iterator[InputRecord]:
    stream = sys.stdin.buffer
    if stdin_format == "text":
        yield _stdin_text(stream.read())
        return
    head: list[bytes] = []
    if stdin_format == "auto":
        for raw in stream:
            head.append(raw)
            if raw.strip():
                break
        first = head[-1].lstrip() if head else b""
        if first.startswith(BOM):
            first = first[len(BOM):]
        if head and not first.startswith(b"{"):
            yield _stdin_text(b"".join(head) + stream.read())
            return
    yield from _iter_jsonl(itertools.chain(head, stream), "<stdin>", text_field, id_field, default_ids)


def _stdin_text(data: bytes) -> InputRecord:
    rec = text_file_record("<stdin>", data)
    if rec.document is not None:
        rec.document = Document("stdin", rec.document.text)
    return rec


def is_text_file(path: str) -> bool:
    return Path(path).suffix.lower() in TEXT_SUFFIXES


def text_file_record(path: str, data: bytes) -> InputRecord:
    """A ``.txt`` file is one document whose id is the file name without suffix (a UTF-8 byte
    order mark is not part of the text)."""
    if data.startswith(BOM):
        data = data[len(BOM):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return InputRecord(path, None, error=DataError(f"undecodable bytes (not UTF-8) at byte {exc.start}", path))
    return InputRecord(path, None, Document(Path(path).stem, text, meta={"source": path}))


def count_records(paths: list[str]) -> int | None:
    """Input records (``.txt`` files and non-blank JSONL lines), for a progress total; ``None``
    when an input is a stream that can be read only once."""
    total = 0
    for path in paths:
        if path == "-" or not stat.S_ISREG(os.stat(path).st_mode):
            return None
        if is_text_file(path):
            total += 1
            continue
        with open(path, "rb") as handle:
            total += sum(1 for raw in handle if raw.strip())
    return total


class DuplicateIds:
    """Remembers where each document id was first seen in a run (ids compare as strings)."""

    def __init__(self) -> None:
        self.first: dict[str, str] = {}

    def check(self, doc_id: str, source: str, line: int | None) -> str | None:
        """``None`` for a new id, else the error message for this repeated one."""
        where = f"{source}:{line}" if line else source
        if doc_id in self.first:
            return f"duplicate id {doc_id!r} (first seen at {self.first[doc_id]}); record skipped"
        self.first[doc_id] = where
        return None


def read_output(output: Path, id_field: str = "id", text_field: str = "text") -> Iterator[Document]:
    """The annotated documents of a (checked) output file."""
    with open(output, "rb") as handle:
        for raw in handle:
            yield parse_record(json.loads(raw), text_field=text_field, id_field=id_field)


def completed_ids(output: Path, id_field: str = "id") -> set[str]:
    """Ids already written to ``output``. A torn last line (no newline: an interrupted write) is
    cut off; any other line that is not an output record is an error naming it (nothing is cut)."""
    if not output.exists():
        return set()
    done: set[str] = set()
    valid_bytes = 0
    torn = False
    with open(output, "rb") as handle:
        for line_no, raw in enumerate(handle, 1):
            if not raw.endswith(b"\n"):
                torn = True
                break
            try:
                record = json.loads(raw)
                done.add(str(record[id_field]))
            except (json.JSONDecodeError, KeyError, TypeError, UnicodeDecodeError) as exc:
                raise DataError(f"not an output record ({type(exc).__name__}); --resume changes nothing: "
                                f"remove or fix this line, or rerun without --resume", str(output), line_no) from None
            valid_bytes += len(raw)
    if torn:
        with open(output, "r+b") as handle:
            handle.truncate(valid_bytes)
    return done


class JsonlSink:
    """Appends one complete line per document and flushes (and fsyncs) after each batch.

    A file output is locked (``flock``) for the life of the sink: a second writer fails at once
    instead of interleaving lines. Without ``append``, ``begin`` empties it (call it once the run
    is sure to start, so that a run that fails early keeps the earlier output).
    """

    def __init__(self, path: str | None, append: bool, id_field: str = "id", text_field: str = "text"):
        self.path = path
        self.append = append
        self.fields = (id_field, text_field)
        self.regular = False
        if path in (None, "-"):
            self.handle: IO[str] = sys.stdout
            return
        self.handle = open(path, "a", encoding="utf-8")
        self.regular = stat.S_ISREG(os.fstat(self.handle.fileno()).st_mode)  # not /dev/null, a FIFO, a tty
        if not self.regular:
            return
        try:
            fcntl.flock(self.handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.handle.close()
            raise DignitaryError(f"{path} is being written by another process (locked); "
                                 "wait for it or choose another output") from None

    def begin(self) -> None:
        """Start the run's output: empty the file unless appending."""
        if self.handle is not sys.stdout and not self.append and self.regular:
            self.handle.truncate(0)

    def write(self, docs: list[Document]) -> None:
        self.handle.write("".join(dumps_document(d, *self.fields) + "\n" for d in docs))
        self.handle.flush()
        if self.handle is not sys.stdout and self.regular:
            os.fsync(self.handle.fileno())

    def close(self) -> None:
        if self.handle is not sys.stdout:
            self.handle.close()


class ErrorLog:
    """Bad input records as JSONL: ``{"source", "line", "error"}``.

    The file holds the errors of the latest run only (a resumed run reads every input again, so
    it finds every error again): it is emptied when the log is created.
    """

    def __init__(self, path: str | None):
        self.path = path
        self.count = 0
        self.handle: IO[str] | None = None
        if path is not None and Path(path).is_file():
            Path(path).unlink()

    def write(self, source: str, line: int | None, reason: str) -> None:
        self.count += 1
        record = {"source": source, "line": line, "error": reason}
        if self.path is None:
            print(f"error: {source}{':' + str(line) if line else ''}: {reason}", file=sys.stderr)
            return
        if self.handle is None:
            self.handle = open(self.path, "a", encoding="utf-8")
        self.handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.handle.flush()

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()


def check_paths_differ(inputs: list[str], output: str | None, errors: str | None) -> None:
    """Refuse an output or errors file that is also an input (it would be emptied before reading)."""
    targets = [(what, p) for what, p in (("output", output), ("errors file", errors)) if p not in (None, "-")]
    for what, target in targets:
        if not Path(target).exists():
            continue
        for item in inputs:
            if item != "-" and Path(item).exists() and os.path.samefile(item, target):
                raise DignitaryError(f"the {what} {target} is also an input; choose another file")
    if len(targets) == 2 and os.path.abspath(targets[0][1]) == os.path.abspath(targets[1][1]):
        raise DignitaryError(f"the output and the errors file are both {output}")

