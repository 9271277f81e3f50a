"""Where the ONNX export of a model directory lives, exported on first use.

``dignitary export onnx [--int8] --model DIR [-o OUT]`` writes the graphs to ``OUT``. Without
``-o``, and for the onnx backend, they go to a cache folder named by a hash of the model's files
(``$DIGNITARY_CACHE``, default ``~/.cache/dignitary``) and by the version of the graphs this
library exports: never into the model directory, and an export is never reused after the weights,
the model's settings or the exported graphs change (a card edit keeps it). Reading the cache
needs no torch; only a missing export imports the exporter.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from .quantize import ONNX_INT8_FILE

ONNX_FILE = Path("encoder.onnx")
RELATIONS_FILE = Path("relations.onnx")
# raised whenever the exported graphs change for the same weights (2: sparse-table span pooling;
# 3: int8 weights per column, attention blocks in int8)
GRAPH_VERSION = 3
_GRAPH_INPUTS = ("config.json", "dignitary.json")  # with every weights file
_WEIGHT_SUFFIXES = (".safetensors", ".bin")  # the latter: pytorch_model.bin, which transformers also loads


def model_digest(model_dir: str | Path) -> str:
    """A hash of the files of a model directory the exported graphs depend on (names and contents):
    its weights and its two configurations, not its card, evaluations or tokenizer."""
    digest = hashlib.sha256()
    for item in sorted(Path(model_dir).iterdir()):
        if item.is_file() and (item.name in _GRAPH_INPUTS or item.suffix in _WEIGHT_SUFFIXES):
            digest.update(item.name.encode() + b"\0")
            with open(item, "rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
    return digest.hexdigest()[:20]


def cache_folder(model_dir: str | Path, opset: int = 17) -> Path:
    """Where the ONNX export of these exact model files lives."""
    root = Path(os.environ.get("DIGNITARY_CACHE", Path.home() / ".cache" / "dignitary"))
    return root / "onnx" / f"{model_digest(model_dir)}-opset{opset}-v{GRAPH_VERSION}"


def onnx_file(model_dir: str | Path, int8: bool = False) -> Path:
    """The ONNX encoder graph of a model directory's current files (the relation graph lies beside
    it), exported into the cache if missing.

    The export is written to a temporary folder and renamed into place, so a concurrent or
    interrupted export never leaves a partial file behind.
    """
    folder = cache_folder(model_dir)
    name = ONNX_INT8_FILE if int8 else ONNX_FILE
    if all((folder / f).is_file() for f in (name, ONNX_FILE, RELATIONS_FILE)):
        return folder / name
    from .onnx_export import export_onnx

    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".export-", dir=folder.parent))
    try:
        export_onnx(model_dir, int8=int8, output=staging)
        folder.mkdir(exist_ok=True)
        for item in staging.iterdir():
            os.replace(item, folder / item.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return folder / name
