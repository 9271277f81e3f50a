"""Peak resident memory of `dignitary extract` on a large JSONL (default 200 MB).

Builds the input from the seed texts (paragraph documents with unique ids), runs the CLI in
a subprocess, samples its RSS every 0.2 s and reports the peak. ``--seconds`` stops the run
with SIGINT after that long (the output stays valid and resumable), so the memory profile of
a run over the whole file can be observed without waiting hours on a CPU.

    python benchmarks/memory.py --size-mb 200 --seconds 300 --out benchmarks/results/memory.json
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from report_io import emit

REPO = Path(__file__).resolve().parents[1]


def build_input(path: Path, size_mb: int) -> int:
    paragraphs = [p.strip() for f in sorted((REPO / "seeds").glob("*.txt"))
                  for p in f.read_text(encoding="utf-8").split("\n\n") if len(p.split()) >= 20]
    target, n = size_mb * 1_000_000, 0
    with open(path, "w", encoding="utf-8") as handle:
        while handle.tell() < target:
            handle.write(json.dumps({"id": f"doc-{n}", "text": paragraphs[n % len(paragraphs)]}) + "\n")
            n += 1
    return n


def rss_mb(pid: int) -> float:
    total = 0
    for child in [pid] + _children(pid):
        try:
            with open(f"/proc/{child}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except FileNotFoundError:
            pass
    return total / 1024


def _children(pid: int) -> list[int]:
    try:
        kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except FileNotFoundError:
        return []
    return [int(k) for k in kids] + [g for k in kids for g in _children(int(k))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mb", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--model", default=str(REPO / "models" / "default"))
    parser.add_argument("--extra", nargs="*", default=[], help="more arguments for dignitary extract")
    parser.add_argument("--out")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        inp, out = Path(tmp) / "big.jsonl", Path(tmp) / "out.jsonl"
        n_docs = build_input(inp, args.size_mb)
        cmd = [sys.executable, "-m", "dignitary", "extract", str(inp), "-o", str(out), "--model", args.model,
               "--no-progress", *args.extra]
        proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
        start, peak, samples = time.time(), 0.0, []
        while proc.poll() is None:
            mem = rss_mb(proc.pid)
            peak = max(peak, mem)
            samples.append((round(time.time() - start, 1), round(mem, 1)))
            if time.time() - start > args.seconds:
                proc.send_signal(signal.SIGINT)
                proc.wait()
                break
            time.sleep(0.2)
        done = sum(1 for _ in open(out)) if out.exists() else 0
        report = {"command": " ".join(sys.argv), "input_mb": os.path.getsize(inp) / 1e6, "input_docs": n_docs,
                  "docs_done": done, "seconds": round(time.time() - start, 1), "peak_rss_mb": round(peak, 1),
                  "rss_first_minute_mb": max((m for t, m in samples if t <= 60), default=0.0),
                  "rss_last_sample_mb": samples[-1][1] if samples else 0.0}
    emit(report, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
