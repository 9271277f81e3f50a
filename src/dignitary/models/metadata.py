"""A model directory's ``dignitary.json`` (schema, head config, notes), read without torch."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DignitaryError
from ..schema import Schema
from .config import HeadConfig

META_FILE = "dignitary.json"
FORMAT_VERSION = 1


@dataclass
class ModelMeta:
    """What a model directory says about its model besides the weights."""

    schema: Schema
    heads: HeadConfig
    raw: dict[str, Any]  # the whole file (training options, scores, package, ...)


def load_model_meta(path: str | Path) -> ModelMeta:
    """The metadata of a model directory; ``DignitaryError`` if it is not a dignitary model."""
    path = Path(path)
    meta_path = path / META_FILE
    if not meta_path.is_file():
        raise DignitaryError(f"{path}: not a dignitary model (no {META_FILE})")
    raw = json.loads(meta_path.read_text(encoding="utf-8"))
    if raw.get("format_version") != FORMAT_VERSION:
        raise DignitaryError(f"{path}: unsupported model format {raw.get('format_version')!r}")
    return ModelMeta(Schema.from_dict(raw["schema"]), HeadConfig.from_dict(raw["heads"]), raw)


CPU_DTYPES = ("fp32", "int8")


def preferred_cpu_dtype(raw: dict[str, Any]) -> str | None:
    """The dtype ``dtype="auto"`` means for this model on the CPU (``int8`` for a fast tier), if it says."""
    value = (raw.get("inference") or {}).get("cpu_dtype")
    return value if value in CPU_DTYPES else None


def set_preferred_cpu_dtype(path: str | Path, dtype: str) -> None:
    """Store in ``dignitary.json`` the dtype ``auto`` means for this model on the CPU."""
    if dtype not in CPU_DTYPES:
        raise DignitaryError(f"cpu dtype must be one of {CPU_DTYPES}, got {dtype!r}")
    meta_path = Path(path) / META_FILE
    load_model_meta(path)  # a dignitary model of a known format
    raw = json.loads(meta_path.read_text(encoding="utf-8"))
    raw.setdefault("inference", {})["cpu_dtype"] = dtype
    meta_path.write_text(json.dumps(raw, indent=2) + "\n", encoding="utf-8")
