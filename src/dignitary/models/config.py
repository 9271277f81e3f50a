"""Hyper-parameters of the heads, saved beside the encoder as JSON."""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any


@dataclass
class HeadConfig:
    """Sizes of the tagger and relation heads and of the windows they read."""

    casing: bool = True
    casing_dim: int = 32
    label_dim: int = 32
    width_dim: int = 32
    distance_dim: int = 32
    max_width: int = 32
    relation_hidden: int = 384
    context_pooling: str = "mean"  # pooling of the tokens between two mentions: "mean" or "max"
    # ("mean" here so that model files written before the option load as they were trained)
    dropout: float = 0.1
    max_tokens: int = 128  # subword window (without special tokens)
    relation_threshold: float = 0.5

    def __post_init__(self) -> None:
        if self.context_pooling not in ("mean", "max"):
            raise ValueError(f"context_pooling must be 'mean' or 'max', not {self.context_pooling!r}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "HeadConfig":
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})
