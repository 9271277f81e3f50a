"""Shared by the benchmark scripts: print a report and write it as JSON."""
from __future__ import annotations

import json
from pathlib import Path


def emit(report: dict, out: str | None, summary: dict | None = None) -> None:
    """Print ``summary`` (or the whole report) and write the report to ``out`` when given."""
    print(json.dumps(summary if summary is not None else report, indent=2))
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(json.dumps(report, indent=2) + "\n")
