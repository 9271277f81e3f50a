"""Training: configuration, examples, the trainer loop and resumable checkpoints.

``Trainer`` and ``train`` are imported on first use, so that the configuration (and the
``dignitary train`` flags built from it) can be read without importing torch.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .config import TrainConfig

if TYPE_CHECKING:
    from .trainer import Trainer, train

__all__ = ["TrainConfig", "Trainer", "train"]


def __getattr__(name: str) -> Any:
    if name in ("Trainer", "train"):
        from . import trainer

        return getattr(trainer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
