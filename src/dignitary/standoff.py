"""Standoff annotations: offsets and labels stored apart from third-party text.

A standoff file is JSONL like ``ANNOTATION.md``'s format without ``text``: each record names its
document ``id``, the SHA-256 of the text it was annotated on (``text_sha256``) and its entities
and relations. A loader joins it with the JSONL files that hold the texts (``--texts``), checks
the hash, and builds ordinary ``Document``s; so annotations of BBC or re3d articles can be
committed without their text.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Iterable, Iterator

from .document import Document
from .errors import DataError
from .jsonl import iter_records, read_jsonl
from .schema import Schema
from .validation import parse_record


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def to_standoff(doc: Document) -> dict:
    """The record of one document without its text (entity ``text`` fields dropped too); model
    scores are kept where present (a pseudo-labelled file: see ``training/pseudo.py``)."""
    data = doc.to_dict()
    record = {"id": data.pop("id"), "text_sha256": text_sha256(data.pop("text"))}
    record["entities"] = [{k: e[k] for k in ("id", "start", "end", "label", "score") if k in e}
                          for e in data.pop("entities", [])]
    record["relations"] = [{k: r[k] for k in ("head", "tail", "label", "score") if k in r}
                           for r in data.pop("relations", [])]
    record.update(data)  # meta fields such as ``source``
    return record


def write_standoff(docs: Iterable[Document], path: str | Path) -> int:
    """Write the standoff records of ``docs``; return how many were written."""
    n = 0
    with open(path, "w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps(to_standoff(doc), ensure_ascii=False) + "\n")
            n += 1
    return n


def _is_standoff_record(line: str) -> bool:
    try:
        first = json.loads(line)
    except json.JSONDecodeError:
        return False
    return isinstance(first, dict) and "text_sha256" in first and "text" not in first


def is_standoff(path: str | Path) -> bool:
    """Whether the first record of a JSONL file is a standoff record (``text_sha256``, no ``text``)."""
    with open(path, encoding="utf-8-sig") as handle:
        for line in handle:
            if line.strip():
                return _is_standoff_record(line)
    return False


def _texts_for(ids: set[str], text_files: Iterable[str | Path]) -> dict[str, str]:
    found: dict[str, str] = {}
    for path in text_files:
        for result in iter_records(path, None, with_annotations=False):
            doc = result.document
            if doc is not None and doc.id in ids and doc.id not in found:
                found[doc.id] = doc.text
    return found


def read_standoff(path: str | Path, text_files: Iterable[str | Path], schema: Schema | None = None) -> list[Document]:
    """Documents of a standoff file joined with their texts; ``DataError`` names the file and line
    of a record whose text is missing, changed, or whose offsets do not fit it."""
    text_files = list(text_files)
    if not text_files:
        raise _needs_texts(path)
    return _join_texts(path, _lines(path), text_files, schema)


def _needs_texts(path: str | Path) -> DataError:
    return DataError("a standoff file needs the files that hold its texts (--texts JSONL ...)", str(path))


def _lines(path: str | Path) -> list[str]:
    with open(path, encoding="utf-8-sig") as handle:
        return handle.read().splitlines()


def _join_texts(path: str | Path, lines: list[str], text_files: list[str | Path], schema: Schema | None
                ) -> list[Document]:
    docs: list[Document] = []
    for result in _joined_records(path, lines, text_files, schema):
        if isinstance(result, DataError):
            raise result
        docs.append(result)
    return docs


def _joined_records(path: str | Path, lines: list[str], text_files: list[str | Path], schema: Schema | None
                    ) -> Iterator[Document | DataError]:
    """Each record of a standoff file joined with its text: the document, or the error that names
    its file and line (a line that is not JSON, a missing or changed text, a record off the schema)."""
    records = []
    for line_no, line in enumerate(lines, 1):
        if line.strip():
            try:
                records.append((line_no, json.loads(line)))
            except json.JSONDecodeError as exc:
                yield DataError(f"invalid JSON: {exc.msg}", str(path), line_no)
    texts = _texts_for({str(r.get("id")) for _, r in records if isinstance(r, dict)}, text_files)
    seen = set()
    for line_no, record in records:
        if not isinstance(record, dict) or "id" not in record:
            yield DataError("standoff record must be a JSON object with an 'id'", str(path), line_no)
            continue
        doc_id = str(record["id"])
        if doc_id in seen:
            yield DataError(f"duplicate id {doc_id!r}", str(path), line_no)
            continue
        seen.add(doc_id)
        if doc_id not in texts:
            yield DataError(f"no text for document {doc_id!r} in {', '.join(map(str, text_files))}",
                            str(path), line_no)
            continue
        text = texts[doc_id]
        expected = record.get("text_sha256")
        if expected is not None and expected != text_sha256(text):
            yield DataError(f"the text of {doc_id!r} differs from the one annotated (SHA-256 mismatch)",
                            str(path), line_no)
            continue
        data = {k: v for k, v in record.items() if k != "text_sha256"}
        data["text"] = text
        try:
            yield parse_record(data, schema)
        except DataError as exc:
            yield exc.at(str(path), line_no)


def validate_standoff(path: str | Path, text_files: Iterable[str | Path], schema: Schema | None = None
                      ) -> tuple[int, list[DataError]]:
    """``jsonl.validate_file`` for a standoff file: the number of valid documents and every error."""
    text_files = list(text_files)
    if not text_files:
        return 0, [_needs_texts(path)]
    ok, errors = 0, []
    for result in _joined_records(path, _lines(path), text_files, schema):
        if isinstance(result, DataError):
            errors.append(result)
        else:
            ok += 1
    return ok, errors


def load_documents(path: str | Path, schema: Schema | None = None,
                   text_files: Iterable[str | Path] = ()) -> list[Document]:
    """Annotated documents of a JSONL file, inline (``text``) or standoff (joined with ``text_files``).

    A regular file is looked at twice (its first record decides the format); a stream (``-``, a
    pipe, ``<(...)``) is read once and must hold inline records."""
    if str(path) != "-" and Path(path).is_file() and is_standoff(path):
        return read_standoff(path, list(text_files), schema)
    return read_jsonl(path, schema)
