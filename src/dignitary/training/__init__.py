"""Training: configuration, examples, the trainer loop and resumable checkpoints."""
from .config import TrainConfig
from .trainer import Trainer, train

__all__ = ["TrainConfig", "Trainer", "train"]
