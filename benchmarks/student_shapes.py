r"""Encoder time of smaller students before training them: shapes taken from a model's layers
(``--student-layers``) and narrowed (``--student-ffn``) as ``dignitary train`` would start them,
exported to int8 ONNX and timed on the same batches of news, interleaved rounds. The weights are
untrained (only the shape matters for time). Example:

    python benchmarks/student_shapes.py --model models/fast --words 50000 --rounds 3 --threads 2 \
        --shapes 0,1,2,3 0,1,2,3:768 0,1,3 0,1,3:768 0,3 0,3:768 --out benchmarks/results/student_shapes_cpu.json
"""
from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from report_io import emit
from whole_process import news_jsonl

REPO = Path(__file__).resolve().parents[1]


def build(model: str, shape: str, folder: Path) -> Path:
    """The int8 encoder graph of the student ``LAYERS[:FFN]`` of ``model``, exported under ``folder``."""
    from dignitary.inference.onnx_export import export_onnx
    from dignitary.models.pretrained import save_pretrained
    from dignitary.training.distill import student_from_teacher

    layers, _, ffn = shape.partition(":")
    student, tokenizer = student_from_teacher(model, [int(i) for i in layers.split(",")], int(ffn) if ffn else None)
    target = folder / shape.replace(",", "-").replace(":", "_")
    save_pretrained(student, tokenizer, target, half=False)
    return export_onnx(target, int8=True, output=target / "onnx")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="models/fast")
    parser.add_argument("--shapes", nargs="+", default=["0,1,2,3", "0,1,3:768"],
                        help="LAYERS[:FFN]: the model's layers kept (0-based) and the feed-forward units per layer")
    parser.add_argument("--words", type=int, default=50000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--out")
    args = parser.parse_args()

    import onnxruntime as ort

    from dignitary.extractor import Extractor

    options = ort.SessionOptions()
    options.intra_op_num_threads = args.threads
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")  # as the onnx backend
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "news.jsonl"
        news_jsonl(source, args.words, REPO / "seeds")
        texts = [json.loads(line)["text"] for line in source.read_text(encoding="utf-8").splitlines()]
        predictor = Extractor.from_pretrained(args.model, device="cpu", threads=args.threads).component.predictor
        batches = list(predictor.encoder_batches(texts))
        sessions = {shape: ort.InferenceSession(str(build(args.model, shape, Path(tmp))), options,
                                                providers=["CPUExecutionProvider"]) for shape in args.shapes}
        times: dict[str, list[float]] = {shape: [] for shape in args.shapes}
        for round_ in range(args.rounds + 1):  # the first round warms up
            for shape, session in sessions.items():
                start = time.perf_counter()
                for b in batches:
                    session.run(["tag_logits", "hidden"], {"input_ids": b.input_ids, "attention_mask": b.attention_mask,
                                                           "casing_ids": b.casing_ids})
                if round_:
                    times[shape].append(round(time.perf_counter() - start, 3))
    first = statistics.median(times[args.shapes[0]])
    rows = {shape: {"runs_s": runs, "median_s": statistics.median(runs),
                    "speed_vs_first": round(first / statistics.median(runs), 2)} for shape, runs in times.items()}
    report = {"model": args.model, "words": args.words, "threads": args.threads, "batches": len(batches),
              "rows": rows}
    emit(report, args.out, {shape: row["speed_vs_first"] for shape, row in rows.items()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
