"""Shared by the encoder benchmarks: the news texts of ``whole_process.py`` and interleaved timing
of encoders on the same windows."""
from __future__ import annotations

import json
import statistics
import time
from pathlib import Path
from typing import Any

from report_io import emit
from whole_process import news_jsonl

REPO = Path(__file__).resolve().parents[1]


def news_texts(words: int, folder: Path) -> list[str]:
    """The seed paragraphs repeated to ``words`` words, as ``whole_process.py`` feeds them."""
    source = folder / "news.jsonl"
    news_jsonl(source, words, REPO / "seeds")
    return [json.loads(line)["text"] for line in source.read_text(encoding="utf-8").splitlines()]


def time_encoders(encoders: dict[str, Any], batches: list, rounds: int) -> dict[str, list[float]]:
    """Seconds each encoder takes over all ``batches``, per round, rounds interleaved after a warm-up."""
    times: dict[str, list[float]] = {name: [] for name in encoders}
    for round_ in range(rounds + 1):  # the first round warms up
        for name, encoder in encoders.items():
            start = time.perf_counter()
            for batch in batches:
                encoder.encode(batch)
            if round_:
                times[name].append(round(time.perf_counter() - start, 3))
    return times


def speed_rows(times: dict[str, list[float]]) -> dict[str, dict[str, Any]]:
    """Median seconds per encoder and its speed against the first."""
    first = statistics.median(next(iter(times.values())))
    return {name: {"runs_s": runs, "median_s": statistics.median(runs),
                   "speed_vs_first": round(first / statistics.median(runs), 2)} for name, runs in times.items()}


def emit_speeds(args: Any, calls: int, rows: dict[str, dict[str, Any]]) -> None:
    """Print each encoder's speed against the first; write the whole report to ``args.out``."""
    report = {"model": args.model, "words": args.words, "threads": args.threads, "calls": calls, "rows": rows}
    emit(report, args.out, {name: row["speed_vs_first"] for name, row in rows.items()})
