"""Flat tables from annotated documents: positions (person, title, where) and meetings."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterable

from .document import Document

POSITION_COLUMNS = ("doc_id", "person", "title", "organization_or_place", "where_label", "score")
MEETING_COLUMNS = ("doc_id", "side_a", "side_a_label", "side_b", "side_b_label", "score")


def position_rows(doc: Document) -> list[dict]:
    """One row per ``has_title``, joined with the title's ``title_at`` (one row per place);
    ``member_of`` gives rows with an empty title."""
    ents = doc.entity_map()
    where: dict[str, list] = {}
    for r in doc.relations:
        if r.label == "title_at":
            where.setdefault(r.head, []).append((r.tail, r.score))
    rows = []
    for r in doc.relations:
        if r.label == "has_title":
            places = where.get(r.tail) or [(None, None)]
            for place, score in places:
                scores = [s for s in (r.score, score) if s is not None]
                rows.append({
                    "doc_id": doc.id, "person": doc.mention_text(ents[r.head]), "title": doc.mention_text(ents[r.tail]),
                    "organization_or_place": doc.mention_text(ents[place]) if place else "",
                    "where_label": ents[place].label if place else "",
                    "score": round(min(scores), 4) if scores else "",
                })
        elif r.label == "member_of":
            rows.append({"doc_id": doc.id, "person": doc.mention_text(ents[r.head]), "title": "",
                         "organization_or_place": doc.mention_text(ents[r.tail]), "where_label": ents[r.tail].label,
                         "score": round(r.score, 4) if r.score is not None else ""})
    return rows


def meeting_rows(doc: Document) -> list[dict]:
    ents = doc.entity_map()
    return [{"doc_id": doc.id, "side_a": doc.mention_text(ents[r.head]), "side_a_label": ents[r.head].label,
             "side_b": doc.mention_text(ents[r.tail]), "side_b_label": ents[r.tail].label,
             "score": round(r.score, 4) if r.score is not None else ""}
            for r in doc.relations if r.label == "met"]


class TableWriter:
    """Streams position and meeting rows into two CSV files."""

    def __init__(self, positions: str | Path, meetings: str | Path, append: bool = False):
        mode = "a" if append else "w"
        self._files = []
        self._writers = []
        for path, columns in ((positions, POSITION_COLUMNS), (meetings, MEETING_COLUMNS)):
            exists = append and Path(path).exists() and Path(path).stat().st_size > 0
            handle = open(path, mode, encoding="utf-8", newline="")
            writer = csv.DictWriter(handle, fieldnames=columns)
            if not exists:
                writer.writeheader()
            self._files.append(handle)
            self._writers.append(writer)

    def write(self, docs: Iterable[Document]) -> None:
        for doc in docs:
            self._writers[0].writerows(position_rows(doc))
            self._writers[1].writerows(meeting_rows(doc))
        for handle in self._files:
            handle.flush()

    def close(self) -> None:
        for handle in self._files:
            handle.close()
