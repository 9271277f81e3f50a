"""Time and peak memory of extracting from ONE long document, for growing sizes.

Each case runs in its own subprocess (so its peak RSS is its own): the shipped model is loaded,
one document of the given size (seed news paragraphs repeated, UTF-8 bytes) or one word of
``--word-chars`` characters ("VenezuelaVenezuela...") goes through ``Extractor``, and the script reports the seconds of
that call, the RSS after loading the model and the peak RSS of the process.

    python benchmarks/long_documents.py --sizes-mb 0.5 1 2 4 --word-chars 100000 --threads 2 \
        --out benchmarks/results/long_documents.json

Results are written after every case, so a run stopped early keeps what it measured.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from report_io import emit

REPO = Path(__file__).resolve().parents[1]


def build_document(size_mb: float) -> str:
    """Seed paragraphs, repeated in order, up to ``size_mb`` million UTF-8 bytes."""
    paragraphs = [p.strip() for f in sorted((REPO / "seeds").glob("*.txt"))
                  for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    target, parts, size, n = int(size_mb * 1_000_000), [], 0, 0
    while size < target:
        parts.append(paragraphs[n % len(paragraphs)])
        size += len(parts[-1].encode("utf-8")) + 2
        n += 1
    return "\n\n".join(parts)


def _rss_mb() -> float:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def run_one(case: str, value: float, model: str | None, threads: int) -> dict:
    """One case in this process: ``size`` (MB) or ``word`` (characters)."""
    sys.path.insert(0, str(REPO / "src"))
    from dignitary.device import set_torch_threads
    from dignitary.extractor import Extractor

    set_torch_threads(threads)
    extractor = Extractor.from_pretrained(model, device="cpu")
    extractor("Warm-up: Liu Haixing met Nicolás Maduro in Caracas.")
    text = build_document(value) if case == "size" else ("Venezuela" * (int(value) // 9 + 1))[:int(value)]
    loaded = _rss_mb()
    started = time.perf_counter()
    doc = extractor(text)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"case": case, "value": value, "chars": len(text), "utf8_mb": round(len(text.encode()) / 1e6, 3),
            "words": len(text.split()), "seconds": round(seconds, 1), "rss_after_load_mb": round(loaded),
            "peak_rss_mb": round(peak), "entities": len(doc.entities), "relations": len(doc.relations)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=None, help="model directory (default: the shipped model)")
    parser.add_argument("--sizes-mb", type=float, nargs="*", default=[0.5, 1, 2, 4])
    parser.add_argument("--word-chars", type=int, default=100_000, help="one word of this length (0: skip)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--out", help="JSON report")
    parser.add_argument("--one", nargs=2, metavar=("CASE", "VALUE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one[0], float(args.one[1]), args.model, args.threads)))
        return
    cases = ([("word", args.word_chars)] if args.word_chars else []) + [("size", s) for s in args.sizes_mb]
    report = {"command": " ".join(sys.argv), "threads": args.threads, "results": []}
    for case, value in cases:
        cmd = [sys.executable, __file__, "--one", case, str(value), "--threads", str(args.threads)]
        if args.model:
            cmd += ["--model", args.model]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
        report["results"].append(json.loads(proc.stdout.strip().splitlines()[-1]))
        print(json.dumps(report["results"][-1]), file=sys.stderr, flush=True)
        if args.out:
            Path(args.out).parent.mkdir(parents=True, exist_ok=True)
            Path(args.out).write_text(json.dumps(report, indent=2) + "\n")
    emit(report, args.out)


if __name__ == "__main__":
    main()
