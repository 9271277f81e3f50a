"""Read and write documents as JSONL, one record per line, with errors that name file and line."""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Iterable, Iterator, TypedDict

from .document import Document
from .errors import DataError
from .schema import Schema
from .validation import parse_record

if TYPE_CHECKING:
    from typing_extensions import Unpack  # typing's own from Python 3.11


@dataclass
class InputRecord:
    """One input record (a JSONL line, a ``.txt`` file): its document, or the error that stopped it.

    ``line`` is the 1-based line of a JSONL record, ``None`` for a whole file.
    """

    source: str
    line: int | None
    document: Document | None = None
    error: DataError | None = None


def _open_binary(path: str | Path) -> IO[bytes]:
    if str(path) == "-":
        return sys.stdin.buffer
    return open(path, "rb")


BOM = b"\xef\xbb\xbf"


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not valid JSON (use null or a string)")


class RecordOptions(TypedDict, total=False):
    """How ``validation.parse_record`` reads a record (see its parameters)."""

    schema: Schema | None
    text_field: str
    id_field: str
    with_annotations: bool
    default_id: str | None


def parse_line(raw: bytes, source: str, line_no: int, **options: Unpack[RecordOptions]) -> InputRecord | None:
    """One JSONL line as an ``InputRecord`` (``options``: those of ``validation.parse_record``);
    ``None`` for a blank line. A UTF-8 byte order mark on line 1 is skipped; ``NaN`` and
    ``Infinity`` are rejected (strict JSON)."""
    if line_no == 1 and raw.startswith(BOM):
        raw = raw[len(BOM):]
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return InputRecord(source, line_no, error=DataError(
            f"undecodable bytes (not UTF-8): {exc.reason} at byte {exc.start}", source, line_no))
    if not line.strip():
        return None
    try:
        data = json.loads(line, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        return InputRecord(source, line_no, error=DataError(f"invalid JSON: {exc.msg} (column {exc.colno})",
                                                             source, line_no))
    except ValueError as exc:
        return InputRecord(source, line_no, error=DataError(f"invalid JSON: {exc}", source, line_no))
    except RecursionError:
        return InputRecord(source, line_no, error=DataError("invalid JSON: nested too deeply", source, line_no))
    try:
        doc = parse_record(data, **options)
    except DataError as exc:
        return InputRecord(source, line_no, error=exc.at(source, line_no))
    return InputRecord(source, line_no, document=doc)


def iter_records(
    path: str | Path,
    schema: Schema | None = None,
    text_field: str = "text",
    id_field: str = "id",
    with_annotations: bool = True,
    check_duplicate_ids: bool = True,
    seen: dict[str, tuple[str, int]] | None = None,
) -> Iterator[InputRecord]:
    """Yield one ``InputRecord`` per non-blank line; bad lines carry a located ``DataError``.

    ``seen`` (id → where first seen) carries duplicate-id checks across files.
    """
    source = "<stdin>" if str(path) == "-" else str(path)
    seen = {} if seen is None else seen
    handle = _open_binary(path)
    try:
        for line_no, raw in enumerate(handle, 1):
            result = parse_line(raw, source, line_no, schema=schema, text_field=text_field, id_field=id_field,
                                with_annotations=with_annotations)
            if result is None:
                continue
            if check_duplicate_ids and result.document is not None:
                doc_id = result.document.id
                if doc_id in seen:
                    first_source, first_line = seen[doc_id]
                    where = f"line {first_line}" if first_source == source else f"{first_source}:{first_line}"
                    result = InputRecord(source, line_no, error=DataError(
                        f"duplicate id {doc_id!r} (first seen on {where})", source, line_no))
                else:
                    seen[doc_id] = (source, line_no)
            yield result
    finally:
        if handle is not sys.stdin.buffer:
            handle.close()


def read_jsonl(path: str | Path, schema: Schema | None = None, **kwargs) -> list[Document]:
    """All documents of a file; raise the first ``DataError`` (with file and line) if any."""
    docs = []
    for result in iter_records(path, schema, **kwargs):
        if result.error is not None:
            raise result.error
        assert result.document is not None  # an InputRecord holds either an error or a document
        docs.append(result.document)
    return docs


def validate_file(path: str | Path, schema: Schema | None = None,
                  seen: dict[str, tuple[str, int]] | None = None) -> tuple[int, list[DataError]]:
    """Check every record; return the number of valid documents and every error found
    (``seen``: ids of files checked before, so that an id repeated across files is found)."""
    ok, errors = 0, []
    for result in iter_records(path, schema, seen=seen):
        if result.error is not None:
            errors.append(result.error)
        else:
            ok += 1
    return ok, errors


def read_json_list(path: str | Path, what: str) -> list:
    """A whole-file JSON list (SpERT, Label Studio exports); errors name the file and line."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(f"invalid JSON: {exc.msg}", str(path), exc.lineno) from exc
    if not isinstance(data, list):
        raise DataError(f"{what} must be a JSON list", str(path))
    return data


def dumps_document(doc: Document, id_field: str = "id", text_field: str = "text") -> str:
    """The one JSON line of a document (no newline), with its id and text under the input's field
    names: ``meta`` fields first, then id, text, entities, relations (``Document.to_dict``)."""
    record = doc.to_dict()
    if (id_field, text_field) != ("id", "text"):
        renamed = {k: v for k, v in doc.meta.items() if k not in (id_field, text_field, "entities", "relations")}
        renamed[id_field] = doc.id
        renamed[text_field] = doc.text
        renamed["entities"] = record["entities"]
        renamed["relations"] = record["relations"]
        record = renamed
    return json.dumps(record, ensure_ascii=False)


def write_jsonl(docs: Iterable[Document], path: str | Path) -> int:
    """Write documents, one JSON line each; return how many were written."""
    n = 0
    with open(path, "w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(dumps_document(doc) + "\n")
            n += 1
    return n
