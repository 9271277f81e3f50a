"""Everything a training run needs, saved with the model so the run can be repeated."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class TrainConfig:
    train_files: list[str]
    encoder: str
    output_dir: str
    dev_file: str | None = None
    text_files: list[str] = field(default_factory=list)  # texts of standoff train/dev files (see standoff.py)
    schema: str | None = None  # built-in name or schema file; default: ANNOTATION.md schema
    seed: int = 13
    epochs: int = 30
    batch_size: int = 8  # windows per step
    group_by_length: bool = True  # batch windows of similar length together (less padding)
    encoder_lr: float = 5e-5
    head_lr: float = 1e-3
    fused_optimizer: bool = False  # torch's fused AdamW: the same update rule in one kernel per step
    weight_decay: float = 0.01
    warmup_ratio: float = 0.1
    patience: int = 8  # epochs without dev improvement before stopping
    max_tokens: int = 128
    relation_weight: float = 1.0
    device: str = "auto"
    deterministic: bool = False
    resume: bool = False
    half: bool = True  # store the final weights in fp16
    casing: bool = True
    context_pooling: str = "max"  # see HeadConfig.context_pooling; the model card compares the two
    keep_checkpoint: bool = False  # keep OUTPUT/checkpoint after a finished run
    tune_threshold: bool = True  # pick the relation threshold on dev after training
    augment_swap: float = 0.0  # probability of replacing each PER/ORG/GPE mention by another of its label
    # distillation (training/distill.py) and pseudo-labels (training/pseudo.py)
    pseudo_files: list[str] = field(default_factory=list)  # model-labelled files; scores become soft targets
    pseudo_min_score: float = 0.5  # pseudo entities below this score are masked out of the tag loss
    teacher: str | None = None  # model directory whose soft tag/relation distributions the pseudo windows learn
    student_layers: list[int] = field(default_factory=list)  # start from these encoder layers of the teacher
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
