r"""What the padding bound of the encoder batches buys: one model over the same news, batches
padded without bound (``--max-padding 1``: rows × longest within the token budget only) against
the bounded ones, in one process, interleaved rounds.

For each bound: the padded share of the encoder's cells, the number of encoder calls, and the
median seconds of the whole ``Extractor.pipe`` and of the encoder calls within it. Example:

    python benchmarks/padding.py --model models/fast --words 50000 --rounds 3 --threads 2 \
        --max-padding 1 0.1 --out benchmarks/results/padding_cpu.json
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from encoder_timing import news_texts
from report_io import emit


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="models/fast")
    parser.add_argument("--dtype", default="auto")
    parser.add_argument("--words", type=int, default=50000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32, help="documents per pipe batch (the CLI's default)")
    parser.add_argument("--max-padding", type=float, nargs="+", default=[1.0, 0.1])
    parser.add_argument("--out")
    args = parser.parse_args()

    from dignitary.extractor import Extractor

    with tempfile.TemporaryDirectory() as tmp:
        texts = news_texts(args.words, Path(tmp))
    extractor = Extractor.from_pretrained(args.model, device="cpu", dtype=args.dtype, threads=args.threads)
    predictor = extractor.component.predictor
    encode = predictor.encoder.encode
    counts = {"calls": 0, "cells": 0, "real": 0, "seconds": 0.0}

    def counted(batch):
        start = time.perf_counter()
        result = encode(batch)
        counts["seconds"] += time.perf_counter() - start
        counts["calls"] += 1
        counts["cells"] += int(batch.input_ids.size)
        counts["real"] += int(batch.attention_mask.sum())
        return result

    predictor.encoder.encode = counted  # type: ignore[method-assign]
    rows: dict[float, dict] = {bound: {"pipe_s": [], "encoder_s": []} for bound in args.max_padding}
    for round_ in range(args.rounds + 1):  # the first round warms up
        for bound in args.max_padding:
            predictor.max_padding = bound
            counts.update(calls=0, cells=0, real=0, seconds=0.0)
            start = time.perf_counter()
            for _ in extractor.pipe(texts, batch_size=args.batch_size):
                pass
            if round_:
                rows[bound]["pipe_s"].append(round(time.perf_counter() - start, 3))
                rows[bound]["encoder_s"].append(round(counts["seconds"], 3))
            rows[bound].update(encoder_calls=counts["calls"], padding=round(1 - counts["real"] / counts["cells"], 3))
    for row in rows.values():
        row["pipe_median_s"] = statistics.median(row["pipe_s"])
        row["encoder_median_s"] = statistics.median(row["encoder_s"])
    report = {"model": args.model, "dtype": args.dtype, "words": args.words, "threads": args.threads,
              "batch_size": args.batch_size, "python": sys.version.split()[0],
              "rows": {str(bound): row for bound, row in rows.items()}}
    emit(report, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
