r"""What each int8 scheme of the ONNX encoder costs and gains: weight scales per matrix or per
output column, the fused attention blocks in fp32 or int8 (``inference/quantize.py``; the onnx
backend serves per column with attention). One fp32 export of the model, quantized each way into a
cache of its own; the int8 encoder alone timed on the windows of the same news as
``whole_process.py`` (one window per call, as served; interleaved rounds after a warm-up), and the
dev sets scored through ``dignitary evaluate --dtype int8`` with that cache. Example:

    python benchmarks/int8_schemes.py --model models/fast --words 50000 --rounds 3 --threads 1 \
        --gold data/dev.jsonl data/dev_es.jsonl data/dev_pt.jsonl data/dev_zh.jsonl \
        --out benchmarks/results/int8_schemes_fast_cpu.json
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from encoder_timing import emit_speeds, news_texts, speed_rows, time_encoders

SCHEMES = {  # name: (per column, attention blocks in int8)
    "matrix": (False, False),
    "matrix+attention": (False, True),
    "column": (True, False),
    "column+attention": (True, True),
}


def quantized_caches(model: str, root: Path, schemes: list[str]) -> dict[str, Path]:
    """A cache root per scheme holding the model's fp32 graphs and its int8 encoder of that scheme."""
    from dignitary.inference.onnx_cache import ONNX_FILE, RELATIONS_FILE, cache_folder
    from dignitary.inference.onnx_export import export_onnx
    from dignitary.inference.quantize import ONNX_INT8_FILE, quantize_int8

    exported = root / "fp32"
    export_onnx(model, output=exported)
    caches = {}
    for name in schemes:
        per_column, attention = SCHEMES[name]
        cache = root / name.replace("+", "_")
        os.environ["DIGNITARY_CACHE"] = str(cache)
        folder = cache_folder(model)
        folder.mkdir(parents=True)
        for graph in (ONNX_FILE, RELATIONS_FILE):
            shutil.copy(exported / graph, folder / graph)
        quantize_int8(folder / ONNX_FILE, per_column=per_column, attention=attention, target=folder / ONNX_INT8_FILE)
        caches[name] = cache
    os.environ.pop("DIGNITARY_CACHE")
    return caches


def dev_scores(model: str, gold: list[str], texts: list[str], cache: Path, out: Path) -> dict[str, list[float]]:
    """Entity and relation micro F1 of each gold file, the model served in int8 from ``cache``."""
    command = [sys.executable, "-m", "dignitary", "evaluate", *gold, "--model", model, "--device", "cpu",
               "--dtype", "int8", "--json", str(out)]
    if texts:
        command += ["--texts", *texts]
    subprocess.run(command, check=True, env=dict(os.environ, DIGNITARY_CACHE=str(cache)), stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    report = json.loads(out.read_text(encoding="utf-8"))
    reports = [report] if "entities" in report else list(report.values())
    return {name: [round(r["entities"]["micro"]["f1"], 4), round(r["relations"]["micro"]["f1"], 4)]
            for name, r in zip(gold, reports)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="models/fast")
    parser.add_argument("--schemes", nargs="+", default=list(SCHEMES), choices=list(SCHEMES))
    parser.add_argument("--gold", nargs="*", default=["data/dev.jsonl"], help="dev sets to score (evaluate's gold)")
    parser.add_argument("--texts", nargs="*", default=[], help="texts of standoff gold files")
    parser.add_argument("--words", type=int, default=50000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1, help="per encoder (a --workers auto worker has 1)")
    parser.add_argument("--out")
    args = parser.parse_args()

    from dignitary.extractor import Extractor
    from dignitary.inference.onnx_encoder import OnnxEncoder

    with tempfile.TemporaryDirectory() as tmp:
        texts = news_texts(args.words, Path(tmp))
        caches = quantized_caches(args.model, Path(tmp), args.schemes)
        encoders = {}
        for name, cache in caches.items():
            os.environ["DIGNITARY_CACHE"] = str(cache)
            encoders[name] = OnnxEncoder(args.model, threads=args.threads, int8=True)
        served = Extractor.from_pretrained(args.model, device="cpu", dtype="int8", threads=args.threads)
        batches = list(served.component.predictor.encoder_batches(texts))  # one window per call, as served
        rows = speed_rows(time_encoders(encoders, batches, args.rounds))
        for name, cache in caches.items():
            rows[name]["f1"] = dev_scores(args.model, args.gold, args.texts, cache, Path(tmp) / f"{name}.json")
    emit_speeds(args, len(batches), rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
