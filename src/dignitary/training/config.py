"""Everything a training run needs, saved with the model so the run can be repeated.

Each field's ``metadata`` carries its command-line help (and ``flags``, ``choices``, ``off_flags``
where the flag differs from the field name); ``training/options.py`` builds the ``dignitary train``
flags from these fields, so a new field is a new flag with no other change.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


def option(default: Any = None, help: str = "", *, factory: Any = None, **cli: Any) -> Any:
    """A dataclass field with its command-line ``help`` (and ``flags``, ``choices``, ``off_flags``)."""
    metadata = {"help": help, **cli}
    if factory is not None:
        return field(default_factory=factory, metadata=metadata)
    return field(default=default, metadata=metadata)


@dataclass
class TrainConfig:
    train_files: list[str] = field(metadata={
        "flags": ("--train",),
        "help": "training JSONL files, inline or standoff (or Parquet, save_to_disk folders, Hub datasets: "
                "dignitary[datasets])"})
    encoder: str = field(metadata={"help": "base encoder directory (Hugging Face format)"})
    output_dir: str = field(metadata={"flags": ("-o", "--output"), "help": "model directory to write"})
    dev_file: str | None = option(None, "dev JSONL for model selection and early stopping", flags=("--dev",))
    text_files: list[str] = option(factory=list, help="JSONL files holding the texts of standoff train/dev files "
                                   "(see standoff.py)", flags=("--texts",))
    schema: str | None = option(None, "built-in schema name or schema file (default: the ANNOTATION.md schema)")
    seed: int = option(13, "random seed")
    epochs: int = option(30, "maximum number of epochs")
    batch_size: int = option(8, "windows per step")
    group_by_length: bool = option(True, "batch windows of similar length together (less padding); "
                                   "--no-group-by-length: random batches")
    encoder_lr: float = option(5e-5, "learning rate of the encoder")
    head_lr: float = option(1e-3, "learning rate of the tagger and relation head")
    fused_optimizer: bool = option(False, "torch's fused AdamW: the same update rule in one kernel per step "
                                   "(faster, not bit-identical)")
    weight_decay: float = option(0.01, "AdamW weight decay")
    warmup_ratio: float = option(0.1, "fraction of the steps with a linear learning-rate warm-up")
    patience: int = option(8, "epochs without dev improvement before stopping")
    max_tokens: int = option(128, "tokens per window")
    relation_weight: float = option(1.0, "weight of the relation loss beside the tagging loss")
    device: str = option("auto", "auto, cpu, cuda, mps")
    deterministic: bool = option(False, "deterministic torch algorithms (slower)")
    resume: bool = option(False, "continue from OUTPUT/checkpoint")
    half: bool = option(True, "store the final weights in fp16 (--fp32 or --no-half: fp32)", off_flags=("--fp32",))
    casing: bool = option(True, "casing features (--no-casing for cased encoders)")
    context_pooling: str = option("max", "pooling of the tokens between two mentions in the relation head "
                                  "(see HeadConfig.context_pooling; the model card compares the two)",
                                  choices=("mean", "max"))
    keep_checkpoint: bool = option(False, "keep OUTPUT/checkpoint after a finished run")
    tune_threshold: bool = option(True, "pick the relation threshold on dev after training")
    augment_swap: float = option(0.0, "probability of replacing each PER/ORG/GPE mention by another of its label")
    # distillation (training/distill.py) and pseudo-labels (training/pseudo.py)
    pseudo_files: list[str] = option(factory=list, flags=("--pseudo",),
                                     help="pseudo-labelled files (`dignitary pseudo-label`) trained on beside --train; "
                                          "their scores are soft targets")
    pseudo_min_score: float = option(0.5, "pseudo entities scored below this are left out of the tag loss")
    teacher: str | None = option(None, "model directory: pseudo-labelled windows learn its tag distributions and "
                                 "relation probabilities (same tokenizer as the student)")
    student_layers: list[int] = option(factory=list, help="distil: start from these encoder layers (0-based) of "
                                       "--teacher (then --encoder may be left out)")
    student_ffn: int | None = option(None, "distil: keep this many feed-forward units in each student layer (those "
                                     "with the largest weights), a narrower and faster student",
                                     flags=("--student-ffn",))
    init_model: str | None = option(None, "a trained dignitary model directory to start from, encoder and heads (e.g. "
                                    "models/default), to fine-tune it on more labelled data; its schema and head "
                                    "settings are kept (then --encoder may be left out)", flags=("--init-model",))
    cpu_dtype: str | None = option(None, "what --dtype auto means for the trained model on the CPU "
                                   "(int8: a fast tier served by ONNX Runtime)", choices=("fp32", "int8"))
    extra: dict[str, Any] = option(factory=dict, help="free-form notes saved with the model (a JSON object)")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
