"""Pseudo-labels: a trained model labels unannotated news; the result trains a student.

``dignitary pseudo-label --model TEACHER UNLABELED.jsonl -o PSEUDO.standoff.jsonl --exclude DEV...``
writes a standoff file (no text: the pool may be third-party) whose entities and relations carry
the teacher's scores. Relations are kept down to ``relation_floor``, so their scores act as soft
targets (``models/inputs.relation_targets``); documents of the ``exclude`` files (dev sets,
already annotated training articles) are skipped by id, by text and by ``source_id`` (a translated dev
document excludes its original), so no dev text is trained on in any language.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator, Sequence

from tqdm.auto import tqdm

from ..document import Document
from ..jsonl import iter_records
from ..schema import Schema
from ..standoff import load_documents, text_sha256, write_standoff


def excluded_keys(files: Iterable[str | Path], text_files: Iterable[str | Path] = ()) -> tuple[set[str], set[str]]:
    """Ids (with the ``source_id`` of a translation) and text hashes of the documents of ``files``
    (inline or standoff JSONL)."""
    ids: set[str] = set()
    hashes: set[str] = set()
    for path in files:
        for doc in load_documents(path, Schema.load(None), list(text_files)):
            ids.add(doc.id)
            if isinstance(doc.meta.get("source_id"), str):
                ids.add(doc.meta["source_id"])
            hashes.add(text_sha256(doc.text))
    return ids, hashes


def unlabeled_documents(files: Iterable[str | Path], exclude_ids: set[str], exclude_hashes: set[str],
                        limit: int | None = None) -> Iterator[Document]:
    """Texts of JSONL files (annotations ignored), minus excluded ids and texts, in file order."""
    n = 0
    for path in files:
        for result in iter_records(path, None, with_annotations=False):
            doc = result.document
            if doc is None or doc.id in exclude_ids or text_sha256(doc.text) in exclude_hashes:
                continue
            if limit is not None and n >= limit:
                return
            n += 1
            yield Document(doc.id, doc.text, meta=dict(doc.meta))


def pseudo_label(model: str | Path | None, inputs: list[str], output: str | Path, exclude: Sequence[str] = (),
                 text_files: Sequence[str] = (), relation_floor: float = 0.05, dtype: str = "auto",
                 device: str = "auto", batch_size: int = 16, limit: int | None = None,
                 progress: bool = True) -> int:
    """Label the documents of ``inputs`` with ``model`` and write them as standoff to ``output``;
    return how many were written."""
    from ..extractor import Extractor

    if not 0.0 < relation_floor <= 1.0:
        raise ValueError(f"relation_floor must be in (0, 1], got {relation_floor}")
    ids, hashes = excluded_keys(exclude, text_files)
    docs = list(unlabeled_documents(inputs, ids, hashes, limit))
    extractor = Extractor.from_pretrained(model, device=device, dtype=dtype, batch_size=batch_size,
                                          relation_threshold=relation_floor)
    bar = tqdm(total=len(docs), desc="pseudo-labelling", unit="doc", disable=not progress)

    def labelled() -> Iterator[Document]:
        for doc in extractor.pipe(docs):
            bar.update(1)
            yield doc

    try:
        return write_standoff(labelled(), output)
    finally:
        bar.close()
