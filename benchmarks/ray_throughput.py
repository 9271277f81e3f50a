"""Throughput of `dignitary extract --engine ray` with 1 and 2 local workers (one CPU thread each).

    python benchmarks/ray_throughput.py --n-docs 128 --repeats 3 --out benchmarks/results/ray_cpu.json

Runs in one process against one local Ray instance; the model is loaded once per actor per run
(included in the time, as a user would see it). Reports medians and the 2-vs-1 ratio.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from report_io import emit  # noqa: E402
from throughput import load_texts  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=str(HERE.parent / "models" / "default"))
    parser.add_argument("--docs", default=str(HERE.parent / "seeds"))
    parser.add_argument("--n-docs", type=int, default=128)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--out")
    args = parser.parse_args()
    import ray

    from dignitary.cli import main as dignitary

    ray.init(num_cpus=max(args.workers), include_dashboard=False, log_to_driver=False, configure_logging=False)
    texts = load_texts(args.docs, args.n_docs)
    words = sum(len(t.split()) for t in texts)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "in.jsonl"
        inp.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(texts)))
        for workers in args.workers:
            times = []
            for _ in range(args.repeats):
                command = ["extract", str(inp), "-o", str(Path(tmp) / f"out{workers}.jsonl"), "--model", args.model,
                           "--engine", "ray", "--workers", str(workers), "--cpus-per-worker", "1", "--batch-size",
                           "16", "--device", "cpu", "--dtype", "fp32", "--no-progress"]
                start = time.perf_counter()
                if dignitary(command) != 0:
                    raise SystemExit(f"dignitary {' '.join(command)} failed")
                times.append(time.perf_counter() - start)
            med = statistics.median(times)
            results[f"{workers} workers"] = {"times_s": times, "median_s": med, "words_per_s": words / med,
                                             "docs_per_s": len(texts) / med}
            print(f"{workers} workers: {words / med:.0f} words/s", file=sys.stderr)
    report = {"command": "python benchmarks/ray_throughput.py " + " ".join(sys.argv[1:]), "docs": len(texts),
              "words": words, "results": results}
    if len(args.workers) >= 2:
        a, b = (results[f"{w} workers"]["words_per_s"] for w in args.workers[:2])
        report["ratio"] = b / a
    emit(report, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
