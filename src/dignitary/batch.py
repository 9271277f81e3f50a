"""Batch extraction over files: input discovery, bad records to an errors file, resumable output."""
from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator

from .document import Document
from .errors import DataError
from .jsonl import iter_records

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")


def discover_inputs(inputs: Iterable[str]) -> list[str]:
    """Expand folders (recursively) into their ``.txt``/``.jsonl`` files, in sorted order."""
    found: list[str] = []
    for item in inputs:
        if item == "-":
            found.append(item)
            continue
        path = Path(item)
        if path.is_dir():
            found += [str(p) for p in sorted(path.rglob("*"))
                      if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES]
        elif path.is_file():
            found.append(str(path))
        else:
            raise FileNotFoundError(f"{item}: no such file or folder")
    return found


@dataclass
class InputRecord:
    """A document to extract from, or the error that stopped one input record."""

    source: str
    line: int | None
    document: Document | None = None
    error: DataError | None = None


def iter_inputs(paths: list[str], text_field: str = "text", id_field: str = "id",
                stdin_format: str = "jsonl") -> Iterator[InputRecord]:
    """Documents from ``.txt`` files (one document each, id = path) and JSONL records."""
    for path in paths:
        is_text = path != "-" and is_text_file(path)
        if path == "-" and stdin_format == "text":
            yield InputRecord("<stdin>", None, Document("stdin", sys.stdin.read()))
            continue
        if is_text:
            yield text_file_record(path, Path(path).read_bytes())
            continue
        for rec in iter_records(path, None, text_field, id_field, with_annotations=False,
                                check_duplicate_ids=False):
            yield InputRecord(rec.source, rec.line, rec.document, rec.error)


def is_text_file(path: str) -> bool:
    return Path(path).suffix.lower() in TEXT_SUFFIXES


def text_file_record(path: str, data: bytes) -> InputRecord:
    """A ``.txt`` file is one document whose id is the file name without suffix."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return InputRecord(path, None, error=DataError(f"undecodable bytes (not UTF-8) at byte {exc.start}", path))
    return InputRecord(path, None, Document(Path(path).stem, text, meta={"source": path}))


def completed_ids(output: Path) -> set[str]:
    """Ids already written to ``output``; a torn last line (from an interrupted run) is cut off."""
    if not output.exists():
        return set()
    done: set[str] = set()
    valid_bytes = 0
    with open(output, "rb") as handle:
        for raw in handle:
            if not raw.endswith(b"\n"):
                break
            try:
                done.add(str(json.loads(raw)["id"]))
            except (json.JSONDecodeError, KeyError, TypeError, UnicodeDecodeError):
                break
            valid_bytes += len(raw)
    if valid_bytes != output.stat().st_size:
        with open(output, "r+b") as handle:
            handle.truncate(valid_bytes)
    return done


class JsonlSink:
    """Appends one complete line per document and flushes after each batch."""

    def __init__(self, path: str | None, append: bool):
        self.path = path
        self.handle: IO[str] = sys.stdout if path in (None, "-") else open(path, "a" if append else "w",
                                                                             encoding="utf-8")

    def write(self, docs: list[Document]) -> None:
        self.handle.write("".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in docs))
        self.handle.flush()
        if self.handle is not sys.stdout:
            os.fsync(self.handle.fileno())

    def close(self) -> None:
        if self.handle is not sys.stdout:
            self.handle.close()


class ErrorLog:
    """Bad input records as JSONL: ``{"source", "line", "error"}``."""

    def __init__(self, path: str | None):
        self.path = path
        self.count = 0
        self.handle: IO[str] | None = None

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
