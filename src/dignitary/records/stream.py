"""The positions and meetings tables streamed while documents are annotated (``extract --tables``).

Rows are those of ``dignitary records`` (``export.position_row``, ``export.meeting_row``), found
document by document (``builder.document_records``); the corpus-level columns (``person_entity``,
``event_id``, ``participant_entities``) stay empty: only ``dignitary records`` sees the corpus.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import IO, Iterable

from ..document import Document
from .builder import document_records
from .export import MEETING_COLUMNS, POSITION_COLUMNS, meeting_row, position_row

POSITIONS_FILE = "positions.csv"
MEETINGS_FILE = "meetings.csv"


class TableWriter:
    """Writes ``positions.csv`` and ``meetings.csv`` into a folder, a batch of documents at a time
    (the files are started afresh, each with its header)."""

    def __init__(self, folder: str | Path, date_order: str = "DMY"):
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        self.date_order = date_order
        self._files: list[IO[str]] = []
        self._writers: list[csv.DictWriter] = []
        for name, columns in ((POSITIONS_FILE, POSITION_COLUMNS), (MEETINGS_FILE, MEETING_COLUMNS)):
            handle = open(folder / name, "w", encoding="utf-8", newline="")
            writer = csv.DictWriter(handle, fieldnames=list(columns))
            writer.writeheader()
            self._files.append(handle)
            self._writers.append(writer)

    def write(self, docs: Iterable[Document]) -> None:
        """Append the rows of these documents and flush."""
        positions, meetings = self._writers
        for doc in docs:
            records = document_records(doc, self.date_order)
            positions.writerows(position_row(p) for p in records.positions)
            meetings.writerows(meeting_row(m) for m in records.meetings)
        for handle in self._files:
            handle.flush()

    def close(self) -> None:
        for handle in self._files:
            handle.close()
