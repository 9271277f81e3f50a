r"""Encoder time of smaller students before training them: shapes taken from a model's layers
(``--student-layers``) and narrowed (``--student-ffn``) as ``dignitary train`` would start them,
served by the int8 ONNX backend and timed on the same windows of news, interleaved rounds. The weights are
untrained (only the shape matters for time). Example:

    python benchmarks/student_shapes.py --model models/fast --words 50000 --rounds 3 --threads 2 \
        --shapes 0,1,2,3 0,1,2,3:768 0,1,3 0,1,3:768 0,3 0,3:768 --out benchmarks/results/student_shapes_cpu.json
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from encoder_timing import emit_speeds, news_texts, speed_rows, time_encoders


def build(model: str, shape: str, folder: Path) -> Path:
    """The student ``LAYERS[:FFN]`` of ``model``, saved under ``folder``."""
    from dignitary.models.pretrained import save_pretrained
    from dignitary.training.distill import student_from_teacher

    layers, _, ffn = shape.partition(":")
    student, tokenizer = student_from_teacher(model, [int(i) for i in layers.split(",")], int(ffn) if ffn else None)
    target = folder / shape.replace(",", "-").replace(":", "_")
    save_pretrained(student, tokenizer, target, half=False)
    return target


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

    import os

    from dignitary.extractor import Extractor
    from dignitary.inference.onnx_encoder import OnnxEncoder

    with tempfile.TemporaryDirectory() as tmp:
        texts = news_texts(args.words, Path(tmp))
        served = Extractor.from_pretrained(args.model, device="cpu", dtype="int8", threads=args.threads)
        batches = list(served.component.predictor.encoder_batches(texts))  # one window per call, as served
        # each student through the int8 backend as served (its export, its session options)
        os.environ["DIGNITARY_CACHE"] = str(Path(tmp) / "cache")  # the students' exports, dropped after
        encoders = {shape: OnnxEncoder(build(args.model, shape, Path(tmp)), threads=args.threads, int8=True)
                    for shape in args.shapes}
        rows = speed_rows(time_encoders(encoders, batches, args.rounds))
    emit_speeds(args, len(batches), rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
