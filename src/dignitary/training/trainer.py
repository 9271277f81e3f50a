"""The training loop: joint loss, dev-based model selection, early stopping, resumable checkpoints."""
from __future__ import annotations

import json
import logging
import os
import random
import shutil
import time
from pathlib import Path
from typing import Any

import numpy as np
import torch
from tqdm.auto import tqdm
from transformers import get_linear_schedule_with_warmup

from ..device import resolve_device
from ..document import Document
from ..errors import DignitaryError
from ..evaluation.metrics import evaluate_documents
from ..models.component import JointComponent
from ..models.config import HeadConfig
from ..models.joint import JointModel
from ..models.pretrained import load_encoder, load_pretrained, save_pretrained
from ..models.windows import TrainWindow
from ..schema import Schema
from ..standoff import load_documents
from .augment import mention_pool, swap_mentions
from .checkpoint import load_checkpoint, save_checkpoint
from .config import TrainConfig
from .distill import TeacherTargets, student_from_teacher
from .threshold import tune_relation_threshold

log = logging.getLogger(__name__)
CHECKPOINT_DIR = "checkpoint"
INIT_MODEL_SETTINGS = ("max_tokens", "casing", "context_pooling")  # head settings --init-model's model fixes


def init_model_clashes(values: dict[str, Any], heads: HeadConfig) -> dict[str, tuple[Any, Any]]:
    """The settings among ``values`` (training options) that differ from an ``--init-model``
    model's ``heads``, as name -> (given, the model's)."""
    return {name: (values[name], getattr(heads, name)) for name in INIT_MODEL_SETTINGS
            if name in values and values[name] != getattr(heads, name)}


def seed_everything(seed: int, deterministic: bool) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    if deterministic:
        os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")
        torch.use_deterministic_algorithms(True)
        torch.backends.cudnn.benchmark = False


def read_training_file(path: str | Path, schema: Schema, text_files: list[str] | None = None) -> list[Document]:
    """JSONL (inline, or standoff joined with ``text_files``) with dignitary's line-level checks; anything
    else (Parquet, a ``save_to_disk`` folder, a Hub dataset) through Hugging Face ``datasets``."""
    if str(path) == "-" or Path(path).suffix.lower() in (".jsonl", ".ndjson"):
        return load_documents(path, schema, text_files or [])
    if Path(path).suffix and not Path(path).exists():
        raise FileNotFoundError(f"{path}: no such file")
    from ..integrations.hf_datasets import load_documents as load_dataset_documents

    return load_dataset_documents(path, schema)


GROUP_BATCHES = 50  # batches sorted together by length; bigger groups pad less and shuffle less


def length_grouped_batches(windows: list[TrainWindow], batch_size: int, rng: random.Random) -> list[list[TrainWindow]]:
    """Batches of windows of similar length, in random order (less padding than random batches).

    ``windows`` come shuffled; each run of ``GROUP_BATCHES`` batches' worth is sorted by length
    and cut into batches, then the batches are shuffled, so an epoch still sees every window once.
    """
    group = batch_size * GROUP_BATCHES
    batches = []
    for i in range(0, len(windows), group):
        ordered = sorted(windows[i:i + group], key=lambda w: w.chunk.end - w.chunk.start, reverse=True)
        batches += [ordered[j:j + batch_size] for j in range(0, len(ordered), batch_size)]
    rng.shuffle(batches)
    return batches


class Trainer:
    """Fine-tunes a ``JointModel`` on JSONL files; ``fit`` returns the best dev scores."""

    def __init__(self, config: TrainConfig, model: JointModel | None = None, tokenizer=None):
        self.config = config
        seed_everything(config.seed, config.deterministic)
        self.device = resolve_device(config.device)
        self.schema = Schema.load(config.schema)
        if config.student_ffn is not None and not config.student_layers:
            raise DignitaryError("--student-ffn narrows a student: it needs --student-layers (and --teacher)")
        if model is None and config.init_model:
            model, tokenizer = self.load_init_model(config.init_model)
        if model is None and config.student_layers:
            model, tokenizer = student_from_teacher(config.teacher or config.encoder, config.student_layers,
                                                    config.student_ffn)
        if model is None:
            encoder, tokenizer = load_encoder(config.encoder)
            model = JointModel(encoder, self.schema, HeadConfig(max_tokens=config.max_tokens, casing=config.casing,
                                                             context_pooling=config.context_pooling))
        self.model = model.to(self.device)
        self.tokenizer = tokenizer
        self.train_docs = [d for f in config.train_files for d in read_training_file(f, self.schema, config.text_files)]
        pseudo_docs = [d for f in config.pseudo_files for d in read_training_file(f, self.schema, config.text_files)]
        self.pseudo_ids = frozenset(d.id for d in pseudo_docs)
        if len(self.pseudo_ids) != len(pseudo_docs) or self.pseudo_ids & {d.id for d in self.train_docs}:
            raise DignitaryError("pseudo-labelled documents need ids of their own (not repeated, not in --train)")
        self.train_docs += pseudo_docs
        self.dev_docs = read_training_file(config.dev_file, self.schema, config.text_files) if config.dev_file else []
        self.autocast = torch.bfloat16 if self.device.type == "cuda" else None
        self.component = JointComponent.from_model(self.model, tokenizer, self.device, self.autocast)
        self.rng = random.Random(config.seed)
        self.pool = mention_pool(self.train_docs)
        self.teacher = (TeacherTargets(config.teacher, self.component)
                        if config.teacher and config.pseudo_files else None)

    def load_init_model(self, path: str) -> tuple[JointModel, Any]:
        """The trained model at ``path`` to fine-tune further; the run's schema and head options
        become the model's (a different ``--schema`` is an error, not a silent new head)."""
        if self.config.student_layers:
            raise DignitaryError("--init-model and --student-layers exclude each other (a student starts from "
                                 "--teacher's layers)")
        model, tokenizer, _ = load_pretrained(path)
        labels = (model.schema.entity_labels, model.schema.relation_types)
        if self.config.schema is not None and labels != (self.schema.entity_labels, self.schema.relation_types):
            raise DignitaryError(f"{path}: the model's schema {model.schema.name!r} differs from --schema "
                                 f"{self.schema.name!r}; fine-tuning keeps the model's labels")
        self.schema = model.schema
        for name, (given, kept) in init_model_clashes(self.config.to_dict(), model.config).items():
            log.warning("%s: fine-tuning keeps the model's %s=%r (not %r)", path, name, kept, given)
            setattr(self.config, name, kept)
        return model, tokenizer

    # ---- data ------------------------------------------------------------------
    def epoch_windows(self) -> list[TrainWindow]:
        docs = list(self.train_docs)
        if self.config.augment_swap > 0:
            docs += [swap_mentions(d, self.pool, self.rng, self.config.augment_swap) for d in self.train_docs]
        windows = self.component.preprocess(docs, self.pseudo_ids, self.config.pseudo_min_score)
        self.rng.shuffle(windows)
        return windows

    def batches(self, windows: list[TrainWindow]) -> list[list[TrainWindow]]:
        size = self.config.batch_size
        if self.config.group_by_length:
            return length_grouped_batches(windows, size, self.rng)
        return [windows[i:i + size] for i in range(0, len(windows), size)]

    # ---- optimisation -------------------------------------------------------------
    def make_optimizer(self, steps: int):
        enc = [p for n, p in self.model.named_parameters() if n.startswith("encoder.")]
        heads = [p for n, p in self.model.named_parameters() if not n.startswith("encoder.")]
        optimizer = torch.optim.AdamW(
            [{"params": enc, "lr": self.config.encoder_lr}, {"params": heads, "lr": self.config.head_lr}],
            weight_decay=self.config.weight_decay,
            fused=True if self.config.fused_optimizer else None,
        )
        scheduler = get_linear_schedule_with_warmup(optimizer, int(self.config.warmup_ratio * steps), steps)
        return optimizer, scheduler

    def loss(self, windows: list[TrainWindow]) -> tuple[torch.Tensor, dict[str, float]]:
        """The joint loss of a batch of windows (``JointComponent.forward_loss``); pseudo-labelled
        windows learn the teacher's distributions when there is one."""
        batch = self.component.collate(windows)
        if self.teacher is not None:
            self.teacher.apply(windows, batch)
        return self.component.forward_loss(batch, self.config.relation_weight)

    # ---- loop ----------------------------------------------------------------------
    def fit(self) -> dict[str, Any]:
        cfg = self.config
        out = Path(cfg.output_dir)
        out.mkdir(parents=True, exist_ok=True)
        steps_per_epoch = len(self.batches(self.epoch_windows()))
        optimizer, scheduler = self.make_optimizer(steps_per_epoch * cfg.epochs)
        state: dict[str, Any] = {"epoch": 0, "best_score": -1.0, "best_epoch": 0, "history": []}
        ckpt = out / CHECKPOINT_DIR
        if cfg.resume and (ckpt / "trainer_state.json").is_file():
            state = load_checkpoint(ckpt, self.model, optimizer, scheduler)
            log.info("resumed from %s at epoch %d", ckpt, state["epoch"])
        started = time.time()
        for epoch in range(state["epoch"] + 1, cfg.epochs + 1):
            self.model.train()
            batches = self.batches(self.epoch_windows())
            bar = tqdm(batches, desc=f"epoch {epoch}/{cfg.epochs}", leave=False, disable=None)
            losses = []
            for windows in bar:
                loss, parts = self.loss(windows)
                optimizer.zero_grad(set_to_none=True)
                loss.backward()
                torch.nn.utils.clip_grad_norm_(self.model.parameters(), 1.0)
                optimizer.step()
                scheduler.step()
                losses.append(loss.item())
                bar.set_postfix(loss=f"{np.mean(losses[-20:]):.4f}", tag=f"{parts['tag']:.3f}",
                                rel=f"{parts['rel']:.3f}")
            record: dict[str, Any] = {"epoch": epoch, "loss": float(np.mean(losses)) if losses else 0.0}
            if self.dev_docs:
                report = evaluate_documents(self.dev_docs, self.component.predict(self.dev_docs), self.schema)
                record.update(report.summary())
                score = record["entity_f1"] + record["relation_f1"]
                if score > state["best_score"]:
                    state.update(best_score=score, best_epoch=epoch, best=record)
                    self.save(out, record)
            state["history"].append(record)
            state["epoch"] = epoch
            tqdm.write(json.dumps(record))
            save_checkpoint(ckpt, self.model, optimizer, scheduler, state)
            if self.dev_docs and epoch - state["best_epoch"] >= cfg.patience:
                tqdm.write(f"early stop: no dev improvement for {cfg.patience} epochs")
                break
        if not self.dev_docs:
            self.save(out, state["history"][-1] if state["history"] else {})
        elif cfg.tune_threshold and state["best_epoch"]:
            state["threshold"] = tune_relation_threshold(out, self.dev_docs, self.device, self.autocast)["threshold"]
        state["train_seconds"] = time.time() - started
        if not cfg.keep_checkpoint:
            shutil.rmtree(ckpt, ignore_errors=True)
        (out / "training_log.json").write_text(json.dumps(state, indent=2) + "\n", encoding="utf-8")
        return state

    def save(self, out: Path, scores: dict[str, Any]) -> None:
        extra: dict[str, Any] = {"training": self.config.to_dict(), "dev_scores": scores}
        if self.config.cpu_dtype:
            extra["inference"] = {"cpu_dtype": self.config.cpu_dtype}
        save_pretrained(self.model, self.tokenizer, out, half=self.config.half, extra=extra)


def train(config: TrainConfig) -> dict[str, Any]:
    """Train with ``config`` and return the trainer state (history, best epoch and scores)."""
    return Trainer(config).fit()
